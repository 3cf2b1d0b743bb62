//! Status page operations across tenants: another organization's page (or, when setting
//! components, its monitor) is `NOT_FOUND` exactly like a missing one, and nothing changes.

use serde_json::{Value, json};
use uuid::Uuid;

use super::Probe;

const LIST: &str = "{ statusPages { title components { name } } }";

/// Two organizations; `globex` has a page. Returns (acme owner token, globex owner token,
/// globex's page id).
async fn arrange(probe: &Probe) -> (String, String, String) {
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;
    let create = "mutation { createStatusPage(input: { title: \"Globex status\" }) { id } }";
    let (_, body) = probe.app.graphql_as(&globex.owner.token, create, Value::Null).await;
    let id = body["data"]["createStatusPage"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    (acme.owner.token, globex.owner.token, id)
}

fn ids(foreign: &str) -> (Value, Value) {
    (json!({ "id": foreign }), json!({ "id": Uuid::new_v4().to_string() }))
}

async fn refused(probe: Probe, operation: &str) {
    let (acme, globex, id) = arrange(&probe).await;
    probe.assert_refused_like_missing(&acme, operation, ids(&id), "NOT_FOUND").await;
    let (_, list) = probe.app.graphql_as(&globex, LIST, Value::Null).await;
    assert_eq!(
        list["data"]["statusPages"],
        json!([{ "title": "Globex status", "components": [] }]),
        "{list}"
    );
    let (_, own) = probe.app.graphql_as(&acme, LIST, Value::Null).await;
    assert_eq!(own["data"]["statusPages"], json!([]), "lists never show another tenant's pages: {own}");
}

pub async fn status_page(probe: Probe) {
    refused(probe, "query($id: ID!) { statusPage(id: $id) { title } }").await;
}

pub async fn update_status_page(probe: Probe) {
    refused(probe, "mutation($id: ID!) { updateStatusPage(id: $id, input: { title: \"Mine now\" }) { id } }")
        .await;
}

pub async fn delete_status_page(probe: Probe) {
    refused(probe, "mutation($id: ID!) { deleteStatusPage(id: $id) { id } }").await;
}

/// Both ids of `setStatusPageComponents`: another organization's page, and (on one's own page)
/// another organization's monitor.
pub async fn set_status_page_components(probe: Probe) {
    let (acme, globex, their_page) = arrange(&probe).await;
    let empty = "mutation($id: ID!) { setStatusPageComponents(id: $id, components: []) { id } }";
    probe.assert_refused_like_missing(&acme, empty, ids(&their_page), "NOT_FOUND").await;
    let create = "mutation { createStatusPage(input: { title: \"Acme status\" }) { id } }";
    let (_, body) = probe.app.graphql_as(&acme, create, Value::Null).await;
    let page = body["data"]["createStatusPage"]["id"].as_str().unwrap().to_owned();
    let monitor =
        "mutation { createMonitor(input: { name: \"Globex db\", heartbeat: { graceSeconds: 60 } }) { id } }";
    let (_, body) = probe.app.graphql_as(&globex, monitor, Value::Null).await;
    let theirs = body["data"]["createMonitor"]["id"].as_str().unwrap().to_owned();
    let set = format!(
        "mutation($id: ID!) {{ setStatusPageComponents(id: \"{page}\", components: [{{ monitorId: $id, name: \"X\" }}]) {{ id }} }}"
    );
    probe.assert_refused_like_missing(&acme, &set, ids(&theirs), "NOT_FOUND").await;
    let (_, own) = probe.app.graphql_as(&acme, LIST, Value::Null).await;
    assert_eq!(own["data"]["statusPages"], json!([{ "title": "Acme status", "components": [] }]), "{own}");
}
