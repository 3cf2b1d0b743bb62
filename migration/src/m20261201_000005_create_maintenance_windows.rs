//! Maintenance windows, and whether an incident's outage was alerted (an outage that began
//! during maintenance sends no recovery email either).

use sea_orm_migration::prelude::*;

use crate::support::{check, create_indexes, foreign_key, index, timestamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MaintenanceWindows {
    Table,
    Id,
    TenantId,
    Name,
    MonitorId,
    StartsAt,
    EndsAt,
    Cron,
    DurationMinutes,
    TimeZone,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Monitors {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Incidents {
    Table,
    Alerted,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MaintenanceWindows::Table)
                    .col(ColumnDef::new(MaintenanceWindows::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(MaintenanceWindows::TenantId).uuid().not_null())
                    .col(ColumnDef::new(MaintenanceWindows::Name).string_len(80).not_null())
                    .col(ColumnDef::new(MaintenanceWindows::MonitorId).uuid().null())
                    .col(ColumnDef::new(MaintenanceWindows::StartsAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(MaintenanceWindows::EndsAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(MaintenanceWindows::Cron).string_len(120).null())
                    .col(ColumnDef::new(MaintenanceWindows::DurationMinutes).integer().null())
                    .col(ColumnDef::new(MaintenanceWindows::TimeZone).string_len(64).not_null())
                    .col(timestamp(MaintenanceWindows::CreatedAt))
                    .foreign_key(&mut foreign_key(
                        "maintenance_windows_tenant_id_fkey",
                        (MaintenanceWindows::Table, MaintenanceWindows::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "maintenance_windows_monitor_id_fkey",
                        (MaintenanceWindows::Table, MaintenanceWindows::MonitorId),
                        (Monitors::Table, Monitors::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("maintenance_windows_name_check", "length(name) BETWEEN 1 AND 80"))
                    .check(check(
                        "maintenance_windows_shape_check",
                        "(cron IS NULL AND duration_minutes IS NULL AND starts_at IS NOT NULL AND ends_at IS NOT NULL \
                           AND ends_at > starts_at) \
                         OR (cron IS NOT NULL AND duration_minutes BETWEEN 1 AND 10080 AND starts_at IS NULL \
                           AND ends_at IS NULL)",
                    ))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            [index(
                "maintenance_windows_tenant_id_created_at_idx",
                "maintenance_windows",
                &["tenant_id", "created_at"],
            )],
        )
        .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Incidents::Table)
                    .add_column(ColumnDef::new(Incidents::Alerted).boolean().not_null().default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(Incidents::Table).drop_column(Incidents::Alerted).to_owned())
            .await?;
        manager.drop_table(Table::drop().table(MaintenanceWindows::Table).to_owned()).await
    }
}
