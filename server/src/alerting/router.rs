//! From a monitor's state change to deliveries: the routes of the monitor's organization that
//! follow it (all monitors, or this one) for this event get one delivery row each, written in
//! the transaction that records the change, de-duplicated per outage, event and channel.

use chrono::{DateTime, Utc};
use entity::alert_deliveries::AlertEvent;
use entity::{alert_routes, incidents, monitors, tenants};
use sea_orm::{ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter};

use super::deliveries::{self, NewDelivery};
use super::message::{AlertData, AlertMessage, Incident, Monitor, Organization};
use crate::kernel::Links;
use crate::monitoring::followers::OutageFollower;

pub struct AlertRouter {
    pub links: Links,
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
        let routes: Vec<alert_routes::Model> = alert_routes::Entity::find()
            .filter(alert_routes::Column::TenantId.eq(outage.tenant_id))
            .filter(
                sea_orm::Condition::any()
                    .add(alert_routes::Column::MonitorId.is_null())
                    .add(alert_routes::Column::MonitorId.eq(outage.monitor_id)),
            )
            .all(txn)
            .await?
            .into_iter()
            .filter(|route| route.events.split(',').any(|e| e == name))
            .collect();
        if routes.is_empty() {
            return Ok(());
        }
        let (Some(tenant), Some(monitor)) = (
            tenants::Entity::find_by_id(outage.tenant_id).one(txn).await?,
            monitors::Entity::find_by_id(outage.monitor_id).one(txn).await?,
        ) else {
            return Ok(());
        };
        let message = AlertMessage {
            kind: format!("monitor.{name}"),
            timestamp: at,
            data: AlertData {
                organization: Organization { slug: tenant.slug.clone(), name: tenant.name.clone() },
                monitor: Some(Monitor {
                    id: monitor.id,
                    name: monitor.name.clone(),
                    url: self.links.app(&format!("/app/monitors/{}", monitor.id)),
                }),
                incident: Some(Incident {
                    id: outage.id,
                    started_at: outage.opened_at,
                    resolved_at: outage.resolved_at.or((event == AlertEvent::Up).then_some(at)),
                    cause: outage.cause.clone(),
                }),
            },
        };
        let mut channels: Vec<_> = routes.iter().map(|route| route.channel_id).collect();
        channels.sort();
        channels.dedup();
        for channel_id in channels {
            let delivery = NewDelivery {
                tenant_id: outage.tenant_id,
                channel_id,
                monitor_id: Some(monitor.id),
                incident_id: Some(outage.id),
                event,
                message: message.clone(),
                dedup_key: Some(format!("{}:{name}:{channel_id}", outage.id)),
            };
            deliveries::enqueue(txn, delivery, at).await?;
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl OutageFollower for AlertRouter {
    async fn opened(
        &self,
        txn: &DatabaseTransaction,
        outage: &incidents::Model,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        self.route(txn, outage, AlertEvent::Down, at).await
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
