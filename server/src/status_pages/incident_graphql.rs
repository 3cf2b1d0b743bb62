//! Public incidents over GraphQL: the organization's side (list, read, create, post updates,
//! edit, delete, publish a detected outage) and the timeline visitors see on the public page.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::status_incident_components::Impact;
use entity::status_incidents::IncidentStatus;
use sea_orm::DatabaseConnection;

use super::graphql::changed;
use super::incidents::{self, IncidentDraft, IncidentView};
use super::public;
use super::subscribers::SubscriberMail;
use crate::audit::AuditContext;
use crate::auth::graphql::scope;
use crate::graphql::connection::{PageConnection, connection};
use crate::kernel::ids::parse_id;
use crate::kernel::paging::PageRequest;
use crate::kernel::{ApiError, FieldErrors, RequestMeta, SharedClock};

fn db<'a>(ctx: &'a Context<'_>) -> &'a DatabaseConnection {
    ctx.data_unchecked::<DatabaseConnection>()
}

fn now(ctx: &Context<'_>) -> DateTime<Utc> {
    ctx.data_unchecked::<SharedClock>().now()
}

fn mail<'a>(ctx: &'a Context<'_>) -> &'a SubscriberMail {
    ctx.data_unchecked::<SubscriberMail>()
}

fn audit(ctx: &Context<'_>) -> AuditContext {
    AuditContext::from(ctx.data_unchecked::<RequestMeta>())
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::status_incidents::IncidentStatus")]
pub enum StatusIncidentStatus {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::status_incident_components::Impact")]
pub enum IncidentImpact {
    /// Slower or less reliable than usual.
    Degraded,
    /// Out for some users or features.
    Partial,
    /// Out.
    Major,
}

/// An incident as its organization manages it.
#[derive(SimpleObject)]
pub struct StatusIncident {
    pub id: ID,
    pub page_id: ID,
    pub title: String,
    pub status: StatusIncidentStatus,
    /// The worst impact on a component; null when it names none.
    pub impact: Option<IncidentImpact>,
    pub components: Vec<AffectedComponent>,
    /// Oldest first.
    pub updates: Vec<StatusIncidentUpdate>,
    /// The detected outage it was published from.
    pub outage_id: Option<ID>,
    pub started_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(SimpleObject)]
pub struct AffectedComponent {
    pub component_id: ID,
    /// Its public name.
    pub name: String,
    pub impact: IncidentImpact,
}

#[derive(SimpleObject)]
pub struct StatusIncidentUpdate {
    pub id: ID,
    pub status: StatusIncidentStatus,
    pub message: String,
    pub created_at: DateTime<Utc>,
    /// When its message was last corrected.
    pub edited_at: Option<DateTime<Utc>>,
}

impl From<IncidentView> for StatusIncident {
    fn from(view: IncidentView) -> Self {
        let incident = view.incident;
        Self {
            id: ID(incident.id.to_string()),
            page_id: ID(incident.page_id.to_string()),
            title: incident.title,
            status: incident.status.into(),
            impact: view.components.iter().map(|(_, impact)| *impact).max().map(Into::into),
            components: view
                .components
                .into_iter()
                .map(|(component, impact)| AffectedComponent {
                    component_id: ID(component.id.to_string()),
                    name: component.name,
                    impact: impact.into(),
                })
                .collect(),
            updates: view
                .updates
                .into_iter()
                .map(|update| StatusIncidentUpdate {
                    id: ID(update.id.to_string()),
                    status: update.status.into(),
                    message: update.message,
                    created_at: update.created_at,
                    edited_at: update.edited_at,
                })
                .collect(),
            outage_id: incident.source_id.map(|id| ID(id.to_string())),
            started_at: incident.started_at,
            resolved_at: incident.resolved_at,
            created_at: incident.created_at,
            updated_at: incident.updated_at,
        }
    }
}

#[derive(InputObject)]
pub struct AffectedComponentInput {
    /// A component of the incident's page (`StatusPageComponent.id`).
    pub component_id: ID,
    pub impact: IncidentImpact,
}

#[derive(InputObject)]
pub struct CreateStatusIncidentInput {
    /// One line, up to 120 characters.
    pub title: String,
    #[graphql(default_with = "StatusIncidentStatus::Investigating")]
    pub status: StatusIncidentStatus,
    /// The first update's text, up to 5,000 characters.
    pub message: String,
    #[graphql(default)]
    pub components: Vec<AffectedComponentInput>,
    /// When it began, if before now.
    pub started_at: Option<DateTime<Utc>>,
}

#[derive(InputObject)]
pub struct EditStatusIncidentInput {
    pub title: String,
    /// Replaces the affected components.
    pub components: Vec<AffectedComponentInput>,
}

#[derive(InputObject)]
pub struct StatusIncidentUpdateInput {
    pub status: StatusIncidentStatus,
    pub message: String,
}

fn parse_affected(
    errors: &mut FieldErrors,
    inputs: Vec<AffectedComponentInput>,
) -> Vec<(uuid::Uuid, Impact)> {
    inputs
        .into_iter()
        .enumerate()
        .filter_map(|(index, input)| {
            let id =
                parse_id(&input.component_id, "status page component").map_err(|_| "is not an id".to_owned());
            errors.check(&format!("components.{index}.componentId"), id).map(|id| (id, input.impact.into()))
        })
        .collect()
}

#[derive(Default)]
pub struct StatusIncidentsQuery;

#[Object]
impl StatusIncidentsQuery {
    /// A page's incidents, newest first; `active` keeps only open (`true`) or resolved ones.
    async fn status_incidents(
        &self,
        ctx: &Context<'_>,
        page_id: ID,
        active: Option<bool>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<PageConnection<StatusIncident>, ApiError> {
        let scope = scope(ctx).await?;
        let page_id = parse_id(&page_id, "status page")?;
        let request = PageRequest::parse(first, after.as_deref())?;
        super::pages::get(db(ctx), &scope, page_id).await?;
        let page = incidents::list(db(ctx), scope.tenant_id(), page_id, active, &request).await?;
        let has_next_page = page.has_next_page;
        let views = incidents::views(db(ctx), scope.tenant_id(), page.items).await?;
        let page = crate::kernel::paging::Page { items: views, has_next_page };
        Ok(connection(page, |view| incidents::cursor(&view.incident), StatusIncident::from))
    }

    /// One incident; another organization's is `NOT_FOUND`.
    async fn status_incident(&self, ctx: &Context<'_>, id: ID) -> Result<StatusIncident, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "status incident")?;
        Ok(incidents::get(db(ctx), &scope, id).await?.into())
    }
}

#[derive(Default)]
pub struct StatusIncidentsMutation;

#[Object]
impl StatusIncidentsMutation {
    /// Opens an incident on a page with its first update. Members and above.
    async fn create_status_incident(
        &self,
        ctx: &Context<'_>,
        page_id: ID,
        input: CreateStatusIncidentInput,
    ) -> Result<StatusIncident, ApiError> {
        let scope = scope(ctx).await?;
        let page_id = parse_id(&page_id, "status page")?;
        let mut errors = FieldErrors::default();
        let title = errors.check("title", incidents::parse_title(&input.title));
        let message = errors.check("message", incidents::parse_message(&input.message));
        let components = parse_affected(&mut errors, input.components);
        errors.into_result()?;
        let (Some(title), Some(message)) = (title, message) else {
            return Err(ApiError::internal("incident input parsed without errors"));
        };
        let draft = IncidentDraft {
            title,
            status: input.status.into(),
            message,
            components,
            started_at: input.started_at,
        };
        let incident =
            incidents::create(db(ctx), mail(ctx), &audit(ctx), &scope, now(ctx), page_id, draft).await?;
        changed(ctx, scope.tenant_id()).await;
        Ok(incidents::get(db(ctx), &scope, incident.id).await?.into())
    }

    /// Adds an update to the timeline; `RESOLVED` resolves it, another status reopens it.
    /// Members and above.
    async fn post_status_incident_update(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: StatusIncidentUpdateInput,
    ) -> Result<StatusIncident, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "status incident")?;
        let message = incidents::parse_message(&input.message).map_err(|m| ApiError::field("message", m))?;
        let status: IncidentStatus = input.status.into();
        incidents::post_update(db(ctx), mail(ctx), &audit(ctx), &scope, now(ctx), id, (status, message))
            .await?;
        changed(ctx, scope.tenant_id()).await;
        Ok(incidents::get(db(ctx), &scope, id).await?.into())
    }

    /// Changes the title and the affected components. Members and above.
    async fn edit_status_incident(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: EditStatusIncidentInput,
    ) -> Result<StatusIncident, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "status incident")?;
        let mut errors = FieldErrors::default();
        let title = errors.check("title", incidents::parse_title(&input.title));
        let components = parse_affected(&mut errors, input.components);
        errors.into_result()?;
        let Some(title) = title else { return Err(ApiError::internal("title parsed without errors")) };
        incidents::edit(db(ctx), &audit(ctx), &scope, now(ctx), id, title, components).await?;
        changed(ctx, scope.tenant_id()).await;
        Ok(incidents::get(db(ctx), &scope, id).await?.into())
    }

    /// Corrects the message of one update. Members and above.
    async fn edit_status_incident_update(
        &self,
        ctx: &Context<'_>,
        id: ID,
        message: String,
    ) -> Result<StatusIncident, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "incident update")?;
        let message = incidents::parse_message(&message).map_err(|m| ApiError::field("message", m))?;
        let incident = incidents::edit_update(db(ctx), &audit(ctx), &scope, now(ctx), id, message).await?;
        changed(ctx, scope.tenant_id()).await;
        Ok(incidents::get(db(ctx), &scope, incident.id).await?.into())
    }

    /// Deletes an incident and its timeline; returns its id. Members and above.
    async fn delete_status_incident(&self, ctx: &Context<'_>, id: ID) -> Result<ID, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "status incident")?;
        let incident = incidents::delete(db(ctx), &audit(ctx), &scope, id).await?;
        changed(ctx, scope.tenant_id()).await;
        Ok(ID(incident.id.to_string()))
    }

    /// Publishes a detected outage (`Incident.id`) on a page that shows its monitor, as an
    /// incident that resolves by itself when the outage ends. Members and above.
    async fn publish_outage(
        &self,
        ctx: &Context<'_>,
        page_id: ID,
        outage_id: ID,
    ) -> Result<StatusIncident, ApiError> {
        let scope = scope(ctx).await?;
        let page_id = parse_id(&page_id, "status page")?;
        let outage_id = parse_id(&outage_id, "incident")?;
        let incident =
            incidents::publish_outage(db(ctx), mail(ctx), &audit(ctx), &scope, now(ctx), page_id, outage_id)
                .await?;
        changed(ctx, scope.tenant_id()).await;
        Ok(incidents::get(db(ctx), &scope, incident.id).await?.into())
    }
}

