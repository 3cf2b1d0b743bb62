//! The `server` binary: parses the command line and wires the library together.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use server::config::{ConfigProblems, DatabaseSettings, ProcessEnv, Settings};
use server::startup::{Application, shutdown_signal};
use server::{db, schema, telemetry};

#[derive(Parser)]
#[command(name = "server", version, about = "Beacon: uptime monitoring and status pages")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP server (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the effective configuration (secrets redacted) and every problem with it.
    CheckConfig,
    /// Create or promote a platform admin. The password comes from `BEACON_ADMIN_PASSWORD`, or
    /// the first line of standard input.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Platform admin")]
        name: String,
        /// The organization the admin logs in to (created if missing).
        #[arg(long, default_value = "ops")]
        tenant_slug: String,
    },
    /// Re-encrypt every stored channel secret with `SECRETS_KEY` (old values open with
    /// `SECRETS_KEY_PREVIOUS`); run after changing the key, then drop the previous one.
    RotateSecrets,
    /// Write the GraphQL schema (SDL).
    ExportSchema {
        /// Where to write it; `-` for standard output.
        #[arg(long, short, default_value = "schema.graphql")]
        output: PathBuf,
    },
}

/// Exit code for configuration problems, distinct from runtime failures (1).
const EXIT_CONFIG: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::ExportSchema { output } = &command {
        return export_schema(output);
    }
    load_dotenv();
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    runtime.block_on(async move {
        match command {
            Command::Serve => serve().await,
            Command::Migrate => migrate().await,
            Command::CheckConfig => check_config().await,
            Command::CreateAdmin { email, name, tenant_slug } => {
                create_admin(&email, &name, &tenant_slug).await
            }
            Command::RotateSecrets => rotate_secrets().await,
            Command::ExportSchema { .. } => unreachable!("handled above"),
        }
    })
}

/// In development a `.env` file fills in unset variables; production reads only the real
/// environment, so secrets never live in a file next to the code.
fn load_dotenv() {
    let production = std::env::var("APP_ENV").is_ok_and(|env| env.eq_ignore_ascii_case("production"));
    if !production {
        let _ = dotenvy::dotenv();
    }
}

/// Settings plus a reachability check of the database, so every problem is reported at once.
async fn load_settings() -> Result<Settings, ConfigProblems> {
    match Settings::from_env(&ProcessEnv) {
        Ok(settings) => Ok(settings),
        Err(mut problems) => {
            if std::env::var_os("DATABASE_URL").is_some()
                && !problems.0.iter().any(|p| p.variable.starts_with("DATABASE_"))
                && let Err(err) = probe_database().await
            {
                problems.push("DATABASE_URL", format!("database not reachable: {err:#}"));
            }
            Err(problems)
        }
    }
}

/// Connects with the database variables alone (they parsed: `DATABASE_URL` had no problem).
async fn probe_database() -> anyhow::Result<()> {
    let settings =
        DatabaseSettings::from_env(&ProcessEnv).map_err(|problems| anyhow::anyhow!("{problems}"))?;
    db::connect(&settings).await.map(drop)
}

