//! Upgrades: a database at the previous release's schema, holding representative rows written
//! with that release's SQL, is migrated to the head on both backends. Nothing may be pending
//! after, the rows must still be there and readable through today's entities, and the catalog
//! must equal the declarations — what a fresh database gets is checked by `declared_indexes`.

use beacon_tests::{Backend, TestDatabase, backend_tests, catalog};
use chrono::{DateTime, Utc};
use entity::memberships::Role;
use entity::tenants::TenantStatus;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait};
use uuid::Uuid;

backend_tests!(previous_release_upgrades_to_head_keeping_its_rows);

/// The last migration of the previous release. When a release ships, set this to its last
/// migration, so the upgrade from it is what the next release is tested against.
const PREVIOUS_RELEASE_LAST_MIGRATION: &str = "m20261122_000005_create_invitations";

const CREATED: &str = "2026-11-22 10:00:00+00:00";
const LATER: &str = "2026-11-23 10:00:00+00:00";

/// Fixed ids, so the rows can be found again after the upgrade.
struct Ids {
    tenant: Uuid,
    domain: Uuid,
    user: Uuid,
    membership: Uuid,
    audit_event: Uuid,
    email: Uuid,
    api_key: Uuid,
    invitation: Uuid,
}

impl Ids {
    fn new() -> Self {
        let id = |n: u128| Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0000 + n);
        Self {
            tenant: id(1),
            domain: id(2),
            user: id(3),
            membership: id(4),
            audit_event: id(5),
            email: id(6),
            api_key: id(7),
            invitation: id(8),
        }
    }
}

/// A UUID literal as each backend stores one written by sea-orm (SQLite: a 16-byte blob).
fn uuid(backend: Backend, id: Uuid) -> String {
    match backend {
        Backend::Sqlite => format!("X'{}'", id.simple()),
        Backend::Postgres => format!("'{id}'"),
    }
}

/// The rows, in the previous release's SQL: only columns that existed then.
fn previous_release_rows(backend: Backend, ids: &Ids) -> Vec<String> {
    let [tenant, domain, user, membership, audit_event, email, api_key, invitation] = [
        ids.tenant,
        ids.domain,
        ids.user,
        ids.membership,
        ids.audit_event,
        ids.email,
        ids.api_key,
        ids.invitation,
    ]
    .map(|id| uuid(backend, id));
    let hash = |c: char| c.to_string().repeat(64);
    vec![
        format!(
            "INSERT INTO tenants (id, slug, name, status, created_at, updated_at) \
             VALUES ({tenant}, 'acme', 'Acme Corp', 'active', '{CREATED}', '{CREATED}')"
        ),
        format!(
            "INSERT INTO tenant_domains (id, tenant_id, hostname, kind, verified_at, created_at) \
             VALUES ({domain}, {tenant}, 'acme.localhost', 'subdomain', '{CREATED}', '{CREATED}')"
        ),
        format!(
            "INSERT INTO users (id, email, display_name, password_hash, email_verified_at, is_platform_admin, \
             created_at, updated_at) \
             VALUES ({user}, 'ann@acme.io', 'Ann', NULL, '{CREATED}', false, '{CREATED}', '{CREATED}')"
        ),
        format!(
            "INSERT INTO memberships (id, tenant_id, user_id, role, created_at, updated_at) \
             VALUES ({membership}, {tenant}, {user}, 'owner', '{CREATED}', '{CREATED}')"
        ),
        format!(
            "INSERT INTO audit_events (id, tenant_id, actor_user_id, actor_api_key_id, action, entity_type, \
             entity_id, request_id, client_ip, changes, created_at) \
             VALUES ({audit_event}, {tenant}, {user}, NULL, 'api_key.created', 'api_key', {api_key}, \
             'req-1', '127.0.0.1', '{{\"name\":\"ci\"}}', '{CREATED}')"
        ),
        format!(
            "INSERT INTO email_outbox (id, tenant_id, kind, recipient, subject, body_text, body_html, status, \
             attempts, max_attempts, next_attempt_at, locked_until, locked_by, last_error, dedup_key, \
             created_at, updated_at, sent_at) \
             VALUES ({email}, {tenant}, 'invitation', 'bob@acme.io', 'Join Acme', 'text', '<p>html</p>', \
             'queued', 1, 5, '{LATER}', NULL, NULL, 'connection refused', 'invitation-1', '{CREATED}', \
             '{CREATED}', NULL)"
        ),
        format!(
            "INSERT INTO api_keys (id, tenant_id, name, prefix, key_hash, scope, created_by, created_at, \
             last_used_at, revoked_at) \
             VALUES ({api_key}, {tenant}, 'ci', 'bk_ab12cd34', '{}', 'read', {user}, '{CREATED}', NULL, NULL)",
            hash('a')
        ),
        format!(
            "INSERT INTO invitations (id, tenant_id, email, role, token_hash, invited_by, created_at, \
             expires_at, accepted_at, revoked_at) \
             VALUES ({invitation}, {tenant}, 'bob@acme.io', 'viewer', '{}', {user}, '{CREATED}', '{LATER}', \
             NULL, NULL)",
            hash('b')
        ),
    ]
}

