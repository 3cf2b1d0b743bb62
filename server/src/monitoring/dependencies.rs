//! Monitor dependencies: "the API depends on the database". While a monitor it depends on (a
//! parent) is down, a monitor's own failures are the expected consequence, not news: its outage
//! is recorded without alerts (`dependency_down`) and attached to the parent's outage, so one
//! broken host pages once, not once per service behind it. When the parents are fine again the
//! dependent is checked at once and, if it is still failing, its outage becomes its own and
//! alerts like any other.
//!
//! Writes here keep the graph free of cycles; [`verdict`] is the engine's decision, free of I/O.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use entity::memberships::Role;
use entity::monitors::{self, MonitorStatus};
use entity::{monitor_dependencies, tenants};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::audit::{self, AuditContext, actions};
use crate::auth::TenantScope;
use crate::kernel::ApiError;

/// A monitor depends on at most this many others.
pub const MAX_PARENTS: usize = 20;

/// Replaces the monitors `monitor_id` depends on. Members and above. Another organization's
/// monitor is `NOT_FOUND`; itself, a cycle, or more than [`MAX_PARENTS`] is a field error on
/// `dependsOn`.
pub async fn set(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    monitor_id: Uuid,
    mut parents: Vec<Uuid>,
) -> Result<monitors::Model, ApiError> {
    scope.require(Role::Member)?;
    parents.sort_unstable();
    parents.dedup();
    let txn = crate::db::begin_write(db).await?;
    if txn.get_database_backend() == DatabaseBackend::Postgres {
        // Two edits that each look fine alone could close a cycle together: edits of one
        // organization's graph take turns (SQLite's write transaction already serialises).
        tenants::Entity::find_by_id(scope.tenant_id()).lock_exclusive().one(&txn).await?;
    }
    let monitor = scope.get::<monitors::Entity>(&txn, monitor_id).await?;
    let mut names = HashMap::from([(monitor.id, monitor.name.clone())]);
    for parent in &parents {
        let parent = scope.get::<monitors::Entity>(&txn, *parent).await?;
        names.insert(parent.id, parent.name);
    }
    if parents.contains(&monitor_id) {
        return Err(ApiError::field("dependsOn", "a monitor cannot depend on itself"));
    }
    if parents.len() > MAX_PARENTS {
        return Err(ApiError::field("dependsOn", format!("at most {MAX_PARENTS} monitors")));
    }
    let edges = edges_of(&txn, scope.tenant_id()).await?;
    if let Some(cycle) = find_cycle(&edges, monitor_id, &parents) {
        let missing: Vec<Uuid> = cycle.iter().copied().filter(|id| !names.contains_key(id)).collect();
        if !missing.is_empty() {
            let found: Vec<(Uuid, String)> = scope
                .find::<monitors::Entity>()
                .select_only()
                .column(monitors::Column::Id)
                .column(monitors::Column::Name)
                .filter(monitors::Column::Id.is_in(missing))
                .into_tuple()
                .all(&txn)
                .await?;
            names.extend(found);
        }
        let path: Vec<&str> = cycle.iter().map(|id| names.get(id).map_or("?", String::as_str)).collect();
        return Err(ApiError::field("dependsOn", format!("would make a cycle: {}", path.join(" → "))));
    }
    monitor_dependencies::Entity::delete_many()
        .filter(monitor_dependencies::Column::TenantId.eq(scope.tenant_id()))
        .filter(monitor_dependencies::Column::MonitorId.eq(monitor_id))
        .exec(&txn)
        .await?;
    if !parents.is_empty() {
        let rows = parents.iter().map(|parent| monitor_dependencies::ActiveModel {
            tenant_id: Set(scope.tenant_id()),
            monitor_id: Set(monitor_id),
            depends_on_id: Set(*parent),
            created_at: Set(now),
        });
        monitor_dependencies::Entity::insert_many(rows).exec_without_returning(&txn).await?;
    }
    let changes = serde_json::json!({
        "dependsOn": parents.iter().map(|id| names.get(id).cloned().unwrap_or_default()).collect::<Vec<_>>(),
    });
    audit::record_in(
        &txn,
        audit,
        scope,
        actions::MONITOR_DEPENDENCIES_CHANGED,
        ("monitor", monitor_id),
        changes,
    )
    .await?;
    txn.commit().await?;
    Ok(monitor)
}