async fn serve() -> ExitCode {
    let settings = match load_settings().await {
        Ok(settings) => settings,
        Err(problems) => {
            eprintln!("beacon: refusing to start: {problems}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    telemetry::init_logging(settings.log_format, &settings.log_filter);
    for warning in &settings.warnings {
        tracing::warn!("{warning}");
    }
    let friendly_url = settings.public_url.clone();
    let production = settings.is_production();
    let app = match Application::build(settings).await {
        Ok(app) => app,
        Err(err) => {
            tracing::error!(error = format!("{err:#}"), "startup failed");
            eprintln!("beacon: startup failed: {err:#}");
            return ExitCode::FAILURE;
        }
    };
    // Machine-readable lines (tests parse them) and the address a person opens.
    println!("beacon: public listener on http://{}", app.public_addr());
    println!("beacon: internal listener on http://{} (metrics, TLS ask; never expose)", app.internal_addr());
    if !production {
        let mut url = friendly_url;
        let _ = url.set_port(Some(app.public_addr().port()));
        println!("Beacon is running at {url}");
    }
    tracing::info!(public = %app.public_addr(), internal = %app.internal_addr(), "listening");
    match app.run_until_stopped(shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = format!("{err:#}"), "server failed");
            ExitCode::FAILURE
        }
    }
}

async fn rotate_secrets() -> ExitCode {
    let settings = match load_settings().await {
        Ok(settings) => settings,
        Err(problems) => {
            eprintln!("beacon: {problems}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    telemetry::init_logging(settings.log_format, &settings.log_filter);
    let secrets = server::auth::secret_box::SecretBox::new(
        &settings.secrets_key,
        settings.secrets_key_previous.as_ref(),
    );
    let result = async {
        let db = db::connect(&settings.database).await?;
        let resealed = server::alerting::channels::reseal_all(&db, &secrets).await?;
        db.close().await?;
        anyhow::Ok(resealed)
    }
    .await;
    match result {
        Ok(resealed) => {
            println!(
                "beacon: re-encrypted {resealed} secret(s) with SECRETS_KEY; SECRETS_KEY_PREVIOUS can be removed"
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("beacon: rotate-secrets failed: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn migrate() -> ExitCode {
    let settings = match load_settings().await {
        Ok(settings) => settings,
        Err(problems) => {
            eprintln!("beacon: {problems}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    telemetry::init_logging(settings.log_format, &settings.log_filter);
    let result = async {
        let db = db::connect(&settings.database).await?;
        db::migrate(&db).await?;
        db.close().await?;
        anyhow::Ok(())
    }
    .await;
    match result {
        Ok(()) => {
            println!("beacon: migrations are up to date");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("beacon: migrate failed: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn create_admin(email: &str, name: &str, tenant_slug: &str) -> ExitCode {
    let settings = match load_settings().await {
        Ok(settings) => settings,
        Err(problems) => {
            eprintln!("beacon: {problems}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    let password = match std::env::var("BEACON_ADMIN_PASSWORD") {
        Ok(password) => password,
        Err(_) => {
            let mut line = String::new();
            if std::io::stdin().read_line(&mut line).is_err() {
                eprintln!("beacon: give the password in BEACON_ADMIN_PASSWORD or on standard input");
                return ExitCode::FAILURE;
            }
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    let result = async {
        let db = db::connect(&settings.database).await?;
        if settings.database.run_migrations {
            db::migrate(&db).await?;
        }
        let links = server::kernel::Links::new(settings.public_url.clone(), settings.base_domain.clone());
        let outcome = match parse_admin(email, name, &password, tenant_slug) {
            Ok(admin) => server::accounts::admin::create_platform_admin(&db, &links, admin).await,
            Err(err) => Err(err),
        };
        db.close().await?;
        anyhow::Ok(outcome)
    }
    .await;
    match result {
        Ok(Ok(user_id)) => {
            println!(
                "beacon: {email} is a platform admin (user {user_id}); log in to organization {tenant_slug}"
            );
            ExitCode::SUCCESS
        }
        Ok(Err(server::kernel::ApiError::BadUserInput { fields })) => {
            for field in fields {
                eprintln!("beacon: {}: {}", field.field, field.message);
            }
            ExitCode::from(EXIT_CONFIG)
        }
        Ok(Err(server::kernel::ApiError::Conflict { field, message })) => {
            eprintln!("beacon: {field}: {message}");
            ExitCode::from(EXIT_CONFIG)
        }
        Ok(Err(err)) => {
            eprintln!("beacon: create-admin failed: {err}");
            ExitCode::FAILURE
        }
        Err(err) => {
            eprintln!("beacon: create-admin failed: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// The command line's admin, parsed like any input: every bad argument is named.
fn parse_admin(
    email: &str,
    name: &str,
    password: &str,
    slug: &str,
) -> Result<server::accounts::admin::NewAdmin, server::kernel::ApiError> {
    use server::accounts::domain::{EmailAddress, Password};
    let mut errors = server::kernel::FieldErrors::default();
    let email = errors.check("email", EmailAddress::parse(email));
    let password = errors.check("password", Password::parse(password));
    let name = errors.check("name", server::kernel::input::parse_name(name));
    let slug = errors.check("tenant-slug", server::tenancy::domain::Slug::parse_for_operator(slug));
    match (email, password, name, slug) {
        (Some(email), Some(password), Some(name), Some(slug)) => {
            Ok(server::accounts::admin::NewAdmin { email, password, name, slug })
        }
        _ => Err(errors.into_result().expect_err("a field failed to parse")),
    }
}

async fn check_config() -> ExitCode {
    match load_settings().await {
        Ok(settings) => {
            println!("effective configuration ({}):", settings.app_env.as_str());
            for (name, value) in settings.describe() {
                println!("  {name} = {value}");
            }
            for warning in &settings.warnings {
                println!("warning: {warning}");
            }
            match db::connect(&settings.database).await {
                Ok(db) => {
                    println!("database: reachable ({:?})", db.get_database_backend());
                    println!("configuration is valid");
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    println!(
                        "{}",
                        ConfigProblems(vec![server::config::ConfigProblem {
                            variable: "DATABASE_URL",
                            message: format!("database not reachable: {err:#}"),
                        }])
                    );
                    ExitCode::from(EXIT_CONFIG)
                }
            }
        }
        Err(problems) => {
            println!("{problems}");
            ExitCode::from(EXIT_CONFIG)
        }
    }
}

fn export_schema(output: &PathBuf) -> ExitCode {
    let sdl = schema::export_sdl();
    if output.as_os_str() == "-" {
        print!("{sdl}");
        return ExitCode::SUCCESS;
    }
    match std::fs::write(output, sdl) {
        Ok(()) => {
            eprintln!("beacon: wrote {}", output.display());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("beacon: cannot write {}: {err}", output.display());
            ExitCode::FAILURE
        }
    }
}
