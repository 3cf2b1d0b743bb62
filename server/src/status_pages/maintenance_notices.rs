//! Maintenance start and end emails for status-page subscribers. A sweep (every
//! [`SWEEP_EVERY`], and on demand in tests) looks at the maintenance windows of organizations
//! that have confirmed subscribers: an occurrence that started within [`GRACE`] gets a start
//! notice, one that ended within it gets an end notice (only after a start notice, so a window
//! created after the fact mails nobody). Each notice is a row in `status_maintenance_notices`
//! written in the transaction that queues its emails; the row's unique key makes a second
//! sweep — or another process — do nothing, and each email carries a de-duplication key too.
//! Subscribers hear about a window when it covers a component of their page they follow.

use std::collections::{HashMap, HashSet};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use entity::status_maintenance_notices::{self as notices, Kind};
use entity::{
    maintenance_windows, monitors, status_page_components, status_pages, status_subscribers, tenants,
};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

use super::subscribers::SubscriberMail;
use crate::kernel::SharedClock;
use crate::mail::NewEmail;
use crate::mail::templates::MaintenanceNotice;
use crate::monitoring::maintenance::{Coverage, Schedule};

/// How often the sweep runs; a notice is at most this late.
pub const SWEEP_EVERY: StdDuration = StdDuration::from_secs(30);
/// A start or end older than this is not announced any more (a process down for longer, or a
/// window created after it started long ago, sends nothing late).
pub const GRACE: Duration = Duration::hours(1);

#[derive(Clone)]
pub struct MaintenanceNotices {
    pub db: DatabaseConnection,
    pub mail: SubscriberMail,
    pub clock: SharedClock,
}

/// A notice due now.
struct Due {
    window: maintenance_windows::Model,
    coverage: Coverage,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    kind: Kind,
}

impl MaintenanceNotices {
    /// Sweeps every [`SWEEP_EVERY`] until `cancel`.
    pub async fn run(self, cancel: CancellationToken) {
        loop {
            if let Err(err) = self.sweep().await {
                tracing::warn!(error = %err, "the maintenance notice sweep failed; it runs again shortly");
            }
            tokio::select! {
                () = cancel.cancelled() => return,
                () = tokio::time::sleep(SWEEP_EVERY) => {}
            }
        }
    }

    /// Sends the notices due at the clock's now; returns how many notices (not emails) went out.
    pub async fn sweep(&self) -> Result<usize, DbErr> {
        let now = self.clock.now();
        let tenant_ids: Vec<Uuid> = status_subscribers::Entity::find()
            .select_only()
            .column(status_subscribers::Column::TenantId)
            .filter(status_subscribers::Column::ConfirmedAt.is_not_null())
            .distinct()
            .into_tuple()
            .all(&self.db)
            .await?;
        if tenant_ids.is_empty() {
            return Ok(0);
        }
        let windows = maintenance_windows::Entity::find()
            .filter(maintenance_windows::Column::TenantId.is_in(tenant_ids))
            .all(&self.db)
            .await?;
        let mut sent = 0;
        for window in windows {
            let Some((start, end)) = Schedule::from_row(&window).and_then(|s| s.last_started(now)) else {
                continue;
            };
            let kind = if now < end && now - start <= GRACE {
                Kind::Start
            } else if end <= now && now - end <= GRACE {
                Kind::End
            } else {
                continue;
            };
            let coverage = Coverage::of(&window);
            if self.send(Due { window, coverage, start, end, kind }, now).await? {
                sent += 1;
            }
        }
        if sent > 0 {
            self.mail.outbox.wake();
        }
        Ok(sent)
    }

