//! From a monitor's state change to deliveries: the routes of the monitor's organization that
//! follow it (all monitors, or this one) for this event get one delivery row each, written in
//! the transaction that records the change, de-duplicated per outage, event and channel.

use chrono::{DateTime, Utc};
use entity::alert_channels;
use entity::alert_deliveries::AlertEvent;
use entity::incident_events::IncidentEventKind;
use entity::{alert_routes, incidents, monitors, tenants};
use sea_orm::{ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter, QueryOrder};

use super::deliveries::{self, Broadcast};
use super::message::{AlertData, AlertMessage, Degradation, Flapping, Incident, Monitor, Organization};
use crate::auth::tokens::TokenKeys;
use crate::kernel::Links;
use crate::monitoring::degradation::{self, DegradedNotice};
use crate::monitoring::flapping::FlapNotice;
use crate::monitoring::followers::OutageFollower;
use crate::monitoring::timeline;

/// Builds what an alert about an outage says, with its signed acknowledge link.
#[derive(Clone)]
pub struct OutageMessages {
    pub links: Links,
    pub tokens: TokenKeys,
}

/// How long an acknowledge link in an alert works.
pub const ACKNOWLEDGE_LINK_DAYS: i64 = 7;

impl OutageMessages {
    /// The monitor as a message names it, with a link to its page.
    pub fn monitor(&self, monitor: &monitors::Model) -> Monitor {
        Monitor {
            id: monitor.id,
            name: monitor.name.clone(),
            url: self.links.app(&format!("/app/monitors/{}", monitor.id)),
        }
    }

    pub fn outage(
        &self,
        tenant: &tenants::Model,
        monitor: &monitors::Model,
        outage: &incidents::Model,
        event: AlertEvent,
        at: DateTime<Utc>,
    ) -> AlertMessage {
        let name = if event == AlertEvent::Down { "down" } else { "up" };
        let acknowledge_url = (event == AlertEvent::Down).then(|| {
            let ttl = chrono::Duration::days(ACKNOWLEDGE_LINK_DAYS);
            let token = self.tokens.issue_acknowledge(outage.id, outage.tenant_id, at, ttl);
            self.links.tenant(&tenant.slug, &format!("/ack/{token}"))
        });
        AlertMessage {
            kind: format!("monitor.{name}"),
            timestamp: at,
            data: AlertData {
                organization: organization(tenant),
                monitor: Some(self.monitor(monitor)),
                incident: Some(Incident {
                    id: outage.id,
                    started_at: outage.opened_at,
                    resolved_at: outage.resolved_at.or((event == AlertEvent::Up).then_some(at)),
                    cause: outage.cause.clone(),
                    acknowledge_url,
                }),
                flapping: None,
                degradation: None,
                status_incident: None,
            },
        }
    }
}

pub struct AlertRouter {
    pub messages: OutageMessages,
    /// Wakes the delivery runner once the recording committed.
    pub wake: std::sync::Arc<tokio::sync::Notify>,
}

impl AlertRouter {
    async fn route(
        &self,
        txn: &DatabaseTransaction,
        outage: &incidents::Model,
        event: AlertEvent,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        let name = if event == AlertEvent::Down { "down" } else { "up" };
        let Some(monitor) = monitors::Entity::find_by_id(outage.monitor_id).one(txn).await? else {
            return Ok(());
        };
        let channels = routed_channels(txn, &monitor, name).await?;
        if channels.is_empty() {
            return Ok(());
        }
        let Some(tenant) = tenants::Entity::find_by_id(outage.tenant_id).one(txn).await? else {
            return Ok(());
        };
        let message = self.messages.outage(&tenant, &monitor, outage, event, at);
        let names = channel_names(txn, outage.tenant_id, &channels).await?;
        let told = format!("Notified {} that it is {}", names.join(", "), name.to_uppercase());
        timeline::record(txn, outage, IncidentEventKind::Notified, told, at).await?;
        let broadcast = Broadcast {
            tenant_id: outage.tenant_id,
            monitor_id: Some(monitor.id),
            incident_id: Some(outage.id),
            event,
            message,
            dedup_prefix: format!("{}:{name}", outage.id),
        };
        deliveries::enqueue_each(txn, &broadcast, &channels, at).await
    }
}

