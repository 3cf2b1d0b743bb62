//! Outbound checks of the monitoring engine: HTTP(S), TCP, DNS and TLS certificate expiry, each
//! behind the SSRF guard (DESIGN §6). No database, GraphQL or configuration parsing here: the
//! caller builds a [`ProbeConfig`] and a [`Prober`] once and shares it between all checks.
//!
//! Every check resolves names itself, vets every address ([`ssrf`]) and connects to the vetted
//! address, so there is no second resolution a hostile name server could answer differently.

mod dns;
mod http;
pub use http::Sent;
mod resolve;
mod spec;
pub mod ssrf;
mod tcp;
mod tls;

#[cfg(test)]
mod testkit;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use spec::{
    CheckOutcome, CheckSpec, CheckStatus, Comparison, DnsRecordType, DnsSpec, HttpMethod, HttpSpec,
    JsonAssertion, JsonPath, Keyword, Phases, StatusRange,
};
pub use ssrf::TargetRefused;

use resolve::Resolver;
use tls::TlsClients;

/// How the prober reaches the outside world. `Default` is the production stance: guard on,
/// system resolver, built-in web PKI roots.
#[derive(Clone, Debug, Default)]
pub struct ProbeConfig {
    /// `ALLOW_PRIVATE_TARGETS`: lifts the SSRF guard (tests, self-hosters monitoring their LAN).
    pub allow_private_targets: bool,
    /// Empty: the system resolver (`/etc/resolv.conf`, and `/etc/hosts` for HTTP/TCP/TLS
    /// targets). Otherwise every lookup, including DNS checks, asks these servers.
    pub dns_nameservers: Vec<SocketAddr>,
    pub user_agent: String,
    /// Extra trust anchors (DER certificates) on top of the web PKI roots: for operators with a
    /// private CA, and for tests.
    pub extra_root_certs: Vec<Vec<u8>>,
}

/// Runs checks. Cheap to clone; build one and share it.
#[derive(Clone)]
pub struct Prober {
    inner: Arc<Inner>,
}

struct Inner {
    config: ProbeConfig,
    resolver: Resolver,
    tls: TlsClients,
    /// Tests only: sockets the guard lets through (the local test server), so that a redirect
    /// *from* it to a refused address can be tested with the guard on.
    #[cfg(test)]
    exempt: Vec<SocketAddr>,
}

impl Prober {
    pub fn new(config: ProbeConfig) -> anyhow::Result<Self> {
        let resolver = Resolver::new(&config.dns_nameservers)?;
        let tls = TlsClients::new(&config.extra_root_certs)?;
        Ok(Self {
            inner: Arc::new(Inner {
                config,
                resolver,
                tls,
                #[cfg(test)]
                exempt: Vec::new(),
            }),
        })
    }

    #[cfg(test)]
    fn exempting(config: ProbeConfig, exempt: Vec<SocketAddr>) -> anyhow::Result<Self> {
        let resolver = Resolver::new(&config.dns_nameservers)?;
        let tls = TlsClients::new(&config.extra_root_certs)?;
        Ok(Self { inner: Arc::new(Inner { config, resolver, tls, exempt }) })
    }

    /// Runs one check; never panics, never returns `Err`: every failure is a Down outcome with an
    /// error text. `timeout` bounds the whole check (resolution, connection, redirects, body).
    pub async fn check(&self, spec: &CheckSpec, timeout: Duration) -> CheckOutcome {
        let started = Instant::now();
        // The check writes what it learns into `trace` as it goes, so a timeout still reports
        // the phases that completed.
        let mut trace = Trace::default();
        let result = tokio::time::timeout(timeout, self.run(spec, &mut trace)).await;
        let verdict = result.unwrap_or_else(|_| Verdict::down(format!("timed out after {}", human(timeout))));
        CheckOutcome {
            status: verdict.status,
            duration_ms: millis(started.elapsed()),
            phases: trace.phases,
            status_code: trace.status_code,
            error: verdict.error,
            tls_expires_at: trace.tls_expires_at,
        }
    }

    async fn run(&self, spec: &CheckSpec, trace: &mut Trace) -> Verdict {
        let inner = &self.inner;
        match spec {
            CheckSpec::Http(http) => http::check(inner, http, trace).await,
            CheckSpec::Tcp { host, port } => tcp::check(inner, host, *port, trace).await,
            CheckSpec::Dns(dns) => dns::check(&inner.resolver, dns, trace).await,
            CheckSpec::Tls { host, port, warn_days } => {
                tls::check(inner, host, *port, *warn_days, trace).await
            }
        }
    }

