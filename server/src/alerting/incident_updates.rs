//! Status page incident updates to alert channels: each update posted (by a member, or by an
//! outage published on a page) goes, in the transaction that posts it, to the channels routed
//! to `incident` events. Routes for every monitor hear every incident; routes for chosen
//! monitors or tags hear the incidents that affect a component showing one of them. The
//! updates of one incident share a key, so PagerDuty and Opsgenie close the alert the first
//! update opened when one resolves it.

use chrono::{DateTime, Utc};
use entity::alert_deliveries::AlertEvent;
use entity::status_incident_updates as updates;
use entity::{monitors, status_incidents, status_page_components, tenants};
use sea_orm::{ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter};

use super::deliveries::{self, Broadcast};
use super::message::{AlertData, AlertMessage, StatusIncident};
use super::router::{AlertRouter, channels_following, organization};
use crate::status_pages::incidents::{affected_components, status_name};
use crate::status_pages::subscribers::UpdateFollower;

/// The monitors shown by the components an incident affects.
async fn affected_monitors(
    txn: &DatabaseTransaction,
    incident: &status_incidents::Model,
) -> Result<Vec<monitors::Model>, DbErr> {
    let components = affected_components(txn, incident).await?;
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
        let data = AlertData {
            status_incident: Some(StatusIncident {
                id: incident.id,
                title: incident.title.clone(),
                status: status_name(update.status).to_owned(),
                message: update.message.clone(),
                page_url: page_url.to_owned(),
            }),
            ..AlertData::of(organization(&tenant))
        };
        let broadcast = Broadcast {
            tenant_id: incident.tenant_id,
            monitor_id: None,
            incident_id: None,
            event: AlertEvent::Incident,
            message: AlertMessage { kind: "incident.update".into(), timestamp: at, data },
            dedup_prefix: format!("incident_update:{}", update.id),
        };
        deliveries::enqueue_each(txn, &broadcast, &channels, at).await
    }

    fn committed(&self) {
        self.wake.notify_one();
    }
}
