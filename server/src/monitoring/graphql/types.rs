//! The shapes monitors take in answers: the monitor with its kind's settings, its checks,
//! incidents and uptime.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_graphql::{ComplexObject, Context, Enum, ID, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{check_results, incidents, monitors};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use tokio::sync::OnceCell;
use uuid::Uuid;

use super::{CheckStatus, MonitorKind, MonitorStatus, db, id, now};
use crate::kernel::{ApiError, Links};
use crate::monitoring::dependencies;
use crate::monitoring::maintenance::{self, ActiveWindow};
use crate::monitoring::rollups;
use crate::monitoring::settings::{HostPort, Settings};
use crate::monitoring::tags::Tags;

#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Monitor {
    pub id: ID,
    pub name: String,
    pub kind: MonitorKind,
    /// The URL, `host:port` or DNS name checked; empty for a heartbeat.
    pub target: String,
    pub status: MonitorStatus,
    /// Down only because a monitor it depends on is down: its alerts are held back and its
    /// outage is attached to that monitor's outage.
    pub dependency_down: bool,
    /// Sorted labels.
    pub tags: Vec<String>,
    pub interval_seconds: i32,
    pub timeout_seconds: i32,
    pub retry_interval_seconds: i32,
    pub failure_threshold: i32,
    pub recovery_threshold: i32,
    /// 0: `failureThreshold` counts consecutive failures. Otherwise `failureThreshold` failures
    /// within this many seconds make it DOWN (no quick re-checks).
    pub failure_window_seconds: i32,
    /// State changes (down or up) within `flapWindowSeconds` that make it flapping; 0: off.
    pub flap_threshold: i32,
    pub flap_window_seconds: i32,
    /// A response slower than this many milliseconds makes it DEGRADED; 0: off.
    pub degraded_response_ms: i32,
    /// Set while it is flapping: one alert said so, further outages are recorded silently
    /// until it settles (no change for `flapWindowSeconds`), which is announced too.
    pub flapping_since: Option<DateTime<Utc>>,
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
    /// Set when the monitor is one of a list page: per-monitor fields load for the whole page.
    #[graphql(skip)]
    pub page: Option<Arc<PageLoads>>,
}

/// What the per-monitor fields of one list page need, loaded once for the page on first use
/// (a page of 100 monitors asking for `uptime` and `inMaintenance` costs two queries, not 200).
pub struct PageLoads {
    tenant_id: Uuid,
    monitor_ids: Vec<Uuid>,
    windows: OnceCell<Vec<ActiveWindow>>,
    /// By the period's hours.
    uptime: Mutex<HashMap<i64, Arc<PageStats>>>,
    trend: OnceCell<HashMap<Uuid, Vec<Option<f64>>>>,
}

/// Each page monitor's stats over one period, loaded by the first monitor that asks.
type PageStats = OnceCell<HashMap<Uuid, rollups::Stats>>;

impl PageLoads {
    pub fn new(tenant_id: Uuid, monitor_ids: Vec<Uuid>) -> Arc<Self> {
        Arc::new(Self {
            tenant_id,
            monitor_ids,
            windows: OnceCell::new(),
            uptime: Mutex::default(),
            trend: OnceCell::new(),
        })
    }

    async fn windows(&self, db: &DatabaseConnection) -> Result<&[ActiveWindow], DbErr> {
        let windows =
            self.windows.get_or_try_init(|| maintenance::of_tenants(db, vec![self.tenant_id])).await?;
        Ok(windows)
    }

    async fn uptime(
        &self,
        db: &DatabaseConnection,
        now: DateTime<Utc>,
        hours: i64,
        monitor_id: Uuid,
    ) -> Result<rollups::Stats, DbErr> {
        let cell = self
            .uptime
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .entry(hours)
            .or_default()
            .clone();
        let stats = cell
            .get_or_try_init(|| rollups::over_many(db, self.tenant_id, &self.monitor_ids, now, hours))
            .await?;
        Ok(stats.get(&monitor_id).cloned().unwrap_or_default())
    }

    async fn trend(
        &self,
        db: &DatabaseConnection,
        now: DateTime<Utc>,
        monitor_id: Uuid,
    ) -> Result<Vec<Option<f64>>, DbErr> {
        let trends = self
            .trend
            .get_or_try_init(|| {
                rollups::hourly_averages(db, self.tenant_id, &self.monitor_ids, now, TREND_HOURS)
            })
            .await?;
        Ok(trends.get(&monitor_id).cloned().unwrap_or_else(|| vec![None; TREND_HOURS as usize]))
    }
}

