//! The durable outbox against a real SMTP server process (aiosmtpd, tests/smtp_sink.py):
//! committed mail arrives with both parts, rolled-back mail never does, an SMTP outage loses
//! nothing, a slow SMTP server never slows a request, permanent failures end `DEAD` with their
//! error, and two server processes deliver each message exactly once.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use beacon_tests::fixtures::{
    Enqueued, NewEmail, RenderedEmail, access_token, claim_outbox, insert_tenant, insert_user, outbox,
};
use beacon_tests::smtp::{SmtpSink, SmtpSinkOptions};
use beacon_tests::{Backend, TestApp, TestAppBuilder, backend_tests};
use entity::tenants::TenantStatus;
use sea_orm::TransactionTrait;
use serde_json::{Value, json};
use uuid::Uuid;

backend_tests!(
    committed_mail_arrives_and_rolled_back_mail_never_does,
    smtp_outage_queues_and_delivers_exactly_once_later,
    slow_smtp_does_not_slow_the_request,
    permanent_failure_ends_dead_with_its_error_and_can_be_requeued,
    two_server_processes_deliver_each_message_once,
    an_expired_lease_is_retried,
    only_platform_admins_reach_the_outbox,
    smtp_auth_and_prompt_wake_up,
);

const SEND_TEST_EMAIL: &str =
    "mutation($to: String!) { sendTestEmail(input: { to: $to }) { id status attempts } }";
const OUTBOX_EMAIL: &str =
    "query($id: ID!) { outboxEmail(id: $id) { id status attempts maxAttempts lastError sentAt } }";

/// A server whose worker polls quickly and retries soon, mailing through `smtp_url`.
fn mail_app(backend: Backend, smtp_url: &str) -> TestAppBuilder {
    TestApp::builder(backend)
        .env("SMTP_URL", smtp_url)
        .env("MAIL_FROM", "Beacon <noreply@beacon-test.io>")
        .env("MAIL_POLL_INTERVAL", "300ms")
        .env("MAIL_RETRY_BASE", "500ms")
        .env("MAIL_RETRY_MAX", "1s")
        .env("MAIL_SEND_TIMEOUT", "20s")
        .env("MAIL_LEASE", "30s")
}

async fn admin_token(app: &TestApp) -> String {
    let db = app.database.connect().await;
    let admin = insert_user(&db, &format!("admin-{}@beacon-test.io", Uuid::new_v4().simple()), true).await;
    let ops = insert_tenant(
        &db,
        &format!("ops-{}", &Uuid::new_v4().simple().to_string()[..8]),
        TenantStatus::Active,
    )
    .await;
    access_token(&db, admin, ops, "owner").await
}

async fn send_test_email(app: &TestApp, token: &str, to: &str) -> Value {
    let (status, body) = app.graphql_as(token, SEND_TEST_EMAIL, json!({ "to": to })).await;
    assert_eq!(status, 200, "{body}");
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["sendTestEmail"].clone()
}

async fn outbox_email(app: &TestApp, token: &str, id: &str) -> Value {
    let (_, body) = app.graphql_as(token, OUTBOX_EMAIL, json!({ "id": id })).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["outboxEmail"].clone()
}

