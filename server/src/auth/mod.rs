//! Who is calling and what they may touch: access tokens and API keys become a [`Principal`];
//! a principal becomes a [`TenantScope`] — the only way to reach tenant-owned rows — once per
//! request; guards and limits sit in front of the operations that need them.
//!
//! Imports only the layers below (kernel, config, db) and the entities.

pub mod crypto;
pub mod graphql;
pub mod guards;
pub mod limits;
pub mod principal;
pub mod scope;
pub mod secret_box;
pub mod tokens;

pub use principal::Principal;
pub use scope::TenantScope;
