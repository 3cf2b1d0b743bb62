#!/usr/bin/env python3
"""bench/api_under_load: the GraphQL monitors list (tenant-scoped, `monitors(first: 20)`, random
tenants' access tokens, wrk) with the scheduler idle and then while the engine runs 10,000 HTTP
monitors at 60 s against a local Caddy target — the same release build, the same database and
rows, one after the other in one run. Prints both throughputs and their ratio, and what the
engine did during the loaded window (checks/s, schedule lag p99), so a ratio bought by starving
the engine shows too.

Order per backend: idle (SCHEDULER_ENABLED=false), engine running (after 70 s of warm-up; two
consecutive wrk windows), idle again; the ratio is loaded (mean) / idle (mean).

Target (issue 11): loaded >= 90 % of idle.
Usage: bench/api_under_load.py [seconds-per-window] (default 30); BENCH_BACKEND=postgres|sqlite|both
(default both); MONITORS (default 10000). Needs caddy, wrk, psql. BEACON_SERVER_BIN as in benchlib."""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import benchlib as b
import engine as e

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 30
MONITORS = int(os.environ.get("MONITORS", 10_000))
BACKENDS = {"both": ["postgres", "sqlite"], "postgres": ["postgres"], "sqlite": ["sqlite"]}[os.environ.get("BENCH_BACKEND", "both")]
CONNECTIONS = 32
HERE = Path(__file__).resolve().parent
QUERY = '{"query":"{ monitors(first: 20) { nodes { id name status target lastCheckedAt } pageInfo { hasNextPage endCursor } } }"}'


def wrk_script(path):
    """Fresh tokens (they live 15 min) for every tenant's owner, one picked at random per request."""
    tokens = [b.access_token(b.md5_uuid(f"u{n}"), b.md5_uuid(f"t{n}"), b.md5_uuid(f"s{n}")) for n in range(1, e.TENANTS + 1)]
    lines = ["local creds = {"] + [f'  "{c}",' for c in tokens] + ["}"]
    lines += ['wrk.method = "POST"', f"wrk.body = '{QUERY}'", 'wrk.headers["Content-Type"] = "application/json"',
              "request = function()", '  wrk.headers["Authorization"] = "Bearer " .. creds[math.random(#creds)]',
              "  return wrk.format(nil)", "end"]
    Path(path).write_text("\n".join(lines) + "\n" + (HERE / "wrk_report.lua").read_text())
    return path


