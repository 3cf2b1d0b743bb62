//! Message templates: a channel may word its alerts itself, in a small, safe template language
//! (minijinja — a sandboxed Jinja subset: no file or network access, no loops past its fuel).
//! A template sees the alert's facts (`monitor`, `organization`, `incident`, `degradation`,
//! `statusIncident`, `event`) and
//! Beacon's own wording (`title`, `details`). Templates are checked when saved (they must
//! compile and render against sample alerts); if one still fails when an alert is sent, the
//! alert goes out in Beacon's wording rather than not at all.

use chrono::{DateTime, Utc};
use minijinja::{Environment, UndefinedBehavior};
use serde_json::{Value, json};
use uuid::Uuid;

use super::message::{AlertData, AlertMessage, Degradation, Incident, Monitor, Organization, StatusIncident};

/// Characters per template.
pub const MAX_TEMPLATE: usize = 1000;
/// Characters of rendered text kept.
const MAX_OUTPUT: usize = 3000;
/// Evaluation steps one rendering may take (a loop cannot run away).
const FUEL: u64 = 20_000;

/// The facts a template sees.
fn context(message: &AlertMessage) -> Value {
    let event = message.kind.strip_prefix("monitor.").unwrap_or(&message.kind);
    json!({
        "event": event,
        "title": message.title(),
        "details": message.details(),
        "organization": { "name": message.data.organization.name, "slug": message.data.organization.slug },
        "monitor": message.data.monitor.as_ref().map(|m| json!({ "name": m.name, "url": m.url })),
        "incident": message.data.incident.as_ref().map(|i| json!({
            "cause": i.cause,
            "startedAt": i.started_at.to_rfc3339(),
            "resolvedAt": i.resolved_at.map(|at| at.to_rfc3339()),
            "acknowledgeUrl": i.acknowledge_url,
        })),
        "degradation": message.data.degradation.as_ref().map(|d| json!({
            "since": d.since.to_rfc3339(),
            "reason": d.reason,
            "certificateExpiresAt": d.certificate_expires_at.map(|at| at.to_rfc3339()),
        })),
        "statusIncident": message.data.status_incident.as_ref().map(|i| json!({
            "title": i.title,
            "status": i.status,
            "message": i.message,
            "pageUrl": i.page_url,
        })),
    })
}

/// Renders `template` for `message`: the text, or what is wrong (with its line).
pub fn render(template: &str, message: &AlertMessage) -> Result<String, String> {
    let mut env = Environment::new();
    env.set_fuel(Some(FUEL));
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    let text = env.render_str(template, context(message)).map_err(|err| {
        let line = err.line().map(|line| format!(" (line {line})")).unwrap_or_default();
        format!("{}{line}", err.detail().unwrap_or(&err.kind().to_string()))
    })?;
    Ok(text.trim().chars().take(MAX_OUTPUT).collect())
}

/// A template as given: `None` when empty; an error when too long or when it does not render
/// for a sample down and up alert.
pub fn parse(raw: Option<&str>) -> Result<Option<String>, String> {
    let Some(raw) = raw.map(str::trim).filter(|raw| !raw.is_empty()) else { return Ok(None) };
    if raw.chars().count() > MAX_TEMPLATE {
        return Err(format!("must be at most {MAX_TEMPLATE} characters"));
    }
    let now = Utc::now();
    for kind in ["monitor.down", "monitor.up"] {
        render(raw, &sample(kind, now))?;
    }
    Ok(Some(raw.to_owned()))
}

/// The wording of `message`: each template that renders, else Beacon's own.
pub fn wording(title: Option<&str>, body: Option<&str>, message: &AlertMessage) -> (String, String) {
    let apply = |template: Option<&str>, default: String| match template.map(|t| render(t, message)) {
        Some(Ok(text)) if !text.is_empty() => text,
        Some(Err(err)) => {
            tracing::warn!(error = %err, "an alert template failed; the alert goes out in Beacon's wording");
            default
        }
        _ => default,
    };
    (apply(title, message.title()), apply(body, message.details()))
}

/// A made-up alert of `kind` about a monitor "API" of "Acme" at `now`: `monitor.down`,
/// `monitor.up`, `monitor.degraded`, `certificate.expiring` or `incident.update`.
pub fn sample(kind: &str, now: DateTime<Utc>) -> AlertMessage {
    let started = now - chrono::Duration::minutes(7);
    let down = kind == "monitor.down";
    let outage = matches!(kind, "monitor.down" | "monitor.up");
    let mut message = AlertMessage {
        kind: kind.into(),
        timestamp: now,
        data: AlertData {
            organization: Organization { slug: "acme".into(), name: "Acme".into() },
            monitor: Some(Monitor {
                id: Uuid::nil(),
                name: "API".into(),
                url: "https://acme.example.com/app/monitors/00000000-0000-0000-0000-000000000000".into(),
            }),
            incident: Some(Incident {
                id: Uuid::nil(),
                started_at: started,
                resolved_at: (!down).then_some(now),
                cause: "HTTP 503 (expected 200-299)".into(),
                acknowledge_url: down.then(|| "https://acme.example.com/ack/sample".to_owned()),
            }),
            flapping: None,
            degradation: None,
            status_incident: None,
        },
    };
    match kind {
        _ if outage => {}
        "incident.update" => {
            message.data.monitor = None;
            message.data.incident = None;
            message.data.status_incident = Some(StatusIncident {
                id: Uuid::nil(),
                title: "Slow API responses".into(),
                status: "identified".into(),
                message: "A database index was missing; we are adding it.".into(),
                page_url: "https://acme.example.com/".into(),
            });
        }
        _ => {
            message.data.incident = None;
            let expires = now + chrono::Duration::days(9);
            message.data.degradation = Some(Degradation {
                since: started,
                reason: format!("certificate expires in 9 days ({})", expires.format("%Y-%m-%d")),
                certificate_expires_at: Some(expires),
            });
        }
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_see_the_alert_and_bad_ones_say_where() {
        let message = sample("monitor.down", Utc::now());
        let text = render(
            "{% if event == 'down' %}🔥 {% endif %}{{ monitor.name }} is {{ event | upper }}",
            &message,
        );
        assert_eq!(text.as_deref(), Ok("🔥 API is DOWN"));
        assert_eq!(render("{{ title }}", &message).as_deref(), Ok("API is DOWN"));
        let unknown = render("{{ monitr.name }}", &message).unwrap_err();
        assert!(unknown.contains("line 1"), "{unknown}");
        assert!(parse(Some("{% if %}")).is_err());
        assert!(
            parse(Some("{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}"))
                .is_err(),
            "fuel runs out"
        );
        assert_eq!(parse(Some("  ")), Ok(None));
        assert!(parse(Some(&"x".repeat(MAX_TEMPLATE + 1))).is_err());
        // A test alert has no monitor: a template that needs one falls back to Beacon's words.
        let mut test = sample("monitor.down", Utc::now());
        test.kind = "test".into();
        test.data.monitor = None;
        assert_eq!(wording(Some("{{ monitor.name }}"), None, &test).0, test.title());
    }
}
