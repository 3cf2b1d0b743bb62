//! A status page's RSS and Atom feeds and its components' SVG badges, fetched from the tenant
//! host without login, as a feed reader or a README image does.

use std::sync::atomic::Ordering;

use beacon_tests::{Backend, InProcessApp, backend_tests};
use serde_json::json;

use super::monitoring::{advance_and_tick, create, engine_app, http_target, owner};

backend_tests!(feeds_list_outages_and_badges_show_status_uptime_and_response);

async fn get(app: &InProcessApp, host: &str, path: &str) -> (u16, String, String, String) {
    let response = app.client.get(app.url(path)).header("host", host).send().await.unwrap();
    let header = |name: &str| {
        response.headers().get(name).map(|value| value.to_str().unwrap().to_owned()).unwrap_or_default()
    };
    let (content_type, cache) = (header("content-type"), header("cache-control"));
    (response.status().as_u16(), content_type, cache, response.text().await.unwrap())
}

async fn feeds_list_outages_and_badges_show_status_uptime_and_response(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-feeds").await;
    // Another organization exists: its host must not serve this one's badges.
    owner(&app, "globex-feeds").await;
    let target = http_target().await;
    let api = create(
        &app,
        &token,
        json!({ "name": "internal-api-7", "intervalSeconds": 10, "failureThreshold": 1, "http": { "url": target.url } }),
    )
    .await;
    let create_page = "mutation($input: StatusPageInput!) { createStatusPage(input: $input) { id } }";
    let body = app
        .graphql_as(&token, create_page, json!({ "input": { "title": "Acme status", "slug": "platform" } }))
        .await;
    let page = body["data"]["createStatusPage"]["id"].as_str().unwrap().to_owned();
    let set = "mutation($id: ID!, $c: [StatusPageComponentInput!]!) { setStatusPageComponents(id: $id, components: $c) { \
        rssUrl atomUrl components { id statusBadgeUrl uptimeBadgeUrl responseBadgeUrl } } }";
    let body = app
        .graphql_as(&token, set, json!({ "id": page, "c": [{ "monitorId": api, "name": "Public API" }] }))
        .await;
    let page_view = &body["data"]["setStatusPageComponents"];
    let rss_url = page_view["rssUrl"].as_str().unwrap();
    assert!(
        rss_url.starts_with("http://acme-feeds.localhost") && rss_url.ends_with("/platform/feed.rss"),
        "{body}"
    );
    let component = page_view["components"][0]["id"].as_str().unwrap().to_owned();
    assert!(
        page_view["components"][0]["statusBadgeUrl"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/badges/{component}/status.svg"))
    );

    // One outage, resolved ten seconds later.
    advance_and_tick(&app, 61).await;
    target.status.store(500, Ordering::SeqCst);
    advance_and_tick(&app, 10).await;
    target.status.store(200, Ordering::SeqCst);
    advance_and_tick(&app, 10).await;
    // The recovery reaches the page cache as an event; wait for it rather than for time.
    let host = "acme-feeds.localhost";
    let mut rss = String::new();
    for _ in 0..200 {
        let (status, content_type, cache, body) = get(&app, host, "/platform/feed.rss").await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(content_type, "application/rss+xml; charset=utf-8");
        assert_eq!(cache, "public, max-age=60");
        rss = body;
        if rss.contains("Resolved: Public API outage") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert!(
        rss.starts_with("<?xml")
            && rss.contains("<rss")
            && rss.contains("<title>Tenant acme-feeds — Acme status</title>"),
        "{rss}"
    );
    assert!(rss.contains("Resolved: Public API outage") && rss.contains("for 1 min"), "{rss}");
    let (status, content_type, _, atom) = get(&app, host, "/platform/feed.atom").await;
    assert_eq!((status, content_type.as_str()), (200, "application/atom+xml; charset=utf-8"));
    assert!(
        atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
            && atom.contains("Resolved: Public API outage"),
        "{atom}"
    );
    for text in [&rss, &atom] {
        assert!(
            !text.contains("internal-api-7") && !text.contains(&target.url) && !text.contains(&api),
            "{text}"
        );
    }

    let (status, content_type, cache, svg) =
        get(&app, host, &format!("/badges/{component}/status.svg")).await;
    assert_eq!(
        (status, content_type.as_str(), cache.as_str()),
        (200, "image/svg+xml; charset=utf-8", "public, max-age=60")
    );
    assert!(svg.starts_with("<svg") && svg.contains("Public API: operational"), "{svg}");
    let (_, _, _, uptime) = get(&app, host, &format!("/badges/{component}/uptime.svg?days=7")).await;
    assert!(uptime.contains("uptime 7d: 66.66%"), "2 of 3 checks succeeded, shown truncated: {uptime}");
    let (_, _, _, response) = get(&app, host, &format!("/badges/{component}/response.svg")).await;
    assert!(response.contains("response: ") && response.contains(" ms"), "{response}");

    // Not found: another tenant's host, an unknown page or component, the default page that
    // does not exist, a junk badge name; a bad `days` is a 400.
    for (host, path) in [
        ("globex-feeds.localhost", format!("/badges/{component}/status.svg")),
        (host, "/nope/feed.rss".to_owned()),
        (host, "/feed.atom".to_owned()),
        (host, format!("/badges/{}/status.svg", uuid::Uuid::new_v4())),
        (host, format!("/badges/{component}/other.svg")),
        ("nobody.localhost", "/feed.rss".to_owned()),
    ] {
        let (status, _, _, body) = get(&app, host, &path).await;
        assert_eq!(status, 404, "{host}{path}: {body}");
    }
    let (status, _, _, _) = get(&app, host, &format!("/badges/{component}/uptime.svg?days=365")).await;
    assert_eq!(status, 400);
    app.shutdown().await;
}
