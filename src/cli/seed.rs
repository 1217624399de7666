//! Secrets seeded from a folder when `serve` starts (`--seed DIR` or SMVAULT_SEED_DIR,
//! issue 19): a compose file or a Kubernetes secret mounts the folder, and each file in it
//! becomes the secret its path names (`seed/app/db` is `app/db`), created through
//! CreateSecret with all its rules, only when the vault has no secret of that name. The
//! vault persists and is the source of truth, so a seed never overwrites: a restarted
//! container keeps what its clients changed.

use std::path::{Path, PathBuf};

use serde_json::json;

use super::exit::CliError;
use crate::service::{self, Env, Error};

/// At most this many files and this deep: a folder mounted by mistake (a whole home) is
/// refused rather than walked.
const MAX_FILES: usize = 10_000;
const MAX_DEPTH: usize = 16;
/// SecretString and SecretBinary hold at most 65,536 bytes (the API model); a larger file
/// is refused by name without being read whole.
const MAX_SIZE: u64 = 65_536;

/// A secret to seed: its name and its value as the file holds it.
#[derive(Debug, PartialEq)]
struct Seed {
    name: String,
    value: Vec<u8>,
}

/// The files under `dir` as seeds, sorted by name. Names starting with `.` are left out,
/// files and folders alike: Kubernetes mounts a secret's keys as links into `..data`,
/// and editors leave `.swp` files. Links to files are followed (those Kubernetes links).
fn walk(dir: &Path) -> Result<Vec<Seed>, String> {
    let mut seeds = Vec::new();
    let mut pending: Vec<(PathBuf, usize)> = vec![(dir.to_path_buf(), 0)];
    while let Some((folder, depth)) = pending.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
            let path = entry.path();
            let file_name = entry.file_name();
            let Some(word) = file_name.to_str() else {
                return Err(format!("{}: the name is not UTF-8", path.display()));
            };
            if word.starts_with('.') {
                continue;
            }
            let meta = std::fs::metadata(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            if meta.is_dir() {
                if depth + 1 >= MAX_DEPTH {
                    return Err(format!(
                        "{}: deeper than {MAX_DEPTH} folders",
                        path.display()
                    ));
                }
                pending.push((path, depth + 1));
                continue;
            }
            if !meta.is_file() {
                continue;
            }
            if meta.len() > MAX_SIZE {
                return Err(format!(
                    "{}: {} bytes, more than a secret holds ({MAX_SIZE})",
                    path.display(),
                    meta.len()
                ));
            }
            if seeds.len() == MAX_FILES {
                return Err(format!("{}: more than {MAX_FILES} files", dir.display()));
            }
            let name = path
                .strip_prefix(dir)
                .map_err(|_| format!("{}: outside {}", path.display(), dir.display()))?
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let value =
                std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            seeds.push(Seed { name, value });
        }
    }
    seeds.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(seeds)
}

/// CreateSecret's request for a seed: text without its one final newline (what `echo`
/// and editors add), or the bytes as SecretBinary when they are not UTF-8.
fn request(seed: &Seed) -> serde_json::Value {
    match std::str::from_utf8(&seed.value) {
        Ok(text) => {
            let text = text.strip_suffix('\n').unwrap_or(text);
            let text = text.strip_suffix('\r').unwrap_or(text);
            json!({"Name": seed.name, "SecretString": text})
        }
        Err(_) => {
            use base64::Engine as _;
            let b64 = base64::engine::general_purpose::STANDARD.encode(&seed.value);
            json!({"Name": seed.name, "SecretBinary": b64})
        }
    }
}

/// Seeds `dir` into the vault: creates each secret the vault lacks, says on stderr how
/// many were made and kept. The first refusal stops the start, naming its file.
pub fn seed(env: &Env, dir: &Path) -> Result<(), CliError> {
    let seeds = walk(dir).map_err(|e| CliError::ParamValidation(format!("seed folder: {e}")))?;
    let (mut made, mut kept) = (0, 0);
    for s in &seeds {
        let mut req = request(s);
        // As the AWS CLI and SDKs do: the API needs a token, and each seed is its own write.
        req["ClientRequestToken"] = json!(uuid::Uuid::new_v4().to_string());
        match service::run("CreateSecret", req, env) {
            Ok(_) => made += 1,
            Err(Error::Service { err, .. }) if err.code.as_str() == "ResourceExistsException" => {
                kept += 1;
            }
            Err(e) => {
                return Err(CliError::ParamValidation(format!(
                    "seed folder: {}: {e}",
                    dir.join(&s.name).display()
                )));
            }
        }
    }
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!(
            "smvault: seeded {made} secrets from {} ({kept} already in the vault, kept as they are)\n",
            dir.display()
        )
        .as_bytes(),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_become_secrets_named_by_their_paths_and_dot_names_are_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("app/nested")).unwrap();
        std::fs::create_dir_all(d.join("..data")).unwrap();
        std::fs::write(d.join("app/db"), "p1\n").unwrap();
        std::fs::write(d.join("app/nested/key"), "k").unwrap();
        std::fs::write(d.join("..data/hidden"), "h").unwrap();
        std::fs::write(d.join(".swp"), "x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(d.join("app/nested/key"), d.join("linked")).unwrap();
        let names: Vec<String> = walk(d).unwrap().into_iter().map(|s| s.name).collect();
        let mut want = vec!["app/db", "app/nested/key"];
        if cfg!(unix) {
            want.push("linked");
        }
        assert_eq!(names, want);
    }

    #[test]
    fn one_final_newline_is_dropped_and_other_bytes_are_binary() {
        let text = |v: &[u8]| {
            request(&Seed {
                name: "n".into(),
                value: v.to_vec(),
            })
        };
        assert_eq!(text(b"p1\n")["SecretString"], "p1");
        assert_eq!(text(b"p1\r\n")["SecretString"], "p1");
        assert_eq!(text(b"p1\n\n")["SecretString"], "p1\n");
        assert_eq!(text(b"{\"a\":1}")["SecretString"], "{\"a\":1}");
        assert_eq!(text(&[0xff, 0x00])["SecretBinary"], "/wA=");
    }

    #[test]
    fn a_file_larger_than_a_secret_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("big"), vec![b'a'; 65_537]).unwrap();
        let err = walk(dir.path()).unwrap_err();
        assert!(err.contains("big") && err.contains("65536"), "{err}");
    }
}
