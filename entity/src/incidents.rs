//! Outages: opened when a monitor goes DOWN, resolved when it comes back UP. One per outage.

use sea_orm::entity::prelude::*;

use crate::index::{DeclaredIndex, Direction, IndexedColumn};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incidents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub monitor_id: Uuid,
    pub opened_at: DateTimeUtc,
    pub resolved_at: Option<DateTimeUtc>,
    /// The error of the check that opened it.
    pub cause: String,
    pub created_at: DateTimeUtc,
    /// The down alert went out (not during maintenance): the recovery is announced too.
    pub alerted: bool,
    /// The outage of a monitor this one depends on, when that explains this one (no alerts
    /// went out for it); cleared when the monitor turns out to be down on its own.
    pub caused_by_incident_id: Option<Uuid>,
    /// Someone took it: escalation stops.
    pub acknowledged_at: Option<DateTimeUtc>,
    /// The member's name, or "link in alert".
    pub acknowledged_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::monitors::Entity",
        from = "Column::MonitorId",
        to = "super::monitors::Column::Id",
        on_delete = "Cascade"
    )]
    Monitor,
}

impl Related<super::monitors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Monitor.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl crate::TenantOwned for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const NOUN: &'static str = "incident";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    let col = |name, direction| IndexedColumn { name, direction };
    vec![
        // The incidents list, newest first.
        DeclaredIndex::tenant_columns::<Entity>(
            "incidents_tenant_id_opened_at_id_idx",
            vec![
                col("tenant_id", Direction::Asc),
                col("opened_at", Direction::Desc),
                col("id", Direction::Desc),
            ],
        ),
        DeclaredIndex::global::<Entity, _>(
            "incidents_caused_by_incident_id_idx",
            [Column::CausedByIncidentId],
            "ON DELETE SET NULL of caused_by_incident_id finds the outages one explained by its id alone",
        ),
        // A monitor's incidents, and its open one.
        DeclaredIndex::tenant_columns::<Entity>(
            "incidents_tenant_id_monitor_id_opened_at_idx",
            vec![
                col("tenant_id", Direction::Asc),
                col("monitor_id", Direction::Asc),
                col("opened_at", Direction::Desc),
            ],
        ),
    ]
}
