//! How often a monitor is checked, how many results it takes to change its state (in a row, or
//! within a window), how many changes make it flapping, and how slow a response makes it
//! degraded. The same limits are CHECK
//! constraints on `monitors` (migrations `create_monitoring`, `flapping_and_escalation`).

use crate::kernel::FieldErrors;

pub const MIN_INTERVAL: i32 = 10;
pub const MAX_INTERVAL: i32 = 86_400;
pub const MAX_TIMEOUT: i32 = 60;
pub const MAX_THRESHOLD: i32 = 10;
pub const MIN_FAILURE_WINDOW: i32 = 60;
pub const MAX_FLAP_THRESHOLD: i32 = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    pub interval_seconds: i32,
    pub timeout_seconds: i32,
    pub retry_interval_seconds: i32,
    pub failure_threshold: i32,
    pub recovery_threshold: i32,
    /// 0: `failure_threshold` counts consecutive failures; otherwise failures within this many
    /// seconds ("3 failures within 10 minutes"), without quick re-checks.
    pub failure_window_seconds: i32,
    /// State changes within `flap_window_seconds` that make the monitor flapping; 0: off.
    pub flap_threshold: i32,
    pub flap_window_seconds: i32,
    /// A healthy result slower than this many milliseconds counts as degraded; 0: off.
    pub degraded_response_ms: i32,
}

/// Raw timing input; `None` takes the default (or, on update, the current value).
#[derive(Debug, Clone, Copy, Default)]
pub struct TimingInput {
    pub interval_seconds: Option<i32>,
    pub timeout_seconds: Option<i32>,
    pub retry_interval_seconds: Option<i32>,
    pub failure_threshold: Option<i32>,
    pub recovery_threshold: Option<i32>,
    pub failure_window_seconds: Option<i32>,
    pub flap_threshold: Option<i32>,
    pub flap_window_seconds: Option<i32>,
    pub degraded_response_ms: Option<i32>,
}

impl Default for Timing {
    fn default() -> Self {
        Self {
            interval_seconds: 60,
            timeout_seconds: 10,
            retry_interval_seconds: 20,
            failure_threshold: 2,
            recovery_threshold: 1,
            failure_window_seconds: 0,
            flap_threshold: 6,
            flap_window_seconds: 3600,
            degraded_response_ms: 0,
        }
    }
}

impl Timing {
    /// `input` over `base`; a timeout or retry interval not given is clamped to the interval.
    pub fn parse(base: Timing, input: TimingInput, errors: &mut FieldErrors) -> Option<Timing> {
        let interval = input.interval_seconds.unwrap_or(base.interval_seconds);
        let interval = errors.check("intervalSeconds", within(interval, MIN_INTERVAL, MAX_INTERVAL));
        let ceiling = interval.unwrap_or(MAX_INTERVAL);
        let timeout = match input.timeout_seconds {
            Some(timeout) => within(timeout, 1, MAX_TIMEOUT.min(ceiling)),
            None => Ok(base.timeout_seconds.min(ceiling)),
        };
        let retry = match input.retry_interval_seconds {
            Some(retry) => within(retry, MIN_INTERVAL, ceiling),
            None => Ok(base.retry_interval_seconds.clamp(MIN_INTERVAL, ceiling)),
        };
        let timeout = errors.check("timeoutSeconds", timeout);
        let retry = errors.check("retryIntervalSeconds", retry);
        let failure = errors.check(
            "failureThreshold",
            within(input.failure_threshold.unwrap_or(base.failure_threshold), 1, MAX_THRESHOLD),
        );
        let recovery = errors.check(
            "recoveryThreshold",
            within(input.recovery_threshold.unwrap_or(base.recovery_threshold), 1, MAX_THRESHOLD),
        );
        let window = input.failure_window_seconds.unwrap_or(base.failure_window_seconds);
        let window = match (window, interval, failure) {
            (0, _, _) => Ok(0),
            (window, Some(interval), Some(failure)) if window < interval.saturating_mul(failure - 1) => {
                Err(format!("too short to hold {failure} checks {interval} seconds apart"))
            }
            (window, _, _) => {
                within(window, MIN_FAILURE_WINDOW, MAX_INTERVAL).map_err(|e| format!("0 or {e}"))
            }
        };
        let window = errors.check("failureWindowSeconds", window);
        let flap = match input.flap_threshold.unwrap_or(base.flap_threshold) {
            0 => Ok(0),
            flap => within(flap, 3, MAX_FLAP_THRESHOLD).map_err(|e| format!("0 (off) or {e}")),
        };
        let flap = errors.check("flapThreshold", flap);
        let flap_window = errors.check(
            "flapWindowSeconds",
            within(input.flap_window_seconds.unwrap_or(base.flap_window_seconds), 300, MAX_INTERVAL),
        );
        // Up to the timeout: a slower response is a failure, not a degradation.
        let slow = match (input.degraded_response_ms.unwrap_or(base.degraded_response_ms), timeout) {
            (0, _) => Ok(0),
            (ms, Some(timeout)) => {
                within(ms, 1, timeout * 1000).map_err(|e| format!("0 (off) or {e} (the timeout)"))
            }
            (ms, None) => within(ms, 1, MAX_TIMEOUT * 1000).map_err(|e| format!("0 (off) or {e}")),
        };
        let slow = errors.check("degradedResponseMs", slow);
        Some(Timing {
            interval_seconds: interval?,
            timeout_seconds: timeout?,
            retry_interval_seconds: retry?,
            failure_threshold: failure?,
            recovery_threshold: recovery?,
            failure_window_seconds: window?,
            flap_threshold: flap?,
            flap_window_seconds: flap_window?,
            degraded_response_ms: slow?,
        })
    }
}

fn within(value: i32, min: i32, max: i32) -> Result<i32, String> {
    if (min..=max).contains(&value) { Ok(value) } else { Err(format!("must be between {min} and {max}")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_clamp_to_a_short_interval() {
        let mut errors = FieldErrors::default();
        let input = TimingInput { interval_seconds: Some(10), ..TimingInput::default() };
        let timing = Timing::parse(Timing::default(), input, &mut errors).unwrap();
        assert_eq!((timing.timeout_seconds, timing.retry_interval_seconds), (10, 10));
    }

    #[test]
    fn out_of_range_values_name_their_field() {
        let mut errors = FieldErrors::default();
        let input = TimingInput {
            interval_seconds: Some(5),
            timeout_seconds: Some(61),
            retry_interval_seconds: Some(1),
            failure_threshold: Some(0),
            recovery_threshold: Some(11),
            failure_window_seconds: Some(30),
            flap_threshold: Some(1),
            flap_window_seconds: Some(60),
            degraded_response_ms: Some(-5),
        };
        assert!(Timing::parse(Timing::default(), input, &mut errors).is_none());
        let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "intervalSeconds",
                "timeoutSeconds",
                "retryIntervalSeconds",
                "failureThreshold",
                "recoveryThreshold",
                "failureWindowSeconds",
                "flapThreshold",
                "flapWindowSeconds",
                "degradedResponseMs"
            ]
        );
    }

    #[test]
    fn a_timeout_longer_than_the_interval_is_refused() {
        let mut errors = FieldErrors::default();
        let input =
            TimingInput { interval_seconds: Some(20), timeout_seconds: Some(30), ..TimingInput::default() };
        assert!(Timing::parse(Timing::default(), input, &mut errors).is_none());
        assert_eq!(errors.0[0].field, "timeoutSeconds");
    }
}
