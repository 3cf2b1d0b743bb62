//! Maintenance windows over GraphQL.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::maintenance_windows;

use super::{audit, db, id, now};
use crate::auth::graphql::scope;
use crate::kernel::ids::parse_id;
use crate::kernel::input::parse_name;
use crate::kernel::{ApiError, FieldErrors};
use crate::monitoring::events::MonitorEvents;
use crate::monitoring::maintenance::{self as service, Coverage, Schedule, ScheduleInput, WindowDraft};
use crate::monitoring::tags::Tags;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum Weekday {
    Sunday,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
}

impl Weekday {
    fn number(self) -> u8 {
        self as u8
    }
}

#[derive(SimpleObject)]
pub struct MaintenanceWindow {
    pub id: ID,
    pub name: String,
    /// The one monitor it covers; with `tag` also null, every monitor of the organization.
    pub monitor_id: Option<ID>,
    /// Every monitor with this tag, including ones tagged later.
    pub tag: Option<String>,
    /// A one-off window's start and end.
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    /// A recurring window's starts, as a cron expression read in `timeZone`.
    pub cron: Option<String>,
    pub duration_minutes: Option<i32>,
    pub time_zone: String,
    pub active_now: bool,
    /// The next start, if there is one.
    pub next_start: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl MaintenanceWindow {
    fn from_row(row: maintenance_windows::Model, now: DateTime<Utc>) -> Self {
        let schedule = Schedule::from_row(&row);
        Self {
            id: id(row.id),
            name: row.name,
            monitor_id: row.monitor_id.map(id),
            tag: row.tag,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            cron: row.cron,
            duration_minutes: row.duration_minutes,
            time_zone: row.time_zone,
            active_now: schedule.as_ref().is_some_and(|s| s.is_active(now)),
            next_start: schedule.and_then(|s| s.next_start(now)),
            created_at: row.created_at,
        }
    }
}

#[derive(InputObject)]
pub struct WeeklyInput {
    pub days: Vec<Weekday>,
    /// `HH:MM` in the window's time zone.
    pub start_time: String,
    pub duration_minutes: i32,
}

#[derive(InputObject)]
pub struct CronInput {
    /// Five fields: minute hour day-of-month month day-of-week.
    pub expression: String,
    pub duration_minutes: i32,
}

/// A window: a name, what it covers, and exactly one of `startsAt`+`endsAt`, `weekly`, `cron`.
#[derive(InputObject)]
pub struct CreateMaintenanceWindowInput {
    pub name: String,
    /// One monitor; omit this and `tag` for every monitor of the organization.
    pub monitor_id: Option<ID>,
    /// Every monitor with this tag (not together with `monitorId`).
    pub tag: Option<String>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub weekly: Option<WeeklyInput>,
    pub cron: Option<CronInput>,
    /// An IANA time zone for recurring windows; default UTC.
    #[graphql(default_with = "\"UTC\".to_owned()")]
    pub time_zone: String,
}

#[derive(Default)]
pub struct MaintenanceQuery;

#[Object]
impl MaintenanceQuery {
    /// This organization's maintenance windows, oldest first.
    async fn maintenance_windows(&self, ctx: &Context<'_>) -> Result<Vec<MaintenanceWindow>, ApiError> {
        let scope = scope(ctx).await?;
        let now = now(ctx);
        Ok(service::list(db(ctx), &scope)
            .await?
            .into_iter()
            .map(|row| MaintenanceWindow::from_row(row, now))
            .collect())
    }
}

#[derive(Default)]
pub struct MaintenanceMutation;

#[Object]
impl MaintenanceMutation {
    /// Announces maintenance: no alerts, and checks not counted in uptime, while it is active.
    /// Members and above. Another organization's monitor is `NOT_FOUND`.
    async fn create_maintenance_window(
        &self,
        ctx: &Context<'_>,
        input: CreateMaintenanceWindowInput,
    ) -> Result<MaintenanceWindow, ApiError> {
        let scope = scope(ctx).await?;
        let mut errors = FieldErrors::default();
        let name = errors.check(
            "name",
            parse_name(&input.name).and_then(|name| {
                if name.chars().count() > 80 { Err("must be at most 80 characters".into()) } else { Ok(name) }
            }),
        );
        let once = match (input.starts_at, input.ends_at) {
            (Some(starts_at), Some(ends_at)) => Some((starts_at, ends_at)),
            (None, None) => None,
            _ => {
                errors.check::<()>("endsAt", Err("give both startsAt and endsAt".into()));
                None
            }
        };
        let days: Vec<u8> =
            input.weekly.as_ref().map(|w| w.days.iter().map(|d| d.number()).collect()).unwrap_or_default();
        let schedule = service::parse_schedule(
            ScheduleInput {
                once,
                weekly: input
                    .weekly
                    .as_ref()
                    .map(|w| (days.as_slice(), w.start_time.as_str(), w.duration_minutes)),
                cron: input.cron.as_ref().map(|c| (c.expression.as_str(), c.duration_minutes)),
                time_zone: &input.time_zone,
            },
            &mut errors,
        );
        let tag = input.tag.as_deref().map(|raw| errors.check("tag", Tags::parse_one(raw)));
        if input.monitor_id.is_some() && input.tag.is_some() {
            errors.check::<()>("tag", Err("give monitorId or tag, not both".into()));
        }
        errors.into_result()?;
        let (Some(name), Some(schedule)) = (name, schedule) else {
            return Err(ApiError::internal("maintenance input parsed without errors"));
        };
        let monitor_id = input.monitor_id.map(|raw| parse_id(&raw, "monitor")).transpose()?;
        let covers = match (monitor_id, tag.flatten()) {
            (Some(id), _) => Coverage::Monitor(id),
            (None, Some(tag)) => Coverage::Tag(tag),
            (None, None) => Coverage::Tenant,
        };
        let draft = WindowDraft { name, covers, schedule };
        let now = now(ctx);
        let window = service::create(db(ctx), &audit(ctx), &scope, now, draft).await?;
        ctx.data_unchecked::<MonitorEvents>().setup_changed(db(ctx), scope.tenant_id()).await;
        Ok(MaintenanceWindow::from_row(window, now))
    }

    /// Ends and removes a window. Members and above.
    async fn delete_maintenance_window(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<MaintenanceWindow, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "maintenance window")?;
        let window = service::delete(db(ctx), &audit(ctx), &scope, id).await?;
        ctx.data_unchecked::<MonitorEvents>().setup_changed(db(ctx), scope.tenant_id()).await;
        Ok(MaintenanceWindow::from_row(window, now(ctx)))
    }
}
