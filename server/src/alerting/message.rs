//! What an alert says, as Beacon describes it: the body of a generic webhook (its documented
//! schema, `docs/webhooks.md`) and the source every other provider's message is rendered from.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AlertMessage {
    /// `monitor.down`, `monitor.up` or `test`.
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
}

impl AlertMessage {
    pub fn is_down(&self) -> bool {
        self.kind == "monitor.down"
    }

    pub fn is_up(&self) -> bool {
        self.kind == "monitor.up"
    }

    /// One line: "api is DOWN", "api is UP again", "Test alert from Beacon".
    pub fn title(&self) -> String {
        match (&self.data.monitor, self.kind.as_str()) {
            (Some(monitor), "monitor.down") => format!("{} is DOWN", monitor.name),
            (Some(monitor), "monitor.up") => format!("{} is UP again", monitor.name),
            _ => "Test alert from Beacon".to_owned(),
        }
    }

    /// A sentence or two under the title.
    pub fn details(&self) -> String {
        let organization = &self.data.organization.name;
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
