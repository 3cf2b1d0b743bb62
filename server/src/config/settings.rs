//! The settings tree and how it is read from the environment.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use ipnet::IpNet;
use secrecy::{ExposeSecret, SecretString};
use url::Url;

use super::env::EnvReader;
use super::{ConfigProblems, EnvSource, dev_secrets, production};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppEnv {
    Development,
    Production,
}

impl AppEnv {
    pub fn as_str(self) -> &'static str {
        match self {
            AppEnv::Development => "development",
            AppEnv::Production => "production",
        }
    }
}

impl std::str::FromStr for AppEnv {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "development" | "dev" => Ok(AppEnv::Development),
            "production" | "prod" => Ok(AppEnv::Production),
            _ => Err("expected development or production".into()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Json,
    Compact,
}

impl std::str::FromStr for LogFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "json" => Ok(LogFormat::Json),
            "compact" | "text" => Ok(LogFormat::Compact),
            _ => Err("expected json or compact".into()),
        }
    }
}

#[derive(Debug, Clone)]
pub struct DatabaseSettings {
    /// May carry a password: a secret.
    pub url: SecretString,
    pub max_connections: u32,
    pub min_connections: u32,
    pub connect_timeout: Duration,
    pub acquire_timeout: Duration,
    pub idle_timeout: Duration,
    /// PostgreSQL `statement_timeout` for every pooled connection.
    pub statement_timeout: Duration,
    /// SQLite `busy_timeout`.
    pub sqlite_busy_timeout: Duration,
    pub run_migrations: bool,
}

impl DatabaseSettings {
    /// Only the database variables: used to probe the database even when other settings are
    /// wrong, so `check-config` reports every problem at once.
    pub fn from_env(source: &dyn EnvSource) -> Result<Self, ConfigProblems> {
        let mut env = EnvReader::new(source);
        let data_dir: PathBuf = env.parse_or("DATA_DIR", PathBuf::from("data"));
        let settings = Self::read(&mut env, &data_dir);
        if env.problems.is_empty() { Ok(settings) } else { Err(env.problems) }
    }

    fn read(env: &mut EnvReader<'_>, data_dir: &std::path::Path) -> Self {
        let database_url = env.raw("DATABASE_URL");
        if let Some(url) = &database_url
            && !(url.starts_with("sqlite:")
                || url.starts_with("postgres://")
                || url.starts_with("postgresql://"))
        {
            env.problems.push("DATABASE_URL", "must start with sqlite:, postgres:// or postgresql://");
        }
        let database = DatabaseSettings {
            url: SecretString::from(
                database_url
                    .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", data_dir.join("beacon.db").display())),
            ),
            max_connections: env.parse_or("DATABASE_MAX_CONNECTIONS", 10),
            min_connections: env.parse_or("DATABASE_MIN_CONNECTIONS", 0),
            connect_timeout: env.duration_or("DATABASE_CONNECT_TIMEOUT", Duration::from_secs(5)),
            acquire_timeout: env.duration_or("DATABASE_ACQUIRE_TIMEOUT", Duration::from_secs(5)),
            idle_timeout: env.duration_or("DATABASE_IDLE_TIMEOUT", Duration::from_secs(600)),
            statement_timeout: env.duration_or("DATABASE_STATEMENT_TIMEOUT", Duration::from_secs(30)),
            sqlite_busy_timeout: env.duration_or("SQLITE_BUSY_TIMEOUT", Duration::from_secs(5)),
            run_migrations: env.bool_or("RUN_MIGRATIONS", true),
        };
        if database.max_connections == 0 || database.min_connections > database.max_connections {
            env.problems.push(
                "DATABASE_MAX_CONNECTIONS",
                "must be at least 1 and not below DATABASE_MIN_CONNECTIONS",
            );
        }
        database
    }

    pub fn is_sqlite(&self) -> bool {
        self.url.expose_secret().starts_with("sqlite:")
    }
}

#[derive(Debug, Clone)]
pub struct HttpSettings {
    pub body_limit_bytes: usize,
    pub request_timeout: Duration,
    /// How long a graceful shutdown waits for in-flight requests before giving up.
    pub shutdown_timeout: Duration,
    /// Origins (scheme://host[:port]) other than the app's own that may call the API.
    pub cors_allowed_origins: Vec<String>,
    /// Peers whose `X-Forwarded-For` is believed; empty means none.
    pub trusted_proxies: Vec<IpNet>,
    /// One API request per client IP is replenished every interval (50ms = 20 per second).
    pub rate_limit_interval: Duration,
    /// Requests a client IP may make at once before the sustained rate applies.
    pub rate_limit_burst: u32,
}

