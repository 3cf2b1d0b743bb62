//! Alerting over GraphQL: channels (admins and owners manage them; everyone in the organization
//! reads them, never their secrets), their routing, "send test", and the delivery log.

use std::collections::HashMap;

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::alert_channels;
use entity::alert_deliveries::{self, DeliveryStatus};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::channels::{self, ChannelInput, ChannelSettings};
use super::deliveries;
use super::routes::{self, Routing};
use super::templates;
use crate::audit::AuditContext;
use crate::auth::graphql::scope;
use crate::auth::secret_box::SecretBox;
use crate::graphql::connection::{PageConnection, connection};
use crate::kernel::ids::parse_id;
use crate::kernel::paging::PageRequest;
use crate::kernel::{ApiError, RequestMeta, SharedClock};

fn db<'a>(ctx: &'a Context<'_>) -> &'a DatabaseConnection {
    ctx.data_unchecked::<DatabaseConnection>()
}

fn now(ctx: &Context<'_>) -> DateTime<Utc> {
    ctx.data_unchecked::<SharedClock>().now()
}

fn audit(ctx: &Context<'_>) -> AuditContext {
    AuditContext::from(ctx.data_unchecked::<RequestMeta>())
}

fn secrets<'a>(ctx: &'a Context<'_>) -> &'a SecretBox {
    ctx.data_unchecked::<SecretBox>()
}

/// Wakes the delivery runner (a test or requeued delivery goes at once).
fn wake(ctx: &Context<'_>) {
    if let Some(wake) = ctx.data_opt::<DeliveryWake>() {
        wake.0.notify_one();
    }
}

/// The delivery runner's wake signal, in the schema's data.
#[derive(Clone)]
pub struct DeliveryWake(pub std::sync::Arc<tokio::sync::Notify>);

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::alert_channels::ChannelKind")]
pub enum AlertChannelKind {
    Email,
    /// A generic webhook, signed per Standard Webhooks.
    Webhook,
    Slack,
    Discord,
    /// A Microsoft Teams Workflows webhook (Adaptive Card).
    Teams,
    GoogleChat,
    Mattermost,
    RocketChat,
    Telegram,
    PagerDuty,
    Opsgenie,
    Ntfy,
    Pushover,
    Gotify,
    Matrix,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum AlertRouteEvent {
    /// A monitor went down (and flapping notices).
    Down,
    /// It recovered (and settled notices).
    Up,
    /// It works but needs attention, and when that ends.
    Degraded,
    /// Its TLS certificate expires within the monitor's warning window, and when it was renewed.
    CertificateExpiring,
    /// An update posted on a status page incident that affects it (routes for every monitor
    /// hear every incident).
    IncidentUpdate,
}

impl AlertRouteEvent {
    /// The stored name (`routes::EVENTS`).
    fn name(self) -> &'static str {
        match self {
            Self::Down => "down",
            Self::Up => "up",
            Self::Degraded => "degraded",
            Self::CertificateExpiring => "certificate",
            Self::IncidentUpdate => "incident",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        [Self::Down, Self::Up, Self::Degraded, Self::CertificateExpiring, Self::IncidentUpdate]
            .into_iter()
            .find(|event| event.name() == name)
    }

