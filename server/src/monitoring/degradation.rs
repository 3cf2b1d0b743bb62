//! Degradations: a monitor that works but needs attention — a TLS certificate that expires
//! within the monitor's warning window (the probe's degraded verdict), or a response slower
//! than the monitor's `degraded_response_ms` (the engine's). Its start
//! and its end are announced once each, to the layers that follow outages (alert channels);
//! `monitors.degraded_since` remembers what was announced, so the end closes it under the same
//! key however many checks stay degraded in between.

use chrono::{DateTime, Utc};
use entity::monitors::{self, MonitorStatus};

/// Announced as `certificate`; any other degradation as `degraded`.
pub const CERTIFICATE: &str = "certificate";
pub const DEGRADED: &str = "degraded";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DegradedNotice {
    /// `false`: it began; `true`: it ended (the monitor is up and healthy again).
    pub ended: bool,
    /// When it began: with the monitor, the notice's identity.
    pub since: DateTime<Utc>,
    /// `CERTIFICATE` or `DEGRADED`.
    pub event: &'static str,
    /// What the check said when it began (`certificate expires in 9 days (…)`).
    pub reason: String,
    pub certificate_expires_at: Option<DateTime<Utc>>,
}

/// What this result announces: a degradation beginning (the status is degraded and none is
/// announced; never in maintenance, so one that outlasts the window is announced after it) or
/// ending (the status is up and one was announced). A degraded monitor that goes down keeps its
/// degradation open until it is up again: the outage alerts on its own.
pub fn notice(
    monitor: &monitors::Model,
    status: MonitorStatus,
    error: Option<&str>,
    certificate_expires_at: Option<DateTime<Utc>>,
    in_maintenance: bool,
    at: DateTime<Utc>,
) -> Option<DegradedNotice> {
    let announced = monitor.degraded_since.map(|since| (since, monitor.degraded_event.as_deref()));
    decide(announced, status, error, certificate_expires_at, in_maintenance, at)
}

/// [`notice`] from what was announced (when, and as which event).
fn decide(
    announced: Option<(DateTime<Utc>, Option<&str>)>,
    status: MonitorStatus,
    error: Option<&str>,
    certificate_expires_at: Option<DateTime<Utc>>,
    in_maintenance: bool,
    at: DateTime<Utc>,
) -> Option<DegradedNotice> {
    match (status, announced) {
        (MonitorStatus::Degraded, None) if !in_maintenance => Some(DegradedNotice {
            ended: false,
            since: at,
            event: if certificate_expires_at.is_some() { CERTIFICATE } else { DEGRADED },
            reason: error.unwrap_or("the check reported a warning").to_owned(),
            certificate_expires_at,
        }),
        (MonitorStatus::Up, Some((since, event))) => Some(DegradedNotice {
            ended: true,
            since,
            event: if event == Some(CERTIFICATE) { CERTIFICATE } else { DEGRADED },
            reason: String::new(),
            certificate_expires_at,
        }),
        _ => None,
    }
}

/// The monitor's `(degraded_since, degraded_event)` after `notice`.
pub fn columns(
    monitor: &monitors::Model,
    notice: Option<&DegradedNotice>,
) -> (Option<DateTime<Utc>>, Option<String>) {
    match notice {
        Some(notice) if notice.ended => (None, None),
        Some(notice) => (Some(notice.since), Some(notice.event.to_owned())),
        None => (monitor.degraded_since, monitor.degraded_event.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_degradation_is_announced_when_it_begins_and_when_it_ends_only() {
        let t0 = Utc::now();
        let expires = Some(t0 + chrono::Duration::days(5));
        let warning = Some("certificate expires in 5 days");
        let began = decide(None, MonitorStatus::Degraded, warning, expires, false, t0).expect("begins");
        assert_eq!((began.ended, began.event, began.since), (false, CERTIFICATE, t0));
        let announced = Some((t0, Some(CERTIFICATE)));
        // Still degraded, or down in between: nothing new.
        assert_eq!(decide(announced, MonitorStatus::Degraded, warning, expires, false, t0), None);
        assert_eq!(decide(announced, MonitorStatus::Down, Some("refused"), None, false, t0), None);
        // Up again: the end, under the start's time and event.
        let ended = decide(announced, MonitorStatus::Up, None, None, false, t0).expect("ends");
        assert_eq!((ended.ended, ended.event, ended.since), (true, CERTIFICATE, t0));
        // In maintenance nothing begins; after it, the next degraded result announces it.
        assert_eq!(decide(None, MonitorStatus::Degraded, warning, expires, true, t0), None);
        // Without a certificate it is a plain degradation.
        let plain = decide(None, MonitorStatus::Degraded, Some("slow"), None, false, t0).expect("begins");
        assert_eq!(plain.event, DEGRADED);
        // Healthy and never degraded: nothing.
        assert_eq!(decide(None, MonitorStatus::Up, None, None, false, t0), None);
    }
}
