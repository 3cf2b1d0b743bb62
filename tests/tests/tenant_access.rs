//! Tenant isolation and roles, on both backends: API keys (shown once, scoped, revoked at
//! once), the audit log with filters and paging, the role table, and every operation that takes
//! an id tried across tenants — the list of those operations comes from `schema.graphql`, so a
//! new one without a cross-tenant case here fails the suite.

use std::collections::BTreeSet;

use beacon_tests::fixtures::{insert_domain, insert_tenant, member};
use beacon_tests::{Backend, TestApp, backend_tests, repo_root};
use entity::memberships::Role;
use entity::tenant_domains::DomainKind;
use entity::tenants::TenantStatus;
use serde_json::{Value, json};

backend_tests!(
    api_keys_are_shown_once_scoped_and_revocable,
    audit_log_filters_and_pages,
    roles_are_enforced,
    foreign_ids_are_not_found
);

const CREATE_KEY: &str = "mutation($n: String!, $s: ApiKeyScope!) { createApiKey(input: { name: $n, scope: $s }) { secret key { id prefix scope } } }";
const REVOKE_KEY: &str = "mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }";

fn code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"].as_str().unwrap_or("none")
}

struct Org {
    owner: String,
    admin: String,
    member: String,
    viewer: String,
}

async fn org(app: &TestApp, slug: &str) -> Org {
    let db = app.database.connect().await;
    let tenant = insert_tenant(&db, slug, TenantStatus::Active).await;
    insert_domain(&db, tenant, &format!("{slug}.localhost"), DomainKind::Subdomain, true).await;
    let mut tokens = Vec::new();
    for role in [Role::Owner, Role::Admin, Role::Member, Role::Viewer] {
        let email = format!("{:?}@{slug}.io", role).to_lowercase();
        tokens.push(member(&db, tenant, &email, role).await.1);
    }
    let mut tokens = tokens.into_iter();
    Org {
        owner: tokens.next().unwrap(),
        admin: tokens.next().unwrap(),
        member: tokens.next().unwrap(),
        viewer: tokens.next().unwrap(),
    }
}

