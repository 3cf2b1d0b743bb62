//! Beacon's schema migrations. One file per migration, named `mYYYYMMDD_HHMMSS_what.rs`;
//! additive (expand, then contract) and never edited after landing.
//!
//! A migration spells out everything it creates — tables, constraints and indexes, with the
//! builders in `support` — and reads nothing that changes later (not the entities' index
//! declarations), so it means the same thing on every database it ever runs on. The black-box
//! tests upgrade a database of the previous release to the head and compare the head's index
//! catalog with the declarations (`tests/tests/api/migrations.rs`, `declared_indexes.rs`).

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_create_tenancy_and_accounts;
mod m20261122_000002_create_email_outbox;
mod m20261122_000003_create_sessions_tokens_audit;
mod m20261122_000004_create_api_keys;
mod m20261122_000005_create_invitations;
mod m20261201_000001_audit_events_order_by_id;
mod m20261201_000002_create_slug_reservations;
mod m20261201_000003_create_account_jobs;
mod m20261201_000004_create_monitoring;
mod m20261201_000005_create_maintenance_windows;
mod m20261201_000006_monitor_tags;
mod m20261201_000007_create_status_pages;
mod m20261201_000008_custom_domain_pages;
mod m20261202_000009_create_status_incidents;
mod m20261202_000010_create_status_subscribers;
mod m20261202_000011_create_uploads;
mod m20261202_000012_status_page_access;
mod m20261202_000013_create_alerting;
mod m20261202_000014_monitor_dependencies;
mod m20261202_000015_flapping_and_escalation;
mod m20261202_000016_more_alert_events;
mod support;

pub struct Migrator;

impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_tenancy_and_accounts::Migration),
            Box::new(m20261122_000002_create_email_outbox::Migration),
            Box::new(m20261122_000003_create_sessions_tokens_audit::Migration),
            Box::new(m20261122_000004_create_api_keys::Migration),
            Box::new(m20261122_000005_create_invitations::Migration),
            Box::new(m20261201_000001_audit_events_order_by_id::Migration),
            Box::new(m20261201_000002_create_slug_reservations::Migration),
            Box::new(m20261201_000003_create_account_jobs::Migration),
            Box::new(m20261201_000004_create_monitoring::Migration),
            Box::new(m20261201_000005_create_maintenance_windows::Migration),
            Box::new(m20261201_000006_monitor_tags::Migration),
            Box::new(m20261201_000007_create_status_pages::Migration),
            Box::new(m20261201_000008_custom_domain_pages::Migration),
            Box::new(m20261202_000009_create_status_incidents::Migration),
            Box::new(m20261202_000010_create_status_subscribers::Migration),
            Box::new(m20261202_000011_create_uploads::Migration),
            Box::new(m20261202_000012_status_page_access::Migration),
            Box::new(m20261202_000013_create_alerting::Migration),
            Box::new(m20261202_000014_monitor_dependencies::Migration),
            Box::new(m20261202_000015_flapping_and_escalation::Migration),
            Box::new(m20261202_000016_more_alert_events::Migration),
        ]
    }
}
