//! Small builders shared by migrations. Keep them stable: a landed migration depends on them.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::sea_query::Check;

/// A named CHECK constraint; the name lets the API map a violation to a field.
pub fn check(name: &str, sql: &str) -> Check {
    Check::named(Alias::new(name), Expr::cust(sql.to_owned()))
}

/// A `NOT NULL` timestamp with time zone.
pub fn timestamp(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column).timestamp_with_time_zone().not_null().to_owned()
}

/// A named foreign key with an explicit ON DELETE (ON UPDATE RESTRICT: ids never change).
pub fn foreign_key(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .on_update(ForeignKeyAction::Restrict)
        .to_owned()
}
