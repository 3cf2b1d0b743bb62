//! What a check asks for and what it found, plus the parsers for user input. The GraphQL layer
//! maps the plain-message parse errors onto its input fields.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};

/// One outbound check.
#[derive(Clone, Debug, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "the shape `Http(HttpSpec)` is the agreed interface; one spec per check, size is irrelevant"
)]
pub enum CheckSpec {
    Http(HttpSpec),
    Tcp { host: String, port: u16 },
    Dns(DnsSpec),
    Tls { host: String, port: u16, warn_days: u32 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct HttpSpec {
    pub url: url::Url,
    pub method: HttpMethod,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
    /// Empty means 200..=399, judged on the final response (after redirects, when followed).
    pub expected_status: Vec<StatusRange>,
    pub follow_redirects: bool,
    /// `false` accepts any certificate and then judges neither its validity nor its expiry; the
    /// expiry is still reported in `tls_expires_at`.
    pub verify_tls: bool,
    pub keyword: Option<Keyword>,
    pub json_assertion: Option<JsonAssertion>,
    pub tls_warn_days: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DnsSpec {
    pub name: String,
    pub record_type: DnsRecordType,
    pub expected: Option<String>,
}

/// `present: true` requires the text in the body, `false` requires its absence. Case-sensitive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keyword {
    pub text: String,
    pub present: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct JsonAssertion {
    pub path: JsonPath,
    pub op: Comparison,
    /// Compared with the first node the path selects; numerically for `lt`/`gt` and when both
    /// sides are numbers, as text otherwise (strings without their quotes).
    pub value: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckStatus {
    Up,
    /// Works, but needs attention soon (a certificate expiring within the warning window).
    Degraded,
    Down,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Phases {
    pub dns_ms: Option<u32>,
    pub connect_ms: Option<u32>,
    pub tls_ms: Option<u32>,
    pub first_byte_ms: Option<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CheckOutcome {
    pub status: CheckStatus,
    pub duration_ms: u32,
    /// For HTTP checks that follow redirects, each phase is summed over the hops.
    pub phases: Phases,
    pub status_code: Option<u16>,
    pub error: Option<String>,
    /// For TLS checks and HTTPS checks (the earliest expiry seen along a redirect chain).
    pub tls_expires_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HttpMethod {
    Get,
    Head,
    Post,
    Put,
    Patch,
    Delete,
    Options,
}

impl HttpMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Head => "HEAD",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
            Self::Options => "OPTIONS",
        }
    }
}

impl fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for HttpMethod {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(match text.trim().to_ascii_uppercase().as_str() {
            "GET" => Self::Get,
            "HEAD" => Self::Head,
            "POST" => Self::Post,
            "PUT" => Self::Put,
            "PATCH" => Self::Patch,
            "DELETE" => Self::Delete,
            "OPTIONS" => Self::Options,
            _ => return Err("expected one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS".into()),
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DnsRecordType {
    A,
    Aaaa,
    Cname,
    Mx,
    Txt,
    Ns,
}

impl DnsRecordType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::Aaaa => "AAAA",
            Self::Cname => "CNAME",
            Self::Mx => "MX",
            Self::Txt => "TXT",
            Self::Ns => "NS",
        }
    }
}

impl fmt::Display for DnsRecordType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DnsRecordType {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(match text.trim().to_ascii_uppercase().as_str() {
            "A" => Self::A,
            "AAAA" => Self::Aaaa,
            "CNAME" => Self::Cname,
            "MX" => Self::Mx,
            "TXT" => Self::Txt,
            "NS" => Self::Ns,
            _ => return Err("expected one of A, AAAA, CNAME, MX, TXT, NS".into()),
        })
    }
}

/// An inclusive range of HTTP status codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StatusRange {
    pub start: u16,
    pub end: u16,
}

impl StatusRange {
    pub fn contains(&self, code: u16) -> bool {
        (self.start..=self.end).contains(&code)
    }
}

impl fmt::Display for StatusRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

impl FromStr for StatusRange {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        const MESSAGE: &str = "expected a status like 200, 200-299 or 2xx";
        let code = |part: &str| -> Result<u16, String> {
            match part.trim().parse::<u16>() {
                Ok(code) if (100..=599).contains(&code) => Ok(code),
                _ => Err(MESSAGE.to_owned()),
            }
        };
        let text = text.trim();
        let lower = text.to_ascii_lowercase();
        let range = if let Some(class) = lower.strip_suffix("xx") {
            // Exactly one digit 1-5 before "xx": "02xx" and "+2xx" would parse as numbers.
            let class = match class.as_bytes() {
                [digit @ b'1'..=b'5'] => u16::from(digit - b'0'),
                _ => return Err(MESSAGE.into()),
            };
            Self { start: class * 100, end: class * 100 + 99 }
        } else if let Some((start, end)) = text.split_once('-') {
            Self { start: code(start)?, end: code(end)? }
        } else {
            let code = code(text)?;
            Self { start: code, end: code }
        };
        if range.start > range.end {
            return Err("the range's first status is above its last".into());
        }
        Ok(range)
    }
}

/// A parsed JSONPath (RFC 9535, via `serde_json_path`), kept with its source text.
#[derive(Clone, Debug)]
pub struct JsonPath {
    text: String,
    parsed: serde_json_path::JsonPath,
}

impl JsonPath {
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let parsed = serde_json_path::JsonPath::parse(text)
            .map_err(|_| "expected a JSONPath like $.status or $.items[0].name".to_owned())?;
        Ok(Self { text: text.to_owned(), parsed })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The first node the path selects in `value`.
    pub fn first<'a>(&self, value: &'a serde_json::Value) -> Option<&'a serde_json::Value> {
        self.parsed.query(value).first()
    }
}

