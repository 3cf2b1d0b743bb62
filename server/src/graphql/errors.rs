//! The API's error contract.
//!
//! Rule: expected failures are [`ApiError`] variants with a stable `extensions.code`; callers
//! branch on them (`thiserror`). Anything unexpected is an `anyhow::Error` with `.context()`,
//! wrapped in [`ApiError::Internal`]: it is logged in full where it happens (inside the request
//! span, so the log line carries the request id) and reaches the client only as
//! `INTERNAL_SERVER_ERROR` with the request id. async-graphql's `custom-error-conversion` feature
//! removes the blanket `From<Display>` conversion, so no error text leaks by accident.
//! [`finalize_response`] makes sure every error that leaves the server has a code.

use async_graphql::{ErrorExtensions, Response, Value};

/// Stable values of `extensions.code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    Unauthenticated,
    Forbidden,
    NotFound,
    BadUserInput,
    Conflict,
    RateLimited,
    InternalServerError,
    /// The request itself is malformed: not JSON, too large a batch, a mutation over GET.
    BadRequest,
    /// The document does not parse.
    GraphqlParseFailed,
    /// The document parses but fails validation (unknown fields, depth or complexity limits).
    GraphqlValidationFailed,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Unauthenticated => "UNAUTHENTICATED",
            ErrorCode::Forbidden => "FORBIDDEN",
            ErrorCode::NotFound => "NOT_FOUND",
            ErrorCode::BadUserInput => "BAD_USER_INPUT",
            ErrorCode::Conflict => "CONFLICT",
            ErrorCode::RateLimited => "RATE_LIMITED",
            ErrorCode::InternalServerError => "INTERNAL_SERVER_ERROR",
            ErrorCode::BadRequest => "BAD_REQUEST",
            ErrorCode::GraphqlParseFailed => "GRAPHQL_PARSE_FAILED",
            ErrorCode::GraphqlValidationFailed => "GRAPHQL_VALIDATION_FAILED",
        }
    }
}

/// A field-level validation failure, reported under `extensions.fields`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("authentication required")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    /// A missing id and a foreign tenant's id look exactly the same.
    #[error("{entity} not found")]
    NotFound { entity: &'static str },
    #[error("invalid input")]
    BadUserInput { fields: Vec<FieldError> },
    #[error("{message}")]
    Conflict { field: String, message: String },
    #[error("too many requests; retry in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl ApiError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::Unauthenticated => ErrorCode::Unauthenticated,
            ApiError::Forbidden => ErrorCode::Forbidden,
            ApiError::NotFound { .. } => ErrorCode::NotFound,
            ApiError::BadUserInput { .. } => ErrorCode::BadUserInput,
            ApiError::Conflict { .. } => ErrorCode::Conflict,
            ApiError::RateLimited { .. } => ErrorCode::RateLimited,
            ApiError::Internal(_) => ErrorCode::InternalServerError,
        }
    }

    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError::BadUserInput { fields: vec![FieldError { field: field.into(), message: message.into() }] }
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(err: anyhow::Error) -> Self {
        ApiError::Internal(err)
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(err: sea_orm::DbErr) -> Self {
        ApiError::Internal(err.into())
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(err: ApiError) -> Self {
        if let ApiError::Internal(inner) = &err {
            // Logged here, inside the request span: the line carries the request id.
            tracing::error!(error = ?inner, "internal error in a resolver");
        }
        let code = err.code();
        err.extend_with(|_, ext| {
            ext.set("code", code.as_str());
            match &err {
                ApiError::BadUserInput { fields } => {
                    let fields: Vec<Value> = fields
                        .iter()
                        .map(|f| {
                            let mut map = async_graphql::indexmap::IndexMap::new();
                            map.insert(async_graphql::Name::new("field"), Value::from(f.field.clone()));
                            map.insert(async_graphql::Name::new("message"), Value::from(f.message.clone()));
                            Value::Object(map)
                        })
                        .collect();
                    ext.set("fields", Value::List(fields));
                }
                ApiError::Conflict { field, .. } => ext.set("field", field.as_str()),
                ApiError::RateLimited { retry_after_secs } => ext.set("retryAfter", *retry_after_secs),
                _ => {}
            }
        })
    }
}

/// Gives every error of an executed response a code, and the request id to internal ones.
///
/// Errors without a path and without a code come from validation (including depth and
/// complexity limits); errors with a path but no code escaped a resolver without going through
/// [`ApiError`] and are treated as internal, their text replaced.
pub fn finalize_response(mut response: Response, request_id: &str) -> Response {
    for error in &mut response.errors {
        let has_code = error.extensions.as_ref().is_some_and(|ext| ext.get("code").is_some());
        if !has_code {
            let code = if error.path.is_empty() {
                ErrorCode::GraphqlValidationFailed
            } else {
                tracing::error!(message = %error.message, "resolver error without a code");
                error.message = "internal error".to_owned();
                ErrorCode::InternalServerError
            };
            error.extensions.get_or_insert_with(Default::default).set("code", code.as_str());
        }
        let is_internal = error
            .extensions
            .as_ref()
            .and_then(|ext| ext.get("code"))
            .is_some_and(|code| *code == Value::from(ErrorCode::InternalServerError.as_str()));
        if is_internal {
            error.message = format!("internal error (request id {request_id})");
            error.extensions.get_or_insert_with(Default::default).set("requestId", request_id);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::{PathSegment, ServerError};

    fn code_of(error: &ServerError) -> Option<Value> {
        error.extensions.as_ref().and_then(|ext| ext.get("code").cloned())
    }

    #[test]
    fn internal_errors_are_opaque_and_carry_the_request_id() {
        let err: async_graphql::Error =
            ApiError::Internal(anyhow::anyhow!("connection refused to 10.0.0.5:5432")).into();
        let server_error = err.into_server_error(async_graphql::Pos::default());
        let response = finalize_response(Response::from_errors(vec![server_error]), "req-123");
        let error = &response.errors[0];
        assert_eq!(error.message, "internal error (request id req-123)");
        assert!(!format!("{error:?}").contains("10.0.0.5"));
        assert_eq!(code_of(error), Some(Value::from("INTERNAL_SERVER_ERROR")));
        assert_eq!(error.extensions.as_ref().unwrap().get("requestId"), Some(&Value::from("req-123")));
    }

    #[test]
    fn uncoded_errors_get_a_code() {
        let validation = ServerError::new("Unknown field \"x\"", None);
        let mut escaped = ServerError::new("db said: relation users does not exist", None);
        escaped.path = vec![PathSegment::Field("serverInfo".into())];
        let response = finalize_response(Response::from_errors(vec![validation, escaped]), "r");
        assert_eq!(code_of(&response.errors[0]), Some(Value::from("GRAPHQL_VALIDATION_FAILED")));
        assert_eq!(code_of(&response.errors[1]), Some(Value::from("INTERNAL_SERVER_ERROR")));
        assert!(!response.errors[1].message.contains("relation users"));
    }

    #[test]
    fn user_input_errors_name_their_fields() {
        let err: async_graphql::Error = ApiError::field("slug", "must be 3 to 40 characters").into();
        let ext = err.extensions.unwrap();
        assert_eq!(ext.get("code"), Some(&Value::from("BAD_USER_INPUT")));
        let fields = format!("{:?}", ext.get("fields").unwrap());
        assert!(fields.contains("slug") && fields.contains("3 to 40"), "{fields}");
    }
}
