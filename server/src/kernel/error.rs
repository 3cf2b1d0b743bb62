//! The API's error contract.
//!
//! Rule: expected failures are [`ApiError`] variants with a stable `extensions.code`; callers
//! branch on them (`thiserror`). Anything unexpected is an `anyhow::Error` with `.context()`
//! (or a `DbErr`), wrapped in [`ApiError::Internal`]: it is logged in full where it reaches the
//! API edge (inside the request span, so the log line carries the request id) and the client
//! sees only `INTERNAL_SERVER_ERROR` with the request id. Services return `Result<T, ApiError>`;
//! resolvers return the same and use `?`. The conversion to GraphQL errors lives at the edge
//! (`graphql::error_conversion`), so this module knows nothing of GraphQL.

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
    /// A restricted status page asked for without a valid grant.
    StatusPageLocked,
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
            ErrorCode::StatusPageLocked => "STATUS_PAGE_LOCKED",
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
    /// A restricted status page: `access` says how a visitor gets in (`PASSWORD`,
    /// `EMAIL_DOMAIN`); `title` is all that is shown before.
    #[error("this status page is private")]
    Locked { access: &'static str, title: String },
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
            ApiError::Locked { .. } => ErrorCode::StatusPageLocked,
            ApiError::Internal(_) => ErrorCode::InternalServerError,
        }
    }

    /// `BAD_USER_INPUT` naming one field.
    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError::BadUserInput { fields: vec![FieldError { field: field.into(), message: message.into() }] }
    }

    pub fn conflict(field: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError::Conflict { field: field.into(), message: message.into() }
    }

    pub fn not_found(entity: &'static str) -> Self {
        ApiError::NotFound { entity }
    }

    /// An unexpected failure described in one sentence (for invariants that broke).
    pub fn internal(message: impl Into<String>) -> Self {
        ApiError::Internal(anyhow::anyhow!(message.into()))
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

/// Collects field errors while parsing several inputs, so one answer names every bad field.
#[derive(Debug, Default)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    /// The parsed value, or `None` with the message recorded under `field`.
    pub fn check<T>(&mut self, field: &str, result: Result<T, String>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(message) => {
                self.0.push(FieldError { field: field.to_owned(), message });
                None
            }
        }
    }

    pub fn into_result(self) -> Result<(), ApiError> {
        if self.0.is_empty() { Ok(()) } else { Err(ApiError::BadUserInput { fields: self.0 }) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_name_every_bad_field() {
        let mut errors = FieldErrors::default();
        let a: Option<u8> = errors.check("a", Err("is wrong".into()));
        let b = errors.check("b", Ok(2));
        let c: Option<u8> = errors.check("c", Err("is missing".into()));
        assert_eq!((a, b, c), (None, Some(2), None));
        match errors.into_result() {
            Err(ApiError::BadUserInput { fields }) => {
                assert_eq!(fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), ["a", "c"]);
            }
            other => panic!("{other:?}"),
        }
        assert!(FieldErrors::default().into_result().is_ok());
    }
}
