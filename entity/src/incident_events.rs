//! An outage's timeline: opened, notified, escalated, acknowledged, resolved.

use sea_orm::entity::prelude::*;

use crate::index::{DeclaredIndex, Direction, IndexedColumn};

#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum IncidentEventKind {
    #[sea_orm(string_value = "opened")]
    Opened,
    #[sea_orm(string_value = "notified")]
    Notified,
    #[sea_orm(string_value = "escalated")]
    Escalated,
    #[sea_orm(string_value = "acknowledged")]
    Acknowledged,
    #[sea_orm(string_value = "resolved")]
    Resolved,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub incident_id: Uuid,
    pub at: DateTimeUtc,
    pub kind: IncidentEventKind,
    pub message: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    let col = |name, direction| IndexedColumn { name, direction };
    vec![
        // An outage's timeline, oldest first.
        DeclaredIndex::tenant_columns::<Entity>(
            "incident_events_tenant_id_incident_id_at_idx",
            vec![
                col("tenant_id", Direction::Asc),
                col("incident_id", Direction::Asc),
                col("at", Direction::Asc),
            ],
        ),
    ]
}
