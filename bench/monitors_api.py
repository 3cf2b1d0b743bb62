#!/usr/bin/env python3
"""bench/monitors_api: the monitors list (tenant-scoped, filtered by status, first 20) through
GraphQL with random tenants' access tokens, against `pgbench` running the same SQL on the same
database: 100,000 monitors across 1,000 tenants and 1,000,000 check results (PostgreSQL). Prints
both throughputs and their ratio, the SQL round trips per request (TCP proxy), and the same
ratio with the composite (tenant_id, status, created_at, id) index dropped.

Target (issue 11): GraphQL >= 25 % of pgbench.
Usage: bench/monitors_api.py [seconds-per-step] (default 10). Needs wrk, pgbench, psql."""

import statistics
import sys
import tempfile
from pathlib import Path

import benchlib as b
from rtproxy import RoundTripProxy

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
ROUNDS = 3
CONNECTIONS = 32
TENANTS = 1000
MONITORS = 100_000
RESULTS = 1_000_000
HERE = Path(__file__).resolve().parent

SEED = f"""
INSERT INTO tenants (id, slug, name, status, created_at, updated_at)
  SELECT md5('t'||n)::uuid, 'bench'||n, 'Bench '||n, 'active', now(), now() FROM generate_series(1,{TENANTS}) n;
INSERT INTO users (id, email, display_name, password_hash, email_verified_at, is_platform_admin, created_at, updated_at)
  SELECT md5('u'||n)::uuid, 'owner'||n||'@bench.io', 'Owner '||n, NULL, now(), false, now(), now()
  FROM generate_series(1,{TENANTS}) n;
INSERT INTO memberships (id, tenant_id, user_id, role, created_at, updated_at)
  SELECT gen_random_uuid(), md5('t'||n)::uuid, md5('u'||n)::uuid, 'owner', now(), now() FROM generate_series(1,{TENANTS}) n;
INSERT INTO refresh_tokens (id, tenant_id, user_id, family_id, token_hash, created_at, expires_at, user_agent)
  SELECT gen_random_uuid(), md5('t'||n)::uuid, md5('u'||n)::uuid, md5('s'||n)::uuid, encode(sha256(('r'||n)::bytea), 'hex'),
         now(), now() + interval '30 days', 'bench' FROM generate_series(1,{TENANTS}) n;
INSERT INTO monitors (id, tenant_id, name, kind, target, settings, interval_seconds, timeout_seconds,
    retry_interval_seconds, failure_threshold, recovery_threshold, status, consecutive_failures,
    consecutive_successes, next_check_at, created_at, updated_at)
  SELECT md5('m'||m)::uuid, md5('t'||(m % {TENANTS} + 1))::uuid, 'monitor '||m, 'tcp', 'db'||m||'.example.com:5432',
    '{{"kind":"tcp","host":"db'||m||'.example.com","port":5432}}', 60, 10, 20, 2, 1,
    CASE WHEN m % 10 = 0 THEN 'down' ELSE 'up' END, 0, 0, now() + interval '1 day',
    now() - (m || ' seconds')::interval, now() FROM generate_series(1,{MONITORS}) m;
INSERT INTO check_results (id, tenant_id, monitor_id, checked_at, status, duration_ms)
  SELECT gen_random_uuid(), md5('t'||((r % {MONITORS} + 1) % {TENANTS} + 1))::uuid, md5('m'||(r % {MONITORS} + 1))::uuid,
    now() - ((r / {MONITORS}) || ' minutes')::interval, 'up', 42 FROM generate_series(0,{RESULTS - 1}) r;
ANALYZE;
"""

QUERY = '{"query":"{ monitors(first: 20, filter: { status: DOWN }) { nodes { id name status target lastCheckedAt } pageInfo { hasNextPage endCursor } } }"}'

SCOPE_SQL = """SELECT tenants.slug, tenants.status, memberships.role FROM tenants
  LEFT JOIN memberships ON tenants.id = memberships.tenant_id AND memberships.user_id = md5('u' || :n)::uuid
  WHERE tenants.id = md5('t' || :n)::uuid LIMIT 1;"""