impl AlertRouter {
    /// A flapping or settled notice to the channels that hear the monitor's outages (the same
    /// set for both, so a receiver that opened something for the one closes it with the other).
    async fn flap(
        &self,
        txn: &DatabaseTransaction,
        monitor: &monitors::Model,
        notice: &FlapNotice,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        let channels = routed_channels(txn, monitor, "down").await?;
        let (kind, event) =
            if notice.settled { ("settled", AlertEvent::Up) } else { ("flapping", AlertEvent::Down) };
        let notice_key = format!("flap:{}:{}:{kind}", monitor.id, notice.since.timestamp());
        let flapping =
            Flapping { since: notice.since, changes: notice.changes, window_seconds: notice.window_seconds };
        let fill = |data: AlertData| AlertData { flapping: Some(flapping), ..data };
        let about = MonitorNotice { kind: format!("monitor.{kind}"), event, dedup_prefix: notice_key };
        self.monitor_notice(txn, monitor, &channels, about, fill, at).await
    }
}

impl AlertRouter {
    /// A degradation beginning or ending, to the channels that follow the monitor's
    /// degradations, plus those following expiring certificates when a certificate is the cause
    /// (each once; the end goes where the start went, so a receiver closes what it opened).
    async fn degradation(
        &self,
        txn: &DatabaseTransaction,
        monitor: &monitors::Model,
        notice: &DegradedNotice,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        let certificate = notice.event == degradation::CERTIFICATE;
        let mut channels = routed_channels(txn, monitor, "degraded").await?;
        if certificate {
            channels.extend(routed_channels(txn, monitor, "certificate").await?);
            channels.sort();
            channels.dedup();
        }
        let (kind, event) = match (certificate, notice.ended) {
            (true, false) => ("certificate.expiring", AlertEvent::Certificate),
            (true, true) => ("certificate.renewed", AlertEvent::Certificate),
            (false, false) => ("monitor.degraded", AlertEvent::Degraded),
            (false, true) => ("monitor.healthy", AlertEvent::Degraded),
        };
        let phase = if notice.ended { "ended" } else { "began" };
        let notice_key = format!("degraded:{}:{}:{phase}", monitor.id, notice.since.timestamp());
        let degradation = Degradation {
            since: notice.since,
            reason: notice.reason.clone(),
            certificate_expires_at: notice.certificate_expires_at,
        };
        let fill = |data: AlertData| AlertData { degradation: Some(degradation), ..data };
        let about = MonitorNotice { kind: kind.to_owned(), event, dedup_prefix: notice_key };
        self.monitor_notice(txn, monitor, &channels, about, fill, at).await
    }

    /// A notice about `monitor` itself (not one outage: flapping, a degradation) to `channels`;
    /// `fill` adds what it says to the organization and the monitor.
    async fn monitor_notice(
        &self,
        txn: &DatabaseTransaction,
        monitor: &monitors::Model,
        channels: &[uuid::Uuid],
        about: MonitorNotice,
        fill: impl FnOnce(AlertData) -> AlertData,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        if channels.is_empty() {
            return Ok(());
        }
        let Some(tenant) = tenants::Entity::find_by_id(monitor.tenant_id).one(txn).await? else {
            return Ok(());
        };
        let data = fill(AlertData {
            monitor: Some(self.messages.monitor(monitor)),
            ..AlertData::of(organization(&tenant))
        });
        let broadcast = Broadcast {
            tenant_id: monitor.tenant_id,
            monitor_id: Some(monitor.id),
            incident_id: None,
            event: about.event,
            message: AlertMessage { kind: about.kind, timestamp: at, data },
            dedup_prefix: about.dedup_prefix,
        };
        deliveries::enqueue_each(txn, &broadcast, channels, at).await
    }
}

