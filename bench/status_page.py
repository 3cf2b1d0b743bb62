#!/usr/bin/env python3
"""bench/status_page: the public status page's GraphQL query (what the SPA asks: 50 components
with 90 daily bars and 24 hourly response times each, active incidents with timelines, the
first history page, maintenance) on the tenant's host, against GET /health on the same server
as the raw ceiling, in one run (PostgreSQL, 90 days of hourly rollups). Then the same while the
engine checks 10,000 HTTP monitors every 60 s (against a local `caddy respond`).

Target (issue 8): page >= 50 % of the /health rate (the page cache carries it). The page is
asked as a browser asks it (`Accept-Encoding: gzip`), and once more without compression.
Usage: bench/status_page.py [seconds-per-step] (default 10). Needs wrk, psql, caddy."""

import statistics
import sys
import tempfile
import time
from pathlib import Path

import benchlib as b
from engine import http_settings, start_caddy

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
ROUNDS = 3
CONNECTIONS = 32
COMPONENTS = 50
DAYS = 90
ENGINE_MONITORS = 10_000
HERE = Path(__file__).resolve().parent

QUERY = ('{"query":"{ publicStatusPage { organization title description logoUrl status '
         'components { id name group status uptimePercent days { date uptimePercent downtimeSeconds outages incidents } responseMs } '
         'activeIncidents { id title status impact components { name impact } updates { status message createdAt } startedAt } '
         'incidentHistory { incidents { id title status updates { status message createdAt } } hasNextPage endCursor } '
         'activeOutages { components startedAt } recentOutages { components startedAt resolvedAt } '
         'maintenance { name components startsAt endsAt active } generatedAt } }"}')

SEED = f"""
INSERT INTO tenants (id, slug, name, status, created_at, updated_at)
  VALUES (md5('t1')::uuid, 'statusbench', 'Status Bench', 'active', now(), now());
INSERT INTO tenant_domains (id, tenant_id, hostname, kind, verified_at, created_at)
  VALUES (gen_random_uuid(), md5('t1')::uuid, 'statusbench.localhost', 'subdomain', now(), now());
-- A verified owner: only then is the subdomain a host Beacon serves (and caches answers for).
INSERT INTO users (id, email, display_name, password_hash, email_verified_at, is_platform_admin, created_at, updated_at)
  VALUES (md5('u1')::uuid, 'owner@statusbench.test', 'Owner', NULL, now(), false, now(), now());
INSERT INTO memberships (id, tenant_id, user_id, role, created_at, updated_at)
  VALUES (md5('mb1')::uuid, md5('t1')::uuid, md5('u1')::uuid, 'owner', now(), now());
INSERT INTO monitors (id, tenant_id, name, kind, target, settings, interval_seconds, timeout_seconds,
    retry_interval_seconds, failure_threshold, recovery_threshold, status, consecutive_failures,
    consecutive_successes, next_check_at, created_at, updated_at)
  SELECT md5('m'||m)::uuid, md5('t1')::uuid, 'monitor '||m, 'tcp', 'db'||m||'.example.com:5432',
    '{{"kind":"tcp","host":"db'||m||'.example.com","port":5432}}', 60, 10, 20, 2, 1,
    CASE WHEN m = 7 THEN 'down' ELSE 'up' END, 0, 0, now() + interval '1 day', now(), now()
  FROM generate_series(1,{COMPONENTS}) m;
INSERT INTO status_pages (id, tenant_id, slug, title, description, auto_publish_outages, created_at, updated_at)
  VALUES (md5('p1')::uuid, md5('t1')::uuid, '', 'Status Bench', 'Benchmark page', false, now(), now());
INSERT INTO status_page_components (id, tenant_id, page_id, monitor_id, name, group_name, position)
  SELECT md5('c'||m)::uuid, md5('t1')::uuid, md5('p1')::uuid, md5('m'||m)::uuid, 'Component '||m,
    'Group '||(m % 5), m - 1 FROM generate_series(1,{COMPONENTS}) m;
INSERT INTO check_rollups (id, tenant_id, monitor_id, hour_start, checks, failures, degraded, duration_sum_ms, latency_buckets)
  SELECT gen_random_uuid(), md5('t1')::uuid, md5('m'||m)::uuid, date_trunc('hour', now()) - (h || ' hours')::interval,
    60, CASE WHEN (m + h) % 97 = 0 THEN 3 ELSE 0 END, 0, 60 * 42, '[0,0,60,0,0,0,0,0,0,0,0,0,0,0,0,0]'
  FROM generate_series(1,{COMPONENTS}) m, generate_series(0,{DAYS * 24 - 1}) h;
INSERT INTO incidents (id, tenant_id, monitor_id, opened_at, resolved_at, cause, created_at, alerted)
  SELECT gen_random_uuid(), md5('t1')::uuid, md5('m'||(i % {COMPONENTS} + 1))::uuid, now() - (i || ' days')::interval,
    now() - (i || ' days')::interval + interval '20 minutes', 'timeout', now(), true FROM generate_series(1,60) i;
INSERT INTO status_incidents (id, tenant_id, page_id, source_id, title, status, started_at, resolved_at, created_at, updated_at)
  SELECT md5('i'||i)::uuid, md5('t1')::uuid, md5('p1')::uuid, NULL, 'Incident '||i,
    CASE WHEN i = 1 THEN 'monitoring' ELSE 'resolved' END, now() - (i || ' days')::interval,
    CASE WHEN i = 1 THEN NULL ELSE now() - (i || ' days')::interval + interval '1 hour' END, now(), now()
  FROM generate_series(1,30) i;
INSERT INTO status_incident_updates (id, tenant_id, incident_id, status, message, created_at)
  SELECT gen_random_uuid(), md5('t1')::uuid, md5('i'||i)::uuid, s, 'An update of incident '||i||': '||s,
    now() - (i || ' days')::interval + (n || ' minutes')::interval
  FROM generate_series(1,30) i, unnest(ARRAY['investigating','identified','monitoring']) WITH ORDINALITY AS u(s, n);
INSERT INTO status_incident_components (tenant_id, incident_id, component_id, impact)
  SELECT md5('t1')::uuid, md5('i'||i)::uuid, md5('c'||(i % {COMPONENTS} + 1))::uuid, 'partial' FROM generate_series(1,30) i;
ANALYZE;
"""