/// The outbox worker and its transport (DESIGN §7).
#[derive(Debug, Clone)]
pub struct MailSettings {
    /// `None`: development writes `.eml` files under `DATA_DIR/mail` instead of sending.
    pub smtp_url: Option<SecretString>,
    /// The `From:` mailbox, e.g. `Beacon <noreply@beacon.example>`.
    pub from: String,
    pub max_attempts: u32,
    /// First retry delay; doubled per attempt (with jitter) up to `retry_max`.
    pub retry_base: Duration,
    pub retry_max: Duration,
    /// Fallback poll when nothing wakes the worker (other processes' enqueues).
    pub poll_interval: Duration,
    /// How long a claimed message stays claimed before another worker may retry it.
    pub lease: Duration,
    pub send_timeout: Duration,
    pub concurrency: usize,
}

/// The monitoring engine (DESIGN §6).
#[derive(Debug, Clone)]
pub struct MonitoringSettings {
    /// Lifts the SSRF guard: monitors may reach loopback and private addresses (tests, LANs).
    pub allow_private_targets: bool,
    /// DNS servers the checks resolve with; empty means the system's (`/etc/resolv.conf`).
    pub dns_servers: Vec<SocketAddr>,
    /// `CHECK_CA_FILE`: a PEM file of extra CA certificates that HTTPS and TLS checks trust on
    /// top of the web PKI (a private CA on a LAN; tests). Read once at start-up.
    pub ca_file: Option<PathBuf>,
    /// The certificates of `ca_file`, DER.
    pub extra_root_certs: Vec<Vec<u8>>,
    /// Whether this process runs the scheduler (several may, on one PostgreSQL database).
    pub scheduler_enabled: bool,
    pub concurrency: usize,
    pub poll_interval: Duration,
    /// Days raw check results are kept (hourly rollups are kept 400 days).
    pub retention_days: u32,
}

#[derive(Debug, Clone, Copy)]
pub struct GraphqlLimits {
    pub max_depth: usize,
    pub max_complexity: usize,
    pub max_batch: usize,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub app_env: AppEnv,
    pub listen_addr: SocketAddr,
    pub internal_addr: SocketAddr,
    pub public_url: Url,
    pub base_domain: String,
    pub data_dir: PathBuf,
    pub spa_dir: PathBuf,
    pub database: DatabaseSettings,
    pub jwt_secret: SecretString,
    /// Encrypts alert channels' secrets at rest (`SECRETS_KEY`); `SECRETS_KEY_PREVIOUS` still
    /// decrypts during a rotation (`server rotate-secrets` re-encrypts with the current key).
    pub secrets_key: SecretString,
    pub secrets_key_previous: Option<SecretString>,
    pub mail: MailSettings,
    pub http: HttpSettings,
    pub graphql: GraphqlLimits,
    pub monitoring: MonitoringSettings,
    pub log_format: LogFormat,
    pub log_filter: String,
    /// Loud notes for the operator (generated dev secrets and the like), logged at start.
    pub warnings: Vec<String>,
}

