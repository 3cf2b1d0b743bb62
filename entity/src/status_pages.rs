//! Public status pages: the default page (`slug` empty) answers at `/` of the tenant's host,
//! the others at `/<slug>`.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

/// Who may see a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Access {
    #[sea_orm(string_value = "public")]
    Public,
    /// Visitors who know its password.
    #[sea_orm(string_value = "password")]
    Password,
    /// Visitors who open a link mailed to an address in one of `email_domains`.
    #[sea_orm(string_value = "email_domain")]
    EmailDomain,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "status_pages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    /// Empty for the default page; otherwise lowercase letters, digits and dashes.
    pub slug: String,
    pub title: String,
    pub description: String,
    /// Detected outages of the page's components are published as incidents on their own.
    pub auto_publish_outages: bool,
    /// Its logo and favicon (`uploads` rows), if any.
    pub logo_upload_id: Option<Uuid>,
    pub favicon_upload_id: Option<Uuid>,
    pub access: Access,
    /// Argon2 PHC string; set while `access` is `Password` (kept when access is opened again).
    pub password_hash: Option<String>,
    /// Comma-separated, lower case; the domains whose addresses may view an `EmailDomain` page.
    pub email_domains: String,
    /// Changes with the access settings: access granted under another version is void.
    pub access_version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
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
    const NOUN: &'static str = "status page";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    // A page is found by its tenant and slug; one slug per tenant.
    vec![
        DeclaredIndex::tenant::<Entity, _>(
            "status_pages_tenant_id_slug_key",
            [Column::TenantId, Column::Slug],
        )
        .unique(),
    ]
}
