//! Built public pages, kept for a minute so a crowd refreshing a page during an outage costs
//! one build per minute, not one per visitor. A tenant's pages are dropped at once when one of
//! its monitors changes status (the live monitor events, which reach every process on
//! PostgreSQL), when it edits a page or its maintenance windows (this process; others within
//! the minute), so visitors never wait a minute to see an outage.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use entity::tenants;
use sea_orm::{DatabaseConnection, DbErr};
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

use super::public::PublicPage;
use crate::monitoring::events::MonitorEvents;

/// How long a built page is served (the uptime bars and response times move slowly).
const FRESH_FOR_SECONDS: i64 = 60;
/// Entries kept at most (a page, or the knowledge that a slug has none).
const MAX_ENTRIES: usize = 10_000;

type Entry = (DateTime<Utc>, Option<Arc<PublicPage>>);

#[derive(Clone, Default)]
pub struct PublicPageCache {
    entries: Arc<Mutex<HashMap<(Uuid, String), Entry>>>,
}

impl PublicPageCache {
    /// The page built less than a minute before `now`: `Some(None)` when the slug had no page.
    pub fn get(&self, tenant_id: Uuid, slug: &str, now: DateTime<Utc>) -> Option<Option<Arc<PublicPage>>> {
        let entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let (built_at, page) = entries.get(&(tenant_id, slug.to_owned()))?;
        let fresh = *built_at <= now && now - *built_at < Duration::seconds(FRESH_FOR_SECONDS);
        fresh.then(|| page.clone())
    }

    pub fn put(&self, tenant_id: Uuid, slug: &str, built_at: DateTime<Utc>, page: Option<Arc<PublicPage>>) {
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, (at, _)| built_at - *at < Duration::seconds(FRESH_FOR_SECONDS));
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        entries.insert((tenant_id, slug.to_owned()), (built_at, page));
    }

    pub fn invalidate_tenant(&self, tenant_id: Uuid) {
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        entries.retain(|(tenant, _), _| *tenant != tenant_id);
    }

    /// Drops a tenant's pages whenever one of its monitors changes status or its maintenance
    /// windows change, until `cancel`.
    pub async fn follow(self, events: MonitorEvents, cancel: CancellationToken) {
        let mut receiver = events.subscribe();
        let mut setup = events.subscribe_setup();
        loop {
            tokio::select! {
                () = cancel.cancelled() => return,
                changed = setup.recv() => match changed {
                    Ok(tenant_id) => self.invalidate_tenant(tenant_id),
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => self.clear(),
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                },
                received = receiver.recv() => match received {
                    Ok(event) if event.previous_status.is_some() => self.invalidate_tenant(event.tenant_id),
                    Ok(_) => {}
                    // Missed events: any page may be stale.
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => self.clear(),
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                },
            }
        }
    }

    /// The built page at `slug` of `tenant`: from the cache while fresh, else built and kept.
    pub async fn page(
        &self,
        db: &DatabaseConnection,
        tenant: &tenants::Model,
        slug: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Arc<PublicPage>>, DbErr> {
        if let Some(cached) = self.get(tenant.id, slug, now) {
            return Ok(cached);
        }
        let page = super::public::build(db, tenant, slug, now).await?.map(Arc::new);
        self.put(tenant.id, slug, now, page.clone());
        Ok(page)
    }

    fn clear(&self) {
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clear();
    }
}
