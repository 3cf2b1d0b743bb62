//! Custom domains for status pages, black-box: add one, get the DNS records to create, verify
//! through a DNS server on loopback (TXT token or CNAME), see Caddy's `ask` answer flip to 200
//! and the page served on that host; removal revokes at once; a hostname is one tenant's.

use beacon_tests::fixtures::{access_token, insert_member, insert_tenant, insert_verified_owner};
use beacon_tests::{Backend, DnsZone, InProcessApp, backend_tests};
use entity::tenants::TenantStatus;
use serde_json::{Value, json};

use super::monitoring::fields;

backend_tests!(a_custom_domain_serves_its_page_once_verified_and_stops_when_removed);

const ADD: &str = "mutation($page: ID!, $host: String!) { addCustomDomain(pageId: $page, hostname: $host) { \
    id hostname verified dnsRecords { type name value } } }";
const VERIFY: &str = "mutation($id: ID!) { verifyCustomDomain(id: $id) { hostname verified verifiedAt } }";
const PUBLIC: &str = "query { publicStatusPage { title } }";

async fn ask(app: &InProcessApp, domain: &str) -> u16 {
    let url = reqwest::Url::parse_with_params(
        &format!("http://{}/internal/tls/ask", app.internal),
        [("domain", domain)],
    )
    .unwrap();
    app.client.get(url).send().await.unwrap().status().as_u16()
}

async fn org(app: &InProcessApp, slug: &str) -> (String, String) {
    let db = app.database.connect().await;
    let tenant = insert_tenant(&db, slug, TenantStatus::Active).await;
    let owner = insert_verified_owner(&db, tenant, &format!("owner@{slug}.test")).await;
    let member =
        insert_member(&db, tenant, &format!("member@{slug}.test"), entity::memberships::Role::Member).await;
    (access_token(&db, owner, tenant, "owner").await, access_token(&db, member, tenant, "member").await)
}

