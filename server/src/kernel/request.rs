//! Facts about the request an operation came in on. Built once at the HTTP edge; services read
//! it for the audit trail and for host-bound decisions. Background work has no request.

use std::net::IpAddr;

#[derive(Debug, Clone)]
pub struct RequestMeta {
    pub request_id: String,
    pub client_ip: IpAddr,
    /// The raw `Cookie` header (the refresh token travels in a cookie).
    pub cookies: Option<String>,
    pub user_agent: Option<String>,
    /// The `Host` header without its port, lower-cased, without a trailing dot.
    pub host: Option<String>,
}
