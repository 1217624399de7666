#!/usr/bin/env bash
#! Benchmarks `smvault serve` against a static nginx answer of the same size (the load
#! generator's own limit: the floor) on vaults of 100 and 10k secrets, 16 keep-alive
#! connections (wrk), and prints the ratios next to the issue's goals:
#!   Agent route ≥ 0.6× nginx, p99 ≤ 1 ms; SigV4 GetSecretValue (one signed request
#!   replayed) ≥ 0.4× nginx, p99 ≤ 1 ms (issue 21); CreateSecret from 16 clients on 1,000 secrets
#!   ≥ 1,000/s; server RSS ≤ 20 MB + 3× plaintext; GetSecretValue as a principal with a
#!   10-statement identity policy and a resource policy within 1.1× of the owner's; and
#!   moto server on the same signed GetSecretValue (keep-alive, and a connection per
#!   request), with no goal.
#! Throughput rows run wrk (-t2) and the server on the same cores, as a host runs them; nginx's
#! p99 is printed beside smvault's there. The latency rows (p50/p99/p99.9, goal p99 <= 1 ms) pin
#! each server (nginx with one worker, smvault serve then runs one tokio worker) to one CPU and
#! wrk -t1 -c16 to another: on a 2-core machine a client sharing the server's cores preempts it
#! mid-request (CFS slices) and its scheduling, not the server, sets p99 (1.6-3.3 ms shared,
#! 0.6 ms pinned for the same server). Without taskset or a second CPU those rows are skipped.
#! Usage: bench/serve.sh [sizes...]   (default: 100 10000; apt-get for wrk, nginx, age)
#! Env: BENCH_SECONDS (per measure, default 10), BENCH_DIR, BENCH_KEEP=1.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZES=("${@:-100 10000}")
read -r -a SIZES <<<"${SIZES[*]}"
SECONDS_PER=${BENCH_SECONDS:-10}
BIN="$ROOT/target/release/smvault"
PY="$ROOT/target/pyenv/bin/python"

source "$ROOT/bench/lib.sh"
need wrk wrk
need nginx nginx-light
need age age
need python3 python3
[ -x "$PY" ] || "$ROOT/scripts/pyenv.sh" >&2

echo "building release..." >&2
(cd "$ROOT" && cargo build --release --locked --bin smvault --bin smvault-serve >&2)

bench_workdir serve-bench

export SMVAULT_AGE_KEY_FILE="$WORK/identity.txt"
export SMVAULT_FILE="$WORK/init.age"
"$BIN" init >/dev/null 2>&1
PUBKEY=$(grep -o 'age1[0-9a-z]*' "$SMVAULT_AGE_KEY_FILE" | head -n1)

# A vault of <count> secrets (~1.2 KB each) in the vault's plaintext format, encrypted with age.
make_vault() { # make_vault <count> <file>
    python3 - "$1" "$WORK/plain-$1.json" <<'PY'
import json, sys, uuid, random
n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(n)
chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
t0 = 1_700_000_000_000
def value(i):
    return json.dumps({"username": f"app{i}", "password": "".join(rnd.choice(chars) for _ in range(32)),
                       "host": f"db{i}.cluster-abcdefghijkl.us-east-1.rds.amazonaws.com", "port": 5432})
secrets = [{
    "name": f"bench/service-{i:06d}/database", "region": "us-east-1",
    "suffix": "".join(rnd.choice(chars) for _ in range(6)),
    "description": f"Database credentials for service {i}",
    "created": t0 + i, "last_changed": t0 + i,
    "tags": [{"Key": "team", "Value": f"team-{i % 17}"}],
    "versions": [
        {"id": str(uuid.UUID(int=rnd.getrandbits(128), version=4)), "value": {"string": value(i)},
         "stages": ["AWSPREVIOUS"], "created": t0 + i},
        {"id": str(uuid.UUID(int=rnd.getrandbits(128), version=4)), "value": {"string": value(i)},
         "stages": ["AWSCURRENT"], "created": t0 + i + 1},
    ],
} for i in range(n)]
with open(out, "w") as f:
    json.dump({"format": 1, "data": {"secrets": secrets}}, f, separators=(",", ":"))
PY
    age -r "$PUBKEY" -o "$2" "$WORK/plain-$1.json"
    # One write puts it in smvault's own layout (with its index).
    SMVAULT_FILE="$2" "$BIN" create-secret --name bench/warm --secret-string warm >/dev/null
}

