//! The bottom layer: what every feature shares and nothing else. It imports no feature, no web
//! framework and no GraphQL, so the scheduler, CLI commands and resolvers all speak it.
//!
//! - [`error`]: the error contract (`ApiError` and its stable codes, field errors);
//! - [`request`]: facts about the request an operation came in on;
//! - [`actor`]: who acts — a user, an API key, or the system itself;
//! - [`clock`]: the time, so time-driven code runs on a manual clock in tests;
//! - [`paging`]: one paging request and opaque cursors for every list;
//! - [`ids`] and [`input`]: the one parsing rule for ids, free-text inputs and email addresses;
//! - [`links`]: absolute URLs to the app and to tenant hosts.

pub mod actor;
pub mod clock;
pub mod error;
pub mod ids;
pub mod input;
pub mod links;
pub mod paging;
pub mod request;

pub use actor::Actor;
pub use clock::{Clock, ManualClock, SharedClock, SystemClock};
pub use error::{ApiError, ErrorCode, FieldError, FieldErrors};
pub use links::Links;
pub use request::RequestMeta;
