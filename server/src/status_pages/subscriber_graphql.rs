//! Subscribers over GraphQL: visitors subscribe on a page's host (no login), confirm and
//! unsubscribe with the token their emails carry; the organization lists, exports and removes
//! a page's subscribers.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use super::access::Gate;
use super::access_graphql::visited_page;
use super::public;
use super::subscribers::{self, SubscriberMail, SubscriberView};
use crate::audit::AuditContext;
use crate::auth::graphql::scope;
use crate::auth::limits::{Action, AuthLimits};
use crate::auth::tokens::TokenKeys;
use crate::graphql::connection::{PageConnection, connection};
use crate::kernel::ids::parse_id;
use crate::kernel::input::EmailAddress;
use crate::kernel::paging::PageRequest;
use crate::kernel::{ApiError, Links, RequestMeta, SharedClock};
use crate::tenancy::hostnames::HostnameRegistry;

fn db<'a>(ctx: &'a Context<'_>) -> &'a DatabaseConnection {
    ctx.data_unchecked::<DatabaseConnection>()
}

fn now(ctx: &Context<'_>) -> DateTime<Utc> {
    ctx.data_unchecked::<SharedClock>().now()
}

/// A page's subscriber as the organization sees it.
#[derive(SimpleObject)]
pub struct StatusSubscriber {
    pub id: ID,
    pub email: String,
    /// Confirmed through the emailed link; only confirmed subscribers are mailed.
    pub confirmed: bool,
    pub confirmed_at: Option<DateTime<Utc>>,
    /// The components chosen; empty for all of them.
    pub components: Vec<SubscribedComponent>,
    pub created_at: DateTime<Utc>,
}

#[derive(SimpleObject)]
pub struct SubscribedComponent {
    pub id: ID,
    pub name: String,
}

impl From<SubscriberView> for StatusSubscriber {
    fn from(view: SubscriberView) -> Self {
        let subscriber = view.subscriber;
        Self {
            id: ID(subscriber.id.to_string()),
            email: subscriber.email,
            confirmed: subscriber.confirmed_at.is_some(),
            confirmed_at: subscriber.confirmed_at,
            components: view
                .components
                .into_iter()
                .map(|(id, name)| SubscribedComponent { id: ID(id.to_string()), name })
                .collect(),
            created_at: subscriber.created_at,
        }
    }
}

/// A subscription as the holder of its token sees it.
#[derive(SimpleObject)]
pub struct StatusSubscriptionView {
    pub page_title: String,
    /// The page's path on this host.
    pub page_path: String,
    pub email: String,
    pub confirmed: bool,
    /// Public names of the components chosen; empty for all of them.
    pub components: Vec<String>,
}

/// The same answer whatever the address's state (no enumeration).
#[derive(SimpleObject)]
pub struct SubscribePayload {
    pub message: String,
}

#[derive(Default)]
pub struct SubscribersQuery;

