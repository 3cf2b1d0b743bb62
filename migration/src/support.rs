//! Small builders shared by migrations.
//!
//! STABLE: every landed migration calls these, so changing what one of them emits changes the
//! meaning of history. Add a new builder (or a parameter with the old behaviour as default)
//! instead of editing one; a change here needs the upgrade and catalog tests to stay green on
//! both backends (`tests/tests/api/migrations.rs`, `declared_indexes.rs`).

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

/// A secondary index written out in the migration that creates it: `columns` in index order,
/// `"created_at DESC"` for a descending one. Migrations spell their indexes out rather than
/// reading the entities' declarations, which change over time while a landed migration must
/// not; the catalog test checks that the head schema equals the declarations.
pub fn index(name: &str, table: &str, columns: &[&str]) -> NewIndex {
    let mut statement = Index::create();
    statement.name(name).table(Alias::new(table));
    for column in columns {
        let (column, order) = match column.split_once(' ') {
            None => (*column, IndexOrder::Asc),
            Some((column, "DESC")) => (column, IndexOrder::Desc),
            Some((column, "ASC")) => (column, IndexOrder::Asc),
            Some(_) => panic!("index {name}: column {column:?} must be `name`, `name ASC` or `name DESC`"),
        };
        statement.col((Alias::new(column), order));
    }
    NewIndex(statement)
}

/// An index from [`index`], not yet created.
pub struct NewIndex(IndexCreateStatement);

impl NewIndex {
    pub fn unique(mut self) -> Self {
        self.0.unique();
        self
    }
}

/// Creates `indexes` in order.
pub async fn create_indexes(
    manager: &SchemaManager<'_>,
    indexes: impl IntoIterator<Item = NewIndex>,
) -> Result<(), DbErr> {
    for index in indexes {
        manager.create_index(index.0).await?;
    }
    Ok(())
}