/// The hours of a row's latency sparkline.
const TREND_HOURS: i64 = 24;

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
    /// The job's schedule; null when a ping is expected every `intervalSeconds`.
    pub cron: Option<String>,
    pub time_zone: Option<String>,
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
            dependency_down: model.dependency_down,
            tags: Tags::from_column(&model.tags).as_slice().to_vec(),
            interval_seconds: model.interval_seconds,
            timeout_seconds: model.timeout_seconds,
            retry_interval_seconds: model.retry_interval_seconds,
            failure_threshold: model.failure_threshold,
            recovery_threshold: model.recovery_threshold,
            failure_window_seconds: model.failure_window_seconds,
            flap_threshold: model.flap_threshold,
            flap_window_seconds: model.flap_window_seconds,
            degraded_response_ms: model.degraded_response_ms,
            flapping_since: model.flapping_since,
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
            page: None,
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
                monitor.heartbeat = Some(HeartbeatSettingsView {
                    grace_seconds: beat.grace_seconds as i32,
                    cron: beat.cron,
                    time_zone: beat.time_zone,
                })
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
#[graphql(complex)]
pub struct Incident {
    pub id: ID,
    pub monitor_id: ID,
    pub monitor_name: String,
    pub opened_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// From opening to resolution; null while open.
    pub duration_seconds: Option<i64>,
    /// The error of the check that opened it.
    pub cause: String,
    /// No alert went out: it began in maintenance, while a monitor it depends on was down, or
    /// while the monitor was flapping.
    pub suppressed: bool,
    /// Someone took it: its escalation stopped.
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// The member's name, or "link in alert".
    pub acknowledged_by: Option<String>,
    #[graphql(skip)]
    pub tenant_id: Uuid,
    #[graphql(skip)]
    pub caused_by_incident_id: Option<Uuid>,
}

impl Incident {
    pub fn new(row: incidents::Model, monitor_name: String) -> Self {
        Self {
            id: id(row.id),
            monitor_id: id(row.monitor_id),
            monitor_name,
            opened_at: row.opened_at,
            resolved_at: row.resolved_at,
            duration_seconds: row.resolved_at.map(|resolved| (resolved - row.opened_at).num_seconds().max(0)),
            cause: row.cause,
            suppressed: !row.alerted,
            acknowledged_at: row.acknowledged_at,
            acknowledged_by: row.acknowledged_by,
            tenant_id: row.tenant_id,
            caused_by_incident_id: row.caused_by_incident_id,
        }
    }
}

/// What happened to an outage.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::incident_events::IncidentEventKind")]
pub enum IncidentEventKind {
    Opened,
    Notified,
    Escalated,
    Acknowledged,
    Resolved,
}

#[derive(SimpleObject)]
pub struct IncidentEvent {
    pub at: DateTime<Utc>,
    pub kind: IncidentEventKind,
    pub message: String,
}

#[ComplexObject]
impl Incident {
    /// Oldest first: opened, notified, escalated, acknowledged, resolved.
    async fn timeline(&self, ctx: &Context<'_>) -> Result<Vec<IncidentEvent>, ApiError> {
        let outage = uuid::Uuid::parse_str(&self.id).map_err(|err| ApiError::internal(err.to_string()))?;
        let events = crate::monitoring::timeline::of(db(ctx), self.tenant_id, outage).await?;
        Ok(events
            .into_iter()
            .map(|event| IncidentEvent { at: event.at, kind: event.kind.into(), message: event.message })
            .collect())
    }

