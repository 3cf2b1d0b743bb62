//! Time-driven behaviour on a manual clock, in-process: nothing here sleeps for the durations
//! under test. The outbox's retry backoff is an hour; the test moves the clock instead.

use std::time::{Duration, Instant};

use beacon_tests::fixtures::{access_token, insert_tenant, insert_user};
use beacon_tests::smtp::{SmtpSink, SmtpSinkOptions};
use beacon_tests::{Backend, InProcessApp, backend_tests};
use sea_orm::EntityTrait;
use serde_json::{Value, json};

backend_tests!(
    outbox_retries_wait_for_the_clock,
    unverified_sign_ups_release_their_slug_after_the_link_expires,
    refresh_repeats_within_the_grace_window_get_the_same_successor
);

const OUTBOX_EMAIL: &str = "query($id: ID!) { outboxEmail(id: $id) { status attempts nextAttemptAt } }";

async fn email(app: &InProcessApp, token: &str, id: &str) -> Value {
    app.graphql_as(token, OUTBOX_EMAIL, json!({ "id": id })).await["data"]["outboxEmail"].clone()
}

/// Polls (in real time, briefly: the worker polls every 50 ms) until `done` holds.
async fn eventually(app: &InProcessApp, token: &str, id: &str, done: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let email = email(app, token, id).await;
        if done(&email) {
            return email;
        }
        assert!(Instant::now() < deadline, "timed out; last seen {email}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn outbox_retries_wait_for_the_clock(backend: Backend) {
    let port = SmtpSink::free_port();
    let smtp_url = format!("smtp://127.0.0.1:{port}");
    let app = InProcessApp::spawn(
        backend,
        &[
            ("SMTP_URL", &smtp_url),
            ("MAIL_RETRY_BASE", "1h"),
            ("MAIL_RETRY_MAX", "1h"),
            ("MAIL_POLL_INTERVAL", "50ms"),
        ],
    )
    .await;
    let db = app.database.connect().await;
    let admin = insert_user(&db, "ops@customer-test.io", true).await;
    let ops = insert_tenant(&db, "ops-clock", entity::tenants::TenantStatus::Active).await;
    let token = access_token(&db, admin, ops, "owner").await;

    // SMTP is down: the first attempt fails and the next one is planned an hour later (±20 %).
    let body = app
        .graphql_as(
            &token,
            "mutation { sendTestEmail(input: { to: \"a@customer-test.io\" }) { id } }",
            Value::Null,
        )
        .await;
    let id = body["data"]["sendTestEmail"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let failed = eventually(&app, &token, &id, |e| e["attempts"] == 1 && e["status"] == "QUEUED").await;
    let next: chrono::DateTime<chrono::Utc> = failed["nextAttemptAt"].as_str().unwrap().parse().unwrap();
    let wait = next - app.clock.now_utc();
    assert!(wait > chrono::Duration::minutes(45) && wait < chrono::Duration::minutes(75), "{failed}");

    // SMTP is back, but the hour has not passed on the clock: ten worker rounds later the
    // message still waits.
    let sink = SmtpSink::start_on_port(port, SmtpSinkOptions::default(), None);
    app.clock.advance(chrono::Duration::minutes(30));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let waiting = email(&app, &token, &id).await;
    assert_eq!(
        (waiting["attempts"].as_i64(), waiting["status"].as_str()),
        (Some(1), Some("QUEUED")),
        "{waiting}"
    );

    // The clock passes the planned time: the next round sends it, exactly once.
    app.clock.advance(chrono::Duration::minutes(50));
    let sent = eventually(&app, &token, &id, |e| e["status"] == "SENT").await;
    assert_eq!(sent["attempts"], 2, "{sent}");
    assert_eq!(sink.wait_for_messages(1, Duration::from_secs(10)).await.len(), 1);
    app.shutdown().await;
}

async fn unverified_sign_ups_release_their_slug_after_the_link_expires(backend: Backend) {
    let app = InProcessApp::spawn(backend, &[]).await;
    let sign_up = |email: &'static str, slug: &'static str| {
        let app = &app;
        async move {
            let input = json!({ "email": email, "password": "long enough passphrase", "name": "Ann",
                "tenantName": "Org", "tenantSlug": slug });
            app.graphql(beacon_tests::SIGN_UP, json!({ "input": input })).await
        }
    };
    // A registered address, then two sign-ups nobody verifies: one new, one for the registered one.
    let body = sign_up("ann@acme-corp.io", "acme").await;
    assert!(body["errors"].is_null(), "{body}");
    let db = app.database.connect().await;
    let ann = entity::users::Entity::find().one(&db).await.unwrap().unwrap();
    let mut verified: entity::users::ActiveModel = ann.into();
    verified.email_verified_at = sea_orm::Set(Some(chrono::Utc::now()));
    sea_orm::ActiveModelTrait::update(verified, &db).await.unwrap();
    assert!(sign_up("ghost@globex.io", "ghost").await["errors"].is_null());
    assert!(sign_up("ann@acme-corp.io", "shadow").await["errors"].is_null());

    // Within the link's 48 hours both slugs are taken ...
    app.clock.advance(chrono::Duration::hours(47));
    server::accounts::cleanup::sweep(&db, app.clock.now_utc()).await.unwrap();
    for slug in ["ghost", "shadow"] {
        assert_eq!(beacon_tests::error_code(&sign_up("late@initech.io", slug).await), "CONFLICT", "{slug}");
    }
    // ... after them, the unverified sign-up is gone and both slugs are free again; the verified
    // organization stays.
    app.clock.advance(chrono::Duration::hours(2));
    let swept = server::accounts::cleanup::sweep(&db, app.clock.now_utc()).await.unwrap();
    assert_eq!((swept.tenants, swept.users, swept.reservations), (1, 1, 1), "{swept:?}");
    let body = sign_up("late@initech.io", "ghost").await;
    assert!(body["errors"].is_null(), "{body}");
    let body = sign_up("later@initech.io", "shadow").await;
    assert!(body["errors"].is_null(), "{body}");
    assert_eq!(beacon_tests::error_code(&sign_up("late2@initech.io", "acme").await), "CONFLICT");
    app.shutdown().await;
}

/// Two tabs refreshing at once share one cookie: the repeat within the grace window gets the
/// same successor; after the window a repeat revokes the family (on the manual clock).
async fn refresh_repeats_within_the_grace_window_get_the_same_successor(backend: Backend) {
    let app = InProcessApp::spawn(backend, &[]).await;
    let input = json!({ "email": "ann@acme-corp.io", "password": "long enough passphrase", "name": "Ann",
        "tenantName": "Acme", "tenantSlug": "acme" });
    app.graphql(beacon_tests::SIGN_UP, json!({ "input": input })).await;
    let db = app.database.connect().await;
    let ann = entity::users::Entity::find().one(&db).await.unwrap().unwrap();
    let mut verified: entity::users::ActiveModel = ann.into();
    verified.email_verified_at = sea_orm::Set(Some(chrono::Utc::now()));
    sea_orm::ActiveModelTrait::update(verified, &db).await.unwrap();

    let client = reqwest::Client::new();
    let post = |cookie: Option<String>, query: &'static str, variables: Value| {
        let request = client
            .post(app.url("/graphql"))
            .header("user-agent", "tab")
            .json(&json!({ "query": query, "variables": variables }));
        let request = match cookie {
            Some(cookie) => request.header("cookie", cookie),
            None => request,
        };
        async move {
            let response = request.send().await.unwrap();
            let cookie = response
                .headers()
                .get("set-cookie")
                .map(|value| value.to_str().unwrap().split(';').next().unwrap().to_owned());
            (cookie, response.json::<Value>().await.unwrap())
        }
    };
    let log_in = "mutation($i: LogInInput!) { logIn(input: $i) { __typename } }";
    let (first, _) = post(
        None,
        log_in,
        json!({ "i": { "email": "ann@acme-corp.io", "password": "long enough passphrase" } }),
    )
    .await;
    let refresh = "mutation { refreshSession { accessToken } }";
    // (Logging in stamps the wall-clock time; keep the manual clock ahead of it.)
    app.clock.advance(chrono::Duration::minutes(1));
    // Tab one rotates; tab two presents the same cookie a moment later: both get the same next one.
    let (second_a, body) = post(first.clone(), refresh, Value::Null).await;
    assert!(body["errors"].is_null(), "{body}");
    let (second_b, body) = post(first.clone(), refresh, Value::Null).await;
    assert!(body["errors"].is_null(), "the repeat within the window is not reuse: {body}");
    assert_eq!(second_a, second_b, "the same successor");
    let (third, body) = post(second_a.clone(), refresh, Value::Null).await;
    assert!(body["errors"].is_null() && third.is_some(), "{body}");
    // Past the window, presenting an old token again is reuse: the family is revoked.
    app.clock.advance(chrono::Duration::seconds(31));
    let (_, body) = post(first, refresh, Value::Null).await;
    assert_eq!(beacon_tests::error_code(&body), "UNAUTHENTICATED", "{body}");
    let (_, body) = post(third, refresh, Value::Null).await;
    assert_eq!(beacon_tests::error_code(&body), "UNAUTHENTICATED", "the whole family is revoked: {body}");
    app.shutdown().await;
}
