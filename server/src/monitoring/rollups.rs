//! Hourly rollups: every recorded result also adds to its monitor's row for that hour (in the
//! same transaction), so uptime and latency over 24 h, 7 d, 30 d or 90 d never read raw results,
//! which are purged after `RETENTION_DAYS` (see `retention`).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, DurationRound, NaiveDate, Utc};
use entity::check_results::CheckStatus;
use entity::check_rollups;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
    Set,
};
use uuid::Uuid;

/// Upper bounds (ms) of the latency buckets; one more bucket holds everything slower.
pub const BUCKETS_MS: [u32; 15] =
    [10, 25, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10_000, 30_000];

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Histogram(pub Vec<i64>);

impl Histogram {
    pub fn parse(raw: &str) -> Self {
        let mut counts: Vec<i64> = serde_json::from_str(raw).unwrap_or_default();
        counts.resize(BUCKETS_MS.len() + 1, 0);
        Self(counts)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "[]".into())
    }

    pub fn add(&mut self, duration_ms: u32) {
        self.0.resize(BUCKETS_MS.len() + 1, 0);
        let bucket = BUCKETS_MS.iter().position(|bound| duration_ms <= *bound).unwrap_or(BUCKETS_MS.len());
        self.0[bucket] += 1;
    }

    pub fn merge(&mut self, other: &Histogram) {
        self.0.resize(BUCKETS_MS.len() + 1, 0);
        for (mine, theirs) in self.0.iter_mut().zip(&other.0) {
            *mine += theirs;
        }
    }

    /// The bucket bound under which a fraction `q` of the samples fell; `None` without samples.
    /// The overflow bucket reports the last bound.
    pub fn quantile(&self, q: f64) -> Option<u32> {
        let total: i64 = self.0.iter().sum();
        if total == 0 {
            return None;
        }
        let wanted = (q * total as f64).ceil().max(1.0) as i64;
        let mut seen = 0;
        for (index, count) in self.0.iter().enumerate() {
            seen += count;
            if seen >= wanted {
                return Some(BUCKETS_MS[index.min(BUCKETS_MS.len() - 1)]);
            }
        }
        BUCKETS_MS.last().copied()
    }
}

pub fn hour_of(at: DateTime<Utc>) -> DateTime<Utc> {
    at.duration_trunc(Duration::hours(1)).unwrap_or(at)
}

/// One result, as the rollups count it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub tenant_id: Uuid,
    pub monitor_id: Uuid,
    pub at: DateTime<Utc>,
    pub status: CheckStatus,
    pub duration_ms: u32,
}

#[derive(Default)]
struct Delta {
    checks: i32,
    failures: i32,
    degraded: i32,
    duration_sum_ms: i64,
    histogram: Histogram,
}

type Key = (Uuid, Uuid, DateTime<Utc>);

/// Adds a batch of results to their hours: one query reads the rows they touch, then each
/// (monitor, hour) is written once (new ones in multi-row INSERTs).
pub async fn add_many(db: &impl ConnectionTrait, samples: Vec<Sample>) -> Result<(), DbErr> {
    if samples.is_empty() {
        return Ok(());
    }
    let mut deltas: BTreeMap<Key, Delta> = BTreeMap::new();
    for sample in &samples {
        let delta = deltas.entry((sample.tenant_id, sample.monitor_id, hour_of(sample.at))).or_default();
        delta.checks += 1;
        delta.failures += i32::from(sample.status == CheckStatus::Down);
        delta.degraded += i32::from(sample.status == CheckStatus::Degraded);
        delta.duration_sum_ms += i64::from(sample.duration_ms);
        delta.histogram.add(sample.duration_ms);
    }
    // The exact keys, OR-ed: each is one probe of the unique (tenant, monitor, hour) index. Three
    // independent IN lists made PostgreSQL scan the table (bench/results/…-engine-ceiling60.md).
    let keys = deltas.keys().fold(Condition::any(), |any, (tenant, monitor, hour)| {
        any.add(
            Condition::all()
                .add(check_rollups::Column::TenantId.eq(*tenant))
                .add(check_rollups::Column::MonitorId.eq(*monitor))
                .add(check_rollups::Column::HourStart.eq(*hour)),
        )
    });
    let existing: HashMap<Key, check_rollups::Model> = check_rollups::Entity::find()
        .filter(keys)
        .all(db)
        .await?
        .into_iter()
        .map(|row| ((row.tenant_id, row.monitor_id, row.hour_start), row))
        .collect();
    let mut inserts = Vec::new();
    for (key, delta) in deltas {
        match existing.get(&key) {
            Some(row) => {
                let mut histogram = Histogram::parse(&row.latency_buckets);
                histogram.merge(&delta.histogram);
                let mut active: check_rollups::ActiveModel = row.clone().into();
                active.checks = Set(row.checks + delta.checks);
                active.failures = Set(row.failures + delta.failures);
                active.degraded = Set(row.degraded + delta.degraded);
                active.duration_sum_ms = Set(row.duration_sum_ms + delta.duration_sum_ms);
                active.latency_buckets = Set(histogram.to_json());
                active.update(db).await?;
            }
            None => inserts.push(check_rollups::ActiveModel {
                id: Set(Uuid::now_v7()),
                tenant_id: Set(key.0),
                monitor_id: Set(key.1),
                hour_start: Set(key.2),
                checks: Set(delta.checks),
                failures: Set(delta.failures),
                degraded: Set(delta.degraded),
                duration_sum_ms: Set(delta.duration_sum_ms),
                latency_buckets: Set(delta.histogram.to_json()),
            }),
        }
    }
    for chunk in inserts.chunks(500) {
        check_rollups::Entity::insert_many(chunk.to_vec()).exec_without_returning(db).await?;
    }
    Ok(())
}