impl Settings {
    /// Reads every variable, applies the profile's defaults and rules, and returns either the
    /// settings or every problem found.
    pub fn from_env(source: &dyn EnvSource) -> Result<Settings, ConfigProblems> {
        let mut env = EnvReader::new(source);
        let app_env = env.parse_or("APP_ENV", AppEnv::Development);
        let production = app_env == AppEnv::Production;
        let mut warnings = Vec::new();

        let listen_addr = env.parse_or("LISTEN_ADDR", SocketAddr::from(([127, 0, 0, 1], 8080)));
        let internal_addr = env.parse_or("INTERNAL_ADDR", SocketAddr::from(([127, 0, 0, 1], 9091)));
        let data_dir: PathBuf = env.parse_or("DATA_DIR", PathBuf::from("data"));
        let spa_dir: PathBuf = env.parse_or("SPA_DIR", PathBuf::from("frontend/dist"));

        let base_domain = env.raw("BASE_DOMAIN").map(|d| d.trim_end_matches('.').to_ascii_lowercase());
        let public_url = match env.raw("PUBLIC_URL") {
            Some(raw) => Url::parse(&raw)
                .map_err(|err| env.problems.push("PUBLIC_URL", format!("not a URL: {err}")))
                .ok(),
            None => None,
        };
        let dev_url = || Url::parse(&format!("http://localhost:{}", listen_addr.port())).expect("valid");

        let database_url = env.raw("DATABASE_URL");
        let database = DatabaseSettings::read(&mut env, &data_dir);

        let jwt_secret = match env.raw("JWT_SECRET") {
            Some(secret) => Some(secret),
            None if production => None,
            None => match dev_secrets::load_or_create(&data_dir, "JWT_SECRET") {
                Ok(secret) => {
                    warnings.push(format!(
                        "JWT_SECRET is not set: using a generated development secret stored in {} \
                         — never use this in production",
                        dev_secrets::path(&data_dir).display()
                    ));
                    Some(secret)
                }
                Err(err) => {
                    env.problems
                        .push("JWT_SECRET", format!("unset, and no dev secret could be stored: {err}"));
                    None
                }
            },
        };

        let secrets_key = match env.raw("SECRETS_KEY") {
            Some(key) => Some(key),
            None if production => None,
            None => match dev_secrets::load_or_create(&data_dir, "SECRETS_KEY") {
                Ok(key) => Some(key),
                Err(err) => {
                    env.problems
                        .push("SECRETS_KEY", format!("unset, and no dev secret could be stored: {err}"));
                    None
                }
            },
        };
        let secrets_key_previous = env.raw("SECRETS_KEY_PREVIOUS");
        if secrets_key_previous.as_ref().is_some_and(|key| key.len() < production::MIN_SECRET_LEN) {
            env.problems.push(
                "SECRETS_KEY_PREVIOUS",
                format!("must be at least {} characters", production::MIN_SECRET_LEN),
            );
        }

        let smtp_url = env.raw("SMTP_URL");
        if let Some(url) = &smtp_url {
            match Url::parse(url) {
                Ok(parsed) if matches!(parsed.scheme(), "smtp" | "smtps") => {}
                Ok(_) => env.problems.push("SMTP_URL", "scheme must be smtp:// or smtps://"),
                Err(err) => env.problems.push("SMTP_URL", format!("not a URL: {err}")),
            }
        }

        let default_from = format!("Beacon <noreply@{}>", base_domain.as_deref().unwrap_or("localhost"));
        let mail_from = env.raw("MAIL_FROM").unwrap_or(default_from);
        if mail_from.parse::<lettre::message::Mailbox>().is_err() {
            env.problems.push(
                "MAIL_FROM",
                format!("{mail_from:?} is not a mailbox like `Beacon <noreply@example.org>`"),
            );
        }
        let mail = MailSettings {
            smtp_url: smtp_url.clone().map(SecretString::from),
            from: mail_from,
            max_attempts: env.parse_or("MAIL_MAX_ATTEMPTS", 8),
            retry_base: env.duration_or("MAIL_RETRY_BASE", Duration::from_secs(30)),
            retry_max: env.duration_or("MAIL_RETRY_MAX", Duration::from_secs(3600)),
            poll_interval: env.duration_or("MAIL_POLL_INTERVAL", Duration::from_secs(2)),
            lease: env.duration_or("MAIL_LEASE", Duration::from_secs(120)),
            send_timeout: env.duration_or("MAIL_SEND_TIMEOUT", Duration::from_secs(30)),
            concurrency: env.parse_or("MAIL_CONCURRENCY", 4),
        };
        if !(1..=100).contains(&mail.max_attempts) {
            env.problems.push("MAIL_MAX_ATTEMPTS", "must be between 1 and 100");
        }
        if mail.concurrency == 0 {
            env.problems.push("MAIL_CONCURRENCY", "must be at least 1");
        }
        if mail.lease <= mail.send_timeout {
            env.problems.push(
                "MAIL_LEASE",
                "must be longer than MAIL_SEND_TIMEOUT, or a slow send would be retried twice",
            );
        }

        let trusted_proxies = match env.raw("TRUSTED_PROXIES").as_deref() {
            Some("none") => Some(Vec::new()),
            Some(_) => {
                env.list::<ProxyNet>("TRUSTED_PROXIES").map(|nets| nets.into_iter().map(|n| n.0).collect())
            }
            None => None,
        };
        let cors_allowed_origins = env.list::<Origin>("CORS_ALLOWED_ORIGINS").unwrap_or_default();

        let http = HttpSettings {
            body_limit_bytes: env.parse_or("HTTP_BODY_LIMIT_BYTES", 1024 * 1024),
            request_timeout: env.duration_or("HTTP_REQUEST_TIMEOUT", Duration::from_secs(30)),
            shutdown_timeout: env.duration_or("SHUTDOWN_TIMEOUT", Duration::from_secs(30)),
            cors_allowed_origins: cors_allowed_origins.into_iter().map(|o| o.0).collect(),
            trusted_proxies: trusted_proxies.clone().unwrap_or_default(),
            rate_limit_interval: env.duration_or("RATE_LIMIT_INTERVAL", Duration::from_millis(50)),
            rate_limit_burst: env.parse_or("RATE_LIMIT_BURST", 100),
        };
        if http.rate_limit_interval.is_zero() {
            env.problems.push("RATE_LIMIT_INTERVAL", "must be at least 1ms");
        }
        if http.rate_limit_burst == 0 {
            env.problems.push("RATE_LIMIT_BURST", "must be at least 1");
        }
        let graphql = GraphqlLimits {
            max_depth: env.parse_or("GRAPHQL_MAX_DEPTH", 12),
            max_complexity: env.parse_or("GRAPHQL_MAX_COMPLEXITY", 1000),
            max_batch: env.parse_or("GRAPHQL_MAX_BATCH", 10),
        };
        let mut monitoring = MonitoringSettings {
            allow_private_targets: env.bool_or("ALLOW_PRIVATE_TARGETS", false),
            dns_servers: env.list::<SocketAddr>("CHECK_DNS_SERVERS").unwrap_or_default(),
            ca_file: env.raw("CHECK_CA_FILE").filter(|path| !path.trim().is_empty()).map(PathBuf::from),
            extra_root_certs: Vec::new(),
            scheduler_enabled: env.bool_or("SCHEDULER_ENABLED", true),
            concurrency: env.parse_or("MONITOR_CONCURRENCY", 256),
            poll_interval: env.duration_or("MONITOR_POLL_INTERVAL", Duration::from_millis(500)),
            retention_days: env.parse_or("RETENTION_DAYS", 30),
        };
        if let Some(path) = &monitoring.ca_file {
            match read_ca_file(path) {
                Ok(certs) => monitoring.extra_root_certs = certs,
                Err(problem) => env.problems.push("CHECK_CA_FILE", problem),
            }
        }
        if !(1..=3650).contains(&monitoring.retention_days) {
            env.problems.push("RETENTION_DAYS", "must be between 1 and 3650");
        }
        if monitoring.concurrency == 0 {
            env.problems.push("MONITOR_CONCURRENCY", "must be at least 1");
        }
        let log_format =
            env.parse_or("LOG_FORMAT", if production { LogFormat::Json } else { LogFormat::Compact });
        let log_filter = env
            .raw("RUST_LOG")
            .unwrap_or_else(|| "info,sqlx=warn,sea_orm=warn,sea_orm_migration=warn".to_owned());

        if production {
            production::check(
                &mut env.problems,
                production::Inputs {
                    jwt_secret: jwt_secret.as_deref(),
                    secrets_key: secrets_key.as_deref(),
                    database_url: database_url.as_deref(),
                    base_domain: base_domain.as_deref(),
                    public_url: public_url.as_ref(),
                    smtp_url: smtp_url.as_deref(),
                    trusted_proxies_set: trusted_proxies.is_some(),
                },
            );
        }

        if !env.problems.is_empty() {
            return Err(env.problems);
        }
        Ok(Settings {
            app_env,
            listen_addr,
            internal_addr,
            public_url: public_url.unwrap_or_else(dev_url),
            base_domain: base_domain.unwrap_or_else(|| "localhost".to_owned()),
            data_dir,
            spa_dir,
            database,
            jwt_secret: SecretString::from(jwt_secret.unwrap_or_default()),
            secrets_key: SecretString::from(secrets_key.unwrap_or_default()),
            secrets_key_previous: secrets_key_previous.map(SecretString::from),
            mail,
            http,
            graphql,
            monitoring,
            log_format,
            log_filter,
            warnings,
        })
    }

