//! Incidents for the public: what an organization tells a page's visitors, as a timeline of
//! updates, with the components it affects. Not the detected outages (`incidents`), though one
//! may be published from an outage (`source_id`).

use sea_orm::entity::prelude::*;

use crate::index::{DeclaredIndex, Direction, IndexedColumn};

/// Where an incident stands; each update moves it (or keeps it) at one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum IncidentStatus {
    #[sea_orm(string_value = "investigating")]
    Investigating,
    #[sea_orm(string_value = "identified")]
    Identified,
    #[sea_orm(string_value = "monitoring")]
    Monitoring,
    #[sea_orm(string_value = "resolved")]
    Resolved,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "status_incidents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub page_id: Uuid,
    /// The detected outage it was published from (once per page), if any.
    pub source_id: Option<Uuid>,
    pub title: String,
    /// The status of its latest update.
    pub status: IncidentStatus,
    pub started_at: DateTimeUtc,
    /// Set exactly when `status` is resolved (a CHECK constraint).
    pub resolved_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
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
    const NOUN: &'static str = "status incident";
}

pub fn declared_indexes() -> Vec<DeclaredIndex> {
    let col = |name, direction| IndexedColumn { name, direction };
    vec![
        // A page's incidents, newest first (its history, paged by (started_at, id)).
        DeclaredIndex::tenant_columns::<Entity>(
            "status_incidents_tenant_id_page_id_started_at_id_idx",
            vec![
                col("tenant_id", Direction::Asc),
                col("page_id", Direction::Asc),
                col("started_at", Direction::Desc),
                col("id", Direction::Desc),
            ],
        ),
        // An outage is published once per page; and found from the outage when it resolves.
        DeclaredIndex::tenant::<Entity, _>(
            "status_incidents_tenant_id_source_id_page_id_key",
            [Column::TenantId, Column::SourceId, Column::PageId],
        )
        .unique(),
    ]
}
