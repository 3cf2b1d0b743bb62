//! Tenant isolation and roles, on both backends: API keys (shown once, scoped, revoked at
//! once), the audit log with filters and paging, and the role table. Every operation that takes
//! an id is tried across tenants in `cross_tenant`.

use beacon_tests::{Backend, TestApp, backend_tests, error_code};
use serde_json::{Value, json};

backend_tests!(api_keys_are_shown_once_scoped_and_revocable, audit_log_filters_and_pages, roles_are_enforced,);

const CREATE_KEY: &str = "mutation($n: String!, $s: ApiKeyScope!) { createApiKey(input: { name: $n, scope: $s }) { secret key { id prefix scope } } }";
const REVOKE_KEY: &str = "mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }";

async fn api_keys_are_shown_once_scoped_and_revocable(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let acme = app.organization("acme").await;
    let _globex = app.organization("globex").await;

    let (_, body) =
        app.graphql_as(&acme.admin.token, CREATE_KEY, json!({ "n": "CI pipeline", "s": "READ" })).await;
    let created = &body["data"]["createApiKey"];
    let secret = created["secret"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    assert!(secret.starts_with("bk_") && secret.starts_with(created["key"]["prefix"].as_str().unwrap()));
    let key_id = created["key"]["id"].as_str().unwrap().to_owned();

    // Listed without the secret; usable at once for this tenant only.
    let (_, list) =
        app.graphql_as(&acme.owner.token, "{ apiKeys { id prefix lastUsedAt } }", Value::Null).await;
    assert!(!list.to_string().contains(&secret[11..]), "the secret is never shown again");
    let (status, body) = app.graphql_as(&secret, "{ currentTenant { slug } }", Value::Null).await;
    assert_eq!((status, body["data"]["currentTenant"]["slug"].as_str()), (200, Some("acme")), "{body}");
    let (_, on_globex) = app
        .graphql_on_host("globex.localhost", Some(&secret), "{ currentTenant { slug } }", Value::Null)
        .await;
    assert_eq!(error_code(&on_globex), "UNAUTHENTICATED", "{on_globex}");

    // A key cannot manage keys, whatever its scope.
    let (_, body) = app.graphql_as(&secret, CREATE_KEY, json!({ "n": "escalate", "s": "READ_WRITE" })).await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body}");
    let (_, list) = app.graphql_as(&acme.owner.token, "{ apiKeys { id lastUsedAt } }", Value::Null).await;
    assert!(list["data"]["apiKeys"][0]["lastUsedAt"].is_string(), "{list}");

    // Revoked: refused on the very next request.
    let (_, body) = app.graphql_as(&acme.owner.token, REVOKE_KEY, json!({ "id": key_id })).await;
    assert!(body["data"]["revokeApiKey"]["revokedAt"].is_string(), "{body}");
    let (status, body) = app.graphql_as(&secret, "{ currentTenant { slug } }", Value::Null).await;
    assert_eq!((status, error_code(&body)), (401, "UNAUTHENTICATED"));
}

async fn audit_log_filters_and_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let acme = app.organization("acme").await;
    let globex = app.organization("globex").await;
    for i in 0..5 {
        app.graphql_as(&acme.admin.token, CREATE_KEY, json!({ "n": format!("key {i}"), "s": "READ" })).await;
    }
    app.graphql_as(&globex.admin.token, CREATE_KEY, json!({ "n": "globex key", "s": "READ" })).await;
    let (_, body) = app.graphql_as(&acme.owner.token, "{ apiKeys { id } }", Value::Null).await;
    let first_key = body["data"]["apiKeys"][0]["id"].as_str().unwrap().to_owned();
    app.graphql_as(&acme.owner.token, REVOKE_KEY, json!({ "id": first_key })).await;

    let page = |after: Option<String>, filter: Value| {
        let app = &app;
        let token = acme.owner.token.clone();
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
        .graphql_as(
            &acme.owner.token,
            "{ auditEvents(first: 500) { pageInfo { hasNextPage } } }",
            Value::Null,
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["fields"][0]["field"], "first", "{body}");
}

/// (operation, allowed for owner, admin, member, viewer)
async fn roles_are_enforced(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let acme = app.organization("acme").await;
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
    let roles = [
        ("owner", &acme.owner.token),
        ("admin", &acme.admin.token),
        ("member", &acme.member.token),
        ("viewer", &acme.viewer.token),
    ];
    for (operation, query, variables, allowed) in table {
        for ((role, token), allowed) in roles.iter().zip(allowed) {
            let (_, body) = app.graphql_as(token, query, variables.clone()).await;
            if allowed {
                assert!(body["errors"].is_null(), "{operation} must be allowed for {role}: {body}");
            } else {
                assert_eq!(error_code(&body), "FORBIDDEN", "{operation} must be denied for {role}: {body}");
            }
        }
    }
    let (_, anonymous) = app.graphql("{ me { role } }", Value::Null).await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
}