def check_answer(server, script_dir):
    """One request by hand: the list must answer with nodes, not an error (else wrk measures errors)."""
    import json
    import urllib.request
    token = b.access_token(b.md5_uuid("u1"), b.md5_uuid("t1"), b.md5_uuid("s1"))
    request = urllib.request.Request(server.public + "/graphql", data=QUERY.encode(),
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    body = json.loads(urllib.request.urlopen(request, timeout=10).read())
    nodes = (body.get("data") or {}).get("monitors", {}).get("nodes")
    if not nodes:
        sys.exit(f"the monitors list did not answer with nodes: {str(body)[:500]}")
    return len(nodes)


def idle_window(db, work, caddy_pid):
    server = b.Server(db.url, {"ALLOW_PRIVATE_TARGETS": "true", "SCHEDULER_ENABLED": "false"}, capture_stderr=True)
    try:
        check_answer(server, work)
        b.wrk(server.public + "/graphql", 3, CONNECTIONS, wrk_script(work / "warm.lua"))
        cpu = b.CpuWindow(pg_url=db.pg_url, server=server.proc.pid, caddy=caddy_pid)
        result = b.wrk(server.public + "/graphql", SECONDS, CONNECTIONS, wrk_script(work / "idle.lua"))
        result["cpu"] = cpu.stop()
        result["busy"], result["warnings"] = e.log_summary(server)
        return result
    finally:
        server.stop()


def loaded_windows(db, work, caddy_pid, rounds=2):
    server = b.Server(db.url, {"ALLOW_PRIVATE_TARGETS": "true"}, capture_stderr=True)
    try:
        time.sleep(e.WARMUP)
        check_answer(server, work)
        out = []
        for i in range(rounds):
            script = wrk_script(work / f"loaded{i}.lua")
            results0, t0, text0 = db.results(), time.time(), e.metrics(server)
            cpu = b.CpuWindow(pg_url=db.pg_url, server=server.proc.pid, caddy=caddy_pid)
            result = b.wrk(server.public + "/graphql", SECONDS, CONNECTIONS, script)
            result["cpu"] = cpu.stop()
            results1, t1, text1 = db.results(), time.time(), e.metrics(server)
            result["checks_per_s"] = (results1 - results0) / (t1 - t0)
            result["lag_p99"] = e.quantile(e.buckets(text0), e.buckets(text1), 0.99)
            out.append(result)
        # The engine alone for comparison, right after (same server, no API load).
        results0, t0, text0 = db.results(), time.time(), e.metrics(server)
        cpu = b.CpuWindow(pg_url=db.pg_url, server=server.proc.pid, caddy=caddy_pid)
        time.sleep(SECONDS)
        alone = {"cpu": cpu.stop()}
        results1, t1, text1 = db.results(), time.time(), e.metrics(server)
        alone["checks_per_s"] = (results1 - results0) / (t1 - t0)
        alone["lag_p99"] = e.quantile(e.buckets(text0), e.buckets(text1), 0.99)
        busy, warnings = e.log_summary(server)
        return out, alone, busy, warnings
    finally:
        server.stop()


def run(backend, target, caddy_pid):
    db = e.open_db(backend)
    work = Path(tempfile.mkdtemp(prefix="beacon-bench-"))
    try:
        b.Server(db.url).stop()  # migrate
        db.seed(MONITORS, target)
        db.seed_accounts()
        idle1 = idle_window(db, work, caddy_pid)
        loaded, alone, busy, warnings = loaded_windows(db, work, caddy_pid)
        idle2 = idle_window(db, work, caddy_pid)
        return {"backend": db.name, "version": db.version(), "idle": [idle1, idle2], "loaded": loaded, "alone": alone,
                "busy": busy + idle1["busy"] + idle2["busy"], "warnings": warnings + idle1["warnings"] + idle2["warnings"]}
    finally:
        db.drop()
        b.shutil.rmtree(work, ignore_errors=True)


def main():
    caddy, target = e.start_caddy()
    try:
        runs = [run(backend, target, caddy.pid) for backend in BACKENDS]
    finally:
        caddy.terminate()
    table = ["| backend | window | GraphQL req/s | p50 ms | p99 ms | non-2xx | engine checks/s (expected) | lag p99 ≤ s (~est.) | "
             "server CPU % | PostgreSQL CPU % | other CPU % |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    notes = []
    for r in runs:
        expected = MONITORS / 60
        windows = [("idle (scheduler off)", r["idle"][0])] + [(f"engine running #{i + 1}", w) for i, w in enumerate(r["loaded"])] \
            + [("idle again", r["idle"][1])]
        for name, w in windows:
            engine = f"{w['checks_per_s']:.1f} ({expected:.1f})" if "checks_per_s" in w else "–"
            lag = e.fmt_lag(w["lag_p99"]) if "lag_p99" in w else "–"
            table.append(f"| {r['backend']} | {name} | {w['rps']:.0f} | {w.get('p50', float('nan')):.2f} | {w.get('p99', float('nan')):.2f} | "
                         f"{w.get('non2xx', 0)} | {engine} | {lag} | {w['cpu']['server']:.0f} | {w['cpu']['postgres']:.0f} | {w['cpu']['other']:.0f} |")
        a = r["alone"]
        table.append(f"| {r['backend']} | engine alone (no API load) | – | | | | {a['checks_per_s']:.1f} ({expected:.1f}) | "
                     f"{e.fmt_lag(a['lag_p99'])} | {a['cpu']['server']:.0f} | {a['cpu']['postgres']:.0f} | {a['cpu']['other']:.0f} |")
        idle = statistics.mean(w["rps"] for w in r["idle"])
        loaded = statistics.mean(w["rps"] for w in r["loaded"])
        spread = abs(r["idle"][0]["rps"] - r["idle"][1]["rps"]) / idle
        notes.append(f"- {r['backend']}: engine running / idle = **{loaded / idle:.0%}** (target >= 90 %); "
                     f"the two idle windows differ by {spread:.0%} (noise floor of this run)")
        top = "; ".join(f"{c}× {lvl} {msg}" for (lvl, msg), c in r["warnings"].most_common(3)) or "none"
        notes.append(f"- {r['backend']}: busy/locked log lines {r['busy']}; server WARN/ERROR lines: {top}")
    notes.append("- CPU % of one core over each window (/proc deltas); 'other' is everything else on the machine, wrk included "
                 "(wrk -t2 shares the same 2 cores).")
    versions = " / ".join(r["version"] for r in runs)
    b.record("api_under_load", [f"backend: {versions}; {MONITORS} HTTP monitors at 60 s over {e.TENANTS} tenants (caddy respond "
                                f"on loopback); query: monitors(first: 20) with a random tenant owner's access token; build: --release",
                                f"load: wrk -t2 -c{CONNECTIONS} -d{SECONDS}s per window; engine windows after {e.WARMUP} s of warm-up",
                                f"command: BENCH_BACKEND={os.environ.get('BENCH_BACKEND', 'both')} bench/api_under_load.py {' '.join(sys.argv[1:])}"],
             table, notes)


if __name__ == "__main__":
    main()
