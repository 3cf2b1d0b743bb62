//! Every query and mutation that takes an id, tried across tenants (DESIGN §10). The list of
//! those operations comes from parsing `schema.graphql`, so a new one that takes an `ID`
//! anywhere in its arguments fails the suite, by name, until it has a case in [`CASES`].
//!
//! A case arranges two organizations, sends its operation with the other organization's id and
//! checks it fails closed: tenant- and user-scoped operations answer `NOT_FOUND` exactly as for a
//! missing id, platform-admin ones `FORBIDDEN`; and the target is unchanged. Cases share one
//! server per backend (a server each made this the slowest test on PostgreSQL) but never each
//! other's rows: a case's organizations and users are named after it ([`Probe::name`]). A case
//! sends through its [`Probe`], which records the operations it really sent, so a case that only
//! names its operation fails too.

mod admin;
mod alerting;
mod escalation;
mod monitors;
mod schema_ids;
mod status_incidents;
mod status_pages;
mod status_subscribers;
mod tenant;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::panic::AssertUnwindSafe;
use std::rc::Rc;

use async_graphql_parser::types::Selection;
use beacon_tests::fixtures::Organization;
use beacon_tests::{Backend, TestApp, backend_tests, error_code, repo_root};
use futures_util::FutureExt;
use futures_util::future::LocalBoxFuture;
use serde_json::Value;

backend_tests!(foreign_ids_are_not_found);

type Case = fn(Probe) -> LocalBoxFuture<'static, ()>;

/// A case function as a [`Case`].
macro_rules! case {
    ($case:path) => {{
        fn run(probe: Probe) -> LocalBoxFuture<'static, ()> {
            Box::pin($case(probe))
        }
        run as Case
    }};
}

/// Each operation that takes an `ID`, and the case that calls it with another tenant's id.
const CASES: &[(&str, Case)] = &[
    ("revokeApiKey", case!(tenant::revoke_api_key)),
    ("changeMemberRole", case!(tenant::change_member_role)),
    ("removeMember", case!(tenant::remove_member)),
    ("revokeInvitation", case!(tenant::revoke_invitation)),
    ("auditEvents", case!(tenant::audit_events)),
    ("revokeSession", case!(tenant::revoke_session)),
    ("monitor", case!(monitors::monitor)),
    ("updateMonitor", case!(monitors::update_monitor)),
    ("pauseMonitor", case!(monitors::pause_monitor)),
    ("resumeMonitor", case!(monitors::resume_monitor)),
    ("duplicateMonitor", case!(monitors::duplicate_monitor)),
    ("deleteMonitor", case!(monitors::delete_monitor)),
    ("setMonitorDependencies", case!(monitors::set_monitor_dependencies)),
    ("escalationPolicy", case!(escalation::escalation_policy)),
    ("createEscalationPolicy", case!(escalation::create_escalation_policy)),
    ("updateEscalationPolicy", case!(escalation::update_escalation_policy)),
    ("deleteEscalationPolicy", case!(escalation::delete_escalation_policy)),
    ("setMonitorEscalationPolicy", case!(escalation::set_monitor_escalation_policy)),
    ("acknowledgeIncident", case!(escalation::acknowledge_incident)),
    ("checkCompleted", case!(monitors::check_completed)),
    ("createMaintenanceWindow", case!(monitors::create_maintenance_window)),
    ("deleteMaintenanceWindow", case!(monitors::delete_maintenance_window)),
    ("incidents", case!(monitors::incidents)),
    ("statusPage", case!(status_pages::status_page)),
    ("updateStatusPage", case!(status_pages::update_status_page)),
    ("deleteStatusPage", case!(status_pages::delete_status_page)),
    ("setStatusPageAccess", case!(status_pages::set_status_page_access)),
    ("setStatusPageComponents", case!(status_pages::set_status_page_components)),
    ("addCustomDomain", case!(status_pages::add_custom_domain)),
    ("verifyCustomDomain", case!(status_pages::verify_custom_domain)),
    ("removeCustomDomain", case!(status_pages::remove_custom_domain)),
    ("setStatusPageImage", case!(status_pages::set_status_page_image)),
    ("removeStatusPageImage", case!(status_pages::remove_status_page_image)),
    ("statusIncidents", case!(status_incidents::status_incidents)),
    ("statusIncident", case!(status_incidents::status_incident)),
    ("createStatusIncident", case!(status_incidents::create_status_incident)),
    ("postStatusIncidentUpdate", case!(status_incidents::post_status_incident_update)),
    ("editStatusIncident", case!(status_incidents::edit_status_incident)),
    ("editStatusIncidentUpdate", case!(status_incidents::edit_status_incident_update)),
    ("deleteStatusIncident", case!(status_incidents::delete_status_incident)),
    ("publishOutage", case!(status_incidents::publish_outage)),
    ("statusPageSubscribers", case!(status_subscribers::status_page_subscribers)),
    ("statusPageSubscribersCsv", case!(status_subscribers::status_page_subscribers_csv)),
    ("removeStatusPageSubscriber", case!(status_subscribers::remove_status_page_subscriber)),
    ("subscribeToStatusPage", case!(status_subscribers::subscribe_to_status_page)),
    ("alertChannel", case!(alerting::alert_channel)),
    ("alertDeliveries", case!(alerting::alert_deliveries)),
    ("updateAlertChannel", case!(alerting::update_alert_channel)),
    ("deleteAlertChannel", case!(alerting::delete_alert_channel)),
    ("rotateAlertChannelSigningSecret", case!(alerting::rotate_alert_channel_signing_secret)),
    ("setAlertChannelRouting", case!(alerting::set_alert_channel_routing)),
    ("testAlertChannel", case!(alerting::test_alert_channel)),
    ("requeueAlertDelivery", case!(alerting::requeue_alert_delivery)),
    ("outboxEmail", case!(admin::outbox_email)),
    ("requeueEmail", case!(admin::requeue_email)),
    ("suspendTenant", case!(admin::suspend_tenant)),
    ("reactivateTenant", case!(admin::reactivate_tenant)),
];