async fn wait_for_status(app: &TestApp, token: &str, id: &str, status: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let email = outbox_email(app, token, id).await;
        if email["status"] == status {
            return email;
        }
        assert!(Instant::now() < deadline, "email {id} never became {status}: {email}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn new_email(recipient: &str, subject: &str, dedup_key: Option<String>) -> NewEmail {
    NewEmail {
        tenant_id: None,
        kind: "test",
        recipient: recipient.to_owned(),
        content: RenderedEmail {
            subject: subject.to_owned(),
            text: format!("text part of {subject}"),
            html: format!("<p>html part of {subject}</p>"),
        },
        dedup_key,
        list_unsubscribe: None,
    }
}

fn metric(metrics: &str, name: &str) -> f64 {
    metrics
        .lines()
        .filter(|line| line.starts_with(name) && !line.starts_with('#'))
        .filter_map(|line| line.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

async fn committed_mail_arrives_and_rolled_back_mail_never_does(backend: Backend) {
    let sink = SmtpSink::start(SmtpSinkOptions::default());
    let app = mail_app(backend, &sink.url()).spawn().await;
    let token = admin_token(&app).await;

    // Through the API: the test email arrives with recipient, subject and both parts.
    let started = Instant::now();
    let queued = send_test_email(&app, &token, "ops@customer-test.io").await;
    eprintln!("fast SMTP: request answered in {} ms", started.elapsed().as_millis());
    let messages = sink.wait_for_messages(1, Duration::from_secs(30)).await;
    let message = &messages[0];
    assert_eq!(message["rcpt_tos"], json!(["ops@customer-test.io"]));
    assert_eq!(message["subject"], "Beacon test message");
    assert!(message["text"].as_str().unwrap().contains("email delivery works"), "{message}");
    assert!(message["html"].as_str().unwrap().contains("<!doctype html>"), "{message}");
    assert!(message["message_id"].as_str().unwrap().contains(queued["id"].as_str().unwrap()));
    let sent = wait_for_status(&app, &token, queued["id"].as_str().unwrap(), "SENT").await;
    assert!(sent["sentAt"].is_string() && sent["attempts"] == 1, "{sent}");

    // In the caller's transaction: rolled back sends nothing; committed sends once; a second
    // enqueue of the same event (same dedup key) is ignored.
    let db = app.database.connect().await;
    let txn = db.begin().await.unwrap();
    outbox().enqueue(&txn, new_email("rolled-back@customer-test.io", "rolled back", None)).await.unwrap();
    txn.rollback().await.unwrap();
    let txn = db.begin().await.unwrap();
    let key = Some(format!("event-{}", Uuid::new_v4()));
    let first =
        outbox().enqueue(&txn, new_email("committed@customer-test.io", "committed", key.clone())).await;
    let again =
        outbox().enqueue(&txn, new_email("committed@customer-test.io", "committed", key.clone())).await;
    txn.commit().await.unwrap();
    assert!(matches!(first, Ok(Enqueued::Queued(_))));
    assert_eq!(again.unwrap(), Enqueued::Duplicate);
    let later =
        outbox().enqueue(&db, new_email("committed@customer-test.io", "committed", key)).await.unwrap();
    assert_eq!(later, Enqueued::Duplicate, "the key stays used after commit");

    // A sentinel enqueued last: once it arrived, everything before it was processed.
    outbox().enqueue(&db, new_email("sentinel@customer-test.io", "sentinel", None)).await.unwrap();
    let messages = sink.wait_for_messages(3, Duration::from_secs(30)).await;
    let subjects: Vec<&str> = messages.iter().map(|m| m["subject"].as_str().unwrap()).collect();
    assert_eq!(subjects.iter().filter(|s| **s == "committed").count(), 1, "{subjects:?}");
    assert!(!subjects.contains(&"rolled back"), "{subjects:?}");
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(sink.messages().len(), 3, "nothing else arrives");
}

async fn smtp_outage_queues_and_delivers_exactly_once_later(backend: Backend) {
    let port = SmtpSink::free_port();
    let app = mail_app(backend, &format!("smtp://127.0.0.1:{port}")).spawn().await;
    let token = admin_token(&app).await;

    // SMTP is down: the request still succeeds and the message waits in the outbox.
    let queued = send_test_email(&app, &token, "ops@customer-test.io").await;
    assert_eq!(queued["status"], "QUEUED");
    let id = queued["id"].as_str().unwrap().to_owned();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let email = outbox_email(&app, &token, &id).await;
        if email["attempts"].as_i64().unwrap() >= 2 && email["status"] == "QUEUED" {
            assert!(email["lastError"].as_str().unwrap().to_lowercase().contains("connect"), "{email}");
            break;
        }
        assert!(Instant::now() < deadline, "no failed attempts recorded: {email}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The process stays ready: mail is queued, not lost; the metrics show the trouble.
    let ready = app.get("/health/ready").await;
    assert_eq!(ready.status(), 200);
    let metrics = app.metrics().await;
    assert!(metric(&metrics, "outbox_retried_total") >= 2.0, "{metrics}");
    let outbox_lines: Vec<&str> =
        metrics.lines().filter(|l| l.starts_with("outbox_") && !l.contains("_bucket")).collect();
    eprintln!("metrics while SMTP is down:\n{}", outbox_lines.join("\n"));
    assert!(metric(&metrics, "outbox_pending") >= 1.0, "{metrics}");

    // SMTP comes up: delivered, exactly once.
    let sink = SmtpSink::start_on_port(port, SmtpSinkOptions::default(), None);
    wait_for_status(&app, &token, &id, "SENT").await;
    let sentinel = send_test_email(&app, &token, "sentinel@customer-test.io").await;
    wait_for_status(&app, &token, sentinel["id"].as_str().unwrap(), "SENT").await;
    let messages = sink.wait_for_messages(2, Duration::from_secs(30)).await;
    let ours = messages.iter().filter(|m| m["message_id"].as_str().unwrap().contains(&id)).count();
    assert_eq!(ours, 1, "{messages:?}");
}

async fn slow_smtp_does_not_slow_the_request(backend: Backend) {
    let sink = SmtpSink::start(SmtpSinkOptions { delay_secs: Some(4.0), ..Default::default() });
    let app = mail_app(backend, &sink.url()).spawn().await;
    let token = admin_token(&app).await;

    let started = Instant::now();
    let queued = send_test_email(&app, &token, "ops@customer-test.io").await;
    let request_ms = started.elapsed().as_millis();
    // Ordering, not timing: the request has answered while the SMTP server is still busy.
    let id = queued["id"].as_str().unwrap();
    let now = outbox_email(&app, &token, id).await;
    assert_ne!(now["status"], "SENT", "the request must not wait for SMTP: {now}");
    assert!(sink.messages().is_empty());
    wait_for_status(&app, &token, id, "SENT").await;
    let delivered_ms = started.elapsed().as_millis();
    eprintln!("slow SMTP (4 s): request answered in {request_ms} ms, mail delivered after {delivered_ms} ms");
}

async fn permanent_failure_ends_dead_with_its_error_and_can_be_requeued(backend: Backend) {
    let sink = SmtpSink::start(SmtpSinkOptions { fail_code: Some(550), ..Default::default() });
    let app = mail_app(backend, &sink.url()).env("MAIL_MAX_ATTEMPTS", "3").spawn().await;
    let token = admin_token(&app).await;

    let queued = send_test_email(&app, &token, "nobody@customer-test.io").await;
    let id = queued["id"].as_str().unwrap();
    let dead = wait_for_status(&app, &token, id, "DEAD").await;
    assert_eq!(dead["attempts"], 3, "{dead}");
    assert!(dead["lastError"].as_str().unwrap().contains("550"), "{dead}");
    assert_eq!(sink.rejected_attempts(), 3);
    assert!(sink.messages().is_empty());

    let (_, listed) = app.graphql_as(&token, "{ deadEmails { nodes { id lastError } } }", Value::Null).await;
    assert_eq!(listed["data"]["deadEmails"]["nodes"][0]["id"], id, "{listed}");
    let metrics = app.metrics().await;
    assert_eq!(metric(&metrics, "outbox_dead_total"), 1.0, "{metrics}");

    // Requeue gives it fresh attempts (the server still refuses, so it dies again).
    let (_, requeued) = app
        .graphql_as(
            &token,
            "mutation($id: ID!) { requeueEmail(id: $id) { status attempts } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(requeued["data"]["requeueEmail"], json!({ "status": "QUEUED", "attempts": 0 }), "{requeued}");
    wait_for_status(&app, &token, id, "DEAD").await;
    assert_eq!(sink.rejected_attempts(), 6);

    // Requeueing something that is not dead (or does not exist) is NOT_FOUND.
    let (_, missing) = app
        .graphql_as(
            &token,
            "mutation($id: ID!) { requeueEmail(id: $id) { status } }",
            json!({ "id": Uuid::new_v4() }),
        )
        .await;
    assert_eq!(missing["errors"][0]["extensions"]["code"], "NOT_FOUND", "{missing}");
}

async fn two_server_processes_deliver_each_message_once(backend: Backend) {
    let sink = SmtpSink::start(SmtpSinkOptions::default());
    let first = mail_app(backend, &sink.url()).env("MAIL_CONCURRENCY", "2").spawn().await;
    let second = mail_app(backend, &sink.url())
        .env("MAIL_CONCURRENCY", "2")
        .env("DATABASE_URL", first.database.url.clone())
        .env("RUN_MIGRATIONS", "false")
        .spawn()
        .await;

    const COUNT: usize = 120;
    let db = first.database.connect().await;
    let txn = db.begin().await.unwrap();
    for i in 0..COUNT {
        outbox()
            .enqueue(&txn, new_email(&format!("user{i}@customer-test.io"), &format!("bulk {i}"), None))
            .await
            .unwrap();
    }
    txn.commit().await.unwrap();

    let messages = sink.wait_for_messages(COUNT, Duration::from_secs(60)).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let messages = if sink.messages().len() > messages.len() { sink.messages() } else { messages };
    let mut per_id: HashMap<String, usize> = HashMap::new();
    for message in &messages {
        *per_id.entry(message["message_id"].as_str().unwrap().to_owned()).or_default() += 1;
    }
    let duplicates: Vec<_> = per_id.iter().filter(|(_, n)| **n > 1).collect();
    assert!(duplicates.is_empty(), "delivered more than once: {duplicates:?}");
    assert_eq!(per_id.len(), COUNT);
    let sent_first = metric(&first.metrics().await, "outbox_sent_total");
    let sent_second = metric(&second.metrics().await, "outbox_sent_total");
    assert_eq!(sent_first + sent_second, COUNT as f64);
    eprintln!("two processes on {backend:?}: first sent {sent_first}, second sent {sent_second}");
}

async fn an_expired_lease_is_retried(backend: Backend) {
    let sink = SmtpSink::start(SmtpSinkOptions::default());
    // An hour-long poll: the server's worker runs only when woken, so the test decides the order.
    let app = mail_app(backend, &sink.url()).env("MAIL_POLL_INTERVAL", "1h").spawn().await;
    let token = admin_token(&app).await;
    let db = app.database.connect().await;
    // Wait for the worker's first loop to finish; after it, it sleeps until woken.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let ready: Value = app.get("/health/ready").await.json().await.unwrap();
        if ready["checks"]["mail_worker"]["last_beat_ms"].is_number() {
            break;
        }
        assert!(Instant::now() < deadline, "the mail worker never ran: {ready}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // A worker claimed this message and died mid-send: the row is `sending` with a lease that
    // has passed. Another worker must pick it up (at-least-once).
    let Enqueued::Queued(id) =
        outbox().enqueue(&db, new_email("orphan@customer-test.io", "orphaned", None)).await.unwrap()
    else {
        panic!("queued")
    };
    let claimed = claim_outbox(&db, "a-worker-that-died", Duration::from_millis(1), 100).await;
    assert!(claimed.iter().any(|email| email.id == id), "the fake worker holds the lease");
    tokio::time::sleep(Duration::from_millis(20)).await; // the 1 ms lease has passed

    // Any enqueue through the API wakes the server's worker, which also reclaims the orphan.
    send_test_email(&app, &token, "wake-up@customer-test.io").await;
    let email = wait_for_status(&app, &token, &id.to_string(), "SENT").await;
    assert_eq!(email["attempts"], 2, "the dead worker's claim counted as an attempt: {email}");
    let messages = sink.wait_for_messages(2, Duration::from_secs(30)).await;
    assert_eq!(messages.iter().filter(|m| m["subject"] == "orphaned").count(), 1);
}

async fn only_platform_admins_reach_the_outbox(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.database.connect().await;
    let user = insert_user(&db, "member@customer-test.io", false).await;
    let tenant = insert_tenant(&db, "customer", TenantStatus::Active).await;
    let member = access_token(&db, user, tenant, "owner").await;

    let (_, anonymous) = app.graphql("{ deadEmails { nodes { id } } }", Value::Null).await;
    assert_eq!(anonymous["errors"][0]["extensions"]["code"], "UNAUTHENTICATED", "{anonymous}");
    let (_, forbidden) =
        app.graphql_as(&member, SEND_TEST_EMAIL, json!({ "to": "x@customer-test.io" })).await;
    assert_eq!(forbidden["errors"][0]["extensions"]["code"], "FORBIDDEN", "{forbidden}");
    let (status, garbage) = app.graphql_as("not-a-token", "{ serverInfo { version } }", Value::Null).await;
    assert_eq!(status, 401);
    assert_eq!(garbage["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");

    // Validation names the field.
    let token = admin_token(&app).await;
    let (_, invalid) = app.graphql_as(&token, SEND_TEST_EMAIL, json!({ "to": "not an address" })).await;
    assert_eq!(invalid["errors"][0]["extensions"]["code"], "BAD_USER_INPUT", "{invalid}");
    assert_eq!(invalid["errors"][0]["extensions"]["fields"][0]["field"], "to");

    // Without SMTP_URL, development writes the message as an .eml file under DATA_DIR/mail.
    let queued = send_test_email(&app, &token, "ops@customer-test.io").await;
    wait_for_status(&app, &token, queued["id"].as_str().unwrap(), "SENT").await;
    let files: Vec<_> =
        std::fs::read_dir(app.data_dir().join("mail")).unwrap().filter_map(Result::ok).collect();
    assert_eq!(files.len(), 1);
    let eml = std::fs::read_to_string(files[0].path()).unwrap();
    assert!(
        eml.contains("Subject: Beacon test message") && eml.contains("To: ops@customer-test.io"),
        "{eml}"
    );
    assert!(
        app.log_lines().iter().any(|line| line["message"] == "email written to a file (no SMTP_URL set)")
    );
}

async fn smtp_auth_and_prompt_wake_up(backend: Backend) {
    let sink = SmtpSink::start(SmtpSinkOptions {
        auth: Some(("beacon-mailer".into(), "s3cret:pass".into())),
        ..Default::default()
    });
    // An hour-long poll: only the wake-up after the commit can deliver this message in time.
    let app = mail_app(backend, &sink.url()).env("MAIL_POLL_INTERVAL", "1h").spawn().await;
    let token = admin_token(&app).await;
    tokio::time::sleep(Duration::from_millis(500)).await; // the worker is now in its long sleep
    send_test_email(&app, &token, "ops@customer-test.io").await;
    let messages = sink.wait_for_messages(1, Duration::from_secs(30)).await;
    assert_eq!(messages[0]["auth_user"], "beacon-mailer", "the SMTP_URL credentials were used");
    let config = app.process.stderr_lines().join("\n");
    assert!(!config.contains("s3cret"), "the SMTP password must never be logged");
}
