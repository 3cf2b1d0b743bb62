//! Invitations to join a tenant with a role; accepted once through an emailed link.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;
use crate::memberships::Role;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invitations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    /// Lower-cased.
    pub email: String,
    pub role: Role,
    /// SHA-256 of the token, hex.
    pub token_hash: String,
    pub invited_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub accepted_at: Option<DateTimeUtc>,
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
    const NOUN: &'static str = "invitation";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    vec![
        DeclaredIndex::global::<Entity, _>(
            "invitations_token_hash_key",
            [Column::TokenHash],
            "the invitee presents only the token: it is found by hash before anyone is logged in",
        )
        .unique(),
        DeclaredIndex::tenant::<Entity, _>(
            "invitations_tenant_id_email_idx",
            [Column::TenantId, Column::Email],
        ),
    ]
}
