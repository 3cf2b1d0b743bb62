//! Accounts through the API, on both backends: sign up → verify → log in (tenant choice, host
//! binding) → refresh rotation with reuse detection → log out; password reset and change;
//! hostile tokens; brute force through aliases and batches.

use beacon_tests::fixtures::{TEST_JWT_SECRET, insert_session, insert_tenant};
use beacon_tests::{Backend, Browser, PASSWORD, SIGN_UP, TestApp, backend_tests, error_code, error_fields};
use chrono::Utc;
use entity::memberships::Role;
use entity::tenants::TenantStatus;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::{Value, json};
use uuid::Uuid;

backend_tests!(
    sign_up_verify_log_in_refresh_log_out,
    tenant_choice_and_host_binding,
    hostile_tokens_are_unauthenticated,
    login_cannot_be_brute_forced_through_aliases_or_batches,
    sign_up_validation_names_fields,
    password_reset_and_change_revoke_sessions,
    sessions_are_listed_and_revocable,
);

const LOG_IN: &str = "mutation($input: LogInInput!) { logIn(input: $input) { __typename \
    ... on SessionPayload { accessToken expiresIn role tenant { slug host } user { email } } \
    ... on TenantChoicePayload { tenants { slug name role } } } }";
const ME: &str = "{ me { user { email } tenant { slug } role } }";

async fn sign_up_verify_log_in_refresh_log_out(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let body = app.sign_up("Ann@Acme-Corp.io", "acme").await;
    assert_eq!(body["data"]["signUp"]["tenantHost"], "acme.localhost", "{body}");

    // Not verified yet: no session.
    let mut browser = Browser::new(&app);
    let login = json!({ "input": { "email": "ann@acme-corp.io", "password": PASSWORD } });
    let (_, body) = browser.post(None, LOG_IN, login.clone()).await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body}");

    let token = app.mailed_token("ann@acme-corp.io", "verification").await;
    let verify = "mutation($t: String!) { verifyEmail(token: $t) { verified alreadyVerified } }";
    let (_, body) = app.graphql(verify, json!({ "t": token })).await;
    assert_eq!(body["data"]["verifyEmail"], json!({ "verified": true, "alreadyVerified": false }), "{body}");
    // Single use: a second click does nothing again, and says the address is verified already.
    let (_, again) = app.graphql(verify, json!({ "t": token })).await;
    assert_eq!(again["data"]["verifyEmail"], json!({ "verified": true, "alreadyVerified": true }), "{again}");
    let (_, forged) = app.graphql(verify, json!({ "t": "not-a-token" })).await;
    assert_eq!(error_code(&forged), "BAD_USER_INPUT", "{forged}");

    let (_, body) = browser.post(None, LOG_IN, login).await;
    let session = &body["data"]["logIn"];
    assert_eq!(session["__typename"], "SessionPayload", "{body}");
    assert_eq!(session["role"], "OWNER");
    assert_eq!(session["expiresIn"], 900);
    let access = session["accessToken"].as_str().unwrap().to_owned();
    let first_cookie = browser.cookie.clone().expect("a refresh cookie");
    let (_, me) = browser.post(Some(&access), ME, Value::Null).await;
    assert_eq!(
        me["data"]["me"],
        json!({ "user": { "email": "ann@acme-corp.io" }, "tenant": { "slug": "acme" }, "role": "OWNER" })
    );

    // Refresh rotates the cookie; another client presenting the old one revokes the whole family.
    let refresh = "mutation { refreshSession { accessToken } }";
    let (_, body) = browser.post(None, refresh, Value::Null).await;
    assert!(body["data"]["refreshSession"]["accessToken"].is_string(), "{body}");
    let second_cookie = browser.cookie.clone().unwrap();
    assert_ne!(first_cookie, second_cookie);
    let mut thief = Browser::new(&app);
    thief.cookie = Some(first_cookie);
    thief.user_agent = "a thief's browser".to_owned();
    let (_, body) = thief.post(None, refresh, Value::Null).await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED", "reuse: {body}");
    let (_, body) = browser.post(None, refresh, Value::Null).await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED", "the family is revoked: {body}");

    // A fresh login, then log out: the cookie no longer refreshes.
    let (_, _) = browser
        .post(None, LOG_IN, json!({ "input": { "email": "ann@acme-corp.io", "password": PASSWORD } }))
        .await;
    let cookie = browser.cookie.clone().unwrap();
    let (_, body) = browser.post(None, "mutation { logOut }", Value::Null).await;
    assert_eq!(body["data"]["logOut"], true);
    assert!(browser.cookie.is_none(), "the cookie is cleared");
    browser.cookie = Some(cookie);
    let (_, body) = browser.post(None, refresh, Value::Null).await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED");

    // Every mutation that changed something left an audit event in the tenant.
    let db = app.database.connect().await;
    let actions: Vec<String> = entity::audit_events::Entity::find()
        .order_by_asc(entity::audit_events::Column::CreatedAt)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|event| event.action)
        .collect();
    assert_eq!(
        actions,
        ["tenant.signed_up", "user.email_verified", "session.created", "session.created", "session.ended"],
        "{actions:?}"
    );
}

