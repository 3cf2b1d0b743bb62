//! Team invitations.

use sea_orm_migration::prelude::*;

use crate::support::{check, create_indexes, foreign_key, index, timestamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Invitations {
    Table,
    Id,
    TenantId,
    Email,
    Role,
    TokenHash,
    InvitedBy,
    CreatedAt,
    ExpiresAt,
    AcceptedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Invitations::Table)
                    .col(ColumnDef::new(Invitations::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Invitations::TenantId).uuid().not_null())
                    .col(ColumnDef::new(Invitations::Email).string_len(254).not_null())
                    .col(ColumnDef::new(Invitations::Role).string_len(16).not_null())
                    .col(ColumnDef::new(Invitations::TokenHash).string_len(64).not_null())
                    .col(ColumnDef::new(Invitations::InvitedBy).uuid().null())
                    .col(timestamp(Invitations::CreatedAt))
                    .col(timestamp(Invitations::ExpiresAt))
                    .col(ColumnDef::new(Invitations::AcceptedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Invitations::RevokedAt).timestamp_with_time_zone().null())
                    .foreign_key(&mut foreign_key(
                        "invitations_tenant_id_fkey",
                        (Invitations::Table, Invitations::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "invitations_invited_by_fkey",
                        (Invitations::Table, Invitations::InvitedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .check(check("invitations_role_check", "role IN ('owner', 'admin', 'member', 'viewer')"))
                    .check(check("invitations_email_check", "email = lower(email) AND email LIKE '%_@_%'"))
                    .check(check("invitations_expires_at_check", "expires_at > created_at"))
                    .check(check("invitations_state_check", "accepted_at IS NULL OR revoked_at IS NULL"))
                    .to_owned(),
            )
            .await?;
        // Written out, not read from `entity`: this migration must keep creating exactly these.
        create_indexes(
            manager,
            [
                index("invitations_token_hash_key", "invitations", &["token_hash"]).unique(),
                index("invitations_tenant_id_email_idx", "invitations", &["tenant_id", "email"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Invitations::Table).to_owned()).await
    }
}
