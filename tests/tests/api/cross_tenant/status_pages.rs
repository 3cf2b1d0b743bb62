//! Status page operations across tenants: another organization's page (or, when setting
//! components, its monitor) is `NOT_FOUND` exactly like a missing one, and nothing changes.

use serde_json::{Value, json};
use uuid::Uuid;

use super::Probe;

const LIST: &str = "{ statusPages { title components { name } access { mode } } }";

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
        json!([{ "title": "Globex status", "components": [], "access": { "mode": "PUBLIC" } }]),
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

pub async fn set_status_page_access(probe: Probe) {
    refused(
        probe,
        "mutation($id: ID!) { setStatusPageAccess(pageId: $id, input: { mode: PASSWORD, password: \"let me in please\" }) { id } }",
    )
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
    assert_eq!(
        own["data"]["statusPages"],
        json!([{ "title": "Acme status", "components": [], "access": { "mode": "PUBLIC" } }]),
        "{own}"
    );
}

/// Adding a custom domain to another organization's page.
pub async fn add_custom_domain(probe: Probe) {
    let (acme, globex, page) = arrange(&probe).await;
    let add = format!(
        "mutation($id: ID!) {{ addCustomDomain(pageId: $id, hostname: \"status.{}.example.com\") {{ id }} }}",
        probe.name("acme")
    );
    probe.assert_refused_like_missing(&acme, &add, ids(&page), "NOT_FOUND").await;
    let (_, list) =
        probe.app.graphql_as(&globex, "{ statusPages { domains { hostname } } }", Value::Null).await;
    assert_eq!(list["data"]["statusPages"], json!([{ "domains": [] }]), "{list}");
}

/// Globex's custom domain, for the verify and remove cases.
async fn their_domain(probe: &Probe) -> (String, String) {
    let (acme, globex, page) = arrange(probe).await;
    let add = format!(
        "mutation {{ addCustomDomain(pageId: \"{page}\", hostname: \"status.{}.example.com\") {{ id }} }}",
        probe.name("globex")
    );
    let (_, body) = probe.app.graphql_as(&globex, &add, Value::Null).await;
    let id = body["data"]["addCustomDomain"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    (acme, id)
}

pub async fn verify_custom_domain(probe: Probe) {
    let (acme, id) = their_domain(&probe).await;
    let verify = "mutation($id: ID!) { verifyCustomDomain(id: $id) { verified } }";
    probe.assert_refused_like_missing(&acme, verify, ids(&id), "NOT_FOUND").await;
}

pub async fn remove_custom_domain(probe: Probe) {
    let (acme, id) = their_domain(&probe).await;
    let remove = "mutation($id: ID!) { removeCustomDomain(id: $id) { hostname } }";
    probe.assert_refused_like_missing(&acme, remove, ids(&id), "NOT_FOUND").await;
}

pub async fn remove_status_page_image(probe: Probe) {
    refused(probe, "mutation($id: ID!) { removeStatusPageImage(pageId: $id, kind: LOGO) { id } }").await;
}

/// An upload (a multipart request) onto another organization's page: the same `NOT_FOUND` as
/// for a missing page, and its page keeps no logo.
pub async fn set_status_page_image(probe: Probe) {
    let (acme, globex, id) = arrange(&probe).await;
    probe.record("setStatusPageImage");
    let send = |page: String| {
        let probe = &probe;
        let acme = acme.clone();
        async move {
            let query = "mutation($page: ID!, $file: Upload!) { setStatusPageImage(pageId: $page, kind: LOGO, file: $file) { id } }";
            let operations = json!({ "query": query, "variables": { "page": page, "file": null } });
            let png = b"\x89PNG\r\n\x1a\nnot really".to_vec();
            let part =
                reqwest::multipart::Part::bytes(png).file_name("logo.png").mime_str("image/png").unwrap();
            let form = reqwest::multipart::Form::new()
                .text("operations", operations.to_string())
                .text("map", json!({ "0": ["variables.file"] }).to_string())
                .part("0", part);
            let response = probe
                .app
                .client
                .post(probe.app.url("/graphql"))
                .bearer_auth(&acme)
                .header("apollo-require-preflight", "true")
                .multipart(form)
                .send()
                .await
                .expect("POST /graphql");
            response.json::<Value>().await.expect("a JSON body")
        }
    };
    let foreign = send(id.clone()).await;
    let missing = send(Uuid::new_v4().to_string()).await;
    assert_eq!(foreign["errors"][0]["extensions"]["code"], "NOT_FOUND", "{foreign}");
    assert_eq!(foreign["errors"], missing["errors"], "foreign and missing pages look the same");
    let (_, page) = probe
        .app
        .graphql_as(&globex, "query($id: ID!) { statusPage(id: $id) { logoUrl } }", json!({ "id": id }))
        .await;
    assert_eq!(page["data"]["statusPage"]["logoUrl"], Value::Null, "{page}");
}
