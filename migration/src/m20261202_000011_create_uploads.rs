//! Uploaded images (a status page's logo and favicon): validated, re-encoded, and stored under
//! the data directory by content hash; this table keeps what each one is, with its format and
//! size bounded by CHECK constraints. Pages point at theirs (no foreign key: SQLite cannot add
//! one to an existing table; deleting a page or replacing an image deletes the row in code).

use sea_orm_migration::prelude::*;

use crate::support::{check, create_indexes, foreign_key, index, timestamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Uploads {
    Table,
    Id,
    TenantId,
    Sha256,
    ContentType,
    SizeBytes,
    Width,
    Height,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StatusPages {
    Table,
    LogoUploadId,
    FaviconUploadId,
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
                    .table(Uploads::Table)
                    .col(ColumnDef::new(Uploads::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Uploads::TenantId).uuid().not_null())
                    .col(ColumnDef::new(Uploads::Sha256).string_len(64).not_null())
                    .col(ColumnDef::new(Uploads::ContentType).string_len(16).not_null())
                    .col(ColumnDef::new(Uploads::SizeBytes).integer().not_null())
                    .col(ColumnDef::new(Uploads::Width).integer().not_null())
                    .col(ColumnDef::new(Uploads::Height).integer().not_null())
                    .col(timestamp(Uploads::CreatedAt))
                    .foreign_key(&mut foreign_key(
                        "uploads_tenant_id_fkey",
                        (Uploads::Table, Uploads::TenantId),
                        (Tenants::Table, Tenants::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .check(check("uploads_sha256_check", "length(sha256) = 64"))
                    .check(check(
                        "uploads_content_type_check",
                        "content_type IN ('image/png', 'image/jpeg', 'image/webp')",
                    ))
                    .check(check("uploads_size_bytes_check", "size_bytes BETWEEN 1 AND 524288"))
                    .check(check(
                        "uploads_dimensions_check",
                        "width BETWEEN 1 AND 4096 AND height BETWEEN 1 AND 4096",
                    ))
                    .to_owned(),
            )
            .await?;
        for column in [StatusPages::LogoUploadId, StatusPages::FaviconUploadId] {
            manager
                .alter_table(
                    Table::alter()
                        .table(StatusPages::Table)
                        .add_column(ColumnDef::new(column).uuid().null())
                        .to_owned(),
                )
                .await?;
        }
        create_indexes(manager, [index("uploads_tenant_id_sha256_idx", "uploads", &["tenant_id", "sha256"])])
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [StatusPages::FaviconUploadId, StatusPages::LogoUploadId] {
            manager
                .alter_table(Table::alter().table(StatusPages::Table).drop_column(column).to_owned())
                .await?;
        }
        manager.drop_table(Table::drop().table(Uploads::Table).to_owned()).await
    }
}
