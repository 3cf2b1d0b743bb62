//! Escalation policies: who is notified, step by step, until an outage is acknowledged.

use sea_orm::entity::prelude::*;

use crate::index::{DeclaredIndex, Direction, IndexedColumn};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "escalation_policies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub name: String,
    /// 0: stop after the last step; otherwise the last step repeats this often.
    pub repeat_every_seconds: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl crate::TenantOwned for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const NOUN: &'static str = "escalation policy";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    let col = |name, direction| IndexedColumn { name, direction };
    vec![
        // The policies list, A to Z.
        DeclaredIndex::tenant_columns::<Entity>(
            "escalation_policies_tenant_id_name_idx",
            vec![col("tenant_id", Direction::Asc), col("name", Direction::Asc)],
        ),
    ]
}