    /// The kind of the sample alert a preview renders.
    fn sample_kind(self) -> &'static str {
        match self {
            Self::Down => "monitor.down",
            Self::Up => "monitor.up",
            Self::Degraded => "monitor.degraded",
            Self::CertificateExpiring => "certificate.expiring",
            Self::IncidentUpdate => "incident.update",
        }
    }
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::alert_deliveries::AlertEvent")]
pub enum AlertDeliveryEvent {
    Down,
    Up,
    Degraded,
    Certificate,
    Incident,
    Test,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::alert_deliveries::DeliveryStatus")]
pub enum AlertDeliveryStatus {
    Queued,
    /// Being sent now.
    Running,
    Delivered,
    /// Failed its last attempt; `requeueAlertDelivery` sends it again.
    Dead,
}

/// Which monitors notify a channel, for which events.
#[derive(SimpleObject, Clone)]
pub struct AlertRouting {
    pub all_monitors: bool,
    pub monitor_ids: Vec<ID>,
    /// Every monitor with one of these tags, now and later.
    pub tags: Vec<String>,
    pub events: Vec<AlertRouteEvent>,
}

/// A notification channel. Its secret (token, webhook URL, signing secret) is never returned.
#[derive(SimpleObject, Clone)]
pub struct AlertChannel {
    pub id: ID,
    pub name: String,
    pub kind: AlertChannelKind,
    /// The receiver; for kinds whose URL embeds a token, its origin only.
    pub url: Option<String>,
    pub recipient: Option<String>,
    pub priority: Option<i32>,
    pub addresses: Vec<String>,
    /// The alert's title in the channel's own wording (template language); null: Beacon's.
    pub title_template: Option<String>,
    /// The alert's text in the channel's own wording (template language); null: Beacon's.
    pub body_template: Option<String>,
    /// Whether a token (or secret URL, or signing secret) is stored.
    pub has_secret: bool,
    /// After a signing-secret rotation: until when the previous secret also signs.
    pub previous_secret_valid_until: Option<DateTime<Utc>>,
    pub routing: AlertRouting,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl AlertChannel {
    fn new(
        channel: alert_channels::Model,
        routes: Vec<entity::alert_routes::Model>,
        now: DateTime<Utc>,
    ) -> Self {
        let settings = ChannelSettings::of(&channel);
        let all_monitors = routes.iter().any(|route| route.monitor_id.is_none() && route.tag.is_none());
        let mut events: Vec<AlertRouteEvent> = Vec::new();
        for route in &routes {
            for event in route.events.split(',').filter_map(AlertRouteEvent::from_name) {
                if !events.contains(&event) {
                    events.push(event);
                }
            }
        }
        Self {
            id: ID(channel.id.to_string()),
            name: channel.name,
            kind: channel.kind.into(),
            url: settings.url.or(settings.display_url),
            recipient: settings.recipient,
            priority: settings.priority,
            addresses: settings.addresses,
            title_template: settings.title_template,
            body_template: settings.body_template,
            has_secret: channel.secret.is_some(),
            previous_secret_valid_until: channel.previous_secret_until.filter(|until| *until > now),
            routing: AlertRouting {
                all_monitors,
                monitor_ids: routes
                    .iter()
                    .filter_map(|r| r.monitor_id)
                    .map(|id| ID(id.to_string()))
                    .collect(),
                tags: routes.iter().filter_map(|r| r.tag.clone()).collect(),
                events,
            },
            created_at: channel.created_at,
            updated_at: channel.updated_at,
        }
    }
}

/// A channel as `createAlertChannel` and `rotateAlertChannelSigningSecret` return it.
#[derive(SimpleObject)]
pub struct AlertChannelWithSecret {
    pub channel: AlertChannel,
    /// A webhook's signing secret (`whsec_…`): shown this once, never again.
    pub signing_secret: Option<String>,
}

/// A channel's settings. Which fields a kind uses: see the channel kinds in the docs; a field
/// the kind does not use is refused.
#[derive(InputObject)]
pub struct AlertChannelInput {
    pub name: String,
    /// Required when creating; cannot change.
    pub kind: Option<AlertChannelKind>,
    /// The receiver or incoming-webhook URL, topic URL, server, or API base.
    pub url: Option<String>,
    /// Bot token, routing key, API key, application or access token. Omit to keep the stored one.
    pub token: Option<String>,
    /// Telegram chat id, Pushover user key or Matrix room id.
    pub recipient: Option<String>,
    /// ntfy 1–5, Pushover −2–2, Gotify 0–10.
    pub priority: Option<i32>,
    #[graphql(default)]
    pub addresses: Vec<String>,
    /// The alert's title, in Beacon's template language (empty: Beacon's own wording; omitted
    /// on update: unchanged); an email's subject. Not for webhooks (their JSON is documented).
    pub title_template: Option<String>,
    /// The alert's text, in Beacon's template language (empty: Beacon's own wording; omitted on
    /// update: unchanged).
    pub body_template: Option<String>,
}

impl From<AlertChannelInput> for ChannelInput {
    fn from(input: AlertChannelInput) -> Self {
        Self {
            name: input.name,
            kind: input.kind.map(Into::into),
            url: input.url,
            token: input.token,
            recipient: input.recipient,
            priority: input.priority,
            addresses: input.addresses,
            title_template: input.title_template,
            body_template: input.body_template,
        }
    }
}

/// An alert as a channel with the given templates would word it.
#[derive(SimpleObject)]
pub struct AlertMessagePreview {
    pub title: String,
    pub body: String,
}

#[derive(InputObject)]
pub struct AlertRoutingInput {
    /// Every monitor of the organization, now and later (then `monitorIds` is ignored).
    pub all_monitors: bool,
    #[graphql(default)]
    pub monitor_ids: Vec<ID>,
    /// And every monitor with one of these tags, now and later (unless `allMonitors`).
    #[graphql(default)]
    pub tags: Vec<String>,
    /// Empty: the channel is notified of nothing (tests still work).
    pub events: Vec<AlertRouteEvent>,
}

#[derive(SimpleObject, Clone)]
pub struct AlertDeliveryAttempt {
    pub attempt: i32,
    /// The receiver's HTTP status, when it answered.
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub duration_ms: i32,
    pub at: DateTime<Utc>,
}

#[derive(SimpleObject)]
pub struct AlertDelivery {
    pub id: ID,
    pub event: AlertDeliveryEvent,
    /// What the message says: `monitor.down`, `monitor.up`, `monitor.flapping`,
    /// `monitor.settled`, `monitor.degraded`, `monitor.healthy`, `certificate.expiring`,
    /// `certificate.renewed`, `incident.update` or `test` (docs/webhooks.md).
    #[graphql(name = "type")]
    pub kind: String,
    pub status: AlertDeliveryStatus,
    pub monitor_id: Option<ID>,
    pub attempts: i32,
    pub max_attempts: i32,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// Every attempt, oldest first.
    pub attempt_log: Vec<AlertDeliveryAttempt>,
}

impl AlertDelivery {
    fn new(delivery: alert_deliveries::Model, log: Vec<AlertDeliveryAttempt>) -> Self {
        Self {
            id: ID(delivery.id.to_string()),
            event: delivery.event.into(),
            kind: serde_json::from_str::<super::message::AlertMessage>(&delivery.payload)
                .map(|message| message.kind)
                .unwrap_or_default(),
            status: delivery.status.into(),
            monitor_id: delivery.monitor_id.map(|id| ID(id.to_string())),
            attempts: delivery.attempts,
            max_attempts: delivery.max_attempts,
            last_status_code: delivery.last_status_code,
            // A delivered one's earlier failures are in its log, not its state.
            last_error: delivery.last_error.filter(|_| delivery.status != DeliveryStatus::Delivered),
            next_attempt_at: (delivery.status == DeliveryStatus::Queued).then_some(delivery.next_attempt_at),
            delivered_at: delivery.delivered_at,
            created_at: delivery.created_at,
            attempt_log: log,
        }
    }
}

async fn channel_out(ctx: &Context<'_>, channel: alert_channels::Model) -> Result<AlertChannel, ApiError> {
    let routes = routes::of_channel(db(ctx), channel.tenant_id, channel.id).await?;
    Ok(AlertChannel::new(channel, routes, now(ctx)))
}

/// Several channels with their routing, in two queries whatever their number (`channels` are
/// one organization's).
pub(crate) async fn channels_out(
    ctx: &Context<'_>,
    tenant_id: Uuid,
    channels: Vec<alert_channels::Model>,
) -> Result<Vec<AlertChannel>, ApiError> {
    let ids = channels.iter().map(|channel| channel.id).collect();
    let mut routes: HashMap<Uuid, Vec<entity::alert_routes::Model>> = HashMap::new();
    for route in routes::of_channels(db(ctx), tenant_id, ids).await? {
        routes.entry(route.channel_id).or_default().push(route);
    }
    let now = now(ctx);
    Ok(channels
        .into_iter()
        .map(|channel| {
            let own = routes.remove(&channel.id).unwrap_or_default();
            AlertChannel::new(channel, own, now)
        })
        .collect())
}

/// The attempt logs of these deliveries, by delivery.
async fn logs_of(
    ctx: &Context<'_>,
    tenant_id: Uuid,
    rows: &[alert_deliveries::Model],
) -> Result<HashMap<Uuid, Vec<AlertDeliveryAttempt>>, ApiError> {
    let ids = rows.iter().map(|row| row.id).collect();
    let mut logs: HashMap<Uuid, Vec<AlertDeliveryAttempt>> = HashMap::new();
    for attempt in deliveries::attempts_of(db(ctx), tenant_id, ids).await? {
        logs.entry(attempt.delivery_id).or_default().push(AlertDeliveryAttempt {
            attempt: attempt.attempt,
            status_code: attempt.status_code,
            error: attempt.error,
            duration_ms: attempt.duration_ms,
            at: attempt.created_at,
        });
    }
    Ok(logs)
}

async fn delivery_out(ctx: &Context<'_>, row: alert_deliveries::Model) -> Result<AlertDelivery, ApiError> {
    let mut logs = logs_of(ctx, row.tenant_id, std::slice::from_ref(&row)).await?;
    let log = logs.remove(&row.id).unwrap_or_default();
    Ok(AlertDelivery::new(row, log))
}

#[derive(Default)]
pub struct AlertingQuery;

#[Object]
impl AlertingQuery {
    /// The organization's channels, oldest first. Viewers and above.
    async fn alert_channels(&self, ctx: &Context<'_>) -> Result<Vec<AlertChannel>, ApiError> {
        let scope = scope(ctx).await?;
        let rows = channels::list(db(ctx), &scope).await?;
        channels_out(ctx, scope.tenant_id(), rows).await
    }

