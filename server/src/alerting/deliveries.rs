//! Deliveries: one leased job per notification. The jobs runner claims due rows; [`Deliveries`]
//! sends each through the probe (SSRF guard, TLS verified, no redirects), logs the attempt,
//! and tells the runner whether to retry — after at least the receiver's `Retry-After` when it
//! answered 429 or 503 — or, after the last attempt, to mark it dead. Email channels hand their
//! message to the outbox, which has its own retries. A slow receiver holds one runner slot for
//! at most the send timeout; checks and requests never wait on it.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use entity::alert_channels::{self, ChannelKind};
use entity::alert_deliveries::{self as deliveries, AlertEvent, DeliveryStatus};
use entity::alert_delivery_attempts as attempts;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use super::channels::ChannelSettings;
use super::message::{AlertData, AlertMessage, Organization, Tone};
use super::pacing::{self, Slot};
use super::providers::{self, Secrets};
use crate::auth::TenantScope;
use crate::auth::secret_box::SecretBox;
use crate::jobs::lease::LeasedTable;
use crate::jobs::runner::{JobError, Queue};
use crate::kernel::paging::{Cursor, Page, PageRequest};
use crate::kernel::{ApiError, SharedClock};
use crate::mail::templates::ChannelAlert;
use crate::mail::{NewEmail, Outbox};
use crate::probe::Prober;

pub const MAX_ATTEMPTS: i32 = 8;
/// How long a message waits for an earlier one about the same outage before it looks again.
const IN_ORDER_WAIT: Duration = Duration::from_secs(1);
/// One send, connection to last byte.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(10);

pub const TABLE: LeasedTable = LeasedTable {
    table: "alert_deliveries",
    queued: "queued",
    running: "running",
    done: "delivered",
    dead: "dead",
    done_at: Some("delivered_at"),
};

/// A delivery to queue.
pub struct NewDelivery {
    pub tenant_id: Uuid,
    pub channel_id: Uuid,
    pub monitor_id: Option<Uuid>,
    pub incident_id: Option<Uuid>,
    pub event: AlertEvent,
    pub message: AlertMessage,
    pub dedup_key: Option<String>,
}

/// One message to several channels: a delivery each, de-duplicated per channel under
/// `dedup_prefix` (the same event is never queued twice for a channel).
pub struct Broadcast {
    pub tenant_id: Uuid,
    pub monitor_id: Option<Uuid>,
    pub incident_id: Option<Uuid>,
    pub event: AlertEvent,
    pub message: AlertMessage,
    pub dedup_prefix: String,
}

/// Queues `broadcast` to each of `channels` in `db`'s transaction.
pub async fn enqueue_each(
    db: &impl ConnectionTrait,
    broadcast: &Broadcast,
    channels: &[Uuid],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    for channel_id in channels {
        let delivery = NewDelivery {
            tenant_id: broadcast.tenant_id,
            channel_id: *channel_id,
            monitor_id: broadcast.monitor_id,
            incident_id: broadcast.incident_id,
            event: broadcast.event,
            message: broadcast.message.clone(),
            dedup_key: Some(format!("{}:{channel_id}", broadcast.dedup_prefix)),
        };
        enqueue(db, delivery, now).await?;
    }
    Ok(())
}

