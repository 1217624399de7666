#!/usr/bin/env bash
# The Python tools the tests drive against local endpoints, in a venv under
# target/pyenv (never the system's Python): boto3 and the AWS CLI (serve's SDK
# tests) and moto server (an independent Secrets Manager for push/pull tests).
# Idempotent: a stamp of the requirement list skips the install when nothing changed.
# Prints the venv's directory.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${SMVAULT_PYENV:-$PWD/target/pyenv}"
requirements="boto3 awscli moto[server]"
stamp="$venv/.smvault-requirements"
if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$requirements" ]; then
  echo "$venv"
  exit 0
fi
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  apt-get update -qq && apt-get install -y -qq python3-venv >&2
fi
python3 -m venv "$venv" >&2
# shellcheck disable=SC2086 # the list is words
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check $requirements >&2
echo "$requirements" > "$stamp"
echo "$venv"
