//! Reading variables: typed parsers that record a problem naming the variable instead of failing.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use super::ConfigProblems;

/// Where variables come from: the process environment in production, a map in unit tests.
pub trait EnvSource {
    fn get(&self, name: &str) -> Option<String>;
}

/// The process environment (after the optional `.env` file was loaded into it).
pub struct ProcessEnv;

impl EnvSource for ProcessEnv {
    fn get(&self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }
}

impl EnvSource for HashMap<&str, &str> {
    fn get(&self, name: &str) -> Option<String> {
        HashMap::get(self, name).map(|value| value.to_string())
    }
}

impl EnvSource for HashMap<String, String> {
    fn get(&self, name: &str) -> Option<String> {
        HashMap::get(self, name).cloned()
    }
}

/// A reader that collects every problem it meets.
pub struct EnvReader<'a> {
    source: &'a dyn EnvSource,
    pub problems: ConfigProblems,
}

impl<'a> EnvReader<'a> {
    pub fn new(source: &'a dyn EnvSource) -> Self {
        Self { source, problems: ConfigProblems::default() }
    }

    /// The raw value, with surrounding whitespace removed; an empty value counts as unset.
    pub fn raw(&self, name: &str) -> Option<String> {
        self.source.get(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
    }

    /// Parses `name` with `FromStr`, or returns `default` when unset.
    pub fn parse_or<T>(&mut self, name: &'static str, default: T) -> T
    where
        T: FromStr,
        T::Err: std::fmt::Display,
    {
        match self.raw(name) {
            None => default,
            Some(value) => value.parse().unwrap_or_else(|err| {
                self.problems.push(name, format!("cannot parse {value:?}: {err}"));
                default
            }),
        }
    }

    /// A duration written as seconds (`30`), or with units (`500ms`, `30s`, `5m`, `1h 30m`).
    pub fn duration_or(&mut self, name: &'static str, default: Duration) -> Duration {
        match self.raw(name) {
            None => default,
            Some(value) => parse_duration(&value).unwrap_or_else(|| {
                self.problems.push(name, format!("cannot parse {value:?}: expected e.g. 30s, 500ms or 5m"));
                default
            }),
        }
    }

    pub fn bool_or(&mut self, name: &'static str, default: bool) -> bool {
        match self.raw(name).map(|v| v.to_ascii_lowercase()) {
            None => default,
            Some(v) if matches!(v.as_str(), "1" | "true" | "yes" | "on") => true,
            Some(v) if matches!(v.as_str(), "0" | "false" | "no" | "off") => false,
            Some(v) => {
                self.problems.push(name, format!("cannot parse {v:?}: expected true or false"));
                default
            }
        }
    }

    /// A comma-separated list, each item parsed.
    pub fn list<T>(&mut self, name: &'static str) -> Option<Vec<T>>
    where
        T: FromStr,
        T::Err: std::fmt::Display,
    {
        let value = self.raw(name)?;
        let mut items = Vec::new();
        for item in value.split(',').map(str::trim).filter(|item| !item.is_empty()) {
            match item.parse() {
                Ok(parsed) => items.push(parsed),
                Err(err) => self.problems.push(name, format!("cannot parse item {item:?}: {err}")),
            }
        }
        Some(items)
    }
}

/// Bare seconds (`30`), or anything `humantime` reads (`500ms`, `30s`, `5m`, `1h 30m`).
pub fn parse_duration(value: &str) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return value.parse().ok().map(Duration::from_secs);
    }
    humantime::parse_duration(value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_accept_units_and_bare_seconds() {
        assert_eq!(parse_duration("30"), Some(Duration::from_secs(30)));
        assert_eq!(parse_duration("500ms"), Some(Duration::from_millis(500)));
        assert_eq!(parse_duration("5m"), Some(Duration::from_secs(300)));
        assert_eq!(parse_duration("1h"), Some(Duration::from_secs(3600)));
        assert_eq!(parse_duration("1h 30m"), Some(Duration::from_secs(5400)));
        assert_eq!(parse_duration("1.5s"), Some(Duration::from_millis(1500)));
        for bad in ["", "s", "5 fortnights", "-1s", "30 parsecs"] {
            assert_eq!(parse_duration(bad), None, "{bad:?} should not parse");
        }
    }
}