# A wrk script replaying one signed POST (valid for the 5-minute skew window).
signed_script() { # signed_script <port> <target> <body> <out>
    python3 - "$@" <<'PY'
import datetime, hashlib, hmac, os, sys
port, target, body, out = sys.argv[1:]
key_id, secret = os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"]
amz = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
h = {"content-type": "application/x-amz-json-1.1", "host": f"127.0.0.1:{port}", "x-amz-date": amz,
     "x-amz-target": f"secretsmanager.{target}"}
names = sorted(h)
canon = "\n".join(["POST", "/", "", *[f"{n}:{h[n]}" for n in names], "", ";".join(names),
                   hashlib.sha256(body.encode()).hexdigest()])
scope = f"{amz[:8]}/us-east-1/secretsmanager/aws4_request"
sts = "\n".join(["AWS4-HMAC-SHA256", amz, scope, hashlib.sha256(canon.encode()).hexdigest()])
k = ("AWS4" + secret).encode()
for p in (amz[:8], "us-east-1", "secretsmanager", "aws4_request"):
    k = hmac.new(k, p.encode(), hashlib.sha256).digest()
h["authorization"] = (f"AWS4-HMAC-SHA256 Credential={key_id}/{scope}, SignedHeaders={';'.join(names)}, "
                      f"Signature={hmac.new(k, sts.encode(), hashlib.sha256).hexdigest()}")
with open(out, "w") as f:
    f.write('wrk.method = "POST"\n')
    f.write('wrk.body = [[%s]]\n' % body)
    for n, v in h.items():
        if n != "host":
            f.write('wrk.headers["%s"] = "%s"\n' % (n, v))
PY
}

pin_cpus
for n in "${SIZES[@]}"; do
    echo "vault of $n secrets..." >&2
    vault="$WORK/vault-$n.age"
    make_vault "$n" "$vault"
    port=$(free_port)
    start_server "$vault" "$port"
    eval "$(SMVAULT_FILE="$vault" "$BIN" serve --print-env --listen "127.0.0.1:$port")"
    id="bench/service-$(printf %06d $((n / 2)))/database"
    agent_url="http://127.0.0.1:$port/secretsmanager/get?secretId=$id"
    size=$(curl -s -H "X-Aws-Parameters-Secrets-Token: $AWS_TOKEN" "$agent_url" | wc -c)
    floor_port=$(free_port)
    nginx_start "$size" "$floor_port" 2
    read -r floor _ floor_p99 _ _ < <(wrk_run - "http://127.0.0.1:$floor_port/")
    nginx_stop
    read -r agent _ agent_p99 _ agent_bad < <(wrk_run - "$agent_url" "X-Aws-Parameters-Secrets-Token: $AWS_TOKEN")
    signed_script "$port" GetSecretValue "{\"SecretId\": \"$id\"}" "$WORK/get.lua"
    read -r get _ get_p99 _ get_bad < <(wrk_run "$WORK/get.lua" "http://127.0.0.1:$port/")
    r=$(ratio "$agent" "$floor")
    row "$n" "Agent route (req/s)" "$agent" "$floor" "$r" 0.6 "$(at_least "$r" 0.6); p99 ${agent_p99} ms, nginx's ${floor_p99} ms (shared cores); non-2xx $agent_bad"
    if [ -z "${FIRST_N:-}" ]; then
        # The first size's server meets moto below: a new connection per request too.
        FIRST_N=$n FIRST_ID=$id FIRST_GET=$get FIRST_VAULT=$vault
        signed_script "$port" GetSecretValue "{\"SecretId\": \"$id\"}" "$WORK/get-close.lua"
        read -r FIRST_CLOSE _ _ _ _ < <(wrk_run "$WORK/get-close.lua" "http://127.0.0.1:$port/" "Connection: close")
    fi
    r=$(ratio "$get" "$floor")
    row "$n" "SigV4 GetSecretValue (req/s)" "$get" "$floor" "$r" 0.4 "$(at_least "$r" 0.4); p99 ${get_p99} ms, nginx's ${floor_p99} ms (shared cores); non-2xx $get_bad"
    plain_kib=$(( $(stat -c %s "$WORK/plain-$n.json") / 1024 ))
    rss=$(rss_kib "$SERVER_PID")
    limit=$(( 20 * 1024 + 3 * plain_kib ))
    row "$n" "server peak RSS (KiB)" "$rss" "$limit" "$(ratio "$rss" "$limit")" 1 "$(at_most "$rss" "$limit") (20 MB + 3x ${plain_kib} KiB plaintext)"
    stop_server

    # Latency (issue 21: p99 <= 1 ms at 16 connections): each server alone on one core, one
    # wrk thread on the other, so that p99 is the server's and not the scheduler's.
    if [ -z "$PIN_SERVER" ]; then
        row "$n" "pinned latency rows" - - - - "skipped: $PIN_WHY"
        continue
    fi
    floor_port=$(free_port)
    nginx_start "$size" "$floor_port" 1 "$PIN_SERVER"
    read -r floor f50 f99 f999 _ < <(WRK_CPU=$PIN_CLIENT wrk_run - "http://127.0.0.1:$floor_port/")
    nginx_stop
    latency_row "$n" "pinned nginx floor p99 (ms)" "$floor" "$f50" "$f99" "$f999" 0 "$f99" -
    port=$(free_port)
    start_server "$vault" "$port" "$PIN_SERVER"
    read -r rps p50 p99 p999 bad < <(WRK_CPU=$PIN_CLIENT wrk_run - "http://127.0.0.1:$port/secretsmanager/get?secretId=$id" \
        "X-Aws-Parameters-Secrets-Token: $AWS_TOKEN")
    latency_row "$n" "pinned Agent route p99 (ms)" "$rps" "$p50" "$p99" "$p999" "$bad" "$f99" 1
    signed_script "$port" GetSecretValue "{\"SecretId\": \"$id\"}" "$WORK/get-pinned.lua"
    read -r rps p50 p99 p999 bad < <(WRK_CPU=$PIN_CLIENT wrk_run "$WORK/get-pinned.lua" "http://127.0.0.1:$port/")
    latency_row "$n" "pinned SigV4 GetSecretValue p99" "$rps" "$p50" "$p99" "$p999" "$bad" "$f99" 1
    stop_server
