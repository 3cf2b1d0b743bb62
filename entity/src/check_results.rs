//! One row per check run: the raw history, kept `RETENTION_DAYS`.

use sea_orm::entity::prelude::*;

use crate::index::{DeclaredIndex, Direction, IndexedColumn};

#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum CheckStatus {
    #[sea_orm(string_value = "up")]
    Up,
    #[sea_orm(string_value = "degraded")]
    Degraded,
    #[sea_orm(string_value = "down")]
    Down,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "check_results")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub monitor_id: Uuid,
    pub checked_at: DateTimeUtc,
    pub status: CheckStatus,
    pub duration_ms: i32,
    pub dns_ms: Option<i32>,
    pub connect_ms: Option<i32>,
    pub tls_ms: Option<i32>,
    pub first_byte_ms: Option<i32>,
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub tls_expires_at: Option<DateTimeUtc>,
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

impl crate::TenantOwned for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const NOUN: &'static str = "check result";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    let col = |name, direction| IndexedColumn { name, direction };
    vec![
        // A monitor's recent checks, newest first.
        DeclaredIndex::tenant_columns::<Entity>(
            "check_results_tenant_id_monitor_id_checked_at_idx",
            vec![
                col("tenant_id", Direction::Asc),
                col("monitor_id", Direction::Asc),
                col("checked_at", Direction::Desc),
            ],
        ),
        DeclaredIndex::global::<Entity, _>(
            "check_results_checked_at_idx",
            [Column::CheckedAt],
            "retention purges the oldest results of every tenant in batches",
        ),
    ]
}
