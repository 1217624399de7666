"""Driver of bench/attack.sh: starts `smvault serve` under `ulimit -n 1024`, runs each of
issue 17's resource attacks for ATTACK_SECONDS while a client keeps calling /ping and a
signed GetSecretValue, samples the server's RSS, then SIGTERMs it with a writer running and
stalled clients held, and prints the table. Attackers are asyncio sockets; every connection
the server closes is opened again half a second later (a sustained attack, not a busy loop).
Env: SMVAULT_BIN, WORK, ATTACK_SECONDS (default 15)."""

import asyncio
import http.client
import json
import os
import resource
import socket
import subprocess
import sys
import threading
import time

import boto3
import botocore.config

BIN = os.environ["SMVAULT_BIN"]
WORK = os.environ["WORK"]
SECONDS = float(os.environ.get("ATTACK_SECONDS", "15"))
AFTER = 5.0  # the RSS "after" is read this long after an attack ends
HOST = "127.0.0.1"
ENV = dict(os.environ, SMVAULT_FILE=f"{WORK}/vault.age", SMVAULT_AGE_KEY_FILE=f"{WORK}/identity.txt")


def smvault(*args):
    return subprocess.run([BIN, *args], env=ENV, check=True, capture_output=True, text=True).stdout


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


class Stats:
    """Latencies and errors of the client, and the server's RSS, for the phase running."""

    def __init__(self):
        self.phase = None
        self.lat, self.errors, self.peak = {}, {}, {}
        self.lock = threading.Lock()

    def record(self, ms=None, error=None):
        with self.lock:
            if error is not None:
                self.errors.setdefault(self.phase, []).append(error)
            else:
                self.lat.setdefault(self.phase, []).append(ms)


def client(port, stats, stop):
    sm = boto3.client("secretsmanager", config=botocore.config.Config(
        retries={"mode": "standard", "max_attempts": 3}, connect_timeout=10, read_timeout=10))
    while not stop.is_set():
        for call in ("ping", "get"):
            t = time.monotonic()
            try:
                if call == "ping":  # a health check: a new connection each time
                    c = http.client.HTTPConnection(HOST, port, timeout=10)
                    c.request("GET", "/ping")
                    r = c.getresponse()
                    body = r.read()
                    c.close()
                    if r.status != 200 or body != b"healthy":
                        raise RuntimeError(f"ping {r.status}")
                else:
                    sm.get_secret_value(SecretId="bench/s")
                stats.record(ms=(time.monotonic() - t) * 1000)
            except Exception as e:  # noqa: BLE001 - every failure counts
                stats.record(error=f"{call}: {type(e).__name__}: {e}"[:160])
        time.sleep(0.02)


def sampler(pid, stats, stop):
    while not stop.is_set():
        try:
            r = rss_kib(pid)
        except (FileNotFoundError, StopIteration, ProcessLookupError):
            return
        with stats.lock:
            stats.peak[stats.phase] = max(stats.peak.get(stats.phase, 0), r)
        time.sleep(0.05)


async def holder(payload, until, counts):
    """One attacker: opens, sends `payload`, holds until the server closes; again."""
    while time.monotonic() < until:
        try:
            r, w = await asyncio.wait_for(asyncio.open_connection(HOST, PORT), 5)
        except (OSError, asyncio.TimeoutError):
            await asyncio.sleep(0.5)
            continue
        counts["opened"] += 1
        try:
            if payload:
                w.write(payload)
                await asyncio.wait_for(w.drain(), max(0.01, until - time.monotonic()))
            answered = False
            while time.monotonic() < until:
                data = await asyncio.wait_for(r.read(65536), until - time.monotonic())
                if not data:
                    counts["closed"] += 1
                    break
                if not answered:
                    answered = True
                    status = data.split(b" ", 2)[1:2]
                    key = status[0].decode(errors="replace") if status else "?"
                    counts[key] = counts.get(key, 0) + 1
        except (OSError, asyncio.TimeoutError):
            pass
        finally:
            w.close()
        await asyncio.sleep(0.5)


def attack(n, payload, seconds):
    counts = {"opened": 0, "closed": 0}

    async def run():
        until = time.monotonic() + seconds
        await asyncio.gather(*(holder(payload, until, counts) for _ in range(n)))

    asyncio.run(run())
    return counts


def percentile(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))] if v else float("nan")


