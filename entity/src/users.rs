//! Users are global: one person, one email, possibly members of several tenants.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Stored lower-cased (a CHECK enforces it), which makes the unique index case-insensitive.
    pub email: String,
    pub display_name: String,
    /// argon2id PHC string; `None` for an invited user who has not set a password yet.
    pub password_hash: Option<String>,
    pub email_verified_at: Option<DateTimeUtc>,
    pub is_platform_admin: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::memberships::Entity")]
    Memberships,
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
            "users_email_key",
            [Column::Email],
            "users are global: login finds a user by email before a tenant is chosen",
        )
        .unique(),
    ]
}
