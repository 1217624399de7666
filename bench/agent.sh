#!/usr/bin/env bash
#! Measures AWS's own Secrets Manager Agent (aws/aws-secretsmanager-agent, built from its public
#! repository) in front of `smvault serve`, against smvault's Agent route and a static nginx
#! answer of the same size (the floor), in one run on the same secret (issue 21):
#!   requests/s at 16 keep-alive connections (wrk -t2, shared cores) and the ratio to nginx;
#!   requests/s and p50/p99/p99.9 with each server pinned to one CPU and wrk -t1 -c16 on
#!   another (as in bench/serve.sh: a client sharing the server's cores puts its own
#!   scheduling into p99); smvault and the Agent measured in turns, BENCH_ROUNDS times each
#!   (default 3), each figure the median of its rounds (a neighbour's burst lands in one);
#!   each server's CPU time per answered request (user + system from /proc, which time a
#!   neighbour takes from it does not count in);
#!   each server's peak RSS (the Agent's plus the smvault serve it reads through);
#!   staleness: after a `smvault put-secret-value` by the CLI, what each answers next, and how
#!   long the Agent keeps answering the old version (its cache TTL).
#! Usage: bench/agent.sh   (from anywhere; apt-get for wrk, nginx)
#! Env: SMVAULT_BENCH_AGENT=/path/to/aws_secretsmanager_agent, or SMVAULT_BENCH_AGENT_SRC=/path
#!   to a checkout of the Agent's repository (built there with cargo, release; its target dir
#!   is CARGO_TARGET_DIR if set, else the checkout's own); BENCH_SECONDS (per measure, default
#!   10); BENCH_ROUNDS (default 3); BENCH_AGENT_TTL (the Agent's ttl_seconds, default its own default, 300); BENCH_DIR,
#!   BENCH_KEEP=1.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/target/release/smvault"
SECONDS_PER=${BENCH_SECONDS:-10}
ROUNDS=${BENCH_ROUNDS:-3}
TTL=${BENCH_AGENT_TTL:-300}

source "$ROOT/bench/lib.sh"

# --- the Agent's binary -------------------------------------------------------------------
AGENT=${SMVAULT_BENCH_AGENT:-}
AGENT_FROM="SMVAULT_BENCH_AGENT"
if [ -z "$AGENT" ] && [ -n "${SMVAULT_BENCH_AGENT_SRC:-}" ]; then
    src=$(cd "$SMVAULT_BENCH_AGENT_SRC" && pwd)
    echo "building the Agent in $src..." >&2
    (cd "$src" && cargo build --release --locked -p aws_secretsmanager_agent >&2)
    AGENT="${CARGO_TARGET_DIR:-$src/target}/release/aws_secretsmanager_agent"
    AGENT_FROM="built from $src"
    if commit=$(git -C "$src" rev-parse --short HEAD 2>/dev/null); then
        AGENT_FROM="$AGENT_FROM at $commit"
    fi
fi
if [ -z "$AGENT" ]; then
    cat >&2 <<'EOF'
bench/agent.sh needs AWS's Secrets Manager Agent; it is not part of this repository. Either
  SMVAULT_BENCH_AGENT=/path/to/aws_secretsmanager_agent bash bench/agent.sh
or let the script build it from a checkout (Rust toolchain; a few minutes):
  git clone https://github.com/aws/aws-secretsmanager-agent /somewhere/agent
  SMVAULT_BENCH_AGENT_SRC=/somewhere/agent bash bench/agent.sh
EOF
    exit 2
fi
[ -x "$AGENT" ] || { echo "no Agent binary at $AGENT" >&2; exit 2; }

need wrk wrk
need nginx nginx-light
need python3 python3
need curl curl

echo "building release..." >&2
(cd "$ROOT" && cargo build --release --locked --bin smvault --bin smvault-serve >&2)

bench_workdir agent-bench

