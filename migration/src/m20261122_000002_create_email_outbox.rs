//! The durable email outbox (DESIGN §7).

use crate::support::{check, create_indexes, foreign_key, index, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum EmailOutbox {
    Table,
    Id,
    TenantId,
    Kind,
    Recipient,
    Subject,
    BodyText,
    BodyHtml,
    Status,
    Attempts,
    MaxAttempts,
    NextAttemptAt,
    LockedUntil,
    LockedBy,
    LastError,
    DedupKey,
    CreatedAt,
    UpdatedAt,
    SentAt,
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
                    .table(EmailOutbox::Table)
                    .col(ColumnDef::new(EmailOutbox::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(EmailOutbox::TenantId).uuid().null())
                    .col(ColumnDef::new(EmailOutbox::Kind).string_len(40).not_null())
                    .col(ColumnDef::new(EmailOutbox::Recipient).string_len(254).not_null())
                    .col(ColumnDef::new(EmailOutbox::Subject).string_len(300).not_null())
                    .col(ColumnDef::new(EmailOutbox::BodyText).text().not_null())
                    .col(ColumnDef::new(EmailOutbox::BodyHtml).text().not_null())
                    .col(ColumnDef::new(EmailOutbox::Status).string_len(16).not_null().default("queued"))
                    .col(ColumnDef::new(EmailOutbox::Attempts).integer().not_null().default(0))
                    .col(ColumnDef::new(EmailOutbox::MaxAttempts).integer().not_null())
                    .col(timestamp(EmailOutbox::NextAttemptAt))
                    .col(ColumnDef::new(EmailOutbox::LockedUntil).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(EmailOutbox::LockedBy).string_len(80).null())
                    .col(ColumnDef::new(EmailOutbox::LastError).text().null())
                    .col(ColumnDef::new(EmailOutbox::DedupKey).string_len(200).null())
                    .col(timestamp(EmailOutbox::CreatedAt))
                    .col(timestamp(EmailOutbox::UpdatedAt))
                    .col(ColumnDef::new(EmailOutbox::SentAt).timestamp_with_time_zone().null())
                    .foreign_key(&mut foreign_key("email_outbox_tenant_id_fkey", (EmailOutbox::Table, EmailOutbox::TenantId), (Tenants::Table, Tenants::Id), ForeignKeyAction::Cascade))
                    .check(check("email_outbox_status_check", "status IN ('queued', 'sending', 'sent', 'dead')"))
                    .check(check("email_outbox_attempts_check", "attempts >= 0 AND attempts <= max_attempts"))
                    .check(check("email_outbox_max_attempts_check", "max_attempts BETWEEN 1 AND 100"))
                    .check(check("email_outbox_recipient_check", "length(recipient) BETWEEN 3 AND 254 AND recipient LIKE '%_@_%'"))
                    .check(check("email_outbox_kind_check", "length(kind) BETWEEN 1 AND 40"))
                    .check(check(
                        "email_outbox_lease_check",
                        "(status = 'sending') = (locked_until IS NOT NULL AND locked_by IS NOT NULL)",
                    ))
                    .check(check(
                        "email_outbox_sent_at_check",
                        "(status = 'sent') = (sent_at IS NOT NULL) AND (sent_at IS NULL OR sent_at >= created_at)",
                    ))
                    .check(check("email_outbox_updated_at_check", "updated_at >= created_at"))
                    .to_owned(),
            )
            .await?;
        // Written out, not read from `entity`: this migration must keep creating exactly these.
        create_indexes(
            manager,
            [
                index(
                    "email_outbox_status_next_attempt_at_idx",
                    "email_outbox",
                    &["status", "next_attempt_at"],
                ),
                index("email_outbox_dedup_key_key", "email_outbox", &["dedup_key"]).unique(),
                index("email_outbox_tenant_id_created_at_idx", "email_outbox", &["tenant_id", "created_at"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(EmailOutbox::Table).to_owned()).await
    }
}
