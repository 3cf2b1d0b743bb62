//! The SSRF policy: which addresses a tenant's check may reach. Written by hand on purpose — it is
//! the one piece of this layer whose every line is a security decision, and it is small.
//!
//! It works on addresses, never on names: callers resolve first, vet every address, and connect
//! to the vetted address itself, so a name cannot change its answer between vetting and
//! connecting (DNS rebinding). IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64,
//! 6to4) are judged by the embedded IPv4 address.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// A target address the policy refuses. Displays as "10.0.0.1 is a private address".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetRefused {
    pub address: IpAddr,
    pub reason: &'static str,
}

impl fmt::Display for TargetRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is {}", self.address, self.reason)
    }
}

impl std::error::Error for TargetRefused {}

/// `Ok` when a check may connect to `address`.
pub fn vet(address: IpAddr) -> Result<(), TargetRefused> {
    let reason = match address {
        IpAddr::V4(v4) => refusal_v4(v4),
        IpAddr::V6(v6) => refusal_v6(v6),
    };
    match reason {
        Some(reason) => Err(TargetRefused { address, reason }),
        None => Ok(()),
    }
}

/// Parses a host the way URLs do (`url::Host::parse`), so every spelling of an IPv4 literal
/// (`2130706433`, `0177.0.0.1`, `0x7f.1`, `127.1`) is normalised. Bare IPv6 (`::1`, as a TCP
/// host is written) and bracketed IPv6 (`[::1]`, as in a URL) are both accepted. Returns the
/// literal address, or `None` for a domain name (which must be resolved, then vetted).
pub fn ip_literal(host: &str) -> Option<IpAddr> {
    if let Ok(v6) = host.parse::<Ipv6Addr>() {
        return Some(IpAddr::V6(v6));
    }
    match url::Host::parse(host).ok()? {
        url::Host::Ipv4(v4) => Some(IpAddr::V4(v4)),
        url::Host::Ipv6(v6) => Some(IpAddr::V6(v6)),
        url::Host::Domain(_) => None,
    }
}

const PRIVATE: &str = "a private address";
const LOOPBACK: &str = "a loopback address";
const LINK_LOCAL: &str = "a link-local address";
const METADATA: &str = "a cloud metadata address";
const RESERVED: &str = "a reserved address";

fn in_v4(address: Ipv4Addr, network: [u8; 4], prefix: u32) -> bool {
    let mask = u32::MAX.checked_shl(32 - prefix).unwrap_or(0);
    u32::from(address) & mask == u32::from(Ipv4Addr::from(network)) & mask
}

fn in_v6(address: Ipv6Addr, network: Ipv6Addr, prefix: u32) -> bool {
    let mask = u128::MAX.checked_shl(128 - prefix).unwrap_or(0);
    u128::from(address) & mask == u128::from(network) & mask
}

fn refusal_v4(address: Ipv4Addr) -> Option<&'static str> {
    // Order matters only for the message: the most specific reason first.
    let table: &[([u8; 4], u32, &'static str)] = &[
        ([169, 254, 169, 254], 32, METADATA),
        ([255, 255, 255, 255], 32, "a broadcast address"),
        ([0, 0, 0, 0], 32, "an unspecified address"),
        ([0, 0, 0, 0], 8, "a \"this network\" address"),
        ([127, 0, 0, 0], 8, LOOPBACK),
        ([10, 0, 0, 0], 8, PRIVATE),
        ([172, 16, 0, 0], 12, PRIVATE),
        ([192, 168, 0, 0], 16, PRIVATE),
        ([169, 254, 0, 0], 16, LINK_LOCAL),
        ([100, 64, 0, 0], 10, "a shared (CGNAT) address"),
        ([198, 18, 0, 0], 15, "a benchmarking address"),
        ([224, 0, 0, 0], 4, "a multicast address"),
        ([240, 0, 0, 0], 4, RESERVED),
        // IETF protocol assignments (incl. 192.0.0.170/171 NAT64 discovery) and the three
        // documentation networks: never a legitimate public target.
        ([192, 0, 0, 0], 24, RESERVED),
        ([192, 0, 2, 0], 24, RESERVED),
        ([198, 51, 100, 0], 24, RESERVED),
        ([203, 0, 113, 0], 24, RESERVED),
    ];
    table.iter().find(|(network, prefix, _)| in_v4(address, *network, *prefix)).map(|(_, _, reason)| *reason)
}

