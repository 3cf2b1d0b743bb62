//! Monitors over GraphQL: resolvers parse input into the monitoring domain, call one service,
//! convert the result. Maintenance windows in `maintenance`, subscriptions in `live`.

mod inputs;
mod live;
mod maintenance;
mod types;

pub use inputs::*;
pub use types::*;

pub use live::MonitorsSubscription;
pub use maintenance::{MaintenanceMutation, MaintenanceQuery};

use async_graphql::{Context, Enum, ID, Object};
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use crate::audit::AuditContext;
use crate::auth::graphql::scope;
use crate::graphql::{PageConnection, connection, encoded_connection};
use crate::kernel::ids::parse_id;
use crate::kernel::input::single_line;
use crate::kernel::paging::{KeyedPageRequest, PageRequest};
use crate::kernel::{ApiError, FieldErrors, RequestMeta, SharedClock};
use crate::monitoring::dependencies;
use crate::monitoring::incidents::{self, IncidentFilter};
use crate::monitoring::monitors::{self as service, ListPage, MonitorDraft, MonitorFilter, MonitorPatch};
use crate::monitoring::tags::Tags;
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
        order_by: Option<MonitorOrder>,
    ) -> Result<PageConnection<Monitor>, ApiError> {
        let scope = scope(ctx).await?;
        let order: service::MonitorOrder = order_by.unwrap_or_default().into();
        let page = match order {
            service::MonitorOrder::Newest => ListPage::Newest(PageRequest::parse(first, after.as_deref())?),
            keyed => ListPage::Keyed(keyed, KeyedPageRequest::parse(first, after.as_deref())?),
        };
        let filter = filter.unwrap_or_default();
        let tag = filter
            .tag
            .as_deref()
            .map(|raw| Tags::parse_one(raw).map_err(|message| ApiError::field("filter.tag", message)))
            .transpose()?;
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
        let filter = MonitorFilter {
            status: filter.status.map(Into::into),
            kind: filter.kind.map(Into::into),
            text,
            tag,
        };
        let monitors = service::list(db(ctx), &scope, &filter, &page).await?;
        let loads =
            PageLoads::new(scope.tenant_id(), monitors.items.iter().map(|monitor| monitor.id).collect());
        let node = |model| Monitor { page: Some(loads.clone()), ..Monitor::from(model) };
        Ok(encoded_connection(monitors, |monitor| service::cursor_in(order, monitor), node))
    }

    /// The tags this organization's monitors use, A to Z (at most 500).
    async fn monitor_tags(&self, ctx: &Context<'_>) -> Result<Vec<String>, ApiError> {
        let scope = scope(ctx).await?;
        Ok(crate::monitoring::tags::in_use(db(ctx), &scope).await?)
    }

    /// Outages across this organization's monitors, newest first.
    async fn incidents(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<IncidentFilterInput>,
    ) -> Result<PageConnection<Incident>, ApiError> {
        let scope = scope(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref())?;
        let filter = filter.unwrap_or_default();
        let filter = IncidentFilter {
            open: filter.open,
            monitor_id: filter.monitor_id.map(|raw| parse_id(&raw, "monitor")).transpose()?,
        };
        let incidents = incidents::list(db(ctx), &scope, &filter, &page).await?;
        Ok(connection(incidents, incidents::cursor, |(row, name)| Incident::new(row, name)))
    }

    /// Every monitor that depends on another or is depended on, and the edges between them.
    async fn monitor_dependency_graph(&self, ctx: &Context<'_>) -> Result<MonitorDependencyGraph, ApiError> {
        let scope = scope(ctx).await?;
        let (monitors, edges) = dependencies::graph(db(ctx), &scope).await?;
        Ok(MonitorDependencyGraph {
            monitors: monitors.into_iter().map(Monitor::from).collect(),
            dependencies: edges
                .into_iter()
                .map(|(monitor, parent)| MonitorDependency {
                    monitor_id: id(monitor),
                    depends_on_id: id(parent),
                })
                .collect(),
        })
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
        let tags = errors.check("tags", Tags::parse(&input.tags));
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
            failure_window_seconds: input.failure_window_seconds,
            flap_threshold: input.flap_threshold,
            flap_window_seconds: input.flap_window_seconds,
            degraded_response_ms: input.degraded_response_ms,
        };
        let timing = Timing::parse(Timing::default(), timing, &mut errors);
        errors.into_result()?;
        let (Some(name), Ok(Some(settings)), Some(timing), Some(tags)) = (name, settings, timing, tags)
        else {
            return Err(ApiError::internal("monitor input parsed without errors"));
        };
        let draft = MonitorDraft { name, settings, timing, tags };
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
        let tags = input.tags.as_deref().map(|raw| errors.check("tags", Tags::parse(raw)));
        let settings = settings_of(input.http, input.tcp, input.dns, input.tls, input.heartbeat, &mut errors);
        let mut spec_errors = FieldErrors::default();
        if let Ok(Some(settings)) = &settings {
            settings.check_spec(&mut spec_errors);
        }
        errors.0.extend(spec_errors.0);
        errors.into_result()?;
        let patch = MonitorPatch {
            name: name.flatten(),
            tags: tags.flatten(),
            settings: settings.ok().flatten(),
            timing: TimingInput {
                interval_seconds: input.interval_seconds,
                timeout_seconds: input.timeout_seconds,
                retry_interval_seconds: input.retry_interval_seconds,
                failure_threshold: input.failure_threshold,
                recovery_threshold: input.recovery_threshold,
                failure_window_seconds: input.failure_window_seconds,
                flap_threshold: input.flap_threshold,
                flap_window_seconds: input.flap_window_seconds,
                degraded_response_ms: input.degraded_response_ms,
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

    /// Replaces the monitors this one depends on (at most 20). A cycle, itself, or more than 20
    /// is a field error on `dependsOn`; another organization's monitor is `NOT_FOUND`. While a
    /// monitor it depends on is down, its own outages send no alerts. Members and above.
    async fn set_monitor_dependencies(
        &self,
        ctx: &Context<'_>,
        id: ID,
        depends_on: Vec<ID>,
    ) -> Result<Monitor, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "monitor")?;
        let parents = depends_on.iter().map(|raw| parse_id(raw, "monitor")).collect::<Result<Vec<_>, _>>()?;
        Ok(dependencies::set(db(ctx), &audit(ctx), &scope, now(ctx), id, parents).await?.into())
    }

    /// Deletes a monitor with its history; returns it as it was. Members and above.
    async fn delete_monitor(&self, ctx: &Context<'_>, id: ID) -> Result<Monitor, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "monitor")?;
        Ok(service::delete(db(ctx), &audit(ctx), &scope, id).await?.into())
    }
}
