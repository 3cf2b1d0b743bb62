#!/usr/bin/env python3
"""bench/memory: the server's RSS over 1,000,000 requests with nobody scraping `/metrics` (the
embedded default). Histogram samples must not pile up: RSS stays flat after warm-up.

Usage: bench/memory.py [total-requests] (default 1,000,000). SQLite, nothing configured."""

import sys
import tempfile
from pathlib import Path

import benchlib as b

TOTAL = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
STEP_SECONDS = 10
HERE = Path(__file__).resolve().parent


def main():
    data = Path(tempfile.mkdtemp(prefix="beacon-bench-sqlite-"))
    server = b.Server(f"sqlite://{data}/beacon.db?mode=rwc")
    try:
        query = HERE / "memory_query.lua"
        query.write_text('wrk.method = "POST"\nwrk.body = \'{"query":"{ serverInfo { version } }"}\'\n'
                         'wrk.headers["Content-Type"] = "application/json"\n' + (HERE / "wrk_report.lua").read_text())
        b.wrk(server.public + "/graphql", 5, 16, query)  # warm up
        samples = [(0, server.rss_kib())]
        done = 0
        while done < TOTAL:
            done += b.wrk(server.public + "/graphql", STEP_SECONDS, 16, query).get("requests", 0)
            samples.append((done, server.rss_kib()))
        table = ["| requests served | RSS MiB |", "|---|---|"] + [f"| {n:,} | {rss / 1024:.1f} |" for n, rss in samples]
        first, last = samples[1][1], samples[-1][1]
        notes = [f"- RSS after the first step {first / 1024:.1f} MiB, at the end {last / 1024:.1f} MiB "
                 f"({(last - first) / 1024:+.1f} MiB over {done - samples[1][0]:,} requests; "
                 f"{(last - first) * 1024 / max(1, done - samples[1][0]):.2f} bytes/request)",
                 "- /metrics was never scraped; the recorder's upkeep runs every 5 s"]
        b.record("memory", ["backend: SQLite (embedded default); build: --release",
                            "load: wrk -t2 -c16, `{ serverInfo { version } }`", "command: bench/memory.py"], table, notes)
    finally:
        server.stop()
        query.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
