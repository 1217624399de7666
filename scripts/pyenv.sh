#!/usr/bin/env bash
# Creates target/pyenv, a Python virtual environment from PyPI with boto3 and the AWS CLI
# v1 (the SDK tests of `smvault serve`) and moto server (an independent Secrets Manager
# endpoint for the push/pull tests, tests/push_pull.rs). Idempotent: an existing
# environment with all three is left as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/pyenv
mkdir -p target
# Test threads and binaries may ask at once: one makes the venv, the others wait for it.
exec 9>target/pyenv.lock
flock 9
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import boto3, awscli, moto.server' 2>/dev/null; then
    exit 0
fi
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
    # Debian/Ubuntu ship venv separately.
    apt-get update -qq && apt-get install -y -qq python3-venv
fi
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check boto3 awscli 'moto[server]'
"$venv/bin/python" -c 'import boto3, botocore, awscli, moto; print("pyenv: boto3", boto3.__version__, "botocore", botocore.__version__, "awscli", awscli.__version__, "moto", moto.__version__)'
