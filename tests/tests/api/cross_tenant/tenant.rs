//! Tenant- and user-scoped operations: another organization's (or user's) id is `NOT_FOUND`,
//! exactly like a missing one, and changes nothing.

use beacon_tests::Browser;
use serde_json::{Value, json};
use uuid::Uuid;

use super::Probe;

const CREATE_KEY: &str =
    "mutation($n: String!) { createApiKey(input: { name: $n, scope: READ }) { secret key { id } } }";
const INVITE: &str = "mutation($e: String!) { inviteMember(input: { email: $e, role: VIEWER }) { id } }";
const ME: &str = "{ me { role } }";

/// Creates an API key as `token`; returns (id, secret).
async fn create_key(probe: &Probe, token: &str, name: &str) -> (String, String) {
    let (_, body) = probe.app.graphql_as(token, CREATE_KEY, json!({ "n": name })).await;
    let created = &body["data"]["createApiKey"];
    let id = created["key"]["id"].as_str().unwrap_or_else(|| panic!("create key: {body}")).to_owned();
    (id, created["secret"].as_str().unwrap().to_owned())
}

fn ids(foreign: impl ToString, name: &str) -> (Value, Value) {
    (json!({ name: foreign.to_string() }), json!({ name: Uuid::new_v4() }))
}

pub async fn revoke_api_key(probe: Probe) {
    let app = &probe.app;
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;
    let (globex_key, globex_secret) = create_key(&probe, &globex.owner.token, "globex key").await;

    let revoke = "mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }";
    probe.assert_refused_like_missing(&acme.owner.token, revoke, ids(&globex_key, "id"), "NOT_FOUND").await;

    let (status, body) = app.graphql_as(&globex_secret, "{ currentTenant { slug } }", Value::Null).await;
    assert_eq!(
        (status, body["data"]["currentTenant"]["slug"].as_str()),
        (200, Some(globex.slug.as_str())),
        "still active"
    );
    // Lists never include another tenant's rows either.
    let (_, keys) = app.graphql_as(&acme.owner.token, "{ apiKeys { id } }", Value::Null).await;
    assert!(!keys.to_string().contains(&globex_key), "{keys}");
}

pub async fn change_member_role(probe: Probe) {
    let app = &probe.app;
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;

    let change = "mutation($u: ID!) { changeMemberRole(userId: $u, role: OWNER) { role } }";
    probe
        .assert_refused_like_missing(&acme.owner.token, change, ids(globex.member.id, "u"), "NOT_FOUND")
        .await;

    let (_, body) = app.graphql_as(&globex.member.token, ME, Value::Null).await;
    assert_eq!(body["data"]["me"]["role"], "MEMBER", "the role is unchanged: {body}");
}

pub async fn remove_member(probe: Probe) {
    let app = &probe.app;
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;

    let remove = "mutation($u: ID!) { removeMember(userId: $u) }";
    probe
        .assert_refused_like_missing(&acme.owner.token, remove, ids(globex.member.id, "u"), "NOT_FOUND")
        .await;

    let (_, body) = app.graphql_as(&globex.member.token, ME, Value::Null).await;
    assert_eq!(body["data"]["me"]["role"], "MEMBER", "still a member: {body}");
}

pub async fn revoke_invitation(probe: Probe) {
    let app = &probe.app;
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;
    let (_, body) =
        app.graphql_as(&globex.owner.token, INVITE, json!({ "e": format!("new@{}.io", globex.slug) })).await;
    let invitation =
        body["data"]["inviteMember"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();

    let revoke = "mutation($id: ID!) { revokeInvitation(id: $id) }";
    probe.assert_refused_like_missing(&acme.owner.token, revoke, ids(&invitation, "id"), "NOT_FOUND").await;

    let (_, body) = app.graphql_as(&globex.owner.token, "{ invitations { id } }", Value::Null).await;
    assert_eq!(body["data"]["invitations"], json!([{ "id": invitation }]), "still pending: {body}");
}

/// A filter, not a lookup: another tenant's id matches nothing, exactly like a missing id,
/// while the same filter finds the tenant's own rows.
pub async fn audit_events(probe: Probe) {
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;
    let (acme_key, _) = create_key(&probe, &acme.owner.token, "acme key").await;
    let (globex_key, _) = create_key(&probe, &globex.owner.token, "globex key").await;

    let query = "query($f: AuditFilter) { auditEvents(filter: $f) { nodes { entityId actorUserId } } }";
    let events = async |token: &str, filter: Value| {
        let body = probe.send(token, query, json!({ "f": filter })).await;
        assert!(body["errors"].is_null(), "{body}");
        body["data"]["auditEvents"]["nodes"].as_array().unwrap().len()
    };
    let acme_owner = &acme.owner.token;
    assert_eq!(events(acme_owner, json!({ "entityId": acme_key })).await, 1, "the filter finds own rows");
    assert_eq!(events(acme_owner, json!({ "actorUserId": acme.owner.id })).await, 1);
    for (filter, missing) in [
        (json!({ "entityId": globex_key }), json!({ "entityId": Uuid::new_v4() })),
        (json!({ "actorUserId": globex.owner.id }), json!({ "actorUserId": Uuid::new_v4() })),
    ] {
        assert_eq!(events(acme_owner, missing).await, 0);
        assert_eq!(events(acme_owner, filter.clone()).await, 0, "a foreign id matches nothing: {filter}");
        assert_eq!(events(&globex.owner.token, filter.clone()).await, 1, "its owner still sees it: {filter}");
    }
    let unfiltered = probe.send(acme_owner, query, json!({ "f": null })).await;
    assert!(!unfiltered.to_string().contains(&globex_key), "{unfiltered}");
}

/// Sessions belong to a user: another user's session id is `NOT_FOUND` and the session lives on.
pub async fn revoke_session(probe: Probe) {
    let app = &probe.app;
    let (acme, globex) = (probe.name("acme"), probe.name("globex"));
    let (gus_email, hal_email) = (format!("gus@{acme}.io"), format!("hal@{globex}.io"));
    app.verified_user(&gus_email, &acme).await;
    app.verified_user(&hal_email, &globex).await;
    let mut gus = Browser::new(app);
    let gus_access = gus.log_in(&gus_email).await;
    let hal_access = Browser::new(app).log_in(&hal_email).await;
    let (_, body) = app.graphql_as(&gus_access, "{ mySessions { id } }", Value::Null).await;
    let session = body["data"]["mySessions"][0]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();

    let revoke = "mutation($id: ID!) { revokeSession(id: $id) }";
    probe.assert_refused_like_missing(&hal_access, revoke, ids(&session, "id"), "NOT_FOUND").await;

    assert!(gus.refresh().await["data"]["refreshSession"]["accessToken"].is_string(), "the session lives");
}
