//! Alert emails for an outage and its recovery, written through the outbox in the transaction
//! that records the state change: a rollback sends nothing, a commit always sends. Recipients are
//! the organization's owners and admins with a verified address. The de-duplication key names
//! the incident, so one outage alerts each recipient once however often it is recorded.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use entity::memberships::{self, Role};
use entity::{incidents, monitors, tenants, users};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait, JoinType,
    QueryFilter, QuerySelect, RelationTrait,
};

use super::events::{MonitorEvents, status_name};
use super::flapping::FlapNotice;
use super::followers::OutageFollower;
use super::record::Recorded;
use crate::kernel::Links;
use crate::mail::templates::{MonitorAlert, MonitorFlapping};
use crate::mail::{NewEmail, Outbox};

/// What a recorded state change tells the world: alert emails through the outbox, the live
/// events subscribers watch, and the layers above that follow outages (public incidents).
#[derive(Clone)]
pub struct Alerts {
    pub outbox: Outbox,
    pub links: Links,
    pub events: MonitorEvents,
    pub followers: Arc<[Arc<dyn OutageFollower>]>,
}

impl Alerts {
    /// After the recording transaction committed: publish its live events and, when it queued
    /// alert emails, wake the outbox so they go out now rather than at its next poll.
    pub async fn committed(&self, db: &DatabaseConnection, recorded: &mut Recorded) {
        self.events.publish(db, std::mem::take(&mut recorded.events)).await;
        if recorded.went_down + recorded.recovered + recorded.flap_notices + recorded.degraded_notices > 0 {
            self.outbox.wake();
            self.followers.iter().for_each(|follower| follower.committed());
        }
    }

    /// Queues the down (`down = true`) or recovery email of `incident` to every recipient.
    pub async fn enqueue(
        &self,
        db: &impl ConnectionTrait,
        monitor: &monitors::Model,
        incident: &incidents::Model,
        down: bool,
        at: DateTime<Utc>,
    ) -> Result<usize, DbErr> {
        let Some(tenant) = tenants::Entity::find_by_id(monitor.tenant_id).one(db).await? else {
            return Ok(0);
        };
        let recipients = recipients(db, monitor).await?;
        let reason = if down {
            incident.cause.clone()
        } else {
            format!(
                "{} of downtime",
                humantime::format_duration(std::time::Duration::from_secs(
                    (at - incident.opened_at).num_seconds().max(0) as u64,
                ))
            )
        };
        let content = MonitorAlert {
            down,
            monitor_name: monitor.name.clone(),
            tenant_name: tenant.name.clone(),
            since: at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            reason,
            link: self.links.tenant(&tenant.slug, &format!("/app/monitors/{}", monitor.id)),
        }
        .email();
        let event = if down { "down" } else { "up" };
        for (user_id, email) in &recipients {
            self.outbox
                .enqueue(
                    db,
                    NewEmail {
                        tenant_id: Some(monitor.tenant_id),
                        kind: if down { "monitor_down" } else { "monitor_up" },
                        recipient: email.clone(),
                        content: content.clone(),
                        dedup_key: Some(format!("monitor_{event}:{}:{user_id}", incident.id)),
                        list_unsubscribe: None,
                    },
                )
                .await?;
        }
        Ok(recipients.len())
    }

    /// `monitor` started flapping or settled: one email to every recipient, and the followers
    /// (alert channels) hear it.
    pub async fn flapping(
        &self,
        db: &DatabaseTransaction,
        monitor: &monitors::Model,
        notice: &FlapNotice,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        if let Some(tenant) = tenants::Entity::find_by_id(monitor.tenant_id).one(db).await? {
            let window = humantime::format_duration(std::time::Duration::from_secs(
                notice.window_seconds.max(0) as u64,
            ))
            .to_string();
            let content = MonitorFlapping {
                settled: notice.settled,
                monitor_name: monitor.name.clone(),
                tenant_name: tenant.name.clone(),
                changes: notice.changes,
                window,
                state: status_name(monitor.status).to_uppercase(),
                link: self.links.tenant(&tenant.slug, &format!("/app/monitors/{}", monitor.id)),
            }
            .email();
            let what = if notice.settled { "settled" } else { "flapping" };
            for (user_id, email) in recipients(db, monitor).await? {
                let dedup = format!("monitor_{what}:{}:{}:{user_id}", monitor.id, notice.since.timestamp());
                let email = NewEmail {
                    tenant_id: Some(monitor.tenant_id),
                    kind: if notice.settled { "monitor_settled" } else { "monitor_flapping" },
                    recipient: email,
                    content: content.clone(),
                    dedup_key: Some(dedup),
                    list_unsubscribe: None,
                };
                self.outbox.enqueue(db, email).await?;
            }
        }
        for follower in self.followers.iter() {
            follower.flapping(db, monitor, notice, at).await?;
        }
        Ok(())
    }
}

/// The organization's owners and admins with a verified address.
async fn recipients(
    db: &impl ConnectionTrait,
    monitor: &monitors::Model,
) -> Result<Vec<(uuid::Uuid, String)>, DbErr> {
    users::Entity::find()
        .select_only()
        .column(users::Column::Id)
        .column(users::Column::Email)
        .join(JoinType::InnerJoin, users::Relation::Memberships.def())
        .filter(memberships::Column::TenantId.eq(monitor.tenant_id))
        .filter(memberships::Column::Role.is_in([Role::Owner, Role::Admin]))
        .filter(users::Column::EmailVerifiedAt.is_not_null())
        .into_tuple()
        .all(db)
        .await
}
