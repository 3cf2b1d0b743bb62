#!/usr/bin/env python3
"""bench/log_cost: what the one-line-per-request log costs. `/health` and a GraphQL query with
the request log on (`RUST_LOG=info`, JSON as in production) and off (`RUST_LOG=warn`), side by
side in one run on SQLite, plus the bytes one line takes.

Usage: bench/log_cost.py [seconds-per-step] (default 10)."""

import statistics
import sys
import tempfile
from pathlib import Path

import benchlib as b

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
HERE = Path(__file__).resolve().parent


def main():
    query = HERE / "log_cost_query.lua"
    query.write_text('wrk.method = "POST"\nwrk.body = \'{"query":"{ serverInfo { version } }"}\'\n'
                     'wrk.headers["Content-Type"] = "application/json"\n' + (HERE / "wrk_report.lua").read_text())
    rows = {}
    line_bytes = 0
    try:
        for level in ("info", "warn"):
            data = Path(tempfile.mkdtemp(prefix="beacon-bench-sqlite-"))
            server = b.Server(f"sqlite://{data}/beacon.db?mode=rwc", log_level=level, capture_stderr=level == "info")
            b.wrk(server.public + "/health", 3, 16, HERE / "wrk_report.lua")  # warm up
            rows[f"/health, log {level}"] = statistics.median(
                b.wrk(server.public + "/health", SECONDS, 32, HERE / "wrk_report.lua")["rps"] for _ in range(3))
            rows[f"GraphQL serverInfo, log {level}"] = statistics.median(
                b.wrk(server.public + "/graphql", SECONDS, 32, query)["rps"] for _ in range(3))
            if level == "info":
                line_bytes = server.request_line_bytes()
            server.stop()
    finally:
        query.unlink(missing_ok=True)
    table = ["| case | req/s (median of 3) |", "|---|---|"] + [f"| {k} | {v:.0f} |" for k, v in rows.items()]
    notes = [f"- /health with the request log: {rows['/health, log info'] / rows['/health, log warn']:.0%} of without",
             f"- GraphQL with the request log: {rows['GraphQL serverInfo, log info'] / rows['GraphQL serverInfo, log warn']:.0%} of without",
             f"- one request line (JSON): about {line_bytes} bytes"]
    b.record("log_cost", ["backend: SQLite; build: --release; LOG_FORMAT=json", f"load: wrk -t2 -c32 -d{SECONDS}s",
                          "command: bench/log_cost.py"], table, notes)


if __name__ == "__main__":
    main()
