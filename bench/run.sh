#!/usr/bin/env bash
#! Benchmarks smvault against the floors it is judged by (age itself, pwgen) on vaults of
#! 100, 10k and 100k secrets, and prints the ratios next to the issue's goals:
#!   get ≤ 1.5× `age -d`; create/put ≤ 2.5× (`age -d` + `age -e`); peak RSS ≤ 4× plaintext;
#!   a command's fixed cost: peak RSS ≤ `age -d`'s + 4× plaintext (100 secrets), start-up
#!   (`--version`) ≤ 1.2× `age --version`.
#! Usage: bench/run.sh [sizes...]   (default: 100 10000 100000; needs root or sudo for apt-get)
#! Env: BENCH_DIR (scratch dir, default a fresh mktemp), BENCH_KEEP=1 keeps it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZES=("${@:-100 10000 100000}")
read -r -a SIZES <<<"${SIZES[*]}"
BIN="$ROOT/target/release/smvault"

# --- tools: installed only when missing (bench/lib.sh) ----------------------------------
source "$ROOT/bench/lib.sh"
need age age
need hyperfine hyperfine
need pwgen pwgen
need python3 python3
[ -x /usr/bin/time ] || need /usr/bin/time time

echo "building release..." >&2
(cd "$ROOT" && cargo build --release --locked --bin smvault >&2)

WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/smvault-bench.XXXXXX")}
mkdir -p "$WORK"
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

# One identity for every vault, made by smvault itself.
export SMVAULT_AGE_KEY_FILE="$WORK/identity.txt"
export SMVAULT_FILE="$WORK/init.age"
"$BIN" init >/dev/null 2>&1
PUBKEY=$(grep -o 'age1[0-9a-z]*' "$SMVAULT_AGE_KEY_FILE" | head -n1)

# The median of a hyperfine JSON export, in milliseconds.
median_ms() { python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$1"; }

# hyperfine without a shell: <name> <runs> [--prepare CMD] -- command...
bench() {
    local name=$1 runs=$2
    shift 2
    local prep=()
    if [ "$1" = --prepare ]; then prep=(--prepare "$2"); shift 2; fi
    [ "$1" = -- ] && shift
    hyperfine -N --style none --warmup 1 --runs "$runs" "${prep[@]}" \
        --export-json "$WORK/$name.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1 || {
        echo "hyperfine failed for $name: $*" >&2
        exit 1
    }
    median_ms "$WORK/$name.json"
}

# Peak RSS in KiB: the median of 5 runs after one untimed run. The kernel maps the binary's
# text in whole page-cache folios, so a cold page cache shows less; the warm one is the
# steady state of a command run again and again.
peak_kib() {
    "$@" >/dev/null 2>&1 || true
    for _ in 1 2 3 4 5; do /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n1; done | sort -n | sed -n 3p
}

runs_for() { case $1 in 100) echo 30 ;; 10000) echo 10 ;; *) echo 3 ;; esac; }

declare -a ROWS
row() { ROWS+=("$(printf '%-8s %-22s %12s %12s %8s %8s  %s' "$@")"); }
ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1])/float(sys.argv[2])))" "$1" "$2"; }
verdict() { python3 -c "import sys; print('ok' if float(sys.argv[1]) <= float(sys.argv[2]) else 'OVER')" "$1" "$2"; }