#[Object]
impl SubscribersQuery {
    /// A page's subscribers, newest first. Viewers and above.
    async fn status_page_subscribers(
        &self,
        ctx: &Context<'_>,
        page_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<PageConnection<StatusSubscriber>, ApiError> {
        let scope = scope(ctx).await?;
        let page_id = parse_id(&page_id, "status page")?;
        let request = PageRequest::parse(first, after.as_deref())?;
        let page = subscribers::list(db(ctx), &scope, page_id, &request).await?;
        Ok(connection(page, subscribers::cursor, StatusSubscriber::from))
    }

    /// The subscription a confirmation or unsubscribe link's token names, on the host of its
    /// organization (null elsewhere, or for an unknown token): what the visitor is asked to
    /// confirm or end.
    async fn status_subscription(
        &self,
        ctx: &Context<'_>,
        token: String,
    ) -> Result<Option<StatusSubscriptionView>, ApiError> {
        let Some(host) = ctx.data_unchecked::<RequestMeta>().host.clone() else { return Ok(None) };
        let (links, registry) = (ctx.data_unchecked::<Links>(), ctx.data_unchecked::<HostnameRegistry>());
        let Some((tenant, _)) = public::by_host(db(ctx), links, registry, &host, "").await? else {
            return Ok(None);
        };
        let view = subscribers::by_token_on(db(ctx), tenant.id, &token).await?;
        Ok(view.map(|(subscriber, page, components)| StatusSubscriptionView {
            page_title: page.title,
            page_path: if page.slug.is_empty() { "/".to_owned() } else { format!("/{}", page.slug) },
            email: subscriber.email,
            confirmed: subscriber.confirmed_at.is_some(),
            components,
        }))
    }

    /// Every subscriber of a page as CSV (email, status, components, subscribed_at,
    /// confirmed_at). Admins and owners.
    async fn status_page_subscribers_csv(&self, ctx: &Context<'_>, page_id: ID) -> Result<String, ApiError> {
        let scope = scope(ctx).await?;
        let page_id = parse_id(&page_id, "status page")?;
        subscribers::csv(db(ctx), &scope, page_id).await
    }
}

#[derive(Default)]
pub struct SubscribersMutation;

#[Object]
impl SubscribersMutation {
    /// Subscribes an address to the page at `slug` of this host's organization (optionally to
    /// some of its components, by `PublicComponent.id`). No login: a confirmation email is sent
    /// and nothing else until it is opened. Limited per client IP and per address.
    async fn subscribe_to_status_page(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] slug: String,
        email: String,
        #[graphql(default)] component_ids: Vec<ID>,
        #[graphql(desc = "A restricted page's grant, as for `publicStatusPage`.")] access_token: Option<
            String,
        >,
    ) -> Result<SubscribePayload, ApiError> {
        let request = ctx.data_unchecked::<RequestMeta>();
        let email = EmailAddress::parse(&email).map_err(|message| ApiError::field("email", message))?;
        ctx.data_unchecked::<AuthLimits>().check(
            Action::Subscribe,
            request.client_ip,
            Some(email.as_str()),
        )?;
        let mut components = Vec::with_capacity(component_ids.len());
        for id in &component_ids {
            let id = parse_id(id, "component").map_err(|_| ApiError::field("componentIds", "are not ids"))?;
            components.push(id);
        }
        let (tenant, page) = visited_page(ctx, &slug).await?;
        let keys = ctx.data_unchecked::<TokenKeys>();
        Gate::of(&page).check(keys, access_token.as_deref(), now(ctx))?;
        let mail = ctx.data_unchecked::<SubscriberMail>();
        subscribers::subscribe(db(ctx), mail, &tenant, &page.slug, email, components, now(ctx)).await?;
        Ok(SubscribePayload {
            message: "Check your inbox: open the link we sent to confirm your subscription.".into(),
        })
    }

    /// Confirms a subscription with the token of its confirmation email; false for an unknown
    /// (or replaced) token.
    async fn confirm_status_subscription(&self, ctx: &Context<'_>, token: String) -> Result<bool, ApiError> {
        Ok(subscribers::confirm(db(ctx), &token, now(ctx)).await?)
    }

    /// Ends a subscription with the token its emails carry; false when there is none (any more).
    async fn unsubscribe_from_status_page(&self, ctx: &Context<'_>, token: String) -> Result<bool, ApiError> {
        Ok(subscribers::unsubscribe(db(ctx), &token).await?)
    }

    /// Removes a subscriber; returns its id. Members and above.
    async fn remove_status_page_subscriber(&self, ctx: &Context<'_>, id: ID) -> Result<ID, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "subscriber")?;
        let audit = AuditContext::from(ctx.data_unchecked::<RequestMeta>());
        let removed = subscribers::remove(db(ctx), &audit, &scope, id).await?;
        Ok(ID(removed.id.to_string()))
    }
}
