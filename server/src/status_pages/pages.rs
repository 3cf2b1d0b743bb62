//! Managing status pages: list, read, create, update, delete, and setting a page's components
//! (chosen monitors under public names, in ordered groups). Viewers read; members and above
//! change them.

use chrono::{DateTime, Utc};
use entity::memberships::Role;
use entity::{monitors, status_page_components, status_pages};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

use crate::audit::{self, AuditContext, actions};
use crate::auth::TenantScope;
use crate::kernel::ApiError;
use crate::kernel::input::parse_name;

pub const MAX_PAGES_PER_TENANT: u64 = 20;
pub const MAX_COMPONENTS_PER_PAGE: usize = 200;
const MAX_DESCRIPTION_CHARS: usize = 500;

/// Paths the tenant host already uses; a page cannot take them.
const RESERVED_SLUGS: &[&str] = &[
    "app",
    "graphql",
    "graphiql",
    "ping",
    "health",
    "internal",
    "metrics",
    "assets",
    "uploads",
    "feeds",
    "badges",
    "subscriptions",
    "unsubscribe",
    "login",
    "signup",
    "sign-up",
    "log-in",
    "verify",
    "verify-email",
    "reset-password",
    "forgot-password",
    "accept-invitation",
    "invitations",
    "invite",
    "accept",
    "logout",
    "static",
    "favicon.ico",
    "robots.txt",
];

/// `""` (the default page at `/`) or 1 to 40 of `a-z 0-9 -`, not starting or ending with `-`,
/// and not a path the host already serves.
pub fn parse_slug(raw: &str) -> Result<String, String> {
    let slug = raw.trim().trim_matches('/').to_lowercase();
    if slug.is_empty() {
        return Ok(slug);
    }
    if slug.chars().count() > 40 {
        return Err("must be at most 40 characters".into());
    }
    if !slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || slug.starts_with('-')
        || slug.ends_with('-')
    {
        return Err("may use only a-z, 0-9 and '-' (not at either end)".into());
    }
    if RESERVED_SLUGS.contains(&slug.as_str()) {
        return Err(format!("`{slug}` is a path Beacon already uses"));
    }
    Ok(slug)
}

pub fn parse_title(raw: &str) -> Result<String, String> {
    let title = parse_name(raw)?;
    if title.chars().count() > 80 { Err("must be at most 80 characters".into()) } else { Ok(title) }
}

pub fn parse_description(raw: &str) -> Result<String, String> {
    let description = raw.trim().to_owned();
    if description.chars().count() > MAX_DESCRIPTION_CHARS {
        return Err(format!("must be at most {MAX_DESCRIPTION_CHARS} characters"));
    }
    if description.chars().any(|c| c.is_control() && c != '\n') {
        return Err("may not contain control characters".into());
    }
    Ok(description)
}

/// A page as the user describes it (parsed).
#[derive(Debug, Clone)]
pub struct PageDraft {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub auto_publish_outages: bool,
}

/// One component as the user describes it (parsed); the list's order is the page's order.
#[derive(Debug, Clone)]
pub struct ComponentDraft {
    pub monitor_id: Uuid,
    pub name: String,
    pub group: String,
}

pub async fn list(
    db: &DatabaseConnection,
    scope: &TenantScope,
) -> Result<Vec<status_pages::Model>, ApiError> {
    Ok(scope.find::<status_pages::Entity>().order_by_asc(status_pages::Column::Slug).all(db).await?)
}

pub async fn get(
    db: &DatabaseConnection,
    scope: &TenantScope,
    id: Uuid,
) -> Result<status_pages::Model, ApiError> {
    scope.get::<status_pages::Entity>(db, id).await
}

pub async fn components(
    db: &DatabaseConnection,
    scope: &TenantScope,
    page_id: Uuid,
) -> Result<Vec<status_page_components::Model>, ApiError> {
    Ok(scope
        .find::<status_page_components::Entity>()
        .filter(status_page_components::Column::PageId.eq(page_id))
        .order_by_asc(status_page_components::Column::Position)
        .all(db)
        .await?)
}

fn slug_taken(slug: &str) -> ApiError {
    let what = if slug.is_empty() { "the default page".to_owned() } else { format!("a page at /{slug}") };
    ApiError::field("slug", format!("this organization already has {what}"))
}

pub async fn create(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    draft: PageDraft,
) -> Result<status_pages::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    if scope.find::<status_pages::Entity>().count(&txn).await? >= MAX_PAGES_PER_TENANT {
        return Err(ApiError::field(
            "title",
            format!("an organization has at most {MAX_PAGES_PER_TENANT} pages"),
        ));
    }
    let taken =
        scope.find::<status_pages::Entity>().filter(status_pages::Column::Slug.eq(&draft.slug)).count(&txn);
    if taken.await? > 0 {
        return Err(slug_taken(&draft.slug));
    }
    let page = status_pages::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(scope.tenant_id()),
        slug: Set(draft.slug),
        title: Set(draft.title),
        description: Set(draft.description),
        auto_publish_outages: Set(draft.auto_publish_outages),
        logo_upload_id: Set(None),
        favicon_upload_id: Set(None),
        access: Set(status_pages::Access::Public),
        password_hash: Set(None),
        email_domains: Set(String::new()),
        access_version: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let changes = serde_json::json!({ "slug": page.slug, "title": page.title });
    audit::record_in(&txn, audit, scope, actions::STATUS_PAGE_CREATED, ("status_page", page.id), changes)
        .await?;
    txn.commit().await?;
    Ok(page)
}

