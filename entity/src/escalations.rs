//! One escalation per alerted outage of a monitor with a policy: the next step and when it is
//! due. `next_due_at` is cleared when the outage is acknowledged or resolved, or the steps ran out.

use sea_orm::entity::prelude::*;

use crate::index::DeclaredIndex;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "escalations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub incident_id: Uuid,
    pub policy_id: Uuid,
    /// The step that runs next (past the last: the last again, as a repeat).
    pub next_step: i32,
    pub next_due_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    vec![
        DeclaredIndex::global::<Entity, _>(
            "escalations_incident_id_key",
            [Column::IncidentId],
            "one escalation per outage, found from the outage (acknowledge, resolve)",
        )
        .unique(),
        DeclaredIndex::global::<Entity, _>(
            "escalations_next_due_at_idx",
            [Column::NextDueAt],
            "the sweep takes due escalations of every tenant by their due time",
        ),
    ]
}