export SMVAULT_AGE_KEY_FILE="$WORK/identity.txt"
export SMVAULT_FILE="$WORK/vault.age"
"$BIN" init >/dev/null 2>&1
# A database secret as serve.sh's (~180 bytes of JSON); values go through files, not argv.
value_file() { # value_file <file> <seed>
    python3 - "$1" "$2" <<'PY'
import json, random, sys
rnd = random.Random(int(sys.argv[2]))
chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
with open(sys.argv[1], "w") as f:
    json.dump({"username": "app50", "password": "".join(rnd.choice(chars) for _ in range(32)),
               "host": "db50.cluster-abcdefghijkl.us-east-1.rds.amazonaws.com", "port": 5432}, f)
PY
}
ID=bench/service-000050/database
value_file "$WORK/v1.json" 1
value_file "$WORK/v2.json" 2
"$BIN" create-secret --name "$ID" --secret-string "file://$WORK/v1.json" >/dev/null

# The Agent's config (its README: TOML, --config): its port, TTL, region; logs to stdout
# (here a file) rather than its rolling file in the working folder. It reads the SSRF token
# from AWS_TOKEN (one of its default ssrf_env_variables) and reaches Secrets Manager and STS
# (its start-up credential check) through aws-config's load_defaults, which honours
# AWS_ENDPOINT_URL_SECRETS_MANAGER and AWS_ENDPOINT_URL_STS: all from `smvault serve --print-env`.
start_agent() { # start_agent <port> <upstream port> [cpu]; sets AGENT_PID
    local pin=()
    [ -n "${3:-}" ] && pin=(taskset -c "$3")
    cat >"$WORK/agent-$1.toml" <<EOF
http_port = "$1"
ttl_seconds = "$TTL"
region = "us-east-1"
log_to_file = false
EOF
    (
        eval "$("$BIN" serve --print-env --listen "127.0.0.1:$2")"
        export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
        exec "${pin[@]}" "$AGENT" --config "$WORK/agent-$1.toml" >"$WORK/agent-$1.log" 2>&1
    ) &
    AGENT_PID=$!
    PIDS+=("$AGENT_PID")
    wait_port "$1"
}
get() { # get <port> [extra query]: the Agent route's answer
    curl -sf -H "X-Aws-Parameters-Secrets-Token: $AWS_TOKEN" \
        "http://127.0.0.1:$1/secretsmanager/get?secretId=$ID${2:-}"
}
version_of() { python3 -c 'import json, sys; print(json.load(sys.stdin)["VersionId"])'; }

pin_cpus
echo "load before: $(uptime)" >&2
LOAD_BEFORE=$(uptime)

# --- shared cores: throughput and memory ------------------------------------------------------
echo "shared cores..." >&2
port=$(free_port)
start_server "$SMVAULT_FILE" "$port"
SMV_PID=$SERVER_PID
eval "$("$BIN" serve --print-env --listen "127.0.0.1:$port")"
upstream=$(free_port)
start_server "$SMVAULT_FILE" "$upstream"
UP_PID=$SERVER_PID
agent_port=$(free_port)
start_agent "$agent_port" "$upstream"
smv_answer=$(get "$port")
agent_answer=$(get "$agent_port") || {
    echo "the Agent did not answer; its log:" >&2
    cat "$WORK/agent-$agent_port.log" >&2
    exit 1
}
[ "$(version_of <<<"$smv_answer")" = "$(version_of <<<"$agent_answer")" ] ||
    { echo "the Agent and smvault answer different versions" >&2; exit 1; }
