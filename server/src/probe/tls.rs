//! TLS for checks, and the certificate-expiry check.
//!
//! One handshake per connection, with a verifier that accepts any certificate chain (it still
//! checks the handshake signatures, so the server proves it holds the leaf's key). The chain is
//! then verified separately against the web PKI roots (plus the operator's extra roots) *before*
//! any application data is sent. That order lets a check always read the certificate — an
//! expired or self-signed one is exactly what an expiry monitor must report — and costs one
//! handshake instead of two. Crypto is `ring`, installed on each config explicitly, so nothing
//! depends on a process-wide default provider.

use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Utc};
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use super::{Inner, Trace, Verdict, add_ms, ssrf, tcp};

pub(crate) struct TlsClients {
    /// Offers ALPN `http/1.1`, the only protocol the HTTP check speaks.
    http: TlsConnector,
    /// No ALPN: a TLS check must not fail against a server that speaks only h2 or a non-HTTP
    /// protocol.
    plain: TlsConnector,
    verifier: Arc<WebPkiServerVerifier>,
}

/// What the handshake revealed about the server's certificate.
pub(super) struct Certificate {
    pub(super) not_after: Option<DateTime<Utc>>,
    /// The web PKI verdict for this host name: `Err` carries a short human message.
    pub(super) verdict: Result<(), String>,
}

impl TlsClients {
    pub(crate) fn new(extra_roots: &[Vec<u8>]) -> anyhow::Result<Self> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut roots = RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
        for der in extra_roots {
            roots.add(CertificateDer::from(der.clone()))?;
        }
        let verifier =
            WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone()).build()?;
        let config = |alpn: &[&[u8]]| -> anyhow::Result<TlsConnector> {
            let mut config = ClientConfig::builder_with_provider(provider.clone())
                .with_safe_default_protocol_versions()?
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(AcceptAnyChain(provider.clone())))
                .with_no_client_auth();
            config.alpn_protocols = alpn.iter().map(|protocol| protocol.to_vec()).collect();
            Ok(TlsConnector::from(Arc::new(config)))
        };
        Ok(Self { http: config(&[b"http/1.1"])?, plain: config(&[])?, verifier })
    }

    /// Handshakes over `tcp` with SNI `host` (none for an IP literal), records the TLS phase and
    /// the certificate's expiry, and returns the stream with the certificate's verdict. The
    /// caller decides whether the verdict matters before it sends anything.
    pub(super) async fn handshake(
        &self,
        tcp: TcpStream,
        host: &str,
        for_http: bool,
        trace: &mut Trace,
    ) -> Result<(TlsStream<TcpStream>, Certificate), String> {
        let server_name = server_name(host)?;
        let connector = if for_http { &self.http } else { &self.plain };
        let started = Instant::now();
        let result = connector.connect(server_name.clone(), tcp).await;
        add_ms(&mut trace.phases.tls_ms, started);
        let stream = result.map_err(|error| format!("TLS handshake failed: {error}"))?;
        let certificate = {
            let (_, connection) = stream.get_ref();
            match connection.peer_certificates() {
                Some([leaf, intermediates @ ..]) => Certificate {
                    not_after: not_after(leaf),
                    verdict: self
                        .verifier
                        .verify_server_cert(leaf, intermediates, &server_name, &[], UnixTime::now())
                        .map(|_| ())
                        .map_err(|error| describe(&error, host)),
                },
                _ => Certificate { not_after: None, verdict: Err("the server sent no certificate".into()) },
            }
        };
        // Keep the earliest expiry along a redirect chain: any of them breaks the check.
        if let Some(expires) = certificate.not_after {
            trace.tls_expires_at = Some(trace.tls_expires_at.map_or(expires, |seen| seen.min(expires)));
        }
        Ok((stream, certificate))
    }
}

impl Certificate {
    /// Down when invalid or expired, Degraded when it expires within `warn_days`, else Up.
    pub(super) fn judge(&self, warn_days: u32, now: DateTime<Utc>) -> Verdict {
        if let Some(not_after) = self.not_after
            && not_after <= now
        {
            return Verdict::down(format!("certificate expired on {}", not_after.format("%Y-%m-%d")));
        }
        if let Err(error) = &self.verdict {
            return Verdict::down(error.clone());
        }
        let Some(not_after) = self.not_after else {
            return Verdict::down("could not read the certificate's expiry");
        };
        let left = not_after - now;
        if left < chrono::Duration::days(i64::from(warn_days)) {
            return Verdict::degraded(format!(
                "certificate expires in {} days ({})",
                left.num_days(),
                not_after.format("%Y-%m-%d")
            ));
        }
        Verdict::up()
    }
}

