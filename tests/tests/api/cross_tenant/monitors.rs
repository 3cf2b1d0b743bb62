//! Monitor operations across tenants: another organization's monitor id is `NOT_FOUND`, exactly
//! like a missing one, and the monitor is unchanged.

use serde_json::{Value, json};
use uuid::Uuid;

use super::Probe;

const CREATE: &str =
    "mutation($n: String!) { createMonitor(input: { name: $n, heartbeat: { graceSeconds: 60 } }) { id } }";
const READ: &str = "query($id: ID!) { monitor(id: $id) { name status } }";

/// Two organizations; `globex` has a heartbeat monitor. Returns (acme owner token, globex owner
/// token, globex's monitor id).
async fn arrange(probe: &Probe) -> (String, String, String) {
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;
    let (_, body) = probe.app.graphql_as(&globex.owner.token, CREATE, json!({ "n": "Nightly backup" })).await;
    let id =
        body["data"]["createMonitor"]["id"].as_str().unwrap_or_else(|| panic!("create: {body}")).to_owned();
    (acme.owner.token, globex.owner.token, id)
}

fn ids(foreign: &str) -> (Value, Value) {
    (json!({ "id": foreign }), json!({ "id": Uuid::new_v4().to_string() }))
}

async fn assert_unchanged(probe: &Probe, owner: &str, id: &str) {
    let (_, body) = probe.app.graphql_as(owner, READ, json!({ "id": id })).await;
    assert_eq!(body["data"]["monitor"], json!({ "name": "Nightly backup", "status": "PENDING" }), "{body}");
}

async fn refused(probe: Probe, operation: &str) {
    let (acme, globex, id) = arrange(&probe).await;
    probe.assert_refused_like_missing(&acme, operation, ids(&id), "NOT_FOUND").await;
    assert_unchanged(&probe, &globex, &id).await;
    let (_, list) = probe.app.graphql_as(&acme, "{ monitors { nodes { id } } }", Value::Null).await;
    assert!(!list.to_string().contains(&id), "lists never show another tenant's monitors: {list}");
}

pub async fn monitor(probe: Probe) {
    refused(probe, READ).await;
}

pub async fn update_monitor(probe: Probe) {
    refused(probe, "mutation($id: ID!) { updateMonitor(id: $id, input: { name: \"Mine now\" }) { id } }")
        .await;
}

pub async fn pause_monitor(probe: Probe) {
    refused(probe, "mutation($id: ID!) { pauseMonitor(id: $id) { id } }").await;
}

pub async fn resume_monitor(probe: Probe) {
    refused(probe, "mutation($id: ID!) { resumeMonitor(id: $id) { id } }").await;
}

pub async fn duplicate_monitor(probe: Probe) {
    refused(probe, "mutation($id: ID!) { duplicateMonitor(id: $id) { id } }").await;
}

pub async fn delete_monitor(probe: Probe) {
    refused(probe, "mutation($id: ID!) { deleteMonitor(id: $id) { id } }").await;
}

/// A subscription: the foreign monitor's checks are refused like a missing monitor's. The
/// operation runs over the WebSocket; it is recorded as sent through the probe.
pub async fn check_completed(probe: Probe) {
    let (acme, _globex, id) = arrange(&probe).await;
    let query = "subscription($id: ID!) { checkCompleted(monitorId: $id) { status } }";
    let mut answers = Vec::new();
    for monitor in [id, Uuid::new_v4().to_string()] {
        let mut socket = beacon_tests::GraphqlWs::connect(probe.app.public, &acme).await;
        socket.subscribe("1", query, json!({ "id": monitor })).await;
        probe.record("checkCompleted");
        let answer = socket.next(std::time::Duration::from_secs(10)).await.expect("an answer");
        assert!(answer["payload"]["data"].is_null(), "nothing streams for a foreign monitor: {answer}");
        answers.push(answer["payload"]["errors"].clone());
    }
    assert_eq!(answers[0][0]["extensions"]["code"], "NOT_FOUND", "{answers:?}");
    assert_eq!(answers[0], answers[1], "foreign and missing ids look the same");
}