def main():
    global PORT
    smvault("init")
    for i in range(20):
        smvault("create-secret", "--name", f"bench/{i}", "--secret-string", json.dumps({"password": "p" * 40, "i": i}))
    smvault("create-secret", "--name", "bench/s", "--secret-string", "the value")
    PORT = free_port()
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    log = open(f"{WORK}/serve.log", "w")
    server = subprocess.Popen(
        [BIN, "serve", "--listen", f"{HOST}:{PORT}"], env=ENV, stderr=log, stdout=subprocess.DEVNULL,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (1024, hard)))
    for line in smvault("serve", "--print-env", "--listen", f"{HOST}:{PORT}").splitlines():
        if line.startswith("export "):
            k, v = line[7:].split("=", 1)
            os.environ[k] = v.strip("'")
    deadline = time.monotonic() + 10
    while True:
        try:
            c = http.client.HTTPConnection(HOST, PORT, timeout=1)
            c.request("GET", "/ping")
            if c.getresponse().status == 200:
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            sys.exit("the server did not start")
        time.sleep(0.05)
    plain_kib = os.path.getsize(f"{WORK}/vault.age") // 1024 + 1  # the plaintext is smaller
    rss_after_goal = 20 * 1024 + 3 * plain_kib
    rss_attack_goal = rss_after_goal + 64 * 1024
    stats, stop = Stats(), threading.Event()
    stats.phase = "quiet"
    threading.Thread(target=sampler, args=(server.pid, stats, stop), daemon=True).start()
    threading.Thread(target=client, args=(PORT, stats, stop), daemon=True).start()
    load_before = load()
    time.sleep(AFTER)

    body_head = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n"
    phases = [
        ("1100 stalled bodies", 1100, body_head % 100 + b"x"),
        ("600 x 500 KiB half-sent bodies", 600, body_head % (510 * 1024) + b"a" * (500 * 1024)),
        ("2000 idle connections", 2000, b""),
    ]
    rows, after = [], {}
    for name, n, payload in phases:
        stats.phase = name
        counts = attack(n, payload, SECONDS)
        stats.phase = name + " (after)"
        time.sleep(AFTER)
        after[name] = rss_kib(server.pid)
        rows.append((name, counts))

    # SIGTERM with a writer running, stalled bodies and idle connections held.
    acked, writing = [], threading.Event()

    def writer():
        sm = boto3.client("secretsmanager", config=botocore.config.Config(retries={"max_attempts": 1}))
        i = 0
        while True:
            try:
                sm.create_secret(Name=f"w/{i}", SecretString=str(i))
            except Exception:  # noqa: BLE001 - the server going away ends it
                return
            acked.append(f"w/{i}")
            writing.set()
            i += 1

    wt = threading.Thread(target=writer)
    wt.start()
    writing.wait(30)
    held = []
    for i in range(70):
        s = socket.create_connection((HOST, PORT))
        if i < 50:
            s.sendall(body_head % (510 * 1024) + b"a" * (500 * 1024))
        held.append(s)
    time.sleep(1)
    stop.set()
    server.send_signal(15)
    t = time.monotonic()
    try:
        code = server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        code = "none (killed after 60 s)"
    took = time.monotonic() - t
    wt.join()
    for s in held:
        s.close()
    names = {s["Name"] for s in json.loads(smvault("list-secrets"))["SecretList"]}
    on_disk = sum(1 for a in acked if a in names)

    print(f"smvault serve under attack: release build, ulimit -n 1024, {SECONDS:.0f} s per attack,"
          f" {os.cpu_count()} cores, load average {load_before} before, {load()} after")
    with open(f"{WORK}/serve.log") as f:
        print(next((l.strip() for l in f if "limits:" in l), "(no limits line)"))
    print(f"{'phase':34} {'calls':>6} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'errors':>6}"
          f" {'peak RSS KiB':>12} {'RSS +5 s KiB':>12}  attackers")
    ok = True
    for name, counts in [("quiet", None)] + rows:
        lat = stats.lat.get(name, []) + stats.lat.get(name + " (after)", [])
        errs = stats.errors.get(name, []) + stats.errors.get(name + " (after)", [])
        lat_attack = stats.lat.get(name, [])
        p99 = percentile(lat_attack, 99)
        peak = stats.peak.get(name, 0)
        ok &= p99 < 100 and not errs and (name == "quiet" or peak < rss_attack_goal)
        rss_after = after.get(name)
        ok &= rss_after is None or rss_after < rss_after_goal
        who = "" if counts is None else " ".join(f"{k}={v}" for k, v in counts.items())
        print(f"{name:34} {len(lat_attack):6} {percentile(lat_attack, 50):7.2f} {p99:7.2f}"
              f" {max(lat_attack, default=float('nan')):7.2f} {len(errs):6} {peak:12}"
              f" {'' if rss_after is None else rss_after:>12}  {who}")
        for e in sorted(set(errs))[:3]:
            print(f"    error: {e}")
    print(f"goals: client p99 < 100 ms and no error throughout; RSS < 20 MB + 3x {plain_kib} KiB plaintext"
          f" + 64 MiB = {rss_attack_goal} KiB under attack, < {rss_after_goal} KiB 5 s after")
    ok &= code == 0 and took < 10.5 and on_disk == len(acked)
    print(f"SIGTERM (a writer running, 50 half-sent bodies and 20 idle connections held):"
          f" exit {code} after {took:.2f} s (grace 10 s); {len(acked)} writes acknowledged, {on_disk} on disk")
    print("verdict:", "ok" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
