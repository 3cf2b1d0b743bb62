//! Monitors over GraphQL: resolvers parse input into the monitoring domain, call one service,
//! convert the result. Maintenance windows in `maintenance`, subscriptions in `live`.

mod live;
mod maintenance;

pub use live::MonitorsSubscription;
pub use maintenance::{MaintenanceMutation, MaintenanceQuery};

use async_graphql::{ComplexObject, Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{check_results, incidents, monitors};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::audit::AuditContext;
use crate::auth::graphql::scope;
use crate::graphql::{PageConnection, connection};
use crate::kernel::ids::parse_id;
use crate::kernel::input::{parse_name, single_line};
use crate::kernel::paging::PageRequest;
use crate::kernel::{ApiError, FieldErrors, Links, RequestMeta, SharedClock};
use crate::monitoring::monitors::{self as service, MonitorDraft, MonitorFilter, MonitorPatch};
use crate::monitoring::rollups;
use crate::monitoring::settings::{
    DnsSettings, HeartbeatSettings, HostPort, HttpSettings, Settings, TlsSettings,
};
use crate::monitoring::timing::{Timing, TimingInput};
use crate::probe::Prober;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::monitors::MonitorKind")]
pub enum MonitorKind {
    Http,
    Tcp,
    Dns,
    Tls,
    Heartbeat,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::monitors::MonitorStatus")]
pub enum MonitorStatus {
    Pending,
    Up,
    Degraded,
    Down,
    Paused,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::check_results::CheckStatus")]
pub enum CheckStatus {
    Up,
    Degraded,
    Down,
}

fn db<'a>(ctx: &'a Context<'_>) -> &'a DatabaseConnection {
    ctx.data_unchecked::<DatabaseConnection>()
}

fn audit(ctx: &Context<'_>) -> AuditContext {
    AuditContext::from(ctx.data_unchecked::<RequestMeta>())
}

fn now(ctx: &Context<'_>) -> DateTime<Utc> {
    ctx.data_unchecked::<SharedClock>().now()
}

fn id(uuid: uuid::Uuid) -> ID {
    ID(uuid.to_string())
}

#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Monitor {
    pub id: ID,
    pub name: String,
    pub kind: MonitorKind,
    /// The URL, `host:port` or DNS name checked; empty for a heartbeat.
    pub target: String,
    pub status: MonitorStatus,
    pub interval_seconds: i32,
    pub timeout_seconds: i32,
    pub retry_interval_seconds: i32,
    pub failure_threshold: i32,
    pub recovery_threshold: i32,
    pub last_checked_at: Option<DateTime<Utc>>,
    pub last_duration_ms: Option<i32>,
    pub last_error: Option<String>,
    pub status_changed_at: Option<DateTime<Utc>>,
    pub next_check_at: DateTime<Utc>,
    pub last_ping_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub http: Option<HttpSettingsView>,
    pub tcp: Option<HostPortView>,
    pub dns: Option<DnsSettingsView>,
    pub tls: Option<TlsSettingsView>,
    pub heartbeat: Option<HeartbeatSettingsView>,
    #[graphql(skip)]
    pub model: monitors::Model,
}

#[derive(SimpleObject)]
#[graphql(name = "HttpSettings")]
pub struct HttpSettingsView {
    pub url: String,
    pub method: String,
    pub headers: Vec<HeaderView>,
    pub body: Option<String>,
    pub expected_status: Vec<String>,
    pub follow_redirects: bool,
    pub verify_tls: bool,
    pub keyword: Option<String>,
    pub keyword_absent: bool,
    pub json_path: Option<String>,
    pub json_comparison: Option<String>,
    pub json_value: Option<String>,
    pub tls_warn_days: i32,
}

#[derive(SimpleObject)]
#[graphql(name = "Header")]
pub struct HeaderView {
    pub name: String,
    pub value: String,
}

#[derive(SimpleObject)]
#[graphql(name = "HostPort")]
pub struct HostPortView {
    pub host: String,
    pub port: i32,
}

#[derive(SimpleObject)]
#[graphql(name = "DnsSettings")]
pub struct DnsSettingsView {
    pub name: String,
    pub record_type: String,
    pub expected: Option<String>,
}

#[derive(SimpleObject)]
#[graphql(name = "TlsSettings")]
pub struct TlsSettingsView {
    pub host: String,
    pub port: i32,
    pub warn_days: i32,
}

#[derive(SimpleObject)]
#[graphql(name = "HeartbeatSettings")]
pub struct HeartbeatSettingsView {
    pub grace_seconds: i32,
}

impl From<monitors::Model> for Monitor {
    fn from(model: monitors::Model) -> Self {
        let settings = Settings::from_json(&model.settings).ok();
        let mut monitor = Monitor {
            id: id(model.id),
            name: model.name.clone(),
            kind: model.kind.into(),
            target: model.target.clone(),
            status: model.status.into(),
            interval_seconds: model.interval_seconds,
            timeout_seconds: model.timeout_seconds,
            retry_interval_seconds: model.retry_interval_seconds,
            failure_threshold: model.failure_threshold,
            recovery_threshold: model.recovery_threshold,
            last_checked_at: model.last_checked_at,
            last_duration_ms: model.last_duration_ms,
            last_error: model.last_error.clone(),
            status_changed_at: model.status_changed_at,
            next_check_at: model.next_check_at,
            last_ping_at: model.last_ping_at,
            created_at: model.created_at,
            updated_at: model.updated_at,
            http: None,
            tcp: None,
            dns: None,
            tls: None,
            heartbeat: None,
            model,
        };
        match settings {
            Some(Settings::Http(http)) => {
                monitor.http = Some(HttpSettingsView {
                    url: http.url,
                    method: http.method,
                    headers: http
                        .headers
                        .into_iter()
                        .map(|(name, value)| HeaderView { name, value })
                        .collect(),
                    body: http.body,
                    expected_status: http.expected_status,
                    follow_redirects: http.follow_redirects,
                    verify_tls: http.verify_tls,
                    keyword: http.keyword,
                    keyword_absent: http.keyword_absent,
                    json_path: http.json_path,
                    json_comparison: http.json_comparison,
                    json_value: http.json_value,
                    tls_warn_days: http.tls_warn_days as i32,
                })
            }
            Some(Settings::Tcp(HostPort { host, port })) => {
                monitor.tcp = Some(HostPortView { host, port: i32::from(port) })
            }
            Some(Settings::Dns(dns)) => {
                monitor.dns = Some(DnsSettingsView {
                    name: dns.name,
                    record_type: dns.record_type,
                    expected: dns.expected,
                })
            }
            Some(Settings::Tls(tls)) => {
                monitor.tls = Some(TlsSettingsView {
                    host: tls.host,
                    port: i32::from(tls.port),
                    warn_days: tls.warn_days as i32,
                })
            }
            Some(Settings::Heartbeat(beat)) => {
                monitor.heartbeat = Some(HeartbeatSettingsView { grace_seconds: beat.grace_seconds as i32 })
            }
            None => {}
        }
        monitor
    }
}

#[derive(SimpleObject)]
pub struct CheckResult {
    pub id: ID,
    pub checked_at: DateTime<Utc>,
    pub status: CheckStatus,
    pub duration_ms: i32,
    pub dns_ms: Option<i32>,
    pub connect_ms: Option<i32>,
    pub tls_ms: Option<i32>,
    pub first_byte_ms: Option<i32>,
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub tls_expires_at: Option<DateTime<Utc>>,
}

impl From<check_results::Model> for CheckResult {
    fn from(row: check_results::Model) -> Self {
        Self {
            id: id(row.id),
            checked_at: row.checked_at,
            status: row.status.into(),
            duration_ms: row.duration_ms,
            dns_ms: row.dns_ms,
            connect_ms: row.connect_ms,
            tls_ms: row.tls_ms,
            first_byte_ms: row.first_byte_ms,
            status_code: row.status_code,
            error: row.error,
            tls_expires_at: row.tls_expires_at,
        }
    }
}

/// An outage of one monitor: opened when it went DOWN, resolved when it came back UP.
#[derive(SimpleObject)]
pub struct Incident {
    pub id: ID,
    pub opened_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// The error of the check that opened it.
    pub cause: String,
}

impl From<incidents::Model> for Incident {
    fn from(row: incidents::Model) -> Self {
        Self { id: id(row.id), opened_at: row.opened_at, resolved_at: row.resolved_at, cause: row.cause }
    }
}

/// A window for uptime and latency.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum UptimePeriod {
    /// The last 24 hours.
    Day,
    /// The last 7 days.
    Week,
    /// The last 30 days.
    Month,
    /// The last 90 days.
    Quarter,
}

impl UptimePeriod {
    fn hours(self) -> i64 {
        match self {
            UptimePeriod::Day => 24,
            UptimePeriod::Week => 24 * 7,
            UptimePeriod::Month => 24 * 30,
            UptimePeriod::Quarter => 24 * 90,
        }
    }
}

/// Checks and latency over a window, from the hourly rollups. Percentiles are upper bounds of
/// latency buckets (10, 25, 50, 100, 200, 300, 500, 750 ms, 1, 1.5, 2, 3, 5, 10, 30 s).
#[derive(SimpleObject)]
pub struct UptimeStats {
    pub checks: i32,
    pub failures: i32,
    pub degraded: i32,
    /// Successful (up or degraded) checks in percent; null without checks.
    pub uptime_percent: Option<f64>,
    pub average_ms: Option<f64>,
    pub p50_ms: Option<i32>,
    pub p95_ms: Option<i32>,
    pub p99_ms: Option<i32>,
}

impl From<&rollups::Stats> for UptimeStats {
    fn from(stats: &rollups::Stats) -> Self {
        let count = |n: i64| n.clamp(0, i64::from(i32::MAX)) as i32;
        let ms = |q: f64| stats.histogram.quantile(q).map(|bound| bound.min(i32::MAX as u32) as i32);
        Self {
            checks: count(stats.checks),
            failures: count(stats.failures),
            degraded: count(stats.degraded),
            uptime_percent: stats.uptime_percent(),
            average_ms: stats.average_ms(),
            p50_ms: ms(0.5),
            p95_ms: ms(0.95),
            p99_ms: ms(0.99),
        }
    }
}

/// One UTC day of a monitor, for uptime bars.
#[derive(SimpleObject)]
pub struct DailyUptime {
    pub date: chrono::NaiveDate,
    pub stats: UptimeStats,
}

#[ComplexObject]
impl Monitor {
    /// Whether a maintenance window covers this monitor now (no alerts; not counted in uptime).
    async fn in_maintenance(&self, ctx: &Context<'_>) -> Result<bool, ApiError> {
        let windows = crate::monitoring::maintenance::of_tenants(db(ctx), vec![self.model.tenant_id]).await?;
        Ok(crate::monitoring::maintenance::covers(&windows, &self.model, now(ctx)))
    }

    /// Uptime and latency over the last day, week, month or quarter.
    async fn uptime(&self, ctx: &Context<'_>, period: UptimePeriod) -> Result<UptimeStats, ApiError> {
        let stats =
            rollups::over(db(ctx), self.model.tenant_id, self.model.id, now(ctx), period.hours()).await?;
        Ok(UptimeStats::from(&stats))
    }

    /// One entry per UTC day for the last `days` days (1 to 90), oldest first; days without
    /// checks have zero checks and no uptime.
    async fn daily_uptime(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 90)] days: i32,
    ) -> Result<Vec<DailyUptime>, ApiError> {
        if !(1..=90).contains(&days) {
            return Err(ApiError::field("days", "must be between 1 and 90"));
        }
        let daily =
            rollups::daily(db(ctx), self.model.tenant_id, self.model.id, now(ctx), i64::from(days)).await?;
        Ok(daily.iter().map(|(date, stats)| DailyUptime { date: *date, stats: stats.into() }).collect())
    }

    /// For heartbeat monitors: the URL a job calls (GET, POST or HEAD) when it runs.
    async fn ping_url(&self, ctx: &Context<'_>) -> Option<String> {
        let token = self.model.ping_token.as_deref()?;
        Some(ctx.data_unchecked::<Links>().app(&format!("/ping/{token}")))
    }

    /// The latest checks, newest first (at most 100).
    async fn recent_checks(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20)] first: i32,
    ) -> Result<Vec<CheckResult>, ApiError> {
        let first = parse_small_count(first)?;
        // The monitor was read through the tenant scope, so its tenant and id are the caller's.
        let rows = check_results::Entity::find()
            .filter(check_results::Column::TenantId.eq(self.model.tenant_id))
            .filter(check_results::Column::MonitorId.eq(self.model.id))
            .order_by_desc(check_results::Column::CheckedAt)
            .limit(first)
            .all(db(ctx))
            .await?;
        Ok(rows.into_iter().map(CheckResult::from).collect())
    }

    /// Outages, newest first (at most 100).
    async fn incidents(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20)] first: i32,
    ) -> Result<Vec<Incident>, ApiError> {
        let first = parse_small_count(first)?;
        let rows = incidents::Entity::find()
            .filter(incidents::Column::TenantId.eq(self.model.tenant_id))
            .filter(incidents::Column::MonitorId.eq(self.model.id))
            .order_by_desc(incidents::Column::OpenedAt)
            .limit(first)
            .all(db(ctx))
            .await?;
        Ok(rows.into_iter().map(Incident::from).collect())
    }
}

