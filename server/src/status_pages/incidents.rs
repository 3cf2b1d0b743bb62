//! Incidents for the public: an organization tells a page's visitors what is wrong, as a
//! timeline of updates (investigating → identified → monitoring → resolved), with the
//! components it affects and how badly. A detected outage becomes one in a click
//! ([`publish_outage`]) or by itself on pages set to do so ([`OutagePublisher`]), and resolves
//! by itself when the outage ends. Viewers read; members and above write.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::memberships::Role;
use entity::status_incident_components::{self as affected, Impact};
use entity::status_incident_updates as updates;
use entity::status_incidents::{self, IncidentStatus};
use entity::{incidents, status_page_components, status_pages};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use super::subscribers::SubscriberMail;
use crate::audit::{self, AuditContext, actions};
use crate::auth::TenantScope;
use crate::kernel::ApiError;
use crate::kernel::input::{is_forbidden_control, single_line};
use crate::kernel::paging::{Cursor, Page, PageRequest};
use crate::monitoring::followers::OutageFollower;

pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_MESSAGE_CHARS: usize = 5000;

/// One line, 1 to 120 characters.
pub fn parse_title(raw: &str) -> Result<String, String> {
    let title = single_line(raw.trim())?;
    match title.chars().count() {
        0 => Err("is required".into()),
        n if n > MAX_TITLE_CHARS => Err(format!("must be at most {MAX_TITLE_CHARS} characters")),
        _ => Ok(title.to_owned()),
    }
}

/// Plain text with line breaks, 1 to 5,000 characters.
pub fn parse_message(raw: &str) -> Result<String, String> {
    let message = raw.trim().replace("\r\n", "\n");
    if message.chars().any(is_forbidden_control) {
        return Err("may not contain control characters".into());
    }
    match message.chars().count() {
        0 => Err("is required".into()),
        n if n > MAX_MESSAGE_CHARS => Err(format!("must be at most {MAX_MESSAGE_CHARS} characters")),
        _ => Ok(message),
    }
}

/// A new incident as the user describes it (parsed).
#[derive(Debug, Clone)]
pub struct IncidentDraft {
    pub title: String,
    pub status: IncidentStatus,
    pub message: String,
    /// Affected components of the page and their impact.
    pub components: Vec<(Uuid, Impact)>,
    /// When it began; now when not given.
    pub started_at: Option<DateTime<Utc>>,
}

/// An incident with its timeline (oldest first) and affected components (in page order).
#[derive(Debug, Clone)]
pub struct IncidentView {
    pub incident: status_incidents::Model,
    pub updates: Vec<updates::Model>,
    pub components: Vec<(status_page_components::Model, Impact)>,
}

/// `NOT_FOUND` unless every component is on the page; a component listed twice is a field
/// error.
async fn check_components(
    txn: &DatabaseTransaction,
    scope: &TenantScope,
    page_id: Uuid,
    components: &[(Uuid, Impact)],
) -> Result<(), ApiError> {
    let mut seen = std::collections::HashSet::new();
    if let Some(index) = components.iter().position(|(id, _)| !seen.insert(*id)) {
        return Err(ApiError::field(format!("components.{index}.componentId"), "is listed twice"));
    }
    if components.is_empty() {
        return Ok(());
    }
    let ids: Vec<Uuid> = components.iter().map(|(id, _)| *id).collect();
    let found = scope
        .find::<status_page_components::Entity>()
        .filter(status_page_components::Column::PageId.eq(page_id))
        .filter(status_page_components::Column::Id.is_in(ids))
        .count(txn)
        .await?;
    if found as usize != components.len() {
        return Err(ApiError::not_found("status page component"));
    }
    Ok(())
}

async fn set_affected(
    txn: &DatabaseTransaction,
    tenant_id: Uuid,
    incident_id: Uuid,
    components: &[(Uuid, Impact)],
) -> Result<(), DbErr> {
    affected::Entity::delete_many()
        .filter(affected::Column::TenantId.eq(tenant_id))
        .filter(affected::Column::IncidentId.eq(incident_id))
        .exec(txn)
        .await?;
    if !components.is_empty() {
        let rows = components.iter().map(|(component_id, impact)| affected::ActiveModel {
            tenant_id: Set(tenant_id),
            incident_id: Set(incident_id),
            component_id: Set(*component_id),
            impact: Set(*impact),
        });
        affected::Entity::insert_many(rows).exec_without_returning(txn).await?;
    }
    Ok(())
}

