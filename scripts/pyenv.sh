#!/usr/bin/env bash
# Creates target/pyenv, a Python virtual environment from PyPI with exactly the packages
# and hashes of tests/py/requirements.txt: boto3 and the AWS CLI v1 (the SDK tests of
# `smvault serve`) and moto server (an independent Secrets Manager endpoint for the
# push/pull tests). Idempotent: an environment made from the same requirements file (its
# SHA-256 is stamped in VENV/requirements.sha256) is left as it is; a changed file
# remakes it.
#   scripts/pyenv.sh [VENV REQUIREMENTS MODULE...]
# makes another venv the same way: tests/container/run.sh's target/ctenv (testcontainers,
# podman-compose) from tests/container/requirements.txt; MODULEs are imported to check it.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-target/pyenv}
requirements=${2:-tests/py/requirements.txt}
modules=("${@:3}")
[ ${#modules[@]} -gt 0 ] || modules=(boto3 awscli moto.server)
imports="import $(IFS=,; echo "${modules[*]}")"
stamp="$venv/requirements.sha256"
mkdir -p target
# Test threads and binaries may ask at once: one makes the venv, the others wait for it.
exec 9>"$venv.lock"
flock 9
want=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] &&
    "$venv/bin/python" -c "$imports" 2>/dev/null; then
    exit 0
fi
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
    # Debian/Ubuntu ship venv separately.
    apt-get update -qq && apt-get install -y -qq python3-venv
fi
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --require-hashes -r "$requirements"
echo "$want" >"$stamp"
[ "$venv" = target/pyenv ] || { "$venv/bin/python" -c "$imports"; echo "pyenv: $venv from $requirements"; exit 0; }
"$venv/bin/python" -c 'import boto3, botocore, awscli, moto; print("pyenv: boto3", boto3.__version__, "botocore", botocore.__version__, "awscli", awscli.__version__, "moto", moto.__version__)'
