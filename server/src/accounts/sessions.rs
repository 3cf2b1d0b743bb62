//! Refresh-token sessions: created at login, rotated on every refresh, revoked by logout,
//! password changes and reuse of a rotated token (which revokes the whole family).

use chrono::{Duration, Utc};
use entity::refresh_tokens;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use cookie::time::Duration as CookieDuration;
use cookie::{Cookie, SameSite};

use crate::auth::crypto::{random_token, sha256_hex, successor_token};

pub const COOKIE_NAME: &str = "beacon_refresh";
pub const REFRESH_TTL_DAYS: i64 = 30;

/// A freshly issued refresh token (shown once, in the cookie).
pub struct IssuedRefresh {
    pub token: String,
    pub family_id: Uuid,
}

/// A new session (a new family) with a random token.
pub async fn create(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    user_id: Uuid,
    family_id: Option<Uuid>,
    user_agent: Option<String>,
) -> Result<IssuedRefresh, DbErr> {
    insert(db, random_token(), tenant_id, user_id, family_id, user_agent, Utc::now()).await
}

async fn insert(
    db: &impl ConnectionTrait,
    token: String,
    tenant_id: Uuid,
    user_id: Uuid,
    family_id: Option<Uuid>,
    user_agent: Option<String>,
    now: chrono::DateTime<Utc>,
) -> Result<IssuedRefresh, DbErr> {
    let family_id = family_id.unwrap_or_else(Uuid::now_v7);
    refresh_tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(tenant_id),
        user_id: Set(user_id),
        family_id: Set(family_id),
        token_hash: Set(sha256_hex(&token)),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(REFRESH_TTL_DAYS)),
        rotated_at: Set(None),
        revoked_at: Set(None),
        user_agent: Set(user_agent),
    }
    .insert(db)
    .await?;
    Ok(IssuedRefresh { token, family_id })
}

pub enum Rotation {
    Rotated {
        session: refresh_tokens::Model,
        next: IssuedRefresh,
    },
    /// Unknown, expired or revoked: no session.
    Invalid,
    /// A token that was already rotated came back: someone else holds the family. It is revoked.
    ReuseDetected,
}

/// How long a just-rotated token still yields its successor to the same client: two tabs (or
/// the app and GraphiQL) refreshing at the same moment share one cookie and must not be taken
/// for a thief. Reuse after this, or by another client, revokes the family.
pub const REUSE_GRACE: Duration = Duration::seconds(30);

/// Exchanges a refresh token for the next one in the same family. The successor is derived
/// from the token (`successor_token`), so a repeat within [`REUSE_GRACE`] gets the same one.
pub async fn rotate(
    db: &impl ConnectionTrait,
    successor_key: &[u8; 32],
    token: &str,
    user_agent: Option<String>,
    now: chrono::DateTime<Utc>,
) -> Result<Rotation, DbErr> {
    let find = || {
        refresh_tokens::Entity::find().filter(refresh_tokens::Column::TokenHash.eq(sha256_hex(token))).one(db)
    };
    let Some(session) = find().await? else {
        return Ok(Rotation::Invalid);
    };
    let successor =
        || IssuedRefresh { token: successor_token(successor_key, token), family_id: session.family_id };
    if session.rotated_at.is_some() {
        if within_grace(&session, now, user_agent.as_deref()) {
            return Ok(Rotation::Rotated { next: successor(), session });
        }
        revoke_family(db, session.family_id, now).await?;
        return Ok(Rotation::ReuseDetected);
    }
    if session.revoked_at.is_some() || session.expires_at <= now {
        return Ok(Rotation::Invalid);
    }
    // Only one concurrent refresh can win the rotation.
    let claimed = refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RotatedAt, Some(now).into())
        .filter(refresh_tokens::Column::Id.eq(session.id))
        .filter(refresh_tokens::Column::RotatedAt.is_null())
        .exec(db)
        .await?;
    if claimed.rows_affected != 1 {
        // A concurrent refresh rotated it a moment ago: the same client gets the same successor.
        if let Some(rotated) = find().await?
            && within_grace(&rotated, now, user_agent.as_deref())
        {
            return Ok(Rotation::Rotated { next: successor(), session: rotated });
        }
        revoke_family(db, session.family_id, now).await?;
        return Ok(Rotation::ReuseDetected);
    }
    let next_token = successor_token(successor_key, token);
    let next =
        insert(db, next_token, session.tenant_id, session.user_id, Some(session.family_id), user_agent, now)
            .await?;
    Ok(Rotation::Rotated { session, next })
}

