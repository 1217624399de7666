#!/usr/bin/env bash
#! Repeats issue 17's resource attacks on `smvault serve` (release build, under
#! `ulimit -n 1024`) while one client keeps calling /ping (a new connection each time, as a
#! health check does) and a SigV4-signed GetSecretValue (boto3, kept-alive): 1,100 stalled
#! bodies, 600 x 500 KiB half-sent bodies, 2,000 idle connections, each phase sustained
#! (every connection the server closes is opened again). Prints, per phase, the client's
#! p50/p99/max and errors and the server's peak RSS and RSS 5 s after, against the goals
#! (client p99 < 100 ms; RSS < 20 MB + 3x plaintext + the 64 MiB body budget under attack,
#! < 20 MB + 3x plaintext after); then SIGTERM with a writer running and stalled clients
#! held: exit 0 within the 10 s grace period, every acknowledged write on disk.
#! Usage: bench/attack.sh   (from anywhere; boto3 from scripts/pyenv.sh)
#! Env: ATTACK_SECONDS (per phase, default 15), BENCH_DIR, BENCH_KEEP=1.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN="$ROOT/target/release/smvault"
PY="$ROOT/target/pyenv/bin/python"

source "$HERE/lib.sh"
need python3 python3
[ -x "$PY" ] || "$ROOT/scripts/pyenv.sh" >&2

echo "building release..." >&2
(cd "$ROOT" && cargo build --release --locked --bin smvault --bin smvault-serve >&2)

WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/smvault-attack.XXXXXX")}
mkdir -p "$WORK"
cleanup() { [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT

# The attackers' own sockets: 2,000 idle connections and the client need more than 1024.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
SMVAULT_BIN="$BIN" WORK="$WORK" "$PY" "$HERE/attack.py"