async fn tenant_choice_and_host_binding(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.verified_user("bob@two-orgs.io", "alpha").await;
    // Bob also belongs to a second organization.
    let db = app.database.connect().await;
    let beta = insert_tenant(&db, "beta", TenantStatus::Active).await;
    let bob = entity::users::Entity::find()
        .filter(entity::users::Column::Email.eq("bob@two-orgs.io"))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    entity::memberships::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(beta),
        user_id: Set(bob.id),
        role: Set(Role::Viewer),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
    }
    .insert(&db)
    .await
    .unwrap();

    let mut browser = Browser::new(&app);
    let (_, body) = browser
        .post(None, LOG_IN, json!({ "input": { "email": "bob@two-orgs.io", "password": PASSWORD } }))
        .await;
    assert_eq!(body["data"]["logIn"]["__typename"], "TenantChoicePayload", "{body}");
    let slugs: Vec<&str> = body["data"]["logIn"]["tenants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["alpha", "beta"]);

    let (_, body) = browser
        .post(
            None,
            LOG_IN,
            json!({ "input": { "email": "bob@two-orgs.io", "password": PASSWORD, "tenantSlug": "beta" } }),
        )
        .await;
    assert_eq!(body["data"]["logIn"]["role"], "VIEWER", "{body}");
    let beta_token = body["data"]["logIn"]["accessToken"].as_str().unwrap().to_owned();

    // On a tenant host the tenant comes from the host.
    let mut on_alpha = Browser::on_host(&app, "alpha.localhost");
    let (_, body) = on_alpha
        .post(None, LOG_IN, json!({ "input": { "email": "bob@two-orgs.io", "password": PASSWORD } }))
        .await;
    assert_eq!(body["data"]["logIn"]["tenant"]["slug"], "alpha", "{body}");
    // A token for another tenant is refused there.
    let (_, body) = on_alpha.post(Some(&beta_token), ME, Value::Null).await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED", "{body}");
    let (_, body) = Browser::new(&app).post(Some(&beta_token), ME, Value::Null).await;
    assert_eq!(body["data"]["me"]["tenant"]["slug"], "beta");

    // A suspended tenant's users are refused.
    let mut tenant: entity::tenants::ActiveModel =
        entity::tenants::Entity::find_by_id(beta).one(&db).await.unwrap().unwrap().into();
    tenant.status = Set(TenantStatus::Suspended);
    tenant.update(&db).await.unwrap();
    let (_, body) = Browser::new(&app).post(Some(&beta_token), ME, Value::Null).await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body}");
}

fn sign(claims: &Value, algorithm: Algorithm, secret: &str) -> String {
    encode(&Header::new(algorithm), claims, &EncodingKey::from_secret(secret.as_bytes())).unwrap()
}

