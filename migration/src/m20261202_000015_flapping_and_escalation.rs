//! How alerts hold back and push on.
//! - "X failures within Y": `monitors.failure_window_seconds` (0: consecutive failures).
//! - Flap control: more than `flap_threshold` state changes within `flap_window_seconds` mark a
//!   monitor flapping (`flapping_since`): one alert says so, later outages are recorded without
//!   alerts until it settles.
//! - Escalation policies: ordered steps, each notifying channels after a wait, the last one
//!   repeating; a monitor follows one policy. Each alerted outage of such a monitor gets one
//!   `escalations` row whose `next_due_at` the sweep acts on — rows with due times, so steps
//!   survive restarts — until the outage is acknowledged (`incidents.acknowledged_at`) or ends.
//! - `incident_events`: the outage's timeline (opened, notified, escalated, acknowledged, resolved).

use sea_orm_migration::prelude::*;

use crate::support::{check, create_indexes, foreign_key, index, timestamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Monitors {
    Table,
    FailureWindowSeconds,
    FlapThreshold,
    FlapWindowSeconds,
    FlappingSince,
    EscalationPolicyId,
}

#[derive(DeriveIden)]
enum Incidents {
    Table,
    Id,
    AcknowledgedAt,
    AcknowledgedBy,
}

#[derive(DeriveIden)]
enum EscalationPolicies {
    Table,
    Id,
    TenantId,
    Name,
    RepeatEverySeconds,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EscalationSteps {
    Table,
    Id,
    TenantId,
    PolicyId,
    Position,
    WaitSeconds,
    ChannelId,
}

#[derive(DeriveIden)]
enum Escalations {
    Table,
    Id,
    TenantId,
    IncidentId,
    PolicyId,
    NextStep,
    NextDueAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum IncidentEvents {
    Table,
    Id,
    TenantId,
    IncidentId,
    At,
    Kind,
    Message,
}

#[derive(DeriveIden)]
enum AlertRoutes {
    Table,
    Tag,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AlertChannels {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(EscalationPolicies::Table)
                    .col(ColumnDef::new(EscalationPolicies::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(EscalationPolicies::TenantId).uuid().not_null())
                    .col(ColumnDef::new(EscalationPolicies::Name).string_len(100).not_null())
                    .col(ColumnDef::new(EscalationPolicies::RepeatEverySeconds).integer().not_null())
                    .col(timestamp(EscalationPolicies::CreatedAt))
                    .col(timestamp(EscalationPolicies::UpdatedAt))
                    .foreign_key(&mut foreign_key(
                        "escalation_policies_tenant_id_fkey",
                        (EscalationPolicies::Table, EscalationPolicies::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("escalation_policies_name_check", "length(name) BETWEEN 1 AND 100"))
                    .check(check(
                        "escalation_policies_repeat_check",
                        "repeat_every_seconds = 0 OR repeat_every_seconds BETWEEN 300 AND 86400",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EscalationSteps::Table)
                    .col(ColumnDef::new(EscalationSteps::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(EscalationSteps::TenantId).uuid().not_null())
                    .col(ColumnDef::new(EscalationSteps::PolicyId).uuid().not_null())
                    .col(ColumnDef::new(EscalationSteps::Position).integer().not_null())
                    .col(ColumnDef::new(EscalationSteps::WaitSeconds).integer().not_null())
                    .col(ColumnDef::new(EscalationSteps::ChannelId).uuid().not_null())
                    .foreign_key(&mut foreign_key(
                        "escalation_steps_tenant_id_fkey",
                        (EscalationSteps::Table, EscalationSteps::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "escalation_steps_policy_id_fkey",
                        (EscalationSteps::Table, EscalationSteps::PolicyId),
                        (EscalationPolicies::Table, EscalationPolicies::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "escalation_steps_channel_id_fkey",
                        (EscalationSteps::Table, EscalationSteps::ChannelId),
                        (AlertChannels::Table, AlertChannels::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("escalation_steps_position_check", "position BETWEEN 0 AND 9"))
                    .check(check("escalation_steps_wait_check", "wait_seconds BETWEEN 0 AND 86400"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Escalations::Table)
                    .col(ColumnDef::new(Escalations::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Escalations::TenantId).uuid().not_null())
                    .col(ColumnDef::new(Escalations::IncidentId).uuid().not_null())
                    .col(ColumnDef::new(Escalations::PolicyId).uuid().not_null())
                    .col(ColumnDef::new(Escalations::NextStep).integer().not_null())
                    .col(ColumnDef::new(Escalations::NextDueAt).timestamp_with_time_zone().null())
                    .col(timestamp(Escalations::CreatedAt))
                    .col(timestamp(Escalations::UpdatedAt))
                    .foreign_key(&mut foreign_key(
                        "escalations_tenant_id_fkey",
                        (Escalations::Table, Escalations::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "escalations_incident_id_fkey",
                        (Escalations::Table, Escalations::IncidentId),
                        (Incidents::Table, Incidents::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "escalations_policy_id_fkey",
                        (Escalations::Table, Escalations::PolicyId),
                        (EscalationPolicies::Table, EscalationPolicies::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("escalations_next_step_check", "next_step >= 0"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IncidentEvents::Table)
                    .col(ColumnDef::new(IncidentEvents::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(IncidentEvents::TenantId).uuid().not_null())
                    .col(ColumnDef::new(IncidentEvents::IncidentId).uuid().not_null())
                    .col(timestamp(IncidentEvents::At))
                    .col(ColumnDef::new(IncidentEvents::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(IncidentEvents::Message).string_len(500).not_null())
                    .foreign_key(&mut foreign_key(
                        "incident_events_tenant_id_fkey",
                        (IncidentEvents::Table, IncidentEvents::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "incident_events_incident_id_fkey",
                        (IncidentEvents::Table, IncidentEvents::IncidentId),
                        (Incidents::Table, Incidents::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check(
                        "incident_events_kind_check",
                        "kind IN ('opened', 'notified', 'escalated', 'acknowledged', 'resolved')",
                    ))
                    .check(check("incident_events_message_check", "length(message) <= 500"))
                    .to_owned(),
            )
            .await?;
        let monitor_columns = [
            ColumnDef::new(Monitors::FailureWindowSeconds)
                .integer()
                .not_null()
                .default(0)
                .check(Expr::cust(
                    "failure_window_seconds = 0 OR failure_window_seconds BETWEEN 60 AND 86400",
                ))
                .to_owned(),
            ColumnDef::new(Monitors::FlapThreshold)
                .integer()
                .not_null()
                .default(6)
                .check(Expr::cust("flap_threshold = 0 OR flap_threshold BETWEEN 3 AND 50"))
                .to_owned(),
            ColumnDef::new(Monitors::FlapWindowSeconds)
                .integer()
                .not_null()
                .default(3600)
                .check(Expr::cust("flap_window_seconds BETWEEN 300 AND 86400"))
                .to_owned(),
            ColumnDef::new(Monitors::FlappingSince).timestamp_with_time_zone().null().to_owned(),
            // Both backends take a REFERENCES clause on ADD COLUMN when the column defaults to NULL.
            ColumnDef::new(Monitors::EscalationPolicyId)
                .uuid()
                .null()
                .extra("REFERENCES escalation_policies (id) ON DELETE SET NULL")
                .to_owned(),
        ];
        for mut column in monitor_columns {
            manager
                .alter_table(Table::alter().table(Monitors::Table).add_column(&mut column).to_owned())
                .await?;
        }
        let incident_columns = [
            ColumnDef::new(Incidents::AcknowledgedAt).timestamp_with_time_zone().null().to_owned(),
            ColumnDef::new(Incidents::AcknowledgedBy)
                .string_len(200)
                .null()
                .check(Expr::cust("(acknowledged_by IS NULL) = (acknowledged_at IS NULL)"))
                .to_owned(),
        ];
        for mut column in incident_columns {
            manager
                .alter_table(Table::alter().table(Incidents::Table).add_column(&mut column).to_owned())
                .await?;
        }
        // A route may follow every monitor with a tag (the monitor tag rule, see `monitor_tags`).
        manager
            .alter_table(
                Table::alter()
                    .table(AlertRoutes::Table)
                    .add_column(ColumnDef::new(AlertRoutes::Tag).string_len(32).null().check(Expr::cust(
                        "tag IS NULL OR (monitor_id IS NULL AND length(tag) BETWEEN 1 AND 32 AND tag = lower(tag) \
                         AND tag NOT LIKE '%,%')",
                    )))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            [
                index(
                    "escalation_policies_tenant_id_name_idx",
                    "escalation_policies",
                    &["tenant_id", "name"],
                ),
                index(
                    "escalation_steps_tenant_id_policy_id_position_idx",
                    "escalation_steps",
                    &["tenant_id", "policy_id", "position"],
                ),
                index("escalations_incident_id_key", "escalations", &["incident_id"]).unique(),
                index("escalations_next_due_at_idx", "escalations", &["next_due_at"]),
                index(
                    "incident_events_tenant_id_incident_id_at_idx",
                    "incident_events",
                    &["tenant_id", "incident_id", "at"],
                ),
                index("monitors_escalation_policy_id_idx", "monitors", &["escalation_policy_id"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop().name("monitors_escalation_policy_id_idx").table(Monitors::Table).to_owned(),
            )
            .await?;
        manager
            .alter_table(Table::alter().table(AlertRoutes::Table).drop_column(AlertRoutes::Tag).to_owned())
            .await?;
        for column in [Incidents::AcknowledgedBy, Incidents::AcknowledgedAt] {
            manager
                .alter_table(Table::alter().table(Incidents::Table).drop_column(column).to_owned())
                .await?;
        }
        for column in [
            Monitors::EscalationPolicyId,
            Monitors::FlappingSince,
            Monitors::FlapWindowSeconds,
            Monitors::FlapThreshold,
            Monitors::FailureWindowSeconds,
        ] {
            manager.alter_table(Table::alter().table(Monitors::Table).drop_column(column).to_owned()).await?;
        }
        for table in [
            IncidentEvents::Table.into_iden(),
            Escalations::Table.into_iden(),
            EscalationSteps::Table.into_iden(),
            EscalationPolicies::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
