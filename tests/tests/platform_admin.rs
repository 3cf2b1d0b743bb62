//! Platform admins: `server create-admin`, then in GraphQL (as in GraphiQL) list tenants and
//! suspend one — its users and keys are refused and its hosts lose TLS at once — and reactivate
//! it. Everyone else is refused.

use std::process::Command;

use beacon_tests::fixtures::{insert_domain, insert_tenant, member};
use beacon_tests::{Backend, TestApp, backend_tests, server_binary};
use entity::memberships::Role;
use entity::tenant_domains::DomainKind;
use entity::tenants::TenantStatus;
use serde_json::{Value, json};

backend_tests!(admins_suspend_and_reactivate_tenants);

fn code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"].as_str().unwrap_or("none")
}

async fn admins_suspend_and_reactivate_tenants(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.database.connect().await;
    let acme = insert_tenant(&db, "acme", TenantStatus::Active).await;
    insert_domain(&db, acme, "acme.localhost", DomainKind::Subdomain, true).await;
    let (_, acme_owner) = member(&db, acme, "owner@acme.io", Role::Owner).await;
    let (_, key) = app
        .graphql_as(
            &acme_owner,
            "mutation { createApiKey(input: { name: \"ci\", scope: READ }) { secret } }",
            Value::Null,
        )
        .await;
    let acme_key = key["data"]["createApiKey"]["secret"].as_str().unwrap().to_owned();

    // The CLI creates the admin (password from the environment, never an argument).
    let output = Command::new(server_binary())
        .args(["create-admin", "--email", "Ops@Beacon-Test.io"])
        .env_clear()
        .env("DATABASE_URL", &app.database.url)
        .env("DATA_DIR", app.data_dir())
        .env("JWT_SECRET", beacon_tests::fixtures::TEST_JWT_SECRET)
        .env("BEACON_ADMIN_PASSWORD", "platform admin passphrase")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));

    let login = "mutation($i: LogInInput!) { logIn(input: $i) { ... on SessionPayload { accessToken tenant { slug } } } }";
    let (_, body) = app
        .graphql(
            login,
            json!({ "i": { "email": "ops@beacon-test.io", "password": "platform admin passphrase" } }),
        )
        .await;
    assert_eq!(body["data"]["logIn"]["tenant"]["slug"], "ops", "{body}");
    let admin = body["data"]["logIn"]["accessToken"].as_str().unwrap().to_owned();

    let (_, body) = app.graphql_as(&admin, "{ tenants { nodes { id slug status } } }", Value::Null).await;
    let slugs: Vec<&str> = body["data"]["tenants"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["slug"].as_str().unwrap())
        .collect();
    assert!(slugs.contains(&"acme") && slugs.contains(&"ops"), "{body}");

    // Admin operations appear in introspection (GraphiQL) only for admins.
    let introspect = "{ __schema { queryType { fields { name } } mutationType { fields { name } } } }";
    let names = |body: &Value| body.to_string();
    let (_, as_admin) = app.graphql_as(&admin, introspect, Value::Null).await;
    let (_, as_owner) = app.graphql_as(&acme_owner, introspect, Value::Null).await;
    let (_, as_anonymous) = app.graphql(introspect, Value::Null).await;
    for field in ["\"tenants\"", "\"suspendTenant\"", "\"deadEmails\"", "\"sendTestEmail\""] {
        assert!(names(&as_admin).contains(field), "{field} visible to admins");
        assert!(!names(&as_owner).contains(field), "{field} hidden from tenant owners");
        assert!(!names(&as_anonymous).contains(field), "{field} hidden from anonymous callers");
    }
    assert!(names(&as_owner).contains("\"me\""));

    // Everyone else is refused.
    let (_, body) = app.graphql_as(&acme_owner, "{ tenants { nodes { id } } }", Value::Null).await;
    assert_eq!(code(&body), "FORBIDDEN");
    let suspend = "mutation($id: ID!) { suspendTenant(id: $id) { status } }";
    let (_, body) = app.graphql_as(&acme_owner, suspend, json!({ "id": acme })).await;
    assert_eq!(code(&body), "FORBIDDEN");
    let (_, body) = app.graphql(suspend, json!({ "id": acme })).await;
    assert_eq!(code(&body), "UNAUTHENTICATED");

    let ask = |host: &'static str| {
        let url = app.internal_url(&format!("/internal/tls/ask?domain={host}"));
        let client = app.client.clone();
        async move { client.get(url).send().await.unwrap().status().as_u16() }
    };
    assert_eq!(ask("acme.localhost").await, 200);

    let (_, body) = app.graphql_as(&admin, suspend, json!({ "id": acme })).await;
    assert_eq!(body["data"]["suspendTenant"]["status"], "SUSPENDED", "{body}");
    let (_, body) = app.graphql_as(&acme_owner, "{ me { role } }", Value::Null).await;
    assert_eq!(code(&body), "FORBIDDEN", "{body}");
    let (status, _) = app.graphql_as(&acme_key, "{ currentTenant { slug } }", Value::Null).await;
    assert_eq!(status, 401, "a suspended tenant's keys stop working");
    assert_eq!(ask("acme.localhost").await, 404, "no TLS for a suspended tenant's host");

    let (_, body) = app
        .graphql_as(
            &admin,
            "mutation($id: ID!) { reactivateTenant(id: $id) { status } }",
            json!({ "id": acme }),
        )
        .await;
    assert_eq!(body["data"]["reactivateTenant"]["status"], "ACTIVE", "{body}");
    let (_, body) = app.graphql_as(&acme_owner, "{ me { role } }", Value::Null).await;
    assert_eq!(body["data"]["me"]["role"], "OWNER");
    assert_eq!(ask("acme.localhost").await, 200);
    let (_, body) = app
        .graphql_as(
            &admin,
            "mutation($id: ID!) { suspendTenant(id: $id) { status } }",
            json!({ "id": uuid::Uuid::new_v4() }),
        )
        .await;
    assert_eq!(code(&body), "NOT_FOUND");
}