/// Checks, failures and latency over a period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub checks: i64,
    pub failures: i64,
    pub degraded: i64,
    pub duration_sum_ms: i64,
    pub histogram: Histogram,
}

impl Stats {
    fn add(&mut self, row: &check_rollups::Model) {
        self.checks += i64::from(row.checks);
        self.failures += i64::from(row.failures);
        self.degraded += i64::from(row.degraded);
        self.duration_sum_ms += row.duration_sum_ms;
        self.histogram.merge(&Histogram::parse(&row.latency_buckets));
    }

    /// Successful (up or degraded) checks as a percentage; `None` without checks.
    pub fn uptime_percent(&self) -> Option<f64> {
        (self.checks > 0).then(|| (self.checks - self.failures) as f64 * 100.0 / self.checks as f64)
    }

    pub fn average_ms(&self) -> Option<f64> {
        (self.checks > 0).then(|| self.duration_sum_ms as f64 / self.checks as f64)
    }
}

async fn rows_since(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    monitor_id: Uuid,
    since: DateTime<Utc>,
) -> Result<Vec<check_rollups::Model>, DbErr> {
    check_rollups::Entity::find()
        .filter(check_rollups::Column::TenantId.eq(tenant_id))
        .filter(check_rollups::Column::MonitorId.eq(monitor_id))
        .filter(check_rollups::Column::HourStart.gte(hour_of(since)))
        .all(db)
        .await
}

/// The stats of the last `hours` (≥ 24) hours and of the last 24 of them, from one read.
pub async fn over_and_last_day(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    monitor_id: Uuid,
    now: DateTime<Utc>,
    hours: i64,
) -> Result<(Stats, Stats), DbErr> {
    let day_start = hour_of(now - Duration::hours(23));
    let (mut all, mut day) = (Stats::default(), Stats::default());
    for row in rows_since(db, tenant_id, monitor_id, now - Duration::hours(hours.max(24) - 1)).await? {
        all.add(&row);
        if row.hour_start >= day_start {
            day.add(&row);
        }
    }
    Ok((all, day))
}

/// The stats of the last `hours` hours (this hour included).
pub async fn over(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    monitor_id: Uuid,
    now: DateTime<Utc>,
    hours: i64,
) -> Result<Stats, DbErr> {
    let mut stats = Stats::default();
    for row in rows_since(db, tenant_id, monitor_id, now - Duration::hours(hours - 1)).await? {
        stats.add(&row);
    }
    Ok(stats)
}

/// The stats of the last `hours` hours for each of `monitor_ids` (one query for a list page).
pub async fn over_many(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    monitor_ids: &[Uuid],
    now: DateTime<Utc>,
    hours: i64,
) -> Result<HashMap<Uuid, Stats>, DbErr> {
    let mut out: HashMap<Uuid, Stats> = HashMap::new();
    if monitor_ids.is_empty() {
        return Ok(out);
    }
    let rows = check_rollups::Entity::find()
        .filter(check_rollups::Column::TenantId.eq(tenant_id))
        .filter(check_rollups::Column::MonitorId.is_in(monitor_ids.iter().copied()))
        .filter(check_rollups::Column::HourStart.gte(hour_of(now - Duration::hours(hours - 1))))
        .all(db)
        .await?;
    for row in rows {
        out.entry(row.monitor_id).or_default().add(&row);
    }
    Ok(out)
}