    pub fn is_production(&self) -> bool {
        self.app_env == AppEnv::Production
    }
}

/// An IP address or CIDR network in `TRUSTED_PROXIES`.
struct ProxyNet(IpNet);

impl std::str::FromStr for ProxyNet {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse::<IpNet>()
            .or_else(|_| s.parse::<std::net::IpAddr>().map(IpNet::from))
            .map(ProxyNet)
            .map_err(|_| "expected an IP address or CIDR network".to_owned())
    }
}

/// A browser origin in `CORS_ALLOWED_ORIGINS`: `scheme://host[:port]`, nothing else.
struct Origin(String);

impl std::str::FromStr for Origin {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let url = Url::parse(s).map_err(|err| err.to_string())?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err("expected http(s)://host[:port]".into());
        }
        if url.path() != "/" || url.query().is_some() || !url.username().is_empty() {
            return Err("an origin has no path, query or credentials".into());
        }
        Ok(Origin(url.origin().ascii_serialization()))
    }
}

/// The certificates of a PEM file, DER-encoded; at least one.
fn read_ca_file(path: &std::path::Path) -> Result<Vec<Vec<u8>>, String> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|err| format!("cannot read {}: {err}", path.display()))?
        .map(|cert| cert.map(|cert| cert.to_vec()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| format!("{} is not a PEM certificate file: {err}", path.display()))?;
    if certs.is_empty() {
        return Err(format!("{} holds no PEM certificate", path.display()));
    }
    Ok(certs)
}
