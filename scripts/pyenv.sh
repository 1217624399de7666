#!/usr/bin/env bash
# Creates target/pyenv, a Python virtual environment with boto3 and the AWS CLI v1 from
# PyPI, for the SDK tests of `smvault serve` (tests/serve.rs runs tests/py/test_serve.py
# in it). Idempotent: an existing environment with both is left as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/pyenv
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import boto3, awscli' 2>/dev/null; then
    exit 0
fi
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
    # Debian/Ubuntu ship venv separately.
    apt-get update -qq && apt-get install -y -qq python3-venv
fi
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check boto3 awscli
"$venv/bin/python" -c 'import boto3, botocore, awscli; print("pyenv: boto3", boto3.__version__, "botocore", botocore.__version__, "awscli", awscli.__version__)'
