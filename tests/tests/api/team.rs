//! The team, on both backends: invitations by email accepted by new and existing users, role
//! changes and removals with the owner rules, and foreign ids answered `NOT_FOUND`.

use beacon_tests::{Backend, TestApp, backend_tests, error_code};
use serde_json::{Value, json};

backend_tests!(invitations_roles_and_removals);

const INVITE: &str =
    "mutation($e: String!, $r: Role!) { inviteMember(input: { email: $e, role: $r }) { id email role } }";
const ACCEPT: &str =
    "mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { tenantSlug role } }";
const CHANGE: &str = "mutation($u: ID!, $r: Role!) { changeMemberRole(userId: $u, role: $r) { role } }";
const REMOVE: &str = "mutation($u: ID!) { removeMember(userId: $u) }";
const LOG_IN: &str = "mutation($i: LogInInput!) { logIn(input: $i) { __typename ... on SessionPayload { role tenant { slug } accessToken } } }";

/// The invitation link's token; the link is on the inviting tenant's host.
async fn invitation_token(app: &TestApp, email: &str) -> String {
    let mail = app.last_email(email, "invitation").await;
    assert!(
        mail.body_text.contains("http://acme.localhost"),
        "the link is on the tenant host: {}",
        mail.body_text
    );
    app.mailed_token(email, "invitation").await
}

async fn invitations_roles_and_removals(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let acme = app.organization("acme").await;
    let globex = app.organization("globex").await;
    let (owner_id, owner, admin, plain) =
        (acme.owner.id, acme.owner.token, acme.admin.token, acme.member.token);
    let (globex_user, globex_owner) = (globex.owner.id, globex.owner.token);

    // Who may invite whom.
    let (_, body) = app.graphql_as(&plain, INVITE, json!({ "e": "x@acme.io", "r": "VIEWER" })).await;
    assert_eq!(error_code(&body), "FORBIDDEN");
    let (_, body) = app.graphql_as(&admin, INVITE, json!({ "e": "x@acme.io", "r": "OWNER" })).await;
    assert_eq!(error_code(&body), "FORBIDDEN", "only owners invite owners");
    let (_, body) = app.graphql_as(&admin, INVITE, json!({ "e": "member@acme.io", "r": "VIEWER" })).await;
    assert_eq!(error_code(&body), "CONFLICT");

    // A new person accepts: account created (the link proves the email), then logs in.
    let (_, body) = app.graphql_as(&admin, INVITE, json!({ "e": "New.Hire@Acme.io", "r": "MEMBER" })).await;
    assert_eq!(body["data"]["inviteMember"]["email"], "new.hire@acme.io", "{body}");
    let token = invitation_token(&app, "new.hire@acme.io").await;
    let (_, body) = app
        .graphql(ACCEPT, json!({ "i": { "token": token, "password": "short" , "name": "New Hire" } }))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["fields"][0]["field"], "password", "{body}");
    let (_, body) = app
        .graphql(
            ACCEPT,
            json!({ "i": { "token": token, "password": "a good long password", "name": "New Hire" } }),
        )
        .await;
    assert_eq!(body["data"]["acceptInvitation"], json!({ "tenantSlug": "acme", "role": "MEMBER" }), "{body}");
    let (_, again) = app
        .graphql(ACCEPT, json!({ "i": { "token": token, "password": "a good long password", "name": "x" } }))
        .await;
    assert_eq!(error_code(&again), "BAD_USER_INPUT", "single use");
    let (_, body) = app
        .graphql(LOG_IN, json!({ "i": { "email": "new.hire@acme.io", "password": "a good long password" } }))
        .await;
    assert_eq!(body["data"]["logIn"]["role"], "MEMBER", "{body}");

    // An existing user (of another organization) proves it with their password.
    let (_, _) = app.graphql_as(&owner, INVITE, json!({ "e": "owner@globex.io", "r": "VIEWER" })).await;
    let token = invitation_token(&app, "owner@globex.io").await;
    let (_, body) =
        app.graphql(ACCEPT, json!({ "i": { "token": token, "password": "not their password" } })).await;
    assert_eq!(body["errors"][0]["extensions"]["fields"][0]["field"], "password", "{body}");
    let (_, members) = app.graphql_as(&owner, "{ members { user { email } role } }", Value::Null).await;
    assert!(!members.to_string().contains("owner@globex.io"), "a failed accept adds nobody: {members}");

    // Roles: admins manage members, not owners; the last owner stays.
    let (_, list) = app.graphql_as(&owner, "{ members { user { id email } role } }", Value::Null).await;
    let id_of = |email: &str| {
        list["data"]["members"].as_array().unwrap().iter().find(|m| m["user"]["email"] == email).unwrap()["user"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (new_hire, plain_id) = (id_of("new.hire@acme.io"), id_of("member@acme.io"));
    let (_, body) = app.graphql_as(&admin, CHANGE, json!({ "u": new_hire, "r": "VIEWER" })).await;
    assert_eq!(body["data"]["changeMemberRole"]["role"], "VIEWER", "{body}");
    let (_, body) = app.graphql_as(&admin, CHANGE, json!({ "u": owner_id, "r": "MEMBER" })).await;
    assert_eq!(error_code(&body), "FORBIDDEN", "admins cannot touch owners");
    let (_, body) = app.graphql_as(&owner, CHANGE, json!({ "u": owner_id, "r": "ADMIN" })).await;
    assert_eq!(error_code(&body), "CONFLICT", "the last owner cannot be demoted: {body}");
    let (_, body) = app.graphql_as(&owner, REMOVE, json!({ "u": owner_id })).await;
    assert_eq!(error_code(&body), "CONFLICT", "the last owner cannot be removed");

    // Removal: the member's token stops working here at once.
    let (_, body) = app.graphql_as(&admin, REMOVE, json!({ "u": plain_id })).await;
    assert_eq!(body["data"]["removeMember"], true, "{body}");
    let (_, body) = app.graphql_as(&plain, "{ me { role } }", Value::Null).await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED");

    // Foreign ids are NOT_FOUND, like missing ones, and change nothing.
    let (_, body) = app.graphql_as(&owner, CHANGE, json!({ "u": globex_user, "r": "VIEWER" })).await;
    assert_eq!(error_code(&body), "NOT_FOUND");
    let (_, body) = app.graphql_as(&owner, REMOVE, json!({ "u": globex_user })).await;
    assert_eq!(error_code(&body), "NOT_FOUND");
    let (_, body) = app.graphql_as(&globex_owner, INVITE, json!({ "e": "z@globex.io", "r": "VIEWER" })).await;
    let globex_invitation = body["data"]["inviteMember"]["id"].as_str().unwrap().to_owned();
    let revoke = "mutation($id: ID!) { revokeInvitation(id: $id) }";
    let (_, body) = app.graphql_as(&owner, revoke, json!({ "id": globex_invitation })).await;
    assert_eq!(error_code(&body), "NOT_FOUND");
    let (_, body) = app.graphql_as(&globex_owner, "{ invitations { id } }", Value::Null).await;
    assert_eq!(body["data"]["invitations"][0]["id"], globex_invitation.as_str(), "still pending: {body}");
    let (_, body) = app.graphql_as(&globex_owner, "{ me { role } }", Value::Null).await;
    assert_eq!(body["data"]["me"]["role"], "OWNER");
    let (_, body) = app.graphql_as(&globex_owner, revoke, json!({ "id": globex_invitation })).await;
    assert_eq!(body["data"]["revokeInvitation"], true);
}
