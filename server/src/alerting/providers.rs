//! Each channel kind's request, rendered from one [`AlertMessage`] as the provider's public
//! documentation describes it. Every provider's base URL comes from the channel (defaulting to
//! the provider's own), so tests point them at a local sink. Pure functions: no I/O here.

use chrono::{DateTime, Utc};
use entity::alert_channels::ChannelKind;
use serde_json::{Value, json};
use url::Url;

use super::channels::ChannelSettings;
use super::message::{AlertMessage, Tone};
use super::signing;
use crate::probe::HttpMethod;

/// An HTTP request to make.
#[derive(Debug, Clone)]
pub struct Outbound {
    pub method: HttpMethod,
    pub url: Url,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// The secrets a delivery may need, opened: the channel's and, for a webhook within its
/// rotation overlap, the previous signing secret.
pub struct Secrets<'a> {
    pub current: Option<&'a str>,
    pub previous: Option<&'a str>,
}

pub const DEFAULT_TELEGRAM: &str = "https://api.telegram.org";
pub const DEFAULT_PAGERDUTY: &str = "https://events.pagerduty.com";
pub const DEFAULT_OPSGENIE: &str = "https://api.opsgenie.com";
pub const DEFAULT_PUSHOVER: &str = "https://api.pushover.net";

/// Red for down, amber for a warning, green for up, blue for news and tests.
fn colour(message: &AlertMessage) -> (&'static str, u32) {
    match message.tone() {
        Tone::Critical => ("#dc2626", 0xdc2626),
        Tone::Warning => ("#d97706", 0xd97706),
        Tone::Resolved => ("#16a34a", 0x16a34a),
        Tone::Info => ("#2563eb", 0x2563eb),
    }
}

/// A provider's levels for critical, warning and anything else.
fn level<T>(message: &AlertMessage, critical: T, warning: T, other: T) -> T {
    match message.tone() {
        Tone::Critical => critical,
        Tone::Warning => warning,
        _ => other,
    }
}

fn json_post(url: Url, body: Value) -> Outbound {
    Outbound {
        method: HttpMethod::Post,
        url,
        headers: vec![("content-type".into(), "application/json".into())],
        body: body.to_string(),
    }
}

fn parse(url: &str) -> Result<Url, String> {
    Url::parse(url).map_err(|err| format!("the channel's URL is invalid: {err}"))
}

fn base(settings: &ChannelSettings, default: &str) -> Result<Url, String> {
    parse(settings.url.as_deref().unwrap_or(default))
}

fn join(base: &Url, path: &str) -> Result<Url, String> {
    let root = base.as_str().trim_end_matches('/');
    parse(&format!("{root}{path}"))
}

fn required<'a>(secret: Option<&'a str>, what: &str) -> Result<&'a str, String> {
    secret.filter(|s| !s.is_empty()).ok_or_else(|| format!("the channel has no {what}"))
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The dedup key PagerDuty and Opsgenie use to resolve/close what an opening message opened:
/// an outage, a flapping spell, a degradation or a status page incident.
fn incident_key(message: &AlertMessage, delivery_id: &str) -> String {
    let data = &message.data;
    if let Some(incident) = &data.incident {
        return format!("beacon-{}", incident.id);
    }
    if let Some(incident) = &data.status_incident {
        return format!("beacon-status-{}", incident.id);
    }
    match (&data.monitor, &data.flapping, &data.degradation) {
        (Some(monitor), Some(flapping), _) => {
            format!("beacon-flap-{}-{}", monitor.id, flapping.since.timestamp())
        }
        (Some(monitor), _, Some(degradation)) => {
            format!("beacon-degraded-{}-{}", monitor.id, degradation.since.timestamp())
        }
        _ => format!("beacon-test-{delivery_id}"),
    }
}