LIST_SQL = """SELECT * FROM monitors WHERE tenant_id = md5('t' || :n)::uuid AND status = 'down'
  ORDER BY created_at DESC, id DESC LIMIT 21;"""


def wrk_script(path, credentials):
    lines = ["local creds = {"] + [f'  "{c}",' for c in credentials] + ["}"]
    lines += ['wrk.method = "POST"', f"wrk.body = '{QUERY}'", 'wrk.headers["Content-Type"] = "application/json"',
              "request = function()", '  wrk.headers["Authorization"] = "Bearer " .. creds[math.random(#creds)]',
              "  return wrk.format(nil)", "end"]
    Path(path).write_text("\n".join(lines) + "\n" + (HERE / "wrk_report.lua").read_text())


def measure(server, db, work):
    rows = {"graphql": [], "pgbench": []}
    for _ in range(ROUNDS):
        rows["graphql"].append(b.wrk(server.public + "/graphql", SECONDS, CONNECTIONS, work / "tokens.lua"))
        rows["pgbench"].append({"rps": b.pgbench(db.url, work / "list.sql", SECONDS, CONNECTIONS)})
    return {k: {f: statistics.median(r[f] for r in v if f in r) for f in v[0]} for k, v in rows.items()}


def main():
    db = b.Postgres()
    work = Path(tempfile.mkdtemp(prefix="beacon-bench-"))
    try:
        b.Server(db.url).stop()  # migrate
        b.psql(db.url, SEED)
        tokens = [b.access_token(b.uuid.UUID(b.hashlib.md5(f"u{n}".encode()).hexdigest()),
                                 b.uuid.UUID(b.hashlib.md5(f"t{n}".encode()).hexdigest()),
                                 b.uuid.UUID(b.hashlib.md5(f"s{n}".encode()).hexdigest()))
                  for n in range(1, TENANTS + 1)]
        wrk_script(work / "tokens.lua", tokens)
        (work / "list.sql").write_text(f"\\set n random(1, {TENANTS})\n{SCOPE_SQL}\n{LIST_SQL}\n")

        proxy = RoundTripProxy("127.0.0.1", 5432)
        server = b.Server(db.url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}"), {"SCHEDULER_ENABLED": "false"})
        b.wrk(server.public + "/graphql", 3, 10, work / "tokens.lua", threads=1)
        proxy.reset()
        done = b.wrk(server.public + "/graphql", 1, 4, work / "tokens.lua", threads=1)["requests"]
        trips = round(proxy.round_trips / done, 2)
        server.stop()

        server = b.Server(db.url, {"SCHEDULER_ENABLED": "false"})
        with_index = measure(server, db, work)
        b.psql(db.url, "DROP INDEX monitors_tenant_id_status_created_at_id_idx; ANALYZE monitors;")
        without_index = measure(server, db, work)
        server.stop()

        table = ["| case | GraphQL req/s | p50 ms | p99 ms | pgbench TPS (same SQL) | GraphQL / pgbench |", "|---|---|---|---|---|---|"]
        for name, m in (("with the composite index", with_index), ("index dropped", without_index)):
            g, p = m["graphql"], m["pgbench"]
            table.append(f"| {name} | {g['rps']:.0f} | {g.get('p50', float('nan')):.2f} | {g.get('p99', float('nan')):.2f} | {p['rps']:.0f} | {g['rps'] / p['rps']:.0%} |")
        notes = [f"- SQL round trips per GraphQL request (steady state, TCP proxy): {trips}",
                 f"- GraphQL / pgbench with the index: **{with_index['graphql']['rps'] / with_index['pgbench']['rps']:.0%}** (target >= 25 %)",
                 f"- GraphQL with / without the index: {with_index['graphql']['rps'] / without_index['graphql']['rps']:.2f}x"]
        b.record("monitors_api", [f"PostgreSQL, {TENANTS} tenants, {MONITORS} monitors (10 % down), {RESULTS} check results; build: --release",
                                  f"load: wrk -t2 -c{CONNECTIONS} -d{SECONDS}s, pgbench -c{CONNECTIONS} -j2 -T{SECONDS} -M prepared; {ROUNDS} rounds (medians)",
                                  "command: bench/monitors_api.py"], table, notes)
    finally:
        db.drop()


if __name__ == "__main__":
    main()