    /// Renders the templates against a sample alert of `event` (Beacon's own wording where a
    /// template is empty). A template that does not parse or render is a field error on
    /// `titleTemplate` or `bodyTemplate` naming the problem and line.
    async fn preview_alert_message(
        &self,
        ctx: &Context<'_>,
        title_template: Option<String>,
        body_template: Option<String>,
        #[graphql(default_with = "AlertRouteEvent::Down")] event: AlertRouteEvent,
    ) -> Result<AlertMessagePreview, ApiError> {
        scope(ctx).await?;
        let mut errors = crate::kernel::FieldErrors::default();
        let title = errors.check("titleTemplate", templates::parse(title_template.as_deref()));
        let body = errors.check("bodyTemplate", templates::parse(body_template.as_deref()));
        errors.into_result()?;
        let sample = templates::sample(event.sample_kind(), now(ctx));
        let (title, body) =
            templates::wording(title.flatten().as_deref(), body.flatten().as_deref(), &sample);
        Ok(AlertMessagePreview { title, body })
    }

    /// One channel; another organization's is `NOT_FOUND`.
    async fn alert_channel(&self, ctx: &Context<'_>, id: ID) -> Result<AlertChannel, ApiError> {
        let scope = scope(ctx).await?;
        let channel = channels::get(db(ctx), &scope, parse_id(&id, "alert channel")?).await?;
        channel_out(ctx, channel).await
    }

