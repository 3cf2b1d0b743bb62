//! Schema assembly, per-request context and the API's error contract.
//!
//! Each feature owns a query (and later mutation/subscription) root; they are merged here with
//! `MergedObject`. Resolvers never hand sea-orm models to the schema: they convert.

pub mod errors;
mod server_info;

use async_graphql::{EmptySubscription, MergedObject, Schema};

use crate::config::GraphqlLimits;

pub use errors::{ApiError, ErrorCode};

#[derive(MergedObject, Default)]
#[graphql(name = "Query")]
pub struct QueryRoot(
    server_info::ServerInfoQuery,
    crate::accounts::graphql::AccountsQuery,
    crate::accounts::graphql::TenantQuery,
    crate::accounts::api_keys::ApiKeysQuery,
    crate::audit::graphql::AuditQuery,
    crate::mail::graphql::MailQuery,
    crate::tenancy::admin::AdminQuery,
    crate::tenancy::team::TeamQuery,
);

#[derive(MergedObject, Default)]
#[graphql(name = "Mutation")]
pub struct MutationRoot(
    crate::accounts::graphql::AccountsMutation,
    crate::accounts::api_keys::ApiKeysMutation,
    crate::mail::graphql::MailMutation,
    crate::tenancy::admin::AdminMutation,
    crate::tenancy::team::TeamMutation,
);

pub type BeaconSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;

/// Facts about the HTTP request a GraphQL operation came in on, available to every resolver.
#[derive(Debug, Clone)]
pub struct RequestContext {
    pub request_id: String,
    pub client_ip: std::net::IpAddr,
    pub principal: crate::accounts::Principal,
    /// The raw `Cookie` header (the refresh token travels in a cookie).
    pub cookies: Option<String>,
    pub user_agent: Option<String>,
    /// The `Host` header without its port, lower-cased.
    pub host: Option<String>,
    /// Whether the caller is a platform admin (decides introspection visibility only; the
    /// `PlatformAdmin` guard re-checks on every admin field).
    pub platform_admin: bool,
}

/// The schema with Beacon's limits. Data shared by all requests (database, settings) is attached
/// by the caller so `export-schema` can build it without a database.
pub fn build_schema(
    limits: GraphqlLimits,
) -> async_graphql::SchemaBuilder<QueryRoot, MutationRoot, EmptySubscription> {
    Schema::build(QueryRoot::default(), MutationRoot::default(), EmptySubscription)
        .limit_depth(limits.max_depth)
        .limit_complexity(limits.max_complexity)
        .limit_recursive_depth(64)
        .limit_directives(20)
}

/// The SDL committed as `schema.graphql`.
pub fn export_sdl() -> String {
    let limits = GraphqlLimits { max_depth: 1, max_complexity: 1, max_batch: 1 };
    build_schema(limits).finish().sdl()
}
