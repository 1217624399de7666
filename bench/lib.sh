#!/usr/bin/env bash
#! Shared by the bench scripts (sourced): installing missing tools through apt, as a CI image
#! would, the vault plaintext they measure (bench/plaintext.py), and the servers and load of
#! the serve benches (ports, wrk with p50/p99/p99.9, the nginx floor, CPU pinning, peak RSS).

# Resolved now: the scripts cd into a scratch folder before they generate plaintext, so
# a relative path to this file (`bash bench/run.sh` from the root) would no longer hold.
BENCH_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

need() { # need <command> <apt package>
    command -v "$1" >/dev/null 2>&1 && return
    echo "installing $2 (for $1)" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get install -y "$2" >/dev/null 2>&1 || {
        $sudo apt-get update >/dev/null && $sudo apt-get install -y "$2" >/dev/null
    }
}

gen_plaintext() { # gen_plaintext <count> <file>
    python3 "$BENCH_LIB_DIR/plaintext.py" "$1" "$2"
}

# --- servers and load (serve.sh, agent.sh, push.sh, container.sh) ------------------------

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_port() { # wait_port <port>: polls (with a deadline of 60 s) until the port accepts
    python3 - "$1" <<'PY' || { echo "nothing answered on port $1" >&2; exit 1; }
import socket, sys, time
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)
PY
}

rss_kib() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; } # a process's peak RSS

ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1])/float(sys.argv[2])))" "$1" "$2"; }
at_least() { python3 -c "import sys; print('ok' if float(sys.argv[1]) >= float(sys.argv[2]) else 'UNDER')" "$1" "$2"; }
at_most() { python3 -c "import sys; print('ok' if float(sys.argv[1]) <= float(sys.argv[2]) else 'OVER')" "$1" "$2"; }

# The latency rows pin the server to one core and wrk to another: on a 2-core machine a
# client sharing the server's cores preempts it mid-request (CFS slices), which puts the
# client's scheduling, not the server, into p99. Sets PIN_SERVER and PIN_CLIENT (CPU
# numbers this process may run on), or leaves them empty and says why (PIN_WHY).
pin_cpus() {
    PIN_SERVER="" PIN_CLIENT="" PIN_WHY=""
    if ! command -v taskset >/dev/null 2>&1; then
        PIN_WHY="no taskset (util-linux)"
        return
    fi
    local cpus
    read -r -a cpus < <(python3 -c 'import os; print(*sorted(os.sched_getaffinity(0)))')
    if [ "${#cpus[@]}" -lt 2 ]; then
        PIN_WHY="only ${#cpus[@]} CPU available to this process"
        return
    fi
    PIN_SERVER=${cpus[0]} PIN_CLIENT=${cpus[1]}
}

# wrk on 16 keep-alive connections for SECONDS_PER seconds: prints "req/s p50 p99 p99.9 non-2xx"
# (latencies in ms). With WRK_CPU set, one wrk thread pinned to that CPU (the latency rows),
# else two threads on the shared cores. wrk's --latency report stops at p99, so a `done`
# function appended to the request script prints the percentiles from wrk's histogram.
wrk_run() { # wrk_run <lua script or -> <url> [header...]
    local script=$1 url=$2 lua="$WORK/wrk-run.lua"
    shift 2
    local args=(-c16 -d"${SECONDS_PER}s") pin=()
    if [ -n "${WRK_CPU:-}" ]; then
        args+=(-t1)
        pin=(taskset -c "$WRK_CPU")
    else
        args+=(-t2)
    fi
    if [ "$script" != - ]; then cat "$script" >"$lua"; else : >"$lua"; fi
    cat >>"$lua" <<'LUA'

function done(summary, latency, requests)
  io.write(string.format("PERCENTILES %d %d %d\n", latency:percentile(50),
    latency:percentile(99), latency:percentile(99.9)))
end
LUA
    args+=(-s "$lua")
    for h in "$@"; do args+=(-H "$h"); done
    "${pin[@]}" wrk "${args[@]}" "$url" >"$WORK/wrk.out"
    python3 - "$WORK/wrk.out" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
p50, p99, p999 = (int(v) / 1000 for v in re.search(r"PERCENTILES (\d+) (\d+) (\d+)", t).groups())
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
print(f"{rps:.0f} {p50:.3f} {p99:.3f} {p999:.3f} {non2xx.group(1) if non2xx else 0}")
PY
}