/// A published incident as visitors see it.
pub struct PublicIncidentView(pub public::PublicIncident);

#[Object(name = "PublicIncident")]
impl PublicIncidentView {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn status(&self) -> StatusIncidentStatus {
        self.0.status.into()
    }
    async fn impact(&self) -> Option<IncidentImpact> {
        self.0.impact.map(Into::into)
    }
    async fn components(&self) -> Vec<PublicAffectedComponent> {
        self.0
            .components
            .iter()
            .map(|(name, impact)| PublicAffectedComponent { name: name.clone(), impact: (*impact).into() })
            .collect()
    }
    /// Oldest first.
    async fn updates(&self) -> Vec<PublicIncidentUpdate> {
        self.0
            .updates
            .iter()
            .map(|update| PublicIncidentUpdate {
                status: update.status.into(),
                message: update.message.clone(),
                created_at: update.created_at,
            })
            .collect()
    }
    async fn started_at(&self) -> DateTime<Utc> {
        self.0.started_at
    }
    async fn resolved_at(&self) -> Option<DateTime<Utc>> {
        self.0.resolved_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

#[derive(SimpleObject)]
pub struct PublicAffectedComponent {
    pub name: String,
    pub impact: IncidentImpact,
}

#[derive(SimpleObject)]
pub struct PublicIncidentUpdate {
    pub status: StatusIncidentStatus,
    pub message: String,
    pub created_at: DateTime<Utc>,
}

/// A page of the public incident history.
#[derive(SimpleObject)]
pub struct PublicIncidentHistory {
    pub incidents: Vec<PublicIncidentView>,
    pub has_next_page: bool,
    /// Pass as `after` for the next page.
    pub end_cursor: Option<String>,
}

/// The resolved incidents of a page, newest first: the first page from the cached view, later
/// ones from the database.
pub async fn history(
    ctx: &Context<'_>,
    page: &public::PublicPage,
    first: Option<i32>,
    after: Option<String>,
) -> Result<PublicIncidentHistory, ApiError> {
    let request = PageRequest::parse(first.or(Some(public::HISTORY_PAGE as i32)), after.as_deref())?;
    let end_cursor = |items: &[public::PublicIncident]| {
        items.last().map(|last| crate::kernel::paging::Cursor { at: last.started_at, id: last.id }.encode())
    };
    if request.after.is_none() && request.first <= public::HISTORY_PAGE {
        let cached = &page.incident_history;
        let items: Vec<public::PublicIncident> =
            cached.items.iter().take(request.first as usize).cloned().collect();
        let has_next_page = cached.has_next_page || cached.items.len() > items.len();
        return Ok(PublicIncidentHistory {
            end_cursor: end_cursor(&items),
            incidents: items.into_iter().map(PublicIncidentView).collect(),
            has_next_page,
        });
    }
    let rows = incidents::list(db(ctx), page.tenant_id, page.page_id, Some(false), &request).await?;
    let has_next_page = rows.has_next_page;
    let items: Vec<public::PublicIncident> = incidents::views(db(ctx), page.tenant_id, rows.items)
        .await?
        .into_iter()
        .map(public::PublicIncident::from_view)
        .collect();
    Ok(PublicIncidentHistory {
        end_cursor: end_cursor(&items),
        incidents: items.into_iter().map(PublicIncidentView).collect(),
        has_next_page,
    })
}
