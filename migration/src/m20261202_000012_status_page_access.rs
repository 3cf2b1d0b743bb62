//! Who may see a status page: everyone (the default), visitors who know its password, or
//! visitors who prove an address in one of its email domains; `access_version` changes with
//! the settings so access granted before a change stops working. And the maintenance notices
//! sent to subscribers: one row per window occurrence and kind (start, end), so every process
//! sends each notice once.

use sea_orm_migration::prelude::*;

use crate::support::{check, create_indexes, foreign_key, index, timestamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StatusPages {
    Table,
    Access,
    PasswordHash,
    EmailDomains,
    AccessVersion,
}

#[derive(DeriveIden)]
enum StatusMaintenanceNotices {
    Table,
    Id,
    TenantId,
    WindowId,
    OccurrenceStart,
    Kind,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum MaintenanceWindows {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let columns = [
            ColumnDef::new(StatusPages::Access)
                .string_len(16)
                .not_null()
                .default("public")
                .check(Expr::cust("access IN ('public', 'password', 'email_domain')"))
                .to_owned(),
            ColumnDef::new(StatusPages::PasswordHash).text().null().to_owned(),
            ColumnDef::new(StatusPages::EmailDomains)
                .string_len(1000)
                .not_null()
                .default("")
                .check(Expr::cust("length(email_domains) <= 1000 AND email_domains = lower(email_domains)"))
                .to_owned(),
            ColumnDef::new(StatusPages::AccessVersion).integer().not_null().default(0).to_owned(),
        ];
        for mut column in columns {
            manager
                .alter_table(Table::alter().table(StatusPages::Table).add_column(&mut column).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(StatusMaintenanceNotices::Table)
                    .col(ColumnDef::new(StatusMaintenanceNotices::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(StatusMaintenanceNotices::TenantId).uuid().not_null())
                    .col(ColumnDef::new(StatusMaintenanceNotices::WindowId).uuid().not_null())
                    .col(timestamp(StatusMaintenanceNotices::OccurrenceStart))
                    .col(ColumnDef::new(StatusMaintenanceNotices::Kind).string_len(8).not_null())
                    .col(timestamp(StatusMaintenanceNotices::CreatedAt))
                    .foreign_key(&mut foreign_key(
                        "status_maintenance_notices_tenant_id_fkey",
                        (StatusMaintenanceNotices::Table, StatusMaintenanceNotices::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "status_maintenance_notices_window_id_fkey",
                        (StatusMaintenanceNotices::Table, StatusMaintenanceNotices::WindowId),
                        (MaintenanceWindows::Table, MaintenanceWindows::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("status_maintenance_notices_kind_check", "kind IN ('start', 'end')"))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            [index(
                "status_maintenance_notices_occurrence_key",
                "status_maintenance_notices",
                &["tenant_id", "window_id", "occurrence_start", "kind"],
            )
            .unique()],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(StatusMaintenanceNotices::Table).to_owned()).await?;
        for column in [
            StatusPages::AccessVersion,
            StatusPages::EmailDomains,
            StatusPages::PasswordHash,
            StatusPages::Access,
        ] {
            manager
                .alter_table(Table::alter().table(StatusPages::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
