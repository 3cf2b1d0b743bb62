//! Public status pages: what a tenant publishes about its monitors, to anyone, without login.
//! `pages` manages pages and their components (members and above); `public` builds the view a
//! visitor sees — current status per component, 90-day uptime bars, response times, active and
//! recent outages — from the monitoring layer, never exposing monitor names, targets, errors or
//! ids; `incidents` are what an organization tells visitors (timelines, affected components),
//! published by hand or from detected outages; `cache` keeps built views for a minute and drops a tenant's views when one of its
//! monitors changes status or a page changes; `subscribers` mails confirmed visitors each update. GraphQL lives in `graphql`.

pub mod access;
pub mod access_graphql;
pub mod badges;
pub mod branding;
pub mod cache;
pub mod domains;
pub mod feeds;
pub mod graphql;
pub mod incident_graphql;
pub mod incidents;
pub mod maintenance_notices;
pub mod pages;
pub mod public;
pub mod subscriber_graphql;
pub mod subscribers;
