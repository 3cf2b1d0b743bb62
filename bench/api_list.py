#!/usr/bin/env python3
"""bench/api_list: a tenant-scoped list through GraphQL (the audit log, `auditEvents(first: 20)`)
with random tenants' credentials — access tokens and API keys — against `pgbench` running exactly
the SQL one request issues, on 100,000 rows across 1,000 tenants (PostgreSQL). Prints rps, TPS,
the ratio, p50/p99, and the database round trips per request, counted by a TCP proxy.

Target (issue 10): GraphQL >= 25 % of pgbench (stretch 40 %); API keys >= 90 % of tokens.
Usage: bench/api_list.py [seconds-per-step] (default 10). Needs wrk, pgbench, psql, PostgreSQL."""

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
EVENTS = 100_000
HERE = Path(__file__).resolve().parent

SEED = f"""
INSERT INTO tenants (id, slug, name, status, created_at, updated_at)
  SELECT md5('t'||n)::uuid, 'bench'||n, 'Bench '||n, 'active', now(), now() FROM generate_series(1,{TENANTS}) n;
INSERT INTO tenant_domains (id, tenant_id, hostname, kind, verified_at, created_at)
  SELECT gen_random_uuid(), md5('t'||n)::uuid, 'bench'||n||'.localhost', 'subdomain', now(), now()
  FROM generate_series(1,{TENANTS}) n;
INSERT INTO users (id, email, display_name, password_hash, email_verified_at, is_platform_admin, created_at, updated_at)
  SELECT md5('u'||n)::uuid, 'owner'||n||'@bench.io', 'Owner '||n, NULL, now(), false, now(), now()
  FROM generate_series(1,{TENANTS}) n;
INSERT INTO memberships (id, tenant_id, user_id, role, created_at, updated_at)
  SELECT gen_random_uuid(), md5('t'||n)::uuid, md5('u'||n)::uuid, 'owner', now(), now() FROM generate_series(1,{TENANTS}) n;
INSERT INTO refresh_tokens (id, tenant_id, user_id, family_id, token_hash, created_at, expires_at, user_agent)
  SELECT gen_random_uuid(), md5('t'||n)::uuid, md5('u'||n)::uuid, md5('s'||n)::uuid, encode(sha256(('r'||n)::bytea), 'hex'),
         now(), now() + interval '30 days', 'bench' FROM generate_series(1,{TENANTS}) n;
INSERT INTO api_keys (id, tenant_id, name, prefix, key_hash, scope, created_at)
  SELECT md5('k'||n)::uuid, md5('t'||n)::uuid, 'bench', 'bk_bench', encode(sha256(('bk_bench_secret_'||n)::bytea), 'hex'),
         'read', now() FROM generate_series(1,{TENANTS}) n;
INSERT INTO audit_events (id, tenant_id, action, entity_type, entity_id, request_id, client_ip, changes, created_at)
  SELECT gen_random_uuid(), md5('t'||(n % {TENANTS} + 1))::uuid, 'api_key.created', 'api_key', gen_random_uuid(),
         'bench', '127.0.0.1', '{{}}', now() - (n || ' seconds')::interval FROM generate_series(1,{EVENTS}) n;
ANALYZE;
"""

QUERY = '{"query":"{ auditEvents(first: 20) { nodes { id action entityType createdAt } pageInfo { hasNextPage endCursor } } }"}'

# The statements one request issues (read from the server's SQL, parameters as pgbench variables).
SESSION_SQL = """SELECT 1 FROM refresh_tokens WHERE family_id = md5('s' || :n)::uuid AND revoked_at IS NULL LIMIT 1;"""
SCOPE_SQL = """SELECT tenants.slug, tenants.status, memberships.role FROM tenants
  LEFT JOIN memberships ON tenants.id = memberships.tenant_id AND memberships.user_id = md5('u' || :n)::uuid
  WHERE tenants.id = md5('t' || :n)::uuid LIMIT 1;"""
LIST_SQL = """SELECT id, tenant_id, actor_user_id, actor_api_key_id, action, entity_type, entity_id, request_id, client_ip,
  changes, created_at FROM audit_events WHERE tenant_id = md5('t' || :n)::uuid
  ORDER BY created_at DESC, id DESC LIMIT 21;"""
KEY_SQL = """SELECT api_keys.id, api_keys.tenant_id, api_keys.scope, tenants.status FROM api_keys
  LEFT JOIN tenants ON api_keys.tenant_id = tenants.id
  WHERE api_keys.key_hash = encode(sha256(('bk_bench_secret_' || :n)::bytea), 'hex') AND api_keys.revoked_at IS NULL LIMIT 1;"""


def wrk_script(path, credentials):
    lines = ["local creds = {"] + [f'  "{c}",' for c in credentials] + ["}"]
    lines += [
        'wrk.method = "POST"',
        f"wrk.body = '{QUERY}'",
        'wrk.headers["Content-Type"] = "application/json"',
        "request = function()",
        '  wrk.headers["Authorization"] = "Bearer " .. creds[math.random(#creds)]',
        "  return wrk.format(nil)",
        "end",
    ]
    Path(path).write_text("\n".join(lines) + "\n" + (HERE / "wrk_report.lua").read_text())


