//! Every email Beacon sends, in one place: a text part and an HTML part per message, rendered
//! by askama (HTML-escaped in `.html` templates, compile-time checked) from `templates/mail/`.
//! Links are absolute, built by `crate::kernel::Links` from `PUBLIC_URL` and the tenant's host.

use askama::Template;

/// What the outbox stores and the transport sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedEmail {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Declares a message: its fields, subject, and the two templates sharing them.
macro_rules! email {
    ($(#[$doc:meta])* $name:ident { $($field:ident : $ty:ty),* $(,)? }, text = $text:literal, html = $html:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name {
            $(pub $field: $ty,)*
        }

        impl $name {
            pub fn render(&self, subject: String) -> RenderedEmail {
                #[derive(Template)]
                #[template(path = $text, escape = "none")]
                struct Text<'a> { $($field: &'a $ty,)* }
                #[derive(Template)]
                #[template(path = $html)]
                struct Html<'a> { subject: &'a str, $($field: &'a $ty,)* }

                let text = Text { $($field: &self.$field,)* };
                let html = Html { subject: &subject, $($field: &self.$field,)* };
                RenderedEmail {
                    text: text.render().expect("text templates are checked at compile time"),
                    html: html.render().expect("HTML templates are checked at compile time"),
                    subject,
                }
            }
        }
    };
}

email!(
    /// Sent by a platform admin to check that delivery works.
    TestEmail { requested_by: String, app_url: String },
    text = "mail/test.txt", html = "mail/test.html"
);
email!(
    /// Confirms a new user's address.
    Verification { name: String, tenant_name: String, link: String, valid_hours: u32 },
    text = "mail/verification.txt", html = "mail/verification.html"
);
email!(
    PasswordReset { link: String, valid_hours: u32 },
    text = "mail/password_reset.txt",
    html = "mail/password_reset.html"
);
email!(
    /// Sent instead of a verification when someone signs up with an address that has an account.
    AccountExists { login_link: String, reset_link: String },
    text = "mail/account_exists.txt", html = "mail/account_exists.html"
);
email!(
    Invitation { inviter: String, tenant_name: String, role: String, link: String, valid_hours: u32 },
    text = "mail/invitation.txt",
    html = "mail/invitation.html"
);
email!(
    /// A monitor went down (`down = true`) or recovered.
    MonitorAlert { down: bool, monitor_name: String, tenant_name: String, since: String, reason: String, link: String },
    text = "mail/monitor_alert.txt", html = "mail/monitor_alert.html"
);
email!(
    /// An alert to an email channel, worded like the channel's other messages (its templates,
    /// else Beacon's wording); `tone` is `critical`, `warning`, `resolved` or `info`.
    ChannelAlert { title: String, details: String, link: String, tenant_name: String, tone: String },
    text = "mail/channel_alert.txt", html = "mail/channel_alert.html"
);
email!(
    /// A monitor started flapping (`settled = false`) or settled again.
    MonitorFlapping {
        settled: bool,
        monitor_name: String,
        tenant_name: String,
        changes: u64,
        window: String,
        state: String,
        link: String,
    },
    text = "mail/monitor_flapping.txt", html = "mail/monitor_flapping.html"
);
email!(
    /// An incident update for status-page subscribers.
    IncidentUpdate {
        incident_title: String,
        status: String,
        message: String,
        tenant_name: String,
        status_page_url: String,
        unsubscribe_url: String,
    },
    text = "mail/incident_update.txt", html = "mail/incident_update.html"
);

email!(
    /// Double opt-in for a status-page subscriber.
    SubscriptionConfirm { page_title: String, tenant_name: String, confirm_url: String },
    text = "mail/subscription_confirm.txt", html = "mail/subscription_confirm.html"
);

email!(
    /// A link that opens a status page restricted to some email domains.
    StatusPageAccess { page_title: String, tenant_name: String, link: String, valid_days: u32 },
    text = "mail/status_page_access.txt", html = "mail/status_page_access.html"
);

email!(
    /// Scheduled maintenance started (`started = true`) or ended, for status-page subscribers.
    MaintenanceNotice {
        started: bool,
        name: String,
        ends_at: String,
        components: String,
        tenant_name: String,
        status_page_url: String,
        unsubscribe_url: String,
    },
    text = "mail/maintenance_notice.txt", html = "mail/maintenance_notice.html"
);

