//! Single-use, expiring tokens sent by email: email verification and password reset. Stored
//! hashed; used once.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
pub enum TokenPurpose {
    #[sea_orm(string_value = "email_verification")]
    EmailVerification,
    #[sea_orm(string_value = "password_reset")]
    PasswordReset,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "one_time_tokens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub purpose: TokenPurpose,
    pub user_id: Uuid,
    /// SHA-256 of the token, hex.
    pub token_hash: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
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
            "one_time_tokens_token_hash_key",
            [Column::TokenHash],
            "a link presents only the token: it is found by hash; users are global",
        )
        .unique(),
        DeclaredIndex::global::<Entity, _>(
            "one_time_tokens_user_id_purpose_idx",
            [Column::UserId, Column::Purpose],
            "issuing a new token invalidates the user's earlier ones of the same purpose; users are global",
        ),
    ]
}
