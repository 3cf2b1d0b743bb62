//! Rows that belong to one tenant. The server reaches them only through its tenant scope
//! (`scope.find::<E>()`, `scope.get::<E>(id)`), which adds `tenant_id = <the caller's tenant>`
//! to every query; a foreign id is then indistinguishable from a missing one.

use sea_orm::EntityTrait;

pub trait TenantOwned: EntityTrait {
    /// The `tenant_id` column.
    const TENANT_ID: Self::Column;
    /// The primary key column (a UUID).
    const ID: Self::Column;
    /// What a `NOT_FOUND` error calls a row of this table.
    const NOUN: &'static str;
}