/// The TLS certificate check: resolve + vet, connect, handshake, judge the certificate.
pub(super) async fn check(
    inner: &Inner,
    host: &str,
    port: u16,
    warn_days: u32,
    trace: &mut Trace,
) -> Verdict {
    let result = async {
        let addresses = inner.vetted_addresses(host, port, trace).await?;
        let tcp = tcp::connect(&addresses, trace).await?;
        let (_stream, certificate) = inner.tls.handshake(tcp, host, false, trace).await?;
        Ok::<_, String>(certificate)
    }
    .await;
    match result {
        Ok(certificate) => certificate.judge(warn_days, Utc::now()),
        Err(error) => Verdict::down(error),
    }
}

fn server_name(host: &str) -> Result<ServerName<'static>, String> {
    match ssrf::ip_literal(host) {
        Some(address) => Ok(ServerName::IpAddress(address.into())),
        None => ServerName::try_from(host.trim_end_matches('.').to_owned())
            .map_err(|_| format!("{host} is not a valid TLS server name")),
    }
}

fn not_after(leaf: &CertificateDer<'_>) -> Option<DateTime<Utc>> {
    let (_, certificate) = x509_parser::parse_x509_certificate(leaf.as_ref()).ok()?;
    DateTime::from_timestamp(certificate.validity().not_after.timestamp(), 0)
}

fn describe(error: &rustls::Error, host: &str) -> String {
    let rustls::Error::InvalidCertificate(error) = error else {
        return format!("invalid certificate: {error}");
    };
    match error {
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => "certificate expired".into(),
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            "certificate is not valid yet".into()
        }
        CertificateError::UnknownIssuer => "certificate not trusted (unknown issuer or self-signed)".into(),
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            format!("certificate is not valid for {host}")
        }
        CertificateError::Revoked => "certificate revoked".into(),
        other => format!("invalid certificate: {other}"),
    }
}

