//! Escalation policies and acknowledgement over GraphQL: resolvers parse input, call one
//! service, convert the result.

use async_graphql::{ComplexObject, Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{alert_channels, escalation_policies, incidents, monitors};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{acknowledge, policies};
use crate::alerting::graphql::{AlertChannel, channels_out};
use crate::audit::AuditContext;
use crate::auth::graphql::scope;
use crate::auth::tokens::TokenKeys;
use crate::kernel::ids::parse_id;
use crate::kernel::{ApiError, RequestMeta, SharedClock};
use crate::monitoring::graphql::{Incident, Monitor};

fn db<'a>(ctx: &'a Context<'_>) -> &'a DatabaseConnection {
    ctx.data_unchecked::<DatabaseConnection>()
}

fn now(ctx: &Context<'_>) -> DateTime<Utc> {
    ctx.data_unchecked::<SharedClock>().now()
}

fn audit(ctx: &Context<'_>) -> AuditContext {
    AuditContext::from(ctx.data_unchecked::<RequestMeta>())
}

#[derive(SimpleObject)]
#[graphql(complex)]
pub struct EscalationPolicy {
    pub id: ID,
    pub name: String,
    /// 0: stop after the last step. Otherwise the last step repeats this often until the
    /// outage is acknowledged or resolved.
    pub repeat_every_minutes: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[graphql(skip)]
    pub model: escalation_policies::Model,
}

impl From<escalation_policies::Model> for EscalationPolicy {
    fn from(model: escalation_policies::Model) -> Self {
        Self {
            id: ID(model.id.to_string()),
            name: model.name.clone(),
            repeat_every_minutes: model.repeat_every_seconds / 60,
            created_at: model.created_at,
            updated_at: model.updated_at,
            model,
        }
    }
}

/// One step: after `waitMinutes` (step 1: from the outage's start; later steps: from the step
/// before), notify `channels`.
#[derive(SimpleObject)]
pub struct EscalationStep {
    pub wait_minutes: i32,
    pub channels: Vec<AlertChannel>,
}

#[ComplexObject]
impl EscalationPolicy {
    /// Step 1's wait is counted from the outage's start, each later step's from the step before.
    async fn steps(&self, ctx: &Context<'_>) -> Result<Vec<EscalationStep>, ApiError> {
        let tenant_id = self.model.tenant_id;
        let steps = policies::steps_of(db(ctx), tenant_id, self.model.id).await?;
        // Every step's channels in one query (and their routing in one more), not one per step.
        let ids: Vec<Uuid> = steps.iter().flat_map(|step| step.channels.iter().copied()).collect();
        let rows = alert_channels::Entity::find()
            .filter(alert_channels::Column::TenantId.eq(tenant_id))
            .filter(alert_channels::Column::Id.is_in(ids))
            .order_by_asc(alert_channels::Column::Name)
            .all(db(ctx))
            .await?;
        let channels = channels_out(ctx, tenant_id, rows).await?;
        Ok(steps
            .into_iter()
            .map(|step| EscalationStep {
                wait_minutes: step.wait_seconds / 60,
                channels: channels
                    .iter()
                    .filter(|channel| step.channels.iter().any(|id| channel.id.0 == id.to_string()))
                    .cloned()
                    .collect(),
            })
            .collect())
    }

    /// How many monitors use it.
    async fn monitor_count(&self, ctx: &Context<'_>) -> Result<i32, ApiError> {
        let count = policies::monitor_count(db(ctx), self.model.tenant_id, self.model.id).await?;
        Ok(i32::try_from(count).unwrap_or(i32::MAX))
    }
}

#[derive(InputObject)]
pub struct EscalationStepInput {
    /// 0 to 1440.
    pub wait_minutes: i32,
    /// 1 to 10 of the organization's channels.
    pub channel_ids: Vec<ID>,
}

#[derive(InputObject)]
pub struct EscalationPolicyInput {
    pub name: String,
    /// 1 to 10 steps.
    pub steps: Vec<EscalationStepInput>,
    /// 0 (no repeat) or 5 to 1440.
    pub repeat_every_minutes: i32,
}

impl EscalationPolicyInput {
    fn parse(self) -> Result<policies::PolicyDraft, ApiError> {
        let mut steps = Vec::with_capacity(self.steps.len());
        for step in self.steps {
            let channels = step
                .channel_ids
                .iter()
                .map(|raw| parse_id(raw, "alert channel"))
                .collect::<Result<Vec<Uuid>, _>>()?;
            steps.push((step.wait_minutes, channels));
        }
        policies::parse(policies::PolicyInput {
            name: self.name,
            steps,
            repeat_every_minutes: self.repeat_every_minutes,
        })
    }
}

/// What a signed acknowledge link in an alert is about (no login needed).
#[derive(SimpleObject)]
pub struct AcknowledgeLink {
    pub monitor_name: String,
    pub organization_name: String,
    pub opened_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub acknowledged_by: Option<String>,
}

impl From<acknowledge::LinkView> for AcknowledgeLink {
    fn from(view: acknowledge::LinkView) -> Self {
        Self {
            monitor_name: view.monitor_name,
            organization_name: view.organization_name,
            opened_at: view.outage.opened_at,
            resolved_at: view.outage.resolved_at,
            acknowledged_at: view.outage.acknowledged_at,
            acknowledged_by: view.outage.acknowledged_by,
        }
    }
}

#[derive(Default)]
pub struct EscalationQuery;

#[Object]
impl EscalationQuery {
    /// The organization's escalation policies, A to Z. Viewers and above.
    async fn escalation_policies(&self, ctx: &Context<'_>) -> Result<Vec<EscalationPolicy>, ApiError> {
        let scope = scope(ctx).await?;
        Ok(policies::list(db(ctx), &scope).await?.into_iter().map(Into::into).collect())
    }

    /// One policy; another organization's is `NOT_FOUND`.
    async fn escalation_policy(&self, ctx: &Context<'_>, id: ID) -> Result<EscalationPolicy, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "escalation policy")?;
        Ok(scope.get::<escalation_policies::Entity>(db(ctx), id).await?.into())
    }

    /// Public: what the acknowledge link `token` is about. An invalid or expired token is
    /// `NOT_FOUND`.
    async fn acknowledge_link(&self, ctx: &Context<'_>, token: String) -> Result<AcknowledgeLink, ApiError> {
        let keys = ctx.data_unchecked::<TokenKeys>();
        Ok(acknowledge::view(db(ctx), keys, now(ctx), &token).await?.into())
    }
}

#[derive(Default)]
pub struct EscalationMutation;

#[Object]
impl EscalationMutation {
    /// Admins and owners. 1 to 10 steps, each with 1 to 10 of the organization's channels and
    /// `waitMinutes` 0 to 1440; `repeatEveryMinutes` 0 or 5 to 1440. Field errors name e.g.
    /// `steps[1].channelIds`, `steps[0].waitMinutes`, `repeatEveryMinutes`, `name`.
    async fn create_escalation_policy(
        &self,
        ctx: &Context<'_>,
        input: EscalationPolicyInput,
    ) -> Result<EscalationPolicy, ApiError> {
        let scope = scope(ctx).await?;
        let draft = input.parse()?;
        Ok(policies::save(db(ctx), &audit(ctx), &scope, now(ctx), None, draft).await?.into())
    }

    /// Replaces a policy's name, steps and repeat. Running escalations follow the new steps.
    async fn update_escalation_policy(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: EscalationPolicyInput,
    ) -> Result<EscalationPolicy, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "escalation policy")?;
        let draft = input.parse()?;
        Ok(policies::save(db(ctx), &audit(ctx), &scope, now(ctx), Some(id), draft).await?.into())
    }

    /// Deletes a policy. Monitors that used it go back to routing only.
    async fn delete_escalation_policy(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<EscalationPolicy, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "escalation policy")?;
        Ok(policies::delete(db(ctx), &audit(ctx), &scope, id).await?.into())
    }

    /// Makes a monitor follow a policy (`policyId: null` clears it). Members and above.
    async fn set_monitor_escalation_policy(
        &self,
        ctx: &Context<'_>,
        id: ID,
        policy_id: Option<ID>,
    ) -> Result<Monitor, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "monitor")?;
        let policy = policy_id.map(|raw| parse_id(&raw, "escalation policy")).transpose()?;
        Ok(policies::assign(db(ctx), &audit(ctx), &scope, now(ctx), id, policy).await?.into())
    }

    /// Stops the escalation of an open outage: someone has it. Members and above; an outage
    /// already acknowledged or over is returned as it is.
    async fn acknowledge_incident(&self, ctx: &Context<'_>, id: ID) -> Result<Incident, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "incident")?;
        let outage = acknowledge::by_member(db(ctx), &audit(ctx), &scope, now(ctx), id).await?;
        incident_out(db(ctx), outage).await
    }

    /// Public, with the signed token from an alert's acknowledge link.
    async fn acknowledge_with_link(
        &self,
        ctx: &Context<'_>,
        token: String,
    ) -> Result<AcknowledgeLink, ApiError> {
        let keys = ctx.data_unchecked::<TokenKeys>();
        let view = acknowledge::by_link(db(ctx), keys, now(ctx), &token).await?;
        ctx.data_opt::<EscalationWake>().inspect(|wake| wake.0.notify_one());
        Ok(view.into())
    }
}

/// The escalation sweep's wake signal, in the schema's data.
#[derive(Clone)]
pub struct EscalationWake(pub std::sync::Arc<tokio::sync::Notify>);

async fn incident_out(db: &DatabaseConnection, outage: incidents::Model) -> Result<Incident, ApiError> {
    let name =
        monitors::Entity::find_by_id(outage.monitor_id).one(db).await?.map(|m| m.name).unwrap_or_default();
    Ok(Incident::new(outage, name))
}
