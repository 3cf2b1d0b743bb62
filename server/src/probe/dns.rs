//! DNS record checks against the configured (or system) name servers. The name servers are
//! operator configuration, so they are not vetted; the queried name is never connected to.

use std::time::Instant;

use hickory_resolver::proto::rr::{RData, RecordType};

use super::resolve::Resolver;
use super::{DnsRecordType, DnsSpec, Trace, Verdict, add_ms};

pub(super) async fn check(resolver: &Resolver, spec: &DnsSpec, trace: &mut Trace) -> Verdict {
    let record_type = match spec.record_type {
        DnsRecordType::A => RecordType::A,
        DnsRecordType::Aaaa => RecordType::AAAA,
        DnsRecordType::Cname => RecordType::CNAME,
        DnsRecordType::Mx => RecordType::MX,
        DnsRecordType::Txt => RecordType::TXT,
        DnsRecordType::Ns => RecordType::NS,
    };
    // A trailing dot makes the name absolute, so no search domain is appended.
    let name = format!("{}.", spec.name.trim().trim_end_matches('.'));
    let started = Instant::now();
    let lookup = resolver.records(&name, record_type).await;
    add_ms(&mut trace.phases.dns_ms, started);
    let lookup = match lookup {
        Ok(lookup) => lookup,
        Err(error) => return Verdict::down(error),
    };
    // The answer may carry the CNAME chain that led to the records: keep the asked type only.
    let values: Vec<Value> = lookup
        .answers()
        .iter()
        .filter(|record| record.record_type() == record_type)
        .filter_map(|record| Value::of(&record.data))
        .collect();
    if values.is_empty() {
        return Verdict::down(format!("no {} records for {}", spec.record_type, spec.name));
    }
    match &spec.expected {
        Some(expected) if !values.iter().any(|value| value.matches(expected)) => {
            let got: Vec<&str> = values.iter().map(|value| value.text.as_str()).collect();
            Verdict::down(format!("expected {} record {expected}, got {}", spec.record_type, got.join(", ")))
        }
        _ => Verdict::up(),
    }
}

/// A record's value as text, plus the MX exchange alone (an expectation may name just the host).
struct Value {
    text: String,
    host: Option<String>,
}

impl Value {
    fn of(data: &RData) -> Option<Self> {
        let name = |name: &hickory_resolver::proto::rr::Name| {
            name.to_ascii().trim_end_matches('.').to_ascii_lowercase()
        };
        let text = match data {
            RData::A(a) => a.0.to_string(),
            RData::AAAA(aaaa) => aaaa.0.to_string(),
            RData::CNAME(cname) => name(&cname.0),
            RData::NS(ns) => name(&ns.0),
            RData::MX(mx) => {
                let host = name(&mx.exchange);
                return Some(Self { text: format!("{} {host}", mx.preference), host: Some(host) });
            }
            RData::TXT(txt) => txt.txt_data.iter().map(|part| String::from_utf8_lossy(part)).collect(),
            _ => return None,
        };
        Some(Self { text, host: None })
    }

    /// Case-insensitive, trailing dot ignored; an MX matches "host" or "preference host".
    fn matches(&self, expected: &str) -> bool {
        let normal = |text: &str| text.trim().trim_end_matches('.').to_ascii_lowercase();
        let expected = normal(expected);
        // "10 mail.example.com." → "10 mail.example.com"; collapse inner spacing too.
        let expected = expected.split_whitespace().collect::<Vec<_>>().join(" ");
        normal(&self.text) == expected || self.host.as_deref().is_some_and(|host| normal(host) == expected)
    }
}

#[cfg(test)]
mod tests {
    use std::net::{Ipv4Addr, Ipv6Addr};
    use std::time::Duration;

    use hickory_resolver::proto::rr::rdata::{CNAME, MX, NS, TXT};
    use hickory_resolver::proto::rr::{Name, RData};

    use super::super::testkit::{self, record};
    use super::super::{CheckOutcome, CheckStatus, DnsSpec, ProbeConfig, Prober};

