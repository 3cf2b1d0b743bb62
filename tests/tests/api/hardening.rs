//! Defects from the attack review (issue 7), each shown closed on both backends: one
//! per-account budget however the address is spelled, no suggestions naming hidden fields, one
//! control-character rule for string inputs, coercion errors as BAD_USER_INPUT, API paths never
//! the SPA, one spelling of a host, a GraphQL-shaped 413, and `create-admin` never joining an
//! organization someone else registered.

use std::process::Command;

use beacon_tests::fixtures::TEST_JWT_SECRET;
use beacon_tests::{Backend, TestApp, backend_tests, error_code, error_fields, server_binary};
use serde_json::{Value, json};

backend_tests!(
    spellings_of_an_address_share_one_budget,
    no_suggestion_names_a_field,
    control_characters_are_refused_by_field,
    out_of_range_integers_are_bad_user_input,
    api_paths_are_never_the_spa,
    hosts_have_one_spelling,
    oversized_bodies_get_a_graphql_413,
    sign_up_answers_the_same_for_registered_addresses,
    create_admin_never_joins_someone_elses_organization
);

const LOG_IN: &str = "mutation($i: LogInInput!) { logIn(input: $i) { __typename } }";

async fn spellings_of_an_address_share_one_budget(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.verified_user("ann@acme-corp.io", "acme").await;
    // Five guesses per account, however it is padded or capitalised; then RATE_LIMITED.
    let spellings = [
        " ann@acme-corp.io",
        "ann@acme-corp.io ",
        "ANN@acme-corp.io",
        "\tann@acme-corp.io",
        "Ann@Acme-Corp.IO",
    ];
    for email in spellings {
        let (_, body) =
            app.graphql(LOG_IN, json!({ "i": { "email": email, "password": "wrong guess 123" } })).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{email:?}: {body}");
    }
    let (_, body) =
        app.graphql(LOG_IN, json!({ "i": { "email": "  ann@ACME-corp.io", "password": "wrong" } })).await;
    assert_eq!(error_code(&body), "RATE_LIMITED", "{body}");
    // The same for password-reset mail.
    let reset = "mutation($e: String!) { requestPasswordReset(email: $e) }";
    for email in [
        "bob@acme-corp.io",
        " bob@acme-corp.io",
        "BOB@acme-corp.io ",
        "bob@Acme-Corp.io",
        "\nbob@acme-corp.io",
    ] {
        app.graphql(reset, json!({ "e": email })).await;
    }
    let (_, body) = app.graphql(reset, json!({ "e": "bob@ACME-CORP.IO" })).await;
    assert_eq!(error_code(&body), "RATE_LIMITED", "{body}");
}

async fn no_suggestion_names_a_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for typo in ["{ tenant { id } }", "{ deadEmail { id } }", "mutation { suspendTenan(id: \"x\") { id } }"] {
        let (_, body) = app.graphql(typo, Value::Null).await;
        let message = body["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(!message.contains("Did you mean"), "{typo}: {message}");
        assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
    }
}

async fn control_characters_are_refused_by_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let acme = app.organization("acme").await;
    let sign_up = "mutation($input: SignUpInput!) { signUp(input: $input) { tenantHost } }";
    let input = json!({ "email": "nul@acme-corp.io", "password": "long enough passphrase", "name": "Nul\u{0}Byte",
        "tenantName": "Org", "tenantSlug": "nulorg" });
    let (status, body) = app.graphql(sign_up, json!({ "input": input })).await;
    assert_eq!((status, error_code(&body)), (200, "BAD_USER_INPUT"), "{body}");
    assert_eq!(error_fields(&body), ["input.name"], "{body}");

    // In an inline literal, in a filter, in an email: the same rule, never an internal error.
    let cases = [
        ("{ auditEvents(filter: { action: \"a\\u0000b\" }) { nodes { id } } }", "filter.action"),
        ("mutation { createApiKey(input: { name: \"bell\\u0007\", scope: READ }) { secret } }", "input.name"),
        (
            "mutation { inviteMember(input: { email: \"x\\u0000@acme-corp.io\", role: MEMBER }) { id } }",
            "input.email",
        ),
    ];
    for (query, field) in cases {
        let (status, body) = app.graphql_as(&acme.owner.token, query, Value::Null).await;
        assert_eq!((status, error_code(&body)), (200, "BAD_USER_INPUT"), "{query}: {body}");
        assert_eq!(error_fields(&body), [field], "{body}");
    }
    // Names refuse line breaks too; multi-line text stays possible where it makes sense.
    let (_, body) = app
        .graphql_as(
            &acme.owner.token,
            "mutation { createApiKey(input: { name: \"two\\nlines\", scope: READ }) { secret } }",
            Value::Null,
        )
        .await;
    assert_eq!(error_fields(&body), ["name"], "{body}");
}