async fn hostile_tokens_are_unauthenticated(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.verified_user("carol@acme-corp.io", "acme").await;
    let db = app.database.connect().await;
    let carol = entity::users::Entity::find()
        .filter(entity::users::Column::Email.eq("carol@acme-corp.io"))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let tenant = entity::tenants::Entity::find().one(&db).await.unwrap().unwrap();
    let session = insert_session(&db, carol.id, tenant.id).await;
    let now = Utc::now().timestamp();
    let claims = |overrides: Value| {
        let mut base = json!({ "sub": carol.id, "tid": tenant.id, "sid": session, "role": "owner", "iss": "beacon",
            "aud": "beacon-api", "typ": "access", "exp": now + 600, "iat": now, "jti": Uuid::new_v4() });
        for (key, value) in overrides.as_object().unwrap() {
            if value.is_null() {
                base.as_object_mut().unwrap().remove(key);
            } else {
                base[key] = value.clone();
            }
        }
        base
    };
    let valid = sign(&claims(json!({})), Algorithm::HS256, TEST_JWT_SECRET);
    let (status, body) = app.graphql_as(&valid, ME, Value::Null).await;
    assert_eq!(
        (status, body["data"]["me"]["role"].as_str()),
        (200, Some("OWNER")),
        "a well-formed token works: {body}"
    );

    let payload = valid.split('.').nth(1).unwrap();
    let other_tenant = insert_tenant(&db, "other", TenantStatus::Active).await;
    let tampered_tid = {
        let forged = sign(
            &claims(json!({ "tid": other_tenant })),
            Algorithm::HS256,
            "attacker-secret-attacker-secret-00",
        );
        let forged_payload = forged.split('.').nth(1).unwrap();
        let parts: Vec<&str> = valid.split('.').collect();
        format!("{}.{}.{}", parts[0], forged_payload, parts[2])
    };
    let cases = [
        (
            "expired",
            sign(&claims(json!({ "exp": now - 120, "iat": now - 1200 })), Algorithm::HS256, TEST_JWT_SECRET),
        ),
        (
            "wrong signature",
            sign(&claims(json!({})), Algorithm::HS256, "not-the-server-secret-not-the-secret"),
        ),
        ("alg none", format!("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{payload}.")),
        ("HS512", sign(&claims(json!({})), Algorithm::HS512, TEST_JWT_SECRET)),
        ("wrong aud", sign(&claims(json!({ "aud": "someone-else" })), Algorithm::HS256, TEST_JWT_SECRET)),
        ("wrong iss", sign(&claims(json!({ "iss": "evil" })), Algorithm::HS256, TEST_JWT_SECRET)),
        ("wrong typ", sign(&claims(json!({ "typ": "refresh" })), Algorithm::HS256, TEST_JWT_SECRET)),
        ("missing jti", sign(&claims(json!({ "jti": null })), Algorithm::HS256, TEST_JWT_SECRET)),
        ("missing tid", sign(&claims(json!({ "tid": null })), Algorithm::HS256, TEST_JWT_SECRET)),
        ("missing sid", sign(&claims(json!({ "sid": null })), Algorithm::HS256, TEST_JWT_SECRET)),
        (
            "unknown session",
            sign(&claims(json!({ "sid": Uuid::new_v4() })), Algorithm::HS256, TEST_JWT_SECRET),
        ),
        (
            "signed, but valid for a day (longer than Beacon issues)",
            sign(&claims(json!({ "exp": now + 86_400 })), Algorithm::HS256, TEST_JWT_SECRET),
        ),
        ("tampered tid", tampered_tid),
        ("garbage", "abc.def.ghi".to_owned()),
    ];
    for (why, token) in cases {
        let (status, body) = app.graphql_as(&token, ME, Value::Null).await;
        assert_eq!((status, error_code(&body)), (401, "UNAUTHENTICATED"), "{why}: {body}");
    }
    // A role claim is not trusted: the database decides (carol is owner; a "viewer" claim changes nothing).
    let demoted = sign(&claims(json!({ "role": "viewer" })), Algorithm::HS256, TEST_JWT_SECRET);
    let (_, body) = app.graphql_as(&demoted, ME, Value::Null).await;
    assert_eq!(body["data"]["me"]["role"], "OWNER");
}

