//! Slugs held for a while without an organization: a sign-up with an address that already has
//! an account holds its slug exactly as long as an unverified new sign-up does, so the two
//! cases look the same from outside.

use crate::support::{check, create_indexes, index, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SlugReservations {
    Table,
    Slug,
    CreatedAt,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SlugReservations::Table)
                    .col(ColumnDef::new(SlugReservations::Slug).string_len(40).not_null().primary_key())
                    .col(timestamp(SlugReservations::CreatedAt))
                    .col(timestamp(SlugReservations::ExpiresAt))
                    .check(check("slug_reservations_expires_at_check", "expires_at > created_at"))
                    .check(check(
                        "slug_reservations_slug_check",
                        "length(slug) BETWEEN 3 AND 40 AND slug = lower(slug)",
                    ))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            [index("slug_reservations_expires_at_idx", "slug_reservations", &["expires_at"])],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SlugReservations::Table).to_owned()).await
    }
}
