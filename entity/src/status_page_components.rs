//! What a status page shows: chosen monitors under public names, in ordered groups.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "status_page_components")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub page_id: Uuid,
    pub monitor_id: Uuid,
    /// The name the public sees (never the monitor's own name or target).
    pub name: String,
    /// Empty for components outside any group.
    pub group_name: String,
    /// The order on the page, from 0.
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::status_pages::Entity",
        from = "Column::PageId",
        to = "super::status_pages::Column::Id",
        on_delete = "Cascade"
    )]
    Page,
}

impl Related<super::status_pages::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Page.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl crate::TenantOwned for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const NOUN: &'static str = "status page component";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    vec![
        DeclaredIndex::global::<Entity, _>(
            "status_page_components_page_id_monitor_id_key",
            [Column::PageId, Column::MonitorId],
            "a monitor appears once per page (the page id already implies the tenant)",
        )
        .unique(),
        // A page's components in order.
        DeclaredIndex::tenant::<Entity, _>(
            "status_page_components_tenant_id_page_id_position_idx",
            [Column::TenantId, Column::PageId, Column::Position],
        ),
        // Which pages show a monitor (invalidating cached pages when it changes).
        DeclaredIndex::tenant::<Entity, _>(
            "status_page_components_tenant_id_monitor_id_idx",
            [Column::TenantId, Column::MonitorId],
        ),
    ]
}