async fn add_update(
    txn: &DatabaseTransaction,
    incident: &status_incidents::Model,
    status: IncidentStatus,
    message: String,
    at: DateTime<Utc>,
) -> Result<updates::Model, DbErr> {
    updates::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(incident.tenant_id),
        incident_id: Set(incident.id),
        status: Set(status),
        message: Set(message),
        created_at: Set(at),
        edited_at: Set(None),
    }
    .insert(txn)
    .await
}

/// Inserts an incident with its first update and affected components, and mails subscribers.
async fn insert(
    txn: &DatabaseTransaction,
    mail: &SubscriberMail,
    tenant_id: Uuid,
    page_id: Uuid,
    source_id: Option<Uuid>,
    draft: IncidentDraft,
    now: DateTime<Utc>,
) -> Result<status_incidents::Model, DbErr> {
    let started_at = draft.started_at.unwrap_or(now);
    let resolved = draft.status == IncidentStatus::Resolved;
    let incident = status_incidents::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(tenant_id),
        page_id: Set(page_id),
        source_id: Set(source_id),
        title: Set(draft.title),
        status: Set(draft.status),
        started_at: Set(started_at),
        resolved_at: Set(resolved.then_some(now)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(txn)
    .await?;
    let update = add_update(txn, &incident, draft.status, draft.message, now).await?;
    set_affected(txn, tenant_id, incident.id, &draft.components).await?;
    mail.announce(txn, &incident, &update).await?;
    Ok(incident)
}

pub async fn create(
    db: &DatabaseConnection,
    mail: &SubscriberMail,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    page_id: Uuid,
    draft: IncidentDraft,
) -> Result<status_incidents::Model, ApiError> {
    scope.require(Role::Member)?;
    if draft.started_at.is_some_and(|at| at > now) {
        return Err(ApiError::field("startedAt", "may not be in the future"));
    }
    let txn = crate::db::begin_write(db).await?;
    scope.get::<status_pages::Entity>(&txn, page_id).await?;
    check_components(&txn, scope, page_id, &draft.components).await?;
    let incident = insert(&txn, mail, scope.tenant_id(), page_id, None, draft, now).await?;
    let changes = serde_json::json!({ "title": incident.title, "status": status_name(incident.status) });
    let entity = ("status_incident", incident.id);
    audit::record_in(&txn, audit, scope, actions::STATUS_INCIDENT_CREATED, entity, changes).await?;
    txn.commit().await?;
    mail.wake();
    Ok(incident)
}

/// Posts an update (its status and message); `resolved` resolves the incident, any other
/// status after it reopens it.
pub async fn post_update(
    db: &DatabaseConnection,
    mail: &SubscriberMail,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    id: Uuid,
    (status, message): (IncidentStatus, String),
) -> Result<status_incidents::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    let incident = scope.get::<status_incidents::Entity>(&txn, id).await?;
    let incident = move_to(&txn, mail, incident, status, message, now).await?;
    let changes = serde_json::json!({ "status": status_name(status) });
    let entity = ("status_incident", id);
    audit::record_in(&txn, audit, scope, actions::STATUS_INCIDENT_UPDATE_POSTED, entity, changes).await?;
    txn.commit().await?;
    mail.wake();
    Ok(incident)
}

async fn move_to(
    txn: &DatabaseTransaction,
    mail: &SubscriberMail,
    incident: status_incidents::Model,
    status: IncidentStatus,
    message: String,
    now: DateTime<Utc>,
) -> Result<status_incidents::Model, DbErr> {
    let update = add_update(txn, &incident, status, message, now).await?;
    let resolved_at = match status {
        IncidentStatus::Resolved => incident.resolved_at.or(Some(now)),
        _ => None,
    };
    let mut active: status_incidents::ActiveModel = incident.into();
    active.status = Set(status);
    active.resolved_at = Set(resolved_at);
    active.updated_at = Set(now);
    let incident = active.update(txn).await?;
    mail.announce(txn, &incident, &update).await?;
    Ok(incident)
}

