//! `file://` / `fileb://` parameter values: aws-cli's `paramfile.py` (`get_paramfile`, `get_file`); its error texts' Python `repr`s come from `render::py`.

use std::fs::File;
use std::io::{self, Read};

/// What a prefixed value loads to: `file://` gives text (Python `str`), `fileb://` raw bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamFile {
    Text(String),
    Bytes(Vec<u8>),
}

/// aws-cli's `ResourceLoadingError`; the option parser prefixes `Error parsing parameter '--x': `.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParamFileError {
    /// An `OSError` from `open()`/`read()`, formatted the way Python's `str(OSError)` is.
    #[error(
        "Unable to load paramfile {value}: [Errno {errno}] {strerror}: {}",
        crate::render::py::repr_str(path)
    )]
    Os {
        /// The whole option value, prefix included.
        value: String,
        /// The expanded path that was opened.
        path: String,
        errno: i32,
        strerror: String,
    },
    /// An I/O failure without an errno (e.g. a NUL in the path; Python raises ValueError there).
    #[error("Unable to load paramfile {value}: {message}")]
    Other { value: String, message: String },
    /// `file://` content that is not valid UTF-8. The two spaces are the CLI's.
    #[error(
        "Unable to load paramfile ({path}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix."
    )]
    Decode { path: String },
}

/// Environment lookup backed by the real process environment (read where the CLI
/// reads it, in its settings).
pub fn process_env(name: &str) -> Option<String> {
    crate::cli::settings::Settings::env_lookup(name)
}

/// If `value` starts with `file://` or `fileb://` (case-sensitive, whole value), loads it:
/// `file://` as UTF-8 text with universal newlines (`\r\n` and `\r` become `\n`, a trailing
/// newline is kept), `fileb://` as raw bytes. The path gets `~` then `$VAR`/`${VAR}` expanded
/// (`os.path.expandvars(os.path.expanduser(p))`) using `env`, and is relative to the cwd.
/// Returns `Ok(None)` when there is no prefix.
pub fn load(
    value: &str,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Option<ParamFile>, ParamFileError> {
    let (rest, binary) = if let Some(rest) = value.strip_prefix("file://") {
        (rest, false)
    } else if let Some(rest) = value.strip_prefix("fileb://") {
        (rest, true)
    } else {
        return Ok(None);
    };
    let path = expand_vars(&expand_user(rest, &env), &env);
    let bytes = read_all(&path).map_err(|e| os_error(value, &path, &e))?;
    if binary {
        return Ok(Some(ParamFile::Bytes(bytes)));
    }
    let text = String::from_utf8(bytes).map_err(|_| ParamFileError::Decode { path })?;
    Ok(Some(ParamFile::Text(universal_newlines(&text))))
}

fn read_all(path: &str) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    // Opening a directory succeeds on Linux; the read then fails with EISDIR, which is
    // the errno Python's open() reports too.
    File::open(path)?.read_to_end(&mut buf)?;
    Ok(buf)
}

fn os_error(value: &str, path: &str, e: &io::Error) -> ParamFileError {
    match e.raw_os_error() {
        Some(errno) => ParamFileError::Os {
            value: value.to_string(),
            path: path.to_string(),
            errno,
            strerror: strerror(errno),
        },
        None => ParamFileError::Other {
            value: value.to_string(),
            message: if path.contains('\0') {
                "embedded null byte".to_string()
            } else {
                e.to_string()
            },
        },
    }
}

