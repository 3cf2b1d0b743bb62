//! Email subscribers of a status page. A visitor subscribes (optionally to chosen components);
//! nothing is sent but the confirmation until they open its link (double opt-in). Confirmed
//! subscribers get every incident update of the page that touches their components, written to
//! the outbox in the transaction of the update, each with a one-click unsubscribe link (RFC 8058
//! headers and a link in the body). The organization lists, removes and exports them.
//!
//! Abuse: the resolver limits attempts per client IP and per address; here, a confirmation is
//! re-sent to one address for one page at most every [`RESEND_AFTER_MINUTES`], and the answer is
//! the same whether the address was new, pending or confirmed (no enumeration).

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use entity::memberships::Role;
use entity::status_incident_updates as updates;
use entity::{status_incidents, status_page_components, status_pages, tenants};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr,
    EntityTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::audit::{self, AuditContext, actions};
use crate::auth::TenantScope;
use crate::kernel::input::EmailAddress;
use crate::kernel::paging::{Cursor, Page, PageRequest};
use crate::kernel::{ApiError, Links};
use crate::mail::templates::{IncidentUpdate, SubscriptionConfirm};
use crate::mail::{NewEmail, Outbox};

/// A pending address gets another confirmation at most this often.
pub const RESEND_AFTER_MINUTES: i64 = 10;

/// A layer above status pages that hears each update posted on an incident, in the
/// transaction that posts it (alert channels routed to incident updates).
#[async_trait::async_trait]
pub trait UpdateFollower: Send + Sync {
    async fn posted(
        &self,
        txn: &DatabaseTransaction,
        incident: &status_incidents::Model,
        update: &updates::Model,
        page_url: &str,
    ) -> Result<(), DbErr>;

    /// The transaction that posted updates committed.
    fn committed(&self) {}
}

/// Who hears an incident update: subscribers by mail (the outbox, and the links their messages
/// carry), and the [`UpdateFollower`]s.
#[derive(Clone)]
pub struct SubscriberMail {
    pub outbox: Outbox,
    pub links: Links,
    pub followers: std::sync::Arc<[std::sync::Arc<dyn UpdateFollower>]>,
}

impl SubscriberMail {
    /// Mails the update to the page's subscribers and tells the followers, in `txn`.
    pub async fn announce(
        &self,
        txn: &DatabaseTransaction,
        incident: &status_incidents::Model,
        update: &updates::Model,
    ) -> Result<(), DbErr> {
        self.incident_update(txn, incident, update).await?;
        if self.followers.is_empty() {
            return Ok(());
        }
        let (Some(tenant), Some(page)) = (
            tenants::Entity::find_by_id(incident.tenant_id).one(txn).await?,
            status_pages::Entity::find_by_id(incident.page_id).one(txn).await?,
        ) else {
            return Ok(());
        };
        let page_url = self.page_url(&tenant, &page);
        for follower in self.followers.iter() {
            follower.posted(txn, incident, update, &page_url).await?;
        }
        Ok(())
    }

    /// After the transaction that announced updates committed: send now, not at the next poll.
    pub fn wake(&self) {
        self.outbox.wake();
        self.followers.iter().for_each(|follower| follower.committed());
    }

    pub fn page_url(&self, tenant: &tenants::Model, page: &status_pages::Model) -> String {
        let path = if page.slug.is_empty() { "/".to_owned() } else { format!("/{}", page.slug) };
        self.links.tenant(&tenant.slug, &path)
    }

    /// The link in the message: a page that asks before it unsubscribes (link scanners open
    /// every link in a message).
    pub fn unsubscribe_url(&self, tenant: &tenants::Model, token: &str) -> String {
        self.links.tenant(&tenant.slug, &format!("/unsubscribe/{token}"))
    }

    /// The `List-Unsubscribe` URL: a `POST` ends the subscription at once (RFC 8058).
    pub fn one_click_url(&self, tenant: &tenants::Model, token: &str) -> String {
        self.links.tenant(&tenant.slug, &format!("/subscriptions/{token}/unsubscribe"))
    }

    fn confirm_url(&self, tenant: &tenants::Model, token: &str) -> String {
        self.links.tenant(&tenant.slug, &format!("/subscriptions/confirm?token={token}"))
    }

