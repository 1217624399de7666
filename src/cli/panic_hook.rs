//! The panic hook: a bug must never print a value (a panic payload can hold a secret),
//! only where it happened, and it exits 255 (the AWS CLI's "anything else").

use std::io::Write;

/// Replaces Rust's default panic report (payload and backtrace) with one fixed line,
/// `\n<prog>: [ERROR]: internal error at <file>:<line>`, and exits 255 at once: no
/// unwinding past the hook, so no later code runs on a broken invariant.
pub fn install(prog: &str) {
    let prog = prog.to_string();
    std::panic::set_hook(Box::new(move |info| {
        let _ = std::io::stderr().write_all(line(&prog, info.location()).as_bytes());
        std::process::exit(i32::from(super::exit::code::GENERAL));
    }));
}

fn line(prog: &str, location: Option<&std::panic::Location<'_>>) -> String {
    let at = location.map_or_else(
        || "an unknown place".to_string(),
        |l| format!("{}:{}", l.file(), l.line()),
    );
    format!("\n{prog}: [ERROR]: internal error at {at} (a bug in smvault; please report it)\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_names_the_place_only() {
        let here = std::panic::Location::caller();
        let text = line("smvault", Some(here));
        assert!(text.starts_with("\nsmvault: [ERROR]: internal error at src/cli/panic_hook.rs:"));
        assert!(text.ends_with("please report it)\n"));
    }
}
