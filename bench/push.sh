#!/usr/bin/env bash
#! Times `smvault push` and `smvault pull` of N secrets (default 1,000, ~900 bytes each)
#! against local Secrets Manager endpoints: moto server, and `smvault serve` on a second
#! vault when this build has it. Baseline in the same run: boto3 creating the same N
#! secrets one CreateSecret each on the same kind of endpoint. Goal: push < 10 s on serve.
#! Usage: bench/push.sh [N]   (needs scripts/pyenv.sh's venv; made if missing)
#! Env: SMVAULT_BIN runs that binary instead of building the release one.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-1000}
BIN=${SMVAULT_BIN:-$ROOT/target/release/smvault}
bash "$ROOT/scripts/pyenv.sh" >/dev/null
PY="$ROOT/target/pyenv/bin/python"
source "$ROOT/bench/lib.sh" # free_port, wait_port
if [ -z "${SMVAULT_BIN:-}" ]; then
    echo "building release..." >&2
    (cd "$ROOT" && cargo build --release --locked --bins >&2)
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/smvault-bench-push.XXXXXX")
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
export SMVAULT_AGE_KEY_FILE="$WORK/identity.txt"

start_moto() { # prints the URL; the server's pid goes into PIDS via a file
    local port
    port=$(free_port)
    "$(dirname "$PY")/moto_server" -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
    echo $! >>"$WORK/pids"
    wait_port "$port"
    echo "http://127.0.0.1:$port"
}
stop_all() {
    [ -f "$WORK/pids" ] && while read -r p; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done <"$WORK/pids"
    rm -f "$WORK/pids"
}
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l | xargs printf '%.2f'; }
command -v bc >/dev/null || { apt-get update -qq && apt-get install -y -qq bc >/dev/null; }

boto_create() { # boto_create URL PREFIX: N CreateSecret calls, one client
    "$PY" - "$1" "$N" "$2" <<'EOF'
import sys, boto3
url, n, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
c = boto3.client("secretsmanager", endpoint_url=url, region_name="us-east-1")
for i in range(n):
    c.create_secret(Name=f"{prefix}s{i:05d}", SecretString=("v%05d" % i) * 150)
EOF
}

row() { printf '%-8s %-34s %9s s %9s s %7s  %s\n' "$@"; }
echo "smvault $("$BIN" --version | head -1); $(nproc) cores; $N secrets"
row endpoint measure smvault baseline ratio note

# --- moto ------------------------------------------------------------------------------
URL=$(start_moto)
t0=$(now); boto_create "$URL" bench/; t1=$(now)
base=$(secs "$t0" "$t1")
export SMVAULT_FILE="$WORK/a.age"
"$BIN" init >/dev/null 2>&1
t0=$(now); "$BIN" pull --endpoint-url "$URL" >/dev/null; t1=$(now)
pull=$(secs "$t0" "$t1")
row moto "pull $N (into an empty vault)" "$pull" "$base" "$(echo "$pull / $base" | bc -l | xargs printf '%.2f')" "baseline: boto3 CreateSecret x$N"
stop_all
URL=$(start_moto)
t0=$(now); "$BIN" push --endpoint-url "$URL" >/dev/null; t1=$(now)
push=$(secs "$t0" "$t1")
row moto "push $N (to an empty endpoint)" "$push" "$base" "$(echo "$push / $base" | bc -l | xargs printf '%.2f')" "goal < 10 s (on serve)"
t0=$(now); "$BIN" push --endpoint-url "$URL" >/dev/null; t1=$(now)
again=$(secs "$t0" "$t1")
row moto "push $N again (all skipped)" "$again" "$base" "$(echo "$again / $base" | bc -l | xargs printf '%.2f')" ""
stop_all

# --- smvault serve on a second vault (when this build has it) ---------------------------
if "$BIN" serve --help >/dev/null 2>&1; then
    export SMVAULT_FILE="$WORK/b.age"
    "$BIN" init >/dev/null 2>&1
    port=$(free_port)
    "$BIN" serve --listen "127.0.0.1:$port" >/dev/null 2>&1 &
    echo $! >>"$WORK/pids"
    wait_port "$port"
    # The served vault's credentials, as an SDK user would take them.
    eval "$(SMVAULT_FILE="$WORK/b.age" "$BIN" serve --print-env)"
    URL="http://127.0.0.1:$port"
    export SMVAULT_FILE="$WORK/a.age"
    t0=$(now); "$BIN" push --endpoint-url "$URL" >/dev/null; t1=$(now)
    push=$(secs "$t0" "$t1")
    # Baseline on serve: boto3 creating N more secrets on the same endpoint.
    t0=$(now); boto_create "$URL" baseline/; t1=$(now)
    sbase=$(secs "$t0" "$t1")
    row serve "push $N (to an empty vault)" "$push" "$sbase" "$(echo "$push / $sbase" | bc -l | xargs printf '%.2f')" "goal < 10 s: $(echo "$push < 10" | bc -l | sed 's/1/ok/;s/0/OVER/')"
    stop_all
else
    echo "serve: this build has no \`smvault serve\`; moto's figures above stand in"
fi