async fn out_of_range_integers_are_bad_user_input(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let acme = app.organization("acme").await;
    let (_, anonymous) = app.graphql("{ tenants(first: 2147483648) { nodes { id } } }", Value::Null).await;
    assert_eq!(error_code(&anonymous), "BAD_USER_INPUT", "{anonymous}");
    let (_, body) = app
        .graphql_as(&acme.owner.token, "{ auditEvents(first: 99999999999) { nodes { id } } }", Value::Null)
        .await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
    let (_, body) = app
        .graphql_as(
            &acme.owner.token,
            "query($n: Int) { auditEvents(first: $n) { nodes { id } } }",
            json!({ "n": 1e12 }),
        )
        .await;
    assert_ne!(error_code(&body), "INTERNAL_SERVER_ERROR", "{body}");
}

async fn api_paths_are_never_the_spa(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in [
        "/internal/tls/ask?domain=acme.localhost",
        "/metrics",
        "/graphql/typo",
        "/ping",
        "/health/live",
        "/api/v1/x",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        let body: Value = response.json().await.unwrap_or_else(|_| panic!("{path}: a JSON body"));
        assert_eq!(error_code(&body), "NOT_FOUND", "{path}: {body}");
    }
    for page in ["/", "/app/team", "/apiary"] {
        assert_eq!(app.get(page).await.status(), 200, "{page} is a page of the SPA");
    }
}

async fn hosts_have_one_spelling(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let acme = app.organization("acme").await;
    let me = |host: &'static str, token: String| {
        let app = &app;
        async move {
            let response = app
                .client
                .post(app.url("/graphql"))
                .header("host", host)
                .bearer_auth(token)
                .json(&json!({ "query": "{ me { tenant { slug } } }" }))
                .send()
                .await
                .unwrap();
            response.json::<Value>().await.unwrap()
        }
    };
    // A trailing dot or capitals do not slip past the tenant-host check.
    for host in ["globex.localhost.", "GLOBEX.localhost", "globex.localhost.:80"] {
        let body = me(host, acme.owner.token.clone()).await;
        assert_eq!(error_code(&body), "UNAUTHENTICATED", "{host}: {body}");
    }
    let body = me("Acme.LocalHost.", acme.owner.token.clone()).await;
    assert_eq!(body["data"]["me"]["tenant"]["slug"], "acme", "{body}");
}

async fn oversized_bodies_get_a_graphql_413(backend: Backend) {
    let app = TestApp::builder(backend).env("HTTP_BODY_LIMIT_BYTES", "2048").spawn().await;
    let padding = "x".repeat(4096);
    let response = app
        .client
        .post(app.url("/graphql"))
        .header("content-type", "application/json")
        .body(json!({ "query": "{ serverInfo { version } }", "variables": { "p": padding } }).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    let body: Value = response.json().await.expect("a GraphQL-shaped body");
    assert_eq!(error_code(&body), "BAD_REQUEST", "{body}");
}

async fn create_admin_never_joins_someone_elses_organization(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // The default organization cannot be signed up by anyone.
    let body = app.sign_up("mallory@evil-corp.io", "ops").await;
    assert_eq!(error_fields(&body), ["tenantSlug"], "{body}");
    // An organization someone else registered is refused, with the reason.
    app.verified_user("mallory@evil-corp.io", "platform").await;
    let create_admin = |slug: &str| {
        Command::new(server_binary())
            .args(["create-admin", "--email", "ops@beacon-test.io", "--tenant-slug", slug])
            .env_clear()
            .env("DATABASE_URL", &app.database.url)
            .env("DATA_DIR", app.data_dir())
            .env("JWT_SECRET", TEST_JWT_SECRET)
            .env("BEACON_ADMIN_PASSWORD", "platform admin passphrase")
            .output()
            .unwrap()
    };
    let refused = create_admin("platform");
    assert_eq!(refused.status.code(), Some(2), "{}", String::from_utf8_lossy(&refused.stdout));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("belongs to someone else"), "{stderr}");
    // The default organization works.
    let created = create_admin("ops");
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    let log_in = |slug: &str| json!({ "i": { "email": "ops@beacon-test.io", "password": "platform admin passphrase", "tenantSlug": slug } });
    let query =
        "mutation($i: LogInInput!) { logIn(input: $i) { ... on SessionPayload { tenant { slug } } } }";
    let (_, body) = app.graphql(query, log_in("ops")).await;
    assert_eq!(body["data"]["logIn"]["tenant"]["slug"], "ops", "{body}");
    let (_, body) = app.graphql(query, log_in("platform")).await;
    assert_eq!(error_fields(&body), ["tenantSlug"], "the admin never joined mallory's organization: {body}");
}

async fn sign_up_answers_the_same_for_registered_addresses(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.verified_user("ann@acme-corp.io", "acme").await;
    let new = app.sign_up("newcomer@globex.io", "alpha").await;
    let registered = app.sign_up("ann@acme-corp.io", "beta").await;
    let shape = |body: &Value| (body["data"]["signUp"]["message"].clone(), body["errors"].clone());
    assert_eq!(shape(&new), shape(&registered), "{new} vs {registered}");
    // Both slugs are now held: a second sign-up with either gets the same CONFLICT.
    for slug in ["alpha", "beta"] {
        let body = app.sign_up(&format!("someone-else@{slug}-corp.io"), slug).await;
        assert_eq!(error_code(&body), "CONFLICT", "{slug}: {body}");
    }
}
