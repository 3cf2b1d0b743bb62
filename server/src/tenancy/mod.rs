//! Tenants and the hostnames that reach them.

pub mod hostnames;
