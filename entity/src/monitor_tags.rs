//! One row per (monitor, tag): what the tag filter and tag-scoped maintenance windows look up.
//! The monitor row keeps the same tags in `monitors.tags` for display; both change together.

use sea_orm::entity::prelude::*;

use crate::index::{DeclaredIndex, Direction, IndexedColumn};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "monitor_tags")]
pub struct Model {
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub monitor_id: Uuid,
    /// Lowercase, 1 to 32 characters of `a-z 0-9 - _ . :`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub tag: String,
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
        // "Every monitor tagged `prod`" and the tenant's tag list.
        DeclaredIndex::tenant_columns::<Entity>(
            "monitor_tags_tenant_id_tag_monitor_id_idx",
            vec![
                col("tenant_id", Direction::Asc),
                col("tag", Direction::Asc),
                col("monitor_id", Direction::Asc),
            ],
        ),
    ]
}