/// Changes the title and the affected components.
pub async fn edit(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    id: Uuid,
    title: String,
    components: Vec<(Uuid, Impact)>,
) -> Result<status_incidents::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    let incident = scope.get::<status_incidents::Entity>(&txn, id).await?;
    check_components(&txn, scope, incident.page_id, &components).await?;
    set_affected(&txn, scope.tenant_id(), id, &components).await?;
    let mut active: status_incidents::ActiveModel = incident.into();
    active.title = Set(title);
    active.updated_at = Set(now);
    let incident = active.update(&txn).await?;
    let changes = serde_json::json!({ "title": incident.title, "components": components.len() });
    audit::record_in(&txn, audit, scope, actions::STATUS_INCIDENT_EDITED, ("status_incident", id), changes)
        .await?;
    txn.commit().await?;
    Ok(incident)
}

/// Corrects the message of one update (its status and time stay).
pub async fn edit_update(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    update_id: Uuid,
    message: String,
) -> Result<status_incidents::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    let update = scope.get::<updates::Entity>(&txn, update_id).await?;
    let incident = scope.get::<status_incidents::Entity>(&txn, update.incident_id).await?;
    let mut active: updates::ActiveModel = update.into();
    active.message = Set(message);
    active.edited_at = Set(Some(now));
    active.update(&txn).await?;
    let changes = serde_json::json!({ "update": update_id.to_string() });
    let entity = ("status_incident", incident.id);
    audit::record_in(&txn, audit, scope, actions::STATUS_INCIDENT_EDITED, entity, changes).await?;
    txn.commit().await?;
    Ok(incident)
}

pub async fn delete(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    id: Uuid,
) -> Result<status_incidents::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    let incident = scope.get::<status_incidents::Entity>(&txn, id).await?;
    scope
        .delete_many::<status_incidents::Entity>()
        .filter(status_incidents::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    let changes = serde_json::json!({ "title": incident.title });
    audit::record_in(&txn, audit, scope, actions::STATUS_INCIDENT_DELETED, ("status_incident", id), changes)
        .await?;
    txn.commit().await?;
    Ok(incident)
}

/// Publishes a detected outage on a page whose components include its monitor. Publishing the
/// same outage twice on one page is a `CONFLICT`.
pub async fn publish_outage(
    db: &DatabaseConnection,
    mail: &SubscriberMail,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    page_id: Uuid,
    outage_id: Uuid,
) -> Result<status_incidents::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    let page = scope.get::<status_pages::Entity>(&txn, page_id).await?;
    let outage = scope.get::<incidents::Entity>(&txn, outage_id).await?;
    let Some(component) = scope
        .find::<status_page_components::Entity>()
        .filter(status_page_components::Column::PageId.eq(page_id))
        .filter(status_page_components::Column::MonitorId.eq(outage.monitor_id))
        .one(&txn)
        .await?
    else {
        return Err(ApiError::field("outageId", "its monitor is not a component of this page"));
    };
    if published(&txn, &outage, page.id).await?.is_some() {
        return Err(ApiError::conflict("outageId", "this outage is already published on this page"));
    }
    let incident = insert_from_outage(&txn, mail, &page, &component, &outage, now).await?;
    let changes = serde_json::json!({ "title": incident.title, "outage": outage_id.to_string() });
    let entity = ("status_incident", incident.id);
    audit::record_in(&txn, audit, scope, actions::STATUS_INCIDENT_CREATED, entity, changes).await?;
    txn.commit().await?;
    mail.wake();
    Ok(incident)
}

async fn published(
    db: &impl ConnectionTrait,
    outage: &incidents::Model,
    page_id: Uuid,
) -> Result<Option<status_incidents::Model>, DbErr> {
    status_incidents::Entity::find()
        .filter(status_incidents::Column::TenantId.eq(outage.tenant_id))
        .filter(status_incidents::Column::SourceId.eq(outage.id))
        .filter(status_incidents::Column::PageId.eq(page_id))
        .one(db)
        .await
}

