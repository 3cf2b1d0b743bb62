//! Maintenance windows: parsing them from input, telling whether one is active at an instant,
//! and managing them for a tenant. While a window is active for a monitor, recording its checks
//! sends no alerts and leaves its uptime untouched (see `record`).

use std::str::FromStr;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use croner::Cron;
use entity::maintenance_windows;
use entity::memberships::Role;
use entity::monitors;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

pub use super::cron::{parse_cron, parse_time_zone};
use crate::audit::{self, AuditContext, actions};
use crate::auth::TenantScope;
use crate::kernel::{ApiError, FieldErrors};

pub const MAX_WINDOWS_PER_TENANT: u64 = 200;

/// When a window applies.
#[derive(Debug, Clone)]
pub enum Schedule {
    Once { starts_at: DateTime<Utc>, ends_at: DateTime<Utc> },
    Recurring { cron: Box<Cron>, expression: String, duration: Duration, time_zone: Tz },
}

impl Schedule {
    /// Whether `at` falls inside the window (a recurring one: after an occurrence, before it
    /// ends).
    pub fn is_active(&self, at: DateTime<Utc>) -> bool {
        match self {
            Schedule::Once { starts_at, ends_at } => *starts_at <= at && at < *ends_at,
            Schedule::Recurring { cron, duration, time_zone, .. } => {
                let local = at.with_timezone(time_zone);
                cron.find_previous_occurrence(&local, true)
                    .is_ok_and(|start| at < start.with_timezone(&Utc) + *duration)
            }
        }
    }

    /// The next start after `at`, if any.
    pub fn next_start(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self {
            Schedule::Once { starts_at, .. } => (*starts_at > at).then_some(*starts_at),
            Schedule::Recurring { cron, time_zone, .. } => cron
                .find_next_occurrence(&at.with_timezone(time_zone), false)
                .ok()
                .map(|start| start.with_timezone(&Utc)),
        }
    }

    /// The occurrence in progress at `at`, else the next one, as (start, end); `None` when the
    /// window has ended for good.
    pub fn current_or_next(&self, at: DateTime<Utc>) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        match self {
            Schedule::Once { starts_at, ends_at } => (*ends_at > at).then_some((*starts_at, *ends_at)),
            Schedule::Recurring { cron, duration, time_zone, .. } => {
                let local = at.with_timezone(time_zone);
                if let Ok(start) = cron.find_previous_occurrence(&local, true) {
                    let start = start.with_timezone(&Utc);
                    if at < start + *duration {
                        return Some((start, start + *duration));
                    }
                }
                self.next_start(at).map(|start| (start, start + *duration))
            }
        }
    }

    /// The latest occurrence that started at or before `at`, as (start, end); it may have ended.
    pub fn last_started(&self, at: DateTime<Utc>) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        match self {
            Schedule::Once { starts_at, ends_at } => (*starts_at <= at).then_some((*starts_at, *ends_at)),
            Schedule::Recurring { cron, duration, time_zone, .. } => {
                let start = cron.find_previous_occurrence(&at.with_timezone(time_zone), true).ok()?;
                let start = start.with_timezone(&Utc);
                Some((start, start + *duration))
            }
        }
    }

    pub fn from_row(row: &maintenance_windows::Model) -> Option<Self> {
        match (&row.cron, row.duration_minutes, row.starts_at, row.ends_at) {
            (Some(expression), Some(minutes), _, _) => Some(Schedule::Recurring {
                cron: Box::new(parse_cron(expression).ok()?),
                expression: expression.clone(),
                duration: Duration::minutes(i64::from(minutes)),
                time_zone: Tz::from_str(&row.time_zone).ok()?,
            }),
            (None, None, Some(starts_at), Some(ends_at)) => Some(Schedule::Once { starts_at, ends_at }),
            _ => None,
        }
    }
}

/// `HH:MM` on the given weekdays (0 = Sunday … 6 = Saturday) as a cron expression.
pub fn weekly_cron(days: &[u8], start: &str) -> Result<String, String> {
    let (hour, minute) = start
        .trim()
        .split_once(':')
        .and_then(|(h, m)| Some((h.parse::<u8>().ok()?, m.parse::<u8>().ok()?)))
        .filter(|(h, m)| *h < 24 && *m < 60)
        .ok_or_else(|| "must be a time such as 02:30".to_owned())?;
    let mut days = days.to_vec();
    days.sort_unstable();
    days.dedup();
    let days: Vec<String> = days.iter().map(u8::to_string).collect();
    Ok(format!("{minute} {hour} * * {}", days.join(",")))
}

/// A window as the user describes it (already parsed).
#[derive(Debug, Clone)]
pub struct WindowDraft {
    pub name: String,
    pub covers: Coverage,
    pub schedule: Schedule,
}