    /// Queues the update's email to every confirmed subscriber of the incident's page whose
    /// components it touches (an incident naming no component touches everyone). Call in the
    /// transaction that wrote the update; returns how many were queued.
    async fn incident_update(
        &self,
        txn: &DatabaseTransaction,
        incident: &status_incidents::Model,
        update: &updates::Model,
    ) -> Result<usize, DbErr> {
        let tenant_id = incident.tenant_id;
        let subscribers = entity::status_subscribers::Entity::find()
            .filter(entity::status_subscribers::Column::TenantId.eq(tenant_id))
            .filter(entity::status_subscribers::Column::PageId.eq(incident.page_id))
            .filter(entity::status_subscribers::Column::ConfirmedAt.is_not_null())
            .all(txn)
            .await?;
        if subscribers.is_empty() {
            return Ok(0);
        }
        let affected = super::incidents::affected_components(txn, incident).await?;
        let (Some(tenant), Some(page)) = (
            tenants::Entity::find_by_id(tenant_id).one(txn).await?,
            status_pages::Entity::find_by_id(incident.page_id).one(txn).await?,
        ) else {
            return Ok(0);
        };
        let content = |token: &str| {
            IncidentUpdate {
                incident_title: incident.title.clone(),
                status: status_label(update.status).to_owned(),
                message: update.message.clone(),
                tenant_name: tenant.name.clone(),
                status_page_url: self.page_url(&tenant, &page),
                unsubscribe_url: self.unsubscribe_url(&tenant, token),
            }
            .email()
        };
        let mut queued = 0;
        for subscriber in subscribers {
            let chosen = subscriber.components();
            if !(chosen.is_empty() || affected.is_empty() || chosen.iter().any(|id| affected.contains(id))) {
                continue;
            }
            let email = NewEmail {
                tenant_id: Some(tenant_id),
                kind: "status_incident_update",
                recipient: subscriber.email.clone(),
                content: content(&subscriber.token),
                dedup_key: Some(format!("status_incident_update:{}:{}", update.id, subscriber.id)),
                list_unsubscribe: Some(self.one_click_url(&tenant, &subscriber.token)),
            };
            self.outbox.enqueue(txn, email).await?;
            queued += 1;
        }
        Ok(queued)
    }
}

pub fn status_label(status: status_incidents::IncidentStatus) -> &'static str {
    use status_incidents::IncidentStatus::*;
    match status {
        Investigating => "Investigating",
        Identified => "Identified",
        Monitoring => "Monitoring",
        Resolved => "Resolved",
    }
}

