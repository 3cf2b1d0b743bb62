use async_graphql::{Object, SimpleObject};

/// Bumped when the API contract changes incompatibly.
pub const API_VERSION: &str = "1";

/// Facts about the running Beacon server.
#[derive(SimpleObject)]
pub struct ServerInfo {
    /// Semantic version of the server build.
    pub version: String,
    /// Version of the GraphQL API contract; bumped on breaking changes.
    pub api_version: String,
}

#[derive(Default)]
pub struct ServerInfoQuery;

#[Object]
impl ServerInfoQuery {
    /// Version information; needs no authentication.
    async fn server_info(&self) -> ServerInfo {
        ServerInfo { version: env!("CARGO_PKG_VERSION").to_owned(), api_version: API_VERSION.to_owned() }
    }
}
