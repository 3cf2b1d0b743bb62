//! The durable email outbox: every email Beacon sends is a row here first, written in the same
//! transaction as the change that causes it, and delivered by the mail worker.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum EmailStatus {
    /// Waiting for `next_attempt_at`.
    #[sea_orm(string_value = "queued")]
    Queued,
    /// Claimed by a worker until `locked_until`; reclaimed after that if the worker died.
    #[sea_orm(string_value = "sending")]
    Sending,
    #[sea_orm(string_value = "sent")]
    Sent,
    /// Gave up after the last attempt; `last_error` says why. An admin may requeue it.
    #[sea_orm(string_value = "dead")]
    Dead,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "email_outbox")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `None` for platform mail that belongs to no tenant.
    pub tenant_id: Option<Uuid>,
    /// What the message is (`verification`, `monitor_down`, ...): for metrics and support.
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub status: EmailStatus,
    pub attempts: i32,
    pub max_attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub locked_until: Option<DateTimeUtc>,
    pub locked_by: Option<String>,
    pub last_error: Option<String>,
    /// Same event, same key: a second enqueue of it is ignored.
    pub dedup_key: Option<String>,
    /// The one-click unsubscribe URL (RFC 8058) of a message to a subscriber.
    pub list_unsubscribe: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
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

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    vec![
        DeclaredIndex::global::<Entity, _>(
            "email_outbox_status_next_attempt_at_idx",
            [Column::Status, Column::NextAttemptAt],
            "the mail worker claims due messages of every tenant: WHERE status = ? AND next_attempt_at <= now",
        ),
        DeclaredIndex::global::<Entity, _>(
            "email_outbox_dedup_key_key",
            [Column::DedupKey],
            "de-duplication keys are unique platform-wide (a key embeds its tenant where it has one)",
        )
        .unique(),
        DeclaredIndex::tenant::<Entity, _>(
            "email_outbox_tenant_id_created_at_idx",
            [Column::TenantId, Column::CreatedAt],
        ),
    ]
}
