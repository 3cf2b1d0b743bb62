//! Hourly rollups of check results, kept long after the raw results are purged: counts and a
//! latency histogram per monitor and hour. Histograms merge by adding counts, so a day, a week or
//! 90 days is a sum over at most 2,160 rows found through one index, and percentiles come from
//! the merged histogram (at bucket resolution).

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "check_rollups")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub monitor_id: Uuid,
    /// The start of the hour (UTC).
    pub hour_start: DateTimeUtc,
    pub checks: i32,
    pub failures: i32,
    pub degraded: i32,
    pub duration_sum_ms: i64,
    /// Counts per latency bucket, as a JSON array (bounds in `monitoring::rollups::BUCKETS_MS`).
    pub latency_buckets: String,
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
    const NOUN: &'static str = "rollup";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    vec![
        // One row per monitor and hour; a period's uptime is a range scan of this index.
        DeclaredIndex::tenant::<Entity, _>(
            "check_rollups_tenant_id_monitor_id_hour_start_key",
            [Column::TenantId, Column::MonitorId, Column::HourStart],
        )
        .unique(),
    ]
}
