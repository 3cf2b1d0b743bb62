//! Tenant API keys.

use sea_orm_migration::prelude::*;

use crate::support::{check, create_indexes, foreign_key, index, timestamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApiKeys {
    Table,
    Id,
    TenantId,
    Name,
    Prefix,
    KeyHash,
    Scope,
    CreatedBy,
    CreatedAt,
    LastUsedAt,
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
                    .table(ApiKeys::Table)
                    .col(ColumnDef::new(ApiKeys::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(ApiKeys::TenantId).uuid().not_null())
                    .col(ColumnDef::new(ApiKeys::Name).string_len(80).not_null())
                    .col(ColumnDef::new(ApiKeys::Prefix).string_len(16).not_null())
                    .col(ColumnDef::new(ApiKeys::KeyHash).string_len(64).not_null())
                    .col(ColumnDef::new(ApiKeys::Scope).string_len(16).not_null())
                    .col(ColumnDef::new(ApiKeys::CreatedBy).uuid().null())
                    .col(timestamp(ApiKeys::CreatedAt))
                    .col(ColumnDef::new(ApiKeys::LastUsedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(ApiKeys::RevokedAt).timestamp_with_time_zone().null())
                    .foreign_key(&mut foreign_key(
                        "api_keys_tenant_id_fkey",
                        (ApiKeys::Table, ApiKeys::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "api_keys_created_by_fkey",
                        (ApiKeys::Table, ApiKeys::CreatedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .check(check("api_keys_scope_check", "scope IN ('read', 'read_write')"))
                    .check(check("api_keys_name_check", "length(name) BETWEEN 1 AND 80"))
                    .check(check("api_keys_key_hash_check", "length(key_hash) = 64"))
                    .check(check(
                        "api_keys_revoked_at_check",
                        "revoked_at IS NULL OR revoked_at >= created_at",
                    ))
                    .to_owned(),
            )
            .await?;
        // Written out, not read from `entity`: this migration must keep creating exactly these.
        create_indexes(
            manager,
            [
                index("api_keys_key_hash_key", "api_keys", &["key_hash"]).unique(),
                index("api_keys_tenant_id_created_at_idx", "api_keys", &["tenant_id", "created_at"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ApiKeys::Table).to_owned()).await
    }
}