/// Every edge of the organization's graph as (dependent, parent).
pub async fn edges_of(db: &impl ConnectionTrait, tenant_id: Uuid) -> Result<Vec<(Uuid, Uuid)>, DbErr> {
    monitor_dependencies::Entity::find()
        .select_only()
        .column(monitor_dependencies::Column::MonitorId)
        .column(monitor_dependencies::Column::DependsOnId)
        .filter(monitor_dependencies::Column::TenantId.eq(tenant_id))
        .into_tuple()
        .all(db)
        .await
}

/// The cycle that making `monitor` depend on `parents` (instead of what it depends on now) would
/// close, as the path `monitor → parent → … → monitor`; `None` when there is none.
pub fn find_cycle(edges: &[(Uuid, Uuid)], monitor: Uuid, parents: &[Uuid]) -> Option<Vec<Uuid>> {
    let mut graph: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (dependent, parent) in edges.iter().filter(|(dependent, _)| *dependent != monitor) {
        graph.entry(*dependent).or_default().push(*parent);
    }
    graph.insert(monitor, parents.to_vec());
    // Depth-first from `monitor`, remembering how each monitor was reached.
    let mut came_from: HashMap<Uuid, Uuid> = HashMap::new();
    let mut seen = HashSet::from([monitor]);
    let mut stack = vec![monitor];
    while let Some(current) = stack.pop() {
        for next in graph.get(&current).into_iter().flatten() {
            if *next == monitor {
                // Walk back from `current` to `monitor`, then read it forwards.
                let mut path = vec![current];
                let mut at = current;
                while let Some(previous) = came_from.get(&at) {
                    path.push(*previous);
                    at = *previous;
                }
                path.reverse();
                path.push(monitor);
                return Some(path);
            }
            if seen.insert(*next) {
                came_from.insert(*next, current);
                stack.push(*next);
            }
        }
    }
    None
}

/// The monitors `monitor_id` depends on (`parents = true`) or that depend on it, A to Z.
pub async fn neighbours(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    monitor_id: Uuid,
    parents: bool,
) -> Result<Vec<monitors::Model>, DbErr> {
    let (known, wanted) = if parents {
        (monitor_dependencies::Column::MonitorId, monitor_dependencies::Column::DependsOnId)
    } else {
        (monitor_dependencies::Column::DependsOnId, monitor_dependencies::Column::MonitorId)
    };
    let ids: Vec<Uuid> = monitor_dependencies::Entity::find()
        .select_only()
        .column(wanted)
        .filter(monitor_dependencies::Column::TenantId.eq(tenant_id))
        .filter(known.eq(monitor_id))
        .into_tuple()
        .all(db)
        .await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    monitors::Entity::find()
        .filter(monitors::Column::TenantId.eq(tenant_id))
        .filter(monitors::Column::Id.is_in(ids))
        .order_by_asc(monitors::Column::Name)
        .order_by_asc(monitors::Column::Id)
        .all(db)
        .await
}

/// The organization's graph: every monitor on an edge (A to Z) and the edges.
pub async fn graph(
    db: &DatabaseConnection,
    scope: &TenantScope,
) -> Result<(Vec<monitors::Model>, Vec<(Uuid, Uuid)>), ApiError> {
    let edges = edges_of(db, scope.tenant_id()).await?;
    let mut ids: Vec<Uuid> = edges.iter().flat_map(|(a, b)| [*a, *b]).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok((Vec::new(), edges));
    }
    let monitors = scope
        .find::<monitors::Entity>()
        .filter(monitors::Column::Id.is_in(ids))
        .order_by_asc(monitors::Column::Name)
        .order_by_asc(monitors::Column::Id)
        .all(db)
        .await?;
    Ok((monitors, edges))
}

/// A parent as the engine sees it when a dependent fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parent {
    pub id: Uuid,
    pub name: String,
    pub status: MonitorStatus,
    pub consecutive_failures: i32,
    /// The outage that explains the parent's state: its own open one, or (when the parent is
    /// itself held back by its own parent) the one that one is attached to.
    pub outage: Option<Uuid>,
}

/// What a failing dependent's parents say about its failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// No parent is down or failing: the failure is the monitor's own.
    Own,
    /// A parent is failing but has not reached its threshold: wait before calling an outage.
    ParentFailing,
    /// A parent is down: the failure follows from its outage.
    ParentDown { name: String, outage: Option<Uuid> },
}

pub fn verdict(parents: &[Parent]) -> Verdict {
    if let Some(down) = parents.iter().find(|parent| parent.status == MonitorStatus::Down) {
        return Verdict::ParentDown { name: down.name.clone(), outage: down.outage };
    }
    let failing = parents
        .iter()
        .any(|parent| parent.consecutive_failures > 0 && parent.status != MonitorStatus::Paused);
    if failing { Verdict::ParentFailing } else { Verdict::Own }
}

