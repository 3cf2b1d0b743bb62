//! Built public pages, kept for a minute so a crowd refreshing a page during an outage costs
//! one build per minute, not one per visitor. A tenant's pages are dropped at once when one of
//! its monitors changes status (the live monitor events) or when it edits a page, a public
//! incident or its maintenance windows (setup changes) — on every process, both travelling
//! through PostgreSQL's `NOTIFY` — so visitors never wait a minute to see an outage.
//!
//! Building is only half the cost: resolving and serialising a page of 50 components with 90
//! days each is ~450 KB of JSON per request. So the serialised answer to an anonymous query that
//! selects nothing but the public page is kept as well ([`Answer`], JSON and gzip), keyed by the
//! tenant, the host and a hash of the request body, and dropped with the tenant's pages.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
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

/// Serialised answers kept at most, in bytes (JSON and gzip together): a client varying the
/// body's spelling cannot grow the process past this.
const MAX_ANSWER_BYTES: usize = 64 * 1024 * 1024;

type Entry = (DateTime<Utc>, Option<Arc<PublicPage>>);

/// One anonymous request for the public page: the tenant whose host it came to, that host, and
/// the SHA-256 of its body.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct AnswerKey {
    pub tenant_id: Uuid,
    pub host: String,
    pub body_sha256: [u8; 32],
}

/// A serialised GraphQL answer, plain and gzip-compressed (compressed once, not per request).
pub struct Answer {
    pub json: Bytes,
    pub gzip: Bytes,
}

#[derive(Default)]
struct Answers {
    entries: HashMap<AnswerKey, (DateTime<Utc>, Arc<Answer>)>,
    bytes: usize,
}

#[derive(Clone, Default)]
pub struct PublicPageCache {
    entries: Arc<Mutex<HashMap<(Uuid, String), Entry>>>,
    answers: Arc<Mutex<Answers>>,
    /// Bumped by every invalidation: an answer built across one is not kept (it may predate it).
    generation: Arc<AtomicU64>,
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
        self.generation.fetch_add(1, Ordering::SeqCst);
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        entries.retain(|(tenant, _), _| *tenant != tenant_id);
        drop(entries);
        let mut answers = self.answers.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        answers.entries.retain(|key, _| key.tenant_id != tenant_id);
        answers.bytes = answers.entries.values().map(|(_, answer)| answer.size()).sum();
    }

    /// The answer stored less than a minute before `now` for this request.
    pub fn answer(&self, key: &AnswerKey, now: DateTime<Utc>) -> Option<Arc<Answer>> {
        let answers = self.answers.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let (built_at, answer) = answers.entries.get(key)?;
        let fresh = *built_at <= now && now - *built_at < Duration::seconds(FRESH_FOR_SECONDS);
        fresh.then(|| answer.clone())
    }

    /// Read before building an answer, and handed back to [`Self::put_answer`].
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Keeps `json` (and its gzip form) as the answer to `key`, built at `now` — unless the
    /// cache was invalidated since `generation` was read, when it is only returned.
    pub fn put_answer(
        &self,
        key: AnswerKey,
        now: DateTime<Utc>,
        generation: u64,
        json: Bytes,
    ) -> Arc<Answer> {
        let answer = Arc::new(Answer { gzip: gzip(&json), json });
        let mut answers = self.answers.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if self.generation() != generation {
            return answer;
        }
        let answers = &mut *answers;
        if answers.bytes + answer.size() > MAX_ANSWER_BYTES || answers.entries.len() >= MAX_ENTRIES {
            answers.entries.retain(|_, (at, _)| now - *at < Duration::seconds(FRESH_FOR_SECONDS));
            answers.bytes = answers.entries.values().map(|(_, answer)| answer.size()).sum();
            if answers.bytes + answer.size() > MAX_ANSWER_BYTES || answers.entries.len() >= MAX_ENTRIES {
                answers.entries.clear();
                answers.bytes = 0;
            }
        }
        if let Some((_, replaced)) = answers.entries.insert(key, (now, answer.clone())) {
            answers.bytes -= replaced.size();
        }
        answers.bytes += answer.size();
        answer
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
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clear();
        *self.answers.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Answers::default();
    }
}

impl Answer {
    fn size(&self) -> usize {
        self.json.len() + self.gzip.len()
    }
}

fn gzip(bytes: &[u8]) -> Bytes {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    encoder.write_all(bytes).expect("gzip into memory");
    Bytes::from(encoder.finish().expect("gzip into memory"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(tenant: u128, body: u8) -> AnswerKey {
        AnswerKey {
            tenant_id: Uuid::from_u128(tenant),
            host: "acme.example.com".into(),
            body_sha256: [body; 32],
        }
    }

    #[test]
    fn answers_are_fresh_for_a_minute_and_dropped_with_their_tenant() {
        let cache = PublicPageCache::default();
        let at = Utc::now();
        cache.put_answer(key(1, 1), at, 0, Bytes::from_static(b"{\"data\":1}"));
        cache.put_answer(key(2, 1), at, 0, Bytes::from_static(b"{\"data\":2}"));
        assert_eq!(&cache.answer(&key(1, 1), at + Duration::seconds(59)).unwrap().json[..], b"{\"data\":1}");
        assert!(cache.answer(&key(1, 1), at + Duration::seconds(60)).is_none());
        assert!(cache.answer(&key(1, 2), at).is_none(), "another body is another answer");
        cache.invalidate_tenant(Uuid::from_u128(1));
        assert!(cache.answer(&key(1, 1), at).is_none());
        assert!(cache.answer(&key(2, 1), at).is_some(), "other tenants keep theirs");
        // Built before that invalidation: answered, not kept.
        cache.put_answer(key(1, 1), at, 0, Bytes::from_static(b"{}"));
        assert!(cache.answer(&key(1, 1), at).is_none());
    }

    #[test]
    fn gzip_round_trips_and_the_byte_budget_holds() {
        use std::io::Read;
        let cache = PublicPageCache::default();
        let at = Utc::now();
        let big = Bytes::from(vec![b'x'; 8 * 1024 * 1024]);
        let answer = cache.put_answer(key(1, 0), at, 0, big.clone());
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&answer.gzip[..]).read_to_end(&mut unzipped).unwrap();
        assert_eq!(unzipped, big);
        for body in 1..=20 {
            cache.put_answer(key(1, body), at, 0, big.clone());
        }
        let answers = cache.answers.lock().unwrap();
        assert!(answers.bytes <= MAX_ANSWER_BYTES, "{} bytes kept", answers.bytes);
        assert_eq!(answers.bytes, answers.entries.values().map(|(_, a)| a.size()).sum::<usize>());
    }
}
