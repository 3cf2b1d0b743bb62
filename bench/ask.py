#!/usr/bin/env python3
"""bench/ask: Caddy's on-demand TLS `ask` endpoint with 10,000 tenants and 1,000 verified custom
domains (PostgreSQL): throughput and p50/p99/p99.9 for allowed names and for a spray of unknown
names (which Caddy never caches, so every handshake for one reaches Beacon), side by side with
`/health` on the same listener as the raw ceiling; and the server's RSS before and after 200,000
distinct unknown names.

Target (issues 8 and 10): p99 < 1 ms for allowed and denied names; memory flat after the spray.
Usage: bench/ask.py [seconds-per-step] (default 10)."""

import sys
import tempfile
from pathlib import Path

import benchlib as b

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
TENANTS = 10_000
CUSTOM = 1_000
HERE = Path(__file__).resolve().parent

SEED = f"""
INSERT INTO tenants (id, slug, name, status, created_at, updated_at)
  SELECT md5('t'||n)::uuid, 'tenant'||n, 'Tenant '||n, 'active', now(), now() FROM generate_series(1,{TENANTS}) n;
INSERT INTO tenant_domains (id, tenant_id, hostname, kind, verified_at, created_at)
  SELECT gen_random_uuid(), md5('t'||n)::uuid, 'tenant'||n||'.localhost', 'subdomain', now(), now()
  FROM generate_series(1,{TENANTS}) n;
INSERT INTO tenant_domains (id, tenant_id, hostname, kind, verified_at, created_at)
  SELECT gen_random_uuid(), md5('t'||n)::uuid, 'status.customer'||n||'.com', 'custom', now(), now()
  FROM generate_series(1,{CUSTOM}) n;
-- Subdomains get certificates once an owner verified their address.
INSERT INTO users (id, email, display_name, email_verified_at, is_platform_admin, created_at, updated_at)
  SELECT md5('u'||n)::uuid, 'owner'||n||'@bench.io', 'Owner', now(), false, now(), now() FROM generate_series(1,{TENANTS}) n;
INSERT INTO memberships (id, tenant_id, user_id, role, created_at, updated_at)
  SELECT gen_random_uuid(), md5('t'||n)::uuid, md5('u'||n)::uuid, 'owner', now(), now() FROM generate_series(1,{TENANTS}) n;
ANALYZE;
"""


def script(path, body):
    Path(path).write_text(body + "\n" + (HERE / "wrk_report.lua").read_text())


def main():
    db = b.Postgres()
    work = Path(tempfile.mkdtemp(prefix="beacon-bench-"))
    try:
        b.Server(db.url).stop()  # migrate
        b.psql(db.url, SEED)
        server = b.Server(db.url)
        ask = server.internal + "/internal/tls/ask"
        script(work / "allowed.lua", f"""
request = function()
  local n = math.random({TENANTS})
  if math.random(10) == 1 then
    return wrk.format("GET", "/internal/tls/ask?domain=status.customer" .. math.random({CUSTOM}) .. ".com")
  end
  return wrk.format("GET", "/internal/tls/ask?domain=tenant" .. n .. ".localhost")
end""")
        script(work / "unknown.lua", """
local counter = 0
local thread_id = 0
setup = function(thread) thread:set("id", thread_id); thread_id = thread_id + 1 end
request = function()
  counter = counter + 1
  return wrk.format("GET", "/internal/tls/ask?domain=x" .. id .. "-" .. counter .. "-" .. math.random(1e9) .. ".spray.example")
end""")
        b.wrk(ask + "?domain=tenant1.localhost", 2, 8)  # warm up (loads the hostname set)
        rss_before = server.rss_kib()
        report = HERE / "wrk_report.lua"
        results = {
            "/health (public listener, the raw ceiling), 32 connections": b.wrk(server.public + "/health", SECONDS, 32, report),
            "allowed names (random of 11,000), 32 connections": b.wrk(ask, SECONDS, 32, work / "allowed.lua"),
            "unknown names (all distinct), 32 connections": b.wrk(ask, SECONDS, 32, work / "unknown.lua"),
            # Latency as Caddy sees it: a handshake asks once, not 32 at a time on 2 cores.
            "/health, 2 connections": b.wrk(server.public + "/health", SECONDS, 2, report, threads=1),
            "allowed names, 2 connections": b.wrk(ask, SECONDS, 2, work / "allowed.lua", threads=1),
            "unknown names, 2 connections": b.wrk(ask, SECONDS, 2, work / "unknown.lua", threads=1),
        }
        # The spray: at least 200,000 distinct unknown names.
        sprayed = results["unknown names (all distinct), 32 connections"].get("requests", 0)
        while sprayed < 200_000:
            sprayed += b.wrk(ask, 5, 32, work / "unknown.lua").get("requests", 0)
        rss_after = server.rss_kib()
        server.stop()
        table = ["| case | req/s | p50 ms | p99 ms | p99.9 ms | non-2xx |", "|---|---|---|---|---|---|"]
        for name, r in results.items():
            table.append(f"| {name} | {r['rps']:.0f} | {r['p50']:.3f} | {r['p99']:.3f} | {r['p999']:.3f} | {r.get('non2xx', 0)} |")
        notes = [f"- RSS before the spray: {rss_before / 1024:.1f} MiB; after {sprayed:,} distinct unknown names: "
                 f"{rss_after / 1024:.1f} MiB (delta {(rss_after - rss_before) / 1024:+.1f} MiB)",
                 "- unknown names answer 404 (counted as non-2xx above): that is the expected answer; allowed names must show 0",
                 "- /health runs the public listener's full middleware stack; ask runs on the internal listener"]
        b.record("ask", [f"backend: PostgreSQL, {TENANTS} tenants + {CUSTOM} custom domains; build: --release",
                         f"load: wrk -t2 -c32 -d{SECONDS}s", "command: bench/ask.py"], table, notes)
    finally:
        db.drop()


if __name__ == "__main__":
    main()