fn time(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%:z").unwrap().to_utc()
}

async fn migrate_to_previous_release(db: &DatabaseConnection) {
    let names: Vec<String> = Migrator::migrations().iter().map(|m| m.name().to_owned()).collect();
    let position = names.iter().position(|name| name == PREVIOUS_RELEASE_LAST_MIGRATION);
    let count = position.unwrap_or_else(|| {
        panic!(
            "PREVIOUS_RELEASE_LAST_MIGRATION {PREVIOUS_RELEASE_LAST_MIGRATION} is not a migration: {names:?}"
        )
    }) + 1;
    Migrator::up(db, Some(count as u32)).await.expect("migrate to the previous release");
    let applied = Migrator::get_applied_migrations(db).await.unwrap();
    let applied: Vec<&str> = applied.iter().map(|m| m.name()).collect();
    assert_eq!(applied, names[..count], "exactly the previous release's migrations are applied");
}

async fn previous_release_upgrades_to_head_keeping_its_rows(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let db = database.connect().await;
    migrate_to_previous_release(&db).await;
    let ids = Ids::new();
    for sql in previous_release_rows(backend, &ids) {
        db.execute_unprepared(&sql).await.unwrap_or_else(|err| panic!("{sql}\n{err}"));
    }

    Migrator::up(&db, None).await.expect("migrate to the head");

    let pending = Migrator::get_pending_migrations(&db).await.unwrap();
    let pending: Vec<&str> = pending.iter().map(|m| m.name()).collect();
    assert!(pending.is_empty(), "still pending after the upgrade: {pending:?}");
    assert_rows_survived(&db, &ids).await;
    catalog::assert_matches_declarations(&db, backend).await;
}

async fn assert_rows_survived(db: &DatabaseConnection, ids: &Ids) {
    let tenant = entity::tenants::Entity::find_by_id(ids.tenant).one(db).await.unwrap().expect("the tenant");
    assert_eq!((tenant.slug.as_str(), tenant.status), ("acme", TenantStatus::Active));
    assert_eq!(tenant.created_at, time(CREATED));
    let domain =
        entity::tenant_domains::Entity::find_by_id(ids.domain).one(db).await.unwrap().expect("domain");
    assert_eq!((domain.tenant_id, domain.hostname.as_str()), (ids.tenant, "acme.localhost"));
    let user = entity::users::Entity::find_by_id(ids.user).one(db).await.unwrap().expect("the user");
    assert_eq!((user.email.as_str(), user.is_platform_admin), ("ann@acme.io", false));
    let membership =
        entity::memberships::Entity::find_by_id(ids.membership).one(db).await.unwrap().expect("membership");
    assert_eq!(
        (membership.tenant_id, membership.user_id, membership.role),
        (ids.tenant, ids.user, Role::Owner)
    );
    let event = entity::audit_events::Entity::find_by_id(ids.audit_event)
        .one(db)
        .await
        .unwrap()
        .expect("audit event");
    assert_eq!((event.action.as_str(), event.entity_id), ("api_key.created", Some(ids.api_key)));
    assert_eq!(event.changes, r#"{"name":"ci"}"#);
    let email = entity::email_outbox::Entity::find_by_id(ids.email).one(db).await.unwrap().expect("email");
    assert_eq!(
        (email.status, email.attempts, email.next_attempt_at),
        (entity::email_outbox::EmailStatus::Queued, 1, time(LATER))
    );
    assert_eq!(email.last_error.as_deref(), Some("connection refused"));
    let key = entity::api_keys::Entity::find_by_id(ids.api_key).one(db).await.unwrap().expect("the API key");
    assert_eq!(
        (key.scope, key.created_by, key.revoked_at),
        (entity::api_keys::KeyScope::Read, Some(ids.user), None)
    );
    let invitation =
        entity::invitations::Entity::find_by_id(ids.invitation).one(db).await.unwrap().expect("invitation");
    assert_eq!((invitation.email.as_str(), invitation.invited_by), ("bob@acme.io", Some(ids.user)));
    assert_eq!(invitation.expires_at, time(LATER));
}
