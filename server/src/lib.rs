//! Beacon: multi-tenant uptime monitoring and status pages.
//!
//! `main.rs` parses the command line; everything else lives here so tests and production start
//! the same [`startup::Application`]. Modules are layered and arrows point down only (a test
//! holds the allow-list, [`layers`]):
//!
//! ```text
//! startup, schema, http            composition root: may import everything
//! monitoring                       monitors, scheduler, results, incidents, alert emails
//! team                             members and invitations (creates users, adds memberships)
//! accounts                         users, sessions, passwords, API keys
//! tenancy                          tenants, hostnames, memberships, platform admin
//! mail, jobs, audit                outbox on the leased-jobs runner; the audit trail
//! graphql                          the GraphQL edge: error conversion, connections
//! auth                             principal, tokens, tenant scope, guards, limits
//! db, telemetry, config            infrastructure
//! probe                            outbound checks (HTTP, TCP, DNS, TLS) and the SSRF guard
//! kernel                           errors, request facts, actor, clock, paging, ids, links
//! ```

pub mod accounts;
pub mod alerting;
pub mod audit;
pub mod auth;
pub mod config;
pub mod db;
pub mod graphql;
pub mod http;
pub mod jobs;
pub mod kernel;
pub mod layers;
pub mod mail;
pub mod monitoring;
pub mod probe;
pub mod schema;
pub mod startup;
pub mod status_pages;
pub mod team;
pub mod telemetry;
pub mod tenancy;
