//! Monitors as the tenant manages them: list, read, create, update, pause, resume, duplicate,
//! delete. Members and above change them; viewers and read keys only read. Every target is
//! vetted by the SSRF guard before it is stored (and again on every check, since DNS changes).

use chrono::{DateTime, Duration, Utc};
use entity::memberships::Role;
use entity::monitors::{self, MonitorKind, MonitorStatus};
use sea_orm::sea_query::{CaseStatement, Expr, Func, LikeExpr, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, ExprTrait, Order, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use super::settings::Settings;
use super::tags::{self, Tags};
use super::timing::{Timing, TimingInput};
use crate::audit::{self, AuditContext, actions};
use crate::auth::TenantScope;
use crate::auth::crypto::random_token;
use crate::kernel::paging::{Cursor, KeyCursor, KeyedPageRequest, Page, PageRequest};
use crate::kernel::{ApiError, FieldErrors};
use crate::probe::Prober;

/// List filters; all optional.
#[derive(Debug, Clone, Default)]
pub struct MonitorFilter {
    pub status: Option<MonitorStatus>,
    pub kind: Option<MonitorKind>,
    /// Part of the name or target, case-insensitive.
    pub text: Option<String>,
    /// A parsed tag ([`Tags::parse_one`]).
    pub tag: Option<String>,
}

/// The list's order; every order ends with the id so pages never overlap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MonitorOrder {
    /// Newest first, by creation time.
    #[default]
    Newest,
    /// A to Z, ignoring case.
    Name,
    /// Worst first: down, degraded, pending, up, paused; in creation order within a status.
    Status,
}

/// Where a page starts: newest-first lists page by `(created_at, id)`, the others by their key.
#[derive(Debug, Clone)]
pub enum ListPage {
    Newest(PageRequest),
    Keyed(MonitorOrder, KeyedPageRequest),
}

/// A monitor as the user describes it.
#[derive(Debug, Clone)]
pub struct MonitorDraft {
    pub name: String,
    pub settings: Settings,
    pub timing: Timing,
    pub tags: Tags,
}

/// Changes to a monitor; `None` keeps the current value. The kind never changes.
#[derive(Debug, Clone, Default)]
pub struct MonitorPatch {
    pub name: Option<String>,
    pub settings: Option<Settings>,
    pub timing: TimingInput,
    pub tags: Option<Tags>,
}

pub fn cursor(monitor: &monitors::Model) -> Cursor {
    Cursor { at: monitor.created_at, id: monitor.id }
}

/// The opaque cursor of `monitor` in a list of the given order.
pub fn cursor_in(order: MonitorOrder, monitor: &monitors::Model) -> String {
    match order {
        MonitorOrder::Newest => cursor(monitor).encode(),
        MonitorOrder::Name => KeyCursor { key: monitor.name.clone(), id: monitor.id }.encode(),
        MonitorOrder::Status => {
            KeyCursor { key: status_rank(monitor.status).to_string(), id: monitor.id }.encode()
        }
    }
}

const STATUS_RANKS: [(MonitorStatus, i32); 5] = [
    (MonitorStatus::Down, 0),
    (MonitorStatus::Degraded, 1),
    (MonitorStatus::Pending, 2),
    (MonitorStatus::Up, 3),
    (MonitorStatus::Paused, 4),
];

fn status_rank(status: MonitorStatus) -> i32 {
    STATUS_RANKS.iter().find(|(s, _)| *s == status).map_or(4, |(_, rank)| *rank)
}

/// `CASE status WHEN 'down' THEN 0 ... END`: the status order as SQL.
fn status_rank_sql() -> SimpleExpr {
    let mut case = CaseStatement::new();
    for (status, rank) in STATUS_RANKS {
        case = case.case(monitors::Column::Status.eq(status), rank);
    }
    case.finally(4).into()
}

pub fn kind_of(settings: &Settings) -> MonitorKind {
    match settings {
        Settings::Http(_) => MonitorKind::Http,
        Settings::Tcp(_) => MonitorKind::Tcp,
        Settings::Dns(_) => MonitorKind::Dns,
        Settings::Tls(_) => MonitorKind::Tls,
        Settings::Heartbeat(_) => MonitorKind::Heartbeat,
    }
}