for n in "${SIZES[@]}"; do
    echo "vault of $n secrets..." >&2
    plain="$WORK/plain-$n.json"
    vault="$WORK/vault-$n.age"
    gen_plaintext "$n" "$plain"
    age -r "$PUBKEY" -o "$vault" "$plain"
    export SMVAULT_FILE="$vault"
    # One write puts the vault in smvault's own layout (with its index), as any
    # vault smvault has written is; the timed runs then start from that.
    "$BIN" create-secret --name bench/warm --secret-string warm >/dev/null
    cp "$vault" "$vault.orig"
    "$BIN" get-secret-value --secret-id bench/service-000000/database >/dev/null
    runs=$(runs_for "$n")
    restore="cp $vault.orig $vault"
    id="bench/service-$(printf %06d $((n / 2)))/database"

    age_d=$(bench "age-d-$n" "$runs" -- age -d -i "$SMVAULT_AGE_KEY_FILE" -o /dev/null "$vault")
    age_e=$(bench "age-e-$n" "$runs" -- age -e -r "$PUBKEY" -o "$WORK/out.age" "$plain")
    age_de=$(python3 -c "print('%.2f' % ($age_d + $age_e))")
    get=$(bench "get-$n" "$runs" -- "$BIN" get-secret-value --secret-id "$id")
    # Every timed write starts from the same vault (restored untimed), so names never clash.
    create=$(bench "create-$n" "$runs" --prepare "$restore" -- \
        "$BIN" create-secret --name bench/new --secret-string s3cr3t-value)
    put=$(bench "put-$n" "$runs" --prepare "$restore" -- \
        "$BIN" put-secret-value --secret-id "$id" --secret-string s3cr3t-value)
    cp "$vault.orig" "$vault"

    plain_kib=$(( $(stat -c %s "$plain") / 1024 ))
    rss_get=$(peak_kib "$BIN" get-secret-value --secret-id "$id")
    rss_put=$(peak_kib "$BIN" put-secret-value --secret-id "$id" --secret-string s3cr3t-value)
    cp "$vault.orig" "$vault"
    rss=$(( rss_get > rss_put ? rss_get : rss_put ))
    rss_age=$(peak_kib age -d -i "$SMVAULT_AGE_KEY_FILE" -o /dev/null "$vault")

    r=$(ratio "$get" "$age_d")
    row "$n" "get-secret-value" "${get} ms" "${age_d} ms" "$r" "1.5" "$(verdict "$r" 1.5)  (vs age -d)"
    r=$(ratio "$create" "$age_de")
    row "$n" "create-secret" "${create} ms" "${age_de} ms" "$r" "2.5" "$(verdict "$r" 2.5)  (vs age -d + age -e)"
    r=$(ratio "$put" "$age_de")
    row "$n" "put-secret-value" "${put} ms" "${age_de} ms" "$r" "2.5" "$(verdict "$r" 2.5)  (vs age -d + age -e)"
    r=$(ratio "$rss" "$plain_kib")
    row "$n" "peak RSS (get/put)" "${rss} KiB" "${plain_kib} KiB" "$r" "4" "$(verdict "$r" 4)  (vs plaintext size; age -d: ${rss_age} KiB)"
    if [ "$n" = 100 ]; then
        # The fixed cost of a command: what it maps and touches beyond the vault's data.
        bound=$((rss_age + 4 * plain_kib))
        for cmd in "get-secret-value --secret-id $id" "get-random-password" "exec -- true" "--version"; do
            read -r -a words <<<"$cmd"
            kib=$(peak_kib "$BIN" "${words[@]}")
            r=$(ratio "$kib" "$bound")
            row "$n" "RSS ${words[0]}" "${kib} KiB" "${bound} KiB" "$r" "1" "$(verdict "$r" 1)  (vs age -d + 4x plaintext)"
        done
    fi
    rm -f "$plain" "$vault.orig" "$WORK/out.age"
done

echo "get-random-password..." >&2
export SMVAULT_FILE="$WORK/none.age"
grp=$(bench grp 100 -- "$BIN" get-random-password --password-length 32 --output text)
pw=$(bench pwgen 100 -- pwgen -s 32 1)
row "-" "get-random-password" "${grp} ms" "${pw} ms" "$(ratio "$grp" "$pw")" "-" "(vs pwgen -s 32 1; no goal)"

echo "start-up..." >&2
start=$(bench version 200 -- "$BIN" --version)
age_start=$(bench age-version 200 -- age --version)
r=$(ratio "$start" "$age_start")
row "-" "start-up (--version)" "${start} ms" "${age_start} ms" "$r" "1.2" "$(verdict "$r" 1.2)  (vs age --version)"

echo "8 x 200 parallel creates..." >&2
export SMVAULT_FILE="$WORK/parallel.age"
"$BIN" init >/dev/null 2>&1
start=$(date +%s.%N)
for w in $(seq 1 8); do for i in $(seq 1 200); do echo "w$w/s$i"; done; done |
    xargs -P 8 -I{} "$BIN" create-secret --name {} --secret-string value-{} >/dev/null
secs=$(python3 -c "import sys; print('%.1f' % ($(date +%s.%N) - $start))")
kept=$("$BIN" list-secrets --query 'length(SecretList)' --output json)
row "1600" "8x200 create-secret" "${secs} s" "15 s" "$(ratio "$secs" 15)" "1" "$(verdict "$secs" 15)  ($kept/1600 kept)"

echo
echo "smvault $("$BIN" --version | head -n1); $(age --version 2>/dev/null | head -n1 | sed 's/^/age /'); $(nproc) cores"
printf '%-8s %-22s %12s %12s %8s %8s  %s\n' secrets measure smvault baseline ratio goal verdict
for r in "${ROWS[@]}"; do echo "$r"; done
