//! Monitor dependencies: a monitor may depend on others (a service on its database, every site
//! on the uplink). While a monitor it depends on is down, its own failures are an expected
//! consequence: its outage is recorded without alerts (`monitors.dependency_down`) and attached
//! to the outage that explains it (`incidents.caused_by_incident_id`). The API refuses cycles.

use sea_orm_migration::prelude::*;

use crate::support::{check, create_indexes, foreign_key, index, timestamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MonitorDependencies {
    Table,
    TenantId,
    MonitorId,
    DependsOnId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Monitors {
    Table,
    Id,
    DependencyDown,
}

#[derive(DeriveIden)]
enum Incidents {
    Table,
    CausedByIncidentId,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MonitorDependencies::Table)
                    .col(ColumnDef::new(MonitorDependencies::TenantId).uuid().not_null())
                    .col(ColumnDef::new(MonitorDependencies::MonitorId).uuid().not_null())
                    .col(ColumnDef::new(MonitorDependencies::DependsOnId).uuid().not_null())
                    .col(timestamp(MonitorDependencies::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(MonitorDependencies::MonitorId)
                            .col(MonitorDependencies::DependsOnId),
                    )
                    .foreign_key(&mut foreign_key(
                        "monitor_dependencies_tenant_id_fkey",
                        (MonitorDependencies::Table, MonitorDependencies::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "monitor_dependencies_monitor_id_fkey",
                        (MonitorDependencies::Table, MonitorDependencies::MonitorId),
                        (Monitors::Table, Monitors::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "monitor_dependencies_depends_on_id_fkey",
                        (MonitorDependencies::Table, MonitorDependencies::DependsOnId),
                        (Monitors::Table, Monitors::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("monitor_dependencies_not_itself_check", "monitor_id <> depends_on_id"))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            [index(
                "monitor_dependencies_tenant_id_depends_on_id_idx",
                "monitor_dependencies",
                &["tenant_id", "depends_on_id", "monitor_id"],
            )],
        )
        .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Monitors::Table)
                    .add_column(ColumnDef::new(Monitors::DependencyDown).boolean().not_null().default(false))
                    .to_owned(),
            )
            .await?;
        // Both backends take a REFERENCES clause on ADD COLUMN when the column defaults to NULL
        // (sea-query has no portable ALTER ... ADD FOREIGN KEY for SQLite).
        manager
            .alter_table(
                Table::alter()
                    .table(Incidents::Table)
                    .add_column(
                        ColumnDef::new(Incidents::CausedByIncidentId)
                            .uuid()
                            .null()
                            .extra("REFERENCES incidents (id) ON DELETE SET NULL"),
                    )
                    .to_owned(),
            )
            .await?;
        // The foreign key's ON DELETE looks rows up by the referenced outage alone.
        create_indexes(
            manager,
            [index("incidents_caused_by_incident_id_idx", "incidents", &["caused_by_incident_id"])],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop().name("incidents_caused_by_incident_id_idx").table(Incidents::Table).to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter().table(Incidents::Table).drop_column(Incidents::CausedByIncidentId).to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter().table(Monitors::Table).drop_column(Monitors::DependencyDown).to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table(MonitorDependencies::Table).to_owned()).await
    }
}
