#!/usr/bin/env bash
#! Start-to-ready of the container image (issue 19): from `start` until GET /ping answers,
#! on a 1,000-secret vault (bench/plaintext.py's ~0.9 KB secrets) in a bind-mounted /data,
#! against the same static binary started directly on the host (no container), which is
#! smvault's own share, and the image's root file system run by runc alone (no podman or
#! docker, no conmon, the host's network), which is the OCI runtime's share; the rest is the
#! engine's. Goal: container start-to-ready <= 100 ms.
#! Usage: bench/container.sh [docker|podman] [runs]   (default: docker if its daemon
#! answers, else podman with runc; 10 runs). Installs age if missing. Prints a table.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source scripts/engine.sh
engine=$(pick_engine "${1:-}" bench/container.sh)
runs=${2:-10}
engine_commands "$engine"
if [ "$engine" = podman ]; then
    # What else podman does on start that a bench can turn off: the health check's timer
    # (it asks systemd, absent here), the log file, the events log.
    lean_global=(--events-backend none)
    version=$(podman version --format '{{.Client.Version}}')
else
    lean_global=()
    version=$(docker version --format '{{.Server.Version}}')
fi
lean_flags=(--no-healthcheck --log-driver none)
need age age
tag=$(scripts/build-image.sh "$engine" 2>/dev/null)
BIN=$ROOT/target/image-context/smvault
WORK=${BENCH_DIR:-$(mktemp -d)}
name=smvault-bench-$$
cleanup() {
    c rm -f "$name" >/dev/null 2>&1 || true
    runc delete -f "$name" >/dev/null 2>&1 || true
    [ -n "${HOST_PID:-}" ] && kill "$HOST_PID" 2>/dev/null || true
    [ -n "${BENCH_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

# A 1,000-secret vault in the image's layout: /data/vault.age, /data/smvault/identity.txt.
data=$WORK/data
mkdir -p "$data/smvault"
export SMVAULT_FILE=$data/vault.age SMVAULT_AGE_KEY_FILE=$data/smvault/identity.txt
"$BIN" init >/dev/null
pubkey=$(sed -n 's/^# public key: //p' "$SMVAULT_AGE_KEY_FILE")
gen_plaintext 1000 "$WORK/plain.json"
age -r "$pubkey" -o "$SMVAULT_FILE" "$WORK/plain.json"
rm -f "$WORK/plain.json"
"$BIN" create-secret --name bench/warm --secret-string warm >/dev/null
count=$("$BIN" list-secrets --output json | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["SecretList"]))')
# The serving credentials are made on the first start: made here, so no run writes them.
"$BIN" serve --print-env >/dev/null
vault_kb=$(( $(stat -c %s "$SMVAULT_FILE") / 1024 ))
chown -R 10001:10001 "$data"

now_ns() { date +%s%N; }
# Polls /ping until it answers (no sleep: each try is a connect), 10 s at most; prints ms since $2.
until_ready() { # until_ready <url> <t0 ns>
    local deadline=$(( $(date +%s) + 10 ))
    until "$BIN" health --timeout 1 "$1" >/dev/null 2>&1; do
        [ "$(date +%s)" -lt "$deadline" ] || { echo "no /ping within 10 s" >&2; exit 1; }
    done
    echo $(( ($(now_ns) - $2) / 1000000 ))
}
# runc alone: an OCI bundle of the image's file system (exported from a container of it)
# with the image's entrypoint, env, user and rlimits, /data bind-mounted, no network
# namespace (the host's, as --network host), no conmon and no engine.
bundle=
if command -v runc >/dev/null; then
    bundle=$WORK/bundle
    mkdir -p "$bundle/rootfs"
    c create --name "$name" "$tag" >/dev/null 2>&1
    c export "$name" | tar -x -C "$bundle/rootfs"
    c rm -f "$name" >/dev/null 2>&1
    (cd "$bundle" && runc spec)
    python3 - "$bundle/config.json" "$data" <<'PY'
import json, sys
path, data = sys.argv[1:]
c = json.load(open(path))
p = c["process"]
p.update(terminal=False, args=["smvault", "serve", "--shutdown-timeout", "8"], cwd="/data",
         user={"uid": 10001, "gid": 10001},
         env=["PATH=/usr/local/bin", "HOME=/data", "XDG_CONFIG_HOME=/data",
              "SMVAULT_FILE=/data/vault.age", "SMVAULT_ALLOW_REMOTE=1"],
         rlimits=[{"type": t, "hard": 1024, "soft": 1024} for t in ("RLIMIT_NOFILE", "RLIMIT_NPROC")])
c["root"] = {"path": "rootfs", "readonly": True}
c["mounts"].append({"destination": "/data", "type": "bind", "source": data, "options": ["rbind", "rw"]})
c["linux"]["namespaces"] = [n for n in c["linux"]["namespaces"] if n["type"] != "network"]
json.dump(c, open(path, "w"))
PY
fi
stats() { python3 -c 'import sys, statistics as s; v=sorted(map(int, sys.argv[1:])); print(f"{s.median(v):.0f} | {v[0]} | {v[-1]}")' "$@"; }

host=() container=() startcmd=() hostnet=() lean=() runc_only=()
for _ in $(seq "$runs"); do
    port=$(free_port)
    t0=$(now_ns)
    "$BIN" serve --listen "127.0.0.1:$port" 2>/dev/null &
    HOST_PID=$!
    host+=("$(until_ready "http://127.0.0.1:$port" "$t0")")
    kill "$HOST_PID"; wait "$HOST_PID" || true; HOST_PID=
    # A write by the host run (root) leaves a root-owned file the container cannot read.
    chown -R 10001:10001 "$data"
    port=$(free_port)
    c create --name "$name" "${run_flags[@]}" -v "$data:/data" -p "127.0.0.1:$port:2773" "$tag" >/dev/null 2>&1
    t0=$(now_ns)
    c start "$name" >/dev/null 2>&1
    startcmd+=("$(( ($(now_ns) - t0) / 1000000 ))")
    container+=("$(until_ready "http://127.0.0.1:$port" "$t0")")
    c rm -f "$name" >/dev/null 2>&1
    # The same on the host's network: no network namespace or port forwarding to set up.
    port=$(free_port)
    c create --name "$name" "${run_flags[@]}" -v "$data:/data" --network host \
        -e "SMVAULT_LISTEN=127.0.0.1:$port" "$tag" >/dev/null 2>&1
    t0=$(now_ns)
    c start "$name" >/dev/null 2>&1
    hostnet+=("$(until_ready "http://127.0.0.1:$port" "$t0")")
    c rm -f "$name" >/dev/null 2>&1
    # The same without a health-check timer, log file or events log.
    port=$(free_port)
    c "${lean_global[@]}" create --name "$name" "${run_flags[@]}" "${lean_flags[@]}" -v "$data:/data" \
        --network host -e "SMVAULT_LISTEN=127.0.0.1:$port" "$tag" >/dev/null 2>&1
    t0=$(now_ns)
    c "${lean_global[@]}" start "$name" >/dev/null 2>&1
    lean+=("$(until_ready "http://127.0.0.1:$port" "$t0")")
    c rm -f "$name" >/dev/null 2>&1
    if [ -n "$bundle" ]; then
        port=$(free_port)
        sed -i "s/\"SMVAULT_ALLOW_REMOTE=1\"\(, \"SMVAULT_LISTEN=[^\"]*\"\)\?/\"SMVAULT_ALLOW_REMOTE=1\", \"SMVAULT_LISTEN=127.0.0.1:$port\"/" "$bundle/config.json"
        t0=$(now_ns)
        runc run -d --bundle "$bundle" "$name" >/dev/null 2>&1 </dev/null
        runc_only+=("$(until_ready "http://127.0.0.1:$port" "$t0")")
        runc delete -f "$name" >/dev/null 2>&1
    fi
done
echo "start-to-ready, $runs runs, $count secrets ($vault_kb KiB vault), $engine $version, load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "| what | median ms | min | max |"
echo "|---|---|---|---|"
echo "| smvault serve on the host (static binary) | $(stats "${host[@]}") |"
[ -z "$bundle" ] || echo "| runc run on the image's rootfs, host network (no engine) | $(stats "${runc_only[@]}") |"
echo "| \`$engine start\` returning | $(stats "${startcmd[@]}") |"
echo "| container start until /ping answers (-p 127.0.0.1:PORT:2773) | $(stats "${container[@]}") |"
echo "| the same with --network host | $(stats "${hostnet[@]}") |"
echo "| --network host ${lean_flags[*]}${lean_global[*]:+ (${lean_global[*]})} | $(stats "${lean[@]}") |"