fn parse_small_count(first: i32) -> Result<u64, ApiError> {
    if (1..=100).contains(&first) {
        Ok(first as u64)
    } else {
        Err(ApiError::field("first", "must be between 1 and 100"))
    }
}

#[derive(InputObject, Default)]
#[graphql(name = "MonitorFilter")]
pub struct MonitorFilterInput {
    pub status: Option<MonitorStatus>,
    pub kind: Option<MonitorKind>,
    /// Part of the name or target, case-insensitive.
    pub text: Option<String>,
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
    pub interval_seconds: Option<i32>,
    pub timeout_seconds: Option<i32>,
    pub retry_interval_seconds: Option<i32>,
    pub failure_threshold: Option<i32>,
    pub recovery_threshold: Option<i32>,
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
fn settings_of(
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
            Settings::Heartbeat(HeartbeatSettings { grace_seconds: grace })
        })
    })
}

fn monitor_name(raw: &str) -> Result<String, String> {
    let name = parse_name(raw)?;
    if name.chars().count() > 80 { Err("must be at most 80 characters".into()) } else { Ok(name) }
}

#[derive(Default)]
pub struct MonitorsQuery;

#[Object]
impl MonitorsQuery {
    /// This organization's monitors, newest first, filtered by status, kind or text.
    async fn monitors(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<MonitorFilterInput>,
    ) -> Result<PageConnection<Monitor>, ApiError> {
        let scope = scope(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref())?;
        let filter = filter.unwrap_or_default();
        let text = filter
            .text
            .map(|text| {
                let text =
                    single_line(text.trim()).map_err(|message| ApiError::field("filter.text", message))?;
                if text.chars().count() > 200 {
                    return Err(ApiError::field("filter.text", "must be at most 200 characters"));
                }
                Ok(text.to_owned())
            })
            .transpose()?;
        let filter =
            MonitorFilter { status: filter.status.map(Into::into), kind: filter.kind.map(Into::into), text };
        let monitors = service::list(db(ctx), &scope, &filter, &page).await?;
        Ok(connection(monitors, service::cursor, Monitor::from))
    }

