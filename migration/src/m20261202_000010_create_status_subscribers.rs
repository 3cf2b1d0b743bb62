//! Visitors subscribed by email to a status page (optionally to chosen components), confirmed
//! by a link (double opt-in); and the `List-Unsubscribe` URL an outbox message carries (RFC 8058
//! one-click unsubscribe).

use sea_orm_migration::prelude::*;

use crate::support::{check, create_indexes, foreign_key, index, timestamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StatusSubscribers {
    Table,
    Id,
    TenantId,
    PageId,
    Email,
    ComponentIds,
    Token,
    ConfirmedAt,
    ConfirmationSentAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum EmailOutbox {
    Table,
    ListUnsubscribe,
}

#[derive(DeriveIden)]
enum StatusPages {
    Table,
    Id,
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
                    .table(StatusSubscribers::Table)
                    .col(ColumnDef::new(StatusSubscribers::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(StatusSubscribers::TenantId).uuid().not_null())
                    .col(ColumnDef::new(StatusSubscribers::PageId).uuid().not_null())
                    .col(ColumnDef::new(StatusSubscribers::Email).string_len(254).not_null())
                    .col(ColumnDef::new(StatusSubscribers::ComponentIds).text().not_null().default(""))
                    .col(ColumnDef::new(StatusSubscribers::Token).string_len(64).not_null())
                    .col(ColumnDef::new(StatusSubscribers::ConfirmedAt).timestamp_with_time_zone().null())
                    .col(timestamp(StatusSubscribers::ConfirmationSentAt))
                    .col(timestamp(StatusSubscribers::CreatedAt))
                    .foreign_key(&mut foreign_key(
                        "status_subscribers_tenant_id_fkey",
                        (StatusSubscribers::Table, StatusSubscribers::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "status_subscribers_page_id_fkey",
                        (StatusSubscribers::Table, StatusSubscribers::PageId),
                        (StatusPages::Table, StatusPages::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check(
                        "status_subscribers_email_check",
                        "length(email) BETWEEN 3 AND 254 AND email = lower(email)",
                    ))
                    .check(check("status_subscribers_component_ids_check", "length(component_ids) <= 7400"))
                    .check(check("status_subscribers_token_check", "length(token) BETWEEN 32 AND 64"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(EmailOutbox::Table)
                    .add_column(ColumnDef::new(EmailOutbox::ListUnsubscribe).string_len(500).null())
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            [
                index(
                    "status_subscribers_tenant_id_page_id_email_key",
                    "status_subscribers",
                    &["tenant_id", "page_id", "email"],
                )
                .unique(),
                index(
                    "status_subscribers_tenant_id_page_id_created_at_id_idx",
                    "status_subscribers",
                    &["tenant_id", "page_id", "created_at DESC", "id DESC"],
                ),
                index("status_subscribers_token_key", "status_subscribers", &["token"]).unique(),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(EmailOutbox::Table).drop_column(EmailOutbox::ListUnsubscribe).to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table(StatusSubscribers::Table).to_owned()).await
    }
}
