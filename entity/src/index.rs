//! Declared indexes: composite and unique indexes built from an entity's `Column` enum.
//!
//! sea-orm's derive cannot express non-unique composite indexes, so each entity declares its
//! indexes here in code. Rules (DESIGN §4):
//! - on a tenant-owned table, an index leads with `tenant_id` ([`IndexScope::Tenant`]);
//! - any other index is [`IndexScope::Global`] and must say why it cannot lead with the tenant.
//!
//! Migrations do not read these declarations: each spells out the indexes it creates, so a landed
//! migration keeps its meaning when a declaration changes. A new or changed declaration needs a
//! new migration; the catalog test (`tests/tests/api/declared_indexes.rs`) fails until the
//! migrated schema equals the declarations again.

use sea_orm::{EntityName, IdenStatic};

/// Why an index is shaped the way it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexScope {
    /// Leads with `tenant_id`: serves the dominant `WHERE tenant_id = ? AND ...` queries.
    Tenant,
    /// Does not lead with `tenant_id`; `why` names the query that needs it.
    Global { why: &'static str },
}

/// Sort direction of one indexed column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Asc,
    Desc,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedColumn {
    pub name: &'static str,
    pub direction: Direction,
}

/// One secondary index, as declared by its entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredIndex {
    pub name: &'static str,
    pub table: &'static str,
    pub columns: Vec<IndexedColumn>,
    pub unique: bool,
    pub scope: IndexScope,
}

impl DeclaredIndex {
    /// An index on a tenant-owned table; the first column must be the entity's `tenant_id`.
    pub fn tenant<E, C>(name: &'static str, columns: impl IntoIterator<Item = C>) -> Self
    where
        E: EntityName + Default,
        C: IdenStatic + IntoIndexedColumn,
    {
        Self::build::<E, C>(name, columns, IndexScope::Tenant)
    }

    /// An index that does not lead with the tenant; `why` is mandatory documentation.
    pub fn global<E, C>(name: &'static str, columns: impl IntoIterator<Item = C>, why: &'static str) -> Self
    where
        E: EntityName + Default,
        C: IdenStatic + IntoIndexedColumn,
    {
        Self::build::<E, C>(name, columns, IndexScope::Global { why })
    }

    fn build<E, C>(name: &'static str, columns: impl IntoIterator<Item = C>, scope: IndexScope) -> Self
    where
        E: EntityName + Default,
        C: IdenStatic + IntoIndexedColumn,
    {
        Self {
            name,
            table: E::default().table_name(),
            columns: columns.into_iter().map(IntoIndexedColumn::into_indexed).collect(),
            unique: false,
            scope,
        }
    }

    /// A tenant-scoped index whose columns carry directions (e.g. newest first).
    pub fn tenant_columns<E: EntityName + Default>(name: &'static str, columns: Vec<IndexedColumn>) -> Self {
        Self { name, table: E::default().table_name(), columns, unique: false, scope: IndexScope::Tenant }
    }

    pub fn unique(mut self) -> Self {
        self.unique = true;
        self
    }

    /// Column names in index order, for comparing with a database catalog.
    pub fn column_names(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.name).collect()
    }
}

/// A column, optionally with a sort direction: `Column::CreatedAt.desc()`.
pub trait IntoIndexedColumn {
    fn into_indexed(self) -> IndexedColumn;
}

impl<C: IdenStatic> IntoIndexedColumn for C {
    fn into_indexed(self) -> IndexedColumn {
        IndexedColumn { name: self.as_str(), direction: Direction::Asc }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_index_follows_the_tenancy_rule() {
        for index in crate::all_declared_indexes() {
            match index.scope {
                IndexScope::Tenant => assert_eq!(
                    index.columns.first().map(|c| c.name),
                    Some("tenant_id"),
                    "{} is tenant-scoped but does not lead with tenant_id",
                    index.name
                ),
                IndexScope::Global { why } => {
                    assert!(why.len() > 20, "{} must explain why it is global", index.name)
                }
            }
        }
    }

    #[test]
    fn index_names_are_unique_and_prefixed_by_their_table() {
        let all = crate::all_declared_indexes();
        for index in &all {
            assert!(index.name.starts_with(index.table), "{} should start with {}", index.name, index.table);
            assert_eq!(all.iter().filter(|other| other.name == index.name).count(), 1, "{}", index.name);
        }
    }
}
