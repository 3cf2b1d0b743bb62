//! Opaque refresh tokens, stored hashed, rotated on every use. Tokens of one login share a
//! `family_id`: presenting a rotated token again revokes the whole family.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "refresh_tokens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub family_id: Uuid,
    /// SHA-256 of the token, hex.
    pub token_hash: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    /// Set when the token was exchanged for a new one.
    pub rotated_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub user_agent: Option<String>,
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
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_delete = "Cascade"
    )]
    User,
}

impl ActiveModelBehavior for ActiveModel {}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    vec![
        DeclaredIndex::global::<Entity, _>(
            "refresh_tokens_token_hash_key",
            [Column::TokenHash],
            "a refresh presents only the token: it is found by hash before the tenant is known",
        )
        .unique(),
        DeclaredIndex::global::<Entity, _>(
            "refresh_tokens_family_id_idx",
            [Column::FamilyId],
            "reuse detection revokes every token of a family at once",
        ),
        DeclaredIndex::tenant::<Entity, _>(
            "refresh_tokens_tenant_id_user_id_idx",
            [Column::TenantId, Column::UserId],
        ),
        DeclaredIndex::global::<Entity, _>(
            "refresh_tokens_user_id_idx",
            [Column::UserId],
            "a password change or reset revokes a user's sessions in every tenant",
        ),
    ]
}
