#!/usr/bin/env bash
#! Benchmarks a vault shared by a team against its goals (issue 12):
#!   a write to a vault with 10 recipients ≤ 1.1× the write to a vault with one;
#!   git-merge of two N-secret vaults < 3× one `age -d` of each (two decryptions).
#! Usage: bench/team.sh [secrets]   (default 1000; needs root or sudo for apt-get)
set -euo pipefail

N=${1:-1000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/target/release/smvault"

source "$ROOT/bench/lib.sh"
need age age
need hyperfine hyperfine
need python3 python3
need ssh-keygen openssh-client

echo "building release..." >&2
(cd "$ROOT" && cargo build --release --locked --bin smvault >&2)

WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/smvault-team-bench.XXXXXX")}
mkdir -p "$WORK"
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

export SMVAULT_AGE_KEY_FILE="$WORK/identity.txt"
export SMVAULT_FILE="$WORK/init.age"
"$BIN" init >/dev/null 2>&1
PUBKEY=$(grep -o 'age1[0-9a-z]*' "$SMVAULT_AGE_KEY_FILE" | head -n1)

median_ms() { python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$1"; }
# CPU time (user + system, mean): steadier than wall time on a machine others share.
cpu_ms() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f" % ((r["user"]+r["system"])*1000))' "$WORK/$1.json"; }
bench() { # bench <name> <runs> [--prepare CMD] -- command...
    local name=$1 runs=$2
    shift 2
    local prep=()
    if [ "$1" = --prepare ]; then prep=(--prepare "$2"); shift 2; fi
    [ "$1" = -- ] && shift
    hyperfine -N --style none --warmup 2 --runs "$runs" "${prep[@]}" \
        --export-json "$WORK/$name.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1 || {
        echo "hyperfine failed for $name: $*" >&2
        exit 1
    }
    median_ms "$WORK/$name.json"
}
ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1])/float(sys.argv[2])))" "$1" "$2"; }
verdict() { python3 -c "import sys; print('ok' if float(sys.argv[1]) $3 float(sys.argv[2]) else 'OVER')" "$1" "$2"; }

# The same secrets as bench/run.sh (~1.2 KB each: description, KMS key, a tag, two versions).
gen_plaintext "$N" "$WORK/plain.json"

echo "vaults of $N secrets with 1 and 10 recipients..." >&2
age -r "$PUBKEY" -o "$WORK/one.age" "$WORK/plain.json"
export SMVAULT_FILE="$WORK/one.age"
"$BIN" create-secret --name bench/warm --secret-string warm >/dev/null # smvault's own layout
cp "$WORK/one.age" "$WORK/ten.age"
export SMVAULT_FILE="$WORK/ten.age"
# Nine more: six age keys, two ssh-ed25519 and one ssh-rsa, as a mixed team would have.
for i in 1 2 3 4 5 6; do
    age-keygen -o "$WORK/k$i.txt" 2>/dev/null
    "$BIN" recipients add "$(age-keygen -y "$WORK/k$i.txt")" --label "age$i" 2>/dev/null
done
for kind in ed25519 ed25519 rsa; do
    f="$WORK/ssh-$kind-$RANDOM"
    ssh-keygen -q -t "$kind" -N '' -f "$f"
    "$BIN" recipients add "$f.pub" 2>/dev/null
done
[ "$("$BIN" recipients list | grep -vc '^#')" = 10 ] || { echo "expected 10 recipients" >&2; exit 1; }
cp "$WORK/one.age" "$WORK/one.orig"
cp "$WORK/ten.age" "$WORK/ten.orig"
ID="bench/service-$(printf %06d $((N / 2)))/database"

export SMVAULT_FILE="$WORK/one.age"
put1=$(bench put-1 20 --prepare "cp $WORK/one.orig $WORK/one.age" -- \
    "$BIN" put-secret-value --secret-id "$ID" --secret-string s3cr3t-value)
