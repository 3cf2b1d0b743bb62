//! The secondary indexes a database really has (SQLite `pragma_index_*`, PostgreSQL
//! `pg_index`), in the same shape as the entities' declarations, so the two can be compared.

use std::collections::BTreeMap;

use entity::index::Direction;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use crate::Backend;

/// name -> (table, columns with ` DESC` where descending, unique)
pub type Catalog = BTreeMap<String, (String, Vec<String>, bool)>;

/// Every index `entity::all_declared_indexes()` declares.
pub fn declared() -> Catalog {
    entity::all_declared_indexes()
        .into_iter()
        .map(|index| {
            let columns = index
                .columns
                .iter()
                .map(|c| format!("{}{}", c.name, if c.direction == Direction::Desc { " DESC" } else { "" }))
                .collect();
            (index.name.to_owned(), (index.table.to_owned(), columns, index.unique))
        })
        .collect()
}

/// Asserts the database holds exactly the declared indexes, naming each difference.
pub async fn assert_matches_declarations(db: &DatabaseConnection, backend: Backend) {
    let actual = of_database(db, backend).await;
    let declared = declared();
    assert!(!declared.is_empty());
    let missing: Vec<_> = declared.keys().filter(|name| !actual.contains_key(*name)).collect();
    let undeclared: Vec<_> = actual.keys().filter(|name| !declared.contains_key(*name)).collect();
    assert!(missing.is_empty(), "declared but not in the database: {missing:?}");
    assert!(undeclared.is_empty(), "in the database but not declared: {undeclared:?}");
    for (name, expected) in &declared {
        assert_eq!(&actual[name], expected, "index {name} differs from its declaration");
    }
}

pub async fn of_database(db: &DatabaseConnection, backend: Backend) -> Catalog {
    match backend {
        Backend::Sqlite => sqlite(db).await,
        Backend::Postgres => postgres(db).await,
    }
}

async fn rows(db: &DatabaseConnection, sql: &str) -> Vec<sea_orm::QueryResult> {
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql.to_owned())).await.expect(sql)
}

async fn sqlite(db: &DatabaseConnection) -> Catalog {
    let mut catalog = Catalog::new();
    let indexes = rows(
        db,
        "SELECT m.name AS tbl, il.name AS idx, il.\"unique\" AS uniq FROM sqlite_master m, pragma_index_list(m.name) il \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'seaql_migrations' AND il.origin <> 'pk'",
    )
    .await;
    for row in indexes {
        let table: String = row.try_get("", "tbl").unwrap();
        let name: String = row.try_get("", "idx").unwrap();
        let unique: i64 = row.try_get("", "uniq").unwrap();
        let columns = rows(
            db,
            &format!(
                "SELECT name, \"desc\" AS d FROM pragma_index_xinfo('{name}') WHERE key = 1 ORDER BY seqno"
            ),
        )
        .await
        .into_iter()
        .map(|col| {
            let column: String = col.try_get("", "name").unwrap();
            let desc: i64 = col.try_get("", "d").unwrap();
            if desc == 1 { format!("{column} DESC") } else { column }
        })
        .collect();
        catalog.insert(name, (table, columns, unique == 1));
    }
    catalog
}

async fn postgres(db: &DatabaseConnection) -> Catalog {
    let indexes = rows(
        db,
        "SELECT t.relname AS tbl, i.relname AS idx, ix.indisunique AS uniq, \
           array_to_string(array( \
             SELECT a.attname || CASE WHEN (ix.indoption::int2[])[k.ord - 1] & 1 = 1 THEN ' DESC' ELSE '' END \
             FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) \
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord), ',') AS cols \
         FROM pg_index ix \
         JOIN pg_class i ON i.oid = ix.indexrelid \
         JOIN pg_class t ON t.oid = ix.indrelid \
         JOIN pg_namespace n ON n.oid = t.relnamespace \
         WHERE n.nspname = 'public' AND NOT ix.indisprimary AND t.relname <> 'seaql_migrations'",
    )
    .await;
    indexes
        .into_iter()
        .map(|row| {
            let table: String = row.try_get("", "tbl").unwrap();
            let name: String = row.try_get("", "idx").unwrap();
            let unique: bool = row.try_get("", "uniq").unwrap();
            let columns: String = row.try_get("", "cols").unwrap();
            (name, (table, columns.split(',').map(str::to_owned).collect(), unique))
        })
        .collect()
}