/// Each monitor's average latency per hour over the last `hours` hours, oldest first; `None`
/// for an hour without checks (a sparkline per list row, one query per page).
pub async fn hourly_averages(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    monitor_ids: &[Uuid],
    now: DateTime<Utc>,
    hours: i64,
) -> Result<HashMap<Uuid, Vec<Option<f64>>>, DbErr> {
    let mut out: HashMap<Uuid, Vec<Option<f64>>> = HashMap::new();
    if monitor_ids.is_empty() {
        return Ok(out);
    }
    let first = hour_of(now - Duration::hours(hours - 1));
    let rows = check_rollups::Entity::find()
        .filter(check_rollups::Column::TenantId.eq(tenant_id))
        .filter(check_rollups::Column::MonitorId.is_in(monitor_ids.iter().copied()))
        .filter(check_rollups::Column::HourStart.gte(first))
        .all(db)
        .await?;
    let len = usize::try_from(hours).unwrap_or(0);
    for row in rows {
        let index = usize::try_from((row.hour_start - first).num_hours()).ok().filter(|i| *i < len);
        let (Some(index), true) = (index, row.checks > 0) else { continue };
        let average = row.duration_sum_ms as f64 / f64::from(row.checks);
        out.entry(row.monitor_id).or_insert_with(|| vec![None; len])[index] = Some(average);
    }
    Ok(out)
}

/// Checks and failures per monitor and UTC day since `since` (counts only, no latency): a
/// status page's 90-day bars, one query for all its components.
pub async fn daily_counts_many(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    monitor_ids: &[Uuid],
    since: NaiveDate,
) -> Result<HashMap<(Uuid, NaiveDate), (i64, i64)>, DbErr> {
    let mut out: HashMap<(Uuid, NaiveDate), (i64, i64)> = HashMap::new();
    if monitor_ids.is_empty() {
        return Ok(out);
    }
    let since = since.and_hms_opt(0, 0, 0).map(|at| at.and_utc()).unwrap_or_default();
    let rows: Vec<(Uuid, DateTime<Utc>, i32, i32)> = check_rollups::Entity::find()
        .select_only()
        .column(check_rollups::Column::MonitorId)
        .column(check_rollups::Column::HourStart)
        .column(check_rollups::Column::Checks)
        .column(check_rollups::Column::Failures)
        .filter(check_rollups::Column::TenantId.eq(tenant_id))
        .filter(check_rollups::Column::MonitorId.is_in(monitor_ids.iter().copied()))
        .filter(check_rollups::Column::HourStart.gte(since))
        .into_tuple()
        .all(db)
        .await?;
    for (monitor_id, hour, checks, failures) in rows {
        let day = out.entry((monitor_id, hour.date_naive())).or_default();
        day.0 += i64::from(checks);
        day.1 += i64::from(failures);
    }
    Ok(out)
}

/// One stats per UTC day for the last `days` days, oldest first (days without checks empty).
pub async fn daily(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    monitor_id: Uuid,
    now: DateTime<Utc>,
    days: i64,
) -> Result<Vec<(NaiveDate, Stats)>, DbErr> {
    let today = now.date_naive();
    let first = today - Duration::days(days - 1);
    let mut out: Vec<(NaiveDate, Stats)> =
        (0..days).map(|offset| (first + Duration::days(offset), Stats::default())).collect();
    let since = first.and_hms_opt(0, 0, 0).map(|at| at.and_utc()).unwrap_or(now);
    for row in rows_since(db, tenant_id, monitor_id, since).await? {
        let index = (row.hour_start.date_naive() - first).num_days();
        if let Some((_, stats)) = usize::try_from(index).ok().and_then(|i| out.get_mut(i)) {
            stats.add(&row);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histograms_merge_and_give_bucket_quantiles() {
        let mut fast = Histogram::default();
        for ms in [5, 8, 40, 90] {
            fast.add(ms);
        }
        let mut slow = Histogram::default();
        slow.add(60_000);
        fast.merge(&slow);
        assert_eq!(fast.0.iter().sum::<i64>(), 5);
        assert_eq!(fast.quantile(0.4), Some(10));
        assert_eq!(fast.quantile(0.6), Some(50));
        assert_eq!(fast.quantile(0.99), Some(30_000), "the overflow bucket reports the last bound");
        assert_eq!(Histogram::default().quantile(0.5), None);
        assert_eq!(Histogram::parse(&fast.to_json()), fast);
        assert_eq!(Histogram::parse("junk").0.len(), BUCKETS_MS.len() + 1);
    }

    #[test]
    fn hours_truncate() {
        let at = DateTime::parse_from_rfc3339("2026-12-01T10:59:59.9Z").unwrap().with_timezone(&Utc);
        assert_eq!(hour_of(at).to_rfc3339(), "2026-12-01T10:00:00+00:00");
    }
}