/// What a window covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    Tenant,
    Monitor(Uuid),
    /// Every monitor with this tag (parsed by `Tags::parse_one`), now or later.
    Tag(String),
}

impl Coverage {
    pub fn of(row: &maintenance_windows::Model) -> Self {
        match (row.monitor_id, &row.tag) {
            (Some(id), _) => Coverage::Monitor(id),
            (None, Some(tag)) => Coverage::Tag(tag.clone()),
            (None, None) => Coverage::Tenant,
        }
    }

    /// Whether `monitor` (of the window's tenant) is covered.
    pub fn includes(&self, monitor: &monitors::Model) -> bool {
        match self {
            Coverage::Tenant => true,
            Coverage::Monitor(id) => *id == monitor.id,
            Coverage::Tag(tag) => monitor.tags.split(',').any(|own| own == tag),
        }
    }
}

/// A window as the scheduler needs it.
#[derive(Debug, Clone)]
pub struct ActiveWindow {
    pub tenant_id: Uuid,
    pub covers: Coverage,
    pub schedule: Schedule,
}

/// The tenant's windows, oldest first.
pub async fn list(
    db: &DatabaseConnection,
    scope: &TenantScope,
) -> Result<Vec<maintenance_windows::Model>, ApiError> {
    Ok(scope
        .find::<maintenance_windows::Entity>()
        .order_by_asc(maintenance_windows::Column::CreatedAt)
        .all(db)
        .await?)
}

pub async fn create(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    draft: WindowDraft,
) -> Result<maintenance_windows::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    if let Coverage::Monitor(monitor_id) = draft.covers {
        // Another tenant's monitor is NOT_FOUND, like a missing one.
        scope.get::<monitors::Entity>(&txn, monitor_id).await?;
    }
    let (monitor_id, tag) = match draft.covers {
        Coverage::Tenant => (None, None),
        Coverage::Monitor(id) => (Some(id), None),
        Coverage::Tag(tag) => (None, Some(tag)),
    };
    if scope.find::<maintenance_windows::Entity>().count(&txn).await? >= MAX_WINDOWS_PER_TENANT {
        return Err(ApiError::field(
            "name",
            format!("an organization has at most {MAX_WINDOWS_PER_TENANT} windows"),
        ));
    }
    let (starts_at, ends_at, cron, duration, time_zone) = match &draft.schedule {
        Schedule::Once { starts_at, ends_at } => {
            (Some(*starts_at), Some(*ends_at), None, None, "UTC".to_owned())
        }
        Schedule::Recurring { expression, duration, time_zone, .. } => (
            None,
            None,
            Some(expression.clone()),
            Some(duration.num_minutes() as i32),
            time_zone.name().to_owned(),
        ),
    };
    let window = maintenance_windows::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(scope.tenant_id()),
        name: Set(draft.name),
        monitor_id: Set(monitor_id),
        tag: Set(tag),
        starts_at: Set(starts_at),
        ends_at: Set(ends_at),
        cron: Set(cron),
        duration_minutes: Set(duration),
        time_zone: Set(time_zone),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let changes = serde_json::json!({ "name": window.name, "monitor_id": window.monitor_id, "tag": window.tag, "cron": window.cron });
    audit::record_in(
        &txn,
        audit,
        scope,
        actions::MAINTENANCE_CREATED,
        ("maintenance_window", window.id),
        changes,
    )
    .await?;
    txn.commit().await?;
    Ok(window)
}

pub async fn delete(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    id: Uuid,
) -> Result<maintenance_windows::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    let window = scope.get::<maintenance_windows::Entity>(&txn, id).await?;
    scope
        .delete_many::<maintenance_windows::Entity>()
        .filter(maintenance_windows::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    let changes = serde_json::json!({ "name": window.name });
    audit::record_in(&txn, audit, scope, actions::MAINTENANCE_DELETED, ("maintenance_window", id), changes)
        .await?;
    txn.commit().await?;
    Ok(window)
}

/// The windows of these tenants, for deciding which checks fall in maintenance.
pub async fn of_tenants(
    db: &impl ConnectionTrait,
    tenant_ids: Vec<Uuid>,
) -> Result<Vec<ActiveWindow>, DbErr> {
    if tenant_ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = maintenance_windows::Entity::find()
        .filter(maintenance_windows::Column::TenantId.is_in(tenant_ids))
        .all(db)
        .await?;
    Ok(active_windows(&rows))
}

/// Windows as stored, as the scheduler needs them (rows that no longer parse are skipped).
pub fn active_windows(rows: &[maintenance_windows::Model]) -> Vec<ActiveWindow> {
    rows.iter()
        .filter_map(|row| {
            Some(ActiveWindow {
                tenant_id: row.tenant_id,
                covers: Coverage::of(row),
                schedule: Schedule::from_row(row)?,
            })
        })
        .collect()
}