pub fn timing_of(monitor: &monitors::Model) -> Timing {
    Timing {
        interval_seconds: monitor.interval_seconds,
        timeout_seconds: monitor.timeout_seconds,
        retry_interval_seconds: monitor.retry_interval_seconds,
        failure_threshold: monitor.failure_threshold,
        recovery_threshold: monitor.recovery_threshold,
        failure_window_seconds: monitor.failure_window_seconds,
        flap_threshold: monitor.flap_threshold,
        flap_window_seconds: monitor.flap_window_seconds,
        degraded_response_ms: monitor.degraded_response_ms,
    }
}

/// This tenant's monitors in the requested order.
pub async fn list(
    db: &DatabaseConnection,
    scope: &TenantScope,
    filter: &MonitorFilter,
    page: &ListPage,
) -> Result<Page<monitors::Model>, ApiError> {
    let mut query = scope.find::<monitors::Entity>();
    if let Some(tag) = &filter.tag {
        query = query.filter(monitors::Column::Id.in_subquery(tags::monitors_tagged(scope.tenant_id(), tag)));
    }
    if let Some(status) = filter.status {
        query = query.filter(monitors::Column::Status.eq(status));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(monitors::Column::Kind.eq(kind));
    }
    if let Some(text) = filter.text.as_deref().filter(|text| !text.is_empty()) {
        let pattern = format!("%{}%", escape_like(&text.to_lowercase()));
        let lower = |column: monitors::Column| Expr::expr(Func::lower(Expr::col(column)));
        query = query.filter(
            Condition::any()
                .add(lower(monitors::Column::Name).like(LikeExpr::new(pattern.as_str()).escape('\\')))
                .add(lower(monitors::Column::Target).like(LikeExpr::new(pattern.as_str()).escape('\\'))),
        );
    }
    let (order, page) = match page {
        ListPage::Newest(page) => {
            let columns = (monitors::Column::CreatedAt, monitors::Column::Id);
            return Ok(crate::db::paging::newest_first(db, query, columns, page).await?);
        }
        ListPage::Keyed(order, page) => (*order, page),
    };
    let id = || Expr::col(monitors::Column::Id);
    // Both orders are (key ASC, id ASC); the cursor's key is compared in SQL the same way.
    let (key, cursor_key): (SimpleExpr, Option<SimpleExpr>) = match order {
        MonitorOrder::Name => (
            Func::lower(Expr::col(monitors::Column::Name)).into(),
            page.after.as_ref().map(|after| Func::lower(Expr::val(after.key.clone())).into()),
        ),
        _ => {
            let rank = page
                .after
                .as_ref()
                .map(|after| {
                    after.key.parse::<i32>().map_err(|_| ApiError::field("after", "is not a cursor"))
                })
                .transpose()?;
            (status_rank_sql(), rank.map(Expr::val))
        }
    };
    if let (Some(after), Some(cursor_key)) = (&page.after, cursor_key) {
        query = query.filter(
            Condition::any()
                .add(key.clone().gt(cursor_key.clone()))
                .add(Condition::all().add(key.clone().eq(cursor_key)).add(id().gt(after.id))),
        );
    }
    let rows = query
        .order_by(key, Order::Asc)
        .order_by_asc(monitors::Column::Id)
        .limit(page.size().fetch_limit())
        .all(db)
        .await?;
    Ok(Page::from_overfetch(rows, &page.size()))
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

pub async fn get(
    db: &DatabaseConnection,
    scope: &TenantScope,
    id: Uuid,
) -> Result<monitors::Model, ApiError> {
    scope.get::<monitors::Entity>(db, id).await
}

/// Parses the settings and vets the target: field errors for what does not parse, and a
/// `BAD_USER_INPUT` on the target field for an address the SSRF guard refuses.
async fn vet(prober: &Prober, settings: &Settings) -> Result<(), ApiError> {
    let mut errors = FieldErrors::default();
    let spec = settings.check_spec(&mut errors);
    errors.into_result()?;
    if let Some(spec) = spec {
        prober
            .vet_target(&spec)
            .await
            .map_err(|refused| ApiError::field(target_field(settings), refused.to_string()))?;
    }
    Ok(())
}

fn target_field(settings: &Settings) -> &'static str {
    match settings {
        Settings::Http(_) => "http.url",
        Settings::Tcp(_) => "tcp.host",
        Settings::Dns(_) => "dns.name",
        Settings::Tls(_) => "tls.host",
        Settings::Heartbeat(_) => "heartbeat",
    }
}

