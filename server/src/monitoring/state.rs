//! The state machine of one monitor, free of I/O: a check result and the counters kept on the
//! row give the new status, whether an outage begins or ends, and when to check next.

use chrono::{DateTime, Duration, Utc};
use entity::check_results::CheckStatus;
use entity::monitors::MonitorStatus;

use super::timing::Timing;

/// The counters kept on the monitor row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counters {
    pub status: MonitorStatus,
    pub consecutive_failures: i32,
    pub consecutive_successes: i32,
}

/// A change the outside world hears about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// The failure threshold was reached: an outage begins.
    WentDown,
    /// The recovery threshold was reached after an outage.
    Recovered,
    /// Up ↔ degraded, or the first result of a new monitor: no outage starts or ends.
    Changed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub counters: Counters,
    pub transition: Option<Transition>,
    /// Failing below the threshold, or recovering below it: re-check at the retry interval.
    pub quick_recheck: bool,
}

/// Applies one result. `window_failures`: with a failure window, the failures within it
/// counting this one (they decide instead of the consecutive count, and a failure below the
/// threshold waits for the next planned check rather than a quick re-check).
pub fn step(timing: &Timing, current: Counters, result: CheckStatus, window_failures: Option<i32>) -> Step {
    let failed = result == CheckStatus::Down;
    let (failures, successes) = if failed {
        (current.consecutive_failures.saturating_add(1).min(1_000), 0)
    } else {
        (0, current.consecutive_successes.saturating_add(1).min(1_000))
    };
    let counted = window_failures.unwrap_or(failures);
    let healthy = if result == CheckStatus::Degraded { MonitorStatus::Degraded } else { MonitorStatus::Up };
    let (status, transition, quick_recheck) = match (current.status, failed) {
        (MonitorStatus::Down, true) => (MonitorStatus::Down, None, false),
        (MonitorStatus::Down, false) if successes >= timing.recovery_threshold => {
            (healthy, Some(Transition::Recovered), false)
        }
        (MonitorStatus::Down, false) => (MonitorStatus::Down, None, true),
        (_, true) if counted >= timing.failure_threshold => {
            (MonitorStatus::Down, Some(Transition::WentDown), false)
        }
        (status, true) => (status, None, window_failures.is_none()),
        (status, false) if status == healthy => (status, None, false),
        (_, false) => (healthy, Some(Transition::Changed), false),
    };
    Step {
        counters: Counters { status, consecutive_failures: failures, consecutive_successes: successes },
        transition,
        quick_recheck,
    }
}

/// The next planned check. On schedule, it is planned from the planned time of this one, not
/// from when it ran, so checks do not drift; slots missed while the process was down are
/// skipped, not run in a burst. A quick re-check is planned from now.
pub fn next_check_at(
    timing: &Timing,
    planned: DateTime<Utc>,
    now: DateTime<Utc>,
    quick_recheck: bool,
) -> DateTime<Utc> {
    if quick_recheck {
        return now + Duration::seconds(i64::from(timing.retry_interval_seconds));
    }
    let interval = Duration::seconds(i64::from(timing.interval_seconds));
    let mut next = planned + interval;
    if next <= now {
        let missed = (now - planned).num_seconds() / interval.num_seconds().max(1);
        next = planned + interval * (missed as i32 + 1);
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    const TIMING: Timing = Timing {
        interval_seconds: 60,
        timeout_seconds: 10,
        retry_interval_seconds: 20,
        failure_threshold: 2,
        recovery_threshold: 2,
        failure_window_seconds: 0,
        flap_threshold: 0,
        flap_window_seconds: 3600,
        degraded_response_ms: 0,
    };

    fn counters(status: MonitorStatus) -> Counters {
        Counters { status, consecutive_failures: 0, consecutive_successes: 0 }
    }

    #[test]
    fn an_outage_needs_the_threshold_and_rechecks_quickly_until_then() {
        let first = step(&TIMING, counters(MonitorStatus::Up), CheckStatus::Down, None);
        assert_eq!(
            (first.counters.status, first.transition, first.quick_recheck),
            (MonitorStatus::Up, None, true)
        );
        let second = step(&TIMING, first.counters, CheckStatus::Down, None);
        assert_eq!(second.counters.status, MonitorStatus::Down);
        assert_eq!(second.transition, Some(Transition::WentDown));
        let third = step(&TIMING, second.counters, CheckStatus::Down, None);
        assert_eq!(third.transition, None, "one outage, one transition");
    }

    #[test]
    fn recovery_needs_its_own_threshold() {
        let down =
            Counters { status: MonitorStatus::Down, consecutive_failures: 5, consecutive_successes: 0 };
        let first = step(&TIMING, down, CheckStatus::Up, None);
        assert_eq!(
            (first.counters.status, first.transition, first.quick_recheck),
            (MonitorStatus::Down, None, true)
        );
        let second = step(&TIMING, first.counters, CheckStatus::Up, None);
        assert_eq!(
            (second.counters.status, second.transition),
            (MonitorStatus::Up, Some(Transition::Recovered))
        );
        let flap = step(&TIMING, first.counters, CheckStatus::Down, None);
        assert_eq!((flap.counters.status, flap.counters.consecutive_successes), (MonitorStatus::Down, 0));
    }

    #[test]
    fn a_new_monitor_takes_its_first_healthy_result_and_degraded_is_not_an_outage() {
        let up = step(&TIMING, counters(MonitorStatus::Pending), CheckStatus::Up, None);
        assert_eq!((up.counters.status, up.transition), (MonitorStatus::Up, Some(Transition::Changed)));
        let degraded = step(&TIMING, up.counters, CheckStatus::Degraded, None);
        assert_eq!(degraded.counters.status, MonitorStatus::Degraded);
        assert_eq!(degraded.transition, Some(Transition::Changed));
        let again = step(&TIMING, degraded.counters, CheckStatus::Degraded, None);
        assert_eq!(again.transition, None);
    }

    #[test]
    fn a_failure_window_counts_failures_apart_and_does_not_recheck_quickly() {
        let window = Timing { failure_threshold: 3, failure_window_seconds: 600, ..TIMING };
        let up = counters(MonitorStatus::Up);
        let second = step(&window, up, CheckStatus::Down, Some(2));
        assert_eq!((second.counters.status, second.quick_recheck), (MonitorStatus::Up, false));
        let third = step(&window, up, CheckStatus::Down, Some(3));
        assert_eq!(
            (third.counters.status, third.transition),
            (MonitorStatus::Down, Some(Transition::WentDown))
        );
    }

    #[test]
    fn the_schedule_does_not_drift_and_skips_missed_slots() {
        let planned = DateTime::parse_from_rfc3339("2026-12-01T00:00:00Z").unwrap().with_timezone(&Utc);
        let late = planned + Duration::milliseconds(700);
        assert_eq!(next_check_at(&TIMING, planned, late, false), planned + Duration::seconds(60));
        let after_outage = planned + Duration::seconds(305);
        assert_eq!(next_check_at(&TIMING, planned, after_outage, false), planned + Duration::seconds(360));
        assert_eq!(next_check_at(&TIMING, planned, late, true), late + Duration::seconds(20));
    }
}
