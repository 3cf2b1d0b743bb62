//! Public incident operations across tenants: another organization's page, incident, update,
//! component or outage is `NOT_FOUND` exactly like a missing one, and its incident is unchanged.

use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use super::Probe;

/// Globex's page with one component, an incident on it, and an outage of its monitor.
struct Theirs {
    page: String,
    component: String,
    incident: String,
    update: String,
    outage: String,
}

/// Two organizations; returns (acme owner token, acme's page with a component, globex's rows,
/// globex owner token).
async fn arrange(probe: &Probe) -> (String, (String, String), Theirs, String) {
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;
    let mut pages = Vec::new();
    let mut monitors = Vec::new();
    for (token, name) in [(&acme.owner.token, "Acme"), (&globex.owner.token, "Globex")] {
        let monitor = format!(
            "mutation {{ createMonitor(input: {{ name: \"{name} api\", heartbeat: {{ graceSeconds: 60 }} }}) {{ id }} }}"
        );
        let (_, body) = probe.app.graphql_as(token, &monitor, Value::Null).await;
        let monitor =
            body["data"]["createMonitor"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
        let page = format!("mutation {{ createStatusPage(input: {{ title: \"{name} status\" }}) {{ id }} }}");
        let (_, body) = probe.app.graphql_as(token, &page, Value::Null).await;
        let page = body["data"]["createStatusPage"]["id"].as_str().unwrap().to_owned();
        let set = format!(
            "mutation {{ setStatusPageComponents(id: \"{page}\", components: [{{ monitorId: \"{monitor}\", name: \"API\" }}]) {{ components {{ id }} }} }}"
        );
        let (_, body) = probe.app.graphql_as(token, &set, Value::Null).await;
        let component =
            body["data"]["setStatusPageComponents"]["components"][0]["id"].as_str().unwrap().to_owned();
        pages.push((page, component));
        monitors.push(monitor);
    }
    let (their_page, their_component) = pages.pop().unwrap();
    let create = format!(
        "mutation {{ createStatusIncident(pageId: \"{their_page}\", input: {{ title: \"Globex down\", message: \"Looking.\", \
         components: [{{ componentId: \"{their_component}\", impact: MAJOR }}] }}) {{ id updates {{ id }} }} }}"
    );
    let (_, body) = probe.app.graphql_as(&globex.owner.token, &create, Value::Null).await;
    let incident = &body["data"]["createStatusIncident"];
    let (incident, update) = (
        incident["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned(),
        incident["updates"][0]["id"].as_str().unwrap().to_owned(),
    );
    // An outage of Globex's monitor, as the engine records one.
    let db = probe.app.database.connect().await;
    let now = chrono::Utc::now();
    let outage = entity::incidents::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(globex.id),
        monitor_id: Set(monitors[1].parse().unwrap()),
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
    let theirs = Theirs {
        page: their_page,
        component: their_component,
        incident,
        update,
        outage: outage.id.to_string(),
    };
    (acme.owner.token, pages.pop().unwrap(), theirs, globex.owner.token)
}

fn ids(foreign: &str) -> (Value, Value) {
    (json!({ "id": foreign }), json!({ "id": Uuid::new_v4().to_string() }))
}

/// Globex's incident is as it was: one update, its title, its component.
async fn unchanged(probe: &Probe, globex: &str, theirs: &Theirs) {
    let query = "query($id: ID!) { statusIncident(id: $id) { title status updates { message } components { name impact } } }";
    let (_, body) = probe.app.graphql_as(globex, query, json!({ "id": theirs.incident })).await;
    assert_eq!(
        body["data"]["statusIncident"],
        json!({ "title": "Globex down", "status": "INVESTIGATING", "updates": [{ "message": "Looking." }],
                "components": [{ "name": "API", "impact": "MAJOR" }] }),
        "{body}"
    );
}

pub async fn status_incidents(probe: Probe) {
    let (acme, _, theirs, globex) = arrange(&probe).await;
    let query = "query($id: ID!) { statusIncidents(pageId: $id) { nodes { title } } }";
    probe.assert_refused_like_missing(&acme, query, ids(&theirs.page), "NOT_FOUND").await;
    unchanged(&probe, &globex, &theirs).await;
}

pub async fn status_incident(probe: Probe) {
    let (acme, _, theirs, _) = arrange(&probe).await;
    let query = "query($id: ID!) { statusIncident(id: $id) { title } }";
    probe.assert_refused_like_missing(&acme, query, ids(&theirs.incident), "NOT_FOUND").await;
}

/// Another organization's page, or (on one's own page) its component.
pub async fn create_status_incident(probe: Probe) {
    let (acme, (_, _), theirs, globex) = arrange(&probe).await;
    let on_page = "mutation($id: ID!) { createStatusIncident(pageId: $id, input: { title: \"T\", message: \"M\" }) { id } }";
    probe.assert_refused_like_missing(&acme, on_page, ids(&theirs.page), "NOT_FOUND").await;
    let (_, body) = probe.app.graphql_as(&acme, "{ statusPages { id } }", Value::Null).await;
    let own = body["data"]["statusPages"][0]["id"].as_str().unwrap().to_owned();
    let with_component = format!(
        "mutation($id: ID!) {{ createStatusIncident(pageId: \"{own}\", input: {{ title: \"T\", message: \"M\", components: [{{ componentId: $id, impact: MAJOR }}] }}) {{ id }} }}"
    );
    probe.assert_refused_like_missing(&acme, &with_component, ids(&theirs.component), "NOT_FOUND").await;
    unchanged(&probe, &globex, &theirs).await;
}

pub async fn post_status_incident_update(probe: Probe) {
    let (acme, _, theirs, globex) = arrange(&probe).await;
    let post = "mutation($id: ID!) { postStatusIncidentUpdate(id: $id, input: { status: RESOLVED, message: \"Mine\" }) { id } }";
    probe.assert_refused_like_missing(&acme, post, ids(&theirs.incident), "NOT_FOUND").await;
    unchanged(&probe, &globex, &theirs).await;
}

/// Another organization's incident, or (on one's own incident) its component.
pub async fn edit_status_incident(probe: Probe) {
    let (acme, (page, component), theirs, globex) = arrange(&probe).await;
    let edit = "mutation($id: ID!) { editStatusIncident(id: $id, input: { title: \"Mine\", components: [] }) { id } }";
    probe.assert_refused_like_missing(&acme, edit, ids(&theirs.incident), "NOT_FOUND").await;
    let create = format!(
        "mutation {{ createStatusIncident(pageId: \"{page}\", input: {{ title: \"Ours\", message: \"M\", components: [{{ componentId: \"{component}\", impact: MAJOR }}] }}) {{ id }} }}"
    );
    let (_, body) = probe.app.graphql_as(&acme, &create, Value::Null).await;
    let own =
        body["data"]["createStatusIncident"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let with_component = format!(
        "mutation($id: ID!) {{ editStatusIncident(id: \"{own}\", input: {{ title: \"Ours\", components: [{{ componentId: $id, impact: MAJOR }}] }}) {{ id }} }}"
    );
    probe.assert_refused_like_missing(&acme, &with_component, ids(&theirs.component), "NOT_FOUND").await;
    unchanged(&probe, &globex, &theirs).await;
}

pub async fn edit_status_incident_update(probe: Probe) {
    let (acme, _, theirs, globex) = arrange(&probe).await;
    let edit = "mutation($id: ID!) { editStatusIncidentUpdate(id: $id, message: \"Mine\") { id } }";
    probe.assert_refused_like_missing(&acme, edit, ids(&theirs.update), "NOT_FOUND").await;
    unchanged(&probe, &globex, &theirs).await;
}

pub async fn delete_status_incident(probe: Probe) {
    let (acme, _, theirs, globex) = arrange(&probe).await;
    let delete = "mutation($id: ID!) { deleteStatusIncident(id: $id) }";
    probe.assert_refused_like_missing(&acme, delete, ids(&theirs.incident), "NOT_FOUND").await;
    unchanged(&probe, &globex, &theirs).await;
}

/// Another organization's page, or (on one's own page) its outage.
pub async fn publish_outage(probe: Probe) {
    let (acme, (page, _), theirs, globex) = arrange(&probe).await;
    let on_page = format!(
        "mutation($id: ID!) {{ publishOutage(pageId: $id, outageId: \"{}\") {{ id }} }}",
        theirs.outage
    );
    probe.assert_refused_like_missing(&acme, &on_page, ids(&theirs.page), "NOT_FOUND").await;
    let their_outage =
        format!("mutation($id: ID!) {{ publishOutage(pageId: \"{page}\", outageId: $id) {{ id }} }}");
    probe.assert_refused_like_missing(&acme, &their_outage, ids(&theirs.outage), "NOT_FOUND").await;
    let list = "query($id: ID!) { statusIncidents(pageId: $id) { nodes { title } } }";
    let (_, body) = probe.app.graphql_as(&globex, list, json!({ "id": theirs.page })).await;
    assert_eq!(body["data"]["statusIncidents"]["nodes"], json!([{ "title": "Globex down" }]), "{body}");
}