size=${#smv_answer}
floor_port=$(free_port)
nginx_start "$size" "$floor_port" 2
read -r floor _ floor_p99 _ _ < <(wrk_run - "http://127.0.0.1:$floor_port/")
floor_rss=$(nginx_rss_kib)
nginx_stop
token="X-Aws-Parameters-Secrets-Token: $AWS_TOKEN"
# smvault and the Agent in turns; each figure is the median of its rounds, and the rounds'
# requests/s are listed beside it.
# A process's CPU time so far (user + system), in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU µs per request over a run of <req/s> for SECONDS_PER seconds, from two cpu_ticks.
cpu_per_request() { python3 -c "import os, sys; t0, t1, rps, s = map(float, sys.argv[1:]); print('%.2f' % ((t1 - t0) / os.sysconf('SC_CLK_TCK') * 1e6 / (rps * s)))" "$@"; }
one_round() { # one_round <port> <pid>: "req/s p50 p99 p99.9 non-2xx cpu-µs/request" of one wrk run
    local t0 rps rest
    t0=$(cpu_ticks "$2")
    read -r rps rest < <(wrk_run - "http://127.0.0.1:$1/secretsmanager/get?secretId=$ID" "$token")
    echo "$rps $rest $(cpu_per_request "$t0" "$(cpu_ticks "$2")" "$rps" "$SECONDS_PER")"
}
summary() { # summary <file of one_round lines>: "req/s p50 p99 p99.9 cpu" medians, non-2xx summed, every round's req/s
    python3 - "$1" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
med = lambda i: "%g" % round(statistics.median(float(r[i]) for r in rows), 3)
print(med(0), med(1), med(2), med(3), med(5), sum(int(r[4]) for r in rows), *(r[0] for r in rows))
PY
}
in_turns() { # in_turns <smvault port> <Agent port> <smvault pid> <Agent pid>: sets SMV_* and AWS_* (req/s, p50, p99, p99.9, CPU µs/request, non-2xx, rounds)
    local r
    : >"$WORK/turns-smvault"
    : >"$WORK/turns-agent"
    for ((r = 0; r < ROUNDS; r++)); do
        one_round "$1" "$3" >>"$WORK/turns-smvault"
        one_round "$2" "$4" >>"$WORK/turns-agent"
    done
    read -r SMV_RPS SMV_P50 SMV_P99 SMV_P999 SMV_CPU SMV_BAD SMV_ROUNDS < <(summary "$WORK/turns-smvault")
    read -r AWS_RPS AWS_P50 AWS_P99 AWS_P999 AWS_CPU AWS_BAD AWS_ROUNDS < <(summary "$WORK/turns-agent")
}
in_turns "$port" "$agent_port" "$SMV_PID" "$AGENT_PID"
smv=${SMV_RPS%.*} smv_p99=$SMV_P99 smv_bad=$SMV_BAD smv_rounds=$SMV_ROUNDS
aws=${AWS_RPS%.*} aws_p99=$AWS_P99 aws_bad=$AWS_BAD aws_rounds=$AWS_ROUNDS
smv_cpu=$SMV_CPU aws_cpu=$AWS_CPU
smv_rss=$(rss_kib "$SMV_PID")
aws_rss=$(rss_kib "$AGENT_PID")
up_rss=$(rss_kib "$UP_PID")
stop_process "$AGENT_PID"
stop_process "$SMV_PID"

# --- pinned: latency ------------------------------------------------------------------------
lat=() # "p50 / p99 / p99.9" of nginx, smvault, the Agent
if [ -n "$PIN_SERVER" ]; then
    echo "pinned..." >&2
    floor_port=$(free_port)
    nginx_start "$size" "$floor_port" 1 "$PIN_SERVER"
    read -r floor_pinned a b c _ < <(WRK_CPU=$PIN_CLIENT wrk_run - "http://127.0.0.1:$floor_port/")
    lat+=("$a / $b / $c")
    FLOOR_P99=$b
    nginx_stop
    port=$(free_port)
    start_server "$SMVAULT_FILE" "$port" "$PIN_SERVER"
    SMV_PID=$SERVER_PID
    agent_port=$(free_port)
    start_agent "$agent_port" "$upstream" "$PIN_SERVER"
    get "$agent_port" >/dev/null
    WRK_CPU=$PIN_CLIENT in_turns "$port" "$agent_port" "$SMV_PID" "$AGENT_PID"
    lat+=("$SMV_P50 / $SMV_P99 / $SMV_P999" "$AWS_P50 / $AWS_P99 / $AWS_P999")
    pinned_rps=("${SMV_RPS%.*}" "${AWS_RPS%.*}")
    pinned_rounds=("$SMV_ROUNDS" "$AWS_ROUNDS")
    pinned_cpu=("$SMV_CPU" "$AWS_CPU")
    smv_bad=$((smv_bad + SMV_BAD))
    aws_bad=$((aws_bad + AWS_BAD))
else
    lat=("skipped: $PIN_WHY" - -)
    pinned_rps=(- -) pinned_rounds=(- -) pinned_cpu=(- -) floor_pinned=-
    port=$(free_port)
    start_server "$SMVAULT_FILE" "$port"
    SMV_PID=$SERVER_PID
    agent_port=$(free_port)
    start_agent "$agent_port" "$upstream"
fi

# --- staleness: a CLI write, then the next answers ------------------------------------------
# The Agent's entry is refreshed just before the write (refreshNow=true), so the time it keeps
# answering the old version is its whole TTL; smvault serve checks the vault file's identity on
# every request, so its next answer is the new version.
echo "staleness (up to ${TTL} s)..." >&2
old=$(get "$agent_port" "&refreshNow=true" | version_of)
new=$("$BIN" put-secret-value --secret-id "$ID" --secret-string "file://$WORK/v2.json" --query VersionId --output text)
t_put=$(date +%s.%N)
smv_next=$(get "$port" | version_of)
aws_next=$(get "$agent_port" | version_of)
what() { case $1 in "$new") echo new ;; "$old") echo old ;; *) echo "unexpected ($1)" ;; esac; }
# Poll (no sleep between tries beyond 50 ms) until the Agent answers the new version, with a
# deadline of its TTL plus a minute.
stale=$(python3 - "$agent_port" "$ID" "$new" "$t_put" "$((TTL + 60))" <<'PY'
import json, os, sys, time, urllib.request
port, sid, new, t_put, limit = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
req = urllib.request.Request(f"http://127.0.0.1:{port}/secretsmanager/get?secretId={sid}",
                             headers={"X-Aws-Parameters-Secrets-Token": os.environ["AWS_TOKEN"]})
deadline = time.monotonic() + limit
while time.monotonic() < deadline:
    with urllib.request.urlopen(req) as r:
        if json.load(r)["VersionId"] == new:
            print(f"{time.time() - t_put:.1f}")
            sys.exit(0)
    time.sleep(0.05)
print(f"over {limit:.0f}")
PY
)
LOAD_AFTER=$(uptime)

