#!/usr/bin/env bash
#! Shared by the bench scripts (sourced): installing missing tools through apt, as a CI image
#! would, and the vault plaintext they measure (bench/plaintext.py).

# Resolved now: the scripts cd into a scratch folder before they generate plaintext, so
# a relative path to this file (`bash bench/run.sh` from the root) would no longer hold.
BENCH_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

need() { # need <command> <apt package>
    command -v "$1" >/dev/null 2>&1 && return
    echo "installing $2 (for $1)" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get install -y "$2" >/dev/null 2>&1 || {
        $sudo apt-get update >/dev/null && $sudo apt-get install -y "$2" >/dev/null
    }
}

gen_plaintext() { # gen_plaintext <count> <file>
    python3 "$BENCH_LIB_DIR/plaintext.py" "$1" "$2"
}