impl StatusPageAccess {
    pub fn email(&self) -> RenderedEmail {
        self.render(format!("Your link to {}", self.page_title))
    }
}

impl MaintenanceNotice {
    pub fn email(&self) -> RenderedEmail {
        let what = if self.started { "Maintenance started" } else { "Maintenance ended" };
        self.render(format!("[{}] {what}: {}", self.tenant_name, self.name))
    }
}

impl SubscriptionConfirm {
    pub fn email(&self) -> RenderedEmail {
        self.render(format!("Confirm your subscription to {}", self.page_title))
    }
}

impl TestEmail {
    pub fn email(&self) -> RenderedEmail {
        self.render("Beacon test message".to_owned())
    }
}

impl Verification {
    pub fn email(&self) -> RenderedEmail {
        self.render(format!("Verify your email for {}", self.tenant_name))
    }
}

impl PasswordReset {
    pub fn email(&self) -> RenderedEmail {
        self.render("Reset your Beacon password".to_owned())
    }
}

impl AccountExists {
    pub fn email(&self) -> RenderedEmail {
        self.render("You already have a Beacon account".to_owned())
    }
}

impl Invitation {
    pub fn email(&self) -> RenderedEmail {
        self.render(format!("{} invited you to {} on Beacon", self.inviter, self.tenant_name))
    }
}

impl MonitorAlert {
    pub fn email(&self) -> RenderedEmail {
        let state = if self.down { "DOWN" } else { "UP" };
        self.render(format!("[{}] {} is {state}", self.tenant_name, self.monitor_name))
    }
}

impl ChannelAlert {
    pub fn email(&self) -> RenderedEmail {
        self.render(format!("[{}] {}", self.tenant_name, self.title))
    }
}

impl MonitorFlapping {
    pub fn email(&self) -> RenderedEmail {
        let what = if self.settled { "has settled" } else { "is flapping" };
        self.render(format!("[{}] {} {what}", self.tenant_name, self.monitor_name))
    }
}

impl IncidentUpdate {
    pub fn email(&self) -> RenderedEmail {
        self.render(format!("[{}] {}: {}", self.tenant_name, self.status, self.incident_title))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_in_html_and_kept_in_text() {
        let email = Invitation {
            inviter: "Eve <script>alert(1)</script>".into(),
            tenant_name: "Acme & Sons".into(),
            role: "admin".into(),
            link: "https://acme.beacon.io/invite?t=a&b=c".into(),
            valid_hours: 72,
        }
        .email();
        assert!(
            email.html.contains("Eve &#60;script&#62;") || email.html.contains("Eve &lt;script&gt;"),
            "{}",
            email.html
        );
        assert!(!email.html.contains("<script>"));
        assert!(email.html.contains("Acme &#38; Sons") || email.html.contains("Acme &amp; Sons"));
        assert!(email.text.contains("Eve <script>alert(1)</script> invited you to join Acme & Sons"));
        assert!(email.text.contains("https://acme.beacon.io/invite?t=a&b=c"));
        assert_eq!(email.subject, "Eve <script>alert(1)</script> invited you to Acme & Sons on Beacon");
    }

    #[test]
    fn every_message_renders_both_parts() {
        let rendered = [
            TestEmail { requested_by: "ops@beacon.io".into(), app_url: "https://beacon.io/".into() }.email(),
            Verification {
                name: "Ann".into(),
                tenant_name: "Acme".into(),
                link: "https://x/v".into(),
                valid_hours: 24,
            }
            .email(),
            PasswordReset { link: "https://x/r".into(), valid_hours: 24 }.email(),
            MonitorAlert {
                down: true,
                monitor_name: "API".into(),
                tenant_name: "Acme".into(),
                since: "10:00 UTC".into(),
                reason: "HTTP 503".into(),
                link: "https://acme.x/app".into(),
            }
            .email(),
            IncidentUpdate {
                incident_title: "Slow API".into(),
                status: "identified".into(),
                message: "A bad deploy".into(),
                tenant_name: "Acme".into(),
                status_page_url: "https://acme.x/".into(),
                unsubscribe_url: "https://acme.x/u".into(),
            }
            .email(),
        ];
        for email in rendered {
            assert!(!email.subject.is_empty() && !email.text.trim().is_empty());
            assert!(
                email.html.starts_with("<!doctype html>") && email.html.contains("Beacon"),
                "{}",
                email.html
            );
        }
    }
}
