//! Append-only audit trail: one row per mutation, written in the mutation's transaction.

use sea_orm::entity::prelude::*;

use crate::index::{DeclaredIndex, IndexedColumn};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub actor_user_id: Option<Uuid>,
    pub actor_api_key_id: Option<Uuid>,
    /// `user.signed_up`, `session.logged_in`, `member.invited`, ...
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<Uuid>,
    pub request_id: String,
    pub client_ip: String,
    /// JSON object of changed fields (never secrets).
    pub changes: String,
    pub created_at: DateTimeUtc,
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

impl ActiveModelBehavior for ActiveModel {}

impl crate::TenantOwned for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const NOUN: &'static str = "audit event";
}

fn newest_first(column: Column) -> IndexedColumn {
    use crate::index::IntoIndexedColumn;
    IndexedColumn { direction: crate::index::Direction::Desc, ..column.into_indexed() }
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    use crate::index::IntoIndexedColumn;
    let tenant = || Column::TenantId.into_indexed();
    vec![
        DeclaredIndex::tenant_columns::<Entity>(
            "audit_events_tenant_id_created_at_idx",
            vec![tenant(), newest_first(Column::CreatedAt)],
        ),
        DeclaredIndex::tenant_columns::<Entity>(
            "audit_events_tenant_id_action_created_at_idx",
            vec![tenant(), Column::Action.into_indexed(), newest_first(Column::CreatedAt)],
        ),
        DeclaredIndex::tenant_columns::<Entity>(
            "audit_events_tenant_id_entity_created_at_idx",
            vec![
                tenant(),
                Column::EntityType.into_indexed(),
                Column::EntityId.into_indexed(),
                newest_first(Column::CreatedAt),
            ],
        ),
        DeclaredIndex::tenant_columns::<Entity>(
            "audit_events_tenant_id_actor_created_at_idx",
            vec![tenant(), Column::ActorUserId.into_indexed(), newest_first(Column::CreatedAt)],
        ),
    ]
}
