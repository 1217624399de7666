#!/usr/bin/env bash
# Regenerates the committed shell completions (completions/) and man pages (man/) from the
# clap definitions, with the hidden `smvault generate` command; tests/repo/generated.rs fails
# until they are current. Commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
smvault() { cargo run --quiet -- "$@"; }
mkdir -p completions man
for pair in bash:smvault.bash zsh:_smvault fish:smvault.fish powershell:_smvault.ps1 elvish:smvault.elv; do
    smvault generate completions "${pair%%:*}" >"completions/${pair#*:}"
done
# Pages of commands that no longer exist must not linger.
rm -f man/*.1
smvault generate man man
echo "regenerated completions/ and man/"