done

# moto server, the usual alternative, on the same signed GetSecretValue of the same secret
# (moto checks no signature): 16 keep-alive connections, then a new connection per request
# (`Connection: close`), as moto is usually met; smvault's figures from the first size above.
echo "moto server..." >&2
moto_port=$(free_port)
"$(dirname "$PY")/moto_server" -H 127.0.0.1 -p "$moto_port" >"$WORK/moto.log" 2>&1 &
PIDS+=("$!")
MOTO_PID=$!
wait_port "$moto_port"
# The value goes from smvault to moto through a pipe, never an argument.
SMVAULT_FILE="$FIRST_VAULT" "$BIN" get-secret-value --secret-id "$FIRST_ID" --query SecretString --output text |
    "$PY" -c 'import sys, boto3; boto3.client("secretsmanager", endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x").create_secret(Name=sys.argv[2], SecretString=sys.stdin.read().rstrip("\n"))' \
    "http://127.0.0.1:$moto_port" "$FIRST_ID"
signed_script "$moto_port" GetSecretValue "{\"SecretId\": \"$FIRST_ID\"}" "$WORK/moto.lua"
read -r moto _ moto_p99 _ moto_bad < <(wrk_run "$WORK/moto.lua" "http://127.0.0.1:$moto_port/")
read -r moto_close _ _ _ moto_close_bad < <(wrk_run "$WORK/moto.lua" "http://127.0.0.1:$moto_port/" "Connection: close")
row "$FIRST_N" "vs moto, keep-alive (req/s)" "$FIRST_GET" "$moto" "$(ratio "$FIRST_GET" "$moto")" - "(smvault's SigV4 row / moto server's; moto p99 ${moto_p99} ms, non-2xx $moto_bad)"
row "$FIRST_N" "vs moto, conn per req (req/s)" "$FIRST_CLOSE" "$moto_close" "$(ratio "$FIRST_CLOSE" "$moto_close")" - "(both with Connection: close; moto non-2xx $moto_close_bad)"
kill "$MOTO_PID" 2>/dev/null || true
wait "$MOTO_PID" 2>/dev/null || true

# Writes on a 1,000-secret vault: 16 wrk connections sending CreateSecret requests,
# each with its own name and signature (pre-signed: wrk cannot sign), every answer given
# only once its batch is on disk; then one boto3 client against the CLI, one at a time.
echo "writes on 1000 secrets..." >&2
vault="$WORK/vault-1000.age"
make_vault 1000 "$vault"
port=$(free_port)
start_server "$vault" "$port"
eval "$(SMVAULT_FILE="$vault" "$BIN" serve --print-env --listen "127.0.0.1:$port")"
python3 - "$port" "$WORK/create.lua" 16000 <<'PY'
import datetime, hashlib, hmac, json, os, sys, uuid
port, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
key_id, secret = os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"]
amz = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
scope = f"{amz[:8]}/us-east-1/secretsmanager/aws4_request"
k = ("AWS4" + secret).encode()
for p in (amz[:8], "us-east-1", "secretsmanager", "aws4_request"):
    k = hmac.new(k, p.encode(), hashlib.sha256).digest()
