//! A status page's logo and favicon, black-box: GraphQL multipart uploads that must carry the
//! preflight header; only PNG, JPEG and WebP whose bytes match their declared type, within the
//! size and pixel caps; stored as our own re-encoding under a content-hash name, served with its
//! type, `nosniff` and long caching; the table refuses other formats and sizes by itself.

use std::io::Cursor;

use beacon_tests::fixtures::{access_token, insert_member, insert_tenant, insert_verified_owner};
use beacon_tests::{Backend, InProcessApp, backend_tests};
use entity::tenants::TenantStatus;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};

use super::monitoring::fields;

backend_tests!(logos_are_checked_re_encoded_and_served_by_content_hash);

const SET: &str = "mutation($page: ID!, $kind: StatusPageImageKind!, $file: Upload!) { \
    setStatusPageImage(pageId: $page, kind: $kind, file: $file) { logoUrl faviconUrl } }";

fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbaImage::from_pixel(width, height, image::Rgba([200, 30, 30, 255]));
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_pixel(width, height, image::Rgb([30, 30, 200]));
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// A GraphQL multipart request (the spec's `operations` + `map` + one file part).
async fn upload(
    app: &InProcessApp,
    token: &str,
    (page, kind): (&str, &str),
    (name, content_type, bytes): (&str, &str, Vec<u8>),
    preflight: bool,
) -> (u16, Value) {
    let operations = json!({ "query": SET, "variables": { "page": page, "kind": kind, "file": null } });
    let part =
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()).mime_str(content_type).unwrap();
    let form = reqwest::multipart::Form::new()
        .text("operations", operations.to_string())
        .text("map", json!({ "0": ["variables.file"] }).to_string())
        .part("0", part);
    let mut request = app.client.post(app.url("/graphql")).bearer_auth(token).multipart(form);
    if preflight {
        request = request.header("apollo-require-preflight", "true");
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
}

