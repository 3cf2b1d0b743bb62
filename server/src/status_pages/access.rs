//! Who may see a status page. Public by default; or only visitors who give its password, or
//! who open a link mailed to an address in one of its email domains. Either way the visitor
//! ends up with a signed grant (`auth::tokens::PageAccessClaims`) valid for [`GRANT_DAYS`] that
//! the public page, its subscriptions and its incident history ask for. Grants carry the page's
//! `access_version`, so changing the settings (a new password, a removed domain) voids every
//! grant made before. Feeds and badges of a restricted page are not served at all.

use chrono::{DateTime, Duration, Utc};
use entity::memberships::Role;
use entity::status_pages::{self, Access};
use entity::tenants;
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use uuid::Uuid;

use super::subscribers::SubscriberMail;
use crate::audit::{self, AuditContext, actions};
use crate::auth::TenantScope;
use crate::auth::crypto::{hash_password, verify_password};
use crate::auth::tokens::TokenKeys;
use crate::kernel::input::EmailAddress;
use crate::kernel::{ApiError, FieldErrors};
use crate::mail::NewEmail;
use crate::mail::templates::StatusPageAccess;

/// How long a grant (and a mailed link) opens the page.
pub const GRANT_DAYS: i64 = 30;
pub const MAX_EMAIL_DOMAINS: usize = 20;
pub const PASSWORD_MIN_CHARS: usize = 8;

/// New access settings, parsed. `password` is `None` to keep the current one.
#[derive(Debug)]
pub struct AccessDraft {
    pub access: Access,
    pub password: Option<String>,
    pub email_domains: Vec<String>,
}

/// A visitor's grant for one page.
#[derive(Debug, Clone)]
pub struct Grant {
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// A page password: 8 to 128 characters (it is shared with a team's customers, not a login).
pub fn parse_password(raw: &str) -> Result<String, String> {
    let chars = raw.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        return Err(format!("must be at least {PASSWORD_MIN_CHARS} characters"));
    }
    if chars > 128 {
        return Err("must be at most 128 characters".into());
    }
    Ok(raw.to_owned())
}

/// An email domain such as `example.com`: a registrable name (not a public suffix), ASCII.
pub fn parse_email_domain(raw: &str) -> Result<String, String> {
    let domain = crate::tenancy::hostnames::normalize(raw.trim_start_matches('@'))
        .filter(|domain| domain.is_ascii() && domain.contains('.'))
        .ok_or_else(|| format!("\"{}\" is not a domain such as example.com", raw.trim()))?;
    match psl::domain_str(&domain) {
        Some(_) => Ok(domain),
        None => Err(format!("\"{domain}\" is a public suffix, not an organization's domain")),
    }
}

/// Parses the settings as the API receives them; field names as in `StatusPageAccessInput`.
pub fn parse_draft(
    access: Access,
    password: Option<&str>,
    domains: &[String],
) -> Result<AccessDraft, ApiError> {
    let mut errors = FieldErrors::default();
    let password = match password.filter(|p| !p.is_empty()) {
        Some(raw) => errors.check("password", parse_password(raw)),
        None => None,
    };
    let mut email_domains = Vec::new();
    for (index, raw) in domains.iter().enumerate() {
        if let Some(domain) = errors.check(&format!("emailDomains[{index}]"), parse_email_domain(raw))
            && !email_domains.contains(&domain)
        {
            email_domains.push(domain);
        }
    }
    if email_domains.len() > MAX_EMAIL_DOMAINS {
        errors.check::<()>("emailDomains", Err(format!("at most {MAX_EMAIL_DOMAINS} domains")));
    }
    if access == Access::EmailDomain && domains.is_empty() {
        errors.check::<()>(
            "emailDomains",
            Err("name at least one domain whose addresses may view the page".into()),
        );
    }
    errors.into_result()?;
    Ok(AccessDraft { access, password, email_domains })
}

/// Changes who may see the page. Members and above; a password page needs a password (a new
/// one, or the one it had). Every change voids the grants made before it.
pub async fn set(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    page_id: Uuid,
    draft: AccessDraft,
) -> Result<status_pages::Model, ApiError> {
    scope.require(Role::Member)?;
    let password_hash = match draft.password {
        Some(password) => Some(hash_password(password).await?),
        None => None,
    };
    let txn = crate::db::begin_write(db).await?;
    let page = scope.get::<status_pages::Entity>(&txn, page_id).await?;
    if draft.access == Access::Password && password_hash.is_none() && page.password_hash.is_none() {
        return Err(ApiError::field("password", "is required to protect the page with a password"));
    }
    let version = page.access_version.wrapping_add(1);
    let changes = serde_json::json!({
        "access": format!("{:?}", draft.access),
        "emailDomains": draft.email_domains,
        "passwordChanged": password_hash.is_some(),
    });
    let mut active: status_pages::ActiveModel = page.into();
    active.access = Set(draft.access);
    active.email_domains = Set(draft.email_domains.join(","));
    if let Some(hash) = password_hash {
        active.password_hash = Set(Some(hash));
    }
    active.access_version = Set(version);
    active.updated_at = Set(now);
    let page = active.update(&txn).await?;
    audit::record_in(
        &txn,
        audit,
        scope,
        actions::STATUS_PAGE_ACCESS_CHANGED,
        ("status_page", page.id),
        changes,
    )
    .await?;
    txn.commit().await?;
    Ok(page)
}