/// The public incident of an outage: the component's public name, never the check's error.
/// An outage already over is published resolved.
async fn insert_from_outage(
    txn: &DatabaseTransaction,
    mail: &SubscriberMail,
    page: &status_pages::Model,
    component: &status_page_components::Model,
    outage: &incidents::Model,
    now: DateTime<Utc>,
) -> Result<status_incidents::Model, DbErr> {
    let name = &component.name;
    let draft = IncidentDraft {
        title: truncate(&format!("{name} is unavailable"), MAX_TITLE_CHARS),
        status: IncidentStatus::Investigating,
        message: format!(
            "{name} has been unavailable since {}. We are investigating.",
            outage.opened_at.format("%H:%M UTC on %Y-%m-%d")
        ),
        components: vec![(component.id, Impact::Major)],
        started_at: Some(outage.opened_at),
    };
    let incident = insert(txn, mail, page.tenant_id, page.id, Some(outage.id), draft, now).await?;
    match outage.resolved_at {
        Some(at) => {
            let message = recovered_message(name, outage, at);
            move_to(txn, mail, incident, IncidentStatus::Resolved, message, now).await
        }
        None => Ok(incident),
    }
}

fn recovered_message(name: &str, outage: &incidents::Model, at: DateTime<Utc>) -> String {
    let lasted = std::time::Duration::from_secs((at - outage.opened_at).num_seconds().max(0) as u64);
    format!("{name} is available again after {} of downtime.", humantime::format_duration(lasted))
}

fn truncate(text: &str, chars: usize) -> String {
    text.chars().take(chars).collect()
}

/// The components an incident affects.
pub async fn affected_components(
    db: &impl ConnectionTrait,
    incident: &status_incidents::Model,
) -> Result<Vec<Uuid>, DbErr> {
    Ok(affected::Entity::find()
        .filter(affected::Column::TenantId.eq(incident.tenant_id))
        .filter(affected::Column::IncidentId.eq(incident.id))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.component_id)
        .collect())
}

pub fn status_name(status: IncidentStatus) -> &'static str {
    match status {
        IncidentStatus::Investigating => "investigating",
        IncidentStatus::Identified => "identified",
        IncidentStatus::Monitoring => "monitoring",
        IncidentStatus::Resolved => "resolved",
    }
}

/// Publishes outages on the pages set to (`auto_publish_outages`) and resolves every
/// incident published from an outage when it ends, in the transaction that records it (the
/// subscribers' emails too).
pub struct OutagePublisher {
    pub mail: SubscriberMail,
}

#[async_trait::async_trait]
impl OutageFollower for OutagePublisher {
    async fn opened(
        &self,
        txn: &DatabaseTransaction,
        outage: &incidents::Model,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        let components = status_page_components::Entity::find()
            .filter(status_page_components::Column::TenantId.eq(outage.tenant_id))
            .filter(status_page_components::Column::MonitorId.eq(outage.monitor_id))
            .all(txn)
            .await?;
        for component in components {
            let Some(page) = status_pages::Entity::find_by_id(component.page_id)
                .filter(status_pages::Column::TenantId.eq(outage.tenant_id))
                .filter(status_pages::Column::AutoPublishOutages.eq(true))
                .one(txn)
                .await?
            else {
                continue;
            };
            // A reopened outage (a resume mid-outage) is already published.
            if published(txn, outage, page.id).await?.is_some() {
                continue;
            }
            let incident = insert_from_outage(txn, &self.mail, &page, &component, outage, at).await?;
            let scope = TenantScope::system(txn, outage.tenant_id)
                .await
                .map_err(|err| DbErr::Custom(err.to_string()))?;
            let changes = serde_json::json!({ "title": incident.title, "outage": outage.id.to_string() });
            let entity = ("status_incident", incident.id);
            let context = AuditContext::system("outage_publisher");
            audit::record_in(txn, &context, &scope, actions::STATUS_INCIDENT_CREATED, entity, changes)
                .await?;
        }
        Ok(())
    }

    async fn resolved(
        &self,
        txn: &DatabaseTransaction,
        outage: &incidents::Model,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        let open = status_incidents::Entity::find()
            .filter(status_incidents::Column::TenantId.eq(outage.tenant_id))
            .filter(status_incidents::Column::SourceId.eq(outage.id))
            .filter(status_incidents::Column::Status.ne(IncidentStatus::Resolved))
            .all(txn)
            .await?;
        for incident in open {
            let name = status_page_components::Entity::find()
                .filter(status_page_components::Column::TenantId.eq(outage.tenant_id))
                .filter(status_page_components::Column::PageId.eq(incident.page_id))
                .filter(status_page_components::Column::MonitorId.eq(outage.monitor_id))
                .one(txn)
                .await?
                .map_or_else(|| "The service".to_owned(), |component| component.name);
            let message = recovered_message(&name, outage, at);
            move_to(txn, &self.mail, incident, IncidentStatus::Resolved, message, at).await?;
        }
        Ok(())
    }
}

