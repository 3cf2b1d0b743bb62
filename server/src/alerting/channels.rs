//! A tenant's notification channels: parsed from input (one rule per kind, errors naming the
//! field), stored with their secret sealed, listed and changed by admins and owners (channels
//! hold credentials), read by everyone in the organization — never with the secret.
//!
//! Fields by kind: `url` is the receiver for a webhook; the incoming-webhook URL (a secret: it
//! embeds a token) for Slack, Discord, Teams, Google Chat, Mattermost and Rocket.Chat; the
//! topic URL for ntfy; the server for Gotify and Matrix; an optional API base for Telegram,
//! PagerDuty, Opsgenie and Pushover. `token` is the bot token, routing key, API key, app token
//! or access token. `recipient` is Telegram's chat id, Pushover's user key, Matrix's room id.
//! `addresses` are email's recipients. A webhook's signing secret is generated, shown once.

use chrono::{DateTime, Duration, Utc};
use entity::alert_channels::{self, ChannelKind};
use entity::memberships::Role;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryOrder, Set};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::signing;
use crate::audit::{self, AuditContext, actions};
use crate::auth::TenantScope;
use crate::auth::secret_box::SecretBox;
use crate::kernel::input::EmailAddress;
use crate::kernel::{ApiError, FieldErrors};

pub const MAX_CHANNELS_PER_TENANT: u64 = 50;
pub const MAX_ADDRESSES: usize = 10;
/// After a rotation, the previous signing secret still signs for this long.
pub fn rotation_overlap() -> Duration {
    Duration::hours(24)
}

/// A channel's public settings, stored as JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChannelSettings {
    /// The URL requests go to when it is not a secret (webhook, ntfy, Gotify, Matrix, API bases).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What the API shows for a secret URL: its origin only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<i32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<String>,
    /// The channel's own wording (`templates`); `None`: Beacon's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_template: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_template: Option<String>,
}

impl ChannelSettings {
    pub fn of(channel: &alert_channels::Model) -> Self {
        serde_json::from_str(&channel.settings).unwrap_or_default()
    }
}

/// Input as received (already through the API's text rule).
#[derive(Debug, Default)]
pub struct ChannelInput {
    pub name: String,
    pub kind: Option<ChannelKind>,
    pub url: Option<String>,
    pub token: Option<String>,
    pub recipient: Option<String>,
    pub priority: Option<i32>,
    pub addresses: Vec<String>,
    pub title_template: Option<String>,
    pub body_template: Option<String>,
}

/// A parsed channel: settings to store and the secret to seal (`None` keeps the current one
/// on update; a new webhook gets a generated one).
#[derive(Debug)]
pub struct ChannelDraft {
    pub name: String,
    pub kind: ChannelKind,
    pub settings: ChannelSettings,
    pub secret: Option<String>,
}

/// Kinds whose `url` is itself the secret.
pub fn url_is_secret(kind: ChannelKind) -> bool {
    matches!(
        kind,
        ChannelKind::Slack
            | ChannelKind::Discord
            | ChannelKind::Teams
            | ChannelKind::GoogleChat
            | ChannelKind::Mattermost
            | ChannelKind::RocketChat
    )
}

fn parse_url(raw: &str) -> Result<url::Url, String> {
    let url = url::Url::parse(raw.trim())
        .map_err(|_| "must be a URL such as https://example.com/hook".to_owned())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("must start with https:// (or http://)".into());
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("must name a host".into());
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("must not carry a user name or password; use the token field".into());
    }
    Ok(url)
}

