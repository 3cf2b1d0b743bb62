//! One row per (policy step, channel): step `position` notifies its channels `wait_seconds`
//! after the step before (the first: after the outage began).

use sea_orm::entity::prelude::*;

use crate::index::{DeclaredIndex, Direction, IndexedColumn};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "escalation_steps")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub policy_id: Uuid,
    /// 0 to 9.
    pub position: i32,
    pub wait_seconds: i32,
    pub channel_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    let col = |name, direction| IndexedColumn { name, direction };
    vec![
        // A policy's steps in order.
        DeclaredIndex::tenant_columns::<Entity>(
            "escalation_steps_tenant_id_policy_id_position_idx",
            vec![
                col("tenant_id", Direction::Asc),
                col("policy_id", Direction::Asc),
                col("position", Direction::Asc),
            ],
        ),
    ]
}
