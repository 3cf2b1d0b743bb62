//! The client's IP address: the TCP peer, or the right-most untrusted `X-Forwarded-For` hop when
//! the peer is one of `TRUSTED_PROXIES`. The left-most entry is whatever the client wrote, so it
//! is never believed on its own.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

pub async fn resolve(
    State(trusted): State<Arc<Vec<IpNet>>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    mut request: Request,
    next: Next,
) -> Response {
    let forwarded = request
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    let ip = client_ip(peer.ip(), &forwarded, &trusted);
    request.extensions_mut().insert(ClientIp(ip));
    next.run(request).await
}

pub fn client_ip(peer: IpAddr, forwarded_for: &str, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let hops: Vec<IpAddr> =
        forwarded_for.split(',').filter_map(|hop| hop.trim().parse::<IpAddr>().ok()).collect();
    hops.iter().rev().find(|hop| !is_trusted(hop)).or(hops.first()).copied().unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_peers() {
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        // Untrusted peer: header ignored, whatever it says.
        assert_eq!(client_ip(ip("203.0.113.9"), "1.2.3.4", &trusted), ip("203.0.113.9"));
        // Trusted proxy: the right-most untrusted hop is the client; spoofed left entries lose.
        assert_eq!(client_ip(ip("10.0.0.2"), "6.6.6.6, 198.51.100.7", &trusted), ip("198.51.100.7"));
        assert_eq!(client_ip(ip("10.0.0.2"), "198.51.100.7, 10.0.0.3", &trusted), ip("198.51.100.7"));
        // Trusted proxy without a usable header: the peer.
        assert_eq!(client_ip(ip("10.0.0.2"), "garbage", &trusted), ip("10.0.0.2"));
        assert_eq!(client_ip(ip("10.0.0.2"), "", &[]), ip("10.0.0.2"));
    }
}
