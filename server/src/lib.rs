//! Beacon: multi-tenant uptime monitoring and status pages.
//!
//! `main.rs` parses the command line; everything else lives here so tests and production start
//! the same [`startup::Application`].

pub mod accounts;
pub mod audit;
pub mod config;
pub mod db;
pub mod graphql;
pub mod http;
pub mod mail;
pub mod startup;
pub mod telemetry;
pub mod tenancy;
