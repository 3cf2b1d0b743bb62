//! `server create-admin`: creates (or promotes) a verified platform admin, who owns the
//! organization `tenant_slug` (created if missing) so they can log in like anyone else.

use chrono::Utc;
use entity::memberships::Role;
use entity::users;
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use uuid::Uuid;

use super::domain::{EmailAddress, Password};
use super::users::NewUser;
use crate::auth::crypto;
use crate::kernel::{ApiError, Links};
use crate::tenancy::domain::Slug;
use crate::tenancy::{memberships, tenants};

pub struct NewAdmin {
    pub email: EmailAddress,
    pub password: Password,
    pub name: String,
    pub slug: Slug,
}

pub async fn create_platform_admin(
    db: &DatabaseConnection,
    links: &Links,
    admin: NewAdmin,
) -> Result<Uuid, ApiError> {
    let hash = crypto::hash_password(admin.password.expose().to_owned()).await?;
    let now = Utc::now();
    let txn = crate::db::begin_write(db).await?;
    let user = match super::users::account_by_email(&txn, admin.email.as_str()).await? {
        Some(user) => {
            let mut active: users::ActiveModel = user.into();
            active.is_platform_admin = Set(true);
            active.password_hash = Set(Some(hash));
            active.email_verified_at = Set(Some(now));
            active.updated_at = Set(now);
            active.update(&txn).await?
        }
        None => {
            let new = NewUser {
                email: &admin.email,
                name: admin.name,
                password_hash: hash,
                verified_at: Some(now),
                platform_admin: true,
            };
            super::users::insert(&txn, new, now).await?
        }
    };
    let tenant = match tenants::find_by_slug(&txn, admin.slug.as_str()).await? {
        Some(tenant) => tenant,
        None => {
            tenants::create_with_subdomain(
                &txn,
                links,
                &admin.slug,
                "Platform operations",
                now,
                "tenant-slug",
            )
            .await?
        }
    };
    if memberships::find(&txn, tenant.id, user.id).await?.is_none() {
        memberships::insert(&txn, tenant.id, user.id, Role::Owner, now).await?;
    }
    txn.commit().await?;
    Ok(user.id)
}
