//! Constraints live in the database, not only in code: CHECKs, uniques and foreign keys with
//! explicit ON DELETE hold even for a client that bypasses the server. Named so the API can map a
//! violation to a field.

use beacon_tests::fixtures::{insert_domain, insert_tenant};
use beacon_tests::{Backend, TestDatabase, backend_tests};
use entity::tenant_domains::DomainKind;
use entity::tenants::TenantStatus;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait};

backend_tests!(checks_uniques_and_foreign_keys_hold, deleting_a_tenant_cascades_to_its_rows);

async fn migrated(backend: Backend) -> (TestDatabase, DatabaseConnection) {
    let database = TestDatabase::migrated(backend).await;
    let db = database.connect().await;
    (database, db)
}

const NOW: &str = "'2026-11-22 10:00:00+00:00'";

async fn violation(db: &DatabaseConnection, sql: &str) -> String {
    match db.execute_unprepared(sql).await {
        Ok(_) => panic!("the database accepted: {sql}"),
        Err(err) => err.to_string(),
    }
}

async fn checks_uniques_and_foreign_keys_hold(backend: Backend) {
    let (_database, db) = migrated(backend).await;
    let tenant = |id: &str, slug: &str, status: &str| {
        format!(
            "INSERT INTO tenants (id, slug, name, status, created_at, updated_at) VALUES ('{id}', '{slug}', 'Acme', '{status}', {NOW}, {NOW})"
        )
    };
    db.execute_unprepared(&tenant("00000000-0000-0000-0000-000000000001", "acme", "active"))
        .await
        .expect("a valid tenant");

    let cases = [
        (tenant("00000000-0000-0000-0000-000000000002", "bogus", "deleted"), "tenants_status_check"),
        (tenant("00000000-0000-0000-0000-000000000003", "Acme-Upper", "active"), "tenants_slug_check"),
        (tenant("00000000-0000-0000-0000-000000000004", "ab", "active"), "tenants_slug_check"),
        (tenant("00000000-0000-0000-0000-000000000005", "acme", "active"), "slug"),
        (
            format!(
                "INSERT INTO users (id, email, display_name, is_platform_admin, created_at, updated_at) VALUES ('00000000-0000-0000-0000-0000000000a1', 'Ann@Example.org', 'Ann', false, {NOW}, {NOW})"
            ),
            "users_email_check",
        ),
        (
            format!(
                "INSERT INTO tenant_domains (id, tenant_id, hostname, kind, created_at) VALUES ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-000000000001', 'x.localhost', 'wildcard', {NOW})"
            ),
            "tenant_domains_kind_check",
        ),
        (
            format!(
                "INSERT INTO memberships (id, tenant_id, user_id, role, created_at, updated_at) VALUES ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-00000000ffff', '00000000-0000-0000-0000-00000000eeee', 'owner', {NOW}, {NOW})"
            ),
            "FOREIGN KEY",
        ),
        (
            "INSERT INTO monitor_tags (tenant_id, monitor_id, tag) VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000d1', 'Prod')".to_owned(),
            "monitor_tags_tag_check",
        ),
        (
            "UPDATE tenants SET updated_at = '2020-01-01 00:00:00+00:00' WHERE slug = 'acme'".to_owned(),
            "tenants_updated_at_check",
        ),
    ];
    for (sql, expected) in cases {
        let error = violation(&db, &sql).await;
        let matched = error.contains(expected)
            || (expected == "FOREIGN KEY" && error.contains("foreign key"))
            || (expected == "slug" && (error.contains("tenants_slug_key") || error.contains("tenants.slug")));
        assert!(matched, "expected {expected} for {sql}\n got: {error}");
    }
}

async fn deleting_a_tenant_cascades_to_its_rows(backend: Backend) {
    let (_database, db) = migrated(backend).await;
    let keep = insert_tenant(&db, "keep", TenantStatus::Active).await;
    let drop = insert_tenant(&db, "drop", TenantStatus::Active).await;
    insert_domain(&db, keep, "keep.localhost", DomainKind::Subdomain, false).await;
    insert_domain(&db, drop, "drop.localhost", DomainKind::Subdomain, false).await;
    insert_domain(&db, drop, "status.drop.io", DomainKind::Custom, true).await;

    entity::tenants::Entity::delete_by_id(drop).exec(&db).await.expect("delete tenant");
    let remaining = entity::tenant_domains::Entity::find().all(&db).await.unwrap();
    assert_eq!(remaining.len(), 1);
    assert_eq!(remaining[0].tenant_id, keep);
    assert_eq!(entity::tenants::Entity::find().count(&db).await.unwrap(), 1);
}