/// What a monitor notice is: its message type, delivery event and de-duplication key.
struct MonitorNotice {
    kind: String,
    event: AlertEvent,
    dedup_prefix: String,
}

/// The organization as a message names it.
pub fn organization(tenant: &tenants::Model) -> Organization {
    Organization { slug: tenant.slug.clone(), name: tenant.name.clone() }
}

/// The names of `channels`, A to Z (for the outage's timeline).
pub async fn channel_names(
    txn: &DatabaseTransaction,
    tenant_id: uuid::Uuid,
    channels: &[uuid::Uuid],
) -> Result<Vec<String>, DbErr> {
    Ok(alert_channels::Entity::find()
        .filter(alert_channels::Column::TenantId.eq(tenant_id))
        .filter(alert_channels::Column::Id.is_in(channels.to_vec()))
        .order_by_asc(alert_channels::Column::Name)
        .all(txn)
        .await?
        .into_iter()
        .map(|channel| channel.name)
        .collect())
}

/// The channels whose routes follow `monitor` (itself, one of its tags, or every monitor) for
/// `event`, each once.
pub async fn routed_channels(
    txn: &DatabaseTransaction,
    monitor: &monitors::Model,
    event: &str,
) -> Result<Vec<uuid::Uuid>, DbErr> {
    channels_following(txn, monitor.tenant_id, std::slice::from_ref(monitor), event).await
}

/// The channels whose routes follow any of `monitors` (one of them, one of their tags, or every
/// monitor) for `event`, each once; with no monitors, those following every monitor.
pub async fn channels_following(
    txn: &DatabaseTransaction,
    tenant_id: uuid::Uuid,
    monitors: &[monitors::Model],
    event: &str,
) -> Result<Vec<uuid::Uuid>, DbErr> {
    let tags: Vec<String> = monitors
        .iter()
        .flat_map(|monitor| crate::monitoring::tags::Tags::from_column(&monitor.tags).as_slice().to_vec())
        .collect();
    let mut targets = sea_orm::Condition::any().add(alert_routes::Column::MonitorId.is_null());
    if !monitors.is_empty() {
        targets =
            targets.add(alert_routes::Column::MonitorId.is_in(monitors.iter().map(|monitor| monitor.id)));
    }
    let mut channels: Vec<uuid::Uuid> = alert_routes::Entity::find()
        .filter(alert_routes::Column::TenantId.eq(tenant_id))
        .filter(targets)
        .all(txn)
        .await?
        .into_iter()
        .filter(|route| route.tag.as_ref().is_none_or(|tag| tags.contains(tag)))
        .filter(|route| route.events.split(',').any(|e| e == event))
        .map(|route| route.channel_id)
        .collect();
    channels.sort();
    channels.dedup();
    Ok(channels)
}

#[async_trait::async_trait]
impl OutageFollower for AlertRouter {
    async fn flapping(
        &self,
        txn: &DatabaseTransaction,
        monitor: &monitors::Model,
        notice: &FlapNotice,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        self.flap(txn, monitor, notice, at).await
    }

    async fn opened(
        &self,
        txn: &DatabaseTransaction,
        outage: &incidents::Model,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        self.route(txn, outage, AlertEvent::Down, at).await
    }

    async fn degraded(
        &self,
        txn: &DatabaseTransaction,
        monitor: &monitors::Model,
        notice: &DegradedNotice,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        self.degradation(txn, monitor, notice, at).await
    }

    fn committed(&self) {
        self.wake.notify_one();
    }

    async fn resolved(
        &self,
        txn: &DatabaseTransaction,
        outage: &incidents::Model,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        // An outage that was never announced (it began in maintenance) is not announced over.
        if !outage.alerted {
            return Ok(());
        }
        self.route(txn, outage, AlertEvent::Up, at).await
    }
}
