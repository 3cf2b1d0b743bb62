//! Escalation policies as admins manage them: a name, ordered steps (each notifies channels
//! after a wait: the first counted from the outage's start, later ones from the step before),
//! and how often the last step repeats until someone acknowledges. A monitor follows one policy.

use chrono::{DateTime, Utc};
use entity::memberships::Role;
use entity::{alert_channels, escalation_policies, escalation_steps, monitors};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::audit::{self, AuditContext, actions};
use crate::auth::TenantScope;
use crate::kernel::input::single_line;
use crate::kernel::{ApiError, FieldErrors};

pub const MAX_STEPS: usize = 10;
pub const MAX_CHANNELS_PER_STEP: usize = 10;
pub const MAX_WAIT_MINUTES: i32 = 1440;

/// Raw input, as the API receives it.
pub struct PolicyInput {
    pub name: String,
    /// (wait minutes, channel ids) per step.
    pub steps: Vec<(i32, Vec<Uuid>)>,
    pub repeat_every_minutes: i32,
}

/// A parsed policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyDraft {
    pub name: String,
    pub steps: Vec<Step>,
    pub repeat_every_seconds: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub wait_seconds: i32,
    pub channels: Vec<Uuid>,
}

/// Checks the shape of `input`; field errors name `name`, `steps`, `steps[i].waitMinutes`,
/// `steps[i].channelIds`, `repeatEveryMinutes`. Whether the channels exist is checked on write.
pub fn parse(input: PolicyInput) -> Result<PolicyDraft, ApiError> {
    let mut errors = FieldErrors::default();
    let name = errors.check("name", {
        let name = input.name.trim();
        match single_line(name) {
            Ok(_) if name.is_empty() => Err("must not be empty".to_owned()),
            Ok(_) if name.chars().count() > 100 => Err("must be at most 100 characters".to_owned()),
            Ok(name) => Ok(name.to_owned()),
            Err(message) => Err(message),
        }
    });
    if input.steps.is_empty() || input.steps.len() > MAX_STEPS {
        errors.check::<()>("steps", Err(format!("give 1 to {MAX_STEPS} steps")));
    }
    let mut steps = Vec::with_capacity(input.steps.len());
    for (i, (wait, mut channels)) in input.steps.into_iter().enumerate() {
        let wait = errors.check(
            &format!("steps[{i}].waitMinutes"),
            if (0..=MAX_WAIT_MINUTES).contains(&wait) {
                Ok(wait * 60)
            } else {
                Err(format!("must be between 0 and {MAX_WAIT_MINUTES} minutes"))
            },
        );
        channels.sort_unstable();
        channels.dedup();
        let channels = errors.check(
            &format!("steps[{i}].channelIds"),
            if channels.is_empty() || channels.len() > MAX_CHANNELS_PER_STEP {
                Err(format!("choose 1 to {MAX_CHANNELS_PER_STEP} channels"))
            } else {
                Ok(channels)
            },
        );
        if let (Some(wait_seconds), Some(channels)) = (wait, channels) {
            steps.push(Step { wait_seconds, channels });
        }
    }
    let repeat = errors.check(
        "repeatEveryMinutes",
        match input.repeat_every_minutes {
            0 => Ok(0),
            minutes if (5..=MAX_WAIT_MINUTES).contains(&minutes) => Ok(minutes * 60),
            _ => Err(format!("0 (no repeat) or between 5 and {MAX_WAIT_MINUTES} minutes")),
        },
    );
    errors.into_result()?;
    match (name, repeat) {
        (Some(name), Some(repeat_every_seconds)) => Ok(PolicyDraft { name, steps, repeat_every_seconds }),
        _ => Err(ApiError::internal("policy parsed without errors")),
    }
}

/// The organization's policies, A to Z.
pub async fn list(
    db: &DatabaseConnection,
    scope: &TenantScope,
) -> Result<Vec<escalation_policies::Model>, ApiError> {
    Ok(scope
        .find::<escalation_policies::Entity>()
        .order_by_asc(escalation_policies::Column::Name)
        .order_by_asc(escalation_policies::Column::Id)
        .all(db)
        .await?)
}

/// A policy's steps in order, as rows (one per step and channel).
pub async fn steps_of(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    policy_id: Uuid,
) -> Result<Vec<Step>, DbErr> {
    let rows = escalation_steps::Entity::find()
        .filter(escalation_steps::Column::TenantId.eq(tenant_id))
        .filter(escalation_steps::Column::PolicyId.eq(policy_id))
        .order_by_asc(escalation_steps::Column::Position)
        .order_by_asc(escalation_steps::Column::ChannelId)
        .all(db)
        .await?;
    let mut steps: Vec<(i32, Step)> = Vec::new();
    for row in rows {
        match steps.last_mut() {
            Some((position, step)) if *position == row.position => step.channels.push(row.channel_id),
            _ => steps.push((
                row.position,
                Step { wait_seconds: row.wait_seconds, channels: vec![row.channel_id] },
            )),
        }
    }
    Ok(steps.into_iter().map(|(_, step)| step).collect())
}

/// How many monitors follow the policy.
pub async fn monitor_count(db: &DatabaseConnection, tenant_id: Uuid, policy_id: Uuid) -> Result<u64, DbErr> {
    monitors::Entity::find()
        .filter(monitors::Column::TenantId.eq(tenant_id))
        .filter(monitors::Column::EscalationPolicyId.eq(policy_id))
        .count(db)
        .await
}

