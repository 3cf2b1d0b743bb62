//! The monitoring engine's tables: monitors (with the scheduler's state and lease on the row),
//! raw check results, and incidents. The limits the API enforces are CHECK constraints too.

use sea_orm_migration::prelude::*;

use crate::support::{check, create_indexes, foreign_key, index, timestamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Monitors {
    Table,
    Id,
    TenantId,
    Name,
    Kind,
    Target,
    Settings,
    IntervalSeconds,
    TimeoutSeconds,
    RetryIntervalSeconds,
    FailureThreshold,
    RecoveryThreshold,
    Status,
    ConsecutiveFailures,
    ConsecutiveSuccesses,
    NextCheckAt,
    LockedUntil,
    LockedBy,
    LastCheckedAt,
    LastDurationMs,
    LastError,
    StatusChangedAt,
    PingToken,
    LastPingAt,
    PingStartedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CheckResults {
    Table,
    Id,
    TenantId,
    MonitorId,
    CheckedAt,
    Status,
    DurationMs,
    DnsMs,
    ConnectMs,
    TlsMs,
    FirstByteMs,
    StatusCode,
    Error,
    TlsExpiresAt,
}

#[derive(DeriveIden)]
enum CheckRollups {
    Table,
    Id,
    TenantId,
    MonitorId,
    HourStart,
    Checks,
    Failures,
    Degraded,
    DurationSumMs,
    LatencyBuckets,
}

#[derive(DeriveIden)]
enum Incidents {
    Table,
    Id,
    TenantId,
    MonitorId,
    OpenedAt,
    ResolvedAt,
    Cause,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

fn optional_ms(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column).integer().null().to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Monitors::Table)
                    .col(ColumnDef::new(Monitors::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Monitors::TenantId).uuid().not_null())
                    .col(ColumnDef::new(Monitors::Name).string_len(80).not_null())
                    .col(ColumnDef::new(Monitors::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(Monitors::Target).string_len(2048).not_null())
                    .col(ColumnDef::new(Monitors::Settings).text().not_null())
                    .col(ColumnDef::new(Monitors::IntervalSeconds).integer().not_null())
                    .col(ColumnDef::new(Monitors::TimeoutSeconds).integer().not_null())
                    .col(ColumnDef::new(Monitors::RetryIntervalSeconds).integer().not_null())
                    .col(ColumnDef::new(Monitors::FailureThreshold).integer().not_null())
                    .col(ColumnDef::new(Monitors::RecoveryThreshold).integer().not_null())
                    .col(ColumnDef::new(Monitors::Status).string_len(16).not_null())
                    .col(ColumnDef::new(Monitors::ConsecutiveFailures).integer().not_null().default(0))
                    .col(ColumnDef::new(Monitors::ConsecutiveSuccesses).integer().not_null().default(0))
                    .col(timestamp(Monitors::NextCheckAt))
                    .col(ColumnDef::new(Monitors::LockedUntil).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Monitors::LockedBy).string_len(80).null())
                    .col(ColumnDef::new(Monitors::LastCheckedAt).timestamp_with_time_zone().null())
                    .col(optional_ms(Monitors::LastDurationMs))
                    .col(ColumnDef::new(Monitors::LastError).text().null())
                    .col(ColumnDef::new(Monitors::StatusChangedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Monitors::PingToken).string_len(64).null())
                    .col(ColumnDef::new(Monitors::LastPingAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Monitors::PingStartedAt).timestamp_with_time_zone().null())
                    .col(timestamp(Monitors::CreatedAt))
                    .col(timestamp(Monitors::UpdatedAt))
                    .foreign_key(&mut foreign_key(
                        "monitors_tenant_id_fkey",
                        (Monitors::Table, Monitors::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("monitors_name_check", "length(name) BETWEEN 1 AND 80"))
                    .check(check("monitors_kind_check", "kind IN ('http', 'tcp', 'dns', 'tls', 'heartbeat')"))
                    .check(check(
                        "monitors_status_check",
                        "status IN ('pending', 'up', 'degraded', 'down', 'paused')",
                    ))
                    .check(check("monitors_interval_seconds_check", "interval_seconds BETWEEN 10 AND 86400"))
                    .check(check(
                        "monitors_timeout_seconds_check",
                        "timeout_seconds BETWEEN 1 AND 60 AND timeout_seconds <= interval_seconds",
                    ))
                    .check(check(
                        "monitors_retry_interval_seconds_check",
                        "retry_interval_seconds BETWEEN 10 AND interval_seconds",
                    ))
                    .check(check("monitors_failure_threshold_check", "failure_threshold BETWEEN 1 AND 10"))
                    .check(check("monitors_recovery_threshold_check", "recovery_threshold BETWEEN 1 AND 10"))
                    .check(check(
                        "monitors_consecutive_check",
                        "consecutive_failures >= 0 AND consecutive_successes >= 0",
                    ))
                    .check(check("monitors_lease_check", "(locked_until IS NULL) = (locked_by IS NULL)"))
                    .check(check(
                        "monitors_ping_token_check",
                        "(kind = 'heartbeat') = (ping_token IS NOT NULL)",
                    ))
                    .check(check("monitors_updated_at_check", "updated_at >= created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CheckResults::Table)
                    .col(ColumnDef::new(CheckResults::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(CheckResults::TenantId).uuid().not_null())
                    .col(ColumnDef::new(CheckResults::MonitorId).uuid().not_null())
                    .col(timestamp(CheckResults::CheckedAt))
                    .col(ColumnDef::new(CheckResults::Status).string_len(16).not_null())
                    .col(ColumnDef::new(CheckResults::DurationMs).integer().not_null())
                    .col(optional_ms(CheckResults::DnsMs))
                    .col(optional_ms(CheckResults::ConnectMs))
                    .col(optional_ms(CheckResults::TlsMs))
                    .col(optional_ms(CheckResults::FirstByteMs))
                    .col(ColumnDef::new(CheckResults::StatusCode).integer().null())
                    .col(ColumnDef::new(CheckResults::Error).text().null())
                    .col(ColumnDef::new(CheckResults::TlsExpiresAt).timestamp_with_time_zone().null())
                    .foreign_key(&mut foreign_key(
                        "check_results_tenant_id_fkey",
                        (CheckResults::Table, CheckResults::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "check_results_monitor_id_fkey",
                        (CheckResults::Table, CheckResults::MonitorId),
                        (Monitors::Table, Monitors::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("check_results_status_check", "status IN ('up', 'degraded', 'down')"))
                    .check(check("check_results_duration_ms_check", "duration_ms >= 0"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CheckRollups::Table)
                    .col(ColumnDef::new(CheckRollups::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(CheckRollups::TenantId).uuid().not_null())
                    .col(ColumnDef::new(CheckRollups::MonitorId).uuid().not_null())
                    .col(timestamp(CheckRollups::HourStart))
                    .col(ColumnDef::new(CheckRollups::Checks).integer().not_null())
                    .col(ColumnDef::new(CheckRollups::Failures).integer().not_null())
                    .col(ColumnDef::new(CheckRollups::Degraded).integer().not_null())
                    .col(ColumnDef::new(CheckRollups::DurationSumMs).big_integer().not_null())
                    .col(ColumnDef::new(CheckRollups::LatencyBuckets).text().not_null())
                    .foreign_key(&mut foreign_key(
                        "check_rollups_tenant_id_fkey",
                        (CheckRollups::Table, CheckRollups::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "check_rollups_monitor_id_fkey",
                        (CheckRollups::Table, CheckRollups::MonitorId),
                        (Monitors::Table, Monitors::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check(
                        "check_rollups_counts_check",
                        "checks >= 1 AND failures >= 0 AND degraded >= 0 AND failures + degraded <= checks \
                         AND duration_sum_ms >= 0",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Incidents::Table)
                    .col(ColumnDef::new(Incidents::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Incidents::TenantId).uuid().not_null())
                    .col(ColumnDef::new(Incidents::MonitorId).uuid().not_null())
                    .col(timestamp(Incidents::OpenedAt))
                    .col(ColumnDef::new(Incidents::ResolvedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Incidents::Cause).text().not_null())
                    .col(timestamp(Incidents::CreatedAt))
                    .foreign_key(&mut foreign_key(
                        "incidents_tenant_id_fkey",
                        (Incidents::Table, Incidents::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "incidents_monitor_id_fkey",
                        (Incidents::Table, Incidents::MonitorId),
                        (Monitors::Table, Monitors::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check(
                        "incidents_resolved_at_check",
                        "resolved_at IS NULL OR resolved_at >= opened_at",
                    ))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            [
                index(
                    "monitors_tenant_id_created_at_id_idx",
                    "monitors",
                    &["tenant_id", "created_at DESC", "id DESC"],
                ),
                index(
                    "monitors_tenant_id_status_created_at_id_idx",
                    "monitors",
                    &["tenant_id", "status", "created_at DESC", "id DESC"],
                ),
                index("monitors_next_check_at_idx", "monitors", &["next_check_at"]),
                index("monitors_ping_token_key", "monitors", &["ping_token"]).unique(),
                index(
                    "check_results_tenant_id_monitor_id_checked_at_idx",
                    "check_results",
                    &["tenant_id", "monitor_id", "checked_at DESC"],
                ),
                index("check_results_checked_at_idx", "check_results", &["checked_at"]),
                index(
                    "check_rollups_tenant_id_monitor_id_hour_start_key",
                    "check_rollups",
                    &["tenant_id", "monitor_id", "hour_start"],
                )
                .unique(),
                index(
                    "incidents_tenant_id_opened_at_id_idx",
                    "incidents",
                    &["tenant_id", "opened_at DESC", "id DESC"],
                ),
                index(
                    "incidents_tenant_id_monitor_id_opened_at_idx",
                    "incidents",
                    &["tenant_id", "monitor_id", "opened_at DESC"],
                ),
            ],
        )
        .await?;
        // A monitor belongs to one tenant, so `tenant_id = ? AND monitor_id = ?` matches all of
        // a monitor's rows; without being told, PostgreSQL multiplies the two selectivities,
        // expects a handful of rows and sorts them instead of reading the index in order.
        if manager.get_database_backend() == sea_orm_migration::sea_orm::DatabaseBackend::Postgres {
            let connection = manager.get_connection();
            for table in ["check_results", "check_rollups", "incidents"] {
                connection
                    .execute_unprepared(&format!(
                        "CREATE STATISTICS {table}_tenant_id_monitor_id_stats (dependencies) \
                         ON tenant_id, monitor_id FROM {table}"
                    ))
                    .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["incidents", "check_rollups", "check_results", "monitors"] {
            manager.drop_table(Table::drop().table(Alias::new(table)).to_owned()).await?;
        }
        Ok(())
    }
}
