//! Monitors: what a tenant asks Beacon to check, how often, and the state the scheduler keeps
//! on the row itself (status, consecutive counts, the next planned check and its lease).

use sea_orm::entity::prelude::*;

use crate::index::{DeclaredIndex, Direction, IndexedColumn};

#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum MonitorKind {
    #[sea_orm(string_value = "http")]
    Http,
    #[sea_orm(string_value = "tcp")]
    Tcp,
    #[sea_orm(string_value = "dns")]
    Dns,
    #[sea_orm(string_value = "tls")]
    Tls,
    #[sea_orm(string_value = "heartbeat")]
    Heartbeat,
}

/// The state the dashboard shows. `Pending` until the first check decides; `Paused` while
/// nobody wants it checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum MonitorStatus {
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "up")]
    Up,
    #[sea_orm(string_value = "degraded")]
    Degraded,
    #[sea_orm(string_value = "down")]
    Down,
    #[sea_orm(string_value = "paused")]
    Paused,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "monitors")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub name: String,
    pub kind: MonitorKind,
    /// What is checked, for lists and search: the URL, `host:port`, the DNS name; empty for a
    /// heartbeat.
    pub target: String,
    /// The kind's settings as JSON (parsed into the monitoring domain types on every read).
    pub settings: String,
    pub interval_seconds: i32,
    pub timeout_seconds: i32,
    /// Quick re-checks while failing below the threshold.
    pub retry_interval_seconds: i32,
    pub failure_threshold: i32,
    pub recovery_threshold: i32,
    pub status: MonitorStatus,
    pub consecutive_failures: i32,
    pub consecutive_successes: i32,
    /// The planned time of the next check; the one after is planned from it, not from when the
    /// check ran (drift-free).
    pub next_check_at: DateTimeUtc,
    pub locked_until: Option<DateTimeUtc>,
    pub locked_by: Option<String>,
    pub last_checked_at: Option<DateTimeUtc>,
    pub last_duration_ms: Option<i32>,
    pub last_error: Option<String>,
    pub status_changed_at: Option<DateTimeUtc>,
    /// Heartbeat monitors: the secret in `/ping/<token>`.
    pub ping_token: Option<String>,
    pub last_ping_at: Option<DateTimeUtc>,
    /// When the job last reported its start (`/ping/<token>/start`): the next success measures
    /// the job's duration from it.
    pub ping_started_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    /// The monitor's tags, sorted and comma-separated (empty for none); `monitor_tags` has the
    /// same tags one per row for lookups.
    pub tags: String,
    pub updated_at: DateTimeUtc,
    /// Down only because a monitor it depends on is down: its outage sends no alerts and is
    /// attached to that monitor's (`incidents.caused_by_incident_id`).
    pub dependency_down: bool,
    /// 0: `failure_threshold` counts consecutive failures; otherwise failures within this window.
    pub failure_window_seconds: i32,
    /// State changes within `flap_window_seconds` that make it flapping; 0: off.
    pub flap_threshold: i32,
    pub flap_window_seconds: i32,
    /// Set while flapping: its outages are recorded without alerts until it settles.
    pub flapping_since: Option<DateTimeUtc>,
    pub escalation_policy_id: Option<Uuid>,
    /// When the degradation that was announced began (cleared when its end is announced).
    pub degraded_since: Option<DateTimeUtc>,
    /// How it was announced: `degraded`, or `certificate` for an expiring certificate.
    pub degraded_event: Option<String>,
    /// A response slower than this many milliseconds makes it DEGRADED; 0: off.
    pub degraded_response_ms: i32,
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
    const NOUN: &'static str = "monitor";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    let col = |name, direction| IndexedColumn { name, direction };
    vec![
        // The dashboard list: newest first, keyset-paged on (created_at, id).
        DeclaredIndex::tenant_columns::<Entity>(
            "monitors_tenant_id_created_at_id_idx",
            vec![
                col("tenant_id", Direction::Asc),
                col("created_at", Direction::Desc),
                col("id", Direction::Desc),
            ],
        ),
        // The list filtered by status ("what is down?").
        DeclaredIndex::tenant_columns::<Entity>(
            "monitors_tenant_id_status_created_at_id_idx",
            vec![
                col("tenant_id", Direction::Asc),
                col("status", Direction::Asc),
                col("created_at", Direction::Desc),
                col("id", Direction::Desc),
            ],
        ),
        DeclaredIndex::global::<Entity, _>(
            "monitors_escalation_policy_id_idx",
            [Column::EscalationPolicyId],
            "ON DELETE SET NULL of escalation_policy_id finds a policy's monitors by its id alone",
        ),
        DeclaredIndex::global::<Entity, _>(
            "monitors_next_check_at_idx",
            [Column::NextCheckAt],
            "the scheduler claims due monitors of every tenant by their planned time",
        ),
        DeclaredIndex::global::<Entity, _>(
            "monitors_ping_token_key",
            [Column::PingToken],
            "a ping presents only its token: the monitor is found before the tenant is known",
        )
        .unique(),
    ]
}
