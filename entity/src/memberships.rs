//! A user's role in one tenant.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

/// Ordered from most to least privileged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Role {
    #[sea_orm(string_value = "owner")]
    Owner,
    #[sea_orm(string_value = "admin")]
    Admin,
    #[sea_orm(string_value = "member")]
    Member,
    #[sea_orm(string_value = "viewer")]
    Viewer,
}

impl Role {
    /// Higher is more privileged: owner > admin > member > viewer.
    pub fn rank(self) -> u8 {
        match self {
            Role::Owner => 3,
            Role::Admin => 2,
            Role::Member => 1,
            Role::Viewer => 0,
        }
    }

    /// Whether this role may do what `minimum` may.
    pub fn at_least(self, minimum: Role) -> bool {
        self.rank() >= minimum.rank()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "memberships")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub role: Role,
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
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_delete = "Cascade"
    )]
    User,
}

impl Related<super::tenants::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Tenant.def()
    }
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl crate::TenantOwned for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const NOUN: &'static str = "member";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    vec![
        DeclaredIndex::tenant::<Entity, _>(
            "memberships_tenant_id_user_id_key",
            [Column::TenantId, Column::UserId],
        )
        .unique(),
        DeclaredIndex::tenant::<Entity, _>(
            "memberships_tenant_id_role_idx",
            [Column::TenantId, Column::Role],
        ),
        DeclaredIndex::global::<Entity, _>(
            "memberships_user_id_idx",
            [Column::UserId],
            "login lists every tenant a user belongs to, before a tenant is chosen",
        ),
    ]
}
