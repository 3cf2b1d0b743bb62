//! Escalation with acknowledgement: policies (ordered steps of channels with waits, the last
//! repeating) that a monitor follows; an escalation per alerted outage, run step by step from
//! due times stored on rows until someone acknowledges (in the app, over the API, or with the
//! signed link in the alert) or the outage ends; every step on the outage's timeline.

pub mod acknowledge;
pub mod graphql;
pub mod policies;
pub mod runner;
