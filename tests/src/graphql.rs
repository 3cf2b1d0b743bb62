//! Reading GraphQL answers and sending requests the way particular clients do.

use serde_json::{Value, json};

use crate::TestApp;

/// The first error's `extensions.code`, or `"none"` when the answer has no error (so an
/// `assert_eq!` against an expected code fails with both values shown).
pub fn error_code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"].as_str().unwrap_or("none")
}

/// The fields named by the first error's `extensions.fields` (a `BAD_USER_INPUT`), sorted.
pub fn error_fields(body: &Value) -> Vec<&str> {
    let mut fields: Vec<&str> = body["errors"][0]["extensions"]["fields"]
        .as_array()
        .map(|fields| fields.iter().filter_map(|f| f["field"].as_str()).collect())
        .unwrap_or_default();
    fields.sort_unstable();
    fields
}

impl TestApp {
    /// POSTs one GraphQL operation with a `Host` header, as a browser on a tenant's host does;
    /// with `token`, as `Authorization: Bearer <token>`.
    pub async fn graphql_on_host(
        &self,
        host: &str,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> (u16, Value) {
        let mut request = self
            .client
            .post(self.url("/graphql"))
            .header("host", host)
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("POST /graphql");
        let status = response.status().as_u16();
        (status, response.json().await.expect("a JSON body"))
    }
}
