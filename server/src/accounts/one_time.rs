//! Single-use links (email verification, password reset): random tokens stored as SHA-256,
//! expiring, and consumed at most once even under concurrent use.

use chrono::{Duration, Utc};
use entity::one_time_tokens::{self, TokenPurpose};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::auth::crypto::{random_token, sha256_hex};
use crate::kernel::ApiError;

/// A new token for `user_id`; it replaces the user's earlier unused ones of the same purpose.
pub async fn issue(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    purpose: TokenPurpose,
    valid_hours: u32,
) -> Result<String, ApiError> {
    let now = Utc::now();
    one_time_tokens::Entity::update_many()
        .col_expr(one_time_tokens::Column::UsedAt, Some(now).into())
        .filter(one_time_tokens::Column::UserId.eq(user_id))
        .filter(one_time_tokens::Column::Purpose.eq(purpose))
        .filter(one_time_tokens::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    let token = random_token();
    one_time_tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        purpose: Set(purpose),
        user_id: Set(user_id),
        token_hash: Set(sha256_hex(&token)),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(i64::from(valid_hours))),
        used_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Marks a token used and returns its user; unknown, used and expired tokens get the same
/// `BAD_USER_INPUT` on `token`.
pub async fn consume(
    db: &impl ConnectionTrait,
    token: &str,
    purpose: TokenPurpose,
) -> Result<Uuid, ApiError> {
    let now = Utc::now();
    let invalid = || ApiError::field("token", "this link is invalid or has expired");
    let row = one_time_tokens::Entity::find()
        .filter(one_time_tokens::Column::TokenHash.eq(sha256_hex(token.trim())))
        .filter(one_time_tokens::Column::Purpose.eq(purpose))
        .one(db)
        .await?
        .ok_or_else(invalid)?;
    if row.used_at.is_some() || row.expires_at <= now {
        return Err(invalid());
    }
    let used = one_time_tokens::Entity::update_many()
        .col_expr(one_time_tokens::Column::UsedAt, Some(now).into())
        .filter(one_time_tokens::Column::Id.eq(row.id))
        .filter(one_time_tokens::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if used.rows_affected != 1 {
        return Err(invalid());
    }
    Ok(row.user_id)
}

/// The user of a token that was already used (a link opened twice), if it is one of ours.
pub async fn used_by(
    db: &impl ConnectionTrait,
    token: &str,
    purpose: TokenPurpose,
) -> Result<Option<Uuid>, ApiError> {
    Ok(one_time_tokens::Entity::find()
        .filter(one_time_tokens::Column::TokenHash.eq(sha256_hex(token.trim())))
        .filter(one_time_tokens::Column::Purpose.eq(purpose))
        .filter(one_time_tokens::Column::UsedAt.is_not_null())
        .one(db)
        .await?
        .map(|row| row.user_id))
}
