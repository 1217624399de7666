#!/usr/bin/env bash
#! Benchmarks `smvault exec` against its floors and prints the ratios next to the issue's goals:
#!   10 variables from a 100-secret vault: at most 3 ms more than starting the program directly;
#!   10 variables from a 10k-secret vault: at most 1.5x `age -d` of that vault.
#! Also `smvault inject` of a 10-reference template, for reference (no goal).
#! Usage: bench/exec.sh   (needs root or sudo for apt-get when age/hyperfine are missing)
#! Env: BENCH_DIR (scratch dir, default a fresh mktemp), BENCH_KEEP=1 keeps it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/target/release/smvault"

source "$ROOT/bench/lib.sh"
need age age
need hyperfine hyperfine
need python3 python3

echo "building release..." >&2
(cd "$ROOT" && cargo build --release --locked --bin smvault >&2)

WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/smvault-bench-exec.XXXXXX")}
mkdir -p "$WORK"
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

# Only this script's vaults: nothing of the caller's environment is used or touched.
unset SMVAULT_AGE_KEY SMVAULT_PASSPHRASE
export SMVAULT_AGE_KEY_FILE="$WORK/identity.txt"
export SMVAULT_FILE="$WORK/init.age"
export AWS_REGION=us-east-1
"$BIN" init >/dev/null 2>&1
PUBKEY=$(grep -o 'age1[0-9a-z]*' "$SMVAULT_AGE_KEY_FILE" | head -n1)
TRUE=$(command -v true)

median_ms() { python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$1"; }
# Mean user+system CPU time of the same runs: what the machine's other load does not inflate.
cpu_ms() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f" % ((r["user"]+r["system"])*1000))' "$WORK/$1.json"; }

# hyperfine without a shell: <name> <runs> -- command...
bench() {
    local name=$1 runs=$2
    shift 2
    [ "$1" = -- ] && shift
    hyperfine -N --style none --warmup 3 --runs "$runs" \
        --export-json "$WORK/$name.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1 || {
        echo "hyperfine failed for $name: $*" >&2
        exit 1
    }
    median_ms "$WORK/$name.json"
}

ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1])/float(sys.argv[2])))" "$1" "$2"; }
minus() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1])-float(sys.argv[2])))" "$1" "$2"; }
verdict() { python3 -c "import sys; print('ok' if float(sys.argv[1]) <= float(sys.argv[2]) else 'OVER')" "$1" "$2"; }

declare -a ROWS
row() { ROWS+=("$(printf '%-8s %-30s %12s %12s %9s %8s  %s' "$@")"); }

for n in 100 10000; do
    echo "vault of $n secrets..." >&2
    vault="$WORK/vault-$n.age"
    gen_plaintext "$n" "$WORK/plain.json"
    age -r "$PUBKEY" -o "$vault" "$WORK/plain.json"
    rm -f "$WORK/plain.json"
    export SMVAULT_FILE="$vault"
    # One write puts the vault in smvault's own layout (with its index), as any vault
    # smvault has written is.
    "$BIN" create-secret --name bench/warm --secret-string warm >/dev/null
    # 10 variables, spread over the vault, each one key of a JSON secret.
    args=()
    tpl="$WORK/t-$n.tpl"
    : >"$tpl"
    for k in $(seq 0 9); do
        name=$(printf 'bench/service-%06d/database' $((k * n / 10)))
        args+=(--env "V$k=$name:password::")
        echo "V$k={{resolve:secretsmanager:$name:SecretString:password}}" >>"$tpl"
    done
    # The first run records the access day (a write, once a day); the warm-up absorbs it.
    "$BIN" exec "${args[@]}" -- "$TRUE"
    runs=$([ "$n" = 100 ] && echo 200 || echo 30)
    direct=$(bench "direct-$n" "$runs" -- "$TRUE")
    exec_ms=$(bench "exec-$n" "$runs" -- "$BIN" exec "${args[@]}" -- "$TRUE")
    inject_ms=$(bench "inject-$n" "$runs" -- "$BIN" inject -i "$tpl" -o "$WORK/out.env")
    if [ "$n" = 100 ]; then
        added=$(minus "$exec_ms" "$direct")
        row "$n" "exec, 10 variables (wall)" "${exec_ms} ms" "${direct} ms" "+${added} ms" "+3 ms" \
            "$(verdict "$added" 3)  (median, vs starting the program directly)"
        e=$(cpu_ms "exec-$n") d=$(cpu_ms "direct-$n")
        added=$(minus "$e" "$d")
        row "$n" "exec, 10 variables (CPU)" "${e} ms" "${d} ms" "+${added} ms" "+3 ms" \
            "$(verdict "$added" 3)  (user+sys, vs starting the program directly)"
    else
        age_d=$(bench "age-d-$n" "$runs" -- age -d -i "$SMVAULT_AGE_KEY_FILE" -o /dev/null "$vault")
        r=$(ratio "$exec_ms" "$age_d")
        row "$n" "exec, 10 variables (wall)" "${exec_ms} ms" "${age_d} ms" "${r}x" "1.5x" \
            "$(verdict "$r" 1.5)  (median, vs age -d of the vault)"
        e=$(cpu_ms "exec-$n") a=$(cpu_ms "age-d-$n")
        r=$(ratio "$e" "$a")
        row "$n" "exec, 10 variables (CPU)" "${e} ms" "${a} ms" "${r}x" "1.5x" \
            "$(verdict "$r" 1.5)  (user+sys, vs age -d of the vault)"
    fi
    row "$n" "inject, 10 references" "${inject_ms} ms" "-" "-" "-" "(no goal)"
done

echo
echo "smvault $("$BIN" --version | head -n1); $(age --version 2>/dev/null | head -n1 | sed 's/^/age /'); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-30s %12s %12s %9s %8s  %s\n' secrets measure smvault baseline result goal verdict
for r in "${ROWS[@]}"; do echo "$r"; done
