//! The audit listing orders by `created_at DESC, id DESC`; its indexes end with `id DESC` too,
//! so the database reads the page in index order instead of sorting ties.

use crate::support::{create_indexes, index};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const REPLACED: &[&str] = &[
    "audit_events_tenant_id_created_at_idx",
    "audit_events_tenant_id_action_created_at_idx",
    "audit_events_tenant_id_entity_created_at_idx",
    "audit_events_tenant_id_actor_created_at_idx",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in REPLACED {
            manager
                .drop_index(Index::drop().name(*name).table(Alias::new("audit_events")).to_owned())
                .await?;
        }
        create_indexes(
            manager,
            [
                index(
                    "audit_events_tenant_id_created_at_id_idx",
                    "audit_events",
                    &["tenant_id", "created_at DESC", "id DESC"],
                ),
                index(
                    "audit_events_tenant_id_action_created_at_id_idx",
                    "audit_events",
                    &["tenant_id", "action", "created_at DESC", "id DESC"],
                ),
                index(
                    "audit_events_tenant_id_entity_created_at_id_idx",
                    "audit_events",
                    &["tenant_id", "entity_type", "entity_id", "created_at DESC", "id DESC"],
                ),
                index(
                    "audit_events_tenant_id_actor_created_at_id_idx",
                    "audit_events",
                    &["tenant_id", "actor_user_id", "created_at DESC", "id DESC"],
                ),
            ],
        )
        .await
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration("audit index change is not reversed; restore a backup instead".into()))
    }
}
