//! The users table: one place that creates users and changes their credentials.

use chrono::{DateTime, Utc};
use entity::users;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DerivePartialModel, EntityTrait, QueryFilter, Set,
};
use uuid::Uuid;

use super::domain::EmailAddress;
use crate::kernel::ApiError;

/// What the rest of Beacon may know of a user: never the password hash, which stays inside
/// this module's credential checks.
#[derive(Debug, Clone, DerivePartialModel)]
#[sea_orm(entity = "users::Entity")]
pub struct Profile {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub email_verified_at: Option<DateTime<Utc>>,
}

impl From<users::Model> for Profile {
    fn from(user: users::Model) -> Self {
        Self {
            id: user.id,
            email: user.email,
            display_name: user.display_name,
            email_verified_at: user.email_verified_at,
        }
    }
}

pub async fn profile(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<Profile>, ApiError> {
    Ok(users::Entity::find_by_id(id).into_partial_model::<Profile>().one(db).await?)
}

pub struct NewUser<'a> {
    pub email: &'a EmailAddress,
    pub name: String,
    pub password_hash: String,
    /// `Some` when the address is already proven (an invitation link, the operator's CLI).
    pub verified_at: Option<DateTime<Utc>>,
    pub platform_admin: bool,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    user: NewUser<'_>,
    now: DateTime<Utc>,
) -> Result<users::Model, ApiError> {
    Ok(users::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(user.email.as_str().to_owned()),
        display_name: Set(user.name),
        password_hash: Set(Some(user.password_hash)),
        email_verified_at: Set(user.verified_at),
        is_platform_admin: Set(user.platform_admin),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?)
}

/// Emails are stored lower-cased; `email` must already be normalised (an [`EmailAddress`]).
pub async fn find_by_email(db: &impl ConnectionTrait, email: &str) -> Result<Option<Profile>, ApiError> {
    Ok(users::Entity::find().filter(users::Column::Email.eq(email)).into_partial_model().one(db).await?)
}

/// The whole row, credentials included: for this module's own flows only.
pub(in crate::accounts) async fn account_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<users::Model>, ApiError> {
    Ok(users::Entity::find().filter(users::Column::Email.eq(email)).one(db).await?)
}

/// Whether `password` is the user's. Takes as long for an unknown user or a user without a
/// password, so timing does not tell them apart.
pub async fn password_matches(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    password: String,
) -> Result<bool, ApiError> {
    let stored = users::Entity::find_by_id(user_id).one(db).await?.and_then(|user| user.password_hash);
    let known = stored.is_some();
    let stored = stored.unwrap_or_else(|| crate::auth::crypto::dummy_hash().to_owned());
    Ok(crate::auth::crypto::verify_password(password, stored).await && known)
}

pub async fn set_password(db: &impl ConnectionTrait, user_id: Uuid, hash: String) -> Result<(), ApiError> {
    users::Entity::update_many()
        .col_expr(users::Column::PasswordHash, Some(hash).into())
        .col_expr(users::Column::UpdatedAt, Utc::now().into())
        .filter(users::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Marks the address proven, keeping an earlier proof.
pub async fn mark_verified(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    users::Entity::update_many()
        .col_expr(users::Column::EmailVerifiedAt, Some(now).into())
        .col_expr(users::Column::UpdatedAt, now.into())
        .filter(users::Column::Id.eq(user_id))
        .filter(users::Column::EmailVerifiedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