pub async fn update(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    id: Uuid,
    draft: PageDraft,
) -> Result<status_pages::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    let current = scope.get::<status_pages::Entity>(&txn, id).await?;
    if draft.slug != current.slug {
        let taken = scope
            .find::<status_pages::Entity>()
            .filter(status_pages::Column::Slug.eq(&draft.slug))
            .count(&txn)
            .await?;
        if taken > 0 {
            return Err(slug_taken(&draft.slug));
        }
    }
    let mut active: status_pages::ActiveModel = current.into();
    active.slug = Set(draft.slug);
    active.title = Set(draft.title);
    active.description = Set(draft.description);
    active.auto_publish_outages = Set(draft.auto_publish_outages);
    active.updated_at = Set(now);
    let page = active.update(&txn).await?;
    let changes = serde_json::json!({
        "slug": page.slug, "title": page.title, "autoPublishOutages": page.auto_publish_outages,
    });
    audit::record_in(&txn, audit, scope, actions::STATUS_PAGE_UPDATED, ("status_page", id), changes).await?;
    txn.commit().await?;
    Ok(page)
}

pub async fn delete(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    id: Uuid,
) -> Result<status_pages::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    let page = scope.get::<status_pages::Entity>(&txn, id).await?;
    // Its custom domains go with it (the caller reloads the hostname registry).
    scope
        .delete_many::<entity::tenant_domains::Entity>()
        .filter(entity::tenant_domains::Column::Kind.eq(entity::tenant_domains::DomainKind::Custom))
        .filter(entity::tenant_domains::Column::PageId.eq(id))
        .exec(&txn)
        .await?;
    scope.delete_many::<status_pages::Entity>().filter(status_pages::Column::Id.eq(id)).exec(&txn).await?;
    let changes = serde_json::json!({ "slug": page.slug, "title": page.title });
    audit::record_in(&txn, audit, scope, actions::STATUS_PAGE_DELETED, ("status_page", id), changes).await?;
    txn.commit().await?;
    Ok(page)
}

/// Replaces the page's components with `drafts`, in that order. Another organization's monitor
/// is `NOT_FOUND`, like a missing one; a monitor listed twice is a field error.
pub async fn set_components(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    page_id: Uuid,
    drafts: Vec<ComponentDraft>,
) -> Result<status_pages::Model, ApiError> {
    scope.require(Role::Member)?;
    if drafts.len() > MAX_COMPONENTS_PER_PAGE {
        return Err(ApiError::field("components", format!("at most {MAX_COMPONENTS_PER_PAGE} per page")));
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(index) = drafts.iter().position(|draft| !seen.insert(draft.monitor_id)) {
        return Err(ApiError::field(format!("components.{index}.monitorId"), "is already on this page"));
    }
    let txn = crate::db::begin_write(db).await?;
    let page = scope.get::<status_pages::Entity>(&txn, page_id).await?;
    let ids: Vec<Uuid> = drafts.iter().map(|draft| draft.monitor_id).collect();
    let found = scope.find::<monitors::Entity>().filter(monitors::Column::Id.is_in(ids)).count(&txn).await?;
    if found as usize != drafts.len() {
        return Err(ApiError::NotFound { entity: "monitor" });
    }
    // A component keeps its id while its monitor stays on the page: badge URLs in READMEs and
    // the incidents that name it survive an edit of the list.
    let existing: std::collections::HashMap<Uuid, status_page_components::Model> = scope
        .find::<status_page_components::Entity>()
        .filter(status_page_components::Column::PageId.eq(page_id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|component| (component.monitor_id, component))
        .collect();
    let gone: Vec<Uuid> = existing
        .values()
        .filter(|component| !drafts.iter().any(|draft| draft.monitor_id == component.monitor_id))
        .map(|component| component.id)
        .collect();
    if !gone.is_empty() {
        scope
            .delete_many::<status_page_components::Entity>()
            .filter(status_page_components::Column::Id.is_in(gone))
            .exec(&txn)
            .await?;
    }
    let mut added = Vec::new();
    for (position, draft) in drafts.iter().enumerate() {
        match existing.get(&draft.monitor_id) {
            Some(kept) => {
                let mut active: status_page_components::ActiveModel = kept.clone().into();
                active.name = Set(draft.name.clone());
                active.group_name = Set(draft.group.clone());
                active.position = Set(position as i32);
                active.update(&txn).await?;
            }
            None => added.push(status_page_components::ActiveModel {
                id: Set(Uuid::now_v7()),
                tenant_id: Set(scope.tenant_id()),
                page_id: Set(page_id),
                monitor_id: Set(draft.monitor_id),
                name: Set(draft.name.clone()),
                group_name: Set(draft.group.clone()),
                position: Set(position as i32),
            }),
        }
    }
    if !added.is_empty() {
        status_page_components::Entity::insert_many(added).exec(&txn).await?;
    }
    let mut active: status_pages::ActiveModel = page.into();
    active.updated_at = Set(now);
    let page = active.update(&txn).await?;
    let names: Vec<&str> = drafts.iter().map(|draft| draft.name.as_str()).collect();
    let changes = serde_json::json!({ "components": names });
    audit::record_in(&txn, audit, scope, actions::STATUS_PAGE_UPDATED, ("status_page", page_id), changes)
        .await?;
    txn.commit().await?;
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_paths_the_host_does_not_already_use() {
        assert_eq!(parse_slug("").unwrap(), "");
        assert_eq!(parse_slug(" /API-v2/ ").unwrap(), "api-v2");
        for bad in ["app", "graphql", "-x", "x-", "a b", "ü", &"x".repeat(41)] {
            assert!(parse_slug(bad).is_err(), "{bad:?}");
        }
    }
}
