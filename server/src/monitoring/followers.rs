//! Layers above monitoring that act on an outage in the transaction that records it (status
//! pages publish it as a public incident). Monitoring knows them only by this trait, so the
//! arrows keep pointing down; a follower's error rolls the recording back like any other.

use chrono::{DateTime, Utc};
use entity::{incidents, monitors};
use sea_orm::{DatabaseTransaction, DbErr};

#[async_trait::async_trait]
pub trait OutageFollower: Send + Sync {
    /// An outage opened at `at` (not during maintenance: those are expected).
    async fn opened(
        &self,
        txn: &DatabaseTransaction,
        outage: &incidents::Model,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr>;

    /// An outage ended at `at`.
    async fn resolved(
        &self,
        txn: &DatabaseTransaction,
        outage: &incidents::Model,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr>;

    /// `monitor` started flapping or settled (`notice`).
    async fn flapping(
        &self,
        _txn: &DatabaseTransaction,
        _monitor: &monitors::Model,
        _notice: &super::flapping::FlapNotice,
        _at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        Ok(())
    }

    /// A degradation of `monitor` began or ended (`notice`).
    async fn degraded(
        &self,
        _txn: &DatabaseTransaction,
        _monitor: &monitors::Model,
        _notice: &super::degradation::DegradedNotice,
        _at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        Ok(())
    }

    /// The transaction that opened or resolved outages (or announced a notice) committed (wake background work that
    /// would otherwise find its new rows only at its next poll).
    fn committed(&self) {}
}
