//! Rows arranged directly in a test database (for features whose API comes in later issues),
//! and organizations with one member per role.
//!
//! This is the ONE place the tests name `server::` paths: the server's modules move while it is
//! reorganised, and keeping the paths here makes each move a one-line change.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use entity::memberships::Role;
use entity::tenant_domains::DomainKind;
use entity::tenants::TenantStatus;
use entity::{tenant_domains, tenants};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use uuid::Uuid;

use server::auth::tokens::TokenKeys;
pub use server::mail::templates::RenderedEmail;
pub use server::mail::{Enqueued, NewEmail, Outbox};

use crate::TestApp;

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
        page_id: Set(None),
        verification_token: Set(None),
    }
    .insert(db)
    .await
    .expect("insert domain");
}

/// An owner with a verified address for `tenant_id` (a tenant's subdomain gets TLS only then).
pub async fn insert_verified_owner(db: &DatabaseConnection, tenant_id: Uuid, email: &str) -> Uuid {
    insert_member(db, tenant_id, email, Role::Owner).await
}

/// A verified user with `role` in `tenant_id`.
pub async fn insert_member(db: &DatabaseConnection, tenant_id: Uuid, email: &str, role: Role) -> Uuid {
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
    user_id
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

/// An access token for `user_id` in `tenant_id`, signed with [`TEST_JWT_SECRET`] and bound to a
/// fresh live session, as logging in makes them. `tenant_id` must exist.
pub async fn access_token(db: &DatabaseConnection, user_id: Uuid, tenant_id: Uuid, role: &str) -> String {
    let session_id = insert_session(db, user_id, tenant_id).await;
    signed_token(user_id, tenant_id, session_id, role)
}

/// A token signed with [`TEST_JWT_SECRET`] for any session id (live or not).
pub fn signed_token(user_id: Uuid, tenant_id: Uuid, session_id: Uuid, role: &str) -> String {
    let keys = TokenKeys::new(&TEST_JWT_SECRET.to_owned().into());
    keys.issue_access(user_id, tenant_id, session_id, role)
}

/// A live session (refresh-token family) of `user_id` in `tenant_id`; returns its id.
pub async fn insert_session(db: &DatabaseConnection, user_id: Uuid, tenant_id: Uuid) -> Uuid {
    let now = Utc::now();
    let family_id = Uuid::now_v7();
    entity::refresh_tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(tenant_id),
        user_id: Set(user_id),
        family_id: Set(family_id),
        token_hash: Set(server::auth::crypto::sha256_hex(&Uuid::new_v4().to_string())),
        created_at: Set(now),
        expires_at: Set(now + chrono::Duration::days(30)),
        rotated_at: Set(None),
        revoked_at: Set(None),
        user_agent: Set(Some("fixture".to_owned())),
    }
    .insert(db)
    .await
    .expect("insert session");
    family_id
}

/// A verified user who is `role` in `tenant_id`; returns the user id and an access token.
pub async fn member(db: &DatabaseConnection, tenant_id: Uuid, email: &str, role: Role) -> (Uuid, String) {
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
    (user_id, access_token(db, user_id, tenant_id, &role_name).await)
}

/// A user of an organization, with an access token bound to it.
pub struct Member {
    pub id: Uuid,
    pub token: String,
}

/// An active organization on `<slug>.localhost` with one member per role, whose emails are
/// `<role>@<slug>.io` (`owner@acme.io`).
pub struct Organization {
    pub id: Uuid,
    pub slug: String,
    pub owner: Member,
    pub admin: Member,
    pub member: Member,
    pub viewer: Member,
}

impl Organization {
    pub fn host(&self) -> String {
        format!("{}.localhost", self.slug)
    }
}

impl TestApp {
    /// Arranges an [`Organization`] directly in the database.
    pub async fn organization(&self, slug: &str) -> Organization {
        let db = self.database.connect().await;
        let tenant_id = insert_tenant(&db, slug, TenantStatus::Active).await;
        insert_domain(&db, tenant_id, &format!("{slug}.localhost"), DomainKind::Subdomain, true).await;
        let join = async |role: Role| {
            let email = format!("{role:?}@{slug}.io").to_lowercase();
            let (id, token) = member(&db, tenant_id, &email, role).await;
            Member { id, token }
        };
        Organization {
            id: tenant_id,
            slug: slug.to_owned(),
            owner: join(Role::Owner).await,
            admin: join(Role::Admin).await,
            member: join(Role::Member).await,
            viewer: join(Role::Viewer).await,
        }
    }
}

/// The outbox handle the server uses (5 attempts, the system clock), for enqueueing directly in a
/// test's own transaction.
pub fn outbox() -> Outbox {
    Outbox::new(5, Arc::new(server::kernel::SystemClock))
}

/// Claims up to `limit` due outbox messages as worker `worker` does, with a lease of `lease`:
/// the claim of a worker that then dies, for tests of lease expiry.
pub async fn claim_outbox(
    db: &DatabaseConnection,
    worker: &str,
    lease: Duration,
    limit: u64,
) -> Vec<entity::email_outbox::Model> {
    let now = Utc::now();
    let until = now + chrono::Duration::from_std(lease).expect("a short lease");
    server::jobs::lease::claim::<entity::email_outbox::Entity>(
        db,
        &server::mail::outbox::TABLE,
        worker,
        now,
        until,
        limit,
    )
    .await
    .expect("claim due outbox messages")
}