fn within_grace(
    session: &refresh_tokens::Model,
    now: chrono::DateTime<Utc>,
    user_agent: Option<&str>,
) -> bool {
    session.revoked_at.is_none()
        && session.rotated_at.is_some_and(|at| now - at <= REUSE_GRACE)
        && session.user_agent.as_deref() == user_agent
}

pub async fn revoke_family(
    db: &impl ConnectionTrait,
    family_id: Uuid,
    now: chrono::DateTime<Utc>,
) -> Result<(), DbErr> {
    refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RevokedAt, Some(now).into())
        .filter(refresh_tokens::Column::FamilyId.eq(family_id))
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .exec(db)
        .await
        .map(drop)
}

/// Revokes every session of a user, except the family `keep` (the caller's own, if any).
pub async fn revoke_user(db: &impl ConnectionTrait, user_id: Uuid, keep: Option<Uuid>) -> Result<u64, DbErr> {
    let mut update = refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RevokedAt, Some(Utc::now()).into())
        .filter(refresh_tokens::Column::UserId.eq(user_id))
        .filter(refresh_tokens::Column::RevokedAt.is_null());
    if let Some(family) = keep {
        update = update.filter(refresh_tokens::Column::FamilyId.ne(family));
    }
    Ok(update.exec(db).await?.rows_affected)
}

/// The session row a refresh token belongs to, if it is a known token.
pub async fn find_by_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<refresh_tokens::Model>, DbErr> {
    refresh_tokens::Entity::find()
        .filter(refresh_tokens::Column::TokenHash.eq(sha256_hex(token)))
        .one(db)
        .await
}

/// Revokes a user's sessions in one tenant (they were removed from it).
pub async fn revoke_user_in_tenant(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    tenant_id: Uuid,
) -> Result<u64, DbErr> {
    let result = refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RevokedAt, Some(Utc::now()).into())
        .filter(refresh_tokens::Column::UserId.eq(user_id))
        .filter(refresh_tokens::Column::TenantId.eq(tenant_id))
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// The family of the refresh token in the request's cookie, if it is a known token.
pub async fn family_of(db: &impl ConnectionTrait, token: &str) -> Result<Option<Uuid>, DbErr> {
    Ok(refresh_tokens::Entity::find()
        .filter(refresh_tokens::Column::TokenHash.eq(sha256_hex(token)))
        .one(db)
        .await?
        .map(|session| session.family_id))
}

/// The refresh token from a `Cookie` header.
pub fn token_from_cookies(cookies: Option<&str>) -> Option<String> {
    Cookie::split_parse(cookies?)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == COOKIE_NAME && !cookie.value().is_empty())
        .map(|cookie| cookie.value().to_owned())
}

/// `Secure; HttpOnly; SameSite=Strict`, scoped to the API path.
pub fn set_cookie(token: &str) -> String {
    refresh_cookie(token.to_owned(), CookieDuration::days(REFRESH_TTL_DAYS)).to_string()
}

pub fn clear_cookie() -> String {
    refresh_cookie(String::new(), CookieDuration::ZERO).to_string()
}

fn refresh_cookie(value: String, max_age: CookieDuration) -> Cookie<'static> {
    Cookie::build((COOKIE_NAME, value))
        .path("/graphql")
        .max_age(max_age)
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .build()
}

/// The heads of a user's active session families (one per signed-in browser), newest first.
pub async fn active_for_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Vec<refresh_tokens::Model>, DbErr> {
    use sea_orm::QueryOrder;
    refresh_tokens::Entity::find()
        .filter(refresh_tokens::Column::UserId.eq(user_id))
        .filter(refresh_tokens::Column::RotatedAt.is_null())
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .filter(refresh_tokens::Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(refresh_tokens::Column::CreatedAt)
        .all(db)
        .await
}

/// Revokes one of the user's session families; `false` when the user has no such session.
pub async fn revoke_for_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    family_id: Uuid,
) -> Result<bool, DbErr> {
    let result = refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RevokedAt, Some(Utc::now()).into())
        .filter(refresh_tokens::Column::UserId.eq(user_id))
        .filter(refresh_tokens::Column::FamilyId.eq(family_id))
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_parsing() {
        assert_eq!(token_from_cookies(Some("a=1; beacon_refresh=abc; b=2")), Some("abc".into()));
        assert_eq!(token_from_cookies(Some("beacon_refresh=")), None);
        assert_eq!(token_from_cookies(None), None);
        let cookie = set_cookie("x");
        for part in
            ["beacon_refresh=x", "HttpOnly", "Secure", "SameSite=Strict", "Path=/graphql", "Max-Age=2592000"]
        {
            assert!(cookie.contains(part), "{cookie} lacks {part}");
        }
        assert!(clear_cookie().contains("Max-Age=0"));
    }
}
