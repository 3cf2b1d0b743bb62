//! Which monitors notify a channel, for which events: one row per (channel, monitor), or one
//! with no monitor for every monitor of the tenant.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "alert_routes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub channel_id: Uuid,
    /// `None` (and no `tag`): every monitor of the tenant, now and later.
    pub monitor_id: Option<Uuid>,
    /// Every monitor with this tag, now and later (then `monitor_id` is `None`).
    pub tag: Option<String>,
    /// Comma-separated events: `down`, `up`.
    pub events: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::alert_channels::Entity",
        from = "Column::ChannelId",
        to = "super::alert_channels::Column::Id",
        on_delete = "Cascade"
    )]
    Channel,
}

impl Related<super::alert_channels::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Channel.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    // A state change reads the tenant's routes; a channel's page reads its own.
    vec![DeclaredIndex::tenant::<Entity, _>(
        "alert_routes_tenant_id_channel_id_idx",
        [Column::TenantId, Column::ChannelId],
    )]
}
