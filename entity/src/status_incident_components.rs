//! The components a public incident affects, and how badly.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Impact {
    #[sea_orm(string_value = "degraded")]
    Degraded,
    #[sea_orm(string_value = "partial")]
    Partial,
    #[sea_orm(string_value = "major")]
    Major,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "status_incident_components")]
pub struct Model {
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub incident_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub component_id: Uuid,
    pub impact: Impact,
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

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    // Which incidents touch a component (the page's component status).
    vec![DeclaredIndex::tenant::<Entity, _>(
        "status_incident_components_tenant_id_component_id_idx",
        [Column::TenantId, Column::ComponentId],
    )]
}