h = {"content-type": "application/x-amz-json-1.1", "host": f"127.0.0.1:{port}", "x-amz-date": amz,
     "x-amz-target": "secretsmanager.CreateSecret"}
names = sorted(h)
with open(out, "w") as f:
    f.write("local reqs = {\n")
    for i in range(n):
        body = json.dumps({"Name": f"bench/new-{i:06d}", "SecretString": "s3cr3t-value",
                           "ClientRequestToken": str(uuid.UUID(int=i + 1, version=4))})
        canon = "\n".join(["POST", "/", "", *[f"{x}:{h[x]}" for x in names], "", ";".join(names),
                           hashlib.sha256(body.encode()).hexdigest()])
        sts = "\n".join(["AWS4-HMAC-SHA256", amz, scope, hashlib.sha256(canon.encode()).hexdigest()])
        sig = hmac.new(k, sts.encode(), hashlib.sha256).hexdigest()
        f.write("{[[%s]], \"%s\"},\n" % (body, sig))
    f.write("}\n")
    f.write("local auth = \"AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=\"\n" % (key_id, scope, ";".join(names)))
    f.write("""
-- Two wrk threads take alternate requests (wrk sets `id` in each thread's state).
local counter, step, n = 0, 2, 0
function setup(thread) n = n + 1; thread:set("id", n - 1) end
function init(args) counter = id end
function request()
  counter = counter + step
  local r = reqs[(counter % #reqs) + 1]
  return wrk.format("POST", "/", {["content-type"] = "application/x-amz-json-1.1",
    ["x-amz-date"] = "AMZDATE", ["x-amz-target"] = "secretsmanager.CreateSecret",
    ["authorization"] = auth .. r[2]}, r[1])
end
""".replace("AMZDATE", amz))
PY
read -r wrote_rps _ write_p99 _ write_bad < <(wrk_run "$WORK/create.lua" "http://127.0.0.1:$port/")
writes=$(python3 -c "print('%.0f' % ($wrote_rps - $write_bad / $SECONDS_PER))")
single=$("$PY" - <<'PY'
import time, boto3
c = boto3.client("secretsmanager")
t0 = time.perf_counter()
for j in range(20):
    c.create_secret(Name=f"one/{j}", SecretString="v")
print(f"{(time.perf_counter() - t0) * 1000 / 20:.2f}")
PY
)
stop_server
cli_ms=$(python3 - "$BIN" "$vault" <<'PY'
import os, subprocess, sys, time
env = dict(os.environ, SMVAULT_FILE=sys.argv[2])
t0 = time.perf_counter()
for i in range(20):
    subprocess.run([sys.argv[1], "create-secret", "--name", f"cli/{i}", "--secret-string", "v"], env=env, check=True, capture_output=True)
print(f"{(time.perf_counter() - t0) * 1000 / 20:.2f}")
PY
)
count=$(SMVAULT_FILE="$vault" "$BIN" list-secrets --filters Key=name,Values=bench/new- --query 'SecretList[].Name' --output text | wc -w)
row 1000 "CreateSecret, 16 conns (/s)" "$writes" 1000 "$(ratio "$writes" 1000)" 1 "$(at_least "$writes" 1000); p99 ${write_p99} ms; $count created, all on disk"
r=$(ratio "$single" "$cli_ms")
row 1000 "one client's write (ms)" "$single" "$cli_ms" "$r" 1.2 "$(at_most "$r" 1.2) (vs the CLI's create-secret)"

