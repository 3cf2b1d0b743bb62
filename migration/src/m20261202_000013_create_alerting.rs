//! Alerting: reusable notification channels per tenant (their secrets sealed, never readable
//! back), routes saying which monitors (all, or chosen ones) notify a channel for which events,
//! and deliveries — one leased job per notification, written in the transaction of the state
//! change that caused it — with a log of every attempt (response status, error, duration).

use sea_orm_migration::prelude::*;

use crate::support::{check, create_indexes, foreign_key, index, timestamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AlertChannels {
    Table,
    Id,
    TenantId,
    Name,
    Kind,
    Settings,
    Secret,
    PreviousSecret,
    PreviousSecretUntil,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AlertRoutes {
    Table,
    Id,
    TenantId,
    ChannelId,
    MonitorId,
    Events,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AlertDeliveries {
    Table,
    Id,
    TenantId,
    ChannelId,
    MonitorId,
    IncidentId,
    Event,
    Payload,
    DedupKey,
    Status,
    Attempts,
    MaxAttempts,
    NextAttemptAt,
    LockedUntil,
    LockedBy,
    LastError,
    LastStatusCode,
    DeliveredAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AlertDeliveryAttempts {
    Table,
    Id,
    TenantId,
    DeliveryId,
    Attempt,
    StatusCode,
    Error,
    DurationMs,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

const KINDS: &str = "kind IN ('email', 'webhook', 'slack', 'discord', 'teams', 'google_chat', 'mattermost', \
    'rocket_chat', 'telegram', 'pagerduty', 'opsgenie', 'ntfy', 'pushover', 'gotify', 'matrix')";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AlertChannels::Table)
                    .col(ColumnDef::new(AlertChannels::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(AlertChannels::TenantId).uuid().not_null())
                    .col(ColumnDef::new(AlertChannels::Name).string_len(100).not_null())
                    .col(ColumnDef::new(AlertChannels::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(AlertChannels::Settings).text().not_null())
                    .col(ColumnDef::new(AlertChannels::Secret).text().null())
                    .col(ColumnDef::new(AlertChannels::PreviousSecret).text().null())
                    .col(ColumnDef::new(AlertChannels::PreviousSecretUntil).timestamp_with_time_zone().null())
                    .col(timestamp(AlertChannels::CreatedAt))
                    .col(timestamp(AlertChannels::UpdatedAt))
                    .foreign_key(&mut foreign_key(
                        "alert_channels_tenant_id_fkey",
                        (AlertChannels::Table, AlertChannels::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("alert_channels_kind_check", KINDS))
                    .check(check("alert_channels_name_check", "length(name) BETWEEN 1 AND 100"))
                    .check(check("alert_channels_settings_check", "length(settings) <= 4000"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AlertRoutes::Table)
                    .col(ColumnDef::new(AlertRoutes::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(AlertRoutes::TenantId).uuid().not_null())
                    .col(ColumnDef::new(AlertRoutes::ChannelId).uuid().not_null())
                    .col(ColumnDef::new(AlertRoutes::MonitorId).uuid().null())
                    .col(ColumnDef::new(AlertRoutes::Events).string_len(100).not_null())
                    .col(timestamp(AlertRoutes::CreatedAt))
                    .foreign_key(&mut foreign_key(
                        "alert_routes_tenant_id_fkey",
                        (AlertRoutes::Table, AlertRoutes::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "alert_routes_channel_id_fkey",
                        (AlertRoutes::Table, AlertRoutes::ChannelId),
                        (AlertChannels::Table, AlertChannels::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("alert_routes_events_check", "length(events) BETWEEN 1 AND 100"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AlertDeliveries::Table)
                    .col(ColumnDef::new(AlertDeliveries::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(AlertDeliveries::TenantId).uuid().not_null())
                    .col(ColumnDef::new(AlertDeliveries::ChannelId).uuid().not_null())
                    .col(ColumnDef::new(AlertDeliveries::MonitorId).uuid().null())
                    .col(ColumnDef::new(AlertDeliveries::IncidentId).uuid().null())
                    .col(ColumnDef::new(AlertDeliveries::Event).string_len(16).not_null())
                    .col(ColumnDef::new(AlertDeliveries::Payload).text().not_null())
                    .col(ColumnDef::new(AlertDeliveries::DedupKey).string_len(200).null())
                    .col(ColumnDef::new(AlertDeliveries::Status).string_len(16).not_null().default("queued"))
                    .col(ColumnDef::new(AlertDeliveries::Attempts).integer().not_null().default(0))
                    .col(ColumnDef::new(AlertDeliveries::MaxAttempts).integer().not_null())
                    .col(timestamp(AlertDeliveries::NextAttemptAt))
                    .col(ColumnDef::new(AlertDeliveries::LockedUntil).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(AlertDeliveries::LockedBy).string_len(80).null())
                    .col(ColumnDef::new(AlertDeliveries::LastError).text().null())
                    .col(ColumnDef::new(AlertDeliveries::LastStatusCode).integer().null())
                    .col(ColumnDef::new(AlertDeliveries::DeliveredAt).timestamp_with_time_zone().null())
                    .col(timestamp(AlertDeliveries::CreatedAt))
                    .col(timestamp(AlertDeliveries::UpdatedAt))
                    .foreign_key(&mut foreign_key(
                        "alert_deliveries_tenant_id_fkey",
                        (AlertDeliveries::Table, AlertDeliveries::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "alert_deliveries_channel_id_fkey",
                        (AlertDeliveries::Table, AlertDeliveries::ChannelId),
                        (AlertChannels::Table, AlertChannels::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("alert_deliveries_event_check", "event IN ('down', 'up', 'test')"))
                    .check(check(
                        "alert_deliveries_status_check",
                        "status IN ('queued', 'running', 'delivered', 'dead')",
                    ))
                    .check(check(
                        "alert_deliveries_attempts_check",
                        "attempts >= 0 AND attempts <= max_attempts",
                    ))
                    .check(check("alert_deliveries_max_attempts_check", "max_attempts BETWEEN 1 AND 100"))
                    .check(check(
                        "alert_deliveries_lease_check",
                        "(status = 'running') = (locked_until IS NOT NULL AND locked_by IS NOT NULL)",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AlertDeliveryAttempts::Table)
                    .col(ColumnDef::new(AlertDeliveryAttempts::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(AlertDeliveryAttempts::TenantId).uuid().not_null())
                    .col(ColumnDef::new(AlertDeliveryAttempts::DeliveryId).uuid().not_null())
                    .col(ColumnDef::new(AlertDeliveryAttempts::Attempt).integer().not_null())
                    .col(ColumnDef::new(AlertDeliveryAttempts::StatusCode).integer().null())
                    .col(ColumnDef::new(AlertDeliveryAttempts::Error).text().null())
                    .col(ColumnDef::new(AlertDeliveryAttempts::DurationMs).integer().not_null())
                    .col(timestamp(AlertDeliveryAttempts::CreatedAt))
                    .foreign_key(&mut foreign_key(
                        "alert_delivery_attempts_delivery_id_fkey",
                        (AlertDeliveryAttempts::Table, AlertDeliveryAttempts::DeliveryId),
                        (AlertDeliveries::Table, AlertDeliveries::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            [
                index(
                    "alert_channels_tenant_id_created_at_idx",
                    "alert_channels",
                    &["tenant_id", "created_at"],
                ),
                index("alert_routes_tenant_id_channel_id_idx", "alert_routes", &["tenant_id", "channel_id"]),
                index(
                    "alert_deliveries_status_next_attempt_at_idx",
                    "alert_deliveries",
                    &["status", "next_attempt_at"],
                ),
                index(
                    "alert_deliveries_tenant_id_channel_id_created_at_idx",
                    "alert_deliveries",
                    &["tenant_id", "channel_id", "created_at DESC", "id DESC"],
                ),
                index("alert_deliveries_dedup_key_key", "alert_deliveries", &["tenant_id", "dedup_key"])
                    .unique(),
                index(
                    "alert_delivery_attempts_tenant_id_delivery_id_idx",
                    "alert_delivery_attempts",
                    &["tenant_id", "delivery_id"],
                ),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["alert_delivery_attempts", "alert_deliveries", "alert_routes", "alert_channels"] {
            manager.drop_table(Table::drop().table(Alias::new(table)).to_owned()).await?;
        }
        Ok(())
    }
}
