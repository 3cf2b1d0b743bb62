//! Incidents for the public: what a tenant tells visitors of a page about an outage, as a
//! timeline of updates (investigating → identified → monitoring → resolved) with the affected
//! components and their impact. One may be published from a detected outage (`source_id`,
//! once per page); `status_pages.auto_publish_outages` publishes them without a click.

use sea_orm_migration::prelude::*;

use crate::support::{check, create_indexes, foreign_key, index, timestamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StatusIncidents {
    Table,
    Id,
    TenantId,
    PageId,
    SourceId,
    Title,
    Status,
    StartedAt,
    ResolvedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum StatusIncidentUpdates {
    Table,
    Id,
    TenantId,
    IncidentId,
    Status,
    Message,
    CreatedAt,
    EditedAt,
}

#[derive(DeriveIden)]
enum StatusIncidentComponents {
    Table,
    TenantId,
    IncidentId,
    ComponentId,
    Impact,
}

#[derive(DeriveIden)]
enum StatusPages {
    Table,
    Id,
    AutoPublishOutages,
}

#[derive(DeriveIden)]
enum StatusPageComponents {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Incidents {
    Table,
    Id,
}

const STATUSES: &str = "('investigating', 'identified', 'monitoring', 'resolved')";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(StatusPages::Table)
                    .add_column(
                        ColumnDef::new(StatusPages::AutoPublishOutages).boolean().not_null().default(false),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StatusIncidents::Table)
                    .col(ColumnDef::new(StatusIncidents::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(StatusIncidents::TenantId).uuid().not_null())
                    .col(ColumnDef::new(StatusIncidents::PageId).uuid().not_null())
                    .col(ColumnDef::new(StatusIncidents::SourceId).uuid().null())
                    .col(ColumnDef::new(StatusIncidents::Title).string_len(120).not_null())
                    .col(ColumnDef::new(StatusIncidents::Status).string_len(16).not_null())
                    .col(timestamp(StatusIncidents::StartedAt))
                    .col(ColumnDef::new(StatusIncidents::ResolvedAt).timestamp_with_time_zone().null())
                    .col(timestamp(StatusIncidents::CreatedAt))
                    .col(timestamp(StatusIncidents::UpdatedAt))
                    .foreign_key(&mut foreign_key(
                        "status_incidents_tenant_id_fkey",
                        (StatusIncidents::Table, StatusIncidents::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "status_incidents_page_id_fkey",
                        (StatusIncidents::Table, StatusIncidents::PageId),
                        (StatusPages::Table, StatusPages::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "status_incidents_source_id_fkey",
                        (StatusIncidents::Table, StatusIncidents::SourceId),
                        (Incidents::Table, Incidents::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .check(check("status_incidents_title_check", "length(title) BETWEEN 1 AND 120"))
                    .check(check("status_incidents_status_check", &format!("status IN {STATUSES}")))
                    .check(check(
                        "status_incidents_resolved_check",
                        "(status = 'resolved') = (resolved_at IS NOT NULL)",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StatusIncidentUpdates::Table)
                    .col(ColumnDef::new(StatusIncidentUpdates::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(StatusIncidentUpdates::TenantId).uuid().not_null())
                    .col(ColumnDef::new(StatusIncidentUpdates::IncidentId).uuid().not_null())
                    .col(ColumnDef::new(StatusIncidentUpdates::Status).string_len(16).not_null())
                    .col(ColumnDef::new(StatusIncidentUpdates::Message).string_len(5000).not_null())
                    .col(timestamp(StatusIncidentUpdates::CreatedAt))
                    .col(ColumnDef::new(StatusIncidentUpdates::EditedAt).timestamp_with_time_zone().null())
                    .foreign_key(&mut foreign_key(
                        "status_incident_updates_tenant_id_fkey",
                        (StatusIncidentUpdates::Table, StatusIncidentUpdates::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "status_incident_updates_incident_id_fkey",
                        (StatusIncidentUpdates::Table, StatusIncidentUpdates::IncidentId),
                        (StatusIncidents::Table, StatusIncidents::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("status_incident_updates_status_check", &format!("status IN {STATUSES}")))
                    .check(check(
                        "status_incident_updates_message_check",
                        "length(message) BETWEEN 1 AND 5000",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StatusIncidentComponents::Table)
                    .col(ColumnDef::new(StatusIncidentComponents::TenantId).uuid().not_null())
                    .col(ColumnDef::new(StatusIncidentComponents::IncidentId).uuid().not_null())
                    .col(ColumnDef::new(StatusIncidentComponents::ComponentId).uuid().not_null())
                    .col(ColumnDef::new(StatusIncidentComponents::Impact).string_len(16).not_null())
                    .primary_key(
                        Index::create()
                            .col(StatusIncidentComponents::IncidentId)
                            .col(StatusIncidentComponents::ComponentId),
                    )
                    .foreign_key(&mut foreign_key(
                        "status_incident_components_tenant_id_fkey",
                        (StatusIncidentComponents::Table, StatusIncidentComponents::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "status_incident_components_incident_id_fkey",
                        (StatusIncidentComponents::Table, StatusIncidentComponents::IncidentId),
                        (StatusIncidents::Table, StatusIncidents::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "status_incident_components_component_id_fkey",
                        (StatusIncidentComponents::Table, StatusIncidentComponents::ComponentId),
                        (StatusPageComponents::Table, StatusPageComponents::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check(
                        "status_incident_components_impact_check",
                        "impact IN ('degraded', 'partial', 'major')",
                    ))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            [
                index(
                    "status_incidents_tenant_id_page_id_started_at_id_idx",
                    "status_incidents",
                    &["tenant_id", "page_id", "started_at DESC", "id DESC"],
                ),
                index(
                    "status_incidents_tenant_id_source_id_page_id_key",
                    "status_incidents",
                    &["tenant_id", "source_id", "page_id"],
                )
                .unique(),
                index(
                    "status_incident_updates_tenant_id_incident_id_created_at_idx",
                    "status_incident_updates",
                    &["tenant_id", "incident_id", "created_at"],
                ),
                index(
                    "status_incident_components_tenant_id_component_id_idx",
                    "status_incident_components",
                    &["tenant_id", "component_id"],
                ),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(StatusIncidentComponents::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(StatusIncidentUpdates::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(StatusIncidents::Table).to_owned()).await?;
        manager
            .alter_table(
                Table::alter()
                    .table(StatusPages::Table)
                    .drop_column(StatusPages::AutoPublishOutages)
                    .to_owned(),
            )
            .await
    }
}
