//! Pacing: each channel sends at most as fast as its provider documents, whichever process
//! sends. A delivery reserves the channel's next slot (`alert_channels.paced_until`) with a
//! compare-and-set; one that finds the slot taken waits for it without using up an attempt.
//! A receiver's 429 or 503 `Retry-After` pushes the slot out for every delivery to the channel,
//! not only the one that was refused.

use std::time::Duration;

use chrono::{DateTime, Utc};
use entity::alert_channels::{self, ChannelKind};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

/// The least time between two messages to one channel of `kind`, from the provider's
/// documented limits; zero where a receiver sets its own (webhooks, self-hosted servers) and
/// only its `Retry-After` paces us.
pub fn spacing(kind: ChannelKind) -> Duration {
    let ms = match kind {
        // "1 message per second per webhook" (api.slack.com/docs/rate-limits).
        ChannelKind::Slack => 1000,
        // One message a second per space (developers.google.com/workspace/chat/limits).
        ChannelKind::GoogleChat => 1000,
        // Bots: about 20 messages a minute in a group (core.telegram.org/bots/faq).
        ChannelKind::Telegram => 3000,
        // 5 requests per 2 seconds per webhook (discord.com/developers/docs/topics/rate-limits).
        ChannelKind::Discord => 400,
        // Teams webhooks: 4 requests a second (learn.microsoft.com, "Rate limiting for connectors").
        ChannelKind::Teams => 250,
        // Events API v2: 120 events a minute per routing key (developer.pagerduty.com).
        ChannelKind::PagerDuty => 500,
        _ => 0,
    };
    Duration::from_millis(ms)
}

/// What the channel's pace allows now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Send now (the slot after this one is reserved).
    Now,
    /// Wait until then.
    Wait(DateTime<Utc>),
}

/// Reserves the channel's slot at `now`, or says how long to wait for it.
pub async fn reserve(
    db: &impl ConnectionTrait,
    channel: &alert_channels::Model,
    now: DateTime<Utc>,
) -> Result<Slot, DbErr> {
    let spacing = chrono::Duration::from_std(spacing(channel.kind)).unwrap_or_default();
    let mut seen = channel.paced_until;
    // A few tries: another process may reserve between the read and the write.
    for _ in 0..3 {
        if let Some(until) = seen.filter(|until| *until > now) {
            return Ok(Slot::Wait(until));
        }
        if spacing.is_zero() {
            return Ok(Slot::Now);
        }
        if compare_and_set(db, channel.tenant_id, channel.id, seen, now + spacing).await? {
            return Ok(Slot::Now);
        }
        seen = paced_until(db, channel.tenant_id, channel.id).await?;
    }
    Ok(Slot::Wait(now + spacing))
}

/// The receiver asked to be left alone until `until`: no delivery to the channel goes before.
pub async fn hold_until(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    channel_id: Uuid,
    until: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mut seen = paced_until(db, tenant_id, channel_id).await?;
    for _ in 0..3 {
        if seen.is_some_and(|current| current >= until) {
            return Ok(());
        }
        if compare_and_set(db, tenant_id, channel_id, seen, until).await? {
            return Ok(());
        }
        seen = paced_until(db, tenant_id, channel_id).await?;
    }
    Ok(())
}

async fn paced_until(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    channel_id: Uuid,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    Ok(alert_channels::Entity::find_by_id(channel_id)
        .filter(alert_channels::Column::TenantId.eq(tenant_id))
        .select_only()
        .column(alert_channels::Column::PacedUntil)
        .into_tuple::<Option<DateTime<Utc>>>()
        .one(db)
        .await?
        .flatten())
}

/// Sets `paced_until` to `next` if it is still `seen`.
async fn compare_and_set(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    channel_id: Uuid,
    seen: Option<DateTime<Utc>>,
    next: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let unchanged = match seen {
        Some(seen) => alert_channels::Column::PacedUntil.eq(seen),
        None => alert_channels::Column::PacedUntil.is_null(),
    };
    let result = alert_channels::Entity::update_many()
        .col_expr(alert_channels::Column::PacedUntil, Expr::value(Some(next)))
        .filter(alert_channels::Column::Id.eq(channel_id))
        .filter(alert_channels::Column::TenantId.eq(tenant_id))
        .filter(unchanged)
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
