#!/usr/bin/env bash
#! Shared by the bench scripts (sourced): installing missing tools through apt, as a CI image
#! would, and the vault plaintext they measure (bench/plaintext.py).

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
    python3 "$(dirname "${BASH_SOURCE[0]}")/plaintext.py" "$1" "$2"
}
