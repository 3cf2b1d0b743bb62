//! `check-config`'s view of the settings: every effective value, secrets redacted.

use secrecy::ExposeSecret;
use url::Url;

use super::Settings;

impl Settings {
    /// The effective configuration, one `NAME = value` line each, secrets redacted.
    pub fn describe(&self) -> Vec<(&'static str, String)> {
        let redacted = |present: bool| {
            if present { "[redacted]".to_owned() } else { "(unset)".to_owned() }
        };
        let join = |items: Vec<String>| {
            if items.is_empty() { "(none)".to_owned() } else { items.join(",") }
        };
        vec![
            ("APP_ENV", self.app_env.as_str().to_owned()),
            ("LISTEN_ADDR", self.listen_addr.to_string()),
            ("INTERNAL_ADDR", self.internal_addr.to_string()),
            ("PUBLIC_URL", self.public_url.to_string()),
            ("BASE_DOMAIN", self.base_domain.clone()),
            ("DATA_DIR", self.data_dir.display().to_string()),
            ("SPA_DIR", self.spa_dir.display().to_string()),
            ("DATABASE_URL", redact_url(self.database.url.expose_secret())),
            ("DATABASE_MAX_CONNECTIONS", self.database.max_connections.to_string()),
            ("DATABASE_MIN_CONNECTIONS", self.database.min_connections.to_string()),
            ("DATABASE_CONNECT_TIMEOUT", format!("{:?}", self.database.connect_timeout)),
            ("DATABASE_ACQUIRE_TIMEOUT", format!("{:?}", self.database.acquire_timeout)),
            ("DATABASE_IDLE_TIMEOUT", format!("{:?}", self.database.idle_timeout)),
            ("DATABASE_STATEMENT_TIMEOUT", format!("{:?}", self.database.statement_timeout)),
            ("SQLITE_BUSY_TIMEOUT", format!("{:?}", self.database.sqlite_busy_timeout)),
            ("RUN_MIGRATIONS", self.database.run_migrations.to_string()),
            ("JWT_SECRET", redacted(!self.jwt_secret.expose_secret().is_empty())),
            ("SECRETS_KEY", redacted(!self.secrets_key.expose_secret().is_empty())),
            ("SECRETS_KEY_PREVIOUS", redacted(self.secrets_key_previous.is_some())),
            (
                "SMTP_URL",
                self.mail.smtp_url.as_ref().map_or("(unset: mail is written to files)".to_owned(), |url| {
                    redact_url(url.expose_secret())
                }),
            ),
            ("MAIL_FROM", self.mail.from.clone()),
            ("MAIL_MAX_ATTEMPTS", self.mail.max_attempts.to_string()),
            ("MAIL_RETRY_BASE", format!("{:?}", self.mail.retry_base)),
            ("MAIL_RETRY_MAX", format!("{:?}", self.mail.retry_max)),
            ("MAIL_POLL_INTERVAL", format!("{:?}", self.mail.poll_interval)),
            ("MAIL_LEASE", format!("{:?}", self.mail.lease)),
            ("MAIL_SEND_TIMEOUT", format!("{:?}", self.mail.send_timeout)),
            ("MAIL_CONCURRENCY", self.mail.concurrency.to_string()),
            ("TRUSTED_PROXIES", join(self.http.trusted_proxies.iter().map(ToString::to_string).collect())),
            ("CORS_ALLOWED_ORIGINS", join(self.http.cors_allowed_origins.clone())),
            ("RATE_LIMIT_INTERVAL", format!("{:?}", self.http.rate_limit_interval)),
            ("RATE_LIMIT_BURST", self.http.rate_limit_burst.to_string()),
            ("HTTP_BODY_LIMIT_BYTES", self.http.body_limit_bytes.to_string()),
            ("HTTP_REQUEST_TIMEOUT", format!("{:?}", self.http.request_timeout)),
            ("SHUTDOWN_TIMEOUT", format!("{:?}", self.http.shutdown_timeout)),
            ("GRAPHQL_MAX_DEPTH", self.graphql.max_depth.to_string()),
            ("GRAPHQL_MAX_COMPLEXITY", self.graphql.max_complexity.to_string()),
            ("GRAPHQL_MAX_BATCH", self.graphql.max_batch.to_string()),
            ("ALLOW_PRIVATE_TARGETS", self.monitoring.allow_private_targets.to_string()),
            (
                "CHECK_DNS_SERVERS",
                if self.monitoring.dns_servers.is_empty() {
                    "(system resolver)".to_owned()
                } else {
                    join(self.monitoring.dns_servers.iter().map(ToString::to_string).collect())
                },
            ),
            (
                "CHECK_CA_FILE",
                self.monitoring.ca_file.as_ref().map_or_else(
                    || "(web PKI roots only)".to_owned(),
                    |path| {
                        format!(
                            "{} ({} certificates)",
                            path.display(),
                            self.monitoring.extra_root_certs.len()
                        )
                    },
                ),
            ),
            ("SCHEDULER_ENABLED", self.monitoring.scheduler_enabled.to_string()),
            ("MONITOR_CONCURRENCY", self.monitoring.concurrency.to_string()),
            ("MONITOR_POLL_INTERVAL", format!("{:?}", self.monitoring.poll_interval)),
            ("RETENTION_DAYS", self.monitoring.retention_days.to_string()),
            ("LOG_FORMAT", format!("{:?}", self.log_format).to_lowercase()),
            ("RUST_LOG", self.log_filter.clone()),
        ]
    }
}

/// Keeps scheme, host, port and path of a URL; drops the password.
pub fn redact_url(raw: &str) -> String {
    match Url::parse(raw) {
        Ok(mut url) => {
            if url.password().is_some() {
                let _ = url.set_password(Some("redacted"));
            }
            url.to_string()
        }
        Err(_) => "[unparseable, redacted]".to_owned(),
    }
}