pub fn grant(keys: &TokenKeys, page: &status_pages::Model, now: DateTime<Utc>) -> Grant {
    let ttl = Duration::days(GRANT_DAYS);
    Grant { token: keys.issue_page_access(page.id, page.access_version, now, ttl), expires_at: now + ttl }
}

/// What deciding a visitor's access needs of a page (kept with a built public page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gate {
    pub page_id: Uuid,
    pub access: Access,
    pub version: i32,
    pub title: String,
}

impl Gate {
    pub fn of(page: &status_pages::Model) -> Self {
        Self {
            page_id: page.id,
            access: page.access,
            version: page.access_version,
            title: page.title.clone(),
        }
    }

    /// Whether a visitor holding `token` (if any) may see the page at `now`.
    pub fn admits(&self, keys: &TokenKeys, token: Option<&str>, now: DateTime<Utc>) -> bool {
        if self.access == Access::Public {
            return true;
        }
        token
            .and_then(|token| keys.verify_page_access(token, now).ok())
            .is_some_and(|claims| claims.sub == self.page_id && claims.ver == self.version)
    }

    /// `Ok` when the visitor may see the page; else the error a restricted page answers.
    pub fn check(&self, keys: &TokenKeys, token: Option<&str>, now: DateTime<Utc>) -> Result<(), ApiError> {
        if self.admits(keys, token, now) {
            Ok(())
        } else {
            Err(ApiError::Locked { access: access_name(self.access), title: self.title.clone() })
        }
    }
}

pub fn access_name(access: Access) -> &'static str {
    match access {
        Access::Public => "PUBLIC",
        Access::Password => "PASSWORD",
        Access::EmailDomain => "EMAIL_DOMAIN",
    }
}

/// A grant for the visitor who knows the page's password.
pub async fn unlock(
    keys: &TokenKeys,
    page: &status_pages::Model,
    password: String,
    now: DateTime<Utc>,
) -> Result<Grant, ApiError> {
    let wrong = || ApiError::field("password", "is not this page's password");
    let (Access::Password, Some(hash)) = (page.access, page.password_hash.clone()) else {
        return Err(ApiError::field("password", "this page is not protected by a password"));
    };
    if !verify_password(password, hash).await {
        return Err(wrong());
    }
    Ok(grant(keys, page, now))
}

/// Mails a link holding a grant when `email` is in one of the page's domains; does nothing
/// otherwise (the caller answers the same either way). Returns whether a link was queued.
pub async fn request_link(
    db: &DatabaseConnection,
    mail: &SubscriberMail,
    keys: &TokenKeys,
    tenant: &tenants::Model,
    page: &status_pages::Model,
    email: &EmailAddress,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let domain = email.as_str().rsplit_once('@').map(|(_, domain)| domain).unwrap_or_default();
    let allowed = page.access == Access::EmailDomain
        && page.email_domains.split(',').any(|allowed| !allowed.is_empty() && allowed == domain);
    if !allowed {
        return Ok(false);
    }
    let grant = grant(keys, page, now);
    let content = StatusPageAccess {
        page_title: page.title.clone(),
        tenant_name: tenant.name.clone(),
        link: format!("{}?access={}", mail.page_url(tenant, page), grant.token),
        valid_days: GRANT_DAYS as u32,
    }
    .email();
    let txn = crate::db::begin_write(db).await?;
    let message = NewEmail {
        tenant_id: Some(tenant.id),
        kind: "status_page_access",
        recipient: email.as_str().to_owned(),
        content,
        dedup_key: None,
        list_unsubscribe: None,
    };
    mail.outbox.enqueue(&txn, message).await?;
    txn.commit().await?;
    mail.outbox.wake();
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_domains_are_registrable_names() {
        assert_eq!(parse_email_domain("Example.COM").unwrap(), "example.com");
        assert_eq!(parse_email_domain("@corp.example.co.uk").unwrap(), "corp.example.co.uk");
        for bad in ["co.uk", "com", "localhost", "not a domain", "127.0.0.1", ""] {
            assert!(parse_email_domain(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn drafts_name_their_bad_fields() {
        let draft =
            parse_draft(Access::EmailDomain, None, &["b.example".into(), "B.example".into()]).unwrap();
        assert_eq!(draft.email_domains, ["b.example"]);
        match parse_draft(Access::Password, Some("short"), &["co.uk".into()]) {
            Err(ApiError::BadUserInput { fields }) => {
                let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
                assert_eq!(names, ["password", "emailDomains[0]"]);
            }
            other => panic!("{other:?}"),
        }
        assert!(parse_draft(Access::EmailDomain, None, &[]).is_err());
        assert!(parse_draft(Access::Public, None, &[]).is_ok());
    }
}
