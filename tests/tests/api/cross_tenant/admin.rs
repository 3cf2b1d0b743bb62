//! Platform-admin operations: a tenant's own owner is `FORBIDDEN` whatever the id (another
//! organization's or a missing one), and nothing changes.

use chrono::Utc;
use entity::email_outbox::{self, EmailStatus};
use entity::tenants::{self, TenantStatus};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use super::Probe;

fn ids(foreign: Uuid) -> (Value, Value) {
    (json!({ "id": foreign }), json!({ "id": Uuid::new_v4() }))
}

/// A message of `tenant_id` that died after its last attempt (never picked up by the worker).
async fn dead_email(probe: &Probe, tenant_id: Uuid) -> Uuid {
    let db = probe.app.database.connect().await;
    let now = Utc::now();
    email_outbox::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(Some(tenant_id)),
        kind: Set("invitation".into()),
        recipient: Set("someone@globex.io".into()),
        subject: Set("Join Globex".into()),
        body_text: Set("text".into()),
        body_html: Set("<p>html</p>".into()),
        status: Set(EmailStatus::Dead),
        attempts: Set(5),
        max_attempts: Set(5),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        locked_by: Set(None),
        last_error: Set(Some("550 mailbox unavailable".into())),
        dedup_key: Set(None),
        list_unsubscribe: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        sent_at: Set(None),
    }
    .insert(&db)
    .await
    .expect("insert a dead email")
    .id
}

async fn email(probe: &Probe, id: Uuid) -> email_outbox::Model {
    let db = probe.app.database.connect().await;
    email_outbox::Entity::find_by_id(id).one(&db).await.unwrap().expect("the email")
}

async fn tenant_status(probe: &Probe, id: Uuid) -> TenantStatus {
    let db = probe.app.database.connect().await;
    tenants::Entity::find_by_id(id).one(&db).await.unwrap().expect("the tenant").status
}

pub async fn outbox_email(probe: Probe) {
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;
    let message = dead_email(&probe, globex.id).await;

    let query = "query($id: ID!) { outboxEmail(id: $id) { id recipient subject } }";
    probe.assert_refused_like_missing(&acme.owner.token, query, ids(message), "FORBIDDEN").await;
}

pub async fn requeue_email(probe: Probe) {
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;
    let message = dead_email(&probe, globex.id).await;
    let before = email(&probe, message).await;

    let requeue = "mutation($id: ID!) { requeueEmail(id: $id) { id status } }";
    probe.assert_refused_like_missing(&acme.owner.token, requeue, ids(message), "FORBIDDEN").await;

    assert_eq!(email(&probe, message).await, before, "the message is still dead, untouched");
}

pub async fn suspend_tenant(probe: Probe) {
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;

    let suspend = "mutation($id: ID!) { suspendTenant(id: $id) { status } }";
    probe.assert_refused_like_missing(&acme.owner.token, suspend, ids(globex.id), "FORBIDDEN").await;

    assert_eq!(tenant_status(&probe, globex.id).await, TenantStatus::Active);
    let (_, body) = probe.app.graphql_as(&globex.owner.token, "{ me { role } }", Value::Null).await;
    assert_eq!(body["data"]["me"]["role"], "OWNER", "globex still works: {body}");
}

pub async fn reactivate_tenant(probe: Probe) {
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;
    let db = probe.app.database.connect().await;
    let mut suspended: tenants::ActiveModel =
        tenants::Entity::find_by_id(globex.id).one(&db).await.unwrap().unwrap().into();
    suspended.status = Set(TenantStatus::Suspended);
    suspended.update(&db).await.unwrap();

    let reactivate = "mutation($id: ID!) { reactivateTenant(id: $id) { status } }";
    probe.assert_refused_like_missing(&acme.owner.token, reactivate, ids(globex.id), "FORBIDDEN").await;

    assert_eq!(tenant_status(&probe, globex.id).await, TenantStatus::Suspended, "still suspended");
}