fn refusal_v6(address: Ipv6Addr) -> Option<&'static str> {
    let v6 = |text: &str| text.parse::<Ipv6Addr>().unwrap_or(Ipv6Addr::UNSPECIFIED);
    if address.is_unspecified() {
        return Some("an unspecified address");
    }
    if address.is_loopback() {
        return Some(LOOPBACK);
    }
    // AWS's IPv6 instance metadata endpoint; inside fc00::/7, named for a clearer message.
    if address == v6("fd00:ec2::254") {
        return Some(METADATA);
    }
    let segments = address.segments();
    let octets = address.octets();
    let embedded = |at: usize| Ipv4Addr::new(octets[at], octets[at + 1], octets[at + 2], octets[at + 3]);
    // ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (well-known NAT64 prefix): the packet ends up
    // at the embedded IPv4 address, so that address is the one to judge.
    if in_v6(address, v6("::ffff:0:0"), 96) || in_v6(address, v6("64:ff9b::"), 96) {
        return refusal_v4(embedded(12));
    }
    // ::a.b.c.d, the deprecated IPv4-compatible form (:: and ::1 were handled above).
    if segments[..6] == [0; 6] {
        return refusal_v4(embedded(12)).or(Some(RESERVED));
    }
    // 6to4 (2002:AABB:CCDD::/48) routes to the IPv4 address in bits 16..48.
    if segments[0] == 0x2002 {
        return refusal_v4(embedded(2));
    }
    let table: &[(&str, u32, &'static str)] = &[
        ("64:ff9b:1::", 48, PRIVATE), // local-use NAT64 (RFC 8215)
        ("fc00::", 7, PRIVATE),       // unique local addresses
        ("fe80::", 10, LINK_LOCAL),
        ("fec0::", 10, RESERVED), // deprecated site-local
        ("ff00::", 8, "a multicast address"),
        ("2001:db8::", 32, RESERVED), // documentation
        ("100::", 64, RESERVED),      // discard-only
    ];
    table
        .iter()
        .find(|(network, prefix, _)| in_v6(address, v6(network), *prefix))
        .map(|(_, _, reason)| *reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Host as typed → the address and reason it is refused with (`None`: allowed).
    const TABLE: &[(&str, Option<(&str, &str)>)] = &[
        // IPv4 loopback in every spelling url::Host::parse normalises.
        ("127.0.0.1", Some(("127.0.0.1", LOOPBACK))),
        ("127.1", Some(("127.0.0.1", LOOPBACK))),
        ("2130706433", Some(("127.0.0.1", LOOPBACK))),
        ("0177.0.0.1", Some(("127.0.0.1", LOOPBACK))),
        ("0x7f.0.0.1", Some(("127.0.0.1", LOOPBACK))),
        ("0x7f000001", Some(("127.0.0.1", LOOPBACK))),
        ("127.255.255.254", Some(("127.255.255.254", LOOPBACK))),
        // RFC 1918.
        ("10.0.0.1", Some(("10.0.0.1", PRIVATE))),
        ("012.0.0.1", Some(("10.0.0.1", PRIVATE))),
        ("167772161", Some(("10.0.0.1", PRIVATE))),
        ("172.16.0.1", Some(("172.16.0.1", PRIVATE))),
        ("172.31.255.255", Some(("172.31.255.255", PRIVATE))),
        ("192.168.1.1", Some(("192.168.1.1", PRIVATE))),
        ("0xc0.0xa8.1.1", Some(("192.168.1.1", PRIVATE))),
        // Link-local and metadata.
        ("169.254.169.254", Some(("169.254.169.254", METADATA))),
        ("2852039166", Some(("169.254.169.254", METADATA))),
        ("169.254.1.1", Some(("169.254.1.1", LINK_LOCAL))),
        // The rest of the special IPv4 ranges.
        ("100.64.0.1", Some(("100.64.0.1", "a shared (CGNAT) address"))),
        ("100.127.255.255", Some(("100.127.255.255", "a shared (CGNAT) address"))),
        ("224.0.0.1", Some(("224.0.0.1", "a multicast address"))),
        ("239.255.255.250", Some(("239.255.255.250", "a multicast address"))),
        ("0.0.0.0", Some(("0.0.0.0", "an unspecified address"))),
        ("0", Some(("0.0.0.0", "an unspecified address"))),
        ("0.1.2.3", Some(("0.1.2.3", "a \"this network\" address"))),
        ("255.255.255.255", Some(("255.255.255.255", "a broadcast address"))),
        ("240.0.0.1", Some(("240.0.0.1", RESERVED))),
        ("198.18.0.1", Some(("198.18.0.1", "a benchmarking address"))),
        ("198.19.255.255", Some(("198.19.255.255", "a benchmarking address"))),
        ("192.0.2.1", Some(("192.0.2.1", RESERVED))),
        ("192.0.0.170", Some(("192.0.0.170", RESERVED))),
        // IPv6, bare and bracketed.
        ("::1", Some(("::1", LOOPBACK))),
        ("[::1]", Some(("::1", LOOPBACK))),
        ("[0:0:0:0:0:0:0:1]", Some(("::1", LOOPBACK))),
        ("::", Some(("::", "an unspecified address"))),
        ("[fc00::1]", Some(("fc00::1", PRIVATE))),
        ("fd12:3456::1", Some(("fd12:3456::1", PRIVATE))),
        ("[fd00:ec2::254]", Some(("fd00:ec2::254", METADATA))),
        ("fe80::1", Some(("fe80::1", LINK_LOCAL))),
        ("febf::1", Some(("febf::1", LINK_LOCAL))),
        ("fec0::1", Some(("fec0::1", RESERVED))),
        ("ff02::1", Some(("ff02::1", "a multicast address"))),
        ("2001:db8::1", Some(("2001:db8::1", RESERVED))),
        // IPv4 inside IPv6: judged by the IPv4 address.
        ("[::ffff:127.0.0.1]", Some(("::ffff:127.0.0.1", LOOPBACK))),
        ("::ffff:7f00:1", Some(("::ffff:127.0.0.1", LOOPBACK))),
        ("[::ffff:10.0.0.1]", Some(("::ffff:10.0.0.1", PRIVATE))),
        ("::ffff:169.254.169.254", Some(("::ffff:169.254.169.254", METADATA))),
        ("64:ff9b::10.0.0.1", Some(("64:ff9b::a00:1", PRIVATE))),
        ("[64:ff9b::7f00:1]", Some(("64:ff9b::7f00:1", LOOPBACK))),
        ("64:ff9b::a9fe:a9fe", Some(("64:ff9b::a9fe:a9fe", METADATA))),
        ("64:ff9b:1::1", Some(("64:ff9b:1::1", PRIVATE))),
        ("::10.0.0.1", Some(("::a00:1", PRIVATE))),
        ("::8.8.8.8", Some(("::808:808", RESERVED))),
        ("2002:0a00:0001::1", Some(("2002:a00:1::1", PRIVATE))),
        ("2002:7f00:1::", Some(("2002:7f00:1::", LOOPBACK))),
        // Public addresses pass, in any spelling, and mapped/NAT64 forms of them too.
        ("8.8.8.8", None),
        ("134744072", None),
        ("1.1.1.1", None),
        ("172.32.0.1", None),
        ("100.128.0.1", None),
        ("198.20.0.1", None),
        ("169.253.255.255", None),
        ("2606:4700:4700::1111", None),
        ("[2a00:1450:4001:80b::200e]", None),
        ("::ffff:8.8.8.8", None),
        ("64:ff9b::808:808", None),
        ("2002:0808:0808::1", None),
    ];

    #[test]
    fn every_spelling_is_classified_by_the_address_it_means() {
        let mut wrong = Vec::new();
        for (host, expected) in TABLE {
            let Some(address) = ip_literal(host) else {
                wrong.push(format!("{host}: not parsed as an address"));
                continue;
            };
            let got = vet(address).err().map(|refused| (refused.address.to_string(), refused.reason));
            let expected = expected.map(|(address, reason)| (address.to_owned(), reason));
            if got != expected {
                wrong.push(format!("{host}: expected {expected:?}, got {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn names_are_not_literals() {
        for host in ["example.com", "localhost", "127.0.0.1.nip.io", "xn--nxasmq6b.com", "metadata"] {
            assert_eq!(ip_literal(host), None, "{host}");
        }
    }

    #[test]
    fn the_refusal_reads_as_a_sentence() {
        let refused = vet("10.0.0.1".parse().unwrap()).unwrap_err();
        assert_eq!(refused.to_string(), "10.0.0.1 is a private address");
    }
}
