//! Local targets for the probe tests, all on 127.0.0.1: an HTTP server, a silent server, a
//! closed port, a DNS responder and a TLS server with rcgen certificates.

use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{any, get};
use hickory_resolver::proto::op::{Message, ResponseCode};
use hickory_resolver::proto::rr::{Name, RData, Record};
use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair, KeyUsagePurpose, SanType};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, UdpSocket};

use super::{CheckSpec, HttpMethod, HttpSpec, ProbeConfig};

pub(super) const USER_AGENT: &str = "beacon-probe-test/1";

/// Guard lifted, as the tests' targets are all on loopback.
pub(super) fn config() -> ProbeConfig {
    ProbeConfig { allow_private_targets: true, user_agent: USER_AGENT.into(), ..ProbeConfig::default() }
}

/// The production stance: guard on.
pub(super) fn config_guarded() -> ProbeConfig {
    ProbeConfig { allow_private_targets: false, ..config() }
}

pub(super) fn http(url: &str) -> HttpSpec {
    HttpSpec {
        url: url.parse().unwrap(),
        method: HttpMethod::Get,
        headers: Vec::new(),
        body: None,
        expected_status: Vec::new(),
        follow_redirects: true,
        verify_tls: true,
        keyword: None,
        json_assertion: None,
        tls_warn_days: 0,
    }
}

pub(super) fn spec(http: HttpSpec) -> CheckSpec {
    CheckSpec::Http(http)
}

fn found(location: &str) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, location.to_owned())]).into_response()
}

