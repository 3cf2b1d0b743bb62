//! Maintenance windows: while one is active, its monitors (or all of the tenant's) send no
//! alerts and their checks do not count against uptime. One-off (`starts_at`..`ends_at`) or
//! recurring (a cron expression in a time zone, lasting `duration_minutes`).

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "maintenance_windows")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub name: String,
    /// One monitor; with `tag` also empty, every monitor of the tenant.
    pub monitor_id: Option<Uuid>,
    /// Every monitor with this tag (only when `monitor_id` is empty).
    pub tag: Option<String>,
    pub starts_at: Option<DateTimeUtc>,
    pub ends_at: Option<DateTimeUtc>,
    /// Five-field cron expression of each start, read in `time_zone`.
    pub cron: Option<String>,
    pub duration_minutes: Option<i32>,
    /// An IANA time zone name (`Europe/Berlin`); `UTC` by default.
    pub time_zone: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::tenants::Entity",
        from = "Column::TenantId",
        to = "super::tenants::Column::Id",
        on_delete = "Cascade"
    )]
    Tenant,
}

impl Related<super::tenants::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Tenant.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl crate::TenantOwned for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const NOUN: &'static str = "maintenance window";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    vec![DeclaredIndex::tenant::<Entity, _>(
        "maintenance_windows_tenant_id_created_at_idx",
        [Column::TenantId, Column::CreatedAt],
    )]
}
