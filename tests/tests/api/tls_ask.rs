//! Caddy's on-demand TLS `ask`: 200 only for active tenant subdomains and verified custom
//! domains, 404 for everything else; and the lookup uses its index on a realistically sized table.

use beacon_tests::fixtures::{insert_domain, insert_tenant, insert_verified_owner};
use beacon_tests::{Backend, TestApp, backend_tests};
use entity::tenant_domains::DomainKind;
use entity::tenants::TenantStatus;
use sea_orm::{ConnectionTrait, Statement};

backend_tests!(ask_allows_only_served_hostnames, hostname_lookup_uses_its_index);

async fn ask_allows_only_served_hostnames(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.database.connect().await;
    let acme = insert_tenant(&db, "acme", TenantStatus::Active).await;
    insert_verified_owner(&db, acme, "owner@acme-corp.com").await;
    insert_domain(&db, acme, "acme.localhost", DomainKind::Subdomain, false).await;
    insert_domain(&db, acme, "status.acme-corp.com", DomainKind::Custom, true).await;
    insert_domain(&db, acme, "pending.acme-corp.com", DomainKind::Custom, false).await;
    let gone = insert_tenant(&db, "gone", TenantStatus::Suspended).await;
    insert_verified_owner(&db, gone, "owner@gone-corp.com").await;
    insert_domain(&db, gone, "gone.localhost", DomainKind::Subdomain, false).await;
    // Signed up, never verified: no certificate for its subdomain (mass sign-ups cannot burn the
    // ACME quota).
    let fresh = insert_tenant(&db, "fresh", TenantStatus::Active).await;
    insert_domain(&db, fresh, "fresh.localhost", DomainKind::Subdomain, false).await;

    let cases = [
        ("acme.localhost", 200, "active tenant subdomain"),
        ("ACME.localhost.", 200, "case and trailing dot do not matter"),
        ("status.acme-corp.com", 200, "verified custom domain"),
        ("pending.acme-corp.com", 404, "unverified custom domain"),
        ("gone.localhost", 404, "suspended tenant"),
        ("fresh.localhost", 404, "no owner has verified their email"),
        ("nobody.localhost", 404, "unknown name"),
        ("127.0.0.1", 404, "IP literal"),
        ("::1", 404, "IPv6 literal"),
        ("a..b", 404, "junk"),
        ("", 404, "empty"),
    ];
    for (domain, expected, why) in cases {
        let response = app
            .client
            .get(
                reqwest::Url::parse_with_params(&app.internal_url("/internal/tls/ask"), [("domain", domain)])
                    .unwrap(),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), expected, "{why}: {domain:?}");
    }
    let missing_param = app.client.get(app.internal_url("/internal/tls/ask")).send().await.unwrap();
    assert_eq!(missing_param.status(), 404);

    let metrics = app.client.get(app.internal_url("/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(metrics.contains("tls_ask_total{result=\"allowed\"} 3"), "{metrics}");
}

/// EXPLAIN of the ask lookup on 20,000 hostnames must use `tenant_domains_hostname_key`.
async fn hostname_lookup_uses_its_index(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.database.connect().await;
    let tenant = insert_tenant(&db, "bulk", TenantStatus::Active).await;
    let (fill, explain) = match backend {
        Backend::Postgres => (
            format!(
                "INSERT INTO tenant_domains (id, tenant_id, hostname, kind, verified_at, created_at) \
                 SELECT gen_random_uuid(), '{tenant}', 'h' || g || '.example-bulk.io', 'custom', NULL, now() \
                 FROM generate_series(1, 20000) g; ANALYZE tenant_domains; ANALYZE tenants;"
            ),
            "EXPLAIN SELECT d.id FROM tenant_domains d JOIN tenants t ON t.id = d.tenant_id \
             WHERE d.hostname = 'h777.example-bulk.io' AND t.status = 'active'",
        ),
        Backend::Sqlite => (
            // The tenant id is read back so it keeps sea-orm's SQLite encoding of UUIDs.
            "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 20000) \
             INSERT INTO tenant_domains (id, tenant_id, hostname, kind, verified_at, created_at) \
             SELECT randomblob(16), (SELECT id FROM tenants WHERE slug = 'bulk'), 'h' || n || '.example-bulk.io', \
             'custom', NULL, '2026-01-01 00:00:00+00:00' FROM g; ANALYZE;"
                .to_owned(),
            "EXPLAIN QUERY PLAN SELECT d.id FROM tenant_domains d JOIN tenants t ON t.id = d.tenant_id \
             WHERE d.hostname = 'h777.example-bulk.io' AND t.status = 'active'",
        ),
    };
    db.execute_unprepared(&fill).await.expect("bulk insert");
    let plan: Vec<String> = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), explain.to_owned()))
        .await
        .unwrap()
        .into_iter()
        .map(|row| {
            row.try_get::<String>("", "QUERY PLAN")
                .or_else(|_| row.try_get::<String>("", "detail"))
                .unwrap_or_default()
        })
        .collect();
    let plan = plan.join("\n");
    assert!(plan.contains("tenant_domains_hostname_key"), "the lookup must use the hostname index:\n{plan}");
}
