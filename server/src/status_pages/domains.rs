//! Custom domains for status pages: a tenant adds `status.acme.com` to a page, creates the DNS
//! record Beacon shows (a CNAME to its Beacon host, or a TXT token at
//! `_beacon-challenge.<hostname>`), and asks Beacon to verify it. Only a verified domain is
//! allowed TLS (the hostname registry behind Caddy's `ask` reads `tenant_domains`); removing
//! it revokes that at once. A hostname belongs to one tenant; public suffixes (`co.uk`) and
//! Beacon's own domain are refused.

use chrono::{DateTime, Utc};
use entity::memberships::Role;
use entity::status_pages;
use entity::tenant_domains::{self, DomainKind};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

use crate::audit::{self, AuditContext, actions};
use crate::auth::TenantScope;
use crate::auth::crypto::random_token;
use crate::kernel::{ApiError, Links};
use crate::probe::{CheckSpec, CheckStatus, DnsRecordType, DnsSpec, Prober};
use crate::tenancy::hostnames::{HostnameRegistry, normalize};

pub const MAX_CUSTOM_DOMAINS_PER_TENANT: u64 = 5;
/// Where the TXT proof lives, under the hostname.
pub const CHALLENGE_LABEL: &str = "_beacon-challenge";

/// A hostname a tenant may claim: a valid DNS name (IDNA already applied by the client: only
/// ASCII), not an IP literal, under a registrable domain (not a public suffix itself), and not
/// Beacon's own domain or one of its subdomains.
pub fn parse_hostname(raw: &str, base_domain: &str) -> Result<String, String> {
    let host = normalize(raw).ok_or_else(|| "is not a host name such as status.example.com".to_owned())?;
    if !host.is_ascii() {
        return Err("must be ASCII (use the xn-- form of an international name)".into());
    }
    if !host.contains('.') {
        return Err("must be a full name such as status.example.com".into());
    }
    if host == base_domain || host.ends_with(&format!(".{base_domain}")) {
        return Err(format!("is part of {base_domain}; use your organization's own domain"));
    }
    match psl::domain_str(&host) {
        Some(_) => Ok(host),
        None => Err("is a public suffix, not a domain anyone can own".into()),
    }
}

pub async fn of_page(
    db: &DatabaseConnection,
    scope: &TenantScope,
    page_id: Uuid,
) -> Result<Vec<tenant_domains::Model>, ApiError> {
    Ok(scope
        .find::<tenant_domains::Entity>()
        .filter(tenant_domains::Column::Kind.eq(DomainKind::Custom))
        .filter(tenant_domains::Column::PageId.eq(page_id))
        .order_by_asc(tenant_domains::Column::CreatedAt)
        .all(db)
        .await?)
}

#[allow(clippy::too_many_arguments)]
pub async fn add(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    page_id: Uuid,
    hostname: String,
) -> Result<tenant_domains::Model, ApiError> {
    scope.require(Role::Admin)?;
    let txn = crate::db::begin_write(db).await?;
    scope.get::<status_pages::Entity>(&txn, page_id).await?;
    let custom =
        scope.find::<tenant_domains::Entity>().filter(tenant_domains::Column::Kind.eq(DomainKind::Custom));
    if custom.count(&txn).await? >= MAX_CUSTOM_DOMAINS_PER_TENANT {
        return Err(ApiError::field(
            "hostname",
            format!("an organization has at most {MAX_CUSTOM_DOMAINS_PER_TENANT} custom domains"),
        ));
    }
    // Any tenant's: a hostname belongs to one organization (the unique index says so too).
    let taken =
        tenant_domains::Entity::find().filter(tenant_domains::Column::Hostname.eq(&hostname)).count(&txn);
    if taken.await? > 0 {
        return Err(ApiError::field("hostname", "is already in use"));
    }
    let domain = tenant_domains::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(scope.tenant_id()),
        hostname: Set(hostname),
        kind: Set(DomainKind::Custom),
        verified_at: Set(None),
        created_at: Set(now),
        page_id: Set(Some(page_id)),
        verification_token: Set(Some(random_token().chars().take(32).collect())),
    }
    .insert(&txn)
    .await?;
    let changes = serde_json::json!({ "hostname": domain.hostname, "page_id": page_id });
    audit::record_in(&txn, audit, scope, actions::CUSTOM_DOMAIN_ADDED, ("tenant_domain", domain.id), changes)
        .await?;
    txn.commit().await?;
    Ok(domain)
}