#[test]
fn every_id_taking_operation_has_a_case() {
    let schema = std::fs::read_to_string(repo_root().join("schema.graphql")).expect("schema.graphql");
    let taking_ids = schema_ids::id_taking_operations(&schema);
    let covered: BTreeSet<String> = CASES.iter().map(|(operation, _)| (*operation).to_owned()).collect();
    let uncovered: Vec<_> = taking_ids.difference(&covered).collect();
    let stale: Vec<_> = covered.difference(&taking_ids).collect();
    assert!(
        uncovered.is_empty(),
        "these operations take an ID but have no cross-tenant case in tests/tests/api/cross_tenant: \
         {uncovered:?}"
    );
    assert!(stale.is_empty(), "cases for operations that take no ID (or no longer exist): {stale:?}");
}

/// Runs every case; reports each operation whose case failed or never sent it.
async fn foreign_ids_are_not_found(backend: Backend) {
    // Every case shares one client IP: a burst the size of the suite, not a visitor's.
    let app = Rc::new(TestApp::builder(backend).env("RATE_LIMIT_BURST", "100000").spawn().await);
    let mut failures = Vec::new();
    for (number, (operation, case)) in CASES.iter().enumerate() {
        failures.extend(run(&app, number, operation, *case).await);
    }
    assert!(failures.is_empty(), "cross-tenant cases on {backend:?}:\n{}", failures.join("\n"));
}

async fn run(app: &Rc<TestApp>, number: usize, operation: &str, case: Case) -> Option<String> {
    let sent = Rc::new(RefCell::new(BTreeSet::new()));
    let probe = Probe { app: Rc::clone(app), number, sent: Rc::clone(&sent) };
    if AssertUnwindSafe(case(probe)).catch_unwind().await.is_err() {
        Some(format!("{operation}: its case failed (the panic is printed above)"))
    } else if !sent.borrow().contains(operation) {
        Some(format!("{operation}: its case never sent {operation}"))
    } else {
        None
    }
}

/// The shared server, the case's number, and a record of the root fields the case sent through
/// [`Probe::send`].
pub struct Probe {
    pub app: Rc<TestApp>,
    number: usize,
    sent: Rc<RefCell<BTreeSet<String>>>,
}

impl Probe {
    /// `base` made unique to this case (`acme` → `acme-3`), for slugs and email domains.
    pub fn name(&self, base: &str) -> String {
        format!("{base}-{}", self.number)
    }

    /// An [`Organization`] of this case only: `organization("acme")` is `acme-<case>`.
    pub async fn organization(&self, base: &str) -> Organization {
        self.app.organization(&self.name(base)).await
    }

    /// Records an operation the case sent another way (a subscription over the WebSocket).
    pub fn record(&self, operation: &str) {
        self.sent.borrow_mut().insert(operation.to_owned());
    }

    /// POSTs as `token` (a user's access token), recording the operation's root fields.
    pub async fn send(&self, token: &str, query: &str, variables: Value) -> Value {
        let document = async_graphql_parser::parse_query(query).expect("the case's query parses");
        for (_, operation) in document.operations.iter() {
            for item in &operation.node.selection_set.node.items {
                if let Selection::Field(field) = &item.node {
                    self.sent.borrow_mut().insert(field.node.name.node.to_string());
                }
            }
        }
        self.app.graphql_as(token, query, variables).await.1
    }

    /// Sends `query` with a foreign id and with a missing one: both must fail with `code`, and
    /// the two answers must be the same, so a caller cannot tell a foreign id exists.
    pub async fn assert_refused_like_missing(
        &self,
        token: &str,
        query: &str,
        (foreign, missing): (Value, Value),
        code: &str,
    ) {
        let refused = self.send(token, query, foreign).await;
        assert_eq!(error_code(&refused), code, "{query} with a foreign id: {refused}");
        let absent = self.send(token, query, missing).await;
        assert_eq!(error_code(&absent), code, "{query} with a missing id: {absent}");
        assert_eq!(
            refused["errors"], absent["errors"],
            "{query}: foreign and missing ids must look the same"
        );
        assert!(refused["data"].is_null(), "{query}: nothing is returned for a foreign id: {refused}");
    }
}