    /// One monitor; another organization's is `NOT_FOUND`.
    async fn monitor(&self, ctx: &Context<'_>, id: ID) -> Result<Monitor, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "monitor")?;
        Ok(service::get(db(ctx), &scope, id).await?.into())
    }
}

#[derive(Default)]
pub struct MonitorsMutation;

#[Object]
impl MonitorsMutation {
    /// Creates a monitor; its first check runs within a minute. Members and above.
    async fn create_monitor(
        &self,
        ctx: &Context<'_>,
        input: CreateMonitorInput,
    ) -> Result<Monitor, ApiError> {
        let scope = scope(ctx).await?;
        let mut errors = FieldErrors::default();
        let name = errors.check("name", monitor_name(&input.name));
        let settings = settings_of(input.http, input.tcp, input.dns, input.tls, input.heartbeat, &mut errors);
        if let Ok(None) = settings {
            errors.check::<()>("kind", Err("give one of http, tcp, dns, tls, heartbeat".into()));
        }
        let mut spec_errors = FieldErrors::default();
        if let Ok(Some(settings)) = &settings {
            settings.check_spec(&mut spec_errors);
        }
        errors.0.extend(spec_errors.0);
        let timing = TimingInput {
            interval_seconds: input.interval_seconds,
            timeout_seconds: input.timeout_seconds,
            retry_interval_seconds: input.retry_interval_seconds,
            failure_threshold: input.failure_threshold,
            recovery_threshold: input.recovery_threshold,
        };
        // Parsed again by the service; here so one answer names every bad field.
        Timing::parse(Timing::default(), timing, &mut errors);
        errors.into_result()?;
        let (Some(name), Ok(Some(settings))) = (name, settings) else {
            return Err(ApiError::internal("monitor input parsed without errors"));
        };
        let draft = MonitorDraft { name, settings, timing };
        let prober = ctx.data_unchecked::<Prober>();
        Ok(service::create(db(ctx), &audit(ctx), &scope, prober, now(ctx), draft).await?.into())
    }

