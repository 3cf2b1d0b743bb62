//! Live monitor events as GraphQL subscriptions over `/graphql/ws`, tenant-scoped.

use async_graphql::{Context, ID, SimpleObject, Subscription};
use chrono::{DateTime, Utc};
use entity::{check_results, monitors};
use futures_util::{Stream, StreamExt};
use tokio_stream::wrappers::BroadcastStream;

use super::{CheckStatus, MonitorStatus, db, id};
use crate::auth::graphql::scope;
use crate::kernel::ApiError;
use crate::kernel::ids::parse_id;
use crate::monitoring::events::{MonitorEvent, MonitorEvents};
use crate::monitoring::monitors as service;

/// A check a subscriber watches: the monitor's status after it, and the previous status when
/// the check changed it.
#[derive(SimpleObject, Clone)]
pub struct MonitorCheckEvent {
    pub monitor_id: ID,
    pub monitor_name: String,
    pub status: MonitorStatus,
    /// The status before this check, when the check changed it.
    pub previous_status: Option<MonitorStatus>,
    pub checked_at: DateTime<Utc>,
    pub check_status: CheckStatus,
    pub duration_ms: i32,
    pub status_code: Option<i32>,
    pub error: Option<String>,
}

fn parse_status(raw: &str) -> Option<MonitorStatus> {
    use sea_orm::ActiveEnum;
    monitors::MonitorStatus::try_from_value(&raw.to_owned()).ok().map(Into::into)
}

impl MonitorCheckEvent {
    fn from_event(event: &MonitorEvent) -> Option<Self> {
        use sea_orm::ActiveEnum;
        Some(Self {
            monitor_id: id(event.monitor_id),
            monitor_name: event.monitor_name.clone(),
            status: parse_status(&event.status)?,
            previous_status: event.previous_status.as_deref().and_then(parse_status),
            checked_at: event.checked_at,
            check_status: check_results::CheckStatus::try_from_value(&event.check_status).ok()?.into(),
            duration_ms: event.duration_ms.min(i32::MAX as u32) as i32,
            status_code: event.status_code.map(i32::from),
            error: event.error.clone(),
        })
    }
}

/// The tenant's events as a stream, filtered; a subscriber that falls behind skips ahead.
fn tenant_stream<F>(
    events: &MonitorEvents,
    tenant_id: uuid::Uuid,
    keep: F,
) -> impl Stream<Item = MonitorCheckEvent> + use<F>
where
    F: Fn(&MonitorEvent) -> bool + Send + 'static,
{
    BroadcastStream::new(events.subscribe()).filter_map(move |received| {
        let event = match received {
            Ok(event) if event.tenant_id == tenant_id && keep(&event) => {
                MonitorCheckEvent::from_event(&event)
            }
            _ => None,
        };
        std::future::ready(event)
    })
}

#[derive(Default)]
pub struct MonitorsSubscription;

#[Subscription]
impl MonitorsSubscription {
    /// Every status change of this organization's monitors (up, down, degraded), as it happens.
    async fn monitor_status_changed(
        &self,
        ctx: &Context<'_>,
    ) -> Result<impl Stream<Item = MonitorCheckEvent>, ApiError> {
        let scope = scope(ctx).await?;
        let events = ctx.data_unchecked::<MonitorEvents>();
        Ok(tenant_stream(events, scope.tenant_id(), |event| event.previous_status.is_some()))
    }

    /// Every completed check of one monitor. Another organization's monitor is `NOT_FOUND`.
    async fn check_completed(
        &self,
        ctx: &Context<'_>,
        monitor_id: ID,
    ) -> Result<impl Stream<Item = MonitorCheckEvent>, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&monitor_id, "monitor")?;
        let monitor = service::get(db(ctx), &scope, id).await?;
        let events = ctx.data_unchecked::<MonitorEvents>();
        Ok(tenant_stream(events, scope.tenant_id(), move |event| event.monitor_id == monitor.id))
    }
}
