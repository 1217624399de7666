//! smvault's own commands: `init` (identity and empty vault) and the hidden `generate`
//! (completions and man pages from the clap definitions).

use std::path::Path;

use clap::builder::Resettable;
use clap::{ArgMatches, Command};
use clap_complete::Shell;

use super::exit::CliError;
use super::settings::Settings;
use crate::service::IdentitySource;
use crate::service::init::{Init, init};

pub fn run(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let request = Init {
        account_id: m.get_one::<String>("account-id").cloned(),
        default_region: m.get_one::<String>("default-region").cloned(),
        recipients: m
            .get_many::<String>("recipient")
            .map(|v| v.cloned().collect())
            .unwrap_or_default(),
        passphrase: m
            .get_flag("passphrase")
            .then_some(|what: &str| super::passphrase::ask(what, true)),
    };
    let done = init(&settings.env, &request)?;
    let identity = match &settings.env.identity {
        IdentitySource::File(p) => p.display().to_string(),
        IdentitySource::Text(_) | IdentitySource::Key(_) => "SMVAULT_AGE_KEY (environment)".into(),
    };
    super::print(&format!(
        "vault: {}\nidentity: {identity}\npublic key: {}\naccount: {}\n",
        done.vault.display(),
        done.public_key,
        done.account_id
    ))
}

pub fn generate(m: &ArgMatches, prog: &str) -> Result<(), CliError> {
    let what = m
        .get_one::<String>("what")
        .map(String::as_str)
        .unwrap_or_default();
    let target = m.get_one::<String>("target").cloned().unwrap_or_default();
    match what {
        "completions" => {
            let shell: Shell = target
                .parse()
                .map_err(|_| CliError::ParamValidation(format!("unknown shell '{target}'")))?;
            super::print(&String::from_utf8_lossy(&completion_script(shell, prog)))
        }
        _ => {
            let dir = Path::new(&target);
            let fail = |e: std::io::Error| {
                CliError::General(format!("cannot write man pages to {target}: {e}"))
            };
            std::fs::create_dir_all(dir).map_err(fail)?;
            for (name, page) in man_pages(prog).map_err(fail)? {
                std::fs::write(dir.join(name), page).map_err(fail)?;
            }
            Ok(())
        }
    }
}

/// The completion script for `shell`, generated from the command line definition.
pub fn completion_script(shell: Shell, prog: &str) -> Vec<u8> {
    let mut cmd = super::args::command(prog);
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, prog, &mut out);
    out
}

/// One man page per visible command, as `(file name, roff)`: what `clap_mangen::generate_to`
/// writes, except that the text after the options (exit codes, environment, examples) keeps
/// its layout in sections of its own instead of being refilled into one paragraph.
pub fn man_pages(prog: &str) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = super::args::command(prog).disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    add_man_pages(&cmd, &mut pages)?;
    Ok(pages)
}

fn add_man_pages(cmd: &Command, pages: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        add_man_pages(sub, pages)?;
    }
    let after = cmd.get_after_long_help().map(ToString::to_string);
    let man = clap_mangen::Man::new(cmd.clone().after_long_help(Resettable::Reset));
    let mut page = Vec::new();
    man.render(&mut page)?;
    if let Some(after) = after {
        let sections = roff_sections(&after);
        // Before VERSION, where man pages keep such sections.
        let at = find(&page, b"\n.SH VERSION\n").map_or(page.len(), |i| i + 1);
        page.splice(at..at, sections.into_bytes());
    }
    pages.push((man.get_filename(), page));
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Turns help text made of `Title:` lines followed by indented lines into roff sections
/// whose bodies are printed as written (tables and examples keep their columns).
fn roff_sections(text: &str) -> String {
    let mut out = String::new();
    let mut open = false;
    for line in text.lines() {
        let title = line.strip_suffix(':').filter(|_| !line.starts_with(' '));
        match title {
            Some(title) => {
                if open {
                    out.push_str(".fi\n");
                }
                out.push_str(&format!(".SH \"{}\"\n.nf\n", title.to_uppercase()));
                open = true;
            }
            None => {
                let body = line.strip_prefix("  ").unwrap_or(line);
                out.push_str(&roff_escape(body));
                out.push('\n');
            }
        }
    }
    if open {
        out.push_str(".fi\n");
    }
    out
}

/// Escapes a line of text for roff, as the `roff` crate does for clap_mangen's own text.
fn roff_escape(line: &str) -> String {
    let escaped = line
        .replace('\\', "\\e")
        .replace('-', "\\-")
        .replace('\'', "\\*(Aq");
    if escaped.starts_with('.') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_sections_become_preformatted_roff_sections() {
        let roff =
            roff_sections("Exit codes:\n  0    ok\n  252  bad -x\n\nExample:\n  a \\\n    .b 'c'");
        assert_eq!(
            roff,
            ".SH \"EXIT CODES\"\n.nf\n0    ok\n252  bad \\-x\n\n.fi\n\
             .SH \"EXAMPLE\"\n.nf\na \\e\n  .b \\*(Aqc\\*(Aq\n.fi\n"
        );
        assert_eq!(roff_escape(".x"), "\\&.x");
    }

    #[test]
    fn one_man_page_per_visible_command() {
        let pages = man_pages("smvault").unwrap();
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"smvault.1"));
        assert!(names.contains(&"smvault-get-secret-value.1"));
        assert!(names.contains(&"smvault-init.1"));
        assert!(
            !names
                .iter()
                .any(|n| n.contains("generate") || n.contains("help"))
        );
        let root = String::from_utf8(pages.last().unwrap().1.clone()).unwrap();
        assert!(root.contains(".SH \"EXIT CODES\""), "{root}");
        assert!(!root.contains('\x1b'), "no terminal escapes in man pages");
    }
}
