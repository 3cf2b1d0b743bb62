//! The timeline of a public incident: each update's status and message, oldest first.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;
pub use crate::status_incidents::IncidentStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "status_incident_updates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub incident_id: Uuid,
    pub status: IncidentStatus,
    pub message: String,
    pub created_at: DateTimeUtc,
    /// When its message was last corrected.
    pub edited_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::status_incidents::Entity",
        from = "Column::IncidentId",
        to = "super::status_incidents::Column::Id",
        on_delete = "Cascade"
    )]
    Incident,
}

impl Related<super::status_incidents::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Incident.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl crate::TenantOwned for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const NOUN: &'static str = "incident update";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    // An incident's timeline in order.
    vec![DeclaredIndex::tenant::<Entity, _>(
        "status_incident_updates_tenant_id_incident_id_created_at_idx",
        [Column::TenantId, Column::IncidentId, Column::CreatedAt],
    )]
}