export SMVAULT_FILE="$WORK/ten.age"
put10=$(bench put-10 20 --prepare "cp $WORK/ten.orig $WORK/ten.age" -- \
    "$BIN" put-secret-value --secret-id "$ID" --secret-string s3cr3t-value)

echo "two branches of the $N-secret vault..." >&2
cp "$WORK/one.orig" "$WORK/base.age"
cp "$WORK/one.orig" "$WORK/ours.age"
cp "$WORK/one.orig" "$WORK/theirs.age"
SMVAULT_FILE="$WORK/ours.age" "$BIN" put-secret-value --secret-id bench/service-000001/database --secret-string ours >/dev/null
SMVAULT_FILE="$WORK/ours.age" "$BIN" create-secret --name bench/ours --secret-string o >/dev/null
SMVAULT_FILE="$WORK/theirs.age" "$BIN" put-secret-value --secret-id bench/service-000002/database --secret-string theirs >/dev/null
SMVAULT_FILE="$WORK/theirs.age" "$BIN" create-secret --name bench/theirs --secret-string t >/dev/null
cp "$WORK/ours.age" "$WORK/ours.orig"
merge=$(bench merge 20 --prepare "cp $WORK/ours.orig $WORK/ours.age" -- \
    "$BIN" git-merge "$WORK/base.age" "$WORK/ours.age" "$WORK/theirs.age")
# (--query runs per page of 100, as in the AWS CLI: count the names instead.)
kept=$(SMVAULT_FILE="$WORK/ours.age" "$BIN" list-secrets --query 'SecretList[].Name' --output text | wc -w)
[ "$kept" = "$((N + 3))" ] || { echo "the merge kept $kept of $((N + 3)) secrets" >&2; exit 1; }
age_ours=$(bench age-ours 20 -- age -d -i "$SMVAULT_AGE_KEY_FILE" -o /dev/null "$WORK/ours.orig")
age_theirs=$(bench age-theirs 20 -- age -d -i "$SMVAULT_AGE_KEY_FILE" -o /dev/null "$WORK/theirs.age")
age_two=$(python3 -c "print('%.2f' % ($age_ours + $age_theirs))")

echo
echo "smvault $("$BIN" --version | head -n1); $(age --version 2>/dev/null | head -n1 | sed 's/^/age /'); $(nproc) cores; $N secrets"
printf '%-34s %12s %12s %8s %6s  %s\n' measure smvault baseline ratio goal verdict
cput() { python3 -c "import sys; print('%.2f' % sum(float(a) for a in sys.argv[1:]))" "$@"; }
c_put1=$(cpu_ms put-1); c_put10=$(cpu_ms put-10); c_merge=$(cpu_ms merge)
c_age=$(cput "$(cpu_ms age-ours)" "$(cpu_ms age-theirs)")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
r=$(ratio "$put10" "$put1")
printf '%-34s %12s %12s %8s %6s  %s\n' "put-secret-value, 10 recipients" "$put10 ms" "$put1 ms" "$r" "1.1" \
    "$(verdict "$r" 1.1 '<=')  (vs the same write with 1 recipient)"
r=$(ratio "$merge" "$age_two")
printf '%-34s %12s %12s %8s %6s  %s\n' "git-merge BASE OURS THEIRS" "$merge ms" "$age_two ms" "$r" "3" \
    "$(verdict "$r" 3 '<')  (vs age -d of ours + age -d of theirs)"
r=$(ratio "$c_put10" "$c_put1")
printf '%-34s %12s %12s %8s %6s  %s\n' "  same, CPU time" "$c_put10 ms" "$c_put1 ms" "$r" "1.1" "$(verdict "$r" 1.1 '<=')"
r=$(ratio "$c_merge" "$c_age")
printf '%-34s %12s %12s %8s %6s  %s\n' "  same, CPU time" "$c_merge ms" "$c_age ms" "$r" "3" "$(verdict "$r" 3 '<')"
