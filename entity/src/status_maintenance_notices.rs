//! Maintenance notices mailed to a page's subscribers: one row per window occurrence and kind,
//! written in the transaction that queues the emails, so each notice goes out once even with
//! several processes sweeping.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(8))")]
pub enum Kind {
    #[sea_orm(string_value = "start")]
    Start,
    #[sea_orm(string_value = "end")]
    End,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "status_maintenance_notices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub window_id: Uuid,
    pub occurrence_start: DateTimeUtc,
    pub kind: Kind,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::maintenance_windows::Entity",
        from = "Column::WindowId",
        to = "super::maintenance_windows::Column::Id",
        on_delete = "Cascade"
    )]
    Window,
}

impl Related<super::maintenance_windows::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Window.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    // One notice per occurrence and kind (the insert that loses a race does nothing).
    vec![
        DeclaredIndex::tenant::<Entity, _>(
            "status_maintenance_notices_occurrence_key",
            [Column::TenantId, Column::WindowId, Column::OccurrenceStart, Column::Kind],
        )
        .unique(),
    ]
}
