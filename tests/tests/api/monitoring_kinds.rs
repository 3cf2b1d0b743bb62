//! DNS and TLS monitors through the API against real local servers: a DNS responder on
//! loopback (`CHECK_DNS_SERVERS` points the checks at it) and TLS servers whose certificates come
//! from a test CA the server trusts through `CHECK_CA_FILE`, one valid for months, one expiring
//! in days, one expired, and one from a CA nobody trusts. (HTTP, TCP and heartbeat monitors are
//! in `monitoring`.)

use std::net::Ipv4Addr;
use std::sync::Arc;

use base64::Engine;
use beacon_tests::{Backend, DnsZone, InProcessApp, backend_tests};
use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair, KeyUsagePurpose, SanType};
use serde_json::json;
use tokio::net::TcpListener;

use super::monitoring::{advance_and_tick, create, monitor, owner};

backend_tests!(dns_and_tls_monitors_go_up_and_down_against_local_servers);

pub(crate) struct Ca {
    issuer: Issuer<'static, KeyPair>,
    pem: String,
}

pub(crate) fn ca(name: &str) -> Ca {
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params.distinguished_name.push(rcgen::DnType::CommonName, name);
    let cert = params.self_signed(&key).unwrap();
    let body = base64::engine::general_purpose::STANDARD.encode(cert.der());
    let lines: Vec<&str> =
        body.as_bytes().chunks(64).map(|line| std::str::from_utf8(line).unwrap()).collect();
    let pem = format!("-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n", lines.join("\n"));
    Ca { issuer: Issuer::new(params, key), pem }
}

impl Ca {
    /// Writes the CA certificate to a new temporary directory: `(directory, file)`, the file for
    /// `CHECK_CA_FILE`; remove the directory when done.
    pub(crate) fn write_pem(&self) -> (std::path::PathBuf, String) {
        let dir = std::env::temp_dir().join(format!("beacon-ca-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("ca.pem");
        std::fs::write(&file, &self.pem).unwrap();
        (dir, file.to_str().unwrap().to_owned())
    }
}

/// A TLS server on 127.0.0.1 whose certificate is valid from `from_days` to `to_days` from now;
/// it completes handshakes and closes.
pub(crate) async fn tls_site(ca: &Ca, from_days: i64, to_days: i64) -> u16 {
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(vec!["localhost".to_owned()]).unwrap();
    params.subject_alt_names.push(SanType::IpAddress(Ipv4Addr::LOCALHOST.into()));
    let now = time::OffsetDateTime::now_utc();
    params.not_before = now + time::Duration::days(from_days);
    params.not_after = now + time::Duration::days(to_days);
    let cert = params.signed_by(&key, &ca.issuer).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![cert.der().clone()],
            rustls::pki_types::PrivatePkcs8KeyDer::from(key.serialize_der()).into(),
        )
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let _ = acceptor.accept(socket).await;
            });
        }
    });
    port
}

async fn dns_and_tls_monitors_go_up_and_down_against_local_servers(backend: Backend) {
    let zone = DnsZone::serve().await;
    zone.set_a("status.example.test", Ipv4Addr::new(192, 0, 2, 10));
    let dns = zone.addr();
    let trusted = ca("Beacon test CA");
    let (ca_dir, ca_file) = trusted.write_pem();
    let env = [
        ("SCHEDULER_ENABLED", "false"),
        ("ALLOW_PRIVATE_TARGETS", "true"),
        ("CHECK_DNS_SERVERS", &dns),
        ("CHECK_CA_FILE", &ca_file),
    ];
    let app = InProcessApp::spawn(backend, &env).await;
    let token = owner(&app, "acme-kinds").await;

    let record = create(
        &app,
        &token,
        json!({ "name": "Status record", "failureThreshold": 1,
                "dns": { "name": "status.example.test", "recordType": "A", "expected": "192.0.2.10" } }),
    )
    .await;
    let missing = create(
        &app,
        &token,
        json!({ "name": "Missing", "failureThreshold": 1, "dns": { "name": "nope.example.test", "recordType": "A" } }),
    )
    .await;
    let tls = |name: &str, port: u16| json!({ "name": name, "failureThreshold": 1, "tls": { "host": "127.0.0.1", "port": port, "warnDays": 14 } });
    let healthy = create(&app, &token, tls("Healthy cert", tls_site(&trusted, -1, 90).await)).await;
    let expiring = create(&app, &token, tls("Expiring cert", tls_site(&trusted, -80, 5).await)).await;
    let expired = create(&app, &token, tls("Expired cert", tls_site(&trusted, -90, -1).await)).await;
    let untrusted =
        create(&app, &token, tls("Untrusted cert", tls_site(&ca("Nobody's CA"), -1, 90).await)).await;
    assert_eq!(advance_and_tick(&app, 61).await, 6, "every first check within a minute");

    let status = |value: serde_json::Value| (value["status"].as_str().unwrap().to_owned(), value);
    let (up, body) = status(monitor(&app, &token, &record).await);
    assert_eq!(up, "UP", "{body}");
    let (down, body) = status(monitor(&app, &token, &missing).await);
    assert_eq!(down, "DOWN", "{body}");
    assert!(body["lastError"].as_str().unwrap().contains("nope.example.test"), "{body}");
    let (up, body) = status(monitor(&app, &token, &healthy).await);
    assert_eq!(up, "UP", "a certificate from the CA in CHECK_CA_FILE is trusted: {body}");
    let (degraded, body) = status(monitor(&app, &token, &expiring).await);
    assert_eq!(degraded, "DEGRADED", "expires within 14 days: {body}");
    assert!(body["lastError"].as_str().unwrap().contains("expires"), "{body}");
    let (down, body) = status(monitor(&app, &token, &expired).await);
    assert_eq!(down, "DOWN", "{body}");
    assert!(body["lastError"].as_str().unwrap().contains("expired"), "{body}");
    let (down, body) = status(monitor(&app, &token, &untrusted).await);
    assert_eq!(down, "DOWN", "an unknown CA is not trusted: {body}");

    // The record changes: the DNS monitor sees the new answer and goes DOWN naming what it got.
    zone.set_a("status.example.test", Ipv4Addr::new(192, 0, 2, 99));
    advance_and_tick(&app, 60).await;
    let (down, body) = status(monitor(&app, &token, &record).await);
    assert_eq!(down, "DOWN", "{body}");
    assert!(body["lastError"].as_str().unwrap().contains("192.0.2.99"), "{body}");
    app.shutdown().await;
    let _ = std::fs::remove_dir_all(ca_dir);
}
