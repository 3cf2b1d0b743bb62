//! A tenant's notification channel: where alerts go (a webhook, a chat, a pager, email). Its
//! public settings are JSON; its secret (a token, a webhook URL that embeds one, a signing
//! secret) is sealed by `auth::secret_box` and never read back through the API.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum ChannelKind {
    #[sea_orm(string_value = "email")]
    Email,
    #[sea_orm(string_value = "webhook")]
    Webhook,
    #[sea_orm(string_value = "slack")]
    Slack,
    #[sea_orm(string_value = "discord")]
    Discord,
    #[sea_orm(string_value = "teams")]
    Teams,
    #[sea_orm(string_value = "google_chat")]
    GoogleChat,
    #[sea_orm(string_value = "mattermost")]
    Mattermost,
    #[sea_orm(string_value = "rocket_chat")]
    RocketChat,
    #[sea_orm(string_value = "telegram")]
    Telegram,
    #[sea_orm(string_value = "pagerduty")]
    PagerDuty,
    #[sea_orm(string_value = "opsgenie")]
    Opsgenie,
    #[sea_orm(string_value = "ntfy")]
    Ntfy,
    #[sea_orm(string_value = "pushover")]
    Pushover,
    #[sea_orm(string_value = "gotify")]
    Gotify,
    #[sea_orm(string_value = "matrix")]
    Matrix,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "alert_channels")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub name: String,
    pub kind: ChannelKind,
    /// JSON of the kind's public settings (base URL, chat id, priority, addresses…).
    pub settings: String,
    /// Sealed; `None` for kinds without one (email).
    pub secret: Option<String>,
    /// A webhook's signing secret before the last rotation, still used until
    /// `previous_secret_until` so receivers can switch over.
    pub previous_secret: Option<String>,
    pub previous_secret_until: Option<DateTimeUtc>,
    /// The earliest time the channel's next message may be sent (the provider's rate limit, or
    /// a receiver's `Retry-After`).
    pub paced_until: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
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
    const NOUN: &'static str = "alert channel";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    // The channels page lists a tenant's channels oldest first.
    vec![DeclaredIndex::tenant::<Entity, _>(
        "alert_channels_tenant_id_created_at_idx",
        [Column::TenantId, Column::CreatedAt],
    )]
}
