"""Shared helpers for the benchmark scripts: a throwaway database, the release server, tokens
and keys minted the way the server mints them, wrk runs parsed, results appended to
bench/results/. Loopback only; everything started here is stopped here."""

import base64
import datetime
import hashlib
import hmac
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JWT_SECRET = "bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
ADMIN_URL = os.environ.get("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def sh(*args, **kw):
    done = subprocess.run(args, text=True, capture_output=True, **kw)
    if done.returncode != 0:
        sys.exit(f"{args[0]} failed ({done.returncode}): {done.stderr.strip()[:2000]}")
    return done.stdout


def psql(url, sql):
    return sh("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", url, "-c", sql)


def server_binary():
    """The release build (benchmarks of a debug build would measure the compiler's laziness).
    `BEACON_SERVER_BIN` names an already built release binary (e.g. one built into a separate
    `CARGO_TARGET_DIR`, so a benchmark does not wait on or block other builds); it is used as is."""
    if binary := os.environ.get("BEACON_SERVER_BIN"):
        if not Path(binary).is_file():
            sys.exit(f"BEACON_SERVER_BIN={binary} is not a file")
        return Path(binary)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "server", "--bin", "server"], cwd=ROOT, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "release" / "server"


class Postgres:
    """A throwaway PostgreSQL database."""

    def __init__(self):
        self.name = "beacon_bench_" + uuid.uuid4().hex[:12]
        psql(ADMIN_URL, f"CREATE DATABASE {self.name}")
        base = ADMIN_URL.rsplit("/", 1)[0]
        self.url = f"{base}/{self.name}"

    def drop(self):
        psql(ADMIN_URL, f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")


class Sqlite:
    """A throwaway SQLite database file (the server opens it with WAL, as in production)."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="beacon-bench-sqlite-")
        self.path = Path(self.dir) / "beacon.db"
        # The form the server builds from DATA_DIR by default (server/src/config/settings.rs).
        self.url = f"sqlite://{self.path}?mode=rwc"

    def connect(self):
        import sqlite3
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 30000")
        return conn

    def scalar(self, sql, params=()):
        conn = self.connect()
        try:
            row = conn.execute(sql, params).fetchone()
            return row[0] if row else None
        finally:
            conn.close()

    def drop(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def sqlite_uuid(value):
    """A uuid as sea-orm/sqlx store it on SQLite: a 16-byte BLOB."""
    return uuid.UUID(str(value)).bytes


def sqlite_time(at):
    """A UTC timestamp as sea-orm/sqlx store `DateTime<Utc>` on SQLite: RFC 3339 text with
    chrono's `SecondsFormat::AutoSi` (no fraction, or 3, 6 digits as needed) and `+00:00`.
    The server compares these as text (`next_check_at <= ?`), so the format must match."""
    at = at.astimezone(datetime.timezone.utc)
    micros = at.microsecond
    if micros == 0:
        fraction = ""
    elif micros % 1000 == 0:
        fraction = f".{micros // 1000:03d}"
    else:
        fraction = f".{micros:06d}"
    return at.strftime("%Y-%m-%dT%H:%M:%S") + fraction + "+00:00"


def md5_uuid(text):
    """PostgreSQL's `md5(text)::uuid`."""
    return uuid.UUID(hashlib.md5(text.encode()).hexdigest())


def proc_cpu_seconds(pid):
    """User + system CPU seconds of a process, or None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def postgres_pids(database_url=None):
    """Local PostgreSQL processes: with `database_url`, that database's backends plus the
    shared ones (walwriter, checkpointer, autovacuum, …), not other databases' client backends;
    without it, every postgres process."""
    if database_url:
        out = psql(database_url, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                                 "OR backend_type <> 'client backend'")
        return [int(pid) for pid in out.split()]
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() in ("postgres", "postmaster"):
                    pids.append(int(entry.name))
            except (FileNotFoundError, ProcessLookupError):
                pass
    return pids


def machine_cpu_seconds():
    """(busy, total) CPU seconds of the whole machine, summed over cores, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    total = sum(fields[:8])
    hz = os.sysconf("SC_CLK_TCK")
    return (total - idle) / hz, total / hz


class CpuWindow:
    """CPU used over a window by named processes, by every PostgreSQL process, and by the
    whole machine (so contention from anything else shows as `other`)."""

    def __init__(self, pg_url=None, **pids):
        self.pids, self.pg_url = pids, pg_url
        self.t0 = time.time()
        self.mine0 = {k: proc_cpu_seconds(p) or 0.0 for k, p in pids.items()}
        self.pg0 = {p: proc_cpu_seconds(p) for p in postgres_pids(pg_url)}
        self.machine0 = machine_cpu_seconds()

    def stop(self):
        """Percent of one core for each named process, `postgres`, `machine` (of nproc cores
        × 100) and `other` (machine minus the named processes and PostgreSQL)."""
        dt = time.time() - self.t0
        out = {k: ((proc_cpu_seconds(p) or 0.0) - self.mine0[k]) / dt * 100 for k, p in self.pids.items()}
        pg = 0.0
        for pid in set(postgres_pids(self.pg_url)) | set(self.pg0):
            now = proc_cpu_seconds(pid)
            if now is None:
                continue
            before = self.pg0.get(pid)
            pg += now - before if before is not None else now
        out["postgres"] = pg / dt * 100
        busy1, _ = machine_cpu_seconds()
        out["machine"] = (busy1 - self.machine0[0]) / dt * 100
        out["other"] = max(0.0, out["machine"] - sum(v for k, v in out.items() if k not in ("machine",)))
        return out


class Server:
    """The real server binary on random loopback ports."""

    def __init__(self, database_url, extra_env=None, log_level="warn", capture_stderr=False):
        self.dir = tempfile.mkdtemp(prefix="beacon-bench-")
        env = {
            "PATH": os.environ["PATH"],
            "HOME": os.environ.get("HOME", "/root"),
            "APP_ENV": "development",
            "LISTEN_ADDR": "127.0.0.1:0",
            "INTERNAL_ADDR": "127.0.0.1:0",
            "DATA_DIR": self.dir,
            "SPA_DIR": str(ROOT / "frontend/dist"),
            "DATABASE_URL": database_url,
            "JWT_SECRET": JWT_SECRET,
            "RUST_LOG": log_level,
            "LOG_FORMAT": "json",
            # Benchmarks measure throughput, not the per-IP limiter.
            "RATE_LIMIT_BURST": "1000000",
            "RATE_LIMIT_INTERVAL": "1ms",
        }
        env.update(extra_env or {})
        self.stderr_path = Path(self.dir) / "stderr.log"
        stderr = open(self.stderr_path, "w") if capture_stderr else subprocess.DEVNULL
        self.proc = subprocess.Popen(
            [str(server_binary())], cwd=self.dir, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True
        )
        self.public = self.internal = None
        deadline = time.time() + 120
        while (self.public is None or self.internal is None) and time.time() < deadline:
            line = self.proc.stdout.readline()
            if m := re.match(r"beacon: public listener on (http://\S+)", line):
                self.public = m.group(1)
            if m := re.match(r"beacon: internal listener on (http://\S+)", line):
                self.internal = m.group(1)
        if self.public is None:
            self.stop()
            sys.exit("the server did not start")

    def request_line_bytes(self):
        """The median size of the server's per-request log lines (needs capture_stderr)."""
        lines = [l for l in self.stderr_path.read_text().splitlines() if '"request finished"' in l]
        return int(statistics.median(len(l.encode()) + 1 for l in lines)) if lines else 0

    def rss_kib(self):
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def access_token(user_id, tenant_id, session_id, role="owner"):
    """An HS256 access token exactly as the server issues them."""
    now = int(time.time())
    header = {"alg": "HS256", "typ": "JWT"}
    claims = {
        "sub": str(user_id), "tid": str(tenant_id), "sid": str(session_id), "role": role,
        "iss": "beacon", "aud": "beacon-api", "typ": "access",
        "exp": now + 900, "iat": now, "jti": str(uuid.uuid4()),
    }
    signing = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())
    signature = hmac.new(JWT_SECRET.encode(), signing.encode(), hashlib.sha256).digest()
    return signing + "." + b64(signature)