pub async fn create_maintenance_window(probe: Probe) {
    let (acme, _globex, id) = arrange(&probe).await;
    let create = "mutation($id: ID!) { createMaintenanceWindow(input: { name: \"Quiet\", monitorId: $id, \
        startsAt: \"2030-01-01T00:00:00Z\", endsAt: \"2030-01-01T01:00:00Z\" }) { id } }";
    probe.assert_refused_like_missing(&acme, create, ids(&id), "NOT_FOUND").await;
    let (_, list) = probe.app.graphql_as(&acme, "{ maintenanceWindows { id } }", Value::Null).await;
    assert_eq!(list["data"]["maintenanceWindows"], json!([]), "nothing was created: {list}");
}

pub async fn delete_maintenance_window(probe: Probe) {
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;
    let create = "mutation { createMaintenanceWindow(input: { name: \"Theirs\", \
        startsAt: \"2030-01-01T00:00:00Z\", endsAt: \"2030-01-01T01:00:00Z\" }) { id } }";
    let (_, body) = probe.app.graphql_as(&globex.owner.token, create, Value::Null).await;
    let window =
        body["data"]["createMaintenanceWindow"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let delete = "mutation($id: ID!) { deleteMaintenanceWindow(id: $id) { id } }";
    probe.assert_refused_like_missing(&acme.owner.token, delete, ids(&window), "NOT_FOUND").await;
    let (_, list) =
        probe.app.graphql_as(&globex.owner.token, "{ maintenanceWindows { id } }", Value::Null).await;
    assert_eq!(list["data"]["maintenanceWindows"][0]["id"], window.as_str(), "still there: {list}");
}

/// The incidents list filtered by another organization's monitor: `NOT_FOUND`, not an empty
/// page that would confirm the id exists.
pub async fn incidents(probe: Probe) {
    let (acme, _globex, id) = arrange(&probe).await;
    let query = "query($id: ID!) { incidents(filter: { monitorId: $id }) { nodes { id monitorName } } }";
    probe.assert_refused_like_missing(&acme, query, ids(&id), "NOT_FOUND").await;
}

/// Both ids: the foreign monitor to change, and a foreign monitor to depend on (from a monitor
/// of the caller's own). Either is `NOT_FOUND`, and nothing changes on either side.
pub async fn set_monitor_dependencies(probe: Probe) {
    let (acme, globex, id) = arrange(&probe).await;
    let set = "mutation($id: ID!) { setMonitorDependencies(id: $id, dependsOn: []) { id } }";
    probe.assert_refused_like_missing(&acme, set, ids(&id), "NOT_FOUND").await;
    assert_unchanged(&probe, &globex, &id).await;
    let (_, body) = probe.app.graphql_as(&acme, CREATE, json!({ "n": "Acme web" })).await;
    let mine = body["data"]["createMonitor"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let set =
        format!("mutation($id: ID!) {{ setMonitorDependencies(id: \"{mine}\", dependsOn: [$id]) {{ id }} }}");
    probe.assert_refused_like_missing(&acme, &set, ids(&id), "NOT_FOUND").await;
    let (_, body) = probe
        .app
        .graphql_as(
            &acme,
            "{ monitorDependencyGraph { monitors { id } dependencies { monitorId } } }",
            Value::Null,
        )
        .await;
    assert_eq!(
        body["data"]["monitorDependencyGraph"],
        json!({ "monitors": [], "dependencies": [] }),
        "{body}"
    );
    let (_, body) = probe
        .app
        .graphql_as(
            &globex,
            "query($id: ID!) { monitor(id: $id) { dependents { id } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(body["data"]["monitor"]["dependents"], json!([]), "{body}");
}