/// Looks for the proof in DNS; on success the domain is verified and allowed TLS at once.
/// Without it, a `BAD_USER_INPUT` on `hostname` says what was looked for.
#[allow(clippy::too_many_arguments)]
pub async fn verify(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    prober: &Prober,
    registry: &HostnameRegistry,
    links: &Links,
    now: DateTime<Utc>,
    id: Uuid,
) -> Result<tenant_domains::Model, ApiError> {
    scope.require(Role::Admin)?;
    let domain = custom(db, scope, id).await?;
    if domain.verified_at.is_some() {
        return Ok(domain);
    }
    let tenant = crate::tenancy::tenants::current(db, scope).await?;
    let target = links.tenant_host(&tenant.slug);
    let token = domain.verification_token.clone().unwrap_or_default();
    let timeout = std::time::Duration::from_secs(10);
    let txt = CheckSpec::Dns(DnsSpec {
        name: format!("{CHALLENGE_LABEL}.{}", domain.hostname),
        record_type: DnsRecordType::Txt,
        expected: Some(token.clone()),
    });
    let cname = CheckSpec::Dns(DnsSpec {
        name: domain.hostname.clone(),
        record_type: DnsRecordType::Cname,
        expected: Some(target.clone()),
    });
    let proven = prober.check(&txt, timeout).await.status == CheckStatus::Up
        || prober.check(&cname, timeout).await.status == CheckStatus::Up;
    if !proven {
        return Err(ApiError::field(
            "hostname",
            format!(
                "found neither a CNAME from {} to {target} nor a TXT record {CHALLENGE_LABEL}.{} with the token; \
                 DNS changes can take a few minutes to appear",
                domain.hostname, domain.hostname
            ),
        ));
    }
    let txn = crate::db::begin_write(db).await?;
    let current = scope.get::<tenant_domains::Entity>(&txn, id).await?;
    let mut active: tenant_domains::ActiveModel = current.into();
    active.verified_at = Set(Some(now));
    let domain = active.update(&txn).await?;
    let changes = serde_json::json!({ "hostname": domain.hostname });
    audit::record_in(&txn, audit, scope, actions::CUSTOM_DOMAIN_VERIFIED, ("tenant_domain", id), changes)
        .await?;
    txn.commit().await?;
    refresh(registry).await;
    Ok(domain)
}

/// Removes the domain; TLS for it is refused from now on.
pub async fn remove(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    registry: &HostnameRegistry,
    id: Uuid,
) -> Result<tenant_domains::Model, ApiError> {
    scope.require(Role::Admin)?;
    let domain = custom(db, scope, id).await?;
    let txn = crate::db::begin_write(db).await?;
    scope
        .delete_many::<tenant_domains::Entity>()
        .filter(tenant_domains::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    let changes = serde_json::json!({ "hostname": domain.hostname });
    audit::record_in(&txn, audit, scope, actions::CUSTOM_DOMAIN_REMOVED, ("tenant_domain", id), changes)
        .await?;
    txn.commit().await?;
    refresh(registry).await;
    Ok(domain)
}

/// A custom domain of the scope's tenant (its subdomain is not one: `NOT_FOUND`).
async fn custom(
    db: &DatabaseConnection,
    scope: &TenantScope,
    id: Uuid,
) -> Result<tenant_domains::Model, ApiError> {
    let domain = scope.get::<tenant_domains::Entity>(db, id).await?;
    if domain.kind != DomainKind::Custom {
        return Err(ApiError::NotFound { entity: "custom domain" });
    }
    Ok(domain)
}

async fn refresh(registry: &HostnameRegistry) {
    // The change is committed; another process picks it up within seconds through the
    // registry's fingerprint poll even if this reload fails.
    if let Err(err) = registry.refresh().await {
        tracing::warn!(error = %err, "the hostname registry could not reload after a domain change");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_registrable_names_outside_beacon_are_accepted() {
        assert_eq!(parse_hostname(" Status.Acme.COM. ", "beacon.test").unwrap(), "status.acme.com");
        assert_eq!(parse_hostname("status.acme.co.uk", "beacon.test").unwrap(), "status.acme.co.uk");
        for bad in [
            "co.uk",
            "com",
            "localhost",
            "127.0.0.1",
            "[::1]",
            "acme.beacon.test",
            "beacon.test",
            "a..b",
            "ex ample.com",
        ] {
            assert!(parse_hostname(bad, "beacon.test").is_err(), "{bad}");
        }
    }
}