    /// Records the notice and queues its emails in one transaction; `false` when it was sent
    /// before (or, for an end, when its start never was).
    async fn send(&self, due: Due, now: DateTime<Utc>) -> Result<bool, DbErr> {
        let txn = crate::db::begin_write(&self.db).await?;
        let notice = |kind: Kind| {
            notices::Entity::find()
                .filter(notices::Column::TenantId.eq(due.window.tenant_id))
                .filter(notices::Column::WindowId.eq(due.window.id))
                .filter(notices::Column::OccurrenceStart.eq(due.start))
                .filter(notices::Column::Kind.eq(kind))
        };
        if due.kind == Kind::End && notice(Kind::Start).one(&txn).await?.is_none() {
            return Ok(false);
        }
        let inserted = notices::Entity::insert(notices::ActiveModel {
            id: Set(Uuid::now_v7()),
            tenant_id: Set(due.window.tenant_id),
            window_id: Set(due.window.id),
            occurrence_start: Set(due.start),
            kind: Set(due.kind),
            created_at: Set(now),
        })
        .on_conflict(
            OnConflict::columns([
                notices::Column::TenantId,
                notices::Column::WindowId,
                notices::Column::OccurrenceStart,
                notices::Column::Kind,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
        if inserted == 0 {
            return Ok(false);
        }
        self.queue_emails(&txn, &due).await?;
        txn.commit().await?;
        Ok(true)
    }

    async fn queue_emails(&self, txn: &sea_orm::DatabaseTransaction, due: &Due) -> Result<(), DbErr> {
        let tenant_id = due.window.tenant_id;
        let Some(tenant) = tenants::Entity::find_by_id(tenant_id).one(txn).await? else { return Ok(()) };
        let components = status_page_components::Entity::find()
            .filter(status_page_components::Column::TenantId.eq(tenant_id))
            .all(txn)
            .await?;
        let monitor_ids: HashSet<Uuid> = components.iter().map(|c| c.monitor_id).collect();
        let monitors: HashMap<Uuid, monitors::Model> = monitors::Entity::find()
            .filter(monitors::Column::TenantId.eq(tenant_id))
            .filter(monitors::Column::Id.is_in(monitor_ids))
            .all(txn)
            .await?
            .into_iter()
            .map(|monitor| (monitor.id, monitor))
            .collect();
        // The covered components, per page, in page order.
        let mut covered: HashMap<Uuid, Vec<&status_page_components::Model>> = HashMap::new();
        for component in &components {
            if monitors.get(&component.monitor_id).is_some_and(|monitor| due.coverage.includes(monitor)) {
                covered.entry(component.page_id).or_default().push(component);
            }
        }
        if covered.is_empty() {
            return Ok(());
        }
        let pages: HashMap<Uuid, status_pages::Model> = status_pages::Entity::find()
            .filter(status_pages::Column::TenantId.eq(tenant_id))
            .filter(status_pages::Column::Id.is_in(covered.keys().copied()))
            .all(txn)
            .await?
            .into_iter()
            .map(|page| (page.id, page))
            .collect();
        let subscribers = status_subscribers::Entity::find()
            .filter(status_subscribers::Column::TenantId.eq(tenant_id))
            .filter(status_subscribers::Column::PageId.is_in(covered.keys().copied()))
            .filter(status_subscribers::Column::ConfirmedAt.is_not_null())
            .all(txn)
            .await?;
        let kind = if due.kind == Kind::Start { "start" } else { "end" };
        for subscriber in subscribers {
            let (Some(page), Some(page_components)) =
                (pages.get(&subscriber.page_id), covered.get(&subscriber.page_id))
            else {
                continue;
            };
            let mut page_components = page_components.clone();
            page_components.sort_by_key(|component| component.position);
            let chosen = subscriber.components();
            if !chosen.is_empty() && !page_components.iter().any(|component| chosen.contains(&component.id)) {
                continue;
            }
            let names: Vec<&str> = page_components.iter().map(|component| component.name.as_str()).collect();
            let content = MaintenanceNotice {
                started: due.kind == Kind::Start,
                name: due.window.name.clone(),
                ends_at: due.end.format("%Y-%m-%d %H:%M UTC").to_string(),
                components: names.join(", "),
                tenant_name: tenant.name.clone(),
                status_page_url: self.mail.page_url(&tenant, page),
                unsubscribe_url: self.mail.unsubscribe_url(&tenant, &subscriber.token),
            }
            .email();
            let email = NewEmail {
                tenant_id: Some(tenant_id),
                kind: "status_maintenance_notice",
                recipient: subscriber.email.clone(),
                content,
                dedup_key: Some(format!(
                    "maintenance:{}:{}:{kind}:{}",
                    due.window.id,
                    due.start.timestamp(),
                    subscriber.id
                )),
                list_unsubscribe: Some(self.mail.one_click_url(&tenant, &subscriber.token)),
            };
            self.mail.outbox.enqueue(txn, email).await?;
        }
        Ok(())
    }
}

/// How long a sent notice is remembered: far longer than [`GRACE`], past which it would never
/// be sent again anyway.
pub const NOTICE_DAYS: i64 = 30;

/// Forgets notices for occurrences that started more than [`NOTICE_DAYS`] ago.
pub async fn purge(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let cutoff = now - Duration::days(NOTICE_DAYS);
    crate::db::purge::before(db, "status_maintenance_notices", "occurrence_start", None, cutoff).await
}