/// When a new (or resumed) monitor is first checked: spread over up to a minute, so monitors
/// created together (an import, a script) do not all fire in the same second.
fn first_check_at(settings: &Settings, timing: &Timing, now: DateTime<Utc>) -> DateTime<Utc> {
    if let Settings::Heartbeat(beat) = settings {
        return beat.deadline_after(timing.interval_seconds, now);
    }
    let window_ms = i64::from(std::cmp::min(timing.interval_seconds, 60)) * 1000;
    now + Duration::milliseconds(rand::random_range(0..window_ms))
}

pub async fn create(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    prober: &Prober,
    now: DateTime<Utc>,
    draft: MonitorDraft,
) -> Result<monitors::Model, ApiError> {
    scope.require(Role::Member)?;
    vet(prober, &draft.settings).await?;
    insert(db, audit, scope, now, draft, actions::MONITOR_CREATED).await
}

async fn insert(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    draft: MonitorDraft,
    action: &'static str,
) -> Result<monitors::Model, ApiError> {
    let MonitorDraft { name, settings, timing, tags } = draft;
    let heartbeat = matches!(settings, Settings::Heartbeat(_));
    let txn = crate::db::begin_write(db).await?;
    let monitor = monitors::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(scope.tenant_id()),
        name: Set(name),
        kind: Set(kind_of(&settings)),
        target: Set(settings.target()),
        settings: Set(settings.to_json()),
        interval_seconds: Set(timing.interval_seconds),
        timeout_seconds: Set(timing.timeout_seconds),
        retry_interval_seconds: Set(timing.retry_interval_seconds),
        failure_threshold: Set(timing.failure_threshold),
        recovery_threshold: Set(timing.recovery_threshold),
        status: Set(MonitorStatus::Pending),
        consecutive_failures: Set(0),
        consecutive_successes: Set(0),
        next_check_at: Set(first_check_at(&settings, &timing, now)),
        locked_until: Set(None),
        locked_by: Set(None),
        last_checked_at: Set(None),
        last_duration_ms: Set(None),
        last_error: Set(None),
        status_changed_at: Set(None),
        ping_token: Set(heartbeat.then(random_token)),
        last_ping_at: Set(None),
        ping_started_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        tags: Set(tags.to_column()),
        dependency_down: Set(false),
        failure_window_seconds: Set(timing.failure_window_seconds),
        flap_threshold: Set(timing.flap_threshold),
        flap_window_seconds: Set(timing.flap_window_seconds),
        flapping_since: Set(None),
        degraded_since: Set(None),
        degraded_event: Set(None),
        degraded_response_ms: Set(timing.degraded_response_ms),
        escalation_policy_id: Set(None),
    }
    .insert(&txn)
    .await?;
    tags::replace(&txn, scope.tenant_id(), monitor.id, &tags).await?;
    let changes =
        serde_json::json!({ "name": monitor.name, "target": monitor.target, "tags": tags.as_slice() });
    audit::record_in(&txn, audit, scope, action, ("monitor", monitor.id), changes).await?;
    txn.commit().await?;
    Ok(monitor)
}

