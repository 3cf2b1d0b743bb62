//! How the error contract (`crate::kernel::error`) reaches GraphQL clients: every error carries
//! `extensions.code`; internal ones are logged here (inside the request span, so the line has
//! the request id) and leave only as `INTERNAL_SERVER_ERROR` with the request id. async-graphql's
//! `custom-error-conversion` feature removes the blanket `From<Display>` conversion, so no error
//! text leaks by accident. [`error_body`] shapes the errors that happen before a request reaches
//! the schema (rate limits, body limits, panics) the same way.

use async_graphql::{ErrorExtensions, Response, Value};

use crate::kernel::{ApiError, ErrorCode};

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
                ApiError::Locked { access, title } => {
                    ext.set("access", *access);
                    ext.set("title", title.as_str());
                }
                _ => {}
            }
        })
    }
}

/// A GraphQL-shaped error body (`{"errors":[{"message","extensions":{"code",…}}]}`) for
/// failures outside the schema; `extra` adds extension fields such as `retryAfter`.
pub fn error_body(code: ErrorCode, message: &str, extra: serde_json::Value) -> serde_json::Value {
    let mut extensions = serde_json::json!({ "code": code.as_str() });
    if let (Some(map), serde_json::Value::Object(extra)) = (extensions.as_object_mut(), extra) {
        map.extend(extra);
    }
    serde_json::json!({ "errors": [{ "message": message, "extensions": extensions }] })
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
            } else if is_input_coercion(&error.message) {
                // An argument that does not fit its type (an Int beyond 32 bits, an unknown enum
                // value): the caller's mistake, and the message only describes the input.
                ErrorCode::BadUserInput
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

/// async-graphql's messages for an argument value that does not coerce to its input type.
fn is_input_coercion(message: &str) -> bool {
    ["Failed to parse \"", "Expected input type \"", "Invalid value for argument"]
        .iter()
        .any(|prefix| message.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::{PathSegment, ServerError};

    #[test]
    fn argument_coercion_failures_are_bad_user_input() {
        let mut coercion = ServerError::new(
            "Failed to parse \"Int\": Only integers from -2147483648 to 2147483647 are accepted.",
            None,
        );
        coercion.path = vec![PathSegment::Field("tenants".into())];
        let response = finalize_response(Response::from_errors(vec![coercion]), "r");
        assert_eq!(code_of(&response.errors[0]), Some(Value::from("BAD_USER_INPUT")));
        assert!(response.errors[0].message.contains("2147483647"));
    }

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
    fn pre_schema_errors_have_the_same_shape() {
        let body = error_body(ErrorCode::RateLimited, "slow down", serde_json::json!({ "retryAfter": 3 }));
        assert_eq!(body["errors"][0]["extensions"]["code"], "RATE_LIMITED");
        assert_eq!(body["errors"][0]["extensions"]["retryAfter"], 3);
        assert_eq!(body["errors"][0]["message"], "slow down");
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