/// Parses `input` for a new channel (`existing` = None) or a change to `existing` (whose secret
/// stays unless a new one is given; its kind cannot change).
pub fn parse(
    input: ChannelInput,
    existing: Option<&alert_channels::Model>,
) -> Result<ChannelDraft, ApiError> {
    let mut errors = FieldErrors::default();
    let name = errors.check(
        "name",
        crate::kernel::input::parse_name(&input.name).and_then(|name| {
            if name.chars().count() > 100 { Err("must be at most 100 characters".into()) } else { Ok(name) }
        }),
    );
    let kind = match (existing, input.kind) {
        (Some(channel), Some(kind)) if kind != channel.kind => {
            errors.check::<()>("kind", Err("cannot change; create another channel".into()));
            None
        }
        (Some(channel), _) => Some(channel.kind),
        (None, Some(kind)) => Some(kind),
        (None, None) => {
            errors.check::<()>("kind", Err("is required".into()));
            None
        }
    };
    let Some(kind) = kind else {
        errors.into_result()?;
        return Err(ApiError::field("kind", "is required"));
    };
    let creating = existing.is_none();
    let url = input.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
    let token = input.token.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
    let recipient = input.recipient.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned);
    let mut settings = ChannelSettings::default();
    let mut secret = None;
    let url_required = |errors: &mut FieldErrors| {
        errors.check::<()>("url", Err("is required for this kind".into()));
    };
    match kind {
        ChannelKind::Email => {
            if input.addresses.is_empty() {
                errors.check::<()>("addresses", Err("name at least one address".into()));
            }
            if input.addresses.len() > MAX_ADDRESSES {
                errors.check::<()>("addresses", Err(format!("at most {MAX_ADDRESSES} addresses")));
            }
            for (index, raw) in input.addresses.iter().enumerate() {
                if let Some(address) = errors.check(&format!("addresses[{index}]"), EmailAddress::parse(raw))
                {
                    settings.addresses.push(address.as_str().to_owned());
                }
            }
        }
        ChannelKind::Webhook => match url {
            Some(raw) => settings.url = errors.check("url", parse_url(raw)).map(String::from),
            None => url_required(&mut errors),
        },
        kind if url_is_secret(kind) => match url {
            Some(raw) => {
                if let Some(parsed) = errors.check("url", parse_url(raw)) {
                    settings.display_url = Some(format!("{}/…", parsed.origin().ascii_serialization()));
                    secret = Some(parsed.to_string());
                }
            }
            None if creating => url_required(&mut errors),
            None => {
                settings.display_url =
                    existing.map(|c| ChannelSettings::of(c).display_url).unwrap_or_default()
            }
        },
        ChannelKind::Ntfy | ChannelKind::Gotify | ChannelKind::Matrix => match url {
            Some(raw) => settings.url = errors.check("url", parse_url(raw)).map(String::from),
            None => url_required(&mut errors),
        },
        // Telegram, PagerDuty, Opsgenie, Pushover: the provider's API unless told otherwise.
        _ => {
            if let Some(raw) = url {
                settings.url = errors.check("url", parse_url(raw)).map(String::from);
            }
        }
    }
    match kind {
        ChannelKind::Telegram | ChannelKind::Matrix | ChannelKind::Pushover if recipient.is_none() => {
            errors.check::<()>(
                "recipient",
                Err("is required for this kind (chat id, room id or user key)".into()),
            );
        }
        _ => {}
    }
    if recipient.as_ref().is_some_and(|r| r.len() > 200) {
        errors.check::<()>("recipient", Err("must be at most 200 characters".into()));
    }
    settings.recipient = recipient;
    // Webhooks send the documented JSON: wording is for the others (email: subject and text).
    // On update, an omitted template stays and an empty one goes back to Beacon's wording.
    if kind != ChannelKind::Webhook {
        let current = existing.map(ChannelSettings::of).unwrap_or_default();
        settings.title_template = match input.title_template.as_deref() {
            None => current.title_template,
            raw => errors.check("titleTemplate", super::templates::parse(raw)).flatten(),
        };
        settings.body_template = match input.body_template.as_deref() {
            None => current.body_template,
            raw => errors.check("bodyTemplate", super::templates::parse(raw)).flatten(),
        };
    }
    let token_kind = matches!(
        kind,
        ChannelKind::Telegram
            | ChannelKind::PagerDuty
            | ChannelKind::Opsgenie
            | ChannelKind::Pushover
            | ChannelKind::Gotify
            | ChannelKind::Matrix
            | ChannelKind::Ntfy
    );
    if token_kind {
        if token.as_ref().is_some_and(|t| t.len() > 500) {
            errors.check::<()>("token", Err("must be at most 500 characters".into()));
        }
        // ntfy's token is optional (public topics); the others need one from the start.
        if creating && token.is_none() && kind != ChannelKind::Ntfy {
            errors.check::<()>("token", Err("is required for this kind".into()));
        }
        secret = token;
    } else if token.is_some() {
        errors.check::<()>("token", Err("is not used by this kind".into()));
    }
    if let Some(priority) = input.priority {
        let range = match kind {
            ChannelKind::Ntfy => 1..=5,
            ChannelKind::Pushover => -2..=2,
            ChannelKind::Gotify => 0..=10,
            _ => {
                errors.check::<()>("priority", Err("is not used by this kind".into()));
                0..=0
            }
        };
        if range.contains(&priority) {
            settings.priority = Some(priority);
        } else if range != (0..=0) {
            errors.check::<()>(
                "priority",
                Err(format!("must be between {} and {}", range.start(), range.end())),
            );
        }
    }
    errors.into_result()?;
    let name = name.unwrap_or_default();
    if kind == ChannelKind::Webhook && creating {
        secret = Some(signing::new_secret());
    }
    Ok(ChannelDraft { name, kind, settings, secret })
}