async fn api_keys_are_shown_once_scoped_and_revocable(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let acme = org(&app, "acme").await;
    let _globex = org(&app, "globex").await;

    let (_, body) = app.graphql_as(&acme.admin, CREATE_KEY, json!({ "n": "CI pipeline", "s": "READ" })).await;
    let created = &body["data"]["createApiKey"];
    let secret = created["secret"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    assert!(secret.starts_with("bk_") && secret.starts_with(created["key"]["prefix"].as_str().unwrap()));
    let key_id = created["key"]["id"].as_str().unwrap().to_owned();

    // Listed without the secret; usable at once for this tenant only.
    let (_, list) = app.graphql_as(&acme.owner, "{ apiKeys { id prefix lastUsedAt } }", Value::Null).await;
    assert!(!list.to_string().contains(&secret[11..]), "the secret is never shown again");
    let (status, body) = app.graphql_as(&secret, "{ currentTenant { slug } }", Value::Null).await;
    assert_eq!((status, body["data"]["currentTenant"]["slug"].as_str()), (200, Some("acme")), "{body}");
    let on_globex = app
        .client
        .post(app.url("/graphql"))
        .header("host", "globex.localhost")
        .bearer_auth(&secret)
        .json(&json!({ "query": "{ currentTenant { slug } }" }))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(code(&on_globex), "UNAUTHENTICATED", "{on_globex}");

    // A key cannot manage keys, whatever its scope.
    let (_, body) = app.graphql_as(&secret, CREATE_KEY, json!({ "n": "escalate", "s": "READ_WRITE" })).await;
    assert_eq!(code(&body), "FORBIDDEN", "{body}");
    let (_, list) = app.graphql_as(&acme.owner, "{ apiKeys { id lastUsedAt } }", Value::Null).await;
    assert!(list["data"]["apiKeys"][0]["lastUsedAt"].is_string(), "{list}");

    // Revoked: refused on the very next request.
    let (_, body) = app.graphql_as(&acme.owner, REVOKE_KEY, json!({ "id": key_id })).await;
    assert!(body["data"]["revokeApiKey"]["revokedAt"].is_string(), "{body}");
    let (status, body) = app.graphql_as(&secret, "{ currentTenant { slug } }", Value::Null).await;
    assert_eq!((status, code(&body)), (401, "UNAUTHENTICATED"));
}

async fn audit_log_filters_and_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let acme = org(&app, "acme").await;
    let globex = org(&app, "globex").await;
    for i in 0..5 {
        app.graphql_as(&acme.admin, CREATE_KEY, json!({ "n": format!("key {i}"), "s": "READ" })).await;
    }
    app.graphql_as(&globex.admin, CREATE_KEY, json!({ "n": "globex key", "s": "READ" })).await;
    let (_, body) = app.graphql_as(&acme.owner, "{ apiKeys { id } }", Value::Null).await;
    let first_key = body["data"]["apiKeys"][0]["id"].as_str().unwrap().to_owned();
    app.graphql_as(&acme.owner, REVOKE_KEY, json!({ "id": first_key })).await;

    let page = |after: Option<String>, filter: Value| {
        let app = &app;
        let token = acme.owner.clone();
        async move {
            let query = "query($f: AuditFilter, $after: String) { auditEvents(filter: $f, first: 2, after: $after) { pageInfo { hasNextPage endCursor } nodes { action entityId requestId clientIp changes } } }";
            let (_, body) = app.graphql_as(&token, query, json!({ "f": filter, "after": after })).await;
            body
        }
    };
    // Paging newest first: 6 events in pages of 2, none of Globex's.
    let mut actions = Vec::new();
    let mut cursor = None;
    loop {
        let body = page(cursor.clone(), Value::Null).await;
        let data = &body["data"]["auditEvents"];
        for event in data["nodes"].as_array().unwrap_or_else(|| panic!("{body}")) {
            assert!(!event["changes"].as_str().unwrap().contains("globex"));
            assert!(!event["requestId"].as_str().unwrap().is_empty() && event["clientIp"] == "127.0.0.1");
            actions.push(event["action"].as_str().unwrap().to_owned());
        }
        if data["pageInfo"]["hasNextPage"] != true {
            break;
        }
        cursor = data["pageInfo"]["endCursor"].as_str().map(str::to_owned);
    }
    assert_eq!(actions.len(), 6, "{actions:?}");
    assert_eq!(actions[0], "api_key.revoked");
    // Filters: by action and by entity.
    let body = page(None, json!({ "action": "api_key.revoked" })).await;
    assert_eq!(body["data"]["auditEvents"]["nodes"].as_array().unwrap().len(), 1);
    let body = page(None, json!({ "entityType": "api_key", "entityId": first_key })).await;
    let actions: Vec<&str> = body["data"]["auditEvents"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["api_key.revoked", "api_key.created"]);
    let (_, body) = app
        .graphql_as(&acme.owner, "{ auditEvents(first: 500) { pageInfo { hasNextPage } } }", Value::Null)
        .await;
    assert_eq!(body["errors"][0]["extensions"]["fields"][0]["field"], "first", "{body}");
}

/// (operation, allowed for owner, admin, member, viewer)
async fn roles_are_enforced(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let acme = org(&app, "acme").await;
    let table: [(&str, &str, Value, [bool; 4]); 5] = [
        ("me", "{ me { role } }", Value::Null, [true, true, true, true]),
        ("currentTenant", "{ currentTenant { slug } }", Value::Null, [true, true, true, true]),
        ("apiKeys", "{ apiKeys { id } }", Value::Null, [true, true, false, false]),
        ("createApiKey", CREATE_KEY, json!({ "n": "k", "s": "READ" }), [true, true, false, false]),
        (
            "auditEvents",
            "{ auditEvents { pageInfo { hasNextPage } } }",
            Value::Null,
            [true, true, false, false],
        ),
    ];
    let roles =
        [("owner", &acme.owner), ("admin", &acme.admin), ("member", &acme.member), ("viewer", &acme.viewer)];
    for (operation, query, variables, allowed) in table {
        for ((role, token), allowed) in roles.iter().zip(allowed) {
            let (_, body) = app.graphql_as(token, query, variables.clone()).await;
            if allowed {
                assert!(body["errors"].is_null(), "{operation} must be allowed for {role}: {body}");
            } else {
                assert_eq!(code(&body), "FORBIDDEN", "{operation} must be denied for {role}: {body}");
            }
        }
    }
    let (_, anonymous) = app.graphql("{ me { role } }", Value::Null).await;
    assert_eq!(code(&anonymous), "UNAUTHENTICATED");
}

