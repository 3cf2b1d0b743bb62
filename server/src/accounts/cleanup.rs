//! The account sweep, run periodically: sign-ups whose address was never verified are removed
//! once their verification link has expired (with their organization and its subdomain), expired
//! slug reservations are released, and finished account jobs (which hold addresses) are purged.
//! A new sign-up and a sign-up with a registered address thus hold a slug for the same time.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, Statement};

use super::signup::VERIFICATION_HOURS;

/// Finished account jobs are kept this long (for investigations), then deleted.
const JOB_RETENTION_DAYS: i64 = 7;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub tenants: u64,
    pub users: u64,
    pub reservations: u64,
    pub jobs: u64,
}

pub async fn sweep(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<Swept, DbErr> {
    let cutoff = now - Duration::hours(i64::from(VERIFICATION_HOURS));
    let backend = db.get_database_backend();
    let placeholder = |n: usize| {
        if backend == sea_orm::DatabaseBackend::Postgres { format!("${n}") } else { format!("?{n}") }
    };
    let run = |sql: String, value: DateTime<Utc>| {
        db.execute_raw(Statement::from_sql_and_values(backend, sql, [value.into()]))
    };
    let p1 = placeholder(1);
    // Organizations nobody verified (their owners never opened the link) and older than it.
    let tenants = run(
        format!(
            "DELETE FROM tenants WHERE created_at < {p1} AND NOT EXISTS (\
               SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id \
               WHERE m.tenant_id = tenants.id AND u.email_verified_at IS NOT NULL)"
        ),
        cutoff,
    )
    .await?
    .rows_affected();
    let users = run(
        format!(
            "DELETE FROM users WHERE email_verified_at IS NULL AND created_at < {p1} \
             AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id)"
        ),
        cutoff,
    )
    .await?
    .rows_affected();
    let reservations =
        run(format!("DELETE FROM slug_reservations WHERE expires_at < {p1}"), now).await?.rows_affected();
    let jobs = run(
        format!("DELETE FROM account_jobs WHERE status IN ('done', 'dead') AND updated_at < {p1}"),
        now - Duration::days(JOB_RETENTION_DAYS),
    )
    .await?
    .rows_affected();
    let swept = Swept { tenants, users, reservations, jobs };
    if swept != Swept::default() {
        tracing::info!(?swept, "account sweep removed unverified sign-ups and expired rows");
    }
    Ok(swept)
}
