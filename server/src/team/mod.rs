//! The team: members and their roles, invitations by email, and the rules that keep an
//! organization governable — only owners grant or take away ownership, admins cannot touch
//! owners, and the last owner can be neither demoted nor removed. Above `accounts` (an
//! invitation may create a user) and `tenancy` (memberships).

pub mod graphql;
pub mod service;
