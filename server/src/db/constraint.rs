//! Constraint violations become user errors by constraint name (a unique on `tenants.slug` →
//! `CONFLICT` on field `tenantSlug`), in one line at the call site:
//! `.insert(db).await.on_constraint("tenants_slug_key", || ApiError::conflict("tenantSlug", …))?`.
//! Any other database error stays internal.

use std::ops::Deref;

use sea_orm::{DbErr, RuntimeErr};

use crate::kernel::ApiError;

pub trait ResultExt<T> {
    fn on_constraint(self, name: &str, error: impl FnOnce() -> ApiError) -> Result<T, ApiError>;
}

impl<T> ResultExt<T> for Result<T, DbErr> {
    fn on_constraint(self, name: &str, error: impl FnOnce() -> ApiError) -> Result<T, ApiError> {
        self.map_err(|err| if violated(&err, name) { error() } else { ApiError::from(err) })
    }
}

/// Lets several `on_constraint` calls be chained.
impl<T> ResultExt<T> for Result<T, ApiError> {
    fn on_constraint(self, name: &str, error: impl FnOnce() -> ApiError) -> Result<T, ApiError> {
        self.map_err(|err| match &err {
            ApiError::Internal(inner)
                if inner.downcast_ref::<DbErr>().is_some_and(|db| violated(db, name)) =>
            {
                error()
            }
            _ => err,
        })
    }
}

/// Whether `err` is a violation of the constraint or unique index called `name`.
///
/// PostgreSQL reports the constraint's name. SQLite names CHECK constraints in its message but
/// describes a violated unique index by its columns (`UNIQUE constraint failed: tenants.slug`),
/// so unique indexes are recognised through their declaration in `entity`.
pub fn violated(err: &DbErr, name: &str) -> bool {
    let (DbErr::Exec(RuntimeErr::SqlxError(sqlx)) | DbErr::Query(RuntimeErr::SqlxError(sqlx))) = err else {
        return false;
    };
    let sqlx::Error::Database(database) = sqlx.deref() else { return false };
    if let Some(constraint) = database.constraint() {
        return constraint == name;
    }
    let message = database.message();
    if let Some(check) = message.strip_prefix("CHECK constraint failed: ") {
        return check.trim() == name;
    }
    if let Some(columns) = message.strip_prefix("UNIQUE constraint failed: ") {
        return entity::all_declared_indexes().iter().any(|index| {
            let described: Vec<String> =
                index.columns.iter().map(|column| format!("{}.{}", index.table, column.name)).collect();
            index.name == name && index.unique && described.join(", ") == columns.trim()
        });
    }
    false
}