async fn login_cannot_be_brute_forced_through_aliases_or_batches(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.verified_user("dave@acme-corp.io", "acme").await;

    // Eight guesses in one request through aliases: the account's budget (5) runs out inside it.
    let aliases: String = (0..8)
        .map(|i| format!("g{i}: logIn(input: {{ email: \"dave@acme-corp.io\", password: \"guess-number-{i}\" }}) {{ __typename }} "))
        .collect();
    let (_, body) = app.graphql(&format!("mutation {{ {aliases} }}"), Value::Null).await;
    let codes: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["extensions"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.iter().filter(|c| **c == "BAD_USER_INPUT").count(), 5, "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == "RATE_LIMITED").count(), 3, "{codes:?}");

    // Even the right password is refused now, from any claimed address.
    let right = json!({ "query": LOG_IN, "variables": { "input": { "email": "dave@acme-corp.io", "password": PASSWORD } } });
    let response = app
        .client
        .post(app.url("/graphql"))
        .header("x-forwarded-for", "198.51.100.9")
        .json(&right)
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    assert_eq!(error_code(&body), "RATE_LIMITED", "{body}");
    assert!(body["errors"][0]["extensions"]["retryAfter"].as_u64().unwrap() >= 1);

    // Batches count each operation: a batch of 10 guesses at another account.
    app.verified_user("erin@acme-corp.io", "erin-org").await;
    let batch: Vec<Value> = (0..10)
        .map(|i| json!({ "query": LOG_IN, "variables": { "input": { "email": "erin@acme-corp.io", "password": format!("wrong-{i}-wrong") } } }))
        .collect();
    let response = app.client.post(app.url("/graphql")).json(&batch).send().await.unwrap();
    let results: Vec<Value> = response.json().await.unwrap();
    let limited = results.iter().filter(|r| error_code(r) == "RATE_LIMITED").count();
    assert!(limited >= 5, "{results:?}");
}

async fn sign_up_validation_names_fields(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_, body) = app
        .graphql(SIGN_UP, json!({ "input": { "email": "nope", "password": "short", "name": " ", "tenantName": "X", "tenantSlug": "Admin" } }))
        .await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
    assert_eq!(error_fields(&body), ["email", "name", "password", "tenantSlug"]);

    assert!(app.sign_up("first@acme-corp.io", "taken").await["errors"].is_null());
    let body = app.sign_up("second@acme-corp.io", "taken").await;
    assert_eq!(error_code(&body), "CONFLICT");
    assert_eq!(body["errors"][0]["extensions"]["field"], "tenantSlug");

    // An email that already has an account gets the same answer (no enumeration), and no tenant.
    let body = app.sign_up("first@acme-corp.io", "another-org").await;
    assert!(body["errors"].is_null(), "{body}");
    let db = app.database.connect().await;
    assert!(
        entity::tenants::Entity::find()
            .filter(entity::tenants::Column::Slug.eq("another-org"))
            .one(&db)
            .await
            .unwrap()
            .is_none()
    );
    let notice = entity::email_outbox::Entity::find()
        .filter(entity::email_outbox::Column::Kind.eq("signup_existing"))
        .one(&db)
        .await
        .unwrap()
        .expect("the registered address is told instead");
    assert_eq!(notice.recipient, "first@acme-corp.io");
    assert_eq!(notice.subject, "You already have a Beacon account");
}

