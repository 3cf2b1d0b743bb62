//! Tenants, their hostnames, global users and per-tenant memberships.
//!
//! Constraints live in the database, named so the API can map a violation to a field:
//! `<table>_<what>_check` for CHECKs, `<table>_<column>_fkey` for foreign keys.

use crate::support::{check, create_indexes, foreign_key, index, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
    Slug,
    Name,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum TenantDomains {
    Table,
    Id,
    TenantId,
    Hostname,
    Kind,
    VerifiedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    DisplayName,
    PasswordHash,
    EmailVerifiedAt,
    IsPlatformAdmin,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Memberships {
    Table,
    Id,
    TenantId,
    UserId,
    Role,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Tenants::Table)
                    .col(ColumnDef::new(Tenants::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Tenants::Slug).string_len(40).not_null())
                    .col(ColumnDef::new(Tenants::Name).string_len(120).not_null())
                    .col(ColumnDef::new(Tenants::Status).string_len(16).not_null().default("active"))
                    .col(timestamp(Tenants::CreatedAt))
                    .col(timestamp(Tenants::UpdatedAt))
                    .check(check("tenants_status_check", "status IN ('active', 'suspended')"))
                    .check(check(
                        "tenants_slug_check",
                        "length(slug) BETWEEN 3 AND 40 AND slug = lower(slug)",
                    ))
                    .check(check("tenants_name_check", "length(name) BETWEEN 1 AND 120"))
                    .check(check("tenants_updated_at_check", "updated_at >= created_at"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(TenantDomains::Table)
                    .col(ColumnDef::new(TenantDomains::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(TenantDomains::TenantId).uuid().not_null())
                    .col(ColumnDef::new(TenantDomains::Hostname).string_len(253).not_null())
                    .col(ColumnDef::new(TenantDomains::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(TenantDomains::VerifiedAt).timestamp_with_time_zone().null())
                    .col(timestamp(TenantDomains::CreatedAt))
                    .foreign_key(&mut foreign_key(
                        "tenant_domains_tenant_id_fkey",
                        (TenantDomains::Table, TenantDomains::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("tenant_domains_kind_check", "kind IN ('subdomain', 'custom')"))
                    .check(check(
                        "tenant_domains_hostname_check",
                        "length(hostname) BETWEEN 1 AND 253 AND hostname = lower(hostname)",
                    ))
                    .check(check(
                        "tenant_domains_verified_at_check",
                        "verified_at IS NULL OR verified_at >= created_at",
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(ColumnDef::new(Users::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Users::Email).string_len(254).not_null())
                    .col(ColumnDef::new(Users::DisplayName).string_len(120).not_null())
                    .col(ColumnDef::new(Users::PasswordHash).text().null())
                    .col(ColumnDef::new(Users::EmailVerifiedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Users::IsPlatformAdmin).boolean().not_null().default(false))
                    .col(timestamp(Users::CreatedAt))
                    .col(timestamp(Users::UpdatedAt))
                    .check(check(
                        "users_email_check",
                        "length(email) BETWEEN 3 AND 254 AND email = lower(email) AND email LIKE '%_@_%'",
                    ))
                    .check(check("users_display_name_check", "length(display_name) <= 120"))
                    .check(check("users_updated_at_check", "updated_at >= created_at"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Memberships::Table)
                    .col(ColumnDef::new(Memberships::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Memberships::TenantId).uuid().not_null())
                    .col(ColumnDef::new(Memberships::UserId).uuid().not_null())
                    .col(ColumnDef::new(Memberships::Role).string_len(16).not_null())
                    .col(timestamp(Memberships::CreatedAt))
                    .col(timestamp(Memberships::UpdatedAt))
                    .foreign_key(&mut foreign_key(
                        "memberships_tenant_id_fkey",
                        (Memberships::Table, Memberships::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "memberships_user_id_fkey",
                        (Memberships::Table, Memberships::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("memberships_role_check", "role IN ('owner', 'admin', 'member', 'viewer')"))
                    .check(check("memberships_updated_at_check", "updated_at >= created_at"))
                    .to_owned(),
            )
            .await?;

        // Written out, not read from `entity`: this migration must keep creating exactly these.
        create_indexes(
            manager,
            [
                index("tenants_slug_key", "tenants", &["slug"]).unique(),
                index("tenants_status_created_at_idx", "tenants", &["status", "created_at"]),
                index("tenant_domains_hostname_key", "tenant_domains", &["hostname"]).unique(),
                index("tenant_domains_tenant_id_kind_idx", "tenant_domains", &["tenant_id", "kind"]),
                index("users_email_key", "users", &["email"]).unique(),
                index("memberships_tenant_id_user_id_key", "memberships", &["tenant_id", "user_id"]).unique(),
                index("memberships_tenant_id_role_idx", "memberships", &["tenant_id", "role"]),
                index("memberships_user_id_idx", "memberships", &["user_id"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Memberships::Table.into_iden(),
            Users::Table.into_iden(),
            TenantDomains::Table.into_iden(),
            Tenants::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
