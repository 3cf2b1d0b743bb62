//! What an alert says, as Beacon describes it: the body of a generic webhook (its documented
//! schema, `docs/webhooks.md`) and the source every other provider's message is rendered from.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AlertMessage {
    /// `monitor.down`, `monitor.up`, `monitor.flapping`, `monitor.settled` or `test`.
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
    /// Opens something at the receiver (a page, an alert): a down alert or a flapping notice.
    pub fn is_down(&self) -> bool {
        self.kind == "monitor.down" || self.kind == "monitor.flapping"
    }

    /// Closes what [`is_down`](Self::is_down) opened: a recovery or a settled notice.
    pub fn is_up(&self) -> bool {
        self.kind == "monitor.up" || self.kind == "monitor.settled"
    }

    /// One line: "api is DOWN", "api is UP again", "Test alert from Beacon".
    pub fn title(&self) -> String {
        match (&self.data.monitor, self.kind.as_str()) {
            (Some(monitor), "monitor.down") => format!("{} is DOWN", monitor.name),
            (Some(monitor), "monitor.up") => format!("{} is UP again", monitor.name),
            (Some(monitor), "monitor.flapping") => format!("{} is flapping", monitor.name),
            (Some(monitor), "monitor.settled") => format!("{} has settled", monitor.name),
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

    /// Where a reader goes for more: the monitor's page, else Beacon.
    pub fn link(&self) -> Option<&str> {
        self.data.monitor.as_ref().map(|monitor| monitor.url.as_str())
    }
}