    /// When this monitor was down because a monitor it depends on was: that monitor's outage.
    async fn caused_by(&self, ctx: &Context<'_>) -> Result<Option<Incident>, ApiError> {
        let Some(cause) = self.caused_by_incident_id else { return Ok(None) };
        let row = incidents::Entity::find_by_id(cause)
            .filter(incidents::Column::TenantId.eq(self.tenant_id))
            .one(db(ctx))
            .await?;
        let Some(row) = row else { return Ok(None) };
        let name = monitors::Entity::find_by_id(row.monitor_id)
            .filter(monitors::Column::TenantId.eq(self.tenant_id))
            .one(db(ctx))
            .await?
            .map(|monitor| monitor.name)
            .unwrap_or_default();
        Ok(Some(Incident::new(row, name)))
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

/// The escalation policy a monitor follows, by name; `escalationPolicy(id:)` has its steps.
#[derive(SimpleObject)]
pub struct MonitorEscalationPolicy {
    pub id: ID,
    pub name: String,
}

#[ComplexObject]
impl Monitor {
    /// Who is notified, step by step, until someone acknowledges an outage. Null: only the
    /// channels' routing.
    async fn escalation_policy(
        &self,
        ctx: &Context<'_>,
    ) -> Result<Option<MonitorEscalationPolicy>, ApiError> {
        let Some(policy) = self.model.escalation_policy_id else { return Ok(None) };
        let policy = entity::escalation_policies::Entity::find_by_id(policy)
            .filter(entity::escalation_policies::Column::TenantId.eq(self.model.tenant_id))
            .one(db(ctx))
            .await?;
        Ok(policy.map(|policy| MonitorEscalationPolicy { id: id(policy.id), name: policy.name }))
    }

    /// The monitors this one depends on, A to Z.
    async fn depends_on(&self, ctx: &Context<'_>) -> Result<Vec<Monitor>, ApiError> {
        let parents = dependencies::neighbours(db(ctx), self.model.tenant_id, self.model.id, true).await?;
        Ok(parents.into_iter().map(Monitor::from).collect())
    }

    /// The monitors that depend on this one, A to Z.
    async fn dependents(&self, ctx: &Context<'_>) -> Result<Vec<Monitor>, ApiError> {
        let children = dependencies::neighbours(db(ctx), self.model.tenant_id, self.model.id, false).await?;
        Ok(children.into_iter().map(Monitor::from).collect())
    }

    /// Whether a maintenance window covers this monitor now (no alerts; not counted in uptime).
    async fn in_maintenance(&self, ctx: &Context<'_>) -> Result<bool, ApiError> {
        let covered = match &self.page {
            Some(page) => maintenance::covers(page.windows(db(ctx)).await?, &self.model, now(ctx)),
            None => {
                let windows = maintenance::of_tenants(db(ctx), vec![self.model.tenant_id]).await?;
                maintenance::covers(&windows, &self.model, now(ctx))
            }
        };
        Ok(covered)
    }

    /// Uptime and latency over the last day, week, month or quarter.
    async fn uptime(&self, ctx: &Context<'_>, period: UptimePeriod) -> Result<UptimeStats, ApiError> {
        let stats = match &self.page {
            Some(page) => page.uptime(db(ctx), now(ctx), period.hours(), self.model.id).await?,
            None => {
                rollups::over(db(ctx), self.model.tenant_id, self.model.id, now(ctx), period.hours()).await?
            }
        };
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

    /// Average response time per hour over the last 24 hours, oldest first (null for an hour
    /// without checks): a list row's sparkline.
    async fn latency_trend(&self, ctx: &Context<'_>) -> Result<Vec<Option<f64>>, ApiError> {
        let trend = match &self.page {
            Some(page) => page.trend(db(ctx), now(ctx), self.model.id).await?,
            None => {
                let one = [self.model.id];
                let mut trends =
                    rollups::hourly_averages(db(ctx), self.model.tenant_id, &one, now(ctx), TREND_HOURS)
                        .await?;
                trends.remove(&self.model.id).unwrap_or_else(|| vec![None; TREND_HOURS as usize])
            }
        };
        Ok(trend)
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
        Ok(rows.into_iter().map(|row| Incident::new(row, self.model.name.clone())).collect())
    }
}

fn parse_small_count(first: i32) -> Result<u64, ApiError> {
    if (1..=100).contains(&first) {
        Ok(first as u64)
    } else {
        Err(ApiError::field("first", "must be between 1 and 100"))
    }
}

/// One edge of the dependency graph: `monitorId` depends on `dependsOnId`.
#[derive(SimpleObject)]
pub struct MonitorDependency {
    pub monitor_id: ID,
    pub depends_on_id: ID,
}

/// Every monitor that depends on another or is depended on, and the edges between them.
#[derive(SimpleObject)]
pub struct MonitorDependencyGraph {
    pub monitors: Vec<Monitor>,
    pub dependencies: Vec<MonitorDependency>,
}