impl PartialEq for JsonPath {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl FromStr for JsonPath {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Comparison {
    Eq,
    Ne,
    Contains,
    Lt,
    Gt,
    Exists,
}

impl Comparison {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Eq => "eq",
            Self::Ne => "ne",
            Self::Contains => "contains",
            Self::Lt => "lt",
            Self::Gt => "gt",
            Self::Exists => "exists",
        }
    }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Comparison {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(match text.trim().to_ascii_lowercase().as_str() {
            "eq" => Self::Eq,
            "ne" => Self::Ne,
            "contains" => Self::Contains,
            "lt" => Self::Lt,
            "gt" => Self::Gt,
            "exists" => Self::Exists,
            _ => return Err("expected one of eq, ne, contains, lt, gt, exists".into()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_ranges_parse_in_three_spellings() {
        let range = |text: &str| text.parse::<StatusRange>();
        assert_eq!(range("200"), Ok(StatusRange { start: 200, end: 200 }));
        assert_eq!(range(" 200-299 "), Ok(StatusRange { start: 200, end: 299 }));
        assert_eq!(range("2xx"), Ok(StatusRange { start: 200, end: 299 }));
        assert_eq!(range("5XX"), Ok(StatusRange { start: 500, end: 599 }));
        for bad in ["", "abc", "99", "600", "299-200", "6xx", "0xx", "02xx", "+2xx", "2x", "200-"] {
            assert!(range(bad).is_err(), "{bad:?} should be refused");
        }
        assert_eq!(range("2xx").unwrap().to_string(), "200-299");
        assert_eq!(range("404").unwrap().to_string(), "404");
    }

    #[test]
    fn enums_parse_case_insensitively_and_refuse_the_rest() {
        assert_eq!("get".parse::<HttpMethod>(), Ok(HttpMethod::Get));
        assert_eq!("OPTIONS".parse::<HttpMethod>(), Ok(HttpMethod::Options));
        assert!("TRACE".parse::<HttpMethod>().is_err());
        assert_eq!("aaaa".parse::<DnsRecordType>(), Ok(DnsRecordType::Aaaa));
        assert!("SOA".parse::<DnsRecordType>().is_err());
        assert_eq!("Contains".parse::<Comparison>(), Ok(Comparison::Contains));
        assert!("==".parse::<Comparison>().is_err());
    }

    #[test]
    fn json_paths_parse_and_select_the_first_node() {
        let body: serde_json::Value = serde_json::json!({"a": {"b": [{"c": 1}, {"c": 2}]}, "odd key": true});
        assert_eq!(JsonPath::parse("$.a.b[0].c").unwrap().first(&body), Some(&serde_json::json!(1)));
        assert_eq!(JsonPath::parse("$['odd key']").unwrap().first(&body), Some(&serde_json::json!(true)));
        assert_eq!(JsonPath::parse("$[\"a\"].b[1].c").unwrap().first(&body), Some(&serde_json::json!(2)));
        assert_eq!(JsonPath::parse("$.missing").unwrap().first(&body), None);
        for bad in ["", "a.b", "$.a[", "$..["] {
            assert!(JsonPath::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
