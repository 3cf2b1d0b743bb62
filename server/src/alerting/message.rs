//! What an alert says, as Beacon describes it: the body of a generic webhook (its documented
//! schema, `docs/webhooks.md`) and the source every other provider's message is rendered from.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AlertMessage {
    /// `monitor.down`, `monitor.up`, `monitor.flapping`, `monitor.settled`, `monitor.degraded`,
    /// `monitor.healthy`, `certificate.expiring`, `certificate.renewed`, `incident.update` or
    /// `test`.
    #[serde(rename = "type")]
    pub kind: String,
    pub timestamp: DateTime<Utc>,
    pub data: AlertData,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AlertData {
    pub organization: Organization,
    pub monitor: Option<Monitor>,
    pub incident: Option<Incident>,
    /// `monitor.flapping` and `monitor.settled` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flapping: Option<Flapping>,
    /// `monitor.degraded`, `monitor.healthy`, `certificate.expiring` and `certificate.renewed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub degradation: Option<Degradation>,
    /// `incident.update` only: the status page incident and the update posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_incident: Option<StatusIncident>,
}

impl AlertData {
    /// About `organization`, nothing else said yet (fill in what the message is about).
    pub fn of(organization: Organization) -> Self {
        Self {
            organization,
            monitor: None,
            incident: None,
            flapping: None,
            degradation: None,
            status_incident: None,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Degradation {
    /// When it began: with the monitor id, what the end notice closes.
    pub since: DateTime<Utc>,
    /// What the check said ("certificate expires in 9 days (2027-01-01)").
    pub reason: String,
    /// When the certificate the check saw expires, if it saw one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_expires_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct StatusIncident {
    pub id: Uuid,
    pub title: String,
    /// `investigating`, `identified`, `monitoring` or `resolved`.
    pub status: String,
    /// The update's text.
    pub message: String,
    /// The status page it is on.
    pub page_url: String,
}

/// How loud a message is: what providers make of severity, colour and priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Opens something urgent at the receiver: a down alert, a flapping notice.
    Critical,
    /// Opens something that needs attention soon: a degradation, an expiring certificate.
    Warning,
    /// Closes what a critical or warning message opened.
    Resolved,
    /// Neither opens nor closes: a test, a status page update.
    Info,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Flapping {
    /// When it started flapping: with the monitor id, what a settled notice closes.
    pub since: DateTime<Utc>,
    /// State changes within the window that made it flapping (0 in a settled notice).
    pub changes: u64,
    pub window_seconds: i32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Monitor {
    pub id: Uuid,
    pub name: String,
    /// The monitor's page in Beacon.
    pub url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Incident {
    pub id: Uuid,
    pub started_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// The first failure's error.
    pub cause: String,
    /// A signed link that acknowledges the outage without logging in (stops its escalation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledge_url: Option<String>,
}

impl AlertMessage {
    pub fn tone(&self) -> Tone {
        match self.kind.as_str() {
            "monitor.down" | "monitor.flapping" => Tone::Critical,
            "monitor.degraded" | "certificate.expiring" => Tone::Warning,
            "monitor.up" | "monitor.settled" | "monitor.healthy" | "certificate.renewed" => Tone::Resolved,
            "incident.update"
                if self.data.status_incident.as_ref().is_some_and(|i| i.status == "resolved") =>
            {
                Tone::Resolved
            }
            _ => Tone::Info,
        }
    }

    /// Opens something urgent at the receiver (a page, an alert): a down alert or a flapping
    /// notice.
    pub fn is_down(&self) -> bool {
        self.tone() == Tone::Critical
    }

    /// Closes what an earlier message opened: a recovery, a settled notice, the end of a
    /// degradation, a renewed certificate, a resolved status page incident.
    pub fn is_up(&self) -> bool {
        self.tone() == Tone::Resolved
    }

    /// One line: "api is DOWN", "api is UP again", "Test alert from Beacon".
    pub fn title(&self) -> String {
        match (&self.data.monitor, self.kind.as_str()) {
            (Some(monitor), "monitor.down") => format!("{} is DOWN", monitor.name),
            (Some(monitor), "monitor.up") => format!("{} is UP again", monitor.name),
            (Some(monitor), "monitor.flapping") => format!("{} is flapping", monitor.name),
            (Some(monitor), "monitor.settled") => format!("{} has settled", monitor.name),
            (Some(monitor), "monitor.degraded") => format!("{} is degraded", monitor.name),
            (Some(monitor), "monitor.healthy") => format!("{} is no longer degraded", monitor.name),
            (Some(monitor), "certificate.expiring") => format!("{}: certificate expires soon", monitor.name),
            (Some(monitor), "certificate.renewed") => format!("{}: certificate renewed", monitor.name),
            (_, "incident.update") => match &self.data.status_incident {
                Some(incident) => format!("{} — {}", incident.title, capitalized(&incident.status)),
                None => "Status page update".to_owned(),
            },
            _ => "Test alert from Beacon".to_owned(),
        }
    }

    /// A sentence or two under the title.
    pub fn details(&self) -> String {
        let details = self.summary();
        match self.data.incident.as_ref().and_then(|incident| incident.acknowledge_url.as_deref()) {
            Some(url) if self.is_down() => format!("{details}\nAcknowledge: {url}"),
            _ => details,
        }
    }

    fn summary(&self) -> String {
        let organization = &self.data.organization.name;
        if let Some(flapping) = &self.data.flapping {
            let minutes = flapping.window_seconds / 60;
            return if self.kind == "monitor.settled" {
                format!("{organization}: no change for {minutes} min; alerts are back on.")
            } else {
                format!(
                    "{organization}: {} changes between down and up within {minutes} min. Alerts are held back until it settles.",
                    flapping.changes
                )
            };
        }
        if let Some(degradation) = &self.data.degradation {
            let since = degradation.since.format("%Y-%m-%d %H:%M:%S UTC");
            return match self.tone() {
                Tone::Resolved => format!("{organization}: healthy again (degraded since {since})."),
                _ => format!("{organization}: degraded since {since} — {}", degradation.reason),
            };
        }
        if let Some(incident) = &self.data.status_incident {
            return format!("{organization} status page: {}\n{}", incident.message, incident.page_url);
        }
        match (&self.data.incident, self.kind.as_str()) {
            (Some(incident), "monitor.down") => format!(
                "{organization}: down since {} — {}",
                incident.started_at.format("%Y-%m-%d %H:%M:%S UTC"),
                incident.cause
            ),
            (Some(incident), "monitor.up") => {
                let minutes = incident
                    .resolved_at
                    .map_or(0, |resolved| (resolved - incident.started_at).num_minutes().max(0));
                format!("{organization}: recovered after {minutes} min (cause was: {})", incident.cause)
            }
            _ => format!("{organization}: this channel works. Alerts about your monitors will arrive here."),
        }
    }

    /// Where a reader goes for more: the monitor's page, or the status page.
    pub fn link(&self) -> Option<&str> {
        match (&self.data.monitor, &self.data.status_incident) {
            (Some(monitor), _) => Some(monitor.url.as_str()),
            (None, Some(incident)) => Some(incident.page_url.as_str()),
            (None, None) => None,
        }
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