/// A page's incidents, newest first; `active` keeps only unresolved (`true`) or resolved ones.
pub async fn list(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    page_id: Uuid,
    active: Option<bool>,
    page: &PageRequest,
) -> Result<Page<status_incidents::Model>, DbErr> {
    let mut query = status_incidents::Entity::find()
        .filter(status_incidents::Column::TenantId.eq(tenant_id))
        .filter(status_incidents::Column::PageId.eq(page_id));
    query = match active {
        Some(true) => query.filter(status_incidents::Column::Status.ne(IncidentStatus::Resolved)),
        Some(false) => query.filter(status_incidents::Column::Status.eq(IncidentStatus::Resolved)),
        None => query,
    };
    let columns = (status_incidents::Column::StartedAt, status_incidents::Column::Id);
    crate::db::paging::newest_first(db, query, columns, page).await
}

pub fn cursor(incident: &status_incidents::Model) -> Cursor {
    Cursor { at: incident.started_at, id: incident.id }
}

/// The timelines and affected components of `incidents` (two queries, plus one for the
/// components' names).
pub async fn views(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    incidents: Vec<status_incidents::Model>,
) -> Result<Vec<IncidentView>, DbErr> {
    if incidents.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = incidents.iter().map(|incident| incident.id).collect();
    let mut timelines: HashMap<Uuid, Vec<updates::Model>> = HashMap::new();
    for update in updates::Entity::find()
        .filter(updates::Column::TenantId.eq(tenant_id))
        .filter(updates::Column::IncidentId.is_in(ids.clone()))
        .order_by_asc(updates::Column::CreatedAt)
        .order_by_asc(updates::Column::Id)
        .all(db)
        .await?
    {
        timelines.entry(update.incident_id).or_default().push(update);
    }
    let rows = affected::Entity::find()
        .filter(affected::Column::TenantId.eq(tenant_id))
        .filter(affected::Column::IncidentId.is_in(ids))
        .all(db)
        .await?;
    let component_ids: Vec<Uuid> = rows.iter().map(|row| row.component_id).collect();
    let components: HashMap<Uuid, status_page_components::Model> = if component_ids.is_empty() {
        HashMap::new()
    } else {
        status_page_components::Entity::find()
            .filter(status_page_components::Column::TenantId.eq(tenant_id))
            .filter(status_page_components::Column::Id.is_in(component_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|component| (component.id, component))
            .collect()
    };
    let mut affected_of: HashMap<Uuid, Vec<(status_page_components::Model, Impact)>> = HashMap::new();
    for row in rows {
        if let Some(component) = components.get(&row.component_id) {
            affected_of.entry(row.incident_id).or_default().push((component.clone(), row.impact));
        }
    }
    Ok(incidents
        .into_iter()
        .map(|incident| {
            let mut components = affected_of.remove(&incident.id).unwrap_or_default();
            components.sort_by_key(|(component, _)| component.position);
            IncidentView { updates: timelines.remove(&incident.id).unwrap_or_default(), components, incident }
        })
        .collect())
}

pub async fn get(db: &DatabaseConnection, scope: &TenantScope, id: Uuid) -> Result<IncidentView, ApiError> {
    let incident = scope.get::<status_incidents::Entity>(db, id).await?;
    let mut views = views(db, scope.tenant_id(), vec![incident]).await?;
    views.pop().ok_or_else(|| ApiError::internal("an incident without its view"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_messages() {
        assert_eq!(parse_title("  API is slow ").unwrap(), "API is slow");
        assert!(parse_title("").is_err());
        assert!(parse_title("a\nb").is_err());
        assert!(parse_title(&"x".repeat(121)).is_err());
        assert_eq!(parse_message(" line one\r\nline two ").unwrap(), "line one\nline two");
        assert!(parse_message("  ").is_err());
        assert!(parse_message("bell\u{7}").is_err());
        assert!(parse_message(&"x".repeat(5001)).is_err());
    }
}