/// The request for `kind`. `delivery_id` is the webhook id and the idempotency key where a
/// provider takes one; `now` is the webhook timestamp.
pub fn render(
    kind: ChannelKind,
    settings: &ChannelSettings,
    secrets: &Secrets<'_>,
    message: &AlertMessage,
    delivery_id: &str,
    now: DateTime<Utc>,
) -> Result<Outbound, String> {
    let (title, details) = super::templates::wording(
        settings.title_template.as_deref(),
        settings.body_template.as_deref(),
        message,
    );
    let link = message.link().unwrap_or_default().to_owned();
    let (hex, rgb) = colour(message);
    match kind {
        ChannelKind::Email => Err("email channels are delivered through the outbox".into()),
        ChannelKind::Webhook => {
            let url = base(settings, "")?;
            let body = serde_json::to_string(message).map_err(|err| err.to_string())?;
            let timestamp = now.timestamp();
            let signers: Vec<&str> = [secrets.current, secrets.previous].into_iter().flatten().collect();
            if signers.is_empty() {
                return Err("the webhook has no signing secret".into());
            }
            Ok(Outbound {
                method: HttpMethod::Post,
                url,
                headers: vec![
                    ("content-type".into(), "application/json".into()),
                    ("webhook-id".into(), delivery_id.to_owned()),
                    ("webhook-timestamp".into(), timestamp.to_string()),
                    (
                        "webhook-signature".into(),
                        signing::signature_header(&signers, delivery_id, timestamp, &body),
                    ),
                ],
                body,
            })
        }
        // Incoming webhooks with Block Kit (https://api.slack.com/messaging/webhooks).
        ChannelKind::Slack => {
            let url = parse(required(secrets.current, "webhook URL")?)?;
            let mut context = vec![
                json!({ "type": "mrkdwn", "text": format!("Beacon · {}", message.data.organization.name) }),
            ];
            if !link.is_empty() {
                context.push(json!({ "type": "mrkdwn", "text": format!("<{link}|Open in Beacon>") }));
            }
            Ok(json_post(
                url,
                json!({
                    "text": format!("{title}: {details}"),
                    "blocks": [
                        { "type": "header", "text": { "type": "plain_text", "text": title, "emoji": true } },
                        { "type": "section", "text": { "type": "mrkdwn", "text": details } },
                        { "type": "context", "elements": context },
                    ],
                }),
            ))
        }
        // Slack-compatible incoming webhooks (Mattermost, Rocket.Chat): text and an attachment.
        ChannelKind::Mattermost | ChannelKind::RocketChat => {
            let url = parse(required(secrets.current, "webhook URL")?)?;
            Ok(json_post(
                url,
                json!({
                    "username": "Beacon",
                    "text": format!("**{title}**"),
                    "attachments": [{ "color": hex, "title": title, "title_link": link, "text": details }],
                }),
            ))
        }
        // Execute Webhook with an embed (https://discord.com/developers/docs/resources/webhook).
        ChannelKind::Discord => {
            let url = parse(required(secrets.current, "webhook URL")?)?;
            let mut embed = json!({ "title": title, "description": details, "color": rgb, "timestamp": message.timestamp.to_rfc3339() });
            if !link.is_empty() {
                embed["url"] = json!(link);
            }
            Ok(json_post(
                url,
                json!({ "username": "Beacon", "embeds": [embed], "allowed_mentions": { "parse": [] } }),
            ))
        }
        // A Workflows webhook receiving an Adaptive Card (Microsoft Teams).
        ChannelKind::Teams => {
            let url = parse(required(secrets.current, "webhook URL")?)?;
            let mut card = json!({
                "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                "type": "AdaptiveCard",
                "version": "1.4",
                "body": [
                    { "type": "TextBlock", "text": title, "weight": "Bolder", "size": "Medium", "wrap": true,
                      "color": match message.tone() { Tone::Critical => "Attention", Tone::Warning => "Warning", Tone::Resolved => "Good", Tone::Info => "Accent" } },
                    { "type": "TextBlock", "text": details, "wrap": true },
                ],
            });
            if !link.is_empty() {
                card["actions"] =
                    json!([{ "type": "Action.OpenUrl", "title": "Open in Beacon", "url": link }]);
            }
            Ok(json_post(
                url,
                json!({ "type": "message", "attachments": [{ "contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": null, "content": card }] }),
            ))
        }
        // Google Chat incoming webhook: a text message.
        ChannelKind::GoogleChat => {
            let url = parse(required(secrets.current, "webhook URL")?)?;
            let text = if link.is_empty() {
                format!("*{title}*\n{details}")
            } else {
                format!("*{title}*\n{details}\n<{link}|Open in Beacon>")
            };
            Ok(json_post(url, json!({ "text": text })))
        }
        // Bot API sendMessage (https://core.telegram.org/bots/api#sendmessage).
        ChannelKind::Telegram => {
            let token = required(secrets.current, "bot token")?;
            let chat = settings.recipient.clone().ok_or("the channel has no chat id")?;
            let url = join(&base(settings, DEFAULT_TELEGRAM)?, &format!("/bot{token}/sendMessage"))?;
            let mut text = format!("<b>{}</b>\n{}", escape_html(&title), escape_html(&details));
            if !link.is_empty() {
                text.push_str(&format!("\n<a href=\"{}\">Open in Beacon</a>", escape_html(&link)));
            }
            Ok(json_post(
                url,
                json!({ "chat_id": chat, "text": text, "parse_mode": "HTML", "disable_web_page_preview": true }),
            ))
        }
        // Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/).
        ChannelKind::PagerDuty => {
            let routing_key = required(secrets.current, "routing key")?;
            let url = join(&base(settings, DEFAULT_PAGERDUTY)?, "/v2/enqueue")?;
            let dedup_key = incident_key(message, delivery_id);
            let body = if message.is_up() {
                json!({ "routing_key": routing_key, "event_action": "resolve", "dedup_key": dedup_key })
            } else {
                let source = message.data.monitor.as_ref().map_or("beacon".to_owned(), |m| m.name.clone());
                let mut body = json!({
                    "routing_key": routing_key,
                    "event_action": "trigger",
                    "dedup_key": dedup_key,
                    "payload": {
                        "summary": format!("{title}: {details}").chars().take(1024).collect::<String>(),
                        "source": source,
                        "severity": level(message, "critical", "warning", "info"),
                        "timestamp": message.timestamp.to_rfc3339(),
                        "component": message.data.organization.slug,
                        "custom_details": message.data,
                    },
                    "client": "Beacon",
                });
                if !link.is_empty() {
                    body["links"] = json!([{ "href": link, "text": "Open in Beacon" }]);
                    body["client_url"] = json!(link);
                }
                body
            };
            Ok(json_post(url, body))
        }
        // Alert API: create, and close by alias (https://docs.opsgenie.com/docs/alert-api).
        ChannelKind::Opsgenie => {
            let key = required(secrets.current, "API key")?;
            let base = base(settings, DEFAULT_OPSGENIE)?;
            let alias = incident_key(message, delivery_id);
            let mut request = if message.is_up() {
                json_post(
                    join(&base, &format!("/v2/alerts/{alias}/close?identifierType=alias"))?,
                    json!({ "source": "Beacon", "note": details }),
                )
            } else {
                json_post(
                    join(&base, "/v2/alerts")?,
                    json!({
                        "message": title.chars().take(130).collect::<String>(),
                        "alias": alias,
                        "description": if link.is_empty() { details.clone() } else { format!("{details}\n{link}") },
                        "priority": level(message, "P1", "P3", "P5"),
                        "source": "Beacon",
                        "tags": ["beacon"],
                    }),
                )
            };
            request.headers.push(("authorization".into(), format!("GenieKey {key}")));
            Ok(request)
        }
        // JSON publishing to the server root with the topic in the body (https://docs.ntfy.sh/publish/).
        ChannelKind::Ntfy => {
            let topic_url = base(settings, "")?;
            let topic = topic_url
                .path_segments()
                .and_then(|mut s| s.next_back())
                .filter(|t| !t.is_empty())
                .ok_or("the topic URL names no topic")?
                .to_owned();
            let mut root = topic_url.clone();
            root.path_segments_mut().map_err(|_| "the topic URL cannot be a base")?.pop();
            let mut body = json!({
                "topic": topic,
                "title": title,
                "message": details,
                "priority": settings.priority.unwrap_or(level(message, 5, 4, 3)),
                "tags": [match message.tone() { Tone::Critical => "rotating_light", Tone::Warning => "warning", Tone::Resolved => "white_check_mark", Tone::Info => "bell" }],
            });
            if !link.is_empty() {
                body["click"] = json!(link);
            }
            let mut request = json_post(root, body);
            if let Some(token) = secrets.current.filter(|t| !t.is_empty()) {
                request.headers.push(("authorization".into(), format!("Bearer {token}")));
            }
            Ok(request)
        }
        // Message API (https://pushover.net/api).
        ChannelKind::Pushover => {
            let token = required(secrets.current, "application token")?;
            let user = settings.recipient.clone().ok_or("the channel has no user key")?;
            let url = join(&base(settings, DEFAULT_PUSHOVER)?, "/1/messages.json")?;
            let mut body = json!({
                "token": token, "user": user, "title": title, "message": details,
                "priority": settings.priority.unwrap_or(level(message, 1, 0, 0)),
                "timestamp": message.timestamp.timestamp(),
            });
            if !link.is_empty() {
                body["url"] = json!(link);
                body["url_title"] = json!("Open in Beacon");
            }
            Ok(json_post(url, body))
        }
        // POST /message with the application token (https://gotify.net/api-docs).
        ChannelKind::Gotify => {
            let token = required(secrets.current, "application token")?;
            let url = join(&base(settings, "")?, "/message")?;
            let mut body = json!({ "title": title, "message": details, "priority": settings.priority.unwrap_or(level(message, 8, 6, 4)) });
            if !link.is_empty() {
                body["extras"] = json!({ "client::notification": { "click": { "url": link } } });
            }
            let mut request = json_post(url, body);
            request.headers.push(("x-gotify-key".into(), token.to_owned()));
            Ok(request)
        }
        // Client-server API: PUT a room message with a transaction id (the delivery's), so a
        // retried send is not posted twice.
        ChannelKind::Matrix => {
            let token = required(secrets.current, "access token")?;
            let room = settings.recipient.clone().ok_or("the channel has no room id")?;
            let room: String = url::form_urlencoded::byte_serialize(room.as_bytes()).collect();
            let url = join(
                &base(settings, "")?,
                &format!("/_matrix/client/v3/rooms/{room}/send/m.room.message/{delivery_id}"),
            )?;
            let mut html = format!("<strong>{}</strong><br>{}", escape_html(&title), escape_html(&details));
            if !link.is_empty() {
                html.push_str(&format!("<br><a href=\"{}\">Open in Beacon</a>", escape_html(&link)));
            }
            let mut request = json_post(
                url,
                json!({ "msgtype": "m.text", "body": format!("{title}\n{details}"), "format": "org.matrix.custom.html", "formatted_body": html }),
            );
            request.method = HttpMethod::Put;
            request.headers.push(("authorization".into(), format!("Bearer {token}")));
            Ok(request)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alerting::message::{AlertData, Incident, Monitor, Organization};

    fn down() -> AlertMessage {
        let at = DateTime::parse_from_rfc3339("2026-12-02T06:00:00Z").unwrap().with_timezone(&Utc);
        AlertMessage {
            kind: "monitor.down".into(),
            timestamp: at,
            data: AlertData {
                organization: Organization { slug: "acme".into(), name: "Acme <Inc>".into() },
                monitor: Some(Monitor {
                    id: uuid::Uuid::nil(),
                    name: "api".into(),
                    url: "https://acme.example/app/monitors/1".into(),
                }),
                incident: Some(Incident {
                    id: uuid::Uuid::nil(),
                    started_at: at,
                    resolved_at: None,
                    cause: "connection refused".into(),
                    acknowledge_url: None,
                }),
                flapping: None,
                degradation: None,
                status_incident: None,
            },
        }
    }

    fn settings(url: Option<&str>, recipient: Option<&str>) -> ChannelSettings {
        ChannelSettings {
            url: url.map(str::to_owned),
            recipient: recipient.map(str::to_owned),
            ..ChannelSettings::default()
        }
    }

    fn render_json(kind: ChannelKind, settings: &ChannelSettings, secret: Option<&str>) -> (Outbound, Value) {
        let secrets = Secrets { current: secret, previous: None };
        let out = render(kind, settings, &secrets, &down(), "d1", Utc::now()).unwrap();
        let body = serde_json::from_str(&out.body).unwrap();
        (out, body)
    }

    #[test]
    fn each_kind_has_its_documented_shape() {
        let (out, body) = render_json(
            ChannelKind::Slack,
            &settings(None, None),
            Some("https://hooks.slack.com/services/T/B/X"),
        );
        assert_eq!(out.url.as_str(), "https://hooks.slack.com/services/T/B/X");
        assert_eq!(body["blocks"][0]["type"], "header");
        let (out, body) = render_json(
            ChannelKind::Telegram,
            &settings(Some("http://127.0.0.1:9"), Some("-100")),
            Some("123:abc"),
        );
        assert_eq!(out.url.as_str(), "http://127.0.0.1:9/bot123:abc/sendMessage");
        assert!(body["text"].as_str().unwrap().contains("Acme &lt;Inc&gt;"), "HTML-escaped: {body}");
        let (_, body) = render_json(ChannelKind::PagerDuty, &settings(None, None), Some("R0UT1NG"));
        assert_eq!(
            (body["event_action"].as_str(), body["payload"]["severity"].as_str()),
            (Some("trigger"), Some("critical"))
        );
        assert_eq!(body["dedup_key"], format!("beacon-{}", uuid::Uuid::nil()));
        let (out, body) =
            render_json(ChannelKind::Ntfy, &settings(Some("https://ntfy.sh/alerts"), None), None);
        assert_eq!((out.url.as_str(), body["topic"].as_str()), ("https://ntfy.sh/", Some("alerts")));
        let (out, _) = render_json(
            ChannelKind::Matrix,
            &settings(Some("https://matrix.example"), Some("!room:example")),
            Some("tok"),
        );
        assert_eq!(out.method, HttpMethod::Put);
        assert_eq!(out.url.path(), "/_matrix/client/v3/rooms/%21room%3Aexample/send/m.room.message/d1");
        let (out, body) = render_json(
            ChannelKind::Teams,
            &settings(None, None),
            Some("https://example.webhook.office.com/x"),
        );
        assert_eq!(body["attachments"][0]["content"]["type"], "AdaptiveCard");
        assert_eq!(out.headers[0].1, "application/json");
    }

    #[test]
    fn a_missing_secret_is_an_error_not_a_request() {
        let secrets = Secrets { current: None, previous: None };
        for kind in [ChannelKind::Slack, ChannelKind::Telegram, ChannelKind::PagerDuty, ChannelKind::Webhook]
        {
            assert!(
                render(
                    kind,
                    &settings(Some("https://x.example"), Some("1")),
                    &secrets,
                    &down(),
                    "d",
                    Utc::now()
                )
                .is_err()
            );
        }
    }
}