/// The HTTP target. Routes: `/ok`, `/status/{code}`, `/redirect/{n}` (n hops of 302 to `/ok`),
/// `/loop`, `/nested/deep` (relative `../ok`), `/go?to=URL&code=302`, `/echo` (the request as
/// JSON), `/json`, `/big` (2 MiB, then "needle"), `/slow` (never answers).
pub(super) async fn http_server() -> SocketAddr {
    let app = Router::new()
        .route("/ok", get(|| async { "all systems ok" }))
        .route(
            "/status/{code}",
            any(|Path(code): Path<u16>| async move { StatusCode::from_u16(code).unwrap() }),
        )
        .route(
            "/redirect/{n}",
            get(|Path(n): Path<u32>| async move {
                if n == 0 { found("/ok") } else { found(&format!("/redirect/{}", n - 1)) }
            }),
        )
        .route("/loop", get(|| async { found("/loop") }))
        .route("/nested/deep", get(|| async { found("../ok") }))
        .route(
            "/go",
            any(|Query(query): Query<HashMap<String, String>>| async move {
                let code = query.get("code").and_then(|code| code.parse().ok()).unwrap_or(302);
                let status = StatusCode::from_u16(code).unwrap();
                (status, [(header::LOCATION, query["to"].clone())]).into_response()
            }),
        )
        .route(
            "/echo",
            any(|method: Method, headers: HeaderMap, body: String| async move {
                let header = |name: &str| headers.get(name).map(|value| value.to_str().unwrap().to_owned());
                axum::Json(serde_json::json!({
                    "method": method.as_str(),
                    "user_agent": header("user-agent"),
                    "custom": header("x-custom"),
                    "host": header("host"),
                    "body": body,
                }))
            }),
        )
        .route(
            "/json",
            get(|| async {
                axum::Json(serde_json::json!({
                    "status": "up", "count": 3, "ratio": 0.25, "items": ["a", "b"],
                    "nested": {"list": [{"x": 1.5}]}, "text": "all good here"
                }))
            }),
        )
        .route("/big", get(|| async { format!("{}needle", "a".repeat(2 * 1024 * 1024)) }))
        .route("/slow", get(std::future::pending::<&'static str>))
        .route("/redirect-see-other", any(|| async { Redirect::to("/echo") }))
        .route("/redirect-temporary", any(|| async { Redirect::temporary("/echo") }));
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    address
}

/// Accepts connections and never answers: for timeouts.
pub(super) async fn silent_server() -> SocketAddr {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    address
}

/// A loopback port nothing listens on.
pub(super) async fn closed_port() -> SocketAddr {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
    listener.local_addr().unwrap()
}

pub(super) fn record(name: &str, data: RData) -> Record {
    Record::from_rdata(Name::from_ascii(name).unwrap(), 60, data)
}

/// A tiny authoritative responder on loopback UDP: answers from `records`, NXDOMAIN for names
/// it has no record of, an empty NOERROR for known names without the asked type.
pub(super) async fn dns_server(records: Vec<Record>) -> SocketAddr {
    let socket = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
    let address = socket.local_addr().unwrap();
    let key = |name: &Name| name.to_ascii().trim_end_matches('.').to_ascii_lowercase();
    tokio::spawn(async move {
        let mut buffer = vec![0; 4096];
        while let Ok((length, peer)) = socket.recv_from(&mut buffer).await {
            let Ok(request) = Message::from_vec(&buffer[..length]) else { continue };
            let mut response = Message::response(request.metadata.id, request.metadata.op_code);
            response.metadata.recursion_desired = request.metadata.recursion_desired;
            response.metadata.recursion_available = true;
            response.metadata.authoritative = true;
            for query in &request.queries {
                response.add_query(query.clone());
                let known: Vec<&Record> =
                    records.iter().filter(|record| key(&record.name) == key(query.name())).collect();
                if known.is_empty() {
                    response.metadata.response_code = ResponseCode::NXDomain;
                }
                for record in known.into_iter().filter(|record| record.record_type() == query.query_type()) {
                    let mut answer = record.clone();
                    answer.name = query.name().clone();
                    response.add_answer(answer);
                }
            }
            let _ = socket.send_to(&response.to_vec().unwrap(), peer).await;
        }
    });
    address
}

/// A TLS server whose certificate (for `names`, plus 127.0.0.1) is valid from `from_days` to
/// `to_days` relative to now, issued by a fresh CA. Answers any request with `200 tls ok`.
pub(super) struct TlsSite {
    pub(super) address: SocketAddr,
    /// The CA certificate, DER: trust it through `ProbeConfig::extra_root_certs`.
    pub(super) ca: Vec<u8>,
}

pub(super) async fn tls_server(names: &[&str], from_days: i64, to_days: i64) -> TlsSite {
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    ca_params.distinguished_name.push(rcgen::DnType::CommonName, "Beacon test CA");
    let ca_cert = ca_params.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca_params, ca_key);

    let leaf_key = KeyPair::generate().unwrap();
    let mut leaf =
        CertificateParams::new(names.iter().map(|name| (*name).to_owned()).collect::<Vec<_>>()).unwrap();
    leaf.subject_alt_names.push(SanType::IpAddress(Ipv4Addr::LOCALHOST.into()));
    let now = time::OffsetDateTime::now_utc();
    leaf.not_before = now + time::Duration::days(from_days);
    leaf.not_after = now + time::Duration::days(to_days);
    let leaf_cert = leaf.signed_by(&leaf_key, &issuer).unwrap();

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let server = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![leaf_cert.der().clone()],
            rustls::pki_types::PrivatePkcs8KeyDer::from(leaf_key.serialize_der()).into(),
        )
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(server));
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut stream) = acceptor.accept(socket).await else { return };
                // Read the request head, then answer and close.
                let mut head = Vec::new();
                let mut chunk = [0; 1024];
                while !head.windows(4).any(|window| window == b"\r\n\r\n") {
                    match stream.read(&mut chunk).await {
                        Ok(0) | Err(_) => return,
                        Ok(read) => head.extend_from_slice(&chunk[..read]),
                    }
                }
                let response = b"HTTP/1.1 200 OK\r\ncontent-length: 6\r\nconnection: close\r\n\r\ntls ok";
                let _ = stream.write_all(response).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    TlsSite { address, ca: ca_cert.der().to_vec() }
}
