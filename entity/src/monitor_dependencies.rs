//! One row per (monitor, monitor it depends on). The API keeps the graph free of cycles.

use sea_orm::entity::prelude::*;

use crate::index::{DeclaredIndex, Direction, IndexedColumn};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "monitor_dependencies")]
pub struct Model {
    pub tenant_id: Uuid,
    /// The dependent.
    #[sea_orm(primary_key, auto_increment = false)]
    pub monitor_id: Uuid,
    /// What it depends on (its parent).
    #[sea_orm(primary_key, auto_increment = false)]
    pub depends_on_id: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::monitors::Entity",
        from = "Column::MonitorId",
        to = "super::monitors::Column::Id",
        on_delete = "Cascade"
    )]
    Monitor,
}

impl Related<super::monitors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Monitor.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    let col = |name, direction| IndexedColumn { name, direction };
    vec![
        // A monitor's dependents: who is held back when it goes down, and who resumes with it.
        DeclaredIndex::tenant_columns::<Entity>(
            "monitor_dependencies_tenant_id_depends_on_id_idx",
            vec![
                col("tenant_id", Direction::Asc),
                col("depends_on_id", Direction::Asc),
                col("monitor_id", Direction::Asc),
            ],
        ),
    ]
}
