//! Escalation operations across tenants: another organization's policy, channel, monitor or
//! outage is `NOT_FOUND` exactly like a missing one, and its policy is unchanged.

use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use super::Probe;

const LIST: &str =
    "{ escalationPolicies { name repeatEveryMinutes steps { waitMinutes channels { name } } } }";

struct Globex {
    acme: String,
    token: String,
    channel: String,
    policy: String,
    monitor: String,
    outage: String,
}

/// Two organizations; Globex has a webhook channel, a policy notifying it, a monitor following
/// the policy and an open outage of that monitor.
async fn arrange(probe: &Probe) -> Globex {
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;
    let token = globex.owner.token.clone();
    let create = "mutation { createAlertChannel(input: { name: \"Globex hook\", kind: WEBHOOK, url: \"https://hooks.example.org/globex\" }) { channel { id } } }";
    let (_, body) = probe.app.graphql_as(&token, create, Value::Null).await;
    let channel = body["data"]["createAlertChannel"]["channel"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    let create = format!(
        "mutation {{ createEscalationPolicy(input: {{ name: \"Globex on call\", repeatEveryMinutes: 0, steps: [{{ waitMinutes: 5, channelIds: [\"{channel}\"] }}] }}) {{ id }} }}"
    );
    let (_, body) = probe.app.graphql_as(&token, &create, Value::Null).await;
    let policy =
        body["data"]["createEscalationPolicy"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let create =
        "mutation { createMonitor(input: { name: \"Globex db\", heartbeat: { graceSeconds: 60 } }) { id } }";
    let (_, body) = probe.app.graphql_as(&token, create, Value::Null).await;
    let monitor = body["data"]["createMonitor"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let db = probe.app.database.connect().await;
    let now = chrono::Utc::now();
    let outage = entity::incidents::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(globex.id),
        monitor_id: Set(monitor.parse().unwrap()),
        opened_at: Set(now),
        resolved_at: Set(None),
        cause: Set("connection refused".into()),
        created_at: Set(now),
        alerted: Set(true),
        caused_by_incident_id: Set(None),
        acknowledged_at: Set(None),
        acknowledged_by: Set(None),
    }
    .insert(&db)
    .await
    .unwrap();
    Globex { acme: acme.owner.token, token, channel, policy, monitor, outage: outage.id.to_string() }
}

fn ids(foreign: &str) -> (Value, Value) {
    (json!({ "id": foreign }), json!({ "id": Uuid::new_v4().to_string() }))
}

async fn unchanged(probe: &Probe, globex: &Globex) {
    let (_, body) = probe.app.graphql_as(&globex.token, LIST, Value::Null).await;
    assert_eq!(
        body["data"]["escalationPolicies"],
        json!([{ "name": "Globex on call", "repeatEveryMinutes": 0,
                 "steps": [{ "waitMinutes": 5, "channels": [{ "name": "Globex hook" }] }] }]),
        "{body}"
    );
    let (_, own) = probe.app.graphql_as(&globex.acme, LIST, Value::Null).await;
    assert_eq!(
        own["data"]["escalationPolicies"],
        json!([]),
        "lists never show another tenant's policies: {own}"
    );
}

pub async fn escalation_policy(probe: Probe) {
    let globex = arrange(&probe).await;
    let read = "query($id: ID!) { escalationPolicy(id: $id) { name } }";
    probe.assert_refused_like_missing(&globex.acme, read, ids(&globex.policy), "NOT_FOUND").await;
    unchanged(&probe, &globex).await;
}

pub async fn update_escalation_policy(probe: Probe) {
    let globex = arrange(&probe).await;
    let create = "mutation { createAlertChannel(input: { name: \"Acme hook\", kind: WEBHOOK, url: \"https://hooks.example.org/acme\" }) { channel { id } } }";
    let (_, body) = probe.app.graphql_as(&globex.acme, create, Value::Null).await;
    let mine = body["data"]["createAlertChannel"]["channel"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    let update = format!(
        "mutation($id: ID!) {{ updateEscalationPolicy(id: $id, input: {{ name: \"Mine\", repeatEveryMinutes: 0, steps: [{{ waitMinutes: 0, channelIds: [\"{mine}\"] }}] }}) {{ id }} }}"
    );
    probe.assert_refused_like_missing(&globex.acme, &update, ids(&globex.policy), "NOT_FOUND").await;
    unchanged(&probe, &globex).await;
}

pub async fn delete_escalation_policy(probe: Probe) {
    let globex = arrange(&probe).await;
    let delete = "mutation($id: ID!) { deleteEscalationPolicy(id: $id) { id } }";
    probe.assert_refused_like_missing(&globex.acme, delete, ids(&globex.policy), "NOT_FOUND").await;
    unchanged(&probe, &globex).await;
}

/// A step naming another organization's channel.
pub async fn create_escalation_policy(probe: Probe) {
    let globex = arrange(&probe).await;
    let create = "mutation($id: ID!) { createEscalationPolicy(input: { name: \"Mine\", repeatEveryMinutes: 0, steps: [{ waitMinutes: 0, channelIds: [$id] }] }) { id } }";
    probe.assert_refused_like_missing(&globex.acme, create, ids(&globex.channel), "NOT_FOUND").await;
    unchanged(&probe, &globex).await;
}

/// Both ids: another organization's monitor, and (for one's own monitor) its policy.
pub async fn set_monitor_escalation_policy(probe: Probe) {
    let globex = arrange(&probe).await;
    let set = "mutation($id: ID!) { setMonitorEscalationPolicy(id: $id, policyId: null) { id } }";
    probe.assert_refused_like_missing(&globex.acme, set, ids(&globex.monitor), "NOT_FOUND").await;
    let (_, body) = probe
        .app
        .graphql_as(
            &globex.token,
            "query($id: ID!) { monitor(id: $id) { escalationPolicy { id } } }",
            json!({ "id": globex.monitor }),
        )
        .await;
    assert_eq!(body["data"]["monitor"]["escalationPolicy"], Value::Null, "{body}");
    let create =
        "mutation { createMonitor(input: { name: \"Acme web\", heartbeat: { graceSeconds: 60 } }) { id } }";
    let (_, body) = probe.app.graphql_as(&globex.acme, create, Value::Null).await;
    let mine = body["data"]["createMonitor"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let set = format!(
        "mutation($id: ID!) {{ setMonitorEscalationPolicy(id: \"{mine}\", policyId: $id) {{ id }} }}"
    );
    probe.assert_refused_like_missing(&globex.acme, &set, ids(&globex.policy), "NOT_FOUND").await;
    unchanged(&probe, &globex).await;
}

pub async fn acknowledge_incident(probe: Probe) {
    let globex = arrange(&probe).await;
    let ack = "mutation($id: ID!) { acknowledgeIncident(id: $id) { id } }";
    probe.assert_refused_like_missing(&globex.acme, ack, ids(&globex.outage), "NOT_FOUND").await;
    let (_, body) =
        probe.app.graphql_as(&globex.token, "{ incidents { nodes { acknowledgedAt } } }", Value::Null).await;
    assert_eq!(body["data"]["incidents"]["nodes"], json!([{ "acknowledgedAt": null }]), "{body}");
}
