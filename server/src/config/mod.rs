//! One typed settings tree, loaded once from the environment and validated before any listener
//! binds (DESIGN §9).
//!
//! Loading never stops at the first bad variable: every problem is collected into
//! [`ConfigProblems`] so an operator fixes them all in one go. Secrets are [`SecretString`]s and
//! never print; `check-config` shows them as `[redacted]`.

mod describe;
mod dev_secrets;
mod env;
mod production;
mod settings;

pub use describe::redact_url;
pub use env::{EnvSource, ProcessEnv};
pub use settings::{
    AppEnv, DatabaseSettings, GraphqlLimits, HttpSettings, LogFormat, MailSettings, MonitoringSettings,
    Settings,
};

use std::fmt;

/// One thing wrong with the configuration, naming the variable to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub variable: &'static str,
    pub message: String,
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.variable, self.message)
    }
}

/// Every problem found, in the order the variables were read.
#[derive(Debug, Clone, Default)]
pub struct ConfigProblems(pub Vec<ConfigProblem>);

impl ConfigProblems {
    pub fn push(&mut self, variable: &'static str, message: impl Into<String>) {
        self.0.push(ConfigProblem { variable, message: message.into() });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for ConfigProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "configuration has {} problem(s):", self.0.len())?;
        for problem in &self.0 {
            writeln!(f, "  - {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigProblems {}