/// Create-time SSRF check of where the channel sends (every send vets again): a refused address
/// is a field error on `url` rather than a delivery that can never succeed.
pub async fn vet_destination(prober: &crate::probe::Prober, draft: &ChannelDraft) -> Result<(), ApiError> {
    let destination =
        if url_is_secret(draft.kind) { draft.secret.as_deref() } else { draft.settings.url.as_deref() };
    let Some(url) = destination.and_then(|raw| url::Url::parse(raw).ok()) else { return Ok(()) };
    prober.vet_url(&url).await.map_err(|refused| ApiError::field("url", refused.to_string()))
}

pub async fn list(
    db: &DatabaseConnection,
    scope: &TenantScope,
) -> Result<Vec<alert_channels::Model>, ApiError> {
    Ok(scope.find::<alert_channels::Entity>().order_by_asc(alert_channels::Column::CreatedAt).all(db).await?)
}

pub async fn get(
    db: &DatabaseConnection,
    scope: &TenantScope,
    id: Uuid,
) -> Result<alert_channels::Model, ApiError> {
    scope.get::<alert_channels::Entity>(db, id).await
}

fn audit_changes(draft: &ChannelDraft) -> serde_json::Value {
    // The settings are public; the secret never reaches the audit log.
    serde_json::json!({ "name": draft.name, "kind": format!("{:?}", draft.kind), "settings": draft.settings, "secretChanged": draft.secret.is_some() })
}