/// The C `strerror` text, which is what Python prints; Rust appends " (os error N)" to it.
fn strerror(errno: i32) -> String {
    let full = io::Error::from_raw_os_error(errno).to_string();
    let suffix = format!(" (os error {errno})");
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

/// Python text mode with `newline=None`: every `\r\n` and lone `\r` reads as `\n`.
fn universal_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// `posixpath.expanduser`: `~` uses `$HOME` (falling back to the passwd entry of the
/// current user), `~name` the passwd entry of `name`; unknown users leave the path as is.
fn expand_user(path: &str, env: &impl Fn(&str) -> Option<String>) -> String {
    let Some(after) = path.strip_prefix('~') else {
        return path.to_string();
    };
    let end = after.find('/').unwrap_or(after.len());
    let (name, tail) = after.split_at(end);
    let home = if name.is_empty() {
        env("HOME").or_else(current_user_home)
    } else {
        passwd_home(|user, _| user == name)
    };
    let Some(home) = home else {
        return path.to_string();
    };
    let joined = format!("{}{tail}", home.trim_end_matches('/'));
    if joined.is_empty() {
        "/".to_string()
    } else {
        joined
    }
}

fn current_user_home() -> Option<String> {
    // std has no getuid(); the owner of /proc/self is the process's user.
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    passwd_home(|_, entry_uid| entry_uid == Some(uid))
}

fn passwd_home(matches: impl Fn(&str, Option<u32>) -> bool) -> Option<String> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        let (name, uid, dir) = (fields.first()?, fields.get(2)?, fields.get(5)?);
        matches(name, uid.parse().ok()).then(|| dir.to_string())
    })
}

