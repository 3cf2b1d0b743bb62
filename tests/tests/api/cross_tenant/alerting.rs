//! Alerting operations across tenants: another organization's channel, delivery or monitor is
//! `NOT_FOUND` exactly like a missing one, and its channel is unchanged.

use serde_json::{Value, json};
use uuid::Uuid;

use super::Probe;

const LIST: &str = "{ alertChannels { name url routing { allMonitors events } } }";

/// Two organizations; Globex has a webhook channel with a test delivery, routed to all its
/// monitors. Returns (acme owner token, globex owner token, channel id, delivery id).
async fn arrange(probe: &Probe) -> (String, String, String, String) {
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;
    let token = &globex.owner.token;
    let create = "mutation { createAlertChannel(input: { name: \"Globex hook\", kind: WEBHOOK, url: \"https://hooks.example.org/globex\" }) { channel { id } } }";
    let (_, body) = probe.app.graphql_as(token, create, Value::Null).await;
    let channel = body["data"]["createAlertChannel"]["channel"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    let route = format!(
        "mutation {{ setAlertChannelRouting(id: \"{channel}\", input: {{ allMonitors: true, events: [DOWN] }}) {{ name }} }}"
    );
    let (_, body) = probe.app.graphql_as(token, &route, Value::Null).await;
    assert!(body["errors"].is_null(), "{body}");
    let test = format!("mutation {{ testAlertChannel(id: \"{channel}\") {{ id }} }}");
    let (_, body) = probe.app.graphql_as(token, &test, Value::Null).await;
    let delivery =
        body["data"]["testAlertChannel"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    (acme.owner.token, globex.owner.token, channel, delivery)
}

fn ids(foreign: &str) -> (Value, Value) {
    (json!({ "id": foreign }), json!({ "id": Uuid::new_v4().to_string() }))
}

/// Globex's channel is as it was.
async fn unchanged(probe: &Probe, globex: &str) {
    let (_, body) = probe.app.graphql_as(globex, LIST, Value::Null).await;
    assert_eq!(
        body["data"]["alertChannels"],
        json!([{ "name": "Globex hook", "url": "https://hooks.example.org/globex",
                 "routing": { "allMonitors": true, "events": ["DOWN"] } }]),
        "{body}"
    );
}

async fn refused(probe: Probe, operation: &str) {
    let (acme, globex, channel, _) = arrange(&probe).await;
    probe.assert_refused_like_missing(&acme, operation, ids(&channel), "NOT_FOUND").await;
    unchanged(&probe, &globex).await;
    let (_, own) = probe.app.graphql_as(&acme, LIST, Value::Null).await;
    assert_eq!(own["data"]["alertChannels"], json!([]), "lists never show another tenant's channels: {own}");
}

pub async fn alert_channel(probe: Probe) {
    refused(probe, "query($id: ID!) { alertChannel(id: $id) { name } }").await;
}

pub async fn alert_deliveries(probe: Probe) {
    refused(probe, "query($id: ID!) { alertDeliveries(channelId: $id) { nodes { id } } }").await;
}

pub async fn update_alert_channel(probe: Probe) {
    refused(probe, "mutation($id: ID!) { updateAlertChannel(id: $id, input: { name: \"Mine\" }) { id } }")
        .await;
}

pub async fn delete_alert_channel(probe: Probe) {
    refused(probe, "mutation($id: ID!) { deleteAlertChannel(id: $id) }").await;
}

pub async fn rotate_alert_channel_signing_secret(probe: Probe) {
    refused(probe, "mutation($id: ID!) { rotateAlertChannelSigningSecret(id: $id) { signingSecret } }").await;
}

pub async fn test_alert_channel(probe: Probe) {
    refused(probe, "mutation($id: ID!) { testAlertChannel(id: $id) { id } }").await;
}

/// Both ids of `setAlertChannelRouting`: another organization's channel, and (on one's own
/// channel) another organization's monitor.
pub async fn set_alert_channel_routing(probe: Probe) {
    let (acme, globex, channel, _) = arrange(&probe).await;
    let route = "mutation($id: ID!) { setAlertChannelRouting(id: $id, input: { allMonitors: false, events: [UP] }) { id } }";
    probe.assert_refused_like_missing(&acme, route, ids(&channel), "NOT_FOUND").await;
    unchanged(&probe, &globex).await;
    let create = "mutation { createAlertChannel(input: { name: \"Acme hook\", kind: WEBHOOK, url: \"https://hooks.example.org/acme\" }) { channel { id } } }";
    let (_, body) = probe.app.graphql_as(&acme, create, Value::Null).await;
    let mine = body["data"]["createAlertChannel"]["channel"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    let monitor =
        "mutation { createMonitor(input: { name: \"Globex db\", heartbeat: { graceSeconds: 60 } }) { id } }";
    let (_, body) = probe.app.graphql_as(&globex, monitor, Value::Null).await;
    let theirs = body["data"]["createMonitor"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let route = format!(
        "mutation($id: ID!) {{ setAlertChannelRouting(id: \"{mine}\", input: {{ allMonitors: false, monitorIds: [$id], events: [DOWN] }}) {{ id }} }}"
    );
    probe.assert_refused_like_missing(&acme, &route, ids(&theirs), "NOT_FOUND").await;
}

pub async fn requeue_alert_delivery(probe: Probe) {
    let (acme, globex, _, delivery) = arrange(&probe).await;
    let requeue = "mutation($id: ID!) { requeueAlertDelivery(id: $id) { id } }";
    probe.assert_refused_like_missing(&acme, requeue, ids(&delivery), "NOT_FOUND").await;
    unchanged(&probe, &globex).await;
}