#[allow(clippy::too_many_arguments)]
pub async fn update(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    prober: &Prober,
    now: DateTime<Utc>,
    id: Uuid,
    patch: MonitorPatch,
) -> Result<monitors::Model, ApiError> {
    scope.require(Role::Member)?;
    let current = scope.get::<monitors::Entity>(db, id).await?;
    let mut errors = FieldErrors::default();
    let timing = Timing::parse(timing_of(&current), patch.timing, &mut errors);
    if let Some(settings) = &patch.settings
        && kind_of(settings) != current.kind
    {
        errors.check::<()>("kind", Err("cannot change; create a new monitor instead".into()));
    }
    errors.into_result()?;
    let timing = timing.ok_or_else(|| ApiError::internal("timing parsed without errors"))?;
    if let Some(settings) = &patch.settings {
        vet(prober, settings).await?;
    }
    let txn = crate::db::begin_write(db).await?;
    // Read again under the write lock: the scheduler may have recorded a check meanwhile.
    let current = scope.get::<monitors::Entity>(&txn, id).await?;
    let mut changes = serde_json::Map::new();
    let mut active: monitors::ActiveModel = current.clone().into();
    if let Some(name) = patch.name.filter(|name| *name != current.name) {
        changes.insert("name".into(), name.clone().into());
        active.name = Set(name);
    }
    if let Some(settings) = patch.settings {
        let target = settings.target();
        if target != current.target {
            changes.insert("target".into(), target.clone().into());
        }
        active.target = Set(target);
        active.settings = Set(settings.to_json());
    }
    if let Some(tags) = patch.tags.filter(|tags| *tags != Tags::from_column(&current.tags)) {
        changes.insert("tags".into(), tags.as_slice().into());
        tags::replace(&txn, scope.tenant_id(), id, &tags).await?;
        active.tags = Set(tags.to_column());
    }
    if timing != timing_of(&current) {
        changes.insert("interval_seconds".into(), timing.interval_seconds.into());
        active.interval_seconds = Set(timing.interval_seconds);
        active.timeout_seconds = Set(timing.timeout_seconds);
        active.retry_interval_seconds = Set(timing.retry_interval_seconds);
        active.failure_threshold = Set(timing.failure_threshold);
        active.recovery_threshold = Set(timing.recovery_threshold);
        active.failure_window_seconds = Set(timing.failure_window_seconds);
        active.flap_threshold = Set(timing.flap_threshold);
        active.flap_window_seconds = Set(timing.flap_window_seconds);
        active.degraded_response_ms = Set(timing.degraded_response_ms);
        if timing.flap_threshold == 0 {
            active.flapping_since = Set(None);
        }
        // A shorter interval takes effect now rather than after the old, longer one.
        let sooner = now + Duration::seconds(i64::from(timing.interval_seconds));
        if current.kind != MonitorKind::Heartbeat && sooner < current.next_check_at {
            active.next_check_at = Set(sooner);
        }
    }
    active.updated_at = Set(std::cmp::max(now, current.created_at));
    let monitor = active.update(&txn).await?;
    audit::record_in(&txn, audit, scope, actions::MONITOR_UPDATED, ("monitor", id), changes.into()).await?;
    txn.commit().await?;
    Ok(monitor)
}

/// Stops checking; the history stays. Pausing a paused monitor changes nothing.
pub async fn pause(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    id: Uuid,
) -> Result<monitors::Model, ApiError> {
    set_paused(db, audit, scope, now, id, true).await
}

/// Checks again from a fresh start (status pending, counters cleared).
pub async fn resume(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    id: Uuid,
) -> Result<monitors::Model, ApiError> {
    set_paused(db, audit, scope, now, id, false).await
}

async fn set_paused(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    id: Uuid,
    paused: bool,
) -> Result<monitors::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    let current = scope.get::<monitors::Entity>(&txn, id).await?;
    if (current.status == MonitorStatus::Paused) == paused {
        return Ok(current);
    }
    let settings = Settings::from_json(&current.settings).map_err(ApiError::internal)?;
    let timing = timing_of(&current);
    let mut active: monitors::ActiveModel = current.into();
    active.status = Set(if paused { MonitorStatus::Paused } else { MonitorStatus::Pending });
    active.consecutive_failures = Set(0);
    active.consecutive_successes = Set(0);
    active.dependency_down = Set(false);
    active.status_changed_at = Set(Some(now));
    if !paused {
        active.next_check_at = Set(first_check_at(&settings, &timing, now));
    }
    active.updated_at = Set(now);
    let monitor = active.update(&txn).await?;
    let action = if paused { actions::MONITOR_PAUSED } else { actions::MONITOR_RESUMED };
    audit::record_in(&txn, audit, scope, action, ("monitor", id), serde_json::json!({})).await?;
    txn.commit().await?;
    Ok(monitor)
}

/// A copy named "<name> (copy)", pending, with a new heartbeat token if it has one.
pub async fn duplicate(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    id: Uuid,
) -> Result<monitors::Model, ApiError> {
    scope.require(Role::Member)?;
    let current = scope.get::<monitors::Entity>(db, id).await?;
    let settings = Settings::from_json(&current.settings).map_err(ApiError::internal)?;
    let name: String = format!("{} (copy)", current.name).chars().take(80).collect();
    let draft =
        MonitorDraft { name, settings, timing: timing_of(&current), tags: Tags::from_column(&current.tags) };
    insert(db, audit, scope, now, draft, actions::MONITOR_CREATED).await
}

/// Deletes a monitor with its results and incidents.
pub async fn delete(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    id: Uuid,
) -> Result<monitors::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    let monitor = scope.get::<monitors::Entity>(&txn, id).await?;
    scope.delete_many::<monitors::Entity>().filter(monitors::Column::Id.eq(id)).exec(&txn).await?;
    let changes = serde_json::json!({ "name": monitor.name, "target": monitor.target });
    audit::record_in(&txn, audit, scope, actions::MONITOR_DELETED, ("monitor", id), changes).await?;
    txn.commit().await?;
    Ok(monitor)
}