    /// Sends one request (`method`, `url`, `headers`, `body`) through the SSRF guard, within
    /// `timeout`; `Err` describes a failure to get any answer.
    pub async fn send(
        &self,
        method: HttpMethod,
        url: url::Url,
        headers: Vec<(String, String)>,
        body: String,
        timeout: Duration,
    ) -> Result<http::Sent, String> {
        let spec = HttpSpec {
            url,
            method,
            headers,
            body: Some(body),
            expected_status: Vec::new(),
            follow_redirects: false,
            verify_tls: true,
            keyword: None,
            json_assertion: None,
            tls_warn_days: 0,
        };
        match tokio::time::timeout(timeout, http::send(&self.inner, &spec)).await {
            Ok(result) => result,
            Err(_) => Err(format!("timed out after {}", human(timeout))),
        }
    }

    /// Create-time validation of a target: IP literals are vetted at once, names are resolved and
    /// every address vetted. Advisory: a name that does not resolve (yet) passes, because every
    /// check vets again at run time. DNS checks pass: they only talk to the configured resolvers.
    pub async fn vet_target(&self, spec: &CheckSpec) -> Result<(), TargetRefused> {
        if self.inner.config.allow_private_targets {
            return Ok(());
        }
        let host = match spec {
            CheckSpec::Http(http) => return self.vet_url(&http.url).await,
            CheckSpec::Tcp { host, .. } | CheckSpec::Tls { host, .. } => host.clone(),
            CheckSpec::Dns(_) => return Ok(()),
        };
        self.vet_host(&host).await
    }

    /// [`Self::vet_target`] for a URL Beacon will send requests to (an alert channel's).
    pub async fn vet_url(&self, url: &url::Url) -> Result<(), TargetRefused> {
        if self.inner.config.allow_private_targets {
            return Ok(());
        }
        let host = match url.host() {
            Some(url::Host::Domain(name)) => name.to_owned(),
            Some(url::Host::Ipv4(v4)) => v4.to_string(),
            Some(url::Host::Ipv6(v6)) => v6.to_string(),
            None => return Ok(()),
        };
        self.vet_host(&host).await
    }

    async fn vet_host(&self, host: &str) -> Result<(), TargetRefused> {
        if let Some(address) = ssrf::ip_literal(host) {
            return ssrf::vet(address);
        }
        match self.inner.resolver.lookup(host, 0).await {
            Ok(addresses) => addresses.into_iter().try_for_each(|address| ssrf::vet(address.ip())),
            Err(_) => Ok(()),
        }
    }
}

impl Inner {
    /// Resolves `host`, vets every address (unless the guard is lifted) and returns them, so the
    /// caller connects to exactly what was vetted. Records the lookup time as the DNS phase.
    async fn vetted_addresses(
        &self,
        host: &str,
        port: u16,
        trace: &mut Trace,
    ) -> Result<Vec<SocketAddr>, String> {
        let addresses = match ssrf::ip_literal(host) {
            Some(address) => vec![SocketAddr::new(address, port)],
            None => {
                let started = Instant::now();
                let addresses = self.resolver.lookup(host, port).await;
                add_ms(&mut trace.phases.dns_ms, started);
                addresses?
            }
        };
        if !self.config.allow_private_targets {
            // One refused address refuses the name: a name that mixes public and private
            // addresses is exactly how a rebinding attack would try to slip through.
            for address in &addresses {
                #[cfg(test)]
                if self.exempt.contains(address) {
                    continue;
                }
                ssrf::vet(address.ip()).map_err(|refused| format!("refused target: {refused}"))?;
            }
        }
        Ok(addresses)
    }
}

/// What a check found besides its verdict, filled in as the check progresses.
#[derive(Default)]
struct Trace {
    phases: Phases,
    status_code: Option<u16>,
    tls_expires_at: Option<chrono::DateTime<chrono::Utc>>,
}

struct Verdict {
    status: CheckStatus,
    error: Option<String>,
}

impl Verdict {
    fn up() -> Self {
        Self { status: CheckStatus::Up, error: None }
    }

    fn down(error: impl Into<String>) -> Self {
        Self { status: CheckStatus::Down, error: Some(error.into()) }
    }

