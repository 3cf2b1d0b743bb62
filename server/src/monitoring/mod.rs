//! The monitoring engine: monitors as tenants manage them (`monitors`), what each kind checks
//! (`settings`, `timing`), the scheduler that claims due monitors and runs their checks through
//! the probe layer (`claim`, `scheduler`), and recording results with the state machine
//! (`state`, `record`), incidents and alert emails (`alerts`), dependencies that hold back a
//! dependent's alerts while what it depends on is down (`dependencies`), and the layers above that follow outages
//! (`followers`). Services take a `TenantScope`;
//! the scheduler acts as the system. GraphQL lives in `graphql`.

pub mod alerts;
pub mod claim;
pub mod cron;
pub mod degradation;
pub mod dependencies;
pub mod events;
pub mod flapping;
pub mod followers;
pub mod graphql;
pub mod heartbeat;
pub mod incidents;
pub mod maintenance;
pub mod monitors;
pub mod record;
pub mod retention;
pub mod rollups;
pub mod scheduler;
pub mod settings;
pub mod state;
pub mod tags;
pub mod timeline;
pub mod timing;