# Policies: the same GetSecretValue replayed as the owner (never checked) and as a principal
# with a 10-statement identity policy whose last statement allows it, on a secret with a
# resource policy; owner and principal alternate in five short rounds on one server, and
# each one's mean is compared (goal: the principal within 1.1x of the owner).
echo "policies on 100 secrets..." >&2
vault="$WORK/vault-access.age"
make_vault 100 "$vault"
id="bench/service-000050/database"
cat >"$WORK/identity-policy.json" <<'JSON'
{"Version": "2012-10-17", "Statement": [
 {"Sid": "NoDelete", "Effect": "Deny", "Action": "secretsmanager:DeleteSecret", "Resource": "*"},
 {"Sid": "DescribeApp", "Effect": "Allow", "Action": ["secretsmanager:DescribeSecret", "secretsmanager:ListSecretVersionIds"], "Resource": "arn:aws:secretsmanager:*:*:secret:app/*"},
 {"Sid": "ReadOther", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:*:*:secret:other/*"},
 {"Sid": "WriteNone", "Effect": "Allow", "Action": "secretsmanager:PutSecretValue", "Resource": "arn:aws:secretsmanager:*:*:secret:bench/*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "none"}}},
 {"Sid": "NoProd", "Effect": "Deny", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:*:*:secret:prod/*"},
 {"Sid": "Passwords", "Effect": "Allow", "Action": "secretsmanager:GetRandomPassword", "Resource": "*"},
 {"Sid": "List", "Effect": "Allow", "Action": "secretsmanager:ListSecrets", "Resource": "*"},
 {"Sid": "SecretsOnly", "Effect": "Deny", "Action": "secretsmanager:*", "NotResource": "arn:aws:secretsmanager:*:*:secret:*"},
 {"Sid": "TagKeys", "Effect": "Allow", "Action": "secretsmanager:TagResource", "Resource": "*", "Condition": {"ForAllValues:StringLike": {"aws:TagKeys": ["team", "env"]}}},
 {"Sid": "ReadBench", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:*:*:secret:bench/*", "Condition": {"StringLike": {"aws:ResourceTag/team": "team-*"}, "IpAddress": {"aws:SourceIp": "127.0.0.0/8"}}}
]}
JSON
cat >"$WORK/resource-policy.json" <<'JSON'
{"Version": "2012-10-17", "Statement": [
 {"Effect": "Deny", "Principal": "*", "Action": "secretsmanager:DeleteSecret", "Resource": "*"},
 {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:user/bench"}, "Action": "secretsmanager:GetSecretValue", "Resource": "*"}
]}
JSON
SMVAULT_FILE="$vault" "$BIN" put-resource-policy --secret-id "$id" --resource-policy "file://$WORK/resource-policy.json" >/dev/null
principal_secret=$(python3 -c 'import secrets, string; print("".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(40)))')
SMVAULT_FILE="$vault" "$BIN" principals add bench --policy "file://$WORK/identity-policy.json" \
    --access-key-id benchprincipal --secret-access-key "$principal_secret" >/dev/null
port=$(free_port)
start_server "$vault" "$port"
eval "$(SMVAULT_FILE="$vault" "$BIN" serve --print-env --listen "127.0.0.1:$port")"
signed_script "$port" GetSecretValue "{\"SecretId\": \"$id\"}" "$WORK/owner.lua"
AWS_ACCESS_KEY_ID=benchprincipal AWS_SECRET_ACCESS_KEY=$principal_secret \
    signed_script "$port" GetSecretValue "{\"SecretId\": \"$id\"}" "$WORK/principal.lua"
# Short alternating rounds, so a neighbour's load falls on both alike.
owner_sum=0 principal_sum=0 policy_bad=0 rounds=5
measure_seconds=$SECONDS_PER
SECONDS_PER=$(( (measure_seconds + 1) / 2 ))
for _ in $(seq $rounds); do
    read -r rps _ _ _ bad < <(wrk_run "$WORK/owner.lua" "http://127.0.0.1:$port/")
    owner_sum=$(python3 -c "print($owner_sum + $rps)")
    policy_bad=$((policy_bad + bad))
    read -r rps _ principal_p99 _ bad < <(wrk_run "$WORK/principal.lua" "http://127.0.0.1:$port/")
    principal_sum=$(python3 -c "print($principal_sum + $rps)")
    policy_bad=$((policy_bad + bad))
done
SECONDS_PER=$measure_seconds
owner_rps=$(python3 -c "print('%.0f' % ($owner_sum / $rounds))")
principal_rps=$(python3 -c "print('%.0f' % ($principal_sum / $rounds))")
r=$(ratio "$owner_rps" "$principal_rps")
row 100 "GetSecretValue, policies (req/s)" "$principal_rps" "$owner_rps" "$r" 1.1 "$(at_most "$r" 1.1) (owner/principal; 10-statement identity + resource policy); p99 ${principal_p99} ms; non-2xx $policy_bad"
stop_server

echo
echo "smvault $("$BIN" --version | tr -d '\n'); wrk -t2 -c16 -d${SECONDS_PER}s on the shared cores; $(pin_note); $(nproc) cores"
print_rows secrets
