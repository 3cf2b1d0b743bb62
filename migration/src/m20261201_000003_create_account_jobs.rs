//! Account work done off the request, as leased jobs: a password-reset request writes one row
//! whether or not the address has an account, and the worker does the rest.

use crate::support::{check, create_indexes, index, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AccountJobs {
    Table,
    Id,
    Kind,
    Email,
    Status,
    Attempts,
    MaxAttempts,
    NextAttemptAt,
    LockedUntil,
    LockedBy,
    LastError,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AccountJobs::Table)
                    .col(ColumnDef::new(AccountJobs::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(AccountJobs::Kind).string_len(32).not_null())
                    .col(ColumnDef::new(AccountJobs::Email).string_len(254).not_null())
                    .col(ColumnDef::new(AccountJobs::Status).string_len(16).not_null().default("queued"))
                    .col(ColumnDef::new(AccountJobs::Attempts).integer().not_null().default(0))
                    .col(ColumnDef::new(AccountJobs::MaxAttempts).integer().not_null())
                    .col(timestamp(AccountJobs::NextAttemptAt))
                    .col(ColumnDef::new(AccountJobs::LockedUntil).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(AccountJobs::LockedBy).string_len(80).null())
                    .col(ColumnDef::new(AccountJobs::LastError).text().null())
                    .col(timestamp(AccountJobs::CreatedAt))
                    .col(timestamp(AccountJobs::UpdatedAt))
                    .check(check(
                        "account_jobs_kind_check",
                        "kind IN ('password_reset', 'verification_resend')",
                    ))
                    .check(check(
                        "account_jobs_status_check",
                        "status IN ('queued', 'running', 'done', 'dead')",
                    ))
                    .check(check("account_jobs_attempts_check", "attempts >= 0 AND attempts <= max_attempts"))
                    .check(check("account_jobs_max_attempts_check", "max_attempts BETWEEN 1 AND 100"))
                    .check(check(
                        "account_jobs_lease_check",
                        "(status = 'running') = (locked_until IS NOT NULL AND locked_by IS NOT NULL)",
                    ))
                    .check(check("account_jobs_updated_at_check", "updated_at >= created_at"))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            [index(
                "account_jobs_status_next_attempt_at_idx",
                "account_jobs",
                &["status", "next_attempt_at"],
            )],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AccountJobs::Table).to_owned()).await
    }
}