/// Whether `monitor` is in maintenance at `at` under `windows` (from [`of_tenants`]).
pub fn covers(windows: &[ActiveWindow], monitor: &monitors::Model, at: DateTime<Utc>) -> bool {
    windows.iter().any(|window| {
        window.tenant_id == monitor.tenant_id
            && window.covers.includes(monitor)
            && window.schedule.is_active(at)
    })
}

/// Field-level parsing of a window's timing: a one-off (`startsAt` < `endsAt`), weekly
/// (`weekly.days`, `weekly.startTime`, `weekly.durationMinutes`) or cron (`cron.expression`,
/// `cron.durationMinutes`), with `timeZone` for the recurring ones.
pub struct ScheduleInput<'a> {
    pub once: Option<(DateTime<Utc>, DateTime<Utc>)>,
    pub weekly: Option<(&'a [u8], &'a str, i32)>,
    pub cron: Option<(&'a str, i32)>,
    pub time_zone: &'a str,
}

pub fn parse_schedule(input: ScheduleInput<'_>, errors: &mut FieldErrors) -> Option<Schedule> {
    let given = [input.once.is_some(), input.weekly.is_some(), input.cron.is_some()];
    if given.iter().filter(|g| **g).count() != 1 {
        errors.check::<()>("schedule", Err("give exactly one of startsAt/endsAt, weekly, cron".into()));
        return None;
    }
    let duration = |field: &str, minutes: i32, errors: &mut FieldErrors| {
        errors.check(
            field,
            if (1..=10_080).contains(&minutes) {
                Ok(Duration::minutes(i64::from(minutes)))
            } else {
                Err("must be between 1 and 10080 minutes".to_owned())
            },
        )
    };
    if let Some((starts_at, ends_at)) = input.once {
        return errors.check(
            "endsAt",
            if ends_at > starts_at && ends_at - starts_at <= Duration::days(366) {
                Ok(Schedule::Once { starts_at, ends_at })
            } else {
                Err("must be after startsAt, within a year".to_owned())
            },
        );
    }
    let time_zone = errors.check("timeZone", parse_time_zone(input.time_zone));
    let (expression, duration) = if let Some((days, start, minutes)) = input.weekly {
        let days = if days.is_empty() || days.iter().any(|d| *d > 6) {
            errors.check::<()>("weekly.days", Err("choose at least one day".into()));
            None
        } else {
            Some(days)
        };
        let expression = days.and_then(|days| errors.check("weekly.startTime", weekly_cron(days, start)));
        (expression, duration("weekly.durationMinutes", minutes, errors))
    } else {
        let (raw, minutes) = input.cron?;
        let expression = errors.check("cron.expression", parse_cron(raw).map(|_| raw.trim().to_owned()));
        (expression, duration("cron.durationMinutes", minutes, errors))
    };
    let (expression, duration, time_zone) = (expression?, duration?, time_zone?);
    Some(Schedule::Recurring {
        cron: Box::new(parse_cron(&expression).ok()?),
        expression,
        duration,
        time_zone,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_weekly_window_follows_its_time_zone() {
        // Sundays 02:00–04:00 in Berlin (UTC+1 in December): 01:00–03:00 UTC.
        let expression = weekly_cron(&[0], "02:00").unwrap();
        assert_eq!(expression, "0 2 * * 0");
        let schedule = Schedule::Recurring {
            cron: Box::new(parse_cron(&expression).unwrap()),
            expression,
            duration: Duration::hours(2),
            time_zone: parse_time_zone("Europe/Berlin").unwrap(),
        };
        assert!(!schedule.is_active(at("2026-12-06T00:59:00Z")));
        assert!(schedule.is_active(at("2026-12-06T01:00:00Z")));
        assert!(schedule.is_active(at("2026-12-06T02:59:00Z")));
        assert!(!schedule.is_active(at("2026-12-06T03:00:00Z")));
        assert!(!schedule.is_active(at("2026-12-07T01:30:00Z")), "Monday");
        assert_eq!(schedule.next_start(at("2026-12-01T00:00:00Z")), Some(at("2026-12-06T01:00:00Z")));
    }

    #[test]
    fn bad_schedules_name_their_field() {
        let mut errors = FieldErrors::default();
        let input =
            ScheduleInput { once: None, weekly: Some((&[], "25:00", 0)), cron: None, time_zone: "Mars/Base" };
        assert!(parse_schedule(input, &mut errors).is_none());
        let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["timeZone", "weekly.days", "weekly.durationMinutes"]);
        let mut errors = FieldErrors::default();
        let input = ScheduleInput { once: None, weekly: None, cron: Some(("* * *", 30)), time_zone: "UTC" };
        assert!(parse_schedule(input, &mut errors).is_none());
        assert_eq!(errors.0[0].field, "cron.expression");
    }
}
