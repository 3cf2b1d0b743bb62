//! Beacon's sea-orm entities and, beside each, the indexes it declares.
//!
//! The declarations in each module's `declared_indexes()` are the single source of truth for
//! secondary indexes: migrations create them by name, and a black-box test compares the migrated
//! database catalog (SQLite and PostgreSQL) with [`all_declared_indexes`].

pub mod api_keys;
pub mod audit_events;
pub mod email_outbox;
pub mod index;
pub mod invitations;
pub mod memberships;
pub mod one_time_tokens;
pub mod refresh_tokens;
pub mod tenant_domains;
pub mod tenant_owned;
pub mod tenants;
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
    ]
    .into_iter()
    .flatten()
    .collect()
}