async fn logos_are_checked_re_encoded_and_served_by_content_hash(backend: Backend) {
    let app = InProcessApp::spawn(backend, &[("SCHEDULER_ENABLED", "false")]).await;
    let db = app.database.connect().await;
    let tenant = insert_tenant(&db, "acme-brand", TenantStatus::Active).await;
    let owner = insert_verified_owner(&db, tenant, "owner@acme-brand.test").await;
    let token = access_token(&db, owner, tenant, "owner").await;
    let viewer_id =
        insert_member(&db, tenant, "viewer@acme-brand.test", entity::memberships::Role::Viewer).await;
    let viewer = access_token(&db, viewer_id, tenant, "viewer").await;
    let body = app
        .graphql_as(&token, "mutation { createStatusPage(input: { title: \"Acme\" }) { id } }", Value::Null)
        .await;
    let page = body["data"]["createStatusPage"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let logo = (page.as_str(), "LOGO");

    // Without the preflight header a cross-site form could post it: refused before parsing.
    let (status, body) = upload(&app, &token, logo, ("logo.png", "image/png", png(64, 32)), false).await;
    assert_eq!(status, 400, "{body}");
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("Apollo-Require-Preflight"), "{body}");

    // SVG, a type its bytes contradict, junk with the right magic, too many pixels, too many
    // bytes: each a `file` field error (or a refused request for the size), nothing stored.
    let mut junk = png(8, 8);
    junk.truncate(40);
    for (name, content_type, bytes, expect) in [
        (
            "logo.svg",
            "image/svg+xml",
            b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".to_vec(),
            "PNG, JPEG or WebP",
        ),
        ("logo.jpg", "image/jpeg", png(8, 8), "does not match"),
        ("logo.png", "image/png", junk, "could not be read"),
        ("logo.png", "image/png", png(4097, 1), "4096×4096"),
    ] {
        let (_, body) = upload(&app, &token, logo, (name, content_type, bytes), true).await;
        assert_eq!(fields(&body), ["file"], "{name}: {body}");
        assert!(
            body["errors"][0]["extensions"]["fields"][0]["message"].as_str().unwrap().contains(expect),
            "{body}"
        );
    }
    let (_, body) = upload(&app, &token, logo, ("big.png", "image/png", vec![0x89; 600 * 1024]), true).await;
    assert!(body["data"].is_null() && !body["errors"].is_null(), "over the cap: {body}");
    let (_, body) =
        upload(&app, &token, (page.as_str(), "FAVICON"), ("icon.png", "image/png", png(1025, 8)), true).await;
    assert_eq!(fields(&body), ["file"], "favicons are smaller: {body}");
    let (_, refused) = upload(&app, &viewer, logo, ("logo.png", "image/png", png(64, 32)), true).await;
    assert_eq!(refused["errors"][0]["extensions"]["code"], "FORBIDDEN", "{refused}");

    // A PNG with a payload after its end is accepted as our own re-encoding without it.
    let mut carrier = png(64, 32);
    carrier.extend_from_slice(b"<script>alert(1)</script>");
    let (status, body) = upload(&app, &token, logo, ("logo.png", "image/png", carrier.clone()), true).await;
    assert_eq!(status, 200, "{body}");
    let path =
        body["data"]["setStatusPageImage"]["logoUrl"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let (_, body) =
        upload(&app, &token, (page.as_str(), "FAVICON"), ("icon.jpg", "image/jpeg", jpeg(32, 32)), true)
            .await;
    let favicon = body["data"]["setStatusPageImage"]["faviconUrl"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    assert!(favicon.ends_with(".jpg"), "{favicon}");

    let response = app.client.get(app.url(&path)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let header = |name: &str| response.headers()[name].to_str().unwrap().to_owned();
    assert_eq!(header("content-type"), "image/png");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert!(header("cache-control").contains("immutable"), "{}", header("cache-control"));
    let served = response.bytes().await.unwrap().to_vec();
    assert_ne!(served, carrier, "re-encoded, not the upload");
    assert!(!served.windows(8).any(|w| w == b"<script>"), "the payload is gone");
    let decoded = image::load_from_memory_with_format(&served, image::ImageFormat::Png).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (64, 32));
    use sha2::Digest;
    let hash = hex::encode(sha2::Sha256::digest(&served));
    assert_eq!(path, format!("/uploads/{hash}.png"), "named by the hash of what is served");
    for bad in ["/uploads/..%2F..%2Fsecret.png", "/uploads/x.png", &format!("/uploads/{hash}.svg")] {
        assert_eq!(app.client.get(app.url(bad)).send().await.unwrap().status(), 404, "{bad}");
    }

    // Visitors see both; removing the logo takes it off the page.
    let public = "{ publicStatusPage { logoUrl faviconUrl } }";
    let view = app.graphql_on_host("acme-brand.localhost", public, Value::Null).await;
    assert_eq!(view["data"]["publicStatusPage"], json!({ "logoUrl": path, "faviconUrl": favicon }), "{view}");
    let remove =
        "mutation($page: ID!) { removeStatusPageImage(pageId: $page, kind: LOGO) { logoUrl faviconUrl } }";
    let body = app.graphql_as(&token, remove, json!({ "page": page })).await;
    assert_eq!(
        body["data"]["removeStatusPageImage"],
        json!({ "logoUrl": null, "faviconUrl": favicon }),
        "{body}"
    );

    // The removed logo's file goes with the sweep; the favicon's stays.
    let dir = server::status_pages::branding::UploadDir::under(app.data_dir());
    let logo_file = dir.0.join(path.trim_start_matches("/uploads/"));
    let favicon_file = dir.0.join(favicon.trim_start_matches("/uploads/"));
    assert!(logo_file.exists() && favicon_file.exists());
    let swept =
        server::status_pages::branding::sweep_orphans(&db, &dir, std::time::Duration::from_secs(3600));
    assert_eq!(swept.await.unwrap(), 0, "young files are left alone");
    let swept = server::status_pages::branding::sweep_orphans(&db, &dir, std::time::Duration::ZERO);
    assert_eq!(swept.await.unwrap(), 1);
    assert!(!logo_file.exists() && favicon_file.exists());
    assert_eq!(app.client.get(app.url(&favicon)).send().await.unwrap().status(), 200);

    // The table itself refuses another format or an oversized file.
    for (content_type, size, allowed) in
        [("image/png", 100, true), ("image/svg+xml", 100, false), ("image/png", 600 * 1024, false)]
    {
        let row = entity::uploads::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            tenant_id: Set(tenant),
            sha256: Set("a".repeat(64)),
            content_type: Set(content_type.to_owned()),
            size_bytes: Set(size),
            width: Set(1),
            height: Set(1),
            created_at: Set(chrono::Utc::now()),
        };
        let inserted = row.insert(&db).await;
        assert_eq!(inserted.is_ok(), allowed, "{content_type} {size}: {inserted:?}");
    }
    app.shutdown().await;
}