/// Creates (`id = None`) or replaces a policy. Admins and owners; a channel of another
/// organization is `NOT_FOUND`.
pub async fn save(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    id: Option<Uuid>,
    draft: PolicyDraft,
) -> Result<escalation_policies::Model, ApiError> {
    scope.require(Role::Admin)?;
    let txn = crate::db::begin_write(db).await?;
    for channel in draft.steps.iter().flat_map(|step| &step.channels) {
        scope.get::<alert_channels::Entity>(&txn, *channel).await?;
    }
    let policy = match id {
        Some(id) => {
            let current = scope.get::<escalation_policies::Entity>(&txn, id).await?;
            let mut active: escalation_policies::ActiveModel = current.into();
            active.name = Set(draft.name.clone());
            active.repeat_every_seconds = Set(draft.repeat_every_seconds);
            active.updated_at = Set(now);
            escalation_steps::Entity::delete_many()
                .filter(escalation_steps::Column::TenantId.eq(scope.tenant_id()))
                .filter(escalation_steps::Column::PolicyId.eq(id))
                .exec(&txn)
                .await?;
            active.update(&txn).await?
        }
        None => {
            escalation_policies::ActiveModel {
                id: Set(Uuid::now_v7()),
                tenant_id: Set(scope.tenant_id()),
                name: Set(draft.name.clone()),
                repeat_every_seconds: Set(draft.repeat_every_seconds),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?
        }
    };
    let rows: Vec<escalation_steps::ActiveModel> = draft
        .steps
        .iter()
        .enumerate()
        .flat_map(|(position, step)| {
            step.channels.iter().map(move |channel| escalation_steps::ActiveModel {
                id: Set(Uuid::now_v7()),
                tenant_id: Set(scope.tenant_id()),
                policy_id: Set(policy.id),
                position: Set(position as i32),
                wait_seconds: Set(step.wait_seconds),
                channel_id: Set(*channel),
            })
        })
        .collect();
    escalation_steps::Entity::insert_many(rows).exec_without_returning(&txn).await?;
    let action =
        if id.is_some() { actions::ESCALATION_POLICY_UPDATED } else { actions::ESCALATION_POLICY_CREATED };
    let changes = serde_json::json!({
        "name": draft.name,
        "steps": draft.steps.iter().map(|s| serde_json::json!({ "waitSeconds": s.wait_seconds, "channels": s.channels.len() })).collect::<Vec<_>>(),
        "repeatEverySeconds": draft.repeat_every_seconds,
    });
    audit::record_in(&txn, audit, scope, action, ("escalation_policy", policy.id), changes).await?;
    txn.commit().await?;
    Ok(policy)
}

/// Deletes a policy; its monitors go back to routing only, its running escalations stop.
pub async fn delete(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    id: Uuid,
) -> Result<escalation_policies::Model, ApiError> {
    scope.require(Role::Admin)?;
    let txn = crate::db::begin_write(db).await?;
    let policy = scope.get::<escalation_policies::Entity>(&txn, id).await?;
    // Explicitly, not only by ON DELETE: the tenant's rows, in this transaction, on both backends.
    monitors::Entity::update_many()
        .col_expr(monitors::Column::EscalationPolicyId, Expr::value(Option::<Uuid>::None))
        .filter(monitors::Column::TenantId.eq(scope.tenant_id()))
        .filter(monitors::Column::EscalationPolicyId.eq(id))
        .exec(&txn)
        .await?;
    scope
        .delete_many::<escalation_policies::Entity>()
        .filter(escalation_policies::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    let changes = serde_json::json!({ "name": policy.name });
    audit::record_in(
        &txn,
        audit,
        scope,
        actions::ESCALATION_POLICY_DELETED,
        ("escalation_policy", id),
        changes,
    )
    .await?;
    txn.commit().await?;
    Ok(policy)
}

/// Makes `monitor_id` follow `policy_id` (or no policy). Members and above.
pub async fn assign(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    monitor_id: Uuid,
    policy_id: Option<Uuid>,
) -> Result<monitors::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    let monitor = scope.get::<monitors::Entity>(&txn, monitor_id).await?;
    let name = match policy_id {
        Some(policy) => Some(scope.get::<escalation_policies::Entity>(&txn, policy).await?.name),
        None => None,
    };
    let mut active: monitors::ActiveModel = monitor.into();
    active.escalation_policy_id = Set(policy_id);
    active.updated_at = Set(now);
    let monitor = active.update(&txn).await?;
    let changes = serde_json::json!({ "escalationPolicy": name });
    audit::record_in(&txn, audit, scope, actions::MONITOR_UPDATED, ("monitor", monitor_id), changes).await?;
    txn.commit().await?;
    Ok(monitor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_policies_name_their_fields() {
        let channel = Uuid::now_v7();
        let input = PolicyInput {
            name: "  ".into(),
            steps: vec![(5, vec![channel, channel]), (-1, vec![]), (1441, vec![channel])],
            repeat_every_minutes: 3,
        };
        let Err(ApiError::BadUserInput { fields }) = parse(input) else { panic!("refused") };
        let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            names,
            [
                "name",
                "steps[1].waitMinutes",
                "steps[1].channelIds",
                "steps[2].waitMinutes",
                "repeatEveryMinutes"
            ]
        );
        let fine = PolicyInput {
            name: "On call".into(),
            steps: vec![(0, vec![channel, channel]), (10, vec![channel])],
            repeat_every_minutes: 30,
        };
        let draft = parse(fine).unwrap();
        assert_eq!(draft.steps[0], Step { wait_seconds: 0, channels: vec![channel] });
        assert_eq!((draft.steps[1].wait_seconds, draft.repeat_every_seconds), (600, 1800));
    }
}
