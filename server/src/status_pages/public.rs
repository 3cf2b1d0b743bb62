//! The view a visitor sees: built from the page's components and their monitors, in a fixed
//! number of queries however many components there are. Only public names leave this module:
//! no monitor names, targets, check errors, tags or ids.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use entity::monitors::MonitorStatus;
use entity::{incidents, maintenance_windows, monitors, status_page_components, status_pages, tenants};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use entity::status_incident_components::Impact;
use entity::status_incidents::{self, IncidentStatus};

use super::incidents::{self as published, IncidentView};
use crate::kernel::paging::{Page, PageRequest};
use crate::monitoring::maintenance::{self, Schedule};
use crate::monitoring::rollups;

/// Days of uptime bars.
pub const DAYS: i64 = 90;
/// Hours of the response-time chart.
const RESPONSE_HOURS: i64 = 24;
/// Resolved outages listed as history.
const HISTORY: u64 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComponentStatus {
    Operational,
    Degraded,
    /// A published incident says part of it is out.
    PartialOutage,
    Outage,
    Maintenance,
    /// Paused or not checked yet.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageStatus {
    Operational,
    Degraded,
    PartialOutage,
    MajorOutage,
    Maintenance,
}

#[derive(Debug, Clone)]
pub struct DayBar {
    pub date: NaiveDate,
    pub checks: i64,
    pub failures: i64,
    /// Successful checks in percent; `None` for a day without checks.
    pub uptime_percent: Option<f64>,
    /// Time inside outages that day.
    pub downtime_seconds: i64,
    /// Outages that touched the day.
    pub outages: i32,
    /// Titles of the published incidents of this component that touched the day.
    pub incidents: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct PublicComponent {
    /// The component's own id (public already: its badges are addressed by it), never the
    /// monitor's.
    pub id: Uuid,
    pub name: String,
    pub group: String,
    pub status: ComponentStatus,
    pub uptime_percent: Option<f64>,
    /// Oldest first, [`DAYS`] of them.
    pub days: Vec<DayBar>,
    /// Average response time per hour over the last day, oldest first.
    pub response_ms: Vec<Option<f64>>,
}

/// An outage of one or more components, as the public sees it (no error text).
#[derive(Debug, Clone)]
pub struct PublicOutage {
    pub components: Vec<String>,
    pub started_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
}

/// Maintenance that touches the page's components: in progress or announced (the next
/// occurrence of a recurring window).
#[derive(Debug, Clone)]
pub struct PublicMaintenance {
    pub name: String,
    pub components: Vec<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub active: bool,
}

/// A published incident with its timeline, as visitors see it.
#[derive(Debug, Clone)]
pub struct PublicIncident {
    pub id: Uuid,
    pub title: String,
    pub status: IncidentStatus,
    /// The worst impact on a component; `None` when it names no component.
    pub impact: Option<Impact>,
    pub components: Vec<(String, Impact)>,
    /// Oldest first.
    pub updates: Vec<PublicIncidentUpdate>,
    pub started_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct PublicIncidentUpdate {
    pub status: IncidentStatus,
    pub message: String,
    pub created_at: DateTime<Utc>,
}

impl PublicIncident {
    pub fn from_view(view: IncidentView) -> Self {
        let components: Vec<(String, Impact)> =
            view.components.into_iter().map(|(component, impact)| (component.name, impact)).collect();
        Self {
            id: view.incident.id,
            title: view.incident.title,
            status: view.incident.status,
            impact: components.iter().map(|(_, impact)| *impact).max(),
            components,
            updates: view
                .updates
                .into_iter()
                .map(|update| PublicIncidentUpdate {
                    status: update.status,
                    message: update.message,
                    created_at: update.created_at,
                })
                .collect(),
            started_at: view.incident.started_at,
            resolved_at: view.incident.resolved_at,
            updated_at: view.incident.updated_at,
        }
    }
}

#[derive(Debug, Clone)]
pub struct PublicPage {
    /// For the history's further pages; never shown.
    pub tenant_id: Uuid,
    pub page_id: Uuid,
    /// Who may see it (checked on every request, the page being cached for everyone).
    pub gate: super::access::Gate,
    pub organization: String,
    pub title: String,
    pub description: String,
    pub logo_url: Option<String>,
    pub favicon_url: Option<String>,
    pub status: PageStatus,
    pub components: Vec<PublicComponent>,
    pub active_outages: Vec<PublicOutage>,
    pub recent_outages: Vec<PublicOutage>,
    /// In progress first, then by start; at most [`MAINTENANCE_LISTED`].
    pub maintenance: Vec<PublicMaintenance>,
    /// Published incidents not resolved yet, newest first.
    pub active_incidents: Vec<PublicIncident>,
    /// The first page of resolved incidents, newest first.
    pub incident_history: Page<PublicIncident>,
    pub generated_at: DateTime<Utc>,
}

/// Resolved incidents in the cached first page of the history.
pub const HISTORY_PAGE: u64 = 10;

/// Maintenance windows listed on a page.
const MAINTENANCE_LISTED: usize = 10;

/// Whose public page a host serves: a tenant subdomain serves the page its path names; a
/// verified custom domain serves its own page (the default page when it has none), whatever
/// the path. `None` for every other host.
pub async fn by_host(
    db: &DatabaseConnection,
    links: &crate::kernel::Links,
    registry: &crate::tenancy::hostnames::HostnameRegistry,
    host: &str,
    path_slug: &str,
) -> Result<Option<(tenants::Model, String)>, DbErr> {
    if let Some(slug) = links.tenant_slug_of(host) {
        return Ok(active_tenant(db, &slug).await?.map(|tenant| (tenant, path_slug.to_owned())));
    }
    // Only names in the allowed set (verified, active tenant) reach the database.
    let Some(tenant_id) = registry.tenant_of(host) else { return Ok(None) };
    let Some(domain) = entity::tenant_domains::Entity::find()
        .filter(entity::tenant_domains::Column::Hostname.eq(host))
        .filter(entity::tenant_domains::Column::TenantId.eq(tenant_id))
        .filter(entity::tenant_domains::Column::VerifiedAt.is_not_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(tenant) = tenants::Entity::find_by_id(tenant_id).one(db).await? else { return Ok(None) };
    if tenant.status != tenants::TenantStatus::Active {
        return Ok(None);
    }
    let slug = match domain.page_id {
        Some(page_id) => status_pages::Entity::find_by_id(page_id)
            .filter(status_pages::Column::TenantId.eq(tenant_id))
            .one(db)
            .await?
            .map(|page| page.slug),
        None => Some(String::new()),
    };
    Ok(slug.map(|slug| (tenant, slug)))
}

/// The page at `path_slug` on `host` (as [`by_host`] finds it) with its tenant, or `None`.
pub async fn page_by_host(
    db: &DatabaseConnection,
    links: &crate::kernel::Links,
    registry: &crate::tenancy::hostnames::HostnameRegistry,
    host: &str,
    path_slug: &str,
) -> Result<Option<(tenants::Model, status_pages::Model)>, DbErr> {
    let Some((tenant, slug)) = by_host(db, links, registry, host, path_slug).await? else { return Ok(None) };
    let page = status_pages::Entity::find()
        .filter(status_pages::Column::TenantId.eq(tenant.id))
        .filter(status_pages::Column::Slug.eq(slug))
        .one(db)
        .await?;
    Ok(page.map(|page| (tenant, page)))
}

/// The active tenant with this slug (a public page's host), or `None`.
pub async fn active_tenant(db: &DatabaseConnection, slug: &str) -> Result<Option<tenants::Model>, DbErr> {
    let tenant = tenants::Entity::find().filter(tenants::Column::Slug.eq(slug)).one(db).await?;
    Ok(tenant.filter(|tenant| tenant.status == tenants::TenantStatus::Active))
}

/// One component for its badges: public name, status, uptime over `days` and the average
/// response time over the last day. `None` for another tenant's (or no) component.
pub async fn badge_component(
    db: &DatabaseConnection,
    tenant: &tenants::Model,
    component_id: Uuid,
    now: DateTime<Utc>,
    days: i64,
) -> Result<Option<(String, ComponentStatus, Option<f64>, Option<f64>)>, DbErr> {
    let Some(component) = status_page_components::Entity::find_by_id(component_id)
        .filter(status_page_components::Column::TenantId.eq(tenant.id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    // A restricted page's components have no badges: a badge is public by nature.
    let page = status_pages::Entity::find_by_id(component.page_id)
        .filter(status_pages::Column::TenantId.eq(tenant.id))
        .one(db)
        .await?;
    if page.is_none_or(|page| page.access != status_pages::Access::Public) {
        return Ok(None);
    }
    let Some(monitor) = monitors::Entity::find_by_id(component.monitor_id)
        .filter(monitors::Column::TenantId.eq(tenant.id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let windows = maintenance::of_tenants(db, vec![tenant.id]).await?;
    let status = component_status(&monitor, maintenance::covers(&windows, &monitor, now));
    let (stats, day) = rollups::over_and_last_day(db, tenant.id, monitor.id, now, days * 24).await?;
    Ok(Some((component.name, status, stats.uptime_percent(), day.average_ms())))
}

fn component_status(monitor: &monitors::Model, in_maintenance: bool) -> ComponentStatus {
    if in_maintenance {
        return ComponentStatus::Maintenance;
    }
    match monitor.status {
        MonitorStatus::Up => ComponentStatus::Operational,
        MonitorStatus::Degraded => ComponentStatus::Degraded,
        MonitorStatus::Down => ComponentStatus::Outage,
        MonitorStatus::Pending | MonitorStatus::Paused => ComponentStatus::Unknown,
    }
}

/// The page at `slug` of an active tenant, or `None`.
pub async fn build(
    db: &DatabaseConnection,
    tenant: &tenants::Model,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<Option<PublicPage>, DbErr> {
    let Some(page) = status_pages::Entity::find()
        .filter(status_pages::Column::TenantId.eq(tenant.id))
        .filter(status_pages::Column::Slug.eq(slug))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let components = status_page_components::Entity::find()
        .filter(status_page_components::Column::TenantId.eq(tenant.id))
        .filter(status_page_components::Column::PageId.eq(page.id))
        .order_by_asc(status_page_components::Column::Position)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = components.iter().map(|component| component.monitor_id).collect();
    let monitors: HashMap<Uuid, monitors::Model> = if ids.is_empty() {
        HashMap::new()
    } else {
        monitors::Entity::find()
            .filter(monitors::Column::TenantId.eq(tenant.id))
            .filter(monitors::Column::Id.is_in(ids.clone()))
            .all(db)
            .await?
            .into_iter()
            .map(|monitor| (monitor.id, monitor))
            .collect()
    };
    // One read serves both the components' current maintenance and the announced windows.
    let window_rows = maintenance_windows::Entity::find()
        .filter(maintenance_windows::Column::TenantId.eq(tenant.id))
        .all(db)
        .await?;
    let windows = maintenance::active_windows(&window_rows);
    let first_day = now.date_naive() - Duration::days(DAYS - 1);
    let counts = rollups::daily_counts_many(db, tenant.id, &ids, first_day).await?;
    let response = rollups::hourly_averages(db, tenant.id, &ids, now, RESPONSE_HOURS).await?;
    let since = first_day.and_hms_opt(0, 0, 0).map(|at| at.and_utc()).unwrap_or(now);
    let outages = if ids.is_empty() {
        Vec::new()
    } else {
        incidents::Entity::find()
            .filter(incidents::Column::TenantId.eq(tenant.id))
            .filter(incidents::Column::MonitorId.is_in(ids.clone()))
            .filter(
                Condition::any()
                    .add(incidents::Column::ResolvedAt.is_null())
                    .add(incidents::Column::ResolvedAt.gte(since)),
            )
            .order_by_desc(incidents::Column::OpenedAt)
            .all(db)
            .await?
    };

    // Published incidents of the 90 days (and any still open), with timelines and components.
    let recent = status_incidents::Entity::find()
        .filter(status_incidents::Column::TenantId.eq(tenant.id))
        .filter(status_incidents::Column::PageId.eq(page.id))
        .filter(
            Condition::any()
                .add(status_incidents::Column::ResolvedAt.is_null())
                .add(status_incidents::Column::ResolvedAt.gte(since)),
        )
        .order_by_desc(status_incidents::Column::StartedAt)
        .order_by_desc(status_incidents::Column::Id)
        .all(db)
        .await?;
    let published_outages: std::collections::HashSet<Uuid> =
        recent.iter().filter_map(|incident| incident.source_id).collect();
    let recent = published::views(db, tenant.id, recent).await?;
    let history = published::list(db, tenant.id, page.id, Some(false), &history_request()).await?;
    let incident_history = published::views(db, tenant.id, history.items)
        .await?
        .into_iter()
        .map(PublicIncident::from_view)
        .collect();
    let incident_history = Page { items: incident_history, has_next_page: history.has_next_page };
    // What a published incident says about a component now, and on which days it mattered.
    let mut impact_now: HashMap<Uuid, Impact> = HashMap::new();
    for view in recent.iter().filter(|view| view.incident.resolved_at.is_none()) {
        for (component, impact) in &view.components {
            let worst = impact_now.entry(component.id).or_insert(*impact);
            *worst = (*worst).max(*impact);
        }
    }

    let name_of: HashMap<Uuid, &str> =
        components.iter().map(|component| (component.monitor_id, component.name.as_str())).collect();
    let mut built = Vec::with_capacity(components.len());
    for component in &components {
        let Some(monitor) = monitors.get(&component.monitor_id) else { continue };
        let status = component_status(monitor, maintenance::covers(&windows, monitor, now));
        let status = with_impact(status, impact_now.get(&component.id).copied());
        let own: Vec<&incidents::Model> = outages.iter().filter(|o| o.monitor_id == monitor.id).collect();
        let told: Vec<&IncidentView> = recent
            .iter()
            .filter(|view| view.components.iter().any(|(affected, _)| affected.id == component.id))
            .collect();
        let days: Vec<DayBar> = (0..DAYS)
            .map(|offset| {
                let date = first_day + Duration::days(offset);
                let (checks, failures) = counts.get(&(monitor.id, date)).copied().unwrap_or((0, 0));
                let (downtime_seconds, outages) = downtime_on(&own, date, now);
                DayBar {
                    date,
                    checks,
                    failures,
                    uptime_percent: (checks > 0).then(|| (checks - failures) as f64 * 100.0 / checks as f64),
                    downtime_seconds,
                    outages,
                    incidents: incidents_on(&told, date, now),
                }
            })
            .collect();
        let (checks, failures) = days.iter().fold((0, 0), |(c, f), day| (c + day.checks, f + day.failures));
        built.push(PublicComponent {
            id: component.id,
            name: component.name.clone(),
            group: component.group_name.clone(),
            status,
            uptime_percent: (checks > 0).then(|| (checks - failures) as f64 * 100.0 / checks as f64),
            days,
            response_ms: response
                .get(&monitor.id)
                .cloned()
                .unwrap_or_else(|| vec![None; RESPONSE_HOURS as usize]),
        });
    }
    let public = |outage: &incidents::Model| PublicOutage {
        components: name_of.get(&outage.monitor_id).map(|name| vec![(*name).to_owned()]).unwrap_or_default(),
        started_at: outage.opened_at,
        resolved_at: outage.resolved_at,
    };
    let maintenance = public_maintenance(&window_rows, &components, &monitors, now);
    // An outage published as an incident is told by the incident.
    let unpublished = |o: &&incidents::Model| !published_outages.contains(&o.id);
    let active_outages =
        outages.iter().filter(unpublished).filter(|o| o.resolved_at.is_none()).map(public).collect();
    let recent_outages = outages
        .iter()
        .filter(unpublished)
        .filter(|o| o.resolved_at.is_some())
        .take(HISTORY as usize)
        .map(public)
        .collect();
    let active_incidents = recent
        .into_iter()
        .filter(|view| view.incident.status != IncidentStatus::Resolved)
        .map(PublicIncident::from_view)
        .collect();
    let (logo_url, favicon_url) = super::branding::paths(db, &page).await?;
    Ok(Some(PublicPage {
        logo_url,
        favicon_url,
        tenant_id: tenant.id,
        page_id: page.id,
        gate: super::access::Gate::of(&page),
        organization: tenant.name.clone(),
        title: page.title,
        description: page.description,
        status: page_status(&built),
        components: built,
        active_outages,
        recent_outages,
        maintenance,
        active_incidents,
        incident_history,
        generated_at: now,
    }))
}

fn history_request() -> PageRequest {
    PageRequest { first: HISTORY_PAGE, after: None }
}

/// A component's status with what an open incident says about it: the worse of the two (a
/// monitor that is up does not overrule an organization saying it is degraded).
fn with_impact(status: ComponentStatus, impact: Option<Impact>) -> ComponentStatus {
    let told = match impact {
        None => return status,
        Some(Impact::Degraded) => ComponentStatus::Degraded,
        Some(Impact::Partial) => ComponentStatus::PartialOutage,
        Some(Impact::Major) => ComponentStatus::Outage,
    };
    let rank = |status| match status {
        ComponentStatus::Outage => 4,
        ComponentStatus::PartialOutage => 3,
        ComponentStatus::Degraded => 2,
        ComponentStatus::Maintenance => 1,
        ComponentStatus::Operational | ComponentStatus::Unknown => 0,
    };
    if rank(told) >= rank(status) { told } else { status }
}

/// Titles of the incidents that were open at some time during `date` (UTC).
fn incidents_on(incidents: &[&IncidentView], date: NaiveDate, now: DateTime<Utc>) -> Vec<String> {
    let Some(start) = date.and_hms_opt(0, 0, 0).map(|at| at.and_utc()) else { return Vec::new() };
    let end = start + Duration::days(1);
    incidents
        .iter()
        .filter(|view| view.incident.started_at < end && view.incident.resolved_at.unwrap_or(now) >= start)
        .map(|view| view.incident.title.clone())
        .collect()
}

/// The windows that cover at least one of the page's components, with those components' public
/// names: in progress first, then the soonest.
fn public_maintenance(
    rows: &[maintenance_windows::Model],
    components: &[status_page_components::Model],
    monitors: &HashMap<Uuid, monitors::Model>,
    now: DateTime<Utc>,
) -> Vec<PublicMaintenance> {
    let mut out: Vec<PublicMaintenance> = rows
        .iter()
        .filter_map(|row| {
            let schedule = Schedule::from_row(row)?;
            let (starts_at, ends_at) = schedule.current_or_next(now)?;
            let covered: Vec<String> = components
                .iter()
                .filter(|component| {
                    monitors.get(&component.monitor_id).is_some_and(|monitor| {
                        match (row.monitor_id, &row.tag) {
                            (Some(id), _) => id == monitor.id,
                            (None, Some(tag)) => monitor.tags.split(',').any(|own| own == tag),
                            (None, None) => true,
                        }
                    })
                })
                .map(|component| component.name.clone())
                .collect();
            (!covered.is_empty()).then(|| PublicMaintenance {
                name: row.name.clone(),
                components: covered,
                starts_at,
                ends_at,
                active: starts_at <= now && now < ends_at,
            })
        })
        .collect();
    out.sort_by_key(|window| (!window.active, window.starts_at));
    out.truncate(MAINTENANCE_LISTED);
    out
}

/// Seconds of `date` (UTC) inside these outages, and how many touched it.
fn downtime_on(outages: &[&incidents::Model], date: NaiveDate, now: DateTime<Utc>) -> (i64, i32) {
    let Some(start) = date.and_hms_opt(0, 0, 0).map(|at| at.and_utc()) else { return (0, 0) };
    let end = std::cmp::min(start + Duration::days(1), now);
    let mut seconds = 0;
    let mut touched = 0;
    for outage in outages {
        let from = std::cmp::max(outage.opened_at, start);
        let to = std::cmp::min(outage.resolved_at.unwrap_or(now), end);
        if from < to {
            seconds += (to - from).num_seconds();
            touched += 1;
        }
    }
    (seconds, touched)
}

/// The worst of the components: every component out is a major outage, some a partial one.
pub fn page_status(components: &[PublicComponent]) -> PageStatus {
    let count = |status| components.iter().filter(|c| c.status == status).count();
    let out = count(ComponentStatus::Outage);
    if out > 0 {
        return if out == components.len() { PageStatus::MajorOutage } else { PageStatus::PartialOutage };
    }
    if count(ComponentStatus::PartialOutage) > 0 {
        return PageStatus::PartialOutage;
    }
    if count(ComponentStatus::Degraded) > 0 {
        PageStatus::Degraded
    } else if count(ComponentStatus::Maintenance) > 0 {
        PageStatus::Maintenance
    } else {
        PageStatus::Operational
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outage(opened: &str, resolved: Option<&str>) -> incidents::Model {
        incidents::Model {
            id: Uuid::nil(),
            tenant_id: Uuid::nil(),
            monitor_id: Uuid::nil(),
            opened_at: opened.parse().unwrap(),
            resolved_at: resolved.map(|at| at.parse().unwrap()),
            cause: String::new(),
            created_at: opened.parse().unwrap(),
            alerted: true,
            caused_by_incident_id: None,
            acknowledged_at: None,
            acknowledged_by: None,
        }
    }

    #[test]
    fn downtime_is_split_at_midnight_and_open_outages_run_until_now() {
        let night = outage("2026-03-01T23:30:00Z", Some("2026-03-02T00:15:00Z"));
        let open = outage("2026-03-02T10:00:00Z", None);
        let now: DateTime<Utc> = "2026-03-02T12:00:00Z".parse().unwrap();
        let day = |d: &str| d.parse::<NaiveDate>().unwrap();
        assert_eq!(downtime_on(&[&night, &open], day("2026-03-01"), now), (30 * 60, 1));
        assert_eq!(downtime_on(&[&night, &open], day("2026-03-02"), now), (15 * 60 + 2 * 3600, 2));
        assert_eq!(downtime_on(&[&night, &open], day("2026-03-03"), now), (0, 0));
    }

    #[test]
    fn the_page_status_is_the_worst_component() {
        let component = |status| PublicComponent {
            id: Uuid::nil(),
            name: String::new(),
            group: String::new(),
            status,
            uptime_percent: None,
            days: Vec::new(),
            response_ms: Vec::new(),
        };
        use ComponentStatus::*;
        assert_eq!(page_status(&[component(Operational), component(Unknown)]), PageStatus::Operational);
        assert_eq!(page_status(&[component(Operational), component(Maintenance)]), PageStatus::Maintenance);
        assert_eq!(page_status(&[component(Degraded), component(Maintenance)]), PageStatus::Degraded);
        assert_eq!(page_status(&[component(Outage), component(Operational)]), PageStatus::PartialOutage);
        assert_eq!(page_status(&[component(Outage), component(Outage)]), PageStatus::MajorOutage);
    }
}
