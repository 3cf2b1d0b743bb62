# syntax=docker/dockerfile:1
#
# Beacon: the SPA and the server in one small, non-root runtime image.
# The build steps mirror the README:
#   frontend:  cd frontend && npm ci && npm run build   -> frontend/dist
#   server:    cargo build --release --locked -p server -> target/release/server
#
#   docker build -t beacon .
#   docker run -p 8080:8080 -v beacon-data:/data --env-file beacon.env beacon
#
# Port 9091 (metrics, /internal/tls/ask) is for Caddy and Prometheus on a
# private network only: never publish it to the internet.

# --- 1. frontend -------------------------------------------------------------
FROM node:20-bookworm-slim AS frontend
WORKDIR /build/frontend
# Dependencies first, so a source change does not reinstall them.
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci
COPY schema.graphql /build/schema.graphql
COPY frontend/ ./
RUN npm run build

# --- 2. server -----------------------------------------------------------------
FROM rust:1.95-bookworm AS server
WORKDIR /build
COPY . .
# Cache mounts keep the crate registry and target/ between builds; the binary
# is copied out of the cache in the same step.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    --mount=type=cache,target=/build/target \
    cargo build --release --locked -p server \
    && install -D -m 0755 target/release/server /out/server

# --- 3. runtime ----------------------------------------------------------------
FROM debian:bookworm-slim AS runtime
# ca-certificates: outbound HTTPS checks, SMTP with TLS, PostgreSQL sslmode.
# curl: the HEALTHCHECK below (the server has no health subcommand yet).
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 beacon \
    && useradd --system --uid 10001 --gid beacon --home-dir /app \
        --no-create-home --shell /usr/sbin/nologin beacon \
    && mkdir -p /app /data \
    && chown beacon:beacon /data

COPY --from=server /out/server /usr/local/bin/server
COPY --from=frontend /build/frontend/dist /app/frontend/dist

ENV APP_ENV=production \
    LISTEN_ADDR=0.0.0.0:8080 \
    INTERNAL_ADDR=0.0.0.0:9091 \
    DATA_DIR=/data \
    SPA_DIR=/app/frontend/dist

WORKDIR /app
VOLUME ["/data"]
USER 10001:10001
# 8080: public listener (behind Caddy). 9091: internal listener (private).
EXPOSE 8080 9091

# Liveness only; readiness (/health/ready) is for the load balancer.
# Assumes LISTEN_ADDR keeps port 8080.
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health || exit 1

# SIGTERM (docker stop) makes the server drain in-flight requests and exit.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/server"]
CMD ["serve"]
