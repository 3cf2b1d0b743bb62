//! Public status pages: a tenant's pages (the default one at `/` of its host, others at
//! `/<slug>`) and their components, public names for chosen monitors in ordered groups.

use sea_orm_migration::prelude::*;

use crate::support::{check, create_indexes, foreign_key, index, timestamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StatusPages {
    Table,
    Id,
    TenantId,
    Slug,
    Title,
    Description,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum StatusPageComponents {
    Table,
    Id,
    TenantId,
    PageId,
    MonitorId,
    Name,
    GroupName,
    Position,
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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(StatusPages::Table)
                    .col(ColumnDef::new(StatusPages::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(StatusPages::TenantId).uuid().not_null())
                    .col(ColumnDef::new(StatusPages::Slug).string_len(40).not_null())
                    .col(ColumnDef::new(StatusPages::Title).string_len(80).not_null())
                    .col(ColumnDef::new(StatusPages::Description).string_len(500).not_null().default(""))
                    .col(timestamp(StatusPages::CreatedAt))
                    .col(timestamp(StatusPages::UpdatedAt))
                    .foreign_key(&mut foreign_key(
                        "status_pages_tenant_id_fkey",
                        (StatusPages::Table, StatusPages::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("status_pages_slug_check", "length(slug) <= 40 AND slug = lower(slug)"))
                    .check(check("status_pages_title_check", "length(title) BETWEEN 1 AND 80"))
                    .check(check("status_pages_description_check", "length(description) <= 500"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StatusPageComponents::Table)
                    .col(ColumnDef::new(StatusPageComponents::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(StatusPageComponents::TenantId).uuid().not_null())
                    .col(ColumnDef::new(StatusPageComponents::PageId).uuid().not_null())
                    .col(ColumnDef::new(StatusPageComponents::MonitorId).uuid().not_null())
                    .col(ColumnDef::new(StatusPageComponents::Name).string_len(80).not_null())
                    .col(
                        ColumnDef::new(StatusPageComponents::GroupName).string_len(80).not_null().default(""),
                    )
                    .col(ColumnDef::new(StatusPageComponents::Position).integer().not_null())
                    .foreign_key(&mut foreign_key(
                        "status_page_components_tenant_id_fkey",
                        (StatusPageComponents::Table, StatusPageComponents::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "status_page_components_page_id_fkey",
                        (StatusPageComponents::Table, StatusPageComponents::PageId),
                        (StatusPages::Table, StatusPages::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "status_page_components_monitor_id_fkey",
                        (StatusPageComponents::Table, StatusPageComponents::MonitorId),
                        (Monitors::Table, Monitors::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("status_page_components_name_check", "length(name) BETWEEN 1 AND 80"))
                    .check(check("status_page_components_group_name_check", "length(group_name) <= 80"))
                    .check(check("status_page_components_position_check", "position BETWEEN 0 AND 199"))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            [
                index("status_pages_tenant_id_slug_key", "status_pages", &["tenant_id", "slug"]).unique(),
                index(
                    "status_page_components_page_id_monitor_id_key",
                    "status_page_components",
                    &["page_id", "monitor_id"],
                )
                .unique(),
                index(
                    "status_page_components_tenant_id_page_id_position_idx",
                    "status_page_components",
                    &["tenant_id", "page_id", "position"],
                ),
                index(
                    "status_page_components_tenant_id_monitor_id_idx",
                    "status_page_components",
                    &["tenant_id", "monitor_id"],
                ),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(StatusPageComponents::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(StatusPages::Table).to_owned()).await
    }
}
