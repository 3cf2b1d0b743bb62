//! Which hostnames Beacon serves: the answer behind Caddy's on-demand TLS `ask` and host routing.
//!
//! A hostname is allowed when it is the subdomain of an active tenant whose owner has verified
//! their email (so mass unverified sign-ups cannot burn the ACME quota), or a verified custom
//! domain of an active tenant; and at most [`DAILY_APPROVALS_PER_TENANT`] distinct names of one
//! tenant are approved per day (per process). The registry keeps the *complete* set of allowed names in memory, so an allowed and an
//! unknown name both answer with one hash lookup: Caddy does not cache denials, and a client
//! spraying random SNI names must not reach the database. Memory is bounded by the tenants'
//! hosts, never by the names asked about. The set is reloaded when this process changes a tenant
//! or domain ([`HostnameRegistry::refresh`]) and, for changes made by other processes, when a
//! cheap fingerprint of the two tables changes ([`HostnameRegistry::refresh_if_changed`], polled).

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::{Arc, RwLock};

use chrono::{NaiveDate, Utc};
use entity::{memberships, tenant_domains, tenants, users};
use sea_orm::sea_query::Expr;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, ExprTrait, QuerySelect, Statement};
use tokio::sync::Mutex;
use uuid::Uuid;

/// What the set was built from: row counts and latest change times of both tables, as text (the
/// same on both backends, where an aggregate's type is not always a timestamp).
type Fingerprint = (
    (i64, Option<String>),
    (i64, Option<String>, Option<String>),
    (i64, Option<String>),
    (i64, Option<String>),
);

/// Distinct names of one tenant approved per UTC day, per process: a tenant adding names in a
/// loop cannot spend the certificate authority's quota for everyone.
pub const DAILY_APPROVALS_PER_TENANT: usize = 20;

/// Today's approvals: the day they count for, and each tenant's approved names.
type Approvals = (NaiveDate, HashMap<Uuid, HashSet<String>>);
/// Allowed name → its tenant; `None` until first loaded.
type AllowedNames = Arc<RwLock<Option<Arc<HashMap<String, Uuid>>>>>;

#[derive(Clone)]
pub struct HostnameRegistry {
    db: DatabaseConnection,
    allowed: AllowedNames,
    approvals: Arc<std::sync::Mutex<Approvals>>,
    /// Serialises reloads and remembers what the current set was built from.
    fingerprint: Arc<Mutex<Option<Fingerprint>>>,
}

impl HostnameRegistry {
    pub fn new(db: DatabaseConnection) -> Self {
        let approvals = Arc::new(std::sync::Mutex::new((Utc::now().date_naive(), HashMap::new())));
        Self { db, allowed: Arc::default(), approvals, fingerprint: Arc::default() }
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
        let Some(tenant) = set.get(&hostname) else { return Ok(false) };
        Ok(self.within_daily_cap(*tenant, hostname))
    }

    fn within_daily_cap(&self, tenant: Uuid, hostname: String) -> bool {
        let today = Utc::now().date_naive();
        let mut approvals = self.approvals.lock().expect("approvals lock");
        let (day, by_tenant) = &mut *approvals;
        if *day != today {
            *day = today;
            by_tenant.clear();
        }
        let names = by_tenant.entry(tenant).or_default();
        if names.contains(&hostname) {
            return true;
        }
        if names.len() >= DAILY_APPROVALS_PER_TENANT {
            metrics::counter!("tls_ask_capped_total").increment(1);
            tracing::warn!(%tenant, "TLS approvals for this tenant reached today's cap");
            return false;
        }
        names.insert(hostname);
        true
    }

    /// The tenant an allowed (normalised) host belongs to, from the loaded set only.
    pub fn tenant_of(&self, host: &str) -> Option<Uuid> {
        self.current()?.get(host).copied()
    }

    /// Whether `host` (normalised) is allowed, from the loaded set only: never waits for the
    /// database (a set not loaded yet answers `false`).
    pub fn is_known(&self, host: &str) -> bool {
        self.current().is_some_and(|set| set.contains_key(host))
    }

    /// How many names are allowed (for metrics).
    pub fn len(&self) -> usize {
        self.current().map_or(0, |set| set.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn current(&self) -> Option<Arc<HashMap<String, Uuid>>> {
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
        let sql = "SELECT d.hostname, d.tenant_id FROM tenant_domains d JOIN tenants t ON t.id = d.tenant_id \
                   WHERE t.status = 'active' AND ((d.kind = 'custom' AND d.verified_at IS NOT NULL) \
                     OR (d.kind = 'subdomain' AND EXISTS (SELECT 1 FROM memberships m \
                       JOIN users u ON u.id = m.user_id \
                       WHERE m.tenant_id = d.tenant_id AND m.role = 'owner' AND u.email_verified_at IS NOT NULL)))";
        let backend = self.db.get_database_backend();
        let rows = self.db.query_all_raw(Statement::from_string(backend, sql)).await?;
        let mut set = HashMap::with_capacity(rows.len());
        for row in rows {
            set.insert(row.try_get::<String>("", "hostname")?, row.try_get::<Uuid>("", "tenant_id")?);
        }
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
        // Verifying an owner's email or changing memberships changes which subdomains qualify.
        let (user_count, user_changed) = users::Entity::find()
            .select_only()
            .expr(Expr::col(users::Column::Id).count())
            .expr(latest("updated_at"))
            .into_tuple::<(i64, Option<String>)>()
            .one(&self.db)
            .await?
            .unwrap_or_default();
        let (member_count, member_changed) = memberships::Entity::find()
            .select_only()
            .expr(Expr::col(memberships::Column::Id).count())
            .expr(latest("updated_at"))
            .into_tuple::<(i64, Option<String>)>()
            .one(&self.db)
            .await?
            .unwrap_or_default();
        Ok((
            (tenant_count, tenant_changed),
            (domain_count, domain_created, domain_verified),
            (user_count, user_changed),
            (member_count, member_changed),
        ))
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
