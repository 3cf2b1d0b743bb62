//! Cron expressions read in a time zone: the starts of recurring maintenance windows and the
//! expected runs of cron heartbeats. Five fields (minute hour day-of-month month day-of-week),
//! parsed by `croner`, times zoned by `chrono-tz` so a daily 02:00 job stays at 02:00 local
//! time across daylight-saving changes.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use croner::Cron;

pub fn parse_cron(raw: &str) -> Result<Cron, String> {
    let raw = raw.trim();
    if raw.split_whitespace().count() != 5 {
        return Err("must have five fields: minute hour day-of-month month day-of-week".into());
    }
    Cron::from_str(raw).map_err(|err| format!("is not a cron expression: {err}"))
}

pub fn parse_time_zone(raw: &str) -> Result<Tz, String> {
    Tz::from_str(raw.trim()).map_err(|_| "must be an IANA time zone such as Europe/Berlin or UTC".into())
}

/// A parsed expression with its zone.
#[derive(Debug, Clone)]
pub struct CronSchedule {
    cron: Box<Cron>,
    time_zone: Tz,
}

impl CronSchedule {
    pub fn parse(expression: &str, time_zone: &str) -> Result<Self, String> {
        Ok(Self { cron: Box::new(parse_cron(expression)?), time_zone: parse_time_zone(time_zone)? })
    }

    /// The first run strictly after `at`.
    pub fn next_after(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.cron
            .find_next_occurrence(&at.with_timezone(&self.time_zone), false)
            .ok()
            .map(|next| next.with_timezone(&Utc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_planned_in_local_time_across_daylight_saving() {
        let daily = CronSchedule::parse("0 2 * * *", "Europe/Berlin").unwrap();
        // Winter: 02:00 in Berlin is 01:00 UTC; summer: 00:00 UTC.
        let winter = daily.next_after("2026-01-10T12:00:00Z".parse().unwrap()).unwrap();
        assert_eq!(winter.to_rfc3339(), "2026-01-11T01:00:00+00:00");
        let summer = daily.next_after("2026-07-10T12:00:00Z".parse().unwrap()).unwrap();
        assert_eq!(summer.to_rfc3339(), "2026-07-11T00:00:00+00:00");
    }

    #[test]
    fn bad_expressions_and_zones_are_refused() {
        assert!(CronSchedule::parse("* * *", "UTC").is_err());
        assert!(CronSchedule::parse("61 * * * *", "UTC").is_err());
        assert!(CronSchedule::parse("0 * * * *", "Mars/Olympus").is_err());
    }
}