/// The parents of `monitor`, with the open outage of those that are down (in the recording
/// transaction, so a parent recorded earlier in the same batch is seen as it is now).
pub async fn parents_of(db: &impl ConnectionTrait, monitor: &monitors::Model) -> Result<Vec<Parent>, DbErr> {
    let parents = neighbours(db, monitor.tenant_id, monitor.id, true).await?;
    let mut out = Vec::with_capacity(parents.len());
    for parent in parents {
        let outage = if parent.status == MonitorStatus::Down {
            super::record::open_incident_of(db, &parent)
                .await?
                .map(|open| open.caused_by_incident_id.unwrap_or(open.id))
        } else {
            None
        };
        out.push(Parent {
            id: parent.id,
            name: parent.name,
            status: parent.status,
            consecutive_failures: parent.consecutive_failures,
            outage,
        });
    }
    Ok(out)
}

/// Brings the next check of `ids` forward to `at` (not paused ones, not ones checked sooner):
/// a dependent's first failure has its parents checked now, so the dependent's threshold finds
/// them decided; a parent's recovery has its held-back dependents checked now.
pub async fn check_soon(db: &impl ConnectionTrait, ids: Vec<Uuid>, at: DateTime<Utc>) -> Result<(), DbErr> {
    if ids.is_empty() {
        return Ok(());
    }
    monitors::Entity::update_many()
        .col_expr(monitors::Column::NextCheckAt, Expr::value(at))
        .filter(monitors::Column::Id.is_in(ids))
        .filter(monitors::Column::NextCheckAt.gt(at))
        .filter(monitors::Column::Status.ne(MonitorStatus::Paused))
        .exec(db)
        .await?;
    Ok(())
}

/// The held-back dependents of `parent` (to check at once when it recovers).
pub async fn held_back_dependents(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    parent: Uuid,
) -> Result<Vec<Uuid>, DbErr> {
    Ok(neighbours(db, tenant_id, parent, false)
        .await?
        .into_iter()
        .filter(|dependent| dependent.dependency_down)
        .map(|dependent| dependent.id)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<Uuid> {
        (0..n).map(|_| Uuid::now_v7()).collect()
    }

    #[test]
    fn a_cycle_is_found_with_its_path_and_a_diamond_is_not_one() {
        let m = ids(4);
        // 1 → 2 → 3 (1 depends on 2, 2 on 3); 0 → 1, 0 → 2 (a diamond with 0 on top).
        let edges = vec![(m[1], m[2]), (m[2], m[3]), (m[0], m[1]), (m[0], m[2])];
        assert_eq!(find_cycle(&edges, m[0], &[m[1], m[2]]), None);
        let through_top = find_cycle(&edges, m[3], &[m[0]]).expect("3 → 0 → … → 3");
        assert_eq!(
            (through_top.first(), through_top.get(1), through_top.last()),
            (Some(&m[3]), Some(&m[0]), Some(&m[3]))
        );
        let cycle = find_cycle(&edges, m[3], &[m[1]]).expect("3 → 1 → 2 → 3");
        assert_eq!(cycle.first(), Some(&m[3]));
        assert_eq!(cycle.last(), Some(&m[3]));
        assert_eq!(cycle, vec![m[3], m[1], m[2], m[3]]);
        // Replacing 2's parents drops its old edge to 3 before looking.
        assert_eq!(find_cycle(&edges, m[2], &[]), None);
        assert_eq!(find_cycle(&edges, m[3], &[]), None);
    }

    fn parent(status: MonitorStatus, failures: i32) -> Parent {
        Parent { id: Uuid::nil(), name: "db".into(), status, consecutive_failures: failures, outage: None }
    }

    #[test]
    fn a_down_parent_explains_a_failure_and_a_failing_one_asks_to_wait() {
        assert_eq!(verdict(&[]), Verdict::Own);
        assert_eq!(verdict(&[parent(MonitorStatus::Up, 0)]), Verdict::Own);
        assert_eq!(verdict(&[parent(MonitorStatus::Up, 1)]), Verdict::ParentFailing);
        assert_eq!(verdict(&[parent(MonitorStatus::Paused, 3)]), Verdict::Own);
        assert_eq!(
            verdict(&[parent(MonitorStatus::Up, 1), parent(MonitorStatus::Down, 4)]),
            Verdict::ParentDown { name: "db".into(), outage: None }
        );
    }
}
