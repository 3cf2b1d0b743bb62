//! The GraphQL schema, assembled from every feature's roots (composition root: may import
//! everything). Data shared by all requests (database, settings, handles) is attached by
//! `startup`; `export-schema` builds it without any.

use async_graphql::{MergedObject, MergedSubscription, Schema, SchemaBuilder};

use crate::config::GraphqlLimits;
use crate::graphql::server_info::ServerInfoQuery;
use crate::{accounts, alerting, audit, mail, monitoring, status_pages, team, tenancy};

#[derive(MergedObject, Default)]
#[graphql(name = "Query")]
pub struct QueryRoot(
    ServerInfoQuery,
    accounts::graphql::AccountsQuery,
    accounts::graphql::ApiKeysQuery,
    tenancy::graphql::TenantQuery,
    team::graphql::TeamQuery,
    audit::graphql::AuditQuery,
    mail::graphql::MailQuery,
    monitoring::graphql::MonitorsQuery,
    monitoring::graphql::MaintenanceQuery,
    status_pages::graphql::StatusPagesQuery,
    status_pages::incident_graphql::StatusIncidentsQuery,
    status_pages::subscriber_graphql::SubscribersQuery,
    alerting::graphql::AlertingQuery,
    alerting::escalation::graphql::EscalationQuery,
);

#[derive(MergedObject, Default)]
#[graphql(name = "Mutation")]
pub struct MutationRoot(
    accounts::graphql::AccountsMutation,
    accounts::graphql::ApiKeysMutation,
    tenancy::graphql::TenantMutation,
    team::graphql::TeamMutation,
    mail::graphql::MailMutation,
    monitoring::graphql::MonitorsMutation,
    monitoring::graphql::MaintenanceMutation,
    status_pages::graphql::StatusPagesMutation,
    status_pages::incident_graphql::StatusIncidentsMutation,
    status_pages::subscriber_graphql::SubscribersMutation,
    status_pages::access_graphql::AccessMutation,
    alerting::graphql::AlertingMutation,
    alerting::escalation::graphql::EscalationMutation,
);

#[derive(MergedSubscription, Default)]
#[graphql(name = "Subscription")]
pub struct SubscriptionRoot(monitoring::graphql::MonitorsSubscription);

pub type BeaconSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// The schema with Beacon's limits.
pub fn build(limits: GraphqlLimits) -> SchemaBuilder<QueryRoot, MutationRoot, SubscriptionRoot> {
    Schema::build(QueryRoot::default(), MutationRoot::default(), SubscriptionRoot::default())
        .limit_depth(limits.max_depth)
        .limit_complexity(limits.max_complexity)
        .limit_recursive_depth(64)
        .limit_directives(20)
        // "Did you mean …?" would name fields the caller cannot see (hidden admin operations).
        .disable_suggestions()
        .extension(crate::graphql::text_inputs::TextInputs)
}

/// The SDL committed as `schema.graphql`.
pub fn export_sdl() -> String {
    let limits = GraphqlLimits { max_depth: 1, max_complexity: 1, max_batch: 1 };
    build(limits).finish().sdl()
}
