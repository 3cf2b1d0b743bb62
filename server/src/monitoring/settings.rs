//! What each kind of monitor checks, as stored (the `settings` JSON column) and as parsed from
//! input. Parse, don't validate: [`Settings::parse`] turns raw input into settings whose every
//! part converts to a [`CheckSpec`]; the scheduler converts again on each check, so a stored row
//! that no longer parses (a future format change) fails its check instead of crashing.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use url::Url;

use super::cron::{CronSchedule, parse_cron, parse_time_zone};

use crate::kernel::FieldErrors;
use crate::kernel::input::single_line;
use crate::probe::{
    CheckSpec, Comparison, DnsRecordType, DnsSpec, HttpMethod, HttpSpec, JsonAssertion, JsonPath, Keyword,
    StatusRange,
};

pub const MAX_HEADERS: usize = 20;
pub const MAX_BODY_BYTES: usize = 64 * 1024;
pub const MAX_URL_CHARS: usize = 2048;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Settings {
    Http(HttpSettings),
    Tcp(HostPort),
    Dns(DnsSettings),
    Tls(TlsSettings),
    Heartbeat(HeartbeatSettings),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpSettings {
    pub url: String,
    pub method: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
    /// `200`, `200-299`, `2xx`; empty means 200–399.
    pub expected_status: Vec<String>,
    pub follow_redirects: bool,
    pub verify_tls: bool,
    pub keyword: Option<String>,
    /// The keyword must be absent rather than present.
    pub keyword_absent: bool,
    pub json_path: Option<String>,
    pub json_comparison: Option<String>,
    pub json_value: Option<String>,
    pub tls_warn_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostPort {
    pub host: String,
    pub port: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsSettings {
    pub name: String,
    pub record_type: String,
    pub expected: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TlsSettings {
    pub host: String,
    pub port: u16,
    pub warn_days: u32,
}

/// A heartbeat is expected every `interval_seconds` (the monitor's interval), or at each run
/// of `cron` read in `time_zone`; it is late `grace_seconds` after that.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeartbeatSettings {
    pub grace_seconds: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cron: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
}

/// A ping this close before a planned run counts for that run (the job's clock or its start
/// may run a little early).
const EARLY_PING_SECONDS: i64 = 60;

impl HeartbeatSettings {
    fn schedule(&self) -> Option<CronSchedule> {
        let cron = self.cron.as_deref()?;
        CronSchedule::parse(cron, self.time_zone.as_deref().unwrap_or("UTC")).ok()
    }

    /// When the monitor is late if no ping arrives after one at `at` (or after it was created
    /// or missed a deadline at `at`): the next expected run plus grace.
    pub fn deadline_after(&self, interval_seconds: i32, at: DateTime<Utc>) -> DateTime<Utc> {
        let grace = Duration::seconds(i64::from(self.grace_seconds));
        let next_run = match self.schedule() {
            Some(schedule) => schedule
                .next_after(at + Duration::seconds(EARLY_PING_SECONDS))
                .unwrap_or(at + Duration::days(366)),
            None => at + Duration::seconds(i64::from(interval_seconds)),
        };
        next_run + grace
    }

    /// How the expectation reads in an error: "every 300 s" or "on `0 2 * * *` (Europe/Berlin)".
    pub fn expectation(&self, interval_seconds: i32) -> String {
        match &self.cron {
            Some(cron) => format!(
                "on `{cron}` ({}) with {} s grace",
                self.time_zone.as_deref().unwrap_or("UTC"),
                self.grace_seconds
            ),
            None => format!("every {interval_seconds} s with {} s grace", self.grace_seconds),
        }
    }
}

impl Settings {
    /// From the stored JSON.
    pub fn from_json(raw: &str) -> Result<Self, String> {
        serde_json::from_str(raw).map_err(|err| format!("stored settings do not parse: {err}"))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// What lists show and search: the URL, `host:port`, the DNS name.
    pub fn target(&self) -> String {
        match self {
            Settings::Http(http) => http.url.clone(),
            Settings::Tcp(HostPort { host, port }) | Settings::Tls(TlsSettings { host, port, .. }) => {
                format!("{host}:{port}")
            }
            Settings::Dns(dns) => format!("{} {}", dns.record_type, dns.name),
            Settings::Heartbeat(_) => String::new(),
        }
    }

    /// The outbound check these settings describe; `None` for heartbeats (nothing is fetched).
    /// Errors are filed under `<prefix>.<field>` (e.g. `http.url`).
    pub fn check_spec(&self, errors: &mut FieldErrors) -> Option<CheckSpec> {
        match self {
            Settings::Http(http) => http.spec(errors).map(CheckSpec::Http),
            Settings::Tcp(HostPort { host, port }) => {
                let host = errors.check("tcp.host", parse_host(host))?;
                let port = errors.check("tcp.port", parse_port(*port))?;
                Some(CheckSpec::Tcp { host, port })
            }
            Settings::Dns(dns) => {
                let name = errors.check("dns.name", parse_dns_name(&dns.name));
                let record_type = errors.check("dns.recordType", dns.record_type.parse::<DnsRecordType>());
                let expected = errors.check("dns.expected", optional_line(dns.expected.as_deref(), 255));
                Some(CheckSpec::Dns(DnsSpec { name: name?, record_type: record_type?, expected: expected? }))
            }
            Settings::Tls(tls) => {
                let host = errors.check("tls.host", parse_host(&tls.host));
                let port = errors.check("tls.port", parse_port(tls.port));
                let warn_days = errors.check("tls.warnDays", parse_warn_days(tls.warn_days));
                Some(CheckSpec::Tls { host: host?, port: port?, warn_days: warn_days? })
            }
            Settings::Heartbeat(beat) => {
                errors.check("heartbeat.graceSeconds", parse_grace(beat.grace_seconds));
                if let Some(cron) = &beat.cron {
                    errors.check("heartbeat.cron", parse_cron(cron));
                }
                if let Some(zone) = &beat.time_zone {
                    errors.check("heartbeat.timeZone", parse_time_zone(zone));
                }
                None
            }
        }
    }
}

impl HttpSettings {
    fn spec(&self, errors: &mut FieldErrors) -> Option<HttpSpec> {
        let url = errors.check("http.url", parse_url(&self.url));
        let method = errors.check("http.method", self.method.parse::<HttpMethod>());
        let headers = errors.check("http.headers", parse_headers(&self.headers));
        let body = errors.check(
            "http.body",
            match &self.body {
                Some(body) if body.len() > MAX_BODY_BYTES => Err("must be at most 64 KiB".to_owned()),
                body => Ok(body.clone()),
            },
        );
        let mut expected_status = Some(Vec::new());
        for (index, raw) in self.expected_status.iter().enumerate() {
            let parsed =
                errors.check(&format!("http.expectedStatus[{index}]"), raw.trim().parse::<StatusRange>());
            match (parsed, expected_status.as_mut()) {
                (Some(range), Some(ranges)) => ranges.push(range),
                _ => expected_status = None,
            }
        }
        let keyword = errors.check("http.keyword", optional_line(self.keyword.as_deref(), 200));
        let json_assertion = self.json_assertion(errors);
        let tls_warn_days = errors.check("http.tlsWarnDays", parse_warn_days(self.tls_warn_days));
        Some(HttpSpec {
            url: url?,
            method: method?,
            headers: headers?,
            body: body?,
            expected_status: expected_status?,
            follow_redirects: self.follow_redirects,
            verify_tls: self.verify_tls,
            keyword: keyword?.map(|text| Keyword { text, present: !self.keyword_absent }),
            json_assertion: json_assertion?,
            tls_warn_days: tls_warn_days?,
        })
    }

    /// `Some(None)` when no assertion is set; `None` when it does not parse.
    fn json_assertion(&self, errors: &mut FieldErrors) -> Option<Option<JsonAssertion>> {
        let Some(path) = self.json_path.as_deref().map(str::trim).filter(|path| !path.is_empty()) else {
            return Some(None);
        };
        let path = errors.check("http.jsonPath", JsonPath::parse(path));
        let op = errors.check(
            "http.jsonComparison",
            self.json_comparison.as_deref().unwrap_or("exists").trim().parse::<Comparison>(),
        );
        let value = errors.check("http.jsonValue", optional_line(self.json_value.as_deref(), 500));
        Some(Some(JsonAssertion { path: path?, op: op?, value: value?.unwrap_or_default() }))
    }
}

/// An absolute `http` or `https` URL with a host and no credentials.
pub fn parse_url(raw: &str) -> Result<Url, String> {
    let raw = single_line(raw.trim())?;
    if raw.chars().count() > MAX_URL_CHARS {
        return Err(format!("must be at most {MAX_URL_CHARS} characters"));
    }
    let url = Url::parse(raw)
        .map_err(|_| "must be an absolute URL such as https://example.com/health".to_owned())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("must start with http:// or https://".into());
    }
    if url.host().is_none() {
        return Err("must name a host".into());
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("may not contain credentials; send an Authorization header instead".into());
    }
    Ok(url)
}

/// A host name or an IP address, normalised the way URLs are (so `0177.0.0.1` is `127.0.0.1`).
pub fn parse_host(raw: &str) -> Result<String, String> {
    let raw = single_line(raw.trim())?;
    let host = raw.strip_prefix('[').and_then(|inner| inner.strip_suffix(']')).unwrap_or(raw);
    if host.is_empty() {
        return Err("is required".into());
    }
    if host.contains(':') {
        return host
            .parse::<std::net::Ipv6Addr>()
            .map(|ip| ip.to_string())
            .map_err(|_| "must be a host name or an IP address".into());
    }
    match url::Host::parse(host) {
        Ok(url::Host::Domain(domain)) if valid_domain(&domain) => Ok(domain),
        Ok(url::Host::Ipv4(ip)) => Ok(ip.to_string()),
        Ok(url::Host::Ipv6(ip)) => Ok(ip.to_string()),
        _ => Err("must be a host name or an IP address".into()),
    }
}

fn valid_domain(domain: &str) -> bool {
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    !domain.is_empty()
        && domain.len() <= 253
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

fn parse_dns_name(raw: &str) -> Result<String, String> {
    let name = single_line(raw.trim())?.to_ascii_lowercase();
    let ascii = url::Host::parse(&name).map_err(|_| "must be a domain name".to_owned())?;
    match ascii {
        url::Host::Domain(domain) if valid_domain(&domain) => Ok(domain),
        _ => Err("must be a domain name".into()),
    }
}

fn parse_port(port: u16) -> Result<u16, String> {
    if port == 0 { Err("must be between 1 and 65535".into()) } else { Ok(port) }
}

fn parse_warn_days(days: u32) -> Result<u32, String> {
    if days > 365 { Err("must be between 0 and 365".into()) } else { Ok(days) }
}

fn parse_grace(seconds: u32) -> Result<u32, String> {
    if !(0..=86_400 * 7).contains(&seconds) {
        Err("must be between 0 and 604800".into())
    } else {
        Ok(seconds)
    }
}

fn optional_line(raw: Option<&str>, max_chars: usize) -> Result<Option<String>, String> {
    let Some(raw) = raw else { return Ok(None) };
    let text = single_line(raw)?;
    if text.chars().count() > max_chars {
        return Err(format!("must be at most {max_chars} characters"));
    }
    Ok(if text.trim().is_empty() { None } else { Some(text.to_owned()) })
}

fn parse_headers(headers: &[(String, String)]) -> Result<Vec<(String, String)>, String> {
    if headers.len() > MAX_HEADERS {
        return Err(format!("at most {MAX_HEADERS} headers"));
    }
    headers
        .iter()
        .map(|(name, value)| {
            let name = name.trim();
            let token = !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c));
            if !token {
                return Err(format!("{name:?} is not a header name"));
            }
            let value = single_line(value).map_err(|message| format!("{name}: {message}"))?;
            if value.len() > 4096 {
                return Err(format!("{name}: the value must be at most 4096 bytes"));
            }
            Ok((name.to_owned(), value.trim().to_owned()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_normalised_and_junk_refused() {
        assert_eq!(parse_host(" Example.COM ").unwrap(), "example.com");
        assert_eq!(parse_host("0177.0.0.1").unwrap(), "127.0.0.1");
        assert_eq!(parse_host("2130706433").unwrap(), "127.0.0.1");
        assert_eq!(parse_host("[::1]").unwrap(), "::1");
        for bad in ["", "a b", "exa mple.com", "x\u{0}y", "-:-", "a..b"] {
            assert!(parse_host(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn urls_must_be_http_with_a_host_and_no_credentials() {
        assert!(parse_url("https://example.com/health").is_ok());
        for bad in [
            "example.com",
            "ftp://example.com",
            "https://user:pw@example.com/", // pragma: allowlist secret
            "http://",
            "javascript:alert(1)",
        ] {
            assert!(parse_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn settings_round_trip_through_json() {
        let settings = Settings::Tcp(HostPort { host: "db.example.com".into(), port: 5432 });
        assert_eq!(Settings::from_json(&settings.to_json()).unwrap(), settings);
        assert_eq!(settings.target(), "db.example.com:5432");
        assert!(Settings::from_json("{\"kind\":\"ftp\"}").is_err());
    }

    #[test]
    fn every_bad_http_field_is_named() {
        let http = HttpSettings {
            url: "nope".into(),
            method: "FETCH".into(),
            headers: vec![("Bad Header".into(), "x".into())],
            body: None,
            expected_status: vec!["200".into(), "99x".into()],
            follow_redirects: true,
            verify_tls: true,
            keyword: None,
            keyword_absent: false,
            json_path: None,
            json_comparison: None,
            json_value: None,
            tls_warn_days: 400,
        };
        let mut errors = FieldErrors::default();
        assert!(Settings::Http(http).check_spec(&mut errors).is_none());
        let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["http.url", "http.method", "http.headers", "http.expectedStatus[1]", "http.tlsWarnDays"]
        );
    }
}
