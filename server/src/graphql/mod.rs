//! The GraphQL edge below the features: how an `ApiError` becomes a GraphQL error, the one
//! list shape (connections), and the shaping of responses and of errors that happen before a
//! request reaches the schema. The schema itself is assembled above every feature, in
//! `crate::schema`.

pub mod connection;
pub mod error_conversion;
pub mod server_info;
pub mod text_inputs;

pub use connection::{PageConnection, connection, encoded_connection};
pub use error_conversion::{error_body, finalize_response};
