//! Beacon's black-box tests: ONE test binary whose modules are the features, so the whole
//! dependency tree links once (on 2 cores, a binary per file, each linking it, dominated a build).
//! Shared helpers live in the harness crate (`tests/src`): `TestApp` (the real binary),
//! `InProcessApp` (the same application on a manual clock), fixtures, `Browser`.
//!
//! Database tests run on SQLite and PostgreSQL (`backend_tests!` makes `on_sqlite::*` and
//! `on_postgres::*`). Run one module with `cargo test -p beacon-tests --test api -- team::`.

mod accounts;
mod alert_events;
mod alerting;
mod caddy_edge;
mod caddyfile;
mod clock_driven;
mod configuration;
mod constraints;
mod cross_tenant;
mod custom_domains;
mod declared_indexes;
mod email_outbox;
mod escalation;
mod flap_control;
mod graceful_shutdown;
mod graphql_api;
mod hardening;
mod http_basics;
mod migrations;
mod monitor_dependencies;
mod monitoring;
mod monitoring_kinds;
mod monitoring_organize;
mod monitoring_plans;
mod platform_admin;
mod rate_limits;
mod readiness_outage;
mod retention;
mod schema_drift;
mod session_end;
mod shell_api;
mod spa;
mod status_access;
mod status_branding;
mod status_feeds;
mod status_incidents;
mod status_pages;
mod status_subscribers;
mod team;
mod tenant_access;
mod tls_ask;
mod websocket;
