//! The tenant's incidents across monitors, newest first: the incidents page and integrators'
//! "what is broken now". Opening and resolving them happens in `record`.

use std::collections::HashMap;

use entity::{incidents, monitors};
use sea_orm::{ColumnTrait, DatabaseConnection, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::auth::TenantScope;
use crate::kernel::ApiError;
use crate::kernel::paging::{Cursor, Page, PageRequest};

#[derive(Debug, Clone, Default)]
pub struct IncidentFilter {
    /// Only open (`true`) or only resolved (`false`) incidents.
    pub open: Option<bool>,
    pub monitor_id: Option<Uuid>,
}

pub fn cursor(incident: &(incidents::Model, String)) -> Cursor {
    Cursor { at: incident.0.opened_at, id: incident.0.id }
}

/// A page of incidents with their monitor's name (two queries: the page, then its monitors).
pub async fn list(
    db: &DatabaseConnection,
    scope: &TenantScope,
    filter: &IncidentFilter,
    page: &PageRequest,
) -> Result<Page<(incidents::Model, String)>, ApiError> {
    let mut query = scope.find::<incidents::Entity>();
    if let Some(open) = filter.open {
        query = query.filter(if open {
            incidents::Column::ResolvedAt.is_null()
        } else {
            incidents::Column::ResolvedAt.is_not_null()
        });
    }
    if let Some(monitor_id) = filter.monitor_id {
        // Another tenant's monitor is NOT_FOUND rather than an empty list.
        scope.get::<monitors::Entity>(db, monitor_id).await?;
        query = query.filter(incidents::Column::MonitorId.eq(monitor_id));
    }
    let columns = (incidents::Column::OpenedAt, incidents::Column::Id);
    let page = crate::db::paging::newest_first(db, query, columns, page).await?;
    let mut ids: Vec<Uuid> = page.items.iter().map(|incident| incident.monitor_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let names: HashMap<Uuid, String> = if ids.is_empty() {
        HashMap::new()
    } else {
        scope
            .find::<monitors::Entity>()
            .select_only()
            .column(monitors::Column::Id)
            .column(monitors::Column::Name)
            .filter(monitors::Column::Id.is_in(ids))
            .into_tuple::<(Uuid, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    Ok(page.map(|incident| {
        let name = names.get(&incident.monitor_id).cloned().unwrap_or_default();
        (incident, name)
    }))
}