def main():
    db = b.Postgres()
    work = Path(tempfile.mkdtemp(prefix="beacon-bench-"))
    proxy = None
    try:
        # Migrate by starting the server once, then seed.
        b.Server(db.url).stop()
        b.psql(db.url, SEED)
        tokens = [b.access_token(b.uuid.UUID(b.hashlib.md5(f"u{n}".encode()).hexdigest()),
                                 b.uuid.UUID(b.hashlib.md5(f"t{n}".encode()).hexdigest()),
                                 b.uuid.UUID(b.hashlib.md5(f"s{n}".encode()).hexdigest()))
                  for n in range(1, TENANTS + 1)]
        keys = [f"bk_bench_secret_{n}" for n in range(1, TENANTS + 1)]
        wrk_script(work / "tokens.lua", tokens)
        wrk_script(work / "keys.lua", keys)

        # Round trips per request, counted through a proxy (sequential requests).
        proxy = RoundTripProxy("127.0.0.1", 5432)
        proxied = db.url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
        server = b.Server(proxied)
        trips = {}
        for kind, creds in (("token", tokens), ("api key", keys)):
            # Steady state: every pooled connection has prepared the statements, the sessions and
            # keys are in the server's caches (as under load). Then count a quiet second's worth.
            script = work / ("tokens.lua" if kind == "token" else "keys.lua")
            b.wrk(server.public + "/graphql", 3, 10, script, threads=1)
            proxy.reset()
            done = b.wrk(server.public + "/graphql", 1, 4, script, threads=1)["requests"]
            trips[kind] = round(proxy.round_trips / done, 2)
        server.stop()

        # The SQL of one request in steady state: session liveness and API-key use are cached (a
        # session is re-checked every 5 s, a key's last use written once a minute), so a token
        # request issues the scope and the list, a key request the key lookup, scope and list.
        for name, sql in (("token.sql", SCOPE_SQL + "\n" + LIST_SQL),
                          ("key.sql", KEY_SQL + "\n" + SCOPE_SQL + "\n" + LIST_SQL),
                          ("token_uncached.sql", SESSION_SQL + "\n" + SCOPE_SQL + "\n" + LIST_SQL)):
            (work / name).write_text(f"\\set n random(1, {TENANTS})\n" + sql + "\n")

        server = b.Server(db.url)
        rows = {"graphql token": [], "graphql api key": [], "pgbench token SQL": [], "pgbench key SQL": [],
                "pgbench token SQL + session check": [], "health": []}
        for _ in range(ROUNDS):
            rows["graphql token"].append(b.wrk(server.public + "/graphql", SECONDS, CONNECTIONS, work / "tokens.lua"))
            rows["graphql api key"].append(b.wrk(server.public + "/graphql", SECONDS, CONNECTIONS, work / "keys.lua"))
            rows["health"].append(b.wrk(server.public + "/health", SECONDS, CONNECTIONS, HERE / "wrk_report.lua"))
            rows["pgbench token SQL"].append({"rps": b.pgbench(db.url, work / "token.sql", SECONDS, CONNECTIONS)})
            rows["pgbench key SQL"].append({"rps": b.pgbench(db.url, work / "key.sql", SECONDS, CONNECTIONS)})
            rows["pgbench token SQL + session check"].append(
                {"rps": b.pgbench(db.url, work / "token_uncached.sql", SECONDS, CONNECTIONS)})
        server.stop()

        med = {k: {f: statistics.median(r[f] for r in v if f in r) for f in v[0]} for k, v in rows.items()}
        table = ["| case | req/s or TPS (median of 3) | p50 ms | p99 ms | DB round trips / request |", "|---|---|---|---|---|"]
        for k, v in med.items():
            rt = trips.get("token") if k == "graphql token" else trips.get("api key") if k == "graphql api key" else ""
            table.append(f"| {k} | {v['rps']:.0f} | {v.get('p50', float('nan')):.2f} | {v.get('p99', float('nan')):.2f} | {rt} |")
        ratio_token = med["graphql token"]["rps"] / med["pgbench token SQL"]["rps"]
        ratio_key = med["graphql api key"]["rps"] / med["pgbench key SQL"]["rps"]
        keys_vs_tokens = med["graphql api key"]["rps"] / med["graphql token"]["rps"]
        notes = [f"- GraphQL (token) / pgbench same SQL: **{ratio_token:.0%}** (target >= 25 %, stretch 40 %)",
                 f"- GraphQL (API key) / pgbench same SQL: **{ratio_key:.0%}**",
                 f"- API keys / tokens: **{keys_vs_tokens:.0%}** (target >= 90 %)",
                 f"- GraphQL (token) / /health: {med['graphql token']['rps'] / med['health']['rps']:.0%}"]
        b.record("api_list", [f"backend: PostgreSQL, {TENANTS} tenants, {EVENTS} audit events; build: --release",
                              f"load: wrk -t2 -c{CONNECTIONS} -d{SECONDS}s, pgbench -c{CONNECTIONS} -j2 -T{SECONDS} -M prepared; {ROUNDS} rounds",
                              "command: bench/api_list.py"], table, notes)
    finally:
        db.drop()


if __name__ == "__main__":
    main()
