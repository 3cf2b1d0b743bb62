//! Which hostnames Beacon serves: the answer behind Caddy's on-demand TLS `ask` and host routing.
//!
//! A hostname is allowed when it is the subdomain of an active tenant or a verified custom domain
//! of one. Answers (both ways) are cached briefly, because Caddy does not cache denials and every
//! TLS handshake for an unknown name reaches us.

use std::net::IpAddr;
use std::time::Duration;

use entity::{tenant_domains, tenants};
use moka::future::Cache;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, ExprTrait, QueryFilter, QuerySelect, RelationTrait,
};

/// How long an answer is reused. Suspensions and new domains take effect within this time.
const CACHE_TTL: Duration = Duration::from_secs(30);
const CACHE_CAPACITY: u64 = 100_000;

#[derive(Clone)]
pub struct HostnameRegistry {
    db: DatabaseConnection,
    cache: Cache<String, bool>,
}

impl HostnameRegistry {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db, cache: Cache::builder().max_capacity(CACHE_CAPACITY).time_to_live(CACHE_TTL).build() }
    }

    /// `Ok(true)` when TLS may be issued for `raw`; `Err` when the database could not answer
    /// (the caller denies, and nothing is cached).
    pub async fn is_allowed(&self, raw: &str) -> Result<bool, sea_orm::DbErr> {
        let Some(hostname) = normalize(raw) else {
            return Ok(false);
        };
        if let Some(answer) = self.cache.get(&hostname).await {
            return Ok(answer);
        }
        let answer = self.lookup(&hostname).await?;
        self.cache.insert(hostname, answer).await;
        Ok(answer)
    }

    /// Forgets cached answers, e.g. after a tenant is suspended or a domain verified.
    pub fn invalidate_all(&self) {
        self.cache.invalidate_all();
    }

    async fn lookup(&self, hostname: &str) -> Result<bool, sea_orm::DbErr> {
        let found = tenant_domains::Entity::find()
            .join(sea_orm::JoinType::InnerJoin, tenant_domains::Relation::Tenant.def())
            .filter(tenant_domains::Column::Hostname.eq(hostname))
            .filter(tenants::Column::Status.eq(tenants::TenantStatus::Active))
            .filter(
                tenant_domains::Column::Kind
                    .eq(tenant_domains::DomainKind::Subdomain)
                    .or(tenant_domains::Column::VerifiedAt.is_not_null()),
            )
            .select_only()
            .column(tenant_domains::Column::Id)
            .into_tuple::<uuid::Uuid>()
            .one(&self.db)
            .await?;
        Ok(found.is_some())
    }
}

/// Lower-cases and strips a trailing dot; refuses IP literals and anything that is not a
/// syntactically valid DNS name (so junk never reaches the database or the cache).
pub fn normalize(raw: &str) -> Option<String> {
    let host = raw.trim().trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() || host.len() > 253 || host.parse::<IpAddr>().is_ok() {
        return None;
    }
    let labels_ok = host.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    (labels_ok && host.contains('.')).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalizes_names_and_refuses_junk() {
        assert_eq!(normalize("Acme.Example.COM."), Some("acme.example.com".into()));
        for junk in ["", "127.0.0.1", "::1", "localhost", "a..b", "-a.b", "a_b.c", "a.b/c", &"a".repeat(64)] {
            assert_eq!(normalize(junk), None, "{junk:?}");
        }
    }
}
