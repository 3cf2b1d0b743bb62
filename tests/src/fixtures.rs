//! Rows arranged directly in a test database (for features whose API comes in later issues).

use chrono::Utc;
use entity::tenant_domains::DomainKind;
use entity::tenants::TenantStatus;
use entity::{tenant_domains, tenants};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use uuid::Uuid;

pub async fn insert_tenant(db: &DatabaseConnection, slug: &str, status: TenantStatus) -> Uuid {
    let now = Utc::now();
    let tenant = tenants::ActiveModel {
        id: Set(Uuid::now_v7()),
        slug: Set(slug.to_owned()),
        name: Set(format!("Tenant {slug}")),
        status: Set(status),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
    .expect("insert tenant");
    tenant.id
}

pub async fn insert_domain(
    db: &DatabaseConnection,
    tenant_id: Uuid,
    hostname: &str,
    kind: DomainKind,
    verified: bool,
) {
    let now = Utc::now();
    tenant_domains::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(tenant_id),
        hostname: Set(hostname.to_owned()),
        kind: Set(kind),
        verified_at: Set(verified.then_some(now)),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .expect("insert domain");
}
