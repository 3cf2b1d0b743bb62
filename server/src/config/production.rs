//! The rules that only production enforces: real secrets, real hostnames, real mail.

use url::{Host, Url};

use super::ConfigProblems;
use super::dev_secrets::DEV_SECRET_PREFIX;

pub const MIN_SECRET_LEN: usize = 32;

/// Well-known placeholder secrets that must never reach production.
const DEFAULT_SECRETS: &[&str] =
    &["changeme", "change-me", "change_me", "secret", "password", "jwt-secret", "your-secret-here"];

pub struct Inputs<'a> {
    pub jwt_secret: Option<&'a str>,
    pub secrets_key: Option<&'a str>,
    pub database_url: Option<&'a str>,
    pub base_domain: Option<&'a str>,
    pub public_url: Option<&'a Url>,
    pub smtp_url: Option<&'a str>,
    pub trusted_proxies_set: bool,
}

pub fn check(problems: &mut ConfigProblems, inputs: Inputs<'_>) {
    check_secret(problems, "JWT_SECRET", inputs.jwt_secret);
    check_secret(problems, "SECRETS_KEY", inputs.secrets_key);
    if let (Some(jwt), Some(key)) = (inputs.jwt_secret, inputs.secrets_key)
        && jwt == key
    {
        problems.push("SECRETS_KEY", "must differ from JWT_SECRET");
    }
    if inputs.database_url.is_none() {
        problems.push("DATABASE_URL", "required in production (e.g. postgres://user:pass@host/beacon)");
    }
    match inputs.base_domain {
        None => problems.push("BASE_DOMAIN", "required in production (tenants live at <slug>.<BASE_DOMAIN>)"),
        Some(domain) => {
            if let Some(why) = unreal_host(domain) {
                problems.push("BASE_DOMAIN", format!("{domain:?} is not a real domain: {why}"));
            }
        }
    }
    match inputs.public_url {
        None => problems.push("PUBLIC_URL", "required in production (e.g. https://status.example.org)"),
        Some(url) => {
            if url.scheme() != "https" {
                problems.push("PUBLIC_URL", "must use https in production");
            }
            match url.host_str() {
                Some(host) => {
                    if let Some(why) = unreal_host(host) {
                        problems.push("PUBLIC_URL", format!("host {host:?} is not real: {why}"));
                    }
                }
                None => problems.push("PUBLIC_URL", "has no host"),
            }
        }
    }
    if inputs.smtp_url.is_none() {
        problems.push("SMTP_URL", "required in production (smtp:// or smtps://user:pass@host:port)");
    }
    if !inputs.trusted_proxies_set {
        problems.push(
            "TRUSTED_PROXIES",
            "required in production: the proxy addresses (e.g. 10.0.0.0/8) or `none` when clients connect directly",
        );
    }
}

/// A secret that production requires: set, not generated, not a default, long enough.
fn check_secret(problems: &mut ConfigProblems, name: &'static str, secret: Option<&str>) {
    match secret {
        None => problems.push(name, "required in production"),
        Some(secret) if secret.starts_with(DEV_SECRET_PREFIX) => {
            problems.push(name, "is a generated development secret; set a real one")
        }
        Some(secret) if is_default_secret(secret) => {
            problems.push(name, "is a well-known default value; generate a random one")
        }
        Some(secret) if secret.len() < MIN_SECRET_LEN => problems
            .push(name, format!("is {} characters; at least {MIN_SECRET_LEN} are required", secret.len())),
        Some(_) => {}
    }
}

fn is_default_secret(secret: &str) -> bool {
    let lower = secret.to_ascii_lowercase();
    DEFAULT_SECRETS.iter().any(|default| lower == *default || lower.contains("changeme"))
        || secret.chars().all(|c| secret.starts_with(c))
}

/// Why a hostname cannot be a production domain, if it cannot.
fn unreal_host(host: &str) -> Option<&'static str> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    match Host::parse(&host) {
        Err(_) => return Some("not a valid hostname"),
        Ok(Host::Ipv4(_) | Host::Ipv6(_)) => return Some("an IP address, not a domain"),
        Ok(Host::Domain(_)) => {}
    }
    if !host.contains('.') {
        return Some("a single label (no dot)");
    }
    const RESERVED_SUFFIXES: &[&str] = &["localhost", "local", "test", "example", "invalid", "internal"];
    let tld = host.rsplit('.').next().unwrap_or_default();
    if RESERVED_SUFFIXES.contains(&tld) {
        return Some("a reserved top-level domain");
    }
    let registrable = host.rsplitn(3, '.').take(2).collect::<Vec<_>>().join(".");
    if ["com.example", "net.example", "org.example"].contains(&registrable.as_str()) {
        return Some("a documentation example domain");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_hosts_are_refused_and_real_ones_accepted() {
        for host in [
            "localhost",
            "acme.localhost",
            "127.0.0.1",
            "beacon",
            "example.com",
            "status.example.org",
            "x.test",
            "a.local",
        ] {
            assert!(unreal_host(host).is_some(), "{host} should be refused");
        }
        for host in ["beacon.io", "status.acme-corp.com", "uptime.example.co.uk"] {
            assert_eq!(unreal_host(host), None, "{host} should be accepted");
        }
    }

    #[test]
    fn weak_secrets_are_refused() {
        for secret in
            ["changeme", "CHANGEME-please-changeme-now-12345678", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]
        {
            assert!(is_default_secret(secret), "{secret}");
        }
        assert!(!is_default_secret("k2v8Qf0sZ7wL1xR4mN6pT9bC3dE5gH8j"));
    }
}