/// Queues a delivery in `db`'s transaction; a repeated dedup key queues nothing. Returns the
/// new row's id, if one was written.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    delivery: NewDelivery,
    now: DateTime<Utc>,
) -> Result<Option<Uuid>, DbErr> {
    let id = Uuid::now_v7();
    let payload = serde_json::to_string(&delivery.message).map_err(|err| DbErr::Custom(err.to_string()))?;
    let inserted = deliveries::Entity::insert(deliveries::ActiveModel {
        id: Set(id),
        tenant_id: Set(delivery.tenant_id),
        channel_id: Set(delivery.channel_id),
        monitor_id: Set(delivery.monitor_id),
        incident_id: Set(delivery.incident_id),
        event: Set(delivery.event),
        payload: Set(payload),
        dedup_key: Set(delivery.dedup_key),
        status: Set(DeliveryStatus::Queued),
        attempts: Set(0),
        max_attempts: Set(MAX_ATTEMPTS),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        locked_by: Set(None),
        last_error: Set(None),
        last_status_code: Set(None),
        delivered_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([deliveries::Column::TenantId, deliveries::Column::DedupKey])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok((inserted > 0).then_some(id))
}

/// "Send test": queues a test message to the channel. Members and above.
pub async fn send_test(
    db: &DatabaseConnection,
    scope: &TenantScope,
    now: DateTime<Utc>,
    channel_id: Uuid,
) -> Result<deliveries::Model, ApiError> {
    scope.require(entity::memberships::Role::Member)?;
    let channel = scope.get::<alert_channels::Entity>(db, channel_id).await?;
    let tenant = crate::tenancy::tenants::current(db, scope).await?;
    let message = AlertMessage {
        kind: "test".into(),
        timestamp: now,
        data: AlertData::of(Organization { slug: tenant.slug, name: tenant.name }),
    };
    let new = NewDelivery {
        tenant_id: scope.tenant_id(),
        channel_id: channel.id,
        monitor_id: None,
        incident_id: None,
        event: AlertEvent::Test,
        message,
        dedup_key: None,
    };
    let id =
        enqueue(db, new, now).await?.ok_or_else(|| ApiError::internal("a test delivery was not queued"))?;
    scope.get::<deliveries::Entity>(db, id).await
}

/// A channel's deliveries, newest first.
pub async fn list(
    db: &DatabaseConnection,
    scope: &TenantScope,
    channel_id: Uuid,
    request: &PageRequest,
) -> Result<Page<deliveries::Model>, ApiError> {
    scope.get::<alert_channels::Entity>(db, channel_id).await?;
    let query = scope.find::<deliveries::Entity>().filter(deliveries::Column::ChannelId.eq(channel_id));
    let columns = (deliveries::Column::CreatedAt, deliveries::Column::Id);
    Ok(crate::db::paging::newest_first(db, query, columns, request).await?)
}

pub fn cursor(delivery: &deliveries::Model) -> Cursor {
    Cursor { at: delivery.created_at, id: delivery.id }
}

/// The attempts of these deliveries, oldest first (a requeued delivery counts from 1 again),
/// for their logs.
pub async fn attempts_of(
    db: &DatabaseConnection,
    tenant_id: Uuid,
    ids: Vec<Uuid>,
) -> Result<Vec<attempts::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    attempts::Entity::find()
        .filter(attempts::Column::TenantId.eq(tenant_id))
        .filter(attempts::Column::DeliveryId.is_in(ids))
        .order_by_asc(attempts::Column::CreatedAt)
        .order_by_asc(attempts::Column::Id)
        .all(db)
        .await
}

/// Sends a dead delivery again with a fresh set of attempts. Members and above.
pub async fn requeue(
    db: &DatabaseConnection,
    scope: &TenantScope,
    now: DateTime<Utc>,
    id: Uuid,
) -> Result<deliveries::Model, ApiError> {
    scope.require(entity::memberships::Role::Member)?;
    let delivery = scope.get::<deliveries::Entity>(db, id).await?;
    if delivery.status != DeliveryStatus::Dead {
        return Err(ApiError::field("id", "only a dead delivery can be sent again"));
    }
    if !crate::jobs::lease::requeue(db, &TABLE, id, now).await? {
        return Err(ApiError::field("id", "only a dead delivery can be sent again"));
    }
    scope.get::<deliveries::Entity>(db, id).await
}

/// The delivery queue, for the jobs runner.
pub struct Deliveries {
    pub db: DatabaseConnection,
    pub prober: Prober,
    pub secrets: SecretBox,
    pub outbox: Outbox,
    pub clock: SharedClock,
}

/// A failed attempt, with the receiver's status when it answered.
struct Failure {
    status: Option<u16>,
    error: JobError,
}

impl From<JobError> for Failure {
    fn from(error: JobError) -> Self {
        Self { status: None, error }
    }
}

impl Deliveries {
    /// One attempt; `Ok` carries the receiver's status (none for email, handed to the outbox).
    async fn attempt(&self, job: &deliveries::Model) -> Result<Option<u16>, Failure> {
        let fail =
            |message: String| JobError { message, permanent: true, retry_after: None, deferred: false };
        let channel = alert_channels::Entity::find_by_id(job.channel_id)
            .filter(alert_channels::Column::TenantId.eq(job.tenant_id))
            .one(&self.db)
            .await
            .map_err(|err| JobError {
                message: err.to_string(),
                permanent: false,
                retry_after: None,
                deferred: false,
            })?
            .ok_or_else(|| fail("the channel was deleted".into()))?;
        let message: AlertMessage =
            serde_json::from_str(&job.payload).map_err(|err| fail(format!("unreadable payload: {err}")))?;
        let settings = ChannelSettings::of(&channel);
        if channel.kind == ChannelKind::Email {
            self.email(job, &settings, &message).await?;
            return Ok(None);
        }
        let now = self.clock.now();
        let retry = |err: DbErr| JobError { message: err.to_string(), ..JobError::default() };
        if let Some(due) = self.earlier_pending(job).await.map_err(retry)? {
            // A recovery must not overtake its down alert: PagerDuty would resolve, then open.
            // It looks again when the earlier one is next due (at least a second from now).
            let wait = (due - now).to_std().unwrap_or_default().max(IN_ORDER_WAIT);
            let message = "waits for the earlier message about this outage to this channel";
            return Err(JobError::deferred(message, wait).into());
        }
        let slot = pacing::reserve(&self.db, &channel, now).await.map_err(retry)?;
        if let Slot::Wait(until) = slot {
            let wait = (until - now).to_std().unwrap_or_default();
            let message =
                format!("paced: the channel's next message may go at {}", until.format("%H:%M:%S%.3f"));
            return Err(JobError::deferred(message, wait).into());
        }
        let context = channel.id.as_bytes();
        let open = |sealed: &Option<String>| -> Result<Option<String>, JobError> {
            sealed
                .as_ref()
                .map(|sealed| self.secrets.open(sealed, context))
                .transpose()
                .map_err(|err| fail(err.to_string()))
        };
        let current = open(&channel.secret)?;
        let previous = match channel.previous_secret_until {
            Some(until) if until > now => open(&channel.previous_secret)?,
            _ => None,
        };
        let secrets = Secrets { current: current.as_deref(), previous: previous.as_deref() };
        let request =
            providers::render(channel.kind, &settings, &secrets, &message, &job.id.to_string(), now)
                .map_err(fail)?;
        let sent =
            self.prober.send(request.method, request.url, request.headers, request.body, SEND_TIMEOUT).await;
        match sent {
            Ok(answer) if (200..300).contains(&answer.status) => Ok(Some(answer.status)),
            Ok(answer) => {
                let retry_after = if matches!(answer.status, 429 | 503) { answer.retry_after } else { None };
                if let Some(wait) = retry_after {
                    // Every delivery to this channel waits, not only this one.
                    let until = now
                        + chrono::Duration::from_std(wait.min(Duration::from_secs(3600))).unwrap_or_default();
                    if let Err(err) = pacing::hold_until(&self.db, channel.tenant_id, channel.id, until).await
                    {
                        tracing::warn!(error = %err, channel = %channel.id, "a receiver's Retry-After could not be recorded");
                    }
                }
                Err(Failure {
                    status: Some(answer.status),
                    error: JobError {
                        message: format!(
                            "the receiver answered {}{}",
                            answer.status,
                            excerpt(&answer.body_excerpt)
                        ),
                        // 4xx other than 408/429 will not fix itself (but is retried: it may be fixed).
                        permanent: (400..500).contains(&answer.status) && !matches!(answer.status, 408 | 429),
                        retry_after,
                        deferred: false,
                    },
                })
            }
            Err(error) => {
                Err(JobError { message: error, permanent: false, retry_after: None, deferred: false }.into())
            }
        }
    }

    /// Email channels: one outbox message per address (the outbox retries on its own).
    async fn email(
        &self,
        job: &deliveries::Model,
        settings: &ChannelSettings,
        message: &AlertMessage,
    ) -> Result<(), JobError> {
        let (title, details) = super::templates::wording(
            settings.title_template.as_deref(),
            settings.body_template.as_deref(),
            message,
        );
        let tone = match message.tone() {
            Tone::Critical => "critical",
            Tone::Warning => "warning",
            Tone::Resolved => "resolved",
            Tone::Info => "info",
        };
        let content = ChannelAlert {
            title,
            details,
            link: message.link().unwrap_or_default().to_owned(),
            tenant_name: message.data.organization.name.clone(),
            tone: tone.to_owned(),
        }
        .email();
        let retry = |err: DbErr| JobError {
            message: err.to_string(),
            permanent: false,
            retry_after: None,
            deferred: false,
        };
        let txn = crate::db::begin_write(&self.db).await.map_err(retry)?;
        for address in &settings.addresses {
            let email = NewEmail {
                tenant_id: Some(job.tenant_id),
                kind: "alert_channel",
                recipient: address.clone(),
                content: content.clone(),
                dedup_key: Some(format!("alert:{}:{address}", job.id)),
                list_unsubscribe: None,
            };
            self.outbox.enqueue(&txn, email).await.map_err(retry)?;
        }
        txn.commit().await.map_err(retry)?;
        self.outbox.wake();
        Ok(())
    }

    /// When an older message about the same outage to the same channel, still queued or being
    /// sent, is next due (then this one waits: messages about one outage arrive in order).
    async fn earlier_pending(&self, job: &deliveries::Model) -> Result<Option<DateTime<Utc>>, DbErr> {
        let Some(incident) = job.incident_id else { return Ok(None) };
        let earlier = deliveries::Entity::find()
            .filter(deliveries::Column::TenantId.eq(job.tenant_id))
            .filter(deliveries::Column::ChannelId.eq(job.channel_id))
            .filter(deliveries::Column::IncidentId.eq(incident))
            .filter(deliveries::Column::Status.is_in([DeliveryStatus::Queued, DeliveryStatus::Running]))
            .filter(deliveries::Column::CreatedAt.lt(job.created_at))
            .order_by_asc(deliveries::Column::NextAttemptAt)
            .one(&self.db)
            .await?;
        Ok(earlier.map(|earlier| earlier.next_attempt_at))
    }

    async fn log(&self, job: &deliveries::Model, status: Option<u16>, error: Option<&str>, took: Duration) {
        let row = attempts::ActiveModel {
            id: Set(Uuid::now_v7()),
            tenant_id: Set(job.tenant_id),
            delivery_id: Set(job.id),
            attempt: Set(job.attempts),
            status_code: Set(status.map(i32::from)),
            error: Set(error.map(|e| e.chars().take(1000).collect())),
            duration_ms: Set(took.as_millis().min(i32::MAX as u128) as i32),
            created_at: Set(self.clock.now()),
        };
        let logged = row.insert(&self.db).await;
        let noted = deliveries::Entity::update_many()
            .col_expr(
                deliveries::Column::LastStatusCode,
                sea_orm::sea_query::Expr::value(status.map(i32::from)),
            )
            .filter(deliveries::Column::Id.eq(job.id))
            .exec(&self.db)
            .await;
        if let Err(err) = logged.map(|_| ()).and(noted.map(|_| ())) {
            tracing::warn!(error = %err, delivery = %job.id, "a delivery attempt could not be logged");
        }
    }
}

fn excerpt(body: &str) -> String {
    if body.is_empty() { String::new() } else { format!(": {}", body.chars().take(200).collect::<String>()) }
}

impl Queue for Deliveries {
    type Entity = deliveries::Entity;
    const NAME: &'static str = "alerts";
    const TABLE: LeasedTable = TABLE;

    fn id(job: &deliveries::Model) -> Uuid {
        job.id
    }

    fn attempts(job: &deliveries::Model) -> (i32, i32) {
        (job.attempts, job.max_attempts)
    }

    async fn perform(&self, job: &deliveries::Model) -> Result<(), JobError> {
        let started = Instant::now();
        let result = self.attempt(job).await;
        let took = started.elapsed();
        if let Err(Failure { error, .. }) = &result
            && error.deferred
        {
            // Not an attempt: nothing was sent.
            metrics::counter!("alert_deliveries_total", "outcome" => "paced").increment(1);
            return result.map(|_| ()).map_err(|failure| failure.error);
        }
        match &result {
            Ok(status) => self.log(job, *status, None, took).await,
            Err(failure) => self.log(job, failure.status, Some(&failure.error.message), took).await,
        }
        let outcome = if result.is_ok() { "delivered" } else { "failed" };
        metrics::counter!("alert_deliveries_total", "outcome" => outcome).increment(1);
        result.map(|_| ()).map_err(|failure| failure.error)
    }

    async fn after_round(&self, db: &DatabaseConnection) {
        let waiting = deliveries::Entity::find()
            .filter(deliveries::Column::Status.eq(DeliveryStatus::Queued))
            .count(db)
            .await;
        if let Ok(waiting) = waiting {
            metrics::gauge!("alert_deliveries_queued").set(waiting as f64);
        }
    }
}