    async fn zone() -> Prober {
        let name = |text: &str| Name::from_ascii(text).unwrap();
        let dns = testkit::dns_server(vec![
            record("example.test.", RData::A(Ipv4Addr::new(93, 184, 216, 34).into())),
            record("example.test.", RData::A(Ipv4Addr::new(93, 184, 216, 35).into())),
            record("example.test.", RData::AAAA(Ipv6Addr::new(0x2606, 0x2800, 0, 0, 0, 0, 0, 1).into())),
            record("example.test.", RData::MX(MX::new(10, name("Mail.Example.test.")))),
            record("example.test.", RData::TXT(TXT::new(vec!["v=spf1 -all".into()]))),
            record("example.test.", RData::NS(NS(name("ns1.example.test.")))),
            record("www.example.test.", RData::CNAME(CNAME(name("example.test.")))),
        ])
        .await;
        Prober::new(ProbeConfig { dns_nameservers: vec![dns], ..testkit::config() }).unwrap()
    }

    async fn query(prober: &Prober, name: &str, record_type: &str, expected: Option<&str>) -> CheckOutcome {
        let spec = DnsSpec {
            name: name.into(),
            record_type: record_type.parse().unwrap(),
            expected: expected.map(str::to_owned),
        };
        prober.check(&super::super::CheckSpec::Dns(spec), Duration::from_secs(10)).await
    }

    #[tokio::test]
    async fn records_that_exist_are_up_and_match_loosely() {
        let prober = zone().await;
        let up = [
            ("example.test", "A", None),
            ("example.test", "A", Some("93.184.216.35")),
            ("EXAMPLE.test.", "AAAA", Some("2606:2800::1")),
            ("example.test", "MX", Some("mail.example.test")),
            ("example.test", "MX", Some("10 MAIL.EXAMPLE.TEST.")),
            ("example.test", "TXT", Some("v=spf1 -all")),
            ("example.test", "NS", Some("ns1.example.test.")),
            ("www.example.test", "CNAME", Some("example.test")),
        ];
        for (name, record_type, expected) in up {
            let outcome = query(&prober, name, record_type, expected).await;
            assert_eq!(outcome.status, CheckStatus::Up, "{name} {record_type} {expected:?}: {outcome:?}");
            assert!(outcome.phases.dns_ms.is_some());
        }
    }

    #[tokio::test]
    async fn a_wrong_missing_or_nonexistent_answer_is_down() {
        let prober = zone().await;
        let outcome = query(&prober, "example.test", "A", Some("1.2.3.4")).await;
        assert_eq!(outcome.status, CheckStatus::Down);
        assert_eq!(
            outcome.error.as_deref(),
            Some("expected A record 1.2.3.4, got 93.184.216.34, 93.184.216.35")
        );

        let outcome = query(&prober, "example.test", "MX", Some("20 mail.example.test")).await;
        assert_eq!(
            outcome.error.as_deref(),
            Some("expected MX record 20 mail.example.test, got 10 mail.example.test")
        );

        let outcome = query(&prober, "nope.example.test", "A", None).await;
        assert_eq!(outcome.error.as_deref(), Some("nope.example.test does not exist (NXDOMAIN)"));

        // The name exists but has no record of this type.
        let outcome = query(&prober, "www.example.test", "TXT", None).await;
        assert_eq!(outcome.status, CheckStatus::Down);
        assert_eq!(outcome.error.as_deref(), Some("no records for www.example.test"));
    }

    #[tokio::test]
    async fn an_unreachable_name_server_is_down_within_the_timeout() {
        let silent = tokio::net::UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
        let address = silent.local_addr().unwrap();
        let prober =
            Prober::new(ProbeConfig { dns_nameservers: vec![address], ..testkit::config() }).unwrap();
        let spec =
            DnsSpec { name: "example.test".into(), record_type: super::DnsRecordType::A, expected: None };
        let outcome = prober.check(&super::super::CheckSpec::Dns(spec), Duration::from_millis(300)).await;
        assert_eq!(outcome.status, CheckStatus::Down);
        assert_eq!(outcome.error.as_deref(), Some("timed out after 300ms"));
        drop(silent);
    }
}