async fn page(app: &InProcessApp, token: &str, title: &str, slug: &str) -> String {
    let create = "mutation($input: StatusPageInput!) { createStatusPage(input: $input) { id } }";
    let body = app.graphql_as(token, create, json!({ "input": { "title": title, "slug": slug } })).await;
    body["data"]["createStatusPage"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned()
}

async fn a_custom_domain_serves_its_page_once_verified_and_stops_when_removed(backend: Backend) {
    let zone = DnsZone::serve().await;
    let app =
        InProcessApp::spawn(backend, &[("SCHEDULER_ENABLED", "false"), ("CHECK_DNS_SERVERS", &zone.addr())])
            .await;
    let (owner, member) = org(&app, "acme-cd").await;
    let (other, _) = org(&app, "globex-cd").await;
    page(&app, &owner, "Acme status", "").await;
    let api_page = page(&app, &owner, "Acme API status", "api").await;

    let host = "status.acme-example.com";
    let body =
        app.graphql_as(&owner, ADD, json!({ "page": api_page, "host": " Status.Acme-Example.COM. " })).await;
    let domain = &body["data"]["addCustomDomain"];
    assert_eq!(
        (domain["hostname"].as_str(), domain["verified"].as_bool()),
        (Some(host), Some(false)),
        "{body}"
    );
    let records = domain["dnsRecords"].as_array().unwrap();
    assert_eq!(records[0], json!({ "type": "CNAME", "name": host, "value": "acme-cd.localhost" }), "{body}");
    assert_eq!(records[1]["name"], format!("_beacon-challenge.{host}"));
    let token = records[1]["value"].as_str().unwrap().to_owned();
    let id = domain["id"].as_str().unwrap().to_owned();

    // Not allowed TLS, not served, until verified; verifying without the record says what is missing.
    assert_eq!(ask(&app, host).await, 404);
    let missing = app.graphql_as(&owner, VERIFY, json!({ "id": id })).await;
    assert_eq!(fields(&missing), ["hostname"], "{missing}");
    assert!(
        missing["errors"][0]["extensions"]["fields"][0]["message"]
            .as_str()
            .unwrap()
            .contains("_beacon-challenge")
    );
    assert_eq!(app.graphql_on_host(host, PUBLIC, json!({})).await["data"]["publicStatusPage"], Value::Null);

    // A wrong token does not verify; the right one does, and TLS and the page follow at once.
    zone.set_txt(&format!("_beacon-challenge.{host}"), "not-the-token");
    assert_eq!(fields(&app.graphql_as(&owner, VERIFY, json!({ "id": id })).await), ["hostname"]);
    zone.set_txt(&format!("_beacon-challenge.{host}"), &token);
    let verified = app.graphql_as(&owner, VERIFY, json!({ "id": id })).await;
    assert_eq!(verified["data"]["verifyCustomDomain"]["verified"], true, "{verified}");
    assert_eq!(ask(&app, host).await, 200);
    assert_eq!(ask(&app, "STATUS.acme-example.com.").await, 200, "case and trailing dot normalised");
    let served = app.graphql_on_host(host, PUBLIC, json!({})).await;
    assert_eq!(
        served["data"]["publicStatusPage"]["title"], "Acme API status",
        "the domain's own page: {served}"
    );
    let feed = app.client.get(app.url("/feed.rss")).header("host", host).send().await.unwrap();
    assert_eq!(feed.status().as_u16(), 200, "feeds are served on the custom domain too");

    // A CNAME to the organization's host verifies too (a second domain, default page).
    let default_page =
        app.graphql_as(&owner, "{ statusPages { id slug } }", json!({})).await["data"]["statusPages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["slug"] == "")
            .map(|p| p["id"].as_str().unwrap().to_owned())
            .unwrap();
    let www =
        app.graphql_as(&owner, ADD, json!({ "page": default_page, "host": "www.acme-example.org" })).await;
    let www_id = www["data"]["addCustomDomain"]["id"].as_str().unwrap_or_else(|| panic!("{www}")).to_owned();
    zone.set_cname("www.acme-example.org", "acme-cd.localhost");
    assert_eq!(
        app.graphql_as(&owner, VERIFY, json!({ "id": www_id })).await["data"]["verifyCustomDomain"]["verified"],
        true
    );
    let listed =
        app.graphql_as(&owner, "{ statusPages { slug domains { hostname verified } } }", json!({})).await;
    assert!(listed.to_string().contains("www.acme-example.org"), "{listed}");

    // One tenant per hostname; public suffixes, Beacon's own names and junk are refused.
    let globex_page = page(&app, &other, "Globex", "").await;
    let taken = app.graphql_as(&other, ADD, json!({ "page": globex_page, "host": host })).await;
    assert_eq!(fields(&taken), ["hostname"], "{taken}");
    for bad in ["co.uk", "acme-cd.localhost", "localhost", "10.0.0.1", "not a host"] {
        let refused = app.graphql_as(&owner, ADD, json!({ "page": api_page, "host": bad })).await;
        assert_eq!(fields(&refused), ["hostname"], "{bad}: {refused}");
    }
    // Members manage pages but not domains.
    let forbidden =
        app.graphql_as(&member, ADD, json!({ "page": api_page, "host": "x.acme-example.net" })).await;
    assert_eq!(forbidden["errors"][0]["extensions"]["code"], "FORBIDDEN", "{forbidden}");

    // Removal revokes TLS and the page at once.
    let remove = "mutation($id: ID!) { removeCustomDomain(id: $id) { hostname } }";
    let removed = app.graphql_as(&owner, remove, json!({ "id": id })).await;
    assert_eq!(removed["data"]["removeCustomDomain"]["hostname"], host, "{removed}");
    assert_eq!(ask(&app, host).await, 404);
    assert_eq!(app.graphql_on_host(host, PUBLIC, json!({})).await["data"]["publicStatusPage"], Value::Null);
    // Deleting a page takes its domains with it.
    let delete = "mutation($id: ID!) { deleteStatusPage(id: $id) { id } }";
    assert!(app.graphql_as(&owner, delete, json!({ "id": default_page })).await["errors"].is_null());
    assert_eq!(ask(&app, "www.acme-example.org").await, 404);
    app.shutdown().await;
}
