//! Every audit action name, in one place: the audit log's filters and the SPA's summaries rely
//! on them staying stable.

pub const TENANT_SIGNED_UP: &str = "tenant.signed_up";
pub const TENANT_SUSPENDED: &str = "tenant.suspended";
pub const TENANT_REACTIVATED: &str = "tenant.reactivated";

pub const USER_EMAIL_VERIFIED: &str = "user.email_verified";
pub const USER_PASSWORD_CHANGED: &str = "user.password_changed";
pub const USER_PASSWORD_RESET: &str = "user.password_reset";

pub const SESSION_CREATED: &str = "session.created";
pub const SESSION_ENDED: &str = "session.ended";
pub const SESSION_REVOKED: &str = "session.revoked";
pub const SESSION_REVOKED_ALL: &str = "session.revoked_all";

pub const API_KEY_CREATED: &str = "api_key.created";
pub const API_KEY_REVOKED: &str = "api_key.revoked";

pub const MEMBER_INVITED: &str = "member.invited";
pub const MEMBER_INVITATION_REVOKED: &str = "member.invitation_revoked";
pub const MEMBER_JOINED: &str = "member.joined";
pub const MEMBER_ROLE_CHANGED: &str = "member.role_changed";
pub const MEMBER_REMOVED: &str = "member.removed";

pub const MONITOR_CREATED: &str = "monitor.created";
pub const MONITOR_UPDATED: &str = "monitor.updated";
pub const MONITOR_PAUSED: &str = "monitor.paused";
pub const MONITOR_RESUMED: &str = "monitor.resumed";
pub const MONITOR_DELETED: &str = "monitor.deleted";
pub const MONITOR_DEPENDENCIES_CHANGED: &str = "monitor.dependencies_changed";
pub const INCIDENT_ACKNOWLEDGED: &str = "incident.acknowledged";

pub const ESCALATION_POLICY_CREATED: &str = "escalation_policy.created";
pub const ESCALATION_POLICY_UPDATED: &str = "escalation_policy.updated";
pub const ESCALATION_POLICY_DELETED: &str = "escalation_policy.deleted";

pub const MAINTENANCE_CREATED: &str = "maintenance.created";
pub const MAINTENANCE_DELETED: &str = "maintenance.deleted";

pub const STATUS_PAGE_CREATED: &str = "status_page.created";
pub const STATUS_PAGE_UPDATED: &str = "status_page.updated";
pub const STATUS_PAGE_DELETED: &str = "status_page.deleted";
pub const STATUS_PAGE_ACCESS_CHANGED: &str = "status_page.access_changed";

pub const ALERT_CHANNEL_CREATED: &str = "alert_channel.created";
pub const ALERT_CHANNEL_UPDATED: &str = "alert_channel.updated";
pub const ALERT_CHANNEL_DELETED: &str = "alert_channel.deleted";
pub const ALERT_ROUTES_CHANGED: &str = "alert_channel.routing_changed";
pub const CUSTOM_DOMAIN_ADDED: &str = "custom_domain.added";
pub const CUSTOM_DOMAIN_VERIFIED: &str = "custom_domain.verified";
pub const CUSTOM_DOMAIN_REMOVED: &str = "custom_domain.removed";
pub const STATUS_INCIDENT_CREATED: &str = "status_incident.created";
pub const STATUS_INCIDENT_UPDATE_POSTED: &str = "status_incident.update_posted";
pub const STATUS_INCIDENT_EDITED: &str = "status_incident.edited";
pub const STATUS_INCIDENT_DELETED: &str = "status_incident.deleted";
pub const STATUS_SUBSCRIBER_REMOVED: &str = "status_subscriber.removed";
