//! Which hostnames Beacon serves: the answer behind Caddy's on-demand TLS `ask` and host routing.
//!
//! A hostname is allowed when it is the subdomain of an active tenant or a verified custom domain
//! of one. The registry keeps the *complete* set of allowed names in memory, so an allowed and an
//! unknown name both answer with one hash lookup: Caddy does not cache denials, and a client
//! spraying random SNI names must not reach the database. Memory is bounded by the tenants'
//! hosts, never by the names asked about. The set is reloaded when this process changes a tenant
//! or domain ([`HostnameRegistry::refresh`]) and, for changes made by other processes, when a
//! cheap fingerprint of the two tables changes ([`HostnameRegistry::refresh_if_changed`], polled).

use std::collections::HashSet;
use std::net::IpAddr;
use std::sync::{Arc, RwLock};

use entity::tenant_domains::{self, DomainKind};
use entity::tenants::{self, TenantStatus};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, ExprTrait, JoinType, QueryFilter, QuerySelect,
    RelationTrait,
};
use tokio::sync::Mutex;

/// What the set was built from: row counts and latest change times of both tables, as text (the
/// same on both backends, where an aggregate's type is not always a timestamp).
type Fingerprint = (i64, Option<String>, i64, Option<String>, Option<String>);

#[derive(Clone)]
pub struct HostnameRegistry {
    db: DatabaseConnection,
    allowed: Arc<RwLock<Option<Arc<HashSet<String>>>>>,
    /// Serialises reloads and remembers what the current set was built from.
    fingerprint: Arc<Mutex<Option<Fingerprint>>>,
}

impl HostnameRegistry {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db, allowed: Arc::default(), fingerprint: Arc::default() }
    }

    /// `Ok(true)` when TLS may be issued for `raw`; `Err` when the set was never loaded and the
    /// database cannot answer (the caller denies).
    pub async fn is_allowed(&self, raw: &str) -> Result<bool, DbErr> {
        let Some(hostname) = normalize(raw) else {
            return Ok(false);
        };
        let set = match self.current() {
            Some(set) => set,
            None => {
                self.refresh().await?;
                self.current().ok_or_else(|| DbErr::Custom("the hostname set is not loaded".into()))?
            }
        };
        Ok(set.contains(&hostname))
    }

    /// Whether `host` (normalised) is allowed, from the loaded set only: never waits for the
    /// database (a set not loaded yet answers `false`).
    pub fn is_known(&self, host: &str) -> bool {
        self.current().is_some_and(|set| set.contains(host))
    }

    /// How many names are allowed (for metrics).
    pub fn len(&self) -> usize {
        self.current().map_or(0, |set| set.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn current(&self) -> Option<Arc<HashSet<String>>> {
        self.allowed.read().expect("hostname set lock").clone()
    }

    /// Reloads the set now: call after committing a change to a tenant's status or domains.
    pub async fn refresh(&self) -> Result<(), DbErr> {
        let mut fingerprint = self.fingerprint.lock().await;
        let now = self.fingerprint_now().await?;
        self.load().await?;
        *fingerprint = Some(now);
        Ok(())
    }

    /// Reloads the set if another process changed the tables since it was built.
    pub async fn refresh_if_changed(&self) -> Result<bool, DbErr> {
        let mut fingerprint = self.fingerprint.lock().await;
        let now = self.fingerprint_now().await?;
        if fingerprint.as_ref() == Some(&now) && self.current().is_some() {
            return Ok(false);
        }
        self.load().await?;
        *fingerprint = Some(now);
        Ok(true)
    }

    async fn load(&self) -> Result<(), DbErr> {
        let names: Vec<String> = tenant_domains::Entity::find()
            .join(JoinType::InnerJoin, tenant_domains::Relation::Tenant.def())
            .filter(tenants::Column::Status.eq(TenantStatus::Active))
            .filter(
                tenant_domains::Column::Kind
                    .eq(DomainKind::Subdomain)
                    .or(tenant_domains::Column::VerifiedAt.is_not_null()),
            )
            .select_only()
            .column(tenant_domains::Column::Hostname)
            .into_tuple()
            .all(&self.db)
            .await?;
        let set: HashSet<String> = names.into_iter().collect();
        metrics::gauge!("tls_allowed_hostnames").set(set.len() as f64);
        *self.allowed.write().expect("hostname set lock") = Some(Arc::new(set));
        Ok(())
    }

    async fn fingerprint_now(&self) -> Result<Fingerprint, DbErr> {
        let latest = |column: &str| Expr::cust(format!("CAST(MAX({column}) AS TEXT)"));
        let (tenant_count, tenant_changed) = tenants::Entity::find()
            .select_only()
            .expr(Expr::col(tenants::Column::Id).count())
            .expr(latest("updated_at"))
            .into_tuple::<(i64, Option<String>)>()
            .one(&self.db)
            .await?
            .unwrap_or_default();
        let (domain_count, domain_created, domain_verified) = tenant_domains::Entity::find()
            .select_only()
            .expr(Expr::col(tenant_domains::Column::Id).count())
            .expr(latest("created_at"))
            .expr(latest("verified_at"))
            .into_tuple::<(i64, Option<String>, Option<String>)>()
            .one(&self.db)
            .await?
            .unwrap_or_default();
        Ok((tenant_count, tenant_changed, domain_count, domain_created, domain_verified))
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