    /// A channel's deliveries, newest first, each with its attempts.
    async fn alert_deliveries(
        &self,
        ctx: &Context<'_>,
        channel_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<PageConnection<AlertDelivery>, ApiError> {
        let scope = scope(ctx).await?;
        let channel_id = parse_id(&channel_id, "alert channel")?;
        let request = PageRequest::parse(first, after.as_deref())?;
        let page = deliveries::list(db(ctx), &scope, channel_id, &request).await?;
        let logs = logs_of(ctx, scope.tenant_id(), &page.items).await?;
        Ok(connection(page, deliveries::cursor, |row| {
            let log = logs.get(&row.id).cloned().unwrap_or_default();
            AlertDelivery::new(row, log)
        }))
    }
}

#[derive(Default)]
pub struct AlertingMutation;

#[Object]
impl AlertingMutation {
    /// Creates a channel. Admins and owners. A webhook's signing secret is in the answer, once.
    async fn create_alert_channel(
        &self,
        ctx: &Context<'_>,
        input: AlertChannelInput,
    ) -> Result<AlertChannelWithSecret, ApiError> {
        let scope = scope(ctx).await?;
        let draft = channels::parse(input.into(), None)?;
        channels::vet_destination(ctx.data_unchecked::<crate::probe::Prober>(), &draft).await?;
        let (channel, signing_secret) =
            channels::create(db(ctx), &audit(ctx), &scope, secrets(ctx), now(ctx), draft).await?;
        Ok(AlertChannelWithSecret { channel: channel_out(ctx, channel).await?, signing_secret })
    }

