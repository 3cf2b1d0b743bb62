//! What the SPA's product shell asks of the API (issue 13): the base domain, the organization of
//! a tenant host before login, the caller's organizations, an invitation before accepting it,
//! resending a verification link, and audit actors by name.

use beacon_tests::{Backend, TestApp, backend_tests, error_code};
use serde_json::{Value, json};

backend_tests!(
    server_info_names_the_base_domain_and_hosts_their_organization,
    invitations_can_be_read_before_accepting,
    verification_links_can_be_resent_without_revealing_accounts,
    organizations_and_audit_actors_are_named
);

async fn server_info_names_the_base_domain_and_hosts_their_organization(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_, body) = app.graphql("{ serverInfo { baseDomain } }", Value::Null).await;
    assert_eq!(body["data"]["serverInfo"]["baseDomain"], "localhost", "{body}");
    app.organization("acme").await;
    let (_, body) =
        app.graphql_on_host("acme.localhost", None, "{ hostTenant { slug name } }", Value::Null).await;
    assert_eq!(body["data"]["hostTenant"]["slug"], "acme", "{body}");
    for host in ["unknown.localhost", "localhost"] {
        let (_, body) = app.graphql_on_host(host, None, "{ hostTenant { slug } }", Value::Null).await;
        assert!(body["data"]["hostTenant"].is_null() && body["errors"].is_null(), "{host}: {body}");
    }
}

async fn invitations_can_be_read_before_accepting(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let acme = app.organization("acme").await;
    app.organization("globex").await;
    let invite = "mutation($e: String!) { inviteMember(input: { email: $e, role: ADMIN }) { id } }";
    app.graphql_as(&acme.owner.token, invite, json!({ "e": "new.hire@acme.io" })).await;
    app.graphql_as(&acme.owner.token, invite, json!({ "e": "viewer@globex.io" })).await;
    let preview = "query($t: String!) { invitation(token: $t) { email role tenantName tenantSlug inviterName existingAccount } }";

    let token = app.mailed_token("new.hire@acme.io", "invitation").await;
    let (_, body) = app.graphql(preview, json!({ "t": token })).await;
    let invitation = &body["data"]["invitation"];
    assert_eq!(invitation["email"], "new.hire@acme.io", "{body}");
    assert_eq!(
        (invitation["role"].as_str(), invitation["tenantSlug"].as_str()),
        (Some("ADMIN"), Some("acme"))
    );
    assert_eq!(invitation["inviterName"], "owner", "{body}");
    assert_eq!(invitation["existingAccount"], false);
    // An address with an account (a member of another organization) is told to sign in.
    let token = app.mailed_token("viewer@globex.io", "invitation").await;
    let (_, body) = app.graphql(preview, json!({ "t": token })).await;
    assert_eq!(body["data"]["invitation"]["existingAccount"], true, "{body}");
    let (_, body) = app.graphql(preview, json!({ "t": "not-a-token" })).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
}

async fn verification_links_can_be_resent_without_revealing_accounts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("slow@acme-corp.io", "acme").await;
    let first = app.mailed_token("slow@acme-corp.io", "verification").await;
    let resend = "mutation($e: String!) { resendVerificationEmail(email: $e) }";
    let (_, known) = app.graphql(resend, json!({ "e": "slow@acme-corp.io" })).await;
    let (_, unknown) = app.graphql(resend, json!({ "e": "nobody@acme-corp.io" })).await;
    assert_eq!(known, unknown, "the same answer either way");
    assert_eq!(known["data"]["resendVerificationEmail"], true);
    // A fresh link arrives (the worker sends it) and works; the earlier one no longer does.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let second = loop {
        let token = app.mailed_token("slow@acme-corp.io", "verification").await;
        if token != first {
            break token;
        }
        assert!(std::time::Instant::now() < deadline, "no second verification mail");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    let verify = "mutation($t: String!) { verifyEmail(token: $t) { verified } }";
    let (_, body) = app.graphql(verify, json!({ "t": first })).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "the earlier link is replaced: {body}");
    let (_, body) = app.graphql(verify, json!({ "t": second })).await;
    assert_eq!(body["data"]["verifyEmail"]["verified"], true, "{body}");
}

async fn organizations_and_audit_actors_are_named(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let acme = app.organization("acme").await;
    let (_, body) =
        app.graphql_as(&acme.owner.token, "{ myOrganizations { slug name role host } }", Value::Null).await;
    assert_eq!(
        body["data"]["myOrganizations"],
        json!([{ "slug": "acme", "name": "Tenant acme", "role": "OWNER", "host": "acme.localhost" }]),
        "{body}"
    );
    let create = "mutation { createApiKey(input: { name: \"CI\", scope: READ_WRITE }) { secret } }";
    let (_, body) = app.graphql_as(&acme.admin.token, create, Value::Null).await;
    let key = body["data"]["createApiKey"]["secret"].as_str().unwrap().to_owned();
    let (_, body) = app
        .graphql_as(
            &key,
            "mutation($e: String!) { inviteMember(input: { email: $e, role: VIEWER }) { id } }",
            json!({ "e": "x@acme.io" }),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "a key cannot invite: {body}");
    let (_, body) = app
        .graphql_as(&acme.owner.token, "{ auditEvents { nodes { action actorName } } }", Value::Null)
        .await;
    let names: Vec<&str> = body["data"]["auditEvents"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["actorName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["admin"], "{body}");
}