def engine_seed(target):
    return f"""
INSERT INTO tenants (id, slug, name, status, created_at, updated_at)
  SELECT md5('e'||t)::uuid, 'engine'||t, 'Engine '||t, 'active', now(), now() FROM generate_series(1,100) t;
INSERT INTO monitors (id, tenant_id, name, kind, target, settings, interval_seconds, timeout_seconds,
    retry_interval_seconds, failure_threshold, recovery_threshold, status, consecutive_failures,
    consecutive_successes, next_check_at, created_at, updated_at)
  SELECT gen_random_uuid(), md5('e'||(m % 100 + 1))::uuid, 'm'||m, 'http', '{target}', '{http_settings(target)}',
    60, 10, 60, 2, 1, 'pending', 0, 0, now() + random() * interval '60 seconds', now(), now()
  FROM generate_series(1,{ENGINE_MONITORS}) m;
ANALYZE;"""


def page_script(path, gzip=True):
    lines = ['wrk.method = "POST"', f"wrk.body = '{QUERY}'", 'wrk.headers["Content-Type"] = "application/json"',
             'wrk.headers["Host"] = "statusbench.localhost"']
    if gzip:
        lines.append('wrk.headers["Accept-Encoding"] = "gzip, deflate, br"')
    Path(path).write_text("\n".join(lines) + "\n" + (HERE / "wrk_report.lua").read_text())


def health_script(path):
    Path(path).write_text((HERE / "wrk_report.lua").read_text())


def measure(server, work):
    rows = {"page": [], "plain": [], "health": []}
    for _ in range(ROUNDS):
        rows["page"].append(b.wrk(server.public + "/graphql", SECONDS, CONNECTIONS, work / "page.lua"))
        rows["plain"].append(b.wrk(server.public + "/graphql", SECONDS, CONNECTIONS, work / "plain.lua"))
        rows["health"].append(b.wrk(server.public + "/health", SECONDS, CONNECTIONS, work / "health.lua"))
    return {k: {f: statistics.median(r[f] for r in v if f in r) for f in v[0]} for k, v in rows.items()}


