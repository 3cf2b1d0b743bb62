//! Retention, both backends: old check results and finished alert deliveries are purged in
//! batches; queued deliveries and recent rows stay, whatever their age.

use beacon_tests::{Backend, backend_tests};
use chrono::{Duration, Utc};
use entity::alert_deliveries::{self, AlertEvent, DeliveryStatus};
use entity::check_results::{self, CheckStatus};
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set};
use serde_json::json;
use uuid::Uuid;

use super::monitoring::{create, engine_app, http_target, owner};

backend_tests!(old_results_and_finished_deliveries_are_purged);

async fn old_results_and_finished_deliveries_are_purged(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-retention").await;
    let target = http_target().await;
    let monitor: Uuid =
        create(&app, &token, json!({ "name": "API", "http": { "url": target.url } })).await.parse().unwrap();
    let body = app
        .graphql_as(
            &token,
            "mutation { createAlertChannel(input: { name: \"Hook\", kind: WEBHOOK, url: \"https://hooks.example.org/x\" }) { channel { id } } }",
            serde_json::Value::Null,
        )
        .await;
    let channel: Uuid =
        body["data"]["createAlertChannel"]["channel"]["id"].as_str().unwrap().parse().unwrap();
    let db = app.database.connect().await;
    let tenant = entity::monitors::Entity::find_by_id(monitor).one(&db).await.unwrap().unwrap().tenant_id;
    let now = Utc::now();
    for days in [1, 40] {
        check_results::ActiveModel {
            id: Set(Uuid::now_v7()),
            tenant_id: Set(tenant),
            monitor_id: Set(monitor),
            checked_at: Set(now - Duration::days(days)),
            status: Set(CheckStatus::Up),
            duration_ms: Set(12),
            dns_ms: Set(None),
            connect_ms: Set(None),
            tls_ms: Set(None),
            first_byte_ms: Set(None),
            status_code: Set(Some(200)),
            error: Set(None),
            tls_expires_at: Set(None),
        }
        .insert(&db)
        .await
        .unwrap();
    }
    // Delivered 100 days ago (purged), dead 10 days ago (kept), queued since 100 days (kept).
    for (status, days) in
        [(DeliveryStatus::Delivered, 100), (DeliveryStatus::Dead, 10), (DeliveryStatus::Queued, 100)]
    {
        let at = now - Duration::days(days);
        alert_deliveries::ActiveModel {
            id: Set(Uuid::now_v7()),
            tenant_id: Set(tenant),
            channel_id: Set(channel),
            monitor_id: Set(None),
            incident_id: Set(None),
            event: Set(AlertEvent::Test),
            payload: Set("{}".into()),
            dedup_key: Set(None),
            status: Set(status),
            attempts: Set(1),
            max_attempts: Set(8),
            next_attempt_at: Set(at),
            locked_until: Set(None),
            locked_by: Set(None),
            last_error: Set(None),
            last_status_code: Set(None),
            delivered_at: Set(None),
            created_at: Set(at),
            updated_at: Set(at),
        }
        .insert(&db)
        .await
        .unwrap();
    }
    let (results, _) = server::monitoring::retention::purge(&db, now, 30).await.unwrap();
    assert_eq!(results, 1, "the 40-day-old result");
    assert_eq!(check_results::Entity::find().count(&db).await.unwrap(), 1);
    assert_eq!(server::alerting::retention::purge(&db, now).await.unwrap(), 1, "the old delivered one");
    let left: Vec<DeliveryStatus> =
        alert_deliveries::Entity::find().all(&db).await.unwrap().into_iter().map(|d| d.status).collect();
    assert_eq!(left.len(), 2);
    assert!(left.contains(&DeliveryStatus::Queued) && left.contains(&DeliveryStatus::Dead), "{left:?}");
    app.shutdown().await;
}