    /// Changes a monitor. Members and above.
    async fn update_monitor(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateMonitorInput,
    ) -> Result<Monitor, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "monitor")?;
        let mut errors = FieldErrors::default();
        let name = input.name.as_deref().map(|raw| errors.check("name", monitor_name(raw)));
        let settings = settings_of(input.http, input.tcp, input.dns, input.tls, input.heartbeat, &mut errors);
        let mut spec_errors = FieldErrors::default();
        if let Ok(Some(settings)) = &settings {
            settings.check_spec(&mut spec_errors);
        }
        errors.0.extend(spec_errors.0);
        errors.into_result()?;
        let patch = MonitorPatch {
            name: name.flatten(),
            settings: settings.ok().flatten(),
            timing: TimingInput {
                interval_seconds: input.interval_seconds,
                timeout_seconds: input.timeout_seconds,
                retry_interval_seconds: input.retry_interval_seconds,
                failure_threshold: input.failure_threshold,
                recovery_threshold: input.recovery_threshold,
            },
        };
        let prober = ctx.data_unchecked::<Prober>();
        Ok(service::update(db(ctx), &audit(ctx), &scope, prober, now(ctx), id, patch).await?.into())
    }

    /// Stops checking a monitor; its history stays. Members and above.
    async fn pause_monitor(&self, ctx: &Context<'_>, id: ID) -> Result<Monitor, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "monitor")?;
        Ok(service::pause(db(ctx), &audit(ctx), &scope, now(ctx), id).await?.into())
    }

    /// Checks a paused monitor again, from a fresh start. Members and above.
    async fn resume_monitor(&self, ctx: &Context<'_>, id: ID) -> Result<Monitor, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "monitor")?;
        Ok(service::resume(db(ctx), &audit(ctx), &scope, now(ctx), id).await?.into())
    }

    /// A copy of a monitor, named "<name> (copy)". Members and above.
    async fn duplicate_monitor(&self, ctx: &Context<'_>, id: ID) -> Result<Monitor, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "monitor")?;
        Ok(service::duplicate(db(ctx), &audit(ctx), &scope, now(ctx), id).await?.into())
    }

    /// Deletes a monitor with its history; returns it as it was. Members and above.
    async fn delete_monitor(&self, ctx: &Context<'_>, id: ID) -> Result<Monitor, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "monitor")?;
        Ok(service::delete(db(ctx), &audit(ctx), &scope, id).await?.into())
    }
}