def main():
    db = b.Postgres()
    work = Path(tempfile.mkdtemp(prefix="beacon-bench-"))
    caddy = None
    try:
        b.Server(db.url).stop()  # migrate
        b.psql(db.url, SEED)
        page_script(work / "page.lua")
        page_script(work / "plain.lua", gzip=False)
        health_script(work / "health.lua")

        server = b.Server(db.url, {"SCHEDULER_ENABLED": "false"})
        time.sleep(3)  # the served-host set loads at the first ask or poll (every 2 s)
        check = b.sh("curl", "-s", "-H", "Host: statusbench.localhost", "-H", "Content-Type: application/json",
                     "--data", QUERY, server.public + "/graphql")
        assert '"Component 50"' in check and '"errors"' not in check, check[:500]
        size = len(check.encode())
        headers = b.sh("curl", "-s", "-o", "/dev/null", "-D", "-", "-H", "Host: statusbench.localhost",
                       "-H", "Content-Type: application/json", "-H", "Accept-Encoding: gzip", "--data", QUERY,
                       server.public + "/graphql").lower()
        if "x-cache: hit" not in headers:  # the first request may only have built and kept it
            headers = b.sh("curl", "-s", "-o", "/dev/null", "-D", "-", "-H", "Host: statusbench.localhost",
                           "-H", "Content-Type: application/json", "-H", "Accept-Encoding: gzip", "--data", QUERY,
                           server.public + "/graphql").lower()
        assert "x-cache: hit" in headers and "content-encoding: gzip" in headers, headers
        gzip_size = int(b.sh("sh", "-c", f"curl -s -H 'Host: statusbench.localhost' -H 'Content-Type: application/json' "
                                   f"-H 'Accept-Encoding: gzip' --data '{QUERY}' {server.public}/graphql | wc -c").strip())
        idle = measure(server, work)
        server.stop()

        caddy, target = start_caddy()
        b.psql(db.url, engine_seed(target))
        server = b.Server(db.url, {"ALLOW_PRIVATE_TARGETS": "true"})
        time.sleep(70)  # every monitor checked once: the engine is in its steady state
        results0 = int(b.psql(db.url, "SELECT count(*) FROM check_results").strip())
        t0 = time.time()
        busy = measure(server, work)
        checks_per_s = (int(b.psql(db.url, "SELECT count(*) FROM check_results").strip()) - results0) / (time.time() - t0)
        server.stop()

        table = ["| case | page req/s (gzip) | p50 ms | p99 ms | page req/s (no gzip) | /health req/s | page / health | no gzip / health |",
                 "|---|---|---|---|---|---|---|---|"]
        for name, m in (("engine idle", idle), (f"engine checking {ENGINE_MONITORS} monitors @60 s", busy)):
            p, q, h = m["page"], m["plain"], m["health"]
            table.append(f"| {name} | {p['rps']:.0f} | {p.get('p50', float('nan')):.2f} | {p.get('p99', float('nan')):.2f} "
                         f"| {q['rps']:.0f} | {h['rps']:.0f} | {p['rps'] / h['rps']:.0%} | {q['rps'] / h['rps']:.0%} |")
        notes = [f"- response: {size} bytes of JSON ({COMPONENTS} components x {DAYS} days), {gzip_size} bytes gzip-compressed",
                 f"- page / health, engine idle: **{idle['page']['rps'] / idle['health']['rps']:.0%}** (target >= 50 %)",
                 f"- checks recorded during the loaded rounds: {checks_per_s:.1f}/s (expected {ENGINE_MONITORS / 60:.1f}/s)"]
        b.record("status_page", [f"PostgreSQL, one page of {COMPONENTS} components, {DAYS} days of hourly rollups, 30 incidents; build: --release",
                                 f"load: wrk -t2 -c{CONNECTIONS} -d{SECONDS}s, {ROUNDS} rounds alternating page and /health (medians)",
                                 "command: bench/status_page.py"], table, notes)
    finally:
        if caddy:
            caddy.terminate()
        db.drop()


if __name__ == "__main__":
    main()
