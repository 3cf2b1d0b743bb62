use async_graphql::{Context, Object, SimpleObject};

use crate::kernel::Links;

/// Bumped when the API contract changes incompatibly.
pub const API_VERSION: &str = "1";

/// Facts about the running Beacon server.
#[derive(SimpleObject)]
pub struct ServerInfo {
    /// Semantic version of the server build.
    pub version: String,
    /// Version of the GraphQL API contract; bumped on breaking changes.
    pub api_version: String,
    /// Organizations live at `<slug>.<baseDomain>`.
    pub base_domain: String,
}

#[derive(Default)]
pub struct ServerInfoQuery;

#[Object]
impl ServerInfoQuery {
    /// Version information; needs no authentication.
    async fn server_info(&self, ctx: &Context<'_>) -> ServerInfo {
        let base_domain =
            ctx.data_opt::<Links>().map(|links| links.base_domain().to_owned()).unwrap_or_default();
        ServerInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            api_version: API_VERSION.to_owned(),
            base_domain,
        }
    }
}