def wrk(url, seconds, connections, script=None, threads=2, env=None):
    """Runs wrk; returns requests/s and latency percentiles (ms) printed by `bench/wrk_report.lua`."""
    args = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--latency"]
    if script:
        args += ["-s", str(script)]
    out = subprocess.run(args + [url], check=True, text=True, capture_output=True, env={**os.environ, **(env or {})}).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    result = {"rps": rps}
    for key in ("p50", "p99", "p999"):
        if m := re.search(rf"^{key}_ms=([\d.]+)$", out, re.M):
            result[key] = float(m.group(1))
    if m := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        result["non2xx"] = int(m.group(1))
    if m := re.search(r"(\d+) requests in", out):
        result["requests"] = int(m.group(1))
    return result


def pgbench(url, sql_file, seconds, clients, threads=2):
    out = sh("pgbench", "-n", "-M", "prepared", "-f", str(sql_file), "-T", str(seconds), "-c", str(clients), "-j", str(threads), url)
    return float(re.search(r"tps = ([\d.]+)", out).group(1))


def record(name, header_lines, table_rows, notes=()):
    """Appends a run to bench/results/<date>-<name>.md and prints it."""
    now = datetime.datetime.now(datetime.timezone.utc)
    commit = sh("git", "-C", str(ROOT), "rev-parse", "--short", "HEAD").strip()
    dirty = "yes" if sh("git", "-C", str(ROOT), "status", "--porcelain").strip() else "no"
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    lines = [f"## {now:%Y-%m-%dT%H:%M:%SZ} {name}",
             f"- commit: {commit} (dirty: {dirty})",
             f"- machine: nproc={os.cpu_count()}, CPU: {cpu}, RAM: {int(mem) // 1048576} GiB",
             *[f"- {line}" for line in header_lines], ""]
    lines += table_rows + [""] + list(notes) + [""]
    text = "\n".join(lines)
    print(text)
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    with open(results / f"{now:%Y-%m-%d}-{name}.md", "a") as f:
        f.write(text + "\n")