/// Creates a channel; returns it and, for a webhook, its signing secret (shown this once).
pub async fn create(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    secrets: &SecretBox,
    now: DateTime<Utc>,
    draft: ChannelDraft,
) -> Result<(alert_channels::Model, Option<String>), ApiError> {
    scope.require(Role::Admin)?;
    let txn = crate::db::begin_write(db).await?;
    if scope.find::<alert_channels::Entity>().count(&txn).await? >= MAX_CHANNELS_PER_TENANT {
        return Err(ApiError::field(
            "name",
            format!("an organization has at most {MAX_CHANNELS_PER_TENANT} channels"),
        ));
    }
    let id = Uuid::now_v7();
    let changes = audit_changes(&draft);
    let shown = (draft.kind == ChannelKind::Webhook).then(|| draft.secret.clone()).flatten();
    let channel = alert_channels::ActiveModel {
        id: Set(id),
        tenant_id: Set(scope.tenant_id()),
        name: Set(draft.name),
        kind: Set(draft.kind),
        settings: Set(serde_json::to_string(&draft.settings).map_err(anyhow::Error::from)?),
        secret: Set(draft.secret.map(|secret| secrets.seal(&secret, id.as_bytes()))),
        previous_secret: Set(None),
        previous_secret_until: Set(None),
        paced_until: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    audit::record_in(&txn, audit, scope, actions::ALERT_CHANNEL_CREATED, ("alert_channel", id), changes)
        .await?;
    txn.commit().await?;
    Ok((channel, shown))
}

pub async fn update(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    secrets: &SecretBox,
    now: DateTime<Utc>,
    id: Uuid,
    input: ChannelInput,
) -> Result<alert_channels::Model, ApiError> {
    scope.require(Role::Admin)?;
    let txn = crate::db::begin_write(db).await?;
    let current = scope.get::<alert_channels::Entity>(&txn, id).await?;
    let draft = parse(input, Some(&current))?;
    let changes = audit_changes(&draft);
    let mut active: alert_channels::ActiveModel = current.into();
    active.name = Set(draft.name);
    active.settings = Set(serde_json::to_string(&draft.settings).map_err(anyhow::Error::from)?);
    if let Some(secret) = draft.secret {
        active.secret = Set(Some(secrets.seal(&secret, id.as_bytes())));
    }
    active.updated_at = Set(now);
    let channel = active.update(&txn).await?;
    audit::record_in(&txn, audit, scope, actions::ALERT_CHANNEL_UPDATED, ("alert_channel", id), changes)
        .await?;
    txn.commit().await?;
    Ok(channel)
}

pub async fn delete(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    id: Uuid,
) -> Result<alert_channels::Model, ApiError> {
    scope.require(Role::Admin)?;
    let txn = crate::db::begin_write(db).await?;
    let channel = scope.get::<alert_channels::Entity>(&txn, id).await?;
    alert_channels::Entity::delete_by_id(id).exec(&txn).await?;
    let changes = serde_json::json!({ "name": channel.name });
    audit::record_in(&txn, audit, scope, actions::ALERT_CHANNEL_DELETED, ("alert_channel", id), changes)
        .await?;
    txn.commit().await?;
    Ok(channel)
}

/// A webhook's new signing secret (returned once); the previous one keeps signing alongside it
/// for [`rotation_overlap`].
pub async fn rotate_secret(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    secrets: &SecretBox,
    now: DateTime<Utc>,
    id: Uuid,
) -> Result<(alert_channels::Model, String), ApiError> {
    scope.require(Role::Admin)?;
    let txn = crate::db::begin_write(db).await?;
    let channel = scope.get::<alert_channels::Entity>(&txn, id).await?;
    if channel.kind != ChannelKind::Webhook {
        return Err(ApiError::field("id", "only webhook channels have a signing secret"));
    }
    let fresh = signing::new_secret();
    let previous = channel.secret.clone();
    let mut active: alert_channels::ActiveModel = channel.into();
    active.previous_secret = Set(previous);
    active.previous_secret_until = Set(Some(now + rotation_overlap()));
    active.secret = Set(Some(secrets.seal(&fresh, id.as_bytes())));
    active.updated_at = Set(now);
    let channel = active.update(&txn).await?;
    let changes = serde_json::json!({ "signingSecret": "rotated" });
    audit::record_in(&txn, audit, scope, actions::ALERT_CHANNEL_UPDATED, ("alert_channel", id), changes)
        .await?;
    txn.commit().await?;
    Ok((channel, fresh))
}

/// `server rotate-secrets`: re-seals every channel secret not sealed with the current key.
/// Returns how many values were re-sealed.
pub async fn reseal_all(db: &DatabaseConnection, secrets: &SecretBox) -> Result<usize, anyhow::Error> {
    let mut resealed = 0;
    for channel in alert_channels::Entity::find().all(db).await? {
        let context = channel.id.as_bytes().to_vec();
        let mut changed = false;
        let mut active: alert_channels::ActiveModel = channel.clone().into();
        for (value, slot) in [(&channel.secret, 0), (&channel.previous_secret, 1)] {
            let Some(sealed) = value else { continue };
            if secrets.is_current(sealed) {
                continue;
            }
            let plain = secrets
                .open(sealed, &context)
                .map_err(|err| anyhow::anyhow!("channel {}: {err}", channel.id))?;
            let fresh = Some(secrets.seal(&plain, &context));
            if slot == 0 {
                active.secret = Set(fresh);
            } else {
                active.previous_secret = Set(fresh);
            }
            changed = true;
            resealed += 1;
        }
        if changed {
            active.update(db).await?;
        }
    }
    Ok(resealed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: ChannelKind) -> ChannelInput {
        ChannelInput { name: "Ops".into(), kind: Some(kind), ..ChannelInput::default() }
    }

    fn fields(result: Result<ChannelDraft, ApiError>) -> Vec<String> {
        match result {
            Err(ApiError::BadUserInput { fields }) => fields.into_iter().map(|f| f.field).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn each_kind_asks_for_what_it_needs() {
        assert_eq!(fields(parse(input(ChannelKind::Slack), None)), ["url"]);
        assert_eq!(fields(parse(input(ChannelKind::Telegram), None)), ["recipient", "token"]);
        let mut email = input(ChannelKind::Email);
        email.addresses = vec!["ops@example.org".into(), "nope".into()];
        assert_eq!(fields(parse(email, None)), ["addresses[1]"]);
        let mut ntfy = input(ChannelKind::Ntfy);
        ntfy.url = Some("https://ntfy.sh/alerts".into());
        ntfy.priority = Some(9);
        assert_eq!(fields(parse(ntfy, None)), ["priority"]);
        let mut webhook = input(ChannelKind::Webhook);
        webhook.url = Some("ftp://example.org".into());
        webhook.token = Some("x".into());
        assert_eq!(fields(parse(webhook, None)), ["url", "token"]);
    }

    #[test]
    fn secret_urls_are_sealed_and_shown_by_origin_only() {
        let mut slack = input(ChannelKind::Slack);
        slack.url = Some("https://hooks.slack.com/services/T1/B2/XYZ".into());
        let draft = parse(slack, None).unwrap();
        assert_eq!(draft.secret.as_deref(), Some("https://hooks.slack.com/services/T1/B2/XYZ"));
        assert_eq!(draft.settings.display_url.as_deref(), Some("https://hooks.slack.com/…"));
        assert_eq!(draft.settings.url, None);
        let mut webhook = input(ChannelKind::Webhook);
        webhook.url = Some("https://example.org/hook".into());
        let draft = parse(webhook, None).unwrap();
        assert!(draft.secret.unwrap().starts_with("whsec_"), "generated");
    }
}