# The floor: nginx answering a fixed body of <bytes> bytes with <workers> worker processes,
# on CPU <cpu> if given. Sets NGINX_PID (the master's).
nginx_start() { # nginx_start <bytes> <port> <workers> [cpu]
    local body dir="$WORK/nginx-$2" pin=()
    [ -n "${4:-}" ] && pin=(taskset -c "$4")
    body=$(python3 -c "print('x' * $1, end='')")
    mkdir -p "$dir"
    cat >"$dir/nginx.conf" <<CONF
worker_processes $3;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir;
    server {
        listen 127.0.0.1:$2;
        location / { default_type text/plain; return 200 '$body'; }
    }
}
CONF
    "${pin[@]}" nginx -c "$dir/nginx.conf" -p "$dir" 2>/dev/null
    wait_port "$2"
    NGINX_PID=$(cat "$dir/nginx.pid")
    PIDS+=("$NGINX_PID")
}
nginx_stop() { kill "$NGINX_PID" 2>/dev/null || true; }
nginx_rss_kib() { # the peak RSS of nginx's master and workers, summed
    local total=0 p
    for p in "$NGINX_PID" $(pgrep -P "$NGINX_PID"); do total=$((total + $(rss_kib "$p"))); done
    echo "$total"
}

# The run's scratch folder (BENCH_DIR, else a new one; kept with BENCH_KEEP=1) as WORK, entered,
# and on exit every process in PIDS killed and the folder removed.
bench_workdir() { # bench_workdir <name>
    WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/smvault-$1.XXXXXX")}
    mkdir -p "$WORK"
    PIDS=()
    trap bench_cleanup EXIT
    cd "$WORK"
}
bench_cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$WORK"
}

# `smvault serve` on <vault> and <port> (on CPU <cpu> if given); sets SERVER_PID.
start_server() { # start_server <vault> <port> [cpu]
    local pin=()
    [ -n "${3:-}" ] && pin=(taskset -c "$3")
    SMVAULT_FILE="$1" "${pin[@]}" "$BIN" serve --listen "127.0.0.1:$2" 2>"$WORK/serve-$2.log" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    wait_port "$2"
}
stop_server() { stop_process "$SERVER_PID"; }
stop_process() { # stop_process <pid>: a server this shell started, stopped and reaped
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# The table every serve bench prints: rows of (size, measure, smvault, baseline, ratio, goal,
# verdict), collected as the run goes and printed at its end.
declare -a ROWS
row() { ROWS+=("$(printf '%-7s %-32s %10s %10s %8s %7s  %s' "$@")"); }
print_rows() { # print_rows <first column's title>
    printf '%-7s %-32s %10s %10s %8s %7s  %s\n' "$1" measure smvault baseline ratio goal verdict
    printf '%s\n' "${ROWS[@]}"
}
# A pinned latency row: p99 against the pinned nginx floor's p99, the goal in ms.
latency_row() { # latency_row <size> <measure> <req/s> <p50> <p99> <p99.9> <non-2xx> <floor p99> <goal or ->
    local verdict="p50 $4 ms, p99.9 $6 ms; $3 req/s; non-2xx $7"
    [ "$9" != - ] && verdict="$(at_most "$5" "$9") (p99 <= $9 ms); $verdict"
    row "$1" "$2" "$5" "$8" "$(ratio "$5" "$8")" "$9" "$verdict"
}
pin_note() { # what the latency rows ran on
    if [ -n "$PIN_SERVER" ]; then
        echo "pinned rows: server on CPU $PIN_SERVER (nginx worker_processes 1), wrk -t1 -c16 on CPU $PIN_CLIENT"
    else
        echo "pinned rows skipped: $PIN_WHY"
    fi
}
