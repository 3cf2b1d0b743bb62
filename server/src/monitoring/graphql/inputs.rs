//! Monitor input: the GraphQL input objects and their conversion into monitoring settings.

use async_graphql::{Enum, InputObject};

use super::{MonitorKind, MonitorStatus};
use crate::kernel::FieldErrors;
use crate::kernel::input::parse_name;
use crate::monitoring::settings::{
    DnsSettings, HeartbeatSettings, HostPort, HttpSettings, Settings, TlsSettings,
};

#[derive(InputObject, Default)]
#[graphql(name = "MonitorFilter")]
pub struct MonitorFilterInput {
    pub status: Option<MonitorStatus>,
    pub kind: Option<MonitorKind>,
    /// Part of the name or target, case-insensitive.
    pub text: Option<String>,
    /// Monitors carrying this tag.
    pub tag: Option<String>,
}

/// The order of the monitors list.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug, Default)]
#[graphql(remote = "crate::monitoring::monitors::MonitorOrder")]
pub enum MonitorOrder {
    /// Newest first.
    #[default]
    Newest,
    /// A to Z, ignoring case.
    Name,
    /// Worst first: down, degraded, pending, up, paused.
    Status,
}

#[derive(InputObject, Default)]
#[graphql(name = "IncidentFilter")]
pub struct IncidentFilterInput {
    /// Only open (`true`) or only resolved (`false`) incidents.
    pub open: Option<bool>,
    pub monitor_id: Option<async_graphql::ID>,
}

#[derive(InputObject)]
pub struct HeaderInput {
    pub name: String,
    pub value: String,
}

#[derive(InputObject)]
pub struct HttpSettingsInput {
    pub url: String,
    #[graphql(default_with = "\"GET\".to_owned()")]
    pub method: String,
    #[graphql(default)]
    pub headers: Vec<HeaderInput>,
    pub body: Option<String>,
    /// `200`, `200-299` or `2xx`; none means 200 to 399.
    #[graphql(default)]
    pub expected_status: Vec<String>,
    #[graphql(default = true)]
    pub follow_redirects: bool,
    #[graphql(default = true)]
    pub verify_tls: bool,
    pub keyword: Option<String>,
    #[graphql(default)]
    pub keyword_absent: bool,
    /// A JSONPath such as `$.status`; with `jsonComparison` (eq, ne, contains, lt, gt,
    /// exists) and `jsonValue`.
    pub json_path: Option<String>,
    pub json_comparison: Option<String>,
    pub json_value: Option<String>,
    #[graphql(default = 14)]
    pub tls_warn_days: i32,
}

#[derive(InputObject)]
pub struct HostPortInput {
    pub host: String,
    pub port: i32,
}

#[derive(InputObject)]
pub struct DnsSettingsInput {
    pub name: String,
    /// A, AAAA, CNAME, MX, TXT or NS.
    pub record_type: String,
    pub expected: Option<String>,
}

#[derive(InputObject)]
pub struct TlsSettingsInput {
    pub host: String,
    #[graphql(default = 443)]
    pub port: i32,
    #[graphql(default = 14)]
    pub warn_days: i32,
}

#[derive(InputObject)]
pub struct HeartbeatSettingsInput {
    #[graphql(default = 300)]
    pub grace_seconds: i32,
    /// The job's schedule as a five-field cron expression; without it a ping is expected every
    /// `intervalSeconds`.
    pub cron: Option<String>,
    /// The IANA time zone `cron` is read in; default UTC.
    pub time_zone: Option<String>,
}

/// A new monitor: a name and exactly one of `http`, `tcp`, `dns`, `tls`, `heartbeat`.
#[derive(InputObject)]
pub struct CreateMonitorInput {
    pub name: String,
    pub http: Option<HttpSettingsInput>,
    pub tcp: Option<HostPortInput>,
    pub dns: Option<DnsSettingsInput>,
    pub tls: Option<TlsSettingsInput>,
    pub heartbeat: Option<HeartbeatSettingsInput>,
    /// Up to 10 labels (lowercase a-z 0-9 - _ . :, 1 to 32 characters) for filters and
    /// maintenance windows.
    #[graphql(default)]
    pub tags: Vec<String>,
    /// 10 s to 24 h; default 60.
    pub interval_seconds: Option<i32>,
    /// 1 to 60 s, at most the interval; default 10.
    pub timeout_seconds: Option<i32>,
    /// Quick re-checks while failing below the threshold; default 20.
    pub retry_interval_seconds: Option<i32>,
    /// Consecutive failures before DOWN (1 to 10); default 2.
    pub failure_threshold: Option<i32>,
    /// Consecutive successes before UP again (1 to 10); default 1.
    pub recovery_threshold: Option<i32>,
    /// 0 (default): `failureThreshold` counts failures in a row. 60 s to 24 h: that many
    /// failures within this window make it DOWN, without quick re-checks.
    pub failure_window_seconds: Option<i32>,
    /// State changes (down or up) within `flapWindowSeconds` that make it flapping (3 to 50);
    /// 0 turns flap detection off. Default 6.
    pub flap_threshold: Option<i32>,
    /// 5 min to 24 h; default 3600.
    pub flap_window_seconds: Option<i32>,
    /// A response slower than this many milliseconds (1 up to the timeout) makes it DEGRADED:
    /// it works, but needs attention. 0 (default): off. Not for heartbeats.
    pub degraded_response_ms: Option<i32>,
}

