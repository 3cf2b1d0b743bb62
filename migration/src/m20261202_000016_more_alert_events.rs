//! Alerts beyond down and up, and pacing per channel.
//! - `alert_deliveries.event` also takes `degraded` (a monitor works but needs attention),
//!   `certificate` (its TLS certificate expires soon) and `incident` (an update posted on a
//!   status page incident).
//! - `monitors.degraded_since` / `degraded_event`: the degradation that was announced, so its
//!   end is announced once, to the same channels, under the same key (PagerDuty and Opsgenie
//!   close what the start opened).
//! - `monitors.degraded_response_ms`: a response slower than this (0: off) makes a monitor
//!   DEGRADED, the other cause of a degradation beside an expiring certificate.
//! - `alert_channels.paced_until`: the earliest time the channel's next message may go out, so
//!   several processes keep to a provider's documented rate limit (Slack: one message a second
//!   per webhook) and every delivery waits out a receiver's 429 `Retry-After`.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Monitors {
    Table,
    DegradedSince,
    DegradedEvent,
    DegradedResponseMs,
}

#[derive(DeriveIden)]
enum AlertChannels {
    Table,
    PacedUntil,
}

const CHECK_NAME: &str = "alert_deliveries_event_check";
const BEFORE: &str = "event IN ('down', 'up', 'test')";
const AFTER: &str = "event IN ('down', 'up', 'degraded', 'certificate', 'incident', 'test')";

/// Replaces the event CHECK of `alert_deliveries` by `to`.
///
/// PostgreSQL alters the constraint. SQLite cannot alter a constraint; the documented way for a
/// constraint that only loosens (every stored row satisfies the new one, so the stored data is
/// valid as it is) is to edit the table's definition in `sqlite_schema` and bump the schema
/// version, in one transaction (https://www.sqlite.org/lang_altertable.html, "Making Other
/// Kinds Of Table Schema Changes"). That avoids a table rebuild, whose DROP would cascade to
/// the delivery attempts while foreign keys are on. Narrowing (the down migration) first
/// deletes the rows the narrower CHECK would refuse.
async fn replace_event_check(manager: &SchemaManager<'_>, from: &str, to: &str) -> Result<(), DbErr> {
    let db = manager.get_connection();
    match db.get_database_backend() {
        DbBackend::Postgres => {
            db.execute_unprepared(&format!(
                "ALTER TABLE alert_deliveries DROP CONSTRAINT {CHECK_NAME}; \
                 ALTER TABLE alert_deliveries ADD CONSTRAINT {CHECK_NAME} CHECK ({to})"
            ))
            .await?;
        }
        DbBackend::Sqlite => {
            let txn = manager.begin().await?;
            let conn = txn.get_connection();
            let version = conn
                .query_one_raw(Statement::from_string(DbBackend::Sqlite, "PRAGMA schema_version"))
                .await?
                .ok_or_else(|| DbErr::Migration("no schema_version".into()))?
                .try_get_by_index::<i64>(0)?;
            conn.execute_unprepared("PRAGMA writable_schema = ON").await?;
            let changed = conn
                .execute_raw(Statement::from_sql_and_values(
                    DbBackend::Sqlite,
                    "UPDATE sqlite_schema SET sql = replace(sql, ?, ?) \
                     WHERE type = 'table' AND name = 'alert_deliveries' AND instr(sql, ?) > 0",
                    [from.into(), to.into(), from.into()],
                ))
                .await?
                .rows_affected();
            conn.execute_unprepared(&format!("PRAGMA schema_version = {}", version + 1)).await?;
            conn.execute_unprepared("PRAGMA writable_schema = OFF").await?;
            if changed != 1 {
                return Err(DbErr::Migration(format!(
                    "alert_deliveries has no CHECK ({from}) to replace ({changed} definitions matched)"
                )));
            }
            let integrity = conn
                .query_one_raw(Statement::from_string(DbBackend::Sqlite, "PRAGMA quick_check"))
                .await?
                .map(|row| row.try_get_by_index::<String>(0))
                .transpose()?;
            if integrity.as_deref() != Some("ok") {
                return Err(DbErr::Migration(format!("quick_check after the CHECK change: {integrity:?}")));
            }
            txn.commit().await?;
        }
        other => return Err(DbErr::Migration(format!("{other:?} is not supported"))),
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        replace_event_check(manager, BEFORE, AFTER).await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Monitors::Table)
                    .add_column(ColumnDef::new(Monitors::DegradedSince).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Monitors::Table)
                    .add_column(ColumnDef::new(Monitors::DegradedEvent).string_len(16).null().check(
                        Expr::cust("degraded_event IS NULL OR degraded_event IN ('degraded', 'certificate')"),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Monitors::Table)
                    .add_column(
                        ColumnDef::new(Monitors::DegradedResponseMs)
                            .integer()
                            .not_null()
                            .default(0)
                            .check(Expr::cust("degraded_response_ms BETWEEN 0 AND 60000")),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AlertChannels::Table)
                    .add_column(ColumnDef::new(AlertChannels::PacedUntil).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(AlertChannels::Table).drop_column(AlertChannels::PacedUntil).to_owned(),
            )
            .await?;
        for column in [Monitors::DegradedResponseMs, Monitors::DegradedEvent, Monitors::DegradedSince] {
            manager.alter_table(Table::alter().table(Monitors::Table).drop_column(column).to_owned()).await?;
        }
        manager
            .get_connection()
            .execute_unprepared("DELETE FROM alert_deliveries WHERE event NOT IN ('down', 'up', 'test')")
            .await?;
        replace_event_check(manager, AFTER, BEFORE).await
    }
}
