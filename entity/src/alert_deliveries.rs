//! One notification to one channel: a leased job (the jobs runner claims, sends, retries with
//! backoff, and marks it dead after the last attempt), written in the transaction of the state
//! change that caused it.

use sea_orm::entity::prelude::*;

use crate::index::{DeclaredIndex, Direction, IndexedColumn, IntoIndexedColumn};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum DeliveryStatus {
    #[sea_orm(string_value = "queued")]
    Queued,
    #[sea_orm(string_value = "running")]
    Running,
    #[sea_orm(string_value = "delivered")]
    Delivered,
    #[sea_orm(string_value = "dead")]
    Dead,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum AlertEvent {
    #[sea_orm(string_value = "down")]
    Down,
    #[sea_orm(string_value = "up")]
    Up,
    /// A monitor works but needs attention, or no longer does.
    #[sea_orm(string_value = "degraded")]
    Degraded,
    /// A monitored TLS certificate expires soon, or was renewed.
    #[sea_orm(string_value = "certificate")]
    Certificate,
    /// An update posted on a status page incident.
    #[sea_orm(string_value = "incident")]
    Incident,
    /// "Send test" from the channels page.
    #[sea_orm(string_value = "test")]
    Test,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "alert_deliveries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub channel_id: Uuid,
    pub monitor_id: Option<Uuid>,
    /// The outage it is about (PagerDuty and Opsgenie use it to resolve what they opened).
    pub incident_id: Option<Uuid>,
    pub event: AlertEvent,
    /// JSON of the event as Beacon describes it; each provider renders its own message from it.
    pub payload: String,
    /// Unique per tenant when set: the same event is never queued twice for a channel.
    pub dedup_key: Option<String>,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub max_attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub locked_until: Option<DateTimeUtc>,
    pub locked_by: Option<String>,
    pub last_error: Option<String>,
    pub last_status_code: Option<i32>,
    pub delivered_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
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

impl crate::TenantOwned for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const NOUN: &'static str = "alert delivery";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    let newest = |column: Column| IndexedColumn { direction: Direction::Desc, ..column.into_indexed() };
    vec![
        DeclaredIndex::global::<Entity, _>(
            "alert_deliveries_status_next_attempt_at_idx",
            [Column::Status, Column::NextAttemptAt],
            "the delivery runner claims due deliveries of every tenant: WHERE status = ? AND next_attempt_at <= now",
        ),
        // A channel's delivery log, newest first, paged by (created_at, id).
        DeclaredIndex::tenant_columns::<Entity>(
            "alert_deliveries_tenant_id_channel_id_created_at_idx",
            vec![
                Column::TenantId.into_indexed(),
                Column::ChannelId.into_indexed(),
                newest(Column::CreatedAt),
                newest(Column::Id),
            ],
        ),
        DeclaredIndex::tenant::<Entity, _>(
            "alert_deliveries_dedup_key_key",
            [Column::TenantId, Column::DedupKey],
        )
        .unique(),
    ]
}
