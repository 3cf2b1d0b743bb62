//! Hostnames that serve a tenant: its own subdomain and any custom domains it added.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum DomainKind {
    /// `<slug>.<BASE_DOMAIN>`: created with the tenant, verified by construction.
    #[sea_orm(string_value = "subdomain")]
    Subdomain,
    /// A tenant's own domain: allowed TLS only once `verified_at` is set.
    #[sea_orm(string_value = "custom")]
    Custom,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tenant_domains")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    /// Lower-case, no trailing dot (a CHECK enforces the case).
    pub hostname: String,
    pub kind: DomainKind,
    pub verified_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    /// A custom domain's status page; `None` serves the default page. (No foreign key: the
    /// column was added to a table SQLite cannot alter; deleting a page deletes its domains.)
    pub page_id: Option<Uuid>,
    /// A custom domain's proof of ownership: the value of `_beacon-challenge.<hostname>` TXT.
    pub verification_token: Option<String>,
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
    const NOUN: &'static str = "domain";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    vec![
        DeclaredIndex::global::<Entity, _>(
            "tenant_domains_hostname_key",
            [Column::Hostname],
            "the TLS ask endpoint and host routing resolve a hostname before the tenant is known",
        )
        .unique(),
        DeclaredIndex::tenant::<Entity, _>(
            "tenant_domains_tenant_id_kind_idx",
            [Column::TenantId, Column::Kind],
        ),
    ]
}
