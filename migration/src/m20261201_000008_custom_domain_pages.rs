//! Custom domains serve a status page: which page (none: the default page), and the token a
//! TXT record proves ownership with. Kept on `tenant_domains`, which the TLS `ask` answer and
//! host routing already read.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TenantDomains {
    Table,
    PageId,
    VerificationToken,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Two statements: SQLite adds one column per ALTER TABLE.
        manager
            .alter_table(
                Table::alter()
                    .table(TenantDomains::Table)
                    .add_column(ColumnDef::new(TenantDomains::PageId).uuid().null())
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(TenantDomains::Table)
                    .add_column(ColumnDef::new(TenantDomains::VerificationToken).string_len(64).null().check(
                        Expr::cust(
                            "verification_token IS NULL OR length(verification_token) BETWEEN 16 AND 64",
                        ),
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(TenantDomains::Table)
                    .drop_column(TenantDomains::VerificationToken)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter().table(TenantDomains::Table).drop_column(TenantDomains::PageId).to_owned(),
            )
            .await
    }
}
