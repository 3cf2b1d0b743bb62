//! Configuration is validated before any listener binds: production lists every problem at
//! once and exits non-zero; `check-config` shows the effective settings with secrets redacted.

use std::collections::HashMap;
use std::process::Command;

use beacon_tests::{Backend, TestApp, TestDatabase, backend_tests, server_binary};

backend_tests!(production_starts_with_a_complete_configuration, development_needs_nothing_set);

fn run(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let dir = std::env::temp_dir().join(format!("beacon-config-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let output = Command::new(server_binary())
        .args(args)
        .current_dir(&dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn production_refuses_to_start_and_lists_every_problem() {
    // Pick a port, free it, and make sure the refused server never binds it.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let listen = format!("127.0.0.1:{port}");
    let (code, stdout, stderr) = run(
        &["serve"],
        &[
            ("APP_ENV", "production"),
            ("LISTEN_ADDR", &listen),
            ("JWT_SECRET", "changeme"),
            ("BASE_DOMAIN", "localhost"),
            ("PUBLIC_URL", "http://example.com"),
        ],
    );
    assert_eq!(code, 2, "stdout: {stdout}\nstderr: {stderr}");
    assert!(!stdout.contains("listener on"), "nothing may bind: {stdout}");
    for variable in [
        "JWT_SECRET",
        "SECRETS_KEY",
        "DATABASE_URL",
        "BASE_DOMAIN",
        "PUBLIC_URL",
        "SMTP_URL",
        "TRUSTED_PROXIES",
    ] {
        assert!(stderr.contains(&format!("{variable}:")), "{variable} not reported in:\n{stderr}");
    }
    assert!(stderr.contains("must use https"), "{stderr}");
    assert!(stderr.contains("well-known default"), "{stderr}");
    assert!(!stderr.contains("changeme"), "a secret value must never be printed:\n{stderr}");
}

#[test]
fn short_and_generated_secrets_are_refused_in_production() {
    for (secret, expected) in [
        ("k2v8Qf0sZ7wL1xR4", "at least 32"),
        ("dev-insecure-0123456789abcdef0123456789abcdef", "generated development secret"),
    ] {
        let (code, stdout, _) = run(&["check-config"], &[("APP_ENV", "production"), ("JWT_SECRET", secret)]);
        assert_eq!(code, 2);
        assert!(stdout.contains(expected), "{secret}: {stdout}");
        assert!(!stdout.contains(secret), "the secret leaked: {stdout}");
    }
}

#[test]
fn bad_values_name_their_variable_in_any_profile() {
    let (code, stdout, _) = run(
        &["check-config"],
        &[
            ("LISTEN_ADDR", "not-an-address"),
            ("DATABASE_MAX_CONNECTIONS", "lots"),
            ("HTTP_REQUEST_TIMEOUT", "soon"),
        ],
    );
    assert_eq!(code, 2);
    for variable in ["LISTEN_ADDR", "DATABASE_MAX_CONNECTIONS", "HTTP_REQUEST_TIMEOUT"] {
        assert!(stdout.contains(&format!("{variable}: cannot parse")), "{variable}: {stdout}");
    }
}

#[test]
fn a_ca_file_that_is_missing_or_not_pem_is_refused() {
    let not_pem = std::env::temp_dir().join(format!("beacon-not-pem-{}", uuid::Uuid::new_v4().simple()));
    std::fs::write(&not_pem, "hello").unwrap();
    for path in ["/nonexistent/ca.pem", not_pem.to_str().unwrap()] {
        let (code, stdout, _) = run(&["check-config"], &[("CHECK_CA_FILE", path)]);
        assert_eq!(code, 2, "{path}: {stdout}");
        assert!(stdout.contains("CHECK_CA_FILE: ") && stdout.contains(path), "{path}: {stdout}");
    }
    let _ = std::fs::remove_file(not_pem);
}

#[test]
fn check_config_reports_an_unreachable_database() {
    let (code, stdout, _) = run(
        &["check-config"],
        &[
            ("DATABASE_URL", "postgres://beacon:hunter2-secret@127.0.0.1:1/beacon"),
            ("DATABASE_CONNECT_TIMEOUT", "2s"),
        ],
    );
    assert_eq!(code, 2, "{stdout}");
    assert!(stdout.contains("DATABASE_URL: database not reachable"), "{stdout}");
    assert!(!stdout.contains("hunter2"), "the password leaked: {stdout}");
}

fn production_env(database_url: &str) -> HashMap<&'static str, String> {
    HashMap::from([
        ("APP_ENV", "production".to_owned()),
        ("DATABASE_URL", database_url.to_owned()),
        ("JWT_SECRET", "k2v8Qf0sZ7wL1xR4mN6pT9bC3dE5gH8jW1yU".to_owned()),
        ("SECRETS_KEY", "Zp4rT7uQ1wE9yH2kM5nB8vC3xL6aS0dF".to_owned()),
        ("BASE_DOMAIN", "beacon-status.io".to_owned()),
        ("PUBLIC_URL", "https://beacon-status.io".to_owned()),
        ("SMTP_URL", "smtp://mailer:s3cret-pass@127.0.0.1:2525".to_owned()),
        ("TRUSTED_PROXIES", "127.0.0.1/32,10.0.0.0/8".to_owned()),
    ])
}

async fn production_starts_with_a_complete_configuration(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let env = production_env(&database.url);

    let pairs: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (code, stdout, stderr) = run(&["check-config"], &pairs);
    assert_eq!(code, 0, "stdout: {stdout}\nstderr: {stderr}");
    assert!(stdout.contains("JWT_SECRET = [redacted]"), "{stdout}");
    assert!(stdout.contains("SECRETS_KEY = [redacted]"), "{stdout}");
    assert!(stdout.contains("configuration is valid"), "{stdout}");
    for secret in ["k2v8Qf0sZ7wL1xR4mN6pT9bC3dE5gH8jW1yU", "Zp4rT7uQ1wE9yH2kM5nB8vC3xL6aS0dF", "s3cret-pass"]
    {
        assert!(!stdout.contains(secret), "a secret leaked: {stdout}");
    }

    let mut builder = TestApp::builder(backend).database(database);
    for (name, value) in env.iter().filter(|(name, _)| **name != "DATABASE_URL") {
        builder = builder.env(name, value.clone());
    }
    let app = builder.spawn().await;
    let response = app.get("/health").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["strict-transport-security"], "max-age=63072000; includeSubDomains");
    // Production logs are JSON lines.
    assert!(
        app.log_lines().iter().any(|line| line["message"] == "listening"),
        "{:?}",
        app.process.stderr_lines()
    );
}

async fn development_needs_nothing_set(backend: Backend) {
    let app = TestApp::builder(backend).without_env("JWT_SECRET").spawn().await;
    let (status, body) = app.graphql("{ serverInfo { version } }", serde_json::Value::Null).await;
    assert_eq!(status, 200, "{body}");
    let warned = app.process.stderr_lines().iter().any(|line| line.contains("generated development secret"));
    assert!(warned, "a loud warning about the generated dev secret is expected");
}

#[test]
fn an_unreachable_database_is_listed_with_the_other_problems() {
    let (code, _, stderr) = run(
        &["serve"],
        &[
            ("APP_ENV", "production"),
            ("JWT_SECRET", "short"),
            ("DATABASE_URL", "postgres://beacon:hunter2@127.0.0.1:1/beacon"),
            ("DATABASE_CONNECT_TIMEOUT", "2s"),
        ],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("JWT_SECRET:") && stderr.contains("SMTP_URL:"), "{stderr}");
    assert!(stderr.contains("DATABASE_URL: database not reachable"), "{stderr}");
    assert!(!stderr.contains("hunter2"), "{stderr}");
}
