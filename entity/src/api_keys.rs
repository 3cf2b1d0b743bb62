//! Tenant API keys for integrators: `bk_...`, shown once, stored hashed, scoped, revocable.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum KeyScope {
    #[sea_orm(string_value = "read")]
    Read,
    #[sea_orm(string_value = "read_write")]
    ReadWrite,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_keys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub name: String,
    /// The first characters of the key (`bk_ab12cd34`), to recognise it in lists.
    pub prefix: String,
    /// SHA-256 of the whole key, hex.
    pub key_hash: String,
    pub scope: KeyScope,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::tenants::Entity",
        from = "Column::TenantId",
        to = "super::tenants::Column::Id",
        on_delete = "Cascade"
    )]
    Tenant,
}

impl Related<super::tenants::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Tenant.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl crate::TenantOwned for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const NOUN: &'static str = "API key";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    vec![
        DeclaredIndex::global::<Entity, _>(
            "api_keys_key_hash_key",
            [Column::KeyHash],
            "a request presents only the key: it is found by hash before the tenant is known",
        )
        .unique(),
        DeclaredIndex::tenant::<Entity, _>(
            "api_keys_tenant_id_created_at_idx",
            [Column::TenantId, Column::CreatedAt],
        ),
    ]
}
