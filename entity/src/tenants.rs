//! A tenant: one team, reachable at `<slug>.<BASE_DOMAIN>`.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum TenantStatus {
    #[sea_orm(string_value = "active")]
    Active,
    /// Suspended by a platform admin: its users, keys and hosts are refused.
    #[sea_orm(string_value = "suspended")]
    Suspended,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tenants")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub status: TenantStatus,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::tenant_domains::Entity")]
    TenantDomains,
    #[sea_orm(has_many = "super::memberships::Entity")]
    Memberships,
}

impl Related<super::tenant_domains::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TenantDomains.def()
    }
}

impl Related<super::memberships::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Memberships.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    vec![
        DeclaredIndex::global::<Entity, _>(
            "tenants_slug_key",
            [Column::Slug],
            "a slug is unique platform-wide and resolves a host before any tenant is known",
        )
        .unique(),
        DeclaredIndex::global::<Entity, _>(
            "tenants_status_created_at_idx",
            [Column::Status, Column::CreatedAt],
            "platform admins list tenants across all tenants, filtered by status, newest first",
        ),
    ]
}
