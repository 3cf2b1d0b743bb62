//! Tenants and the hostnames that reach them.

pub mod admin;
pub mod hostnames;
pub mod team;
