//! Leased background work: one runner for every table of durable jobs (the email outbox today;
//! alert deliveries and escalation steps next).
//!
//! A job is a row. Workers in any number of processes *claim* due rows by setting a lease
//! (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so processes share the work without taking the same
//! row; SQLite: one atomic `UPDATE … RETURNING`), perform them with bounded concurrency, and
//! record the outcome: done, retried later with exponential backoff, or dead after the last
//! attempt with its error kept. A worker that dies mid-job loses nothing: its lease expires and
//! the row is claimed again (at-least-once). Every runner beats a [`Heartbeat`] that readiness
//! reads, exports `jobs_*` metrics per queue, reads the time from a `Clock`, and stops when its
//! `CancellationToken` fires, letting in-flight jobs finish.

pub mod backoff;
pub mod heartbeat;
pub mod lease;
pub mod runner;

pub use heartbeat::{Heartbeat, Heartbeats};
pub use lease::{FailureOutcome, LeasedTable};
pub use runner::{JobError, Outcome, Queue, Runner, RunnerSettings, worker_id};
