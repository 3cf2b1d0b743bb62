//! Degradations: a monitor that works but needs attention (today: a TLS certificate that
//! expires within the monitor's warning window, the probe's only degraded verdict). Its start
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
    match (status, monitor.degraded_since) {
        (MonitorStatus::Degraded, None) if !in_maintenance => Some(DegradedNotice {
            ended: false,
            since: at,
            event: if certificate_expires_at.is_some() { CERTIFICATE } else { DEGRADED },
            reason: error.unwrap_or("the check reported a warning").to_owned(),
            certificate_expires_at,
        }),
        (MonitorStatus::Up, Some(since)) => Some(DegradedNotice {
            ended: true,
            since,
            event: if monitor.degraded_event.as_deref() == Some(CERTIFICATE) {
                CERTIFICATE
            } else {
                DEGRADED
            },
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