# --- the table --------------------------------------------------------------------------------
x() { echo "$1 ($(ratio "$1" "${2:-$floor}")x)"; } # x <req/s> [floor]
echo
echo "smvault $("$BIN" --version | tr -d '\n'); AWS Secrets Manager Agent $AGENT_FROM ($AGENT)"
echo "one ${size}-byte answer; wrk -c16 -d${SECONDS_PER}s; $(pin_note); $(nproc) cores"
echo "before: $LOAD_BEFORE"
echo "after:  $LOAD_AFTER"
f='%-40s %-24s %-24s %s\n'
printf "$f" measure "nginx (floor)" "smvault serve" "AWS Agent (over smvault serve)"
printf "$f" "req/s, shared cores (x floor)" "$floor" "$(x "$smv")" "$(x "$aws")"
printf "$f" "  rounds (req/s)" - "$smv_rounds" "$aws_rounds"
printf "$f" "smvault / Agent, shared cores" - "$(ratio "$smv" "$aws")" -
printf "$f" "CPU µs per request, shared cores" - "$smv_cpu" "$aws_cpu"
printf "$f" "p99 ms, shared cores" "$floor_p99" "$smv_p99" "$aws_p99"
if [ -n "$PIN_SERVER" ]; then
    printf "$f" "req/s, pinned (x floor)" "$floor_pinned" "$(x "${pinned_rps[0]}" "$floor_pinned")" "$(x "${pinned_rps[1]}" "$floor_pinned")"
    printf "$f" "  rounds (req/s)" - "${pinned_rounds[0]}" "${pinned_rounds[1]}"
    printf "$f" "smvault / Agent, pinned" - "$(ratio "${pinned_rps[0]}" "${pinned_rps[1]}")" -
    printf "$f" "CPU µs per request, pinned" - "${pinned_cpu[0]}" "${pinned_cpu[1]}"
fi
printf "$f" "p50 / p99 / p99.9 ms, pinned" "${lat[0]}" "${lat[1]}" "${lat[2]}"
if [ -n "$PIN_SERVER" ]; then
    printf "$f" "p99 <= 1 ms, pinned" "$(at_most "$FLOOR_P99" 1)" "$(at_most "$SMV_P99" 1)" "$(at_most "$AWS_P99" 1)"
fi
printf "$f" "non-2xx answers" 0 "$smv_bad" "$aws_bad"
printf "$f" "peak RSS KiB (nginx: master + workers)" "$floor_rss" "$smv_rss" "$aws_rss + $up_rss upstream = $((aws_rss + up_rss))"
printf "$f" "next answer after put-secret-value" - "$(what "$smv_next")" "$(what "$aws_next")"
printf "$f" "stale for (s)" - 0 "$stale (ttl_seconds $TTL)"