    fn degraded(error: impl Into<String>) -> Self {
        Self { status: CheckStatus::Degraded, error: Some(error.into()) }
    }
}

fn millis(duration: Duration) -> u32 {
    u32::try_from(duration.as_millis()).unwrap_or(u32::MAX)
}

/// Adds the time since `started` to a phase (phases sum over redirect hops).
fn add_ms(phase: &mut Option<u32>, started: Instant) {
    *phase = Some(phase.unwrap_or(0).saturating_add(millis(started.elapsed())));
}

fn human(duration: Duration) -> String {
    if duration.subsec_millis() == 0 {
        format!("{}s", duration.as_secs())
    } else {
        format!("{}ms", duration.as_millis())
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;
    use std::time::Duration;

    use hickory_resolver::proto::rr::RData;

    use super::testkit::{self, record};
    use super::*;

    async fn guarded_with_zone() -> Prober {
        let a = |address: [u8; 4]| RData::A(Ipv4Addr::from(address).into());
        let dns = testkit::dns_server(vec![
            record("internal.test.", a([10, 0, 0, 5])),
            record("public.test.", a([93, 184, 216, 34])),
            // One public and one private address: refused as a whole.
            record("mixed.test.", a([93, 184, 216, 34])),
            record("mixed.test.", a([169, 254, 169, 254])),
        ])
        .await;
        Prober::new(ProbeConfig { dns_nameservers: vec![dns], ..testkit::config_guarded() }).unwrap()
    }

    fn tcp(host: &str) -> CheckSpec {
        CheckSpec::Tcp { host: host.into(), port: 443 }
    }

    #[tokio::test]
    async fn vet_target_refuses_literals_and_names_that_resolve_privately() {
        let prober = guarded_with_zone().await;
        let refused = |address: &str, reason: &'static str| {
            Err::<(), _>(TargetRefused { address: address.parse().unwrap(), reason })
        };
        assert_eq!(prober.vet_target(&tcp("10.0.0.1")).await, refused("10.0.0.1", "a private address"));
        assert_eq!(prober.vet_target(&tcp("0x7f000001")).await, refused("127.0.0.1", "a loopback address"));
        assert_eq!(prober.vet_target(&tcp("internal.test")).await, refused("10.0.0.5", "a private address"));
        assert_eq!(
            prober.vet_target(&tcp("mixed.test")).await,
            refused("169.254.169.254", "a cloud metadata address")
        );
        let http = testkit::spec(testkit::http("http://[fd00:ec2::254]/latest"));
        assert_eq!(prober.vet_target(&http).await, refused("fd00:ec2::254", "a cloud metadata address"));
        let tls = CheckSpec::Tls { host: "internal.test".into(), port: 443, warn_days: 14 };
        assert_eq!(prober.vet_target(&tls).await.unwrap_err().to_string(), "10.0.0.5 is a private address");

        assert_eq!(prober.vet_target(&tcp("8.8.8.8")).await, Ok(()));
        assert_eq!(prober.vet_target(&tcp("public.test")).await, Ok(()));
        assert_eq!(prober.vet_target(&tcp("not-yet.test")).await, Ok(()), "unresolvable names pass");
        let dns = CheckSpec::Dns(DnsSpec {
            name: "internal.test".into(),
            record_type: DnsRecordType::A,
            expected: None,
        });
        assert_eq!(prober.vet_target(&dns).await, Ok(()), "a DNS check connects to no target");

        let open = Prober::new(testkit::config()).unwrap();
        assert_eq!(open.vet_target(&tcp("127.0.0.1")).await, Ok(()), "ALLOW_PRIVATE_TARGETS lifts the guard");
    }

    #[tokio::test]
    async fn checks_vet_after_resolution_and_never_connect_to_a_refused_address() {
        let prober = guarded_with_zone().await;
        let outcome = prober.check(&tcp("internal.test"), Duration::from_secs(10)).await;
        assert_eq!(outcome.status, CheckStatus::Down);
        assert_eq!(outcome.error.as_deref(), Some("refused target: 10.0.0.5 is a private address"));
        assert!(outcome.phases.dns_ms.is_some());
        assert_eq!(outcome.phases.connect_ms, None);

        let http = testkit::spec(testkit::http("http://mixed.test/"));
        let outcome = prober.check(&http, Duration::from_secs(10)).await;
        assert_eq!(
            outcome.error.as_deref(),
            Some("refused target: 169.254.169.254 is a cloud metadata address")
        );
    }
}
