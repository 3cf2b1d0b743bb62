//! Status page incident updates to alert channels: each update posted (by a member, or by an
//! outage published on a page) goes, in the transaction that posts it, to the channels routed
//! to `incident` events. Routes for every monitor hear every incident; routes for chosen
//! monitors or tags hear the incidents that affect a component showing one of them. The
//! updates of one incident share a key, so PagerDuty and Opsgenie close the alert the first
//! update opened when one resolves it.

use chrono::{DateTime, Utc};
use entity::alert_deliveries::AlertEvent;
use entity::status_incident_updates as updates;
use entity::{monitors, status_incident_components, status_incidents, status_page_components, tenants};
use sea_orm::{ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter};

use super::deliveries::{self, NewDelivery};
use super::message::{AlertData, AlertMessage, Organization, StatusIncident};
use super::router::{AlertRouter, channels_following};
use crate::status_pages::incidents::status_name;
use crate::status_pages::subscribers::UpdateFollower;

/// The monitors shown by the components an incident affects.
async fn affected_monitors(
    txn: &DatabaseTransaction,
    incident: &status_incidents::Model,
) -> Result<Vec<monitors::Model>, DbErr> {
    let components: Vec<uuid::Uuid> = status_incident_components::Entity::find()
        .filter(status_incident_components::Column::TenantId.eq(incident.tenant_id))
        .filter(status_incident_components::Column::IncidentId.eq(incident.id))
        .all(txn)
        .await?
        .into_iter()
        .map(|row| row.component_id)
        .collect();
    if components.is_empty() {
        return Ok(Vec::new());
    }
    let monitor_ids: Vec<uuid::Uuid> = status_page_components::Entity::find()
        .filter(status_page_components::Column::TenantId.eq(incident.tenant_id))
        .filter(status_page_components::Column::Id.is_in(components))
        .all(txn)
        .await?
        .into_iter()
        .map(|component| component.monitor_id)
        .collect();
    monitors::Entity::find()
        .filter(monitors::Column::TenantId.eq(incident.tenant_id))
        .filter(monitors::Column::Id.is_in(monitor_ids))
        .all(txn)
        .await
}

#[async_trait::async_trait]
impl UpdateFollower for AlertRouter {
    async fn posted(
        &self,
        txn: &DatabaseTransaction,
        incident: &status_incidents::Model,
        update: &updates::Model,
        page_url: &str,
    ) -> Result<(), DbErr> {
        let monitors = affected_monitors(txn, incident).await?;
        let channels = channels_following(txn, incident.tenant_id, &monitors, "incident").await?;
        if channels.is_empty() {
            return Ok(());
        }
        let Some(tenant) = tenants::Entity::find_by_id(incident.tenant_id).one(txn).await? else {
            return Ok(());
        };
        let at: DateTime<Utc> = update.created_at;
        let message = AlertMessage {
            kind: "incident.update".into(),
            timestamp: at,
            data: AlertData {
                organization: Organization { slug: tenant.slug.clone(), name: tenant.name.clone() },
                monitor: None,
                incident: None,
                flapping: None,
                degradation: None,
                status_incident: Some(StatusIncident {
                    id: incident.id,
                    title: incident.title.clone(),
                    status: status_name(update.status).to_owned(),
                    message: update.message.clone(),
                    page_url: page_url.to_owned(),
                }),
            },
        };
        for channel_id in channels {
            let delivery = NewDelivery {
                tenant_id: incident.tenant_id,
                channel_id,
                monitor_id: None,
                incident_id: None,
                event: AlertEvent::Incident,
                message: message.clone(),
                dedup_key: Some(format!("incident_update:{}:{channel_id}", update.id)),
            };
            deliveries::enqueue(txn, delivery, at).await?;
        }
        Ok(())
    }

    fn committed(&self) {
        self.wake.notify_one();
    }
}