/// Accepts any chain at handshake time (the chain is judged afterwards, see the module doc) but
/// verifies handshake signatures for real.
#[derive(Debug)]
struct AcceptAnyChain(Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAnyChain {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;
    use std::time::Duration;

    use chrono::Utc;
    use hickory_resolver::proto::rr::RData;

    use super::super::testkit::{self, http, spec};
    use super::super::{CheckOutcome, CheckSpec, CheckStatus, ProbeConfig, Prober};

    const TIMEOUT: Duration = Duration::from_secs(10);

    fn trusting(site: &testkit::TlsSite) -> Prober {
        Prober::new(ProbeConfig { extra_root_certs: vec![site.ca.clone()], ..testkit::config() }).unwrap()
    }

    async fn tls_check(prober: &Prober, site: &testkit::TlsSite, warn_days: u32) -> CheckOutcome {
        let spec = CheckSpec::Tls { host: "127.0.0.1".into(), port: site.address.port(), warn_days };
        prober.check(&spec, TIMEOUT).await
    }

    #[tokio::test]
    async fn a_certificate_expiring_within_the_warning_window_is_degraded() {
        let site = testkit::tls_server(&["localhost"], -1, 5).await;
        let prober = trusting(&site);
        let outcome = tls_check(&prober, &site, 14).await;
        assert_eq!(outcome.status, CheckStatus::Degraded, "{outcome:?}");
        assert!(
            outcome.error.as_deref().unwrap().starts_with("certificate expires in 4 days"),
            "{outcome:?}"
        );
        let expires = outcome.tls_expires_at.expect("expiry read from the certificate");
        let left = expires - Utc::now();
        assert!(left > chrono::Duration::days(4) && left <= chrono::Duration::days(5), "{expires}");
        assert!(outcome.phases.connect_ms.is_some() && outcome.phases.tls_ms.is_some());

        let outcome = tls_check(&prober, &site, 3).await;
        assert_eq!((outcome.status, outcome.error), (CheckStatus::Up, None));
    }

    #[tokio::test]
    async fn an_expired_certificate_is_down_and_still_reported() {
        let site = testkit::tls_server(&["localhost"], -30, -1).await;
        let outcome = tls_check(&trusting(&site), &site, 14).await;
        assert_eq!(outcome.status, CheckStatus::Down);
        assert!(outcome.error.as_deref().unwrap().starts_with("certificate expired on "), "{outcome:?}");
        assert!(outcome.tls_expires_at.unwrap() < Utc::now());
    }

    #[tokio::test]
    async fn an_untrusted_certificate_is_down() {
        let site = testkit::tls_server(&["localhost"], -1, 90).await;
        let outcome = tls_check(&Prober::new(testkit::config()).unwrap(), &site, 14).await;
        assert_eq!(outcome.status, CheckStatus::Down);
        assert_eq!(outcome.error.as_deref(), Some("certificate not trusted (unknown issuer or self-signed)"));
        assert!(outcome.tls_expires_at.is_some(), "read even though untrusted");
    }

    #[tokio::test]
    async fn the_tls_check_obeys_the_guard_and_reports_refused_connections() {
        let site = testkit::tls_server(&["localhost"], -1, 90).await;
        let guarded = Prober::new(ProbeConfig { allow_private_targets: false, ..testkit::config() }).unwrap();
        let outcome = tls_check(&guarded, &site, 14).await;
        assert_eq!(outcome.error.as_deref(), Some("refused target: 127.0.0.1 is a loopback address"));

        let closed = testkit::closed_port().await;
        let spec = CheckSpec::Tls { host: "127.0.0.1".into(), port: closed.port(), warn_days: 14 };
        let outcome = trusting(&site).check(&spec, TIMEOUT).await;
        assert_eq!(outcome.error.as_deref(), Some("connection refused"));
    }

    #[tokio::test]
    async fn https_checks_verify_the_certificate_unless_told_not_to() {
        let site = testkit::tls_server(&["localhost"], -1, 90).await;
        let url = format!("https://127.0.0.1:{}/", site.address.port());
        let mut checked = http(&url);
        checked.keyword = Some(super::super::Keyword { text: "tls ok".into(), present: true });
        let outcome = trusting(&site).check(&spec(checked.clone()), TIMEOUT).await;
        assert_eq!((outcome.status, outcome.status_code), (CheckStatus::Up, Some(200)), "{outcome:?}");
        assert!(outcome.phases.tls_ms.is_some() && outcome.tls_expires_at.is_some(), "{outcome:?}");

        let untrusting = Prober::new(testkit::config()).unwrap();
        let outcome = untrusting.check(&spec(checked.clone()), TIMEOUT).await;
        assert_eq!(outcome.status, CheckStatus::Down);
        assert_eq!(outcome.error.as_deref(), Some("certificate not trusted (unknown issuer or self-signed)"));
        assert_eq!(outcome.status_code, None, "no request was sent");

        checked.verify_tls = false;
        let outcome = untrusting.check(&spec(checked), TIMEOUT).await;
        assert_eq!(outcome.status, CheckStatus::Up, "{outcome:?}");
        assert!(outcome.tls_expires_at.is_some());
    }

    #[tokio::test]
    async fn https_checks_judge_expiry() {
        let expiring = testkit::tls_server(&["localhost"], -1, 5).await;
        let mut checked = http(&format!("https://127.0.0.1:{}/", expiring.address.port()));
        checked.tls_warn_days = 14;
        let outcome = trusting(&expiring).check(&spec(checked), TIMEOUT).await;
        assert_eq!((outcome.status, outcome.status_code), (CheckStatus::Degraded, Some(200)), "{outcome:?}");
        assert!(outcome.error.unwrap().starts_with("certificate expires in"));

        let expired = testkit::tls_server(&["localhost"], -30, -1).await;
        let checked = http(&format!("https://127.0.0.1:{}/", expired.address.port()));
        let outcome = trusting(&expired).check(&spec(checked), TIMEOUT).await;
        assert_eq!(outcome.status, CheckStatus::Down);
        assert!(outcome.error.unwrap().starts_with("certificate expired on"));
    }

    #[tokio::test]
    async fn the_certificate_must_name_the_host() {
        let site = testkit::tls_server(&["secure.test"], -1, 90).await;
        let loopback = RData::A(Ipv4Addr::LOCALHOST.into());
        let dns = testkit::dns_server(vec![
            testkit::record("secure.test.", loopback.clone()),
            testkit::record("other.test.", loopback),
        ])
        .await;
        let prober = Prober::new(ProbeConfig {
            dns_nameservers: vec![dns],
            extra_root_certs: vec![site.ca.clone()],
            ..testkit::config()
        })
        .unwrap();
        let port = site.address.port();
        let outcome = prober.check(&spec(http(&format!("https://secure.test:{port}/"))), TIMEOUT).await;
        assert_eq!(outcome.status, CheckStatus::Up, "{outcome:?}");
        assert!(outcome.phases.dns_ms.is_some());

        let outcome = prober.check(&spec(http(&format!("https://other.test:{port}/"))), TIMEOUT).await;
        assert_eq!(outcome.error.as_deref(), Some("certificate is not valid for other.test"));
    }
}