/// Changes to a monitor; omitted fields keep their value. Settings replace the kind's settings
/// as a whole; the kind cannot change.
#[derive(InputObject)]
pub struct UpdateMonitorInput {
    pub name: Option<String>,
    pub http: Option<HttpSettingsInput>,
    pub tcp: Option<HostPortInput>,
    pub dns: Option<DnsSettingsInput>,
    pub tls: Option<TlsSettingsInput>,
    pub heartbeat: Option<HeartbeatSettingsInput>,
    /// Replaces the tags; `[]` removes them all.
    pub tags: Option<Vec<String>>,
    pub interval_seconds: Option<i32>,
    pub timeout_seconds: Option<i32>,
    pub retry_interval_seconds: Option<i32>,
    pub failure_threshold: Option<i32>,
    pub recovery_threshold: Option<i32>,
    pub failure_window_seconds: Option<i32>,
    pub flap_threshold: Option<i32>,
    pub flap_window_seconds: Option<i32>,
    pub degraded_response_ms: Option<i32>,
}

fn port(raw: i32, field: &str, errors: &mut FieldErrors) -> u16 {
    errors
        .check(
            field,
            u16::try_from(raw)
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| "must be between 1 and 65535".to_owned()),
        )
        .unwrap_or(1)
}

fn days(raw: i32, field: &str, errors: &mut FieldErrors) -> u32 {
    errors
        .check(
            field,
            u32::try_from(raw)
                .ok()
                .filter(|d| *d <= 365)
                .ok_or_else(|| "must be between 0 and 365".to_owned()),
        )
        .unwrap_or(0)
}

/// The one kind given, as settings (shape only: `Settings::check_spec` parses the values).
pub(super) fn settings_of(
    http: Option<HttpSettingsInput>,
    tcp: Option<HostPortInput>,
    dns: Option<DnsSettingsInput>,
    tls: Option<TlsSettingsInput>,
    heartbeat: Option<HeartbeatSettingsInput>,
    errors: &mut FieldErrors,
) -> Result<Option<Settings>, ()> {
    let given = [http.is_some(), tcp.is_some(), dns.is_some(), tls.is_some(), heartbeat.is_some()];
    if given.iter().filter(|g| **g).count() > 1 {
        errors.check::<()>("kind", Err("give exactly one of http, tcp, dns, tls, heartbeat".into()));
        return Err(());
    }
    Ok(if let Some(http) = http {
        Some(Settings::Http(HttpSettings {
            url: http.url,
            method: http.method.trim().to_ascii_uppercase(),
            headers: http.headers.into_iter().map(|h| (h.name, h.value)).collect(),
            body: http.body.filter(|body| !body.is_empty()),
            expected_status: http.expected_status,
            follow_redirects: http.follow_redirects,
            verify_tls: http.verify_tls,
            keyword: http.keyword,
            keyword_absent: http.keyword_absent,
            json_path: http.json_path,
            json_comparison: http.json_comparison,
            json_value: http.json_value,
            tls_warn_days: days(http.tls_warn_days, "http.tlsWarnDays", errors),
        }))
    } else if let Some(tcp) = tcp {
        Some(Settings::Tcp(HostPort { host: tcp.host, port: port(tcp.port, "tcp.port", errors) }))
    } else if let Some(dns) = dns {
        Some(Settings::Dns(DnsSettings {
            name: dns.name,
            record_type: dns.record_type.trim().to_ascii_uppercase(),
            expected: dns.expected,
        }))
    } else if let Some(tls) = tls {
        Some(Settings::Tls(TlsSettings {
            host: tls.host,
            port: port(tls.port, "tls.port", errors),
            warn_days: days(tls.warn_days, "tls.warnDays", errors),
        }))
    } else {
        heartbeat.map(|beat| {
            let grace = errors
                .check(
                    "heartbeat.graceSeconds",
                    u32::try_from(beat.grace_seconds)
                        .ok()
                        .filter(|g| *g <= 604_800)
                        .ok_or_else(|| "must be between 0 and 604800".to_owned()),
                )
                .unwrap_or(0);
            let cron = beat.cron.map(|cron| cron.trim().to_owned()).filter(|cron| !cron.is_empty());
            let time_zone = match (&cron, beat.time_zone) {
                (Some(_), zone) => Some(zone.map_or_else(|| "UTC".to_owned(), |zone| zone.trim().to_owned())),
                (None, Some(_)) => {
                    errors.check::<()>("heartbeat.timeZone", Err("only with a cron schedule".into()));
                    None
                }
                (None, None) => None,
            };
            Settings::Heartbeat(HeartbeatSettings { grace_seconds: grace, cron, time_zone })
        })
    })
}

pub(super) fn monitor_name(raw: &str) -> Result<String, String> {
    let name = parse_name(raw)?;
    if name.chars().count() > 80 { Err("must be at most 80 characters".into()) } else { Ok(name) }
}
