#!/usr/bin/env python3
"""bench/engine: the monitor scheduler under N HTTP monitors at a 60 s interval against a local
target (Caddy's `respond`, so the target costs little), on PostgreSQL. Prints sustained checks/s
against the expected N/60, the schedule lag p50/p99 (from the server's own
`monitor_schedule_lag_seconds` summary), server CPU % of one core, RSS, and failed checks.

Then the throughput ceiling: 20,000 monitors at a 10 s interval (2,000 checks/s asked) against
a raw client loop on the same target (`wrk` with `Connection: close`, so it too opens a
connection per request, as a check does).

Target (issue 11): 10,000 monitors at 60 s with p99 lag <= 1 s and <= 10 % of one core;
sustained maximum >= 50 % of the raw loop.
Usage: bench/engine.py [seconds] [N ... | ceiling]  (default 90 s, N = 1000 10000). Needs caddy,
wrk, psql."""

import re
import socket
import subprocess
import sys
import time
import urllib.request

import benchlib as b

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 90
# `bench/engine.py 60 ceiling` runs only the throughput ceiling.
COUNTS = [] if sys.argv[2:] == ["ceiling"] else [int(n) for n in sys.argv[2:]] or [1000, 10000]
TENANTS = 100
# The ceiling step: this many monitors at this interval (env CEILING_N, CEILING_INTERVAL).
CEILING_N = int(__import__("os").environ.get("CEILING_N", 20_000))
CEILING_INTERVAL = int(__import__("os").environ.get("CEILING_INTERVAL", 10))
WARMUP = 70  # one full interval, so every monitor has been planned from its own schedule


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed(url, n, target, interval=60):
    per = n // TENANTS
    b.psql(url, f"""
INSERT INTO tenants (id, slug, name, status, created_at, updated_at)
  SELECT md5('t'||t)::uuid, 'bench'||t, 'Bench '||t, 'active', now(), now() FROM generate_series(1,{TENANTS}) t;
INSERT INTO monitors (id, tenant_id, name, kind, target, settings, interval_seconds, timeout_seconds,
    retry_interval_seconds, failure_threshold, recovery_threshold, status, consecutive_failures,
    consecutive_successes, next_check_at, created_at, updated_at)
  SELECT gen_random_uuid(), md5('t'||(m % {TENANTS} + 1))::uuid, 'm'||m, 'http', '{target}',
    '{{"kind":"http","url":"{target}","method":"GET","headers":[],"body":null,"expected_status":[],"follow_redirects":true,"verify_tls":true,"keyword":null,"keyword_absent":false,"json_path":null,"json_comparison":null,"json_value":null,"tls_warn_days":14}}',
    {interval}, 10, {interval}, 2, 1, 'pending', 0, 0, now() + random() * interval '{interval} seconds', now(), now()
  FROM generate_series(1,{per * TENANTS}) m;
ANALYZE;""")


def metrics(server):
    return urllib.request.urlopen(server.internal + "/metrics", timeout=10).read().decode()


def buckets(text):
    """Cumulative counts of the lag histogram by upper bound."""
    found = re.findall(r'^monitor_schedule_lag_seconds_bucket\{le="([^"]+)"\} (\d+)$', text, re.M)
    return {float(le): int(n) for le, n in found}


def quantile(before, after, q):
    """The bucket bound under which a fraction q of the window's samples fell (bucket resolution)."""
    delta = {le: after.get(le, 0) - before.get(le, 0) for le in after}
    total = delta.get(float("inf"), 0)
    if total == 0:
        return float("nan")
    for le in sorted(delta):
        if delta[le] >= q * total:
            return le
    return float("inf")


def count(url, sql):
    return int(b.psql(url, sql).strip() or 0)


def run(n, target, interval=60):
    db = b.Postgres()
    try:
        b.Server(db.url).stop()  # migrate
        seed(db.url, n, target, interval)
        server = b.Server(db.url, {"ALLOW_PRIVATE_TARGETS": "true"}, capture_stderr=True)
        time.sleep(WARMUP)
        lag0 = buckets(metrics(server))
        results0, cpu0, t0 = count(db.url, "SELECT count(*) FROM check_results"), server.cpu_seconds(), time.time()
        time.sleep(SECONDS)
        results1, cpu1, t1 = count(db.url, "SELECT count(*) FROM check_results"), server.cpu_seconds(), time.time()
        lag1 = buckets(metrics(server))
        failed = count(db.url, "SELECT count(*) FROM check_results WHERE status <> 'up'")
        busy = sum(1 for line in server.stderr_path.read_text().splitlines() if "locked" in line or "busy" in line)
        row = {
            "n": n,
            "checks_per_s": (results1 - results0) / (t1 - t0),
            "expected": n / interval,
            "lag_p50": quantile(lag0, lag1, 0.5),
            "lag_p99": quantile(lag0, lag1, 0.99),
            "cpu": (cpu1 - cpu0) / (t1 - t0) * 100,
            "rss_mib": server.rss_kib() / 1024,
            "failed": failed,
            "busy": busy,
        }
        server.stop()
        return row
    finally:
        db.drop()


HERE = __import__("pathlib").Path(__file__).resolve().parent


def raw_loop(target):
    """Requests/s of a raw client loop against the target, reconnecting per request."""
    out = subprocess.run(["wrk", "-t", "2", "-c", "256", "-d", "15s", "-H", "Connection: close", target],
                         check=True, text=True, capture_output=True).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main():
    port = free_port()
    target = f"http://127.0.0.1:{port}/"
    caddy = subprocess.Popen(["caddy", "respond", "--listen", f"127.0.0.1:{port}", "ok"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        rows = [run(n, target) for n in COUNTS]
        ceiling = run(CEILING_N, target, interval=CEILING_INTERVAL)
        raw = raw_loop(target)
    finally:
        caddy.terminate()
    table = ["| monitors | checks/s sustained | expected (N/60) | lag p50 ≤ s | lag p99 ≤ s | CPU % of one core | RSS MiB | failed checks | busy/locked log lines |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        table.append(f"| {r['n']} | {r['checks_per_s']:.1f} | {r['expected']:.1f} | {r['lag_p50']:.3f} | {r['lag_p99']:.3f} | "
                     f"{r['cpu']:.1f} | {r['rss_mib']:.1f} | {r['failed']} | {r['busy']} |")
    b.record("engine", [f"PostgreSQL, HTTP monitors at 60 s over {TENANTS} tenants, target: caddy respond on loopback",
                        f"measured over {SECONDS} s after {WARMUP} s of warm-up; release build"], table,
             [f"- Ceiling: {CEILING_N} monitors at {CEILING_INTERVAL} s ({CEILING_N / CEILING_INTERVAL:.0f} checks/s asked): **{ceiling['checks_per_s']:.0f} checks/s** sustained, "
              f"lag p99 <= {ceiling['lag_p99']} s, CPU {ceiling['cpu']:.0f} % of one core; raw loop (wrk, a new connection per request, "
              f"256 connections): {raw:.0f} requests/s; engine / raw = **{ceiling['checks_per_s'] / raw:.0%}** (target >= 50 %)",
              "- Lag is the time from a monitor's planned check to its claim, from the server's histogram over the window (bucket bounds: 1 ms … 10 s).",
              "- Not measured here yet: SQLite, API throughput while the engine runs."])


if __name__ == "__main__":
    main()
