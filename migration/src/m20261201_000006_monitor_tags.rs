//! Monitor tags: `monitors.tags` keeps a monitor's tags for display (comma-separated, sorted),
//! `monitor_tags` keeps one row per (monitor, tag) so "every monitor tagged `prod`" is an index
//! lookup; both are written in one transaction. Maintenance windows may cover a tag.

use sea_orm_migration::prelude::*;

use crate::support::{check, create_indexes, foreign_key, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MonitorTags {
    Table,
    TenantId,
    MonitorId,
    Tag,
}

#[derive(DeriveIden)]
enum Monitors {
    Table,
    Id,
    Tags,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum MaintenanceWindows {
    Table,
    Tag,
}

/// The tag rule the API applies, as SQL: 1 to 32 characters, lowercase.
const TAG_RULE: &str = "length(tag) BETWEEN 1 AND 32 AND tag = lower(tag) AND tag NOT LIKE '%,%'";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Monitors::Table)
                    .add_column(
                        ColumnDef::new(Monitors::Tags)
                            .string_len(400)
                            .not_null()
                            .default("")
                            .check(Expr::cust("length(tags) <= 400 AND tags = lower(tags)")),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MonitorTags::Table)
                    .col(ColumnDef::new(MonitorTags::TenantId).uuid().not_null())
                    .col(ColumnDef::new(MonitorTags::MonitorId).uuid().not_null())
                    .col(ColumnDef::new(MonitorTags::Tag).string_len(32).not_null())
                    .primary_key(Index::create().col(MonitorTags::MonitorId).col(MonitorTags::Tag))
                    .foreign_key(&mut foreign_key(
                        "monitor_tags_tenant_id_fkey",
                        (MonitorTags::Table, MonitorTags::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "monitor_tags_monitor_id_fkey",
                        (MonitorTags::Table, MonitorTags::MonitorId),
                        (Monitors::Table, Monitors::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("monitor_tags_tag_check", TAG_RULE))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            [index(
                "monitor_tags_tenant_id_tag_monitor_id_idx",
                "monitor_tags",
                &["tenant_id", "tag", "monitor_id"],
            )],
        )
        .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(MaintenanceWindows::Table)
                    .add_column(
                        ColumnDef::new(MaintenanceWindows::Tag)
                            .string_len(32)
                            .null()
                            // A window covers one monitor, one tag or the whole tenant.
                            .check(Expr::cust(format!("tag IS NULL OR (monitor_id IS NULL AND {TAG_RULE})"))),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(MaintenanceWindows::Table)
                    .drop_column(MaintenanceWindows::Tag)
                    .to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table(MonitorTags::Table).to_owned()).await?;
        manager
            .alter_table(Table::alter().table(Monitors::Table).drop_column(Monitors::Tags).to_owned())
            .await
    }
}
