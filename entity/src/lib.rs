//! Beacon's sea-orm entities and, beside each, the indexes it declares.
//!
//! The declarations in each module's `declared_indexes()` are the single source of truth for
//! what the secondary indexes of the current schema are: migrations spell out the indexes they
//! create (history must not change with a declaration), and a black-box test compares the
//! migrated database catalog (SQLite and PostgreSQL) with [`all_declared_indexes`].

pub mod account_jobs;
pub mod alert_channels;
pub mod alert_deliveries;
pub mod alert_delivery_attempts;
pub mod alert_routes;
pub mod api_keys;
pub mod audit_events;
pub mod check_results;
pub mod check_rollups;
pub mod email_outbox;
pub mod escalation_policies;
pub mod escalation_steps;
pub mod escalations;
pub mod incident_events;
pub mod incidents;
pub mod index;
pub mod invitations;
pub mod maintenance_windows;
pub mod memberships;
pub mod monitor_dependencies;
pub mod monitor_tags;
pub mod monitors;
pub mod one_time_tokens;
pub mod refresh_tokens;
pub mod slug_reservations;
pub mod status_incident_components;
pub mod status_incident_updates;
pub mod status_incidents;
pub mod status_maintenance_notices;
pub mod status_page_components;
pub mod status_pages;
pub mod status_subscribers;
pub mod tenant_domains;
pub mod tenant_owned;
pub mod tenants;
pub mod uploads;
pub mod users;

pub use index::{DeclaredIndex, IndexScope};
pub use tenant_owned::TenantOwned;

/// Every secondary index Beacon declares, across all entities.
pub fn all_declared_indexes() -> Vec<DeclaredIndex> {
    [
        tenants::declared_indexes(),
        tenant_domains::declared_indexes(),
        users::declared_indexes(),
        memberships::declared_indexes(),
        email_outbox::declared_indexes(),
        refresh_tokens::declared_indexes(),
        one_time_tokens::declared_indexes(),
        audit_events::declared_indexes(),
        api_keys::declared_indexes(),
        invitations::declared_indexes(),
        slug_reservations::declared_indexes(),
        account_jobs::declared_indexes(),
        monitors::declared_indexes(),
        monitor_tags::declared_indexes(),
        monitor_dependencies::declared_indexes(),
        check_results::declared_indexes(),
        check_rollups::declared_indexes(),
        incidents::declared_indexes(),
        incident_events::declared_indexes(),
        escalation_policies::declared_indexes(),
        escalation_steps::declared_indexes(),
        escalations::declared_indexes(),
        maintenance_windows::declared_indexes(),
        status_pages::declared_indexes(),
        status_maintenance_notices::declared_indexes(),
        alert_channels::declared_indexes(),
        alert_routes::declared_indexes(),
        alert_deliveries::declared_indexes(),
        alert_delivery_attempts::declared_indexes(),
        status_page_components::declared_indexes(),
        status_incidents::declared_indexes(),
        status_incident_updates::declared_indexes(),
        status_incident_components::declared_indexes(),
        status_subscribers::declared_indexes(),
        uploads::declared_indexes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