/// `posixpath.expandvars`: `$name` (ASCII `\w+`) or `${anything}`; unset variables stay.
fn expand_vars(path: &str, env: &impl Fn(&str) -> Option<String>) -> String {
    if !path.contains('$') {
        return path.to_string();
    }
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(pos) = rest.find('$') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let (name, len) = if let Some(inner) = after.strip_prefix('{') {
            match inner.find('}') {
                Some(close) => (&inner[..close], close + 2),
                None => ("", 0),
            }
        } else {
            let n = after.find(|c: char| !is_word(c)).unwrap_or(after.len());
            (&after[..n], n)
        };
        // `${}` matches the regex but names nothing, so like an unset variable it stays.
        match (len > 0).then(|| env(name)).flatten() {
            Some(value) => out.push_str(&value),
            None => out.push_str(&rest[pos..pos + 1 + len]),
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    /// A fresh directory per test, removed afterwards.
    fn tmpdir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn no_prefix_is_none() {
        assert_eq!(load("plain", no_env).unwrap(), None);
        assert_eq!(load("FILE://x", no_env).unwrap(), None);
        assert_eq!(load(" file://x", no_env).unwrap(), None);
        assert_eq!(load("http://example.com", no_env).unwrap(), None);
    }

    #[test]
    fn missing_file_error_text() {
        let err = load("file://nonexistent.txt", no_env).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Unable to load paramfile file://nonexistent.txt: [Errno 2] No such file or directory: 'nonexistent.txt'"
        );
        let err = load("fileb://nonexistent.bin", no_env).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Unable to load paramfile fileb://nonexistent.bin: [Errno 2] No such file or directory: 'nonexistent.bin'"
        );
    }

    /// The path is Python's repr: U+0890 (a format character since Unicode 14) is escaped.
    #[test]
    fn missing_file_error_escapes_what_python_cannot_print() {
        let err = load("file://a\u{890}b\u{a0}.txt", no_env).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Unable to load paramfile file://a\u{890}b\u{a0}.txt: [Errno 2] No such file or directory: 'a\\u0890b\\xa0.txt'"
        );
    }

    #[test]
    fn missing_file_error_shows_expanded_path() {
        let env = |n: &str| (n == "HOME").then(|| "/no/such/home".to_string());
        let err = load("file://~/x.txt", env).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Unable to load paramfile file://~/x.txt: [Errno 2] No such file or directory: '/no/such/home/x.txt'"
        );
    }

    #[test]
    fn directory_is_errno_21() {
        let tmp = tmpdir();
        let dir = tmp.path();
        let value = format!("file://{}", dir.display());
        let err = load(&value, no_env).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "Unable to load paramfile {value}: [Errno 21] Is a directory: '{}'",
                dir.display()
            )
        );
    }

    #[test]
    fn crlf_and_cr_become_lf_and_trailing_newline_kept() {
        let tmp = tmpdir();
        let dir = tmp.path();
        let path = dir.join("crlf.txt");
        std::fs::write(&path, b"a\r\nb\r\n").unwrap();
        let got = load(&format!("file://{}", path.display()), no_env).unwrap();
        assert_eq!(got, Some(ParamFile::Text("a\nb\n".into())));

        std::fs::write(&path, b"a\rb\r\r\nc").unwrap();
        let got = load(&format!("file://{}", path.display()), no_env).unwrap();
        assert_eq!(got, Some(ParamFile::Text("a\nb\n\nc".into())));

        std::fs::write(&path, b"pass\n").unwrap();
        let got = load(&format!("file://{}", path.display()), no_env).unwrap();
        assert_eq!(got, Some(ParamFile::Text("pass\n".into())));
    }

    #[test]
    fn fileb_is_raw_bytes() {
        let tmp = tmpdir();
        let dir = tmp.path();
        let path = dir.join("blob.bin");
        std::fs::write(&path, b"\x00\xff\r\n").unwrap();
        let got = load(&format!("fileb://{}", path.display()), no_env).unwrap();
        assert_eq!(got, Some(ParamFile::Bytes(b"\x00\xff\r\n".to_vec())));
    }

    #[test]
    fn undecodable_text_error() {
        let tmp = tmpdir();
        let dir = tmp.path();
        let path = dir.join("bin.dat");
        std::fs::write(&path, b"\xff\xfe\x00").unwrap();
        let err = load(&format!("file://{}", path.display()), no_env).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "Unable to load paramfile ({}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.",
                path.display()
            )
        );
    }

    #[test]
    fn tilde_and_vars_expand() {
        let tmp = tmpdir();
        let dir = tmp.path();
        std::fs::write(dir.join("secret.txt"), "s3cr3t").unwrap();
        let home = dir.display().to_string();
        let env = move |n: &str| match n {
            "HOME" => Some(format!("{home}/")),
            "SUB" => Some("secret".to_string()),
            _ => None,
        };
        for value in [
            "file://~/secret.txt",
            "file://~/$SUB.txt",
            "file://~/${SUB}.txt",
        ] {
            assert_eq!(
                load(value, &env).unwrap(),
                Some(ParamFile::Text("s3cr3t".into())),
                "{value}"
            );
        }
    }

    #[test]
    fn expand_user_rules() {
        let env = |n: &str| (n == "HOME").then(|| "/home/me/".to_string());
        assert_eq!(expand_user("~", &env), "/home/me");
        assert_eq!(expand_user("~/a", &env), "/home/me/a");
        assert_eq!(expand_user("a/~", &env), "a/~");
        assert_eq!(
            expand_user("~no-such-user-xyz/a", &env),
            "~no-such-user-xyz/a"
        );
        let root = |n: &str| (n == "HOME").then(|| "/".to_string());
        assert_eq!(expand_user("~", &root), "/");
        assert_eq!(expand_user("~/x", &root), "/x");
    }

    #[test]
    fn expand_vars_rules() {
        let env = |n: &str| match n {
            "A" => Some("1".to_string()),
            "A_B" => Some("2".to_string()),
            _ => None,
        };
        assert_eq!(expand_vars("$A/$A_B", &env), "1/2");
        assert_eq!(expand_vars("${A}x", &env), "1x");
        assert_eq!(expand_vars("$Ax", &env), "$Ax");
        assert_eq!(expand_vars("$UNSET/${UNSET}", &env), "$UNSET/${UNSET}");
        assert_eq!(expand_vars("${}", &env), "${}");
        assert_eq!(expand_vars("${A", &env), "${A");
        assert_eq!(expand_vars("$", &env), "$");
        assert_eq!(expand_vars("a$-b", &env), "a$-b");
        assert_eq!(expand_vars("$A$A", &env), "11");
    }
}