    /// Changes a channel (its kind stays). Admins and owners.
    async fn update_alert_channel(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: AlertChannelInput,
    ) -> Result<AlertChannel, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "alert channel")?;
        let channel =
            channels::update(db(ctx), &audit(ctx), &scope, secrets(ctx), now(ctx), id, input.into()).await?;
        channel_out(ctx, channel).await
    }

    /// Deletes a channel, its routes and its deliveries. Admins and owners.
    async fn delete_alert_channel(&self, ctx: &Context<'_>, id: ID) -> Result<ID, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "alert channel")?;
        let channel = channels::delete(db(ctx), &audit(ctx), &scope, id).await?;
        Ok(ID(channel.id.to_string()))
    }

    /// A webhook's new signing secret (shown once); the previous one keeps signing beside it for
    /// 24 hours so receivers can switch over. Admins and owners.
    async fn rotate_alert_channel_signing_secret(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<AlertChannelWithSecret, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "alert channel")?;
        let (channel, secret) =
            channels::rotate_secret(db(ctx), &audit(ctx), &scope, secrets(ctx), now(ctx), id).await?;
        Ok(AlertChannelWithSecret { channel: channel_out(ctx, channel).await?, signing_secret: Some(secret) })
    }

    /// Sets which monitors notify the channel, for which events. Admins and owners.
    async fn set_alert_channel_routing(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: AlertRoutingInput,
    ) -> Result<AlertChannel, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "alert channel")?;
        let monitors = if input.all_monitors {
            None
        } else {
            let mut ids = Vec::with_capacity(input.monitor_ids.len());
            for raw in &input.monitor_ids {
                ids.push(parse_id(raw, "monitor")?);
            }
            ids.sort();
            ids.dedup();
            Some(ids)
        };
        let mut events = Vec::new();
        for event in input.events {
            let name = event.name();
            if !events.contains(&name) {
                events.push(name);
            }
        }
        let mut tags = Vec::with_capacity(input.tags.len());
        let mut errors = crate::kernel::FieldErrors::default();
        for (i, raw) in input.tags.iter().enumerate() {
            if let Some(tag) =
                errors.check(&format!("tags[{i}]"), crate::monitoring::tags::Tags::parse_one(raw))
                && !tags.contains(&tag)
            {
                tags.push(tag);
            }
        }
        if tags.len() > 20 {
            errors.check::<()>("tags", Err("at most 20 tags".into()));
        }
        errors.into_result()?;
        let routing = Routing { monitors, tags, events };
        routes::set(db(ctx), &audit(ctx), &scope, now(ctx), id, routing).await?;
        let channel = channels::get(db(ctx), &scope, id).await?;
        channel_out(ctx, channel).await
    }

    /// Queues a test message to the channel; watch it in `alertDeliveries`. Members and above.
    async fn test_alert_channel(&self, ctx: &Context<'_>, id: ID) -> Result<AlertDelivery, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "alert channel")?;
        let delivery = deliveries::send_test(db(ctx), &scope, now(ctx), id).await?;
        wake(ctx);
        delivery_out(ctx, delivery).await
    }

    /// Sends a dead delivery again with fresh attempts. Members and above.
    async fn requeue_alert_delivery(&self, ctx: &Context<'_>, id: ID) -> Result<AlertDelivery, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "alert delivery")?;
        let delivery = deliveries::requeue(db(ctx), &scope, now(ctx), id).await?;
        wake(ctx);
        delivery_out(ctx, delivery).await
    }
}
