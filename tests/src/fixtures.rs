//! Rows arranged directly in a test database (for features whose API comes in later issues).

use chrono::Utc;
use entity::tenant_domains::DomainKind;
use entity::tenants::TenantStatus;
use entity::{tenant_domains, tenants};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use uuid::Uuid;

pub async fn insert_tenant(db: &DatabaseConnection, slug: &str, status: TenantStatus) -> Uuid {
    let now = Utc::now();
    let tenant = tenants::ActiveModel {
        id: Set(Uuid::now_v7()),
        slug: Set(slug.to_owned()),
        name: Set(format!("Tenant {slug}")),
        status: Set(status),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
    .expect("insert tenant");
    tenant.id
}

pub async fn insert_domain(
    db: &DatabaseConnection,
    tenant_id: Uuid,
    hostname: &str,
    kind: DomainKind,
    verified: bool,
) {
    let now = Utc::now();
    tenant_domains::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(tenant_id),
        hostname: Set(hostname.to_owned()),
        kind: Set(kind),
        verified_at: Set(verified.then_some(now)),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .expect("insert domain");
}

/// The JWT secret test servers are given (so tests can mint tokens as the login flow will).
pub const TEST_JWT_SECRET: &str = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

pub async fn insert_user(db: &DatabaseConnection, email: &str, platform_admin: bool) -> Uuid {
    let now = Utc::now();
    entity::users::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email.to_lowercase()),
        display_name: Set(email.split('@').next().unwrap_or("user").to_owned()),
        password_hash: Set(None),
        email_verified_at: Set(Some(now)),
        is_platform_admin: Set(platform_admin),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
    .expect("insert user")
    .id
}

/// An access token for `user_id`, signed with [`TEST_JWT_SECRET`].
pub fn access_token(user_id: Uuid, tenant_id: Uuid, role: &str) -> String {
    let keys = server::auth::tokens::TokenKeys::new(&TEST_JWT_SECRET.to_owned().into());
    keys.issue_access(user_id, tenant_id, role)
}

/// A verified user who is `role` in `tenant_id`; returns the user id and an access token.
pub async fn member(
    db: &DatabaseConnection,
    tenant_id: Uuid,
    email: &str,
    role: entity::memberships::Role,
) -> (Uuid, String) {
    let user_id = insert_user(db, email, false).await;
    let now = Utc::now();
    entity::memberships::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(tenant_id),
        user_id: Set(user_id),
        role: Set(role),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
    .expect("insert membership");
    let role_name = sea_orm::ActiveEnum::to_value(&role);
    (user_id, access_token(user_id, tenant_id, &role_name))
}
