//! Who is calling: access tokens, the authenticated principal, and guards.

pub mod api_keys;
pub mod crypto;
pub mod domain;
pub mod graphql;
pub mod guards;
pub mod limits;
pub mod scope;
pub mod service;
pub mod sessions;
pub mod tokens;

use uuid::Uuid;

/// The authenticated caller of one request, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Anonymous,
    /// A user with a verified access token bound to one tenant. The token's `role` claim is
    /// deliberately not kept: the role is read from the database on every request.
    User {
        user_id: Uuid,
        tenant_id: Uuid,
    },
    /// An integrator's tenant API key.
    ApiKey {
        key_id: Uuid,
        tenant_id: Uuid,
        scope: entity::api_keys::KeyScope,
    },
}