/// Operations taking an `ID` and how this test covers them.
const COVERED: &[(&str, &str)] = &[
    ("revokeApiKey", "tenant: another tenant's key is NOT_FOUND and stays active"),
    ("outboxEmail", "platform admin only: tenant users get FORBIDDEN (tests/email_outbox.rs covers admins)"),
    ("requeueEmail", "platform admin only: tenant users get FORBIDDEN"),
    ("suspendTenant", "platform admin only: tenant users get FORBIDDEN (tests/platform_admin.rs)"),
    ("reactivateTenant", "platform admin only: tenant users get FORBIDDEN"),
    ("changeMemberRole", "tenant: another tenant's user is NOT_FOUND (tests/team.rs)"),
    ("removeMember", "tenant: another tenant's user is NOT_FOUND (tests/team.rs)"),
    ("revokeSession", "user: another user's session is NOT_FOUND and stays active (tests/accounts.rs)"),
    (
        "revokeInvitation",
        "tenant: another tenant's invitation is NOT_FOUND and stays pending (tests/team.rs)",
    ),
];

fn id_taking_operations() -> BTreeSet<String> {
    let schema = std::fs::read_to_string(repo_root().join("schema.graphql")).unwrap();
    let mut operations = BTreeSet::new();
    let mut in_root = false;
    for line in schema.lines() {
        let line = line.trim();
        if line.starts_with("type Query")
            || line.starts_with("type Mutation")
            || line.starts_with("type Subscription")
        {
            in_root = true;
        } else if line == "}" {
            in_root = false;
        } else if in_root && line.contains('(') && line.contains(": ID") {
            operations.insert(line.split('(').next().unwrap().to_owned());
        }
    }
    operations
}

async fn foreign_ids_are_not_found(backend: Backend) {
    let covered: BTreeSet<String> = COVERED.iter().map(|(name, _)| (*name).to_owned()).collect();
    assert_eq!(
        id_taking_operations(),
        covered,
        "every operation taking an ID needs a cross-tenant case here"
    );

    let app = TestApp::spawn(backend).await;
    let acme = org(&app, "acme").await;
    let globex = org(&app, "globex").await;
    let (_, body) =
        app.graphql_as(&globex.owner, CREATE_KEY, json!({ "n": "globex key", "s": "READ" })).await;
    let globex_key = body["data"]["createApiKey"]["key"]["id"].as_str().unwrap().to_owned();
    let globex_secret = body["data"]["createApiKey"]["secret"].as_str().unwrap().to_owned();

    let (_, body) = app.graphql_as(&acme.owner, REVOKE_KEY, json!({ "id": globex_key })).await;
    assert_eq!(code(&body), "NOT_FOUND", "{body}");
    let (_, missing) = app.graphql_as(&acme.owner, REVOKE_KEY, json!({ "id": uuid::Uuid::new_v4() })).await;
    assert_eq!(
        body["errors"][0]["message"], missing["errors"][0]["message"],
        "foreign and missing look the same"
    );
    let (status, _) = app.graphql_as(&globex_secret, "{ currentTenant { slug } }", Value::Null).await;
    assert_eq!(status, 200, "the foreign key is still active");

    // Lists never include another tenant's rows.
    let (_, keys) = app.graphql_as(&acme.owner, "{ apiKeys { id } }", Value::Null).await;
    assert!(!keys.to_string().contains(&globex_key), "{keys}");
    let (_, audit) = app.graphql_as(&acme.owner, "{ auditEvents { nodes { entityId } } }", Value::Null).await;
    assert!(!audit.to_string().contains(&globex_key), "{audit}");

    for (query, variables) in [
        ("query($id: ID!) { outboxEmail(id: $id) { id } }", json!({ "id": uuid::Uuid::new_v4() })),
        ("mutation($id: ID!) { requeueEmail(id: $id) { id } }", json!({ "id": uuid::Uuid::new_v4() })),
        ("mutation($id: ID!) { suspendTenant(id: $id) { id } }", json!({ "id": uuid::Uuid::new_v4() })),
        ("mutation($id: ID!) { reactivateTenant(id: $id) { id } }", json!({ "id": uuid::Uuid::new_v4() })),
    ] {
        let (_, body) = app.graphql_as(&acme.owner, query, variables).await;
        assert_eq!(code(&body), "FORBIDDEN", "{query}: {body}");
    }
}
