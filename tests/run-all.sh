#!/usr/bin/env bash
# Beacon's one test command (README): installs what is missing, then runs every check and test.
#   ./tests/run-all.sh
# Stages: tools -> PostgreSQL -> Rust lint -> frontend checks and build -> Rust tests (unit and
# black-box, SQLite and PostgreSQL, schema drift, Caddyfile) -> browser journey in Chromium.
# PostgreSQL: TEST_DATABASE_URL (an admin URL), else a server at 127.0.0.1:5432, else a private
# cluster started here with initdb/pg_ctl; if none can be had the run fails — never skipped.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WORK="$(mktemp -d -t beacon-tests-XXXXXX)"
CLEANUP=()
cleanup() {
  for cmd in "${CLEANUP[@]}"; do eval "$cmd" || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

stage() { printf '\n==> %s\n' "$*"; }
die() { printf 'run-all: %s\n' "$*" >&2; exit 1; }

# --- tools ------------------------------------------------------------------------------------
stage "tools"
command -v cargo >/dev/null || die "cargo is required (install Rust with rustup)"
command -v npm >/dev/null || die "npm is required (install Node.js 20+)"
missing=()
command -v caddy >/dev/null || missing+=(caddy)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    die "missing ${missing[*]}: run 'sudo apt-get install ${missing[*]}' (Debian) and retry"
  fi
fi
# The SMTP peer of the email tests is a real SMTP server process (aiosmtpd).
AIOSMTPD_VERSION=1.4.6
if ! python3 -c "import aiosmtpd" 2>/dev/null; then
  command -v python3 >/dev/null || die "python3 is required for the SMTP test server"
  echo "installing aiosmtpd==$AIOSMTPD_VERSION"
  python3 -m pip install --quiet --disable-pip-version-check "aiosmtpd==$AIOSMTPD_VERSION" 2>&1 | grep -v "Running pip as the 'root' user" || true
  python3 -c "import aiosmtpd" || die "could not install aiosmtpd (python3 -m pip install aiosmtpd==$AIOSMTPD_VERSION)"
fi
# The alerting tests check webhook signatures with the reference Standard Webhooks package.
STANDARDWEBHOOKS_VERSION=1.1.0
if ! python3 -c "import standardwebhooks" 2>/dev/null; then
  echo "installing standardwebhooks==$STANDARDWEBHOOKS_VERSION"
  python3 -m pip install --quiet --disable-pip-version-check "standardwebhooks==$STANDARDWEBHOOKS_VERSION" 2>&1 | grep -v "Running pip as the 'root' user" || true
  python3 -c "import standardwebhooks" || die "could not install standardwebhooks (python3 -m pip install standardwebhooks==$STANDARDWEBHOOKS_VERSION)"
fi
caddy version | head -1
/usr/bin/chromium --version 2>/dev/null | head -1

# --- PostgreSQL ---------------------------------------------------------------------------------
stage "PostgreSQL"
pg_answers() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "using TEST_DATABASE_URL"
elif pg_answers 127.0.0.1 5432; then
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
  echo "using the server at 127.0.0.1:5432"
else
  initdb_bin="$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)"
  [ -n "$initdb_bin" ] || die "no PostgreSQL: set TEST_DATABASE_URL, run a server at 127.0.0.1:5432, or install postgresql"
  pg_bin="$(dirname "$initdb_bin")"
  port=55432
  pgdata="$WORK/pgdata"
  as_pg=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "initdb cannot run as root and there is no postgres user"
    chown -R postgres "$WORK"; chmod 755 "$WORK"
    as_pg=(runuser -u postgres --)
  fi
  echo "starting a private PostgreSQL cluster on 127.0.0.1:$port"
  "${as_pg[@]}" "$pg_bin/initdb" -D "$pgdata" -U postgres --auth=trust >/dev/null
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pgdata" -w -l "$WORK/pg.log" \
    -o "-p $port -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null
  CLEANUP+=("${as_pg[*]} $pg_bin/pg_ctl -D $pgdata -m immediate stop >/dev/null")
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
fi

# --- Rust lint ----------------------------------------------------------------------------------
stage "cargo fmt --check"
cargo fmt --all -- --check
stage "cargo clippy --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings

# --- supply chain ---------------------------------------------------------------------------------
# Policy in deny.toml (licenses, banned crates, registries only) and .secrets.baseline (known,
# reviewed matches; a new secret in any tracked file fails the build). RustSec advisories need a
# database this network cannot fetch: run `cargo deny check advisories` where it can.
stage "supply chain: cargo-deny (licenses, bans, sources), secret scan, npm audit"
CARGO_DENY_VERSION=0.20.2
if ! cargo deny --version 2>/dev/null | grep -q "$CARGO_DENY_VERSION"; then
  echo "installing cargo-deny $CARGO_DENY_VERSION (once; a few minutes)"
  cargo install --quiet --locked cargo-deny --version "$CARGO_DENY_VERSION"
fi
cargo deny --log-level error check licenses bans sources
DETECT_SECRETS_VERSION=1.5.0
if ! python3 -c "import detect_secrets" 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check "detect-secrets==$DETECT_SECRETS_VERSION" 2>&1 | grep -v "Running pip as the 'root' user" || true
fi
python3 tests/tools/secret_scan.py \
  || die "a possible secret is committed (see above); remove it, or review it into .secrets.baseline with: detect-secrets scan --baseline .secrets.baseline"
if (cd frontend && npm audit --omit=dev --audit-level=high >"$WORK/npm-audit.log" 2>&1); then
  echo "npm audit: no high or critical advisories in production dependencies"
elif grep -q "audit endpoint returned an error\|405 Method Not Allowed" "$WORK/npm-audit.log"; then
  echo "npm audit: the registry here does not answer the audit endpoint; not checked"
else
  cat "$WORK/npm-audit.log"; die "npm audit found high or critical advisories in production dependencies"
fi

# --- frontend -------------------------------------------------------------------------------------
stage "frontend: install, codegen drift, typecheck, lint, unit tests, build"
(
  cd frontend
  npm ci --no-audit --no-fund --loglevel=error
  npm run --silent codegen:check
  npm run --silent typecheck
  npm run --silent lint
  npm run --silent test 2>&1 | tee "$WORK/vitest.log"
  npm run --silent build >/dev/null
)

# --- Rust tests -----------------------------------------------------------------------------------
stage "cargo test (unit + black-box on SQLite and PostgreSQL, schema drift, Caddyfile)"
cargo build --quiet -p server --bin server
export BEACON_SERVER_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/server"
cargo test --workspace --quiet 2>&1 | tee "$WORK/cargo-test.log"

# --- browser journey ------------------------------------------------------------------------------
stage "Playwright Test in Chromium against the running server (journey: sign up, verify from the mail file, log in, API key, audit log, invite a member who accepts on the tenant host, account; every page at 1280 and 390 px with axe-core; GraphiQL)"
mkdir -p "$WORK/app"
(
  cd "$WORK/app"
  env -i PATH="$PATH" HOME="$HOME" APP_ENV=development LISTEN_ADDR=127.0.0.1:0 INTERNAL_ADDR=127.0.0.1:0 \
    DATA_DIR="$WORK/app/data" SPA_DIR="$ROOT/frontend/dist" ALLOW_PRIVATE_TARGETS=true \
    "$BEACON_SERVER_BIN" serve >"$WORK/app/stdout.log" 2>"$WORK/app/stderr.log" &
  echo $! >"$WORK/app/pid"
)
CLEANUP+=("kill \$(cat $WORK/app/pid) 2>/dev/null")
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/^beacon: public listener on \(http:[^ ]*\).*/\1/p' "$WORK/app/stdout.log" | head -1)"
  [ -n "$url" ] && break
  sleep 0.2
done
[ -n "$url" ] || { cat "$WORK/app/stderr.log" >&2; die "the server did not start for the browser test"; }
internal="$(sed -n 's/^beacon: internal listener on \(http:[^ ]*\).*/\1/p' "$WORK/app/stdout.log" | head -1)"
# The production edge in front of it (the repository's Caddyfile, Caddy's internal CA, high
# ports, its own data directory): the public-page journey also runs through it over HTTPS.
read -r edge_http edge_https < <(python3 -c 'import socket
s = [socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1", 0)) for x in s]
print(*[x.getsockname()[1] for x in s])')
mkdir -p "$WORK/caddy"
(
  cd "$WORK/caddy"
  env -i PATH="$PATH" HOME="$WORK/caddy" XDG_DATA_HOME="$WORK/caddy/data" XDG_CONFIG_HOME="$WORK/caddy/config" \
    CADDY_ADMIN=off CADDY_ISSUER=internal CADDY_HTTP_PORT="$edge_http" CADDY_HTTPS_PORT="$edge_https" \
    BASE_DOMAIN=localhost BEACON_UPSTREAM="${url#http://}" BEACON_ASK_URL="$internal/internal/tls/ask" \
    BEACON_SPA_DIR="$ROOT/frontend/dist" \
    caddy run --config "$ROOT/Caddyfile" --adapter caddyfile >"$WORK/caddy/log" 2>&1 &
  echo $! >"$WORK/caddy/pid"
)
CLEANUP+=("kill \$(cat $WORK/caddy/pid) 2>/dev/null")
edge_ca="$WORK/caddy/data/caddy/pki/authorities/local"
for _ in $(seq 1 100); do
  [ -s "$edge_ca/intermediate.crt" ] && break
  sleep 0.2
done
[ -s "$edge_ca/intermediate.crt" ] || { cat "$WORK/caddy/log" >&2; die "Caddy did not start for the browser test"; }
# Playwright uses Debian's Chromium (playwright.config.ts); it never downloads a browser.
(cd frontend && BEACON_URL="$url" BEACON_MAIL_DIR="$WORK/app/data/mail" \
  BEACON_EDGE_HTTPS_PORT="$edge_https" BEACON_EDGE_CA_DIR="$edge_ca" \
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm run --silent e2e) 2>&1 | tee "$WORK/e2e.log"

# --- summary --------------------------------------------------------------------------------------
rust_passed=$(grep -o 'test result: ok\. [0-9]* passed' "$WORK/cargo-test.log" | awk '{s+=$4} END {print s+0}')
vitest_passed=$(sed 's/\x1b\[[0-9;]*m//g' "$WORK/vitest.log" | sed -n 's/.*Tests *\([0-9]*\) passed.*/\1/p' | tail -1)
# The e2e summary reporter ends with "N passed, M failed" (skipped tests count as failed).
e2e_passed=$(sed 's/\x1b\[[0-9;]*m//g' "$WORK/e2e.log" | sed -n 's/^\([0-9]*\) passed, 0 failed$/\1/p' | tail -1)
total=$((rust_passed + ${vitest_passed:-0} + ${e2e_passed:-0}))
echo
echo "rust: $rust_passed, vitest: ${vitest_passed:-0}, browser: ${e2e_passed:-0}; screenshots, traces and the HTML report in frontend/e2e-artifacts/"
echo "$total passed, 0 failed"
