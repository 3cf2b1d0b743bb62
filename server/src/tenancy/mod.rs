//! Tenants (organizations), the hostnames that reach them, their memberships, and their
//! platform-level administration (suspend, reactivate).

pub mod admin;
pub mod domain;
pub mod graphql;
pub mod hostnames;
pub mod memberships;
pub mod tenants;
