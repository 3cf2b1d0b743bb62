//! The edge config (`Caddyfile` at the repository root) must parse and
//! validate with the real `caddy` binary, both as tests run it (internal CA,
//! high ports, admin off) and as production runs it (ACME, :80/:443), and it
//! must be in `caddy fmt` form.
//!
//! Caddy is a real part of the test environment, not optional: when the
//! binary is missing these tests fail, they never skip.

use std::path::PathBuf;
use std::process::{Command, Output};

use beacon_tests::{TempDir, repo_root};

/// Environment variables the Caddyfile reads (`{$VAR:default}`). They are
/// removed before each run so the developer's shell cannot change the result.
const CADDYFILE_VARS: &[&str] = &[
    "CADDY_ADMIN",
    "CADDY_HTTP_PORT",
    "CADDY_HTTPS_PORT",
    "CADDY_ISSUER",
    "ACME_EMAIL",
    "BASE_DOMAIN",
    "BEACON_UPSTREAM",
    "BEACON_ASK_URL",
    "BEACON_SPA_DIR",
];

fn caddyfile() -> PathBuf {
    let path = repo_root().join("Caddyfile");
    assert!(path.is_file(), "missing {}", path.display());
    path
}

/// A fresh directory for Caddy's state (`XDG_DATA_HOME`, `XDG_CONFIG_HOME`), removed when dropped.
fn caddy_state(label: &str) -> TempDir {
    let dir = TempDir::new(&format!("caddy-{label}"));
    std::fs::create_dir_all(dir.path.join("data")).expect("create temp data dir");
    std::fs::create_dir_all(dir.path.join("config")).expect("create temp config dir");
    dir
}

/// Runs `caddy <args>` with the Caddyfile's variables cleared, Caddy's state
/// in `state`, and then `env` applied. Panics with an install hint when the
/// binary is not on PATH.
fn caddy(args: &[&str], state: &TempDir, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new("caddy");
    cmd.args(args)
        .current_dir(&state.path)
        .env("XDG_DATA_HOME", state.path.join("data"))
        .env("XDG_CONFIG_HOME", state.path.join("config"))
        .env("HOME", &state.path);
    for var in CADDYFILE_VARS {
        cmd.env_remove(var);
    }
    for (key, value) in env {
        cmd.env(key, value);
    }
    match cmd.output() {
        Ok(output) => output,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => panic!(
            "`caddy` is not on PATH: install caddy: apt-get install caddy \
             (Caddy is a required part of the test environment)"
        ),
        Err(err) => panic!("could not run caddy {args:?}: {err}"),
    }
}

fn describe(output: &Output) -> String {
    format!(
        "status: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn validate(label: &str, env: &[(&str, &str)]) {
    let state = caddy_state(label);
    let path = caddyfile();
    let path = path.to_str().expect("repository path is UTF-8");
    let output = caddy(&["validate", "--config", path, "--adapter", "caddyfile"], &state, env);
    assert!(
        output.status.success(),
        "caddy validate failed for the {label} environment {env:?}\n{}",
        describe(&output)
    );
}

#[test]
fn caddyfile_validates() {
    // As the tests run Caddy: local CA, unprivileged ports, no admin API,
    // throwaway upstreams.
    validate(
        "test",
        &[
            ("CADDY_ISSUER", "internal"),
            ("CADDY_ADMIN", "off"),
            ("CADDY_HTTP_PORT", "18080"),
            ("CADDY_HTTPS_PORT", "18443"),
            ("BASE_DOMAIN", "beacon.localtest.me"),
            ("BEACON_UPSTREAM", "127.0.0.1:18081"),
            ("BEACON_ASK_URL", "http://127.0.0.1:19091/internal/tls/ask"),
            ("BEACON_SPA_DIR", "/tmp"),
        ],
    );

    // As production runs it: every default (ACME issuer, :80/:443, admin on
    // localhost:2019). Validation provisions the ACME issuer without
    // contacting the CA and binds no port, so this needs no network.
    validate("production", &[]);

    // Production with the variables an operator sets.
    validate(
        "production-configured",
        &[("ACME_EMAIL", "ops@beacon.example.org"), ("BASE_DOMAIN", "beacon.example.org")],
    );
}

#[test]
fn caddyfile_is_formatted() {
    let state = caddy_state("fmt");
    let path = caddyfile();
    let original = std::fs::read_to_string(&path).expect("read Caddyfile");
    // Caddy 2.6 prints the formatted file to stdout; `--diff` exits 0 even
    // when the file is not formatted, so compare the output instead.
    let output = caddy(&["fmt", path.to_str().expect("repository path is UTF-8")], &state, &[]);
    assert!(output.status.success(), "caddy fmt failed\n{}", describe(&output));
    let formatted = String::from_utf8(output.stdout).expect("caddy fmt prints UTF-8");
    if formatted != original {
        let first_difference = original
            .lines()
            .zip(formatted.lines())
            .position(|(a, b)| a != b)
            .map(|i| i + 1)
            .unwrap_or_else(|| original.lines().count().min(formatted.lines().count()) + 1);
        panic!(
            "Caddyfile is not in `caddy fmt` form (first difference at line {first_difference}).\n\
             See the changes with `caddy fmt --diff Caddyfile`, \
             fix them with `caddy fmt --overwrite Caddyfile`.\n\
             --- file line {first_difference} ---\n{}\n--- formatted ---\n{}",
            original.lines().nth(first_difference - 1).unwrap_or("<end of file>"),
            formatted.lines().nth(first_difference - 1).unwrap_or("<end of file>"),
        );
    }
}