async fn password_reset_and_change_revoke_sessions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.verified_user("fay@acme-corp.io", "acme").await;
    let mut laptop = Browser::new(&app);
    let (_, body) = laptop
        .post(None, LOG_IN, json!({ "input": { "email": "fay@acme-corp.io", "password": PASSWORD } }))
        .await;
    let access = body["data"]["logIn"]["accessToken"].as_str().unwrap().to_owned();
    let mut phone = Browser::new(&app);
    phone.post(None, LOG_IN, json!({ "input": { "email": "fay@acme-corp.io", "password": PASSWORD } })).await;
    let refresh = "mutation { refreshSession { accessToken } }";

    // Change on the laptop: the phone's session ends, the laptop's stays.
    let change = "mutation($i: ChangePasswordInput!) { changePassword(input: $i) }";
    let (_, body) = laptop
        .post(
            Some(&access),
            change,
            json!({ "i": { "currentPassword": "wrong password!", "newPassword": "a brand new passphrase" } }),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["fields"][0]["field"], "currentPassword", "{body}");
    let (_, body) = laptop
        .post(
            Some(&access),
            change,
            json!({ "i": { "currentPassword": PASSWORD, "newPassword": "a brand new passphrase" } }),
        )
        .await;
    assert_eq!(body["data"]["changePassword"], true, "{body}");
    assert_eq!(error_code(&phone.post(None, refresh, Value::Null).await.1), "UNAUTHENTICATED");
    assert!(laptop.post(None, refresh, Value::Null).await.1["data"]["refreshSession"].is_object());

    // Reset: same answer for unknown addresses; the link is single use and ends every session.
    let request = "mutation($e: String!) { requestPasswordReset(email: $e) }";
    assert_eq!(
        app.graphql(request, json!({ "e": "nobody@acme-corp.io" })).await.1["data"]["requestPasswordReset"],
        true
    );
    assert_eq!(
        app.graphql(request, json!({ "e": "FAY@acme-corp.io" })).await.1["data"]["requestPasswordReset"],
        true
    );
    let token = app.mailed_token("fay@acme-corp.io", "password_reset").await;
    let reset = "mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }";
    let (_, body) =
        app.graphql(reset, json!({ "i": { "token": token, "newPassword": "the third passphrase" } })).await;
    assert_eq!(body["data"]["resetPassword"], true, "{body}");
    let (_, again) =
        app.graphql(reset, json!({ "i": { "token": token, "newPassword": "the fourth passphrase" } })).await;
    assert_eq!(error_code(&again), "BAD_USER_INPUT");
    assert_eq!(error_code(&laptop.post(None, refresh, Value::Null).await.1), "UNAUTHENTICATED");
    let (_, body) = Browser::new(&app)
        .post(
            None,
            LOG_IN,
            json!({ "input": { "email": "fay@acme-corp.io", "password": "the third passphrase" } }),
        )
        .await;
    assert_eq!(body["data"]["logIn"]["__typename"], "SessionPayload", "{body}");
}

async fn sessions_are_listed_and_revocable(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.verified_user("gus@acme-corp.io", "acme").await;
    app.verified_user("hal@acme-corp.io", "hal-org").await;
    let login = |email: &'static str| json!({ "input": { "email": email, "password": PASSWORD } });
    let mut laptop = Browser::new(&app);
    let (_, body) = laptop.post(None, LOG_IN, login("gus@acme-corp.io")).await;
    let access = body["data"]["logIn"]["accessToken"].as_str().unwrap().to_owned();
    let mut phone = Browser::new(&app);
    phone.post(None, LOG_IN, login("gus@acme-corp.io")).await;
    let mut other = Browser::new(&app);
    let (_, body) = other.post(None, LOG_IN, login("hal@acme-corp.io")).await;
    let hal_access = body["data"]["logIn"]["accessToken"].as_str().unwrap().to_owned();

    let list = "{ mySessions { id current tenantSlug } }";
    let (_, body) = laptop.post(Some(&access), list, Value::Null).await;
    let sessions = body["data"]["mySessions"].as_array().unwrap_or_else(|| panic!("{body}")).clone();
    assert_eq!(sessions.len(), 2, "{body}");
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);
    let phone_session =
        sessions.iter().find(|s| s["current"] == false).unwrap()["id"].as_str().unwrap().to_owned();

    // Someone else cannot end it (NOT_FOUND, like a missing id); the owner can.
    let revoke = "mutation($id: ID!) { revokeSession(id: $id) }";
    let (_, body) = other.post(Some(&hal_access), revoke, json!({ "id": phone_session })).await;
    assert_eq!(error_code(&body), "NOT_FOUND", "{body}");
    assert!(
        phone.post(None, "mutation { refreshSession { accessToken } }", Value::Null).await.1["data"]
            .is_object()
    );
    let (_, body) = laptop.post(Some(&access), list, Value::Null).await;
    let phone_session =
        body["data"]["mySessions"].as_array().unwrap().iter().find(|s| s["current"] == false).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let (_, body) = laptop.post(Some(&access), revoke, json!({ "id": phone_session })).await;
    assert_eq!(body["data"]["revokeSession"], true, "{body}");
    let (_, body) = phone.post(None, "mutation { refreshSession { accessToken } }", Value::Null).await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED");
    let (_, body) = laptop.post(Some(&access), list, Value::Null).await;
    assert_eq!(body["data"]["mySessions"].as_array().unwrap().len(), 1);
}