fn new_token() -> String {
    use base64::Engine;
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Subscribes `email` to the page at `slug` of `tenant`: a new or pending address gets a
/// confirmation email (at most every [`RESEND_AFTER_MINUTES`]); a confirmed one gets nothing.
/// `components` must be the page's (`BAD_USER_INPUT` on `componentIds` otherwise); empty means
/// all. Returns whether a confirmation was queued (the caller answers the same either way).
pub async fn subscribe(
    db: &DatabaseConnection,
    mail: &SubscriberMail,
    tenant: &tenants::Model,
    slug: &str,
    email: EmailAddress,
    components: Vec<Uuid>,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let txn = crate::db::begin_write(db).await?;
    let Some(page) = status_pages::Entity::find()
        .filter(status_pages::Column::TenantId.eq(tenant.id))
        .filter(status_pages::Column::Slug.eq(slug))
        .one(&txn)
        .await?
    else {
        return Err(ApiError::not_found("status page"));
    };
    let mut components = components;
    components.sort_unstable();
    components.dedup();
    if !components.is_empty() {
        let found = status_page_components::Entity::find()
            .filter(status_page_components::Column::TenantId.eq(tenant.id))
            .filter(status_page_components::Column::PageId.eq(page.id))
            .filter(status_page_components::Column::Id.is_in(components.clone()))
            .all(&txn)
            .await?;
        if found.len() != components.len() {
            return Err(ApiError::field("componentIds", "are not all components of this page"));
        }
    }
    let component_ids = components.iter().map(Uuid::to_string).collect::<Vec<_>>().join(",");
    let existing = entity::status_subscribers::Entity::find()
        .filter(entity::status_subscribers::Column::TenantId.eq(tenant.id))
        .filter(entity::status_subscribers::Column::PageId.eq(page.id))
        .filter(entity::status_subscribers::Column::Email.eq(email.as_str()))
        .one(&txn)
        .await?;
    let token = match existing {
        Some(confirmed) if confirmed.confirmed_at.is_some() => return Ok(false),
        Some(pending) if now - pending.confirmation_sent_at < Duration::minutes(RESEND_AFTER_MINUTES) => {
            return Ok(false);
        }
        Some(pending) => {
            // A new token: an older confirmation link stops working.
            let token = new_token();
            let mut active: entity::status_subscribers::ActiveModel = pending.into();
            active.token = Set(token.clone());
            active.component_ids = Set(component_ids);
            active.confirmation_sent_at = Set(now);
            active.update(&txn).await?;
            token
        }
        None => {
            let token = new_token();
            entity::status_subscribers::ActiveModel {
                id: Set(Uuid::now_v7()),
                tenant_id: Set(tenant.id),
                page_id: Set(page.id),
                email: Set(email.as_str().to_owned()),
                component_ids: Set(component_ids),
                token: Set(token.clone()),
                confirmed_at: Set(None),
                confirmation_sent_at: Set(now),
                created_at: Set(now),
            }
            .insert(&txn)
            .await?;
            token
        }
    };
    let content = SubscriptionConfirm {
        page_title: page.title.clone(),
        tenant_name: tenant.name.clone(),
        confirm_url: mail.confirm_url(tenant, &token),
    }
    .email();
    let message = NewEmail {
        tenant_id: Some(tenant.id),
        kind: "subscription_confirm",
        recipient: email.as_str().to_owned(),
        content,
        dedup_key: None,
        list_unsubscribe: None,
    };
    mail.outbox.enqueue(&txn, message).await?;
    txn.commit().await?;
    mail.outbox.wake();
    Ok(true)
}

/// Confirms the subscription of `token`; `false` for an unknown token (or one replaced by a
/// newer confirmation).
pub async fn confirm(db: &DatabaseConnection, token: &str, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let Some(subscriber) = by_token(db, token).await? else { return Ok(false) };
    if subscriber.confirmed_at.is_none() {
        let mut active: entity::status_subscribers::ActiveModel = subscriber.into();
        active.confirmed_at = Set(Some(now));
        active.update(db).await?;
    }
    Ok(true)
}

/// Ends the subscription of `token`. Idempotent: `false` when there is none (any more).
pub async fn unsubscribe(db: &DatabaseConnection, token: &str) -> Result<bool, DbErr> {
    let Some(subscriber) = by_token(db, token).await? else { return Ok(false) };
    entity::status_subscribers::Entity::delete_by_id(subscriber.id).exec(db).await?;
    Ok(true)
}

async fn by_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<entity::status_subscribers::Model>, DbErr> {
    let token = token.trim();
    if token.len() < 32 || token.len() > 64 {
        return Ok(None);
    }
    entity::status_subscribers::Entity::find()
        .filter(entity::status_subscribers::Column::Token.eq(token))
        .one(db)
        .await
}

/// The subscription of `token` if it belongs to `tenant_id`, with its page and the public
/// names of its components (empty: all of them).
pub async fn by_token_on(
    db: &DatabaseConnection,
    tenant_id: Uuid,
    token: &str,
) -> Result<Option<(entity::status_subscribers::Model, status_pages::Model, Vec<String>)>, DbErr> {
    let Some(subscriber) = by_token(db, token).await?.filter(|s| s.tenant_id == tenant_id) else {
        return Ok(None);
    };
    let Some(page) = status_pages::Entity::find_by_id(subscriber.page_id)
        .filter(status_pages::Column::TenantId.eq(tenant_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let chosen = subscriber.components();
    let names = if chosen.is_empty() {
        Vec::new()
    } else {
        status_page_components::Entity::find()
            .filter(status_page_components::Column::TenantId.eq(tenant_id))
            .filter(status_page_components::Column::Id.is_in(chosen))
            .order_by_asc(status_page_components::Column::Position)
            .all(db)
            .await?
            .into_iter()
            .map(|component| component.name)
            .collect()
    };
    Ok(Some((subscriber, page, names)))
}

/// A subscriber as the organization sees it: the names of the chosen components.
pub struct SubscriberView {
    pub subscriber: entity::status_subscribers::Model,
    pub components: Vec<(Uuid, String)>,
}

async fn with_names(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    page_id: Uuid,
    rows: Vec<entity::status_subscribers::Model>,
) -> Result<Vec<SubscriberView>, DbErr> {
    let names: HashMap<Uuid, String> = scope
        .find::<status_page_components::Entity>()
        .filter(status_page_components::Column::PageId.eq(page_id))
        .all(db)
        .await?
        .into_iter()
        .map(|component| (component.id, component.name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|subscriber| SubscriberView {
            components: subscriber
                .components()
                .into_iter()
                .filter_map(|id| names.get(&id).map(|name| (id, name.clone())))
                .collect(),
            subscriber,
        })
        .collect())
}

/// A page's subscribers, newest first. Viewers read.
pub async fn list(
    db: &DatabaseConnection,
    scope: &TenantScope,
    page_id: Uuid,
    page: &PageRequest,
) -> Result<Page<SubscriberView>, ApiError> {
    scope.get::<status_pages::Entity>(db, page_id).await?;
    let query = scope
        .find::<entity::status_subscribers::Entity>()
        .filter(entity::status_subscribers::Column::PageId.eq(page_id));
    let columns = (entity::status_subscribers::Column::CreatedAt, entity::status_subscribers::Column::Id);
    let rows = crate::db::paging::newest_first(db, query, columns, page).await?;
    let has_next_page = rows.has_next_page;
    let items = with_names(db, scope, page_id, rows.items).await?;
    Ok(Page { items, has_next_page })
}

pub fn cursor(view: &SubscriberView) -> Cursor {
    Cursor { at: view.subscriber.created_at, id: view.subscriber.id }
}

/// Every subscriber of a page as CSV (RFC 4180): email, status, components, subscribed at,
/// confirmed at. Admins and owners (it is a list of personal addresses).
pub async fn csv(db: &DatabaseConnection, scope: &TenantScope, page_id: Uuid) -> Result<String, ApiError> {
    scope.require(Role::Admin)?;
    scope.get::<status_pages::Entity>(db, page_id).await?;
    let rows = scope
        .find::<entity::status_subscribers::Entity>()
        .filter(entity::status_subscribers::Column::PageId.eq(page_id))
        .order_by_asc(entity::status_subscribers::Column::CreatedAt)
        .order_by_asc(entity::status_subscribers::Column::Id)
        .all(db)
        .await?;
    let views = with_names(db, scope, page_id, rows).await?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |err: csv::Error| ApiError::internal(format!("the CSV could not be written: {err}"));
    writer
        .write_record(["email", "status", "components", "subscribed_at", "confirmed_at"])
        .map_err(failed)?;
    for view in views {
        let subscriber = &view.subscriber;
        let components = if view.components.is_empty() {
            "all".to_owned()
        } else {
            view.components.iter().map(|(_, name)| name.as_str()).collect::<Vec<_>>().join("; ")
        };
        let status = if subscriber.confirmed_at.is_some() { "confirmed" } else { "pending" };
        writer
            .write_record([
                neutralised(&subscriber.email),
                status.to_owned(),
                neutralised(&components),
                subscriber.created_at.to_rfc3339(),
                subscriber.confirmed_at.map(|at| at.to_rfc3339()).unwrap_or_default(),
            ])
            .map_err(failed)?;
    }
    let bytes = writer.into_inner().map_err(|err| ApiError::internal(err.to_string()))?;
    String::from_utf8(bytes).map_err(|err| ApiError::internal(err.to_string()))
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed with a
/// quote (OWASP CSV injection).
fn neutralised(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_owned() }
}

/// Removes a subscriber. Members and above.
pub async fn remove(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    id: Uuid,
) -> Result<entity::status_subscribers::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    let subscriber = scope.get::<entity::status_subscribers::Entity>(&txn, id).await?;
    scope
        .delete_many::<entity::status_subscribers::Entity>()
        .filter(entity::status_subscribers::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    // The address is personal data: the audit row names the page, not the address.
    let changes = serde_json::json!({ "page": subscriber.page_id.to_string() });
    audit::record_in(
        &txn,
        audit,
        scope,
        actions::STATUS_SUBSCRIBER_REMOVED,
        ("status_subscriber", id),
        changes,
    )
    .await?;
    txn.commit().await?;
    Ok(subscriber)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(neutralised("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralised("@sum"), "'@sum");
        assert_eq!(neutralised("ann@example.org"), "ann@example.org");
    }

    #[test]
    fn tokens_are_long_and_url_safe() {
        let token = new_token();
        assert_eq!(token.len(), 43);
        assert!(token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_ne!(token, new_token());
    }
}
