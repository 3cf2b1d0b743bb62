//! The built SPA is served with an index.html fallback, hashed assets cached for a year, and
//! GraphiQL at /graphiql. Needs `frontend/dist` (the test command builds it first).

use beacon_tests::{Backend, TestApp, repo_root};

fn first_asset() -> String {
    let assets = repo_root().join("frontend/dist/assets");
    let entry = std::fs::read_dir(&assets)
        .unwrap_or_else(|_| {
            panic!("{} is missing: build the SPA first (cd frontend && npm run build)", assets.display())
        })
        .filter_map(Result::ok)
        .find(|entry| entry.file_name().to_string_lossy().ends_with(".js"))
        .expect("a built JS asset");
    entry.file_name().to_string_lossy().into_owned()
}

#[tokio::test]
async fn spa_routes_fall_back_to_index_and_assets_are_immutable() {
    let app = TestApp::spawn(Backend::Sqlite).await;

    let index = app.get("/").await;
    assert_eq!(index.status(), 200);
    assert_eq!(index.headers()["cache-control"], "no-cache");
    let index_html = index.text().await.unwrap();
    assert!(index_html.contains("<div id=\"root\">"), "{index_html}");

    let deep = app.get("/app/monitors/123/edit").await;
    assert_eq!(deep.status(), 200);
    assert_eq!(deep.text().await.unwrap(), index_html, "client routes get index.html");

    let asset = app.get(&format!("/assets/{}", first_asset())).await;
    assert_eq!(asset.status(), 200);
    assert_eq!(asset.headers()["cache-control"], "public, max-age=31536000, immutable");

    let missing = app.get("/assets/does-not-exist-1234.js").await;
    assert_eq!(missing.status(), 404, "a missing asset is not the SPA");
    assert_eq!(missing.headers()["cache-control"], "no-store");

    let graphiql = app.get("/graphiql").await;
    assert_eq!(graphiql.status(), 200);
    let page = graphiql.text().await.unwrap();
    assert!(page.contains("/assets/") && page != index_html, "GraphiQL is its own bundled page");
}
