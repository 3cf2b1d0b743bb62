//! Sessions (refresh tokens), single-use email tokens and the audit trail.

use sea_orm_migration::prelude::*;

use crate::support::{check, create_indexes, foreign_key, index, timestamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RefreshTokens {
    Table,
    Id,
    TenantId,
    UserId,
    FamilyId,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    RotatedAt,
    RevokedAt,
    UserAgent,
}

#[derive(DeriveIden)]
enum OneTimeTokens {
    Table,
    Id,
    Purpose,
    UserId,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    TenantId,
    ActorUserId,
    ActorApiKeyId,
    Action,
    EntityType,
    EntityId,
    RequestId,
    ClientIp,
    Changes,
    CreatedAt,
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
                    .table(RefreshTokens::Table)
                    .col(ColumnDef::new(RefreshTokens::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(RefreshTokens::TenantId).uuid().not_null())
                    .col(ColumnDef::new(RefreshTokens::UserId).uuid().not_null())
                    .col(ColumnDef::new(RefreshTokens::FamilyId).uuid().not_null())
                    .col(ColumnDef::new(RefreshTokens::TokenHash).string_len(64).not_null())
                    .col(timestamp(RefreshTokens::CreatedAt))
                    .col(timestamp(RefreshTokens::ExpiresAt))
                    .col(ColumnDef::new(RefreshTokens::RotatedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(RefreshTokens::RevokedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(RefreshTokens::UserAgent).string_len(200).null())
                    .foreign_key(&mut foreign_key(
                        "refresh_tokens_tenant_id_fkey",
                        (RefreshTokens::Table, RefreshTokens::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "refresh_tokens_user_id_fkey",
                        (RefreshTokens::Table, RefreshTokens::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("refresh_tokens_token_hash_check", "length(token_hash) = 64"))
                    .check(check("refresh_tokens_expires_at_check", "expires_at > created_at"))
                    .check(check(
                        "refresh_tokens_rotated_at_check",
                        "rotated_at IS NULL OR rotated_at >= created_at",
                    ))
                    .check(check(
                        "refresh_tokens_revoked_at_check",
                        "revoked_at IS NULL OR revoked_at >= created_at",
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OneTimeTokens::Table)
                    .col(ColumnDef::new(OneTimeTokens::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(OneTimeTokens::Purpose).string_len(24).not_null())
                    .col(ColumnDef::new(OneTimeTokens::UserId).uuid().not_null())
                    .col(ColumnDef::new(OneTimeTokens::TokenHash).string_len(64).not_null())
                    .col(timestamp(OneTimeTokens::CreatedAt))
                    .col(timestamp(OneTimeTokens::ExpiresAt))
                    .col(ColumnDef::new(OneTimeTokens::UsedAt).timestamp_with_time_zone().null())
                    .foreign_key(&mut foreign_key(
                        "one_time_tokens_user_id_fkey",
                        (OneTimeTokens::Table, OneTimeTokens::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check(
                        "one_time_tokens_purpose_check",
                        "purpose IN ('email_verification', 'password_reset')",
                    ))
                    .check(check("one_time_tokens_token_hash_check", "length(token_hash) = 64"))
                    .check(check("one_time_tokens_expires_at_check", "expires_at > created_at"))
                    .check(check("one_time_tokens_used_at_check", "used_at IS NULL OR used_at >= created_at"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditEvents::Table)
                    .col(ColumnDef::new(AuditEvents::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(AuditEvents::TenantId).uuid().not_null())
                    .col(ColumnDef::new(AuditEvents::ActorUserId).uuid().null())
                    .col(ColumnDef::new(AuditEvents::ActorApiKeyId).uuid().null())
                    .col(ColumnDef::new(AuditEvents::Action).string_len(60).not_null())
                    .col(ColumnDef::new(AuditEvents::EntityType).string_len(40).not_null())
                    .col(ColumnDef::new(AuditEvents::EntityId).uuid().null())
                    .col(ColumnDef::new(AuditEvents::RequestId).string_len(100).not_null())
                    .col(ColumnDef::new(AuditEvents::ClientIp).string_len(45).not_null())
                    .col(ColumnDef::new(AuditEvents::Changes).text().not_null())
                    .col(timestamp(AuditEvents::CreatedAt))
                    .foreign_key(&mut foreign_key(
                        "audit_events_tenant_id_fkey",
                        (AuditEvents::Table, AuditEvents::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("audit_events_action_check", "length(action) BETWEEN 3 AND 60"))
                    .check(check(
                        "audit_events_actor_check",
                        "actor_user_id IS NULL OR actor_api_key_id IS NULL",
                    ))
                    .to_owned(),
            )
            .await?;

        // Written out, not read from `entity`: this migration must keep creating exactly these.
        create_indexes(
            manager,
            [
                index("refresh_tokens_token_hash_key", "refresh_tokens", &["token_hash"]).unique(),
                index("refresh_tokens_family_id_idx", "refresh_tokens", &["family_id"]),
                index("refresh_tokens_tenant_id_user_id_idx", "refresh_tokens", &["tenant_id", "user_id"]),
                index("refresh_tokens_user_id_idx", "refresh_tokens", &["user_id"]),
                index("one_time_tokens_token_hash_key", "one_time_tokens", &["token_hash"]).unique(),
                index("one_time_tokens_user_id_purpose_idx", "one_time_tokens", &["user_id", "purpose"]),
                index(
                    "audit_events_tenant_id_created_at_idx",
                    "audit_events",
                    &["tenant_id", "created_at DESC"],
                ),
                index(
                    "audit_events_tenant_id_action_created_at_idx",
                    "audit_events",
                    &["tenant_id", "action", "created_at DESC"],
                ),
                index(
                    "audit_events_tenant_id_entity_created_at_idx",
                    "audit_events",
                    &["tenant_id", "entity_type", "entity_id", "created_at DESC"],
                ),
                index(
                    "audit_events_tenant_id_actor_created_at_idx",
                    "audit_events",
                    &["tenant_id", "actor_user_id", "created_at DESC"],
                ),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditEvents::Table.into_iden(),
            OneTimeTokens::Table.into_iden(),
            RefreshTokens::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
