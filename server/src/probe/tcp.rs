//! TCP connect checks, and the connect step every other check shares.

use std::io;
use std::net::SocketAddr;
use std::time::Instant;

use tokio::net::TcpStream;

use super::{Inner, Trace, Verdict, add_ms};

/// Resolve + vet, connect, close.
pub(super) async fn check(inner: &Inner, host: &str, port: u16, trace: &mut Trace) -> Verdict {
    let addresses = match inner.vetted_addresses(host, port, trace).await {
        Ok(addresses) => addresses,
        Err(error) => return Verdict::down(error),
    };
    match connect(&addresses, trace).await {
        // Dropping the stream closes it; nothing is sent.
        Ok(_stream) => Verdict::up(),
        Err(error) => Verdict::down(error),
    }
}

/// Connects to the first vetted address that accepts, in the resolver's order, and records the
/// time spent as the connect phase. Only these addresses are ever dialled.
pub(super) async fn connect(addresses: &[SocketAddr], trace: &mut Trace) -> Result<TcpStream, String> {
    let started = Instant::now();
    let mut last = String::from("no address to connect to");
    for address in addresses {
        match TcpStream::connect(address).await {
            Ok(stream) => {
                add_ms(&mut trace.phases.connect_ms, started);
                // Checks send a request and wait; Nagle would only add latency to the timing.
                let _ = stream.set_nodelay(true);
                return Ok(stream);
            }
            Err(error) => last = describe(&error),
        }
    }
    add_ms(&mut trace.phases.connect_ms, started);
    Err(last)
}

fn describe(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::ConnectionRefused => "connection refused".into(),
        io::ErrorKind::TimedOut => "connection timed out".into(),
        io::ErrorKind::HostUnreachable => "host unreachable".into(),
        io::ErrorKind::NetworkUnreachable => "network unreachable".into(),
        _ => format!("connection failed: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;
    use std::time::Duration;

    use hickory_resolver::proto::rr::RData;

    use super::super::testkit;
    use super::super::{CheckSpec, CheckStatus, ProbeConfig, Prober};

    const TIMEOUT: Duration = Duration::from_secs(10);

    fn tcp(host: &str, port: u16) -> CheckSpec {
        CheckSpec::Tcp { host: host.into(), port }
    }

    #[tokio::test]
    async fn an_open_port_is_up_and_a_closed_one_down() {
        let open = testkit::silent_server().await;
        let prober = Prober::new(testkit::config()).unwrap();
        let outcome = prober.check(&tcp("127.0.0.1", open.port()), TIMEOUT).await;
        assert_eq!((outcome.status, outcome.error.as_deref()), (CheckStatus::Up, None));
        assert!(outcome.phases.connect_ms.is_some());
        assert_eq!(outcome.phases.dns_ms, None);

        let closed = testkit::closed_port().await;
        let outcome = prober.check(&tcp("127.0.0.1", closed.port()), TIMEOUT).await;
        assert_eq!(
            (outcome.status, outcome.error.as_deref()),
            (CheckStatus::Down, Some("connection refused"))
        );
    }

    #[tokio::test]
    async fn names_are_resolved_through_the_configured_servers() {
        let open = testkit::silent_server().await;
        let dns =
            testkit::dns_server(vec![testkit::record("db.test.", RData::A(Ipv4Addr::LOCALHOST.into()))])
                .await;
        let prober = Prober::new(ProbeConfig { dns_nameservers: vec![dns], ..testkit::config() }).unwrap();
        let outcome = prober.check(&tcp("db.test", open.port()), TIMEOUT).await;
        assert_eq!(outcome.status, CheckStatus::Up, "{outcome:?}");
        assert!(outcome.phases.dns_ms.is_some() && outcome.phases.connect_ms.is_some());

        let outcome = prober.check(&tcp("missing.test", open.port()), TIMEOUT).await;
        assert_eq!(outcome.status, CheckStatus::Down);
        assert_eq!(outcome.error.as_deref(), Some("missing.test does not exist (NXDOMAIN)"));
    }

    #[tokio::test]
    async fn the_guard_refuses_loopback_in_any_spelling() {
        let open = testkit::silent_server().await;
        let prober = Prober::new(ProbeConfig { allow_private_targets: false, ..testkit::config() }).unwrap();
        for host in ["127.0.0.1", "2130706433", "0177.0.0.1", "::1", "[::ffff:127.0.0.1]"] {
            let outcome = prober.check(&tcp(host, open.port()), TIMEOUT).await;
            assert_eq!(outcome.status, CheckStatus::Down, "{host}");
            let error = outcome.error.unwrap();
            assert!(
                error.starts_with("refused target: ") && error.ends_with("is a loopback address"),
                "{error}"
            );
            assert_eq!(outcome.phases.connect_ms, None, "{host}: never connected");
        }
    }
}
