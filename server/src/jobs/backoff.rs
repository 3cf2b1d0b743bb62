//! Retry delays: exponential with jitter, so a burst of failures does not retry in lockstep.

use std::time::Duration;

/// `base * 2^(attempt-1)`, capped at `max`, then ±20 % jitter.
pub fn backoff(attempt: u32, base: Duration, max: Duration) -> Duration {
    let exponent = attempt.saturating_sub(1).min(30);
    let delay = base.saturating_mul(1u32 << exponent).min(max);
    let jitter = rand::random_range(0.8..1.2);
    delay.mul_f64(jitter)
}

#[cfg(test)]
mod tests {
    use super::backoff;
    use std::time::Duration;

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let base = Duration::from_secs(10);
        let max = Duration::from_secs(300);
        for (attempt, expected) in [(1, 10.0), (2, 20.0), (3, 40.0), (5, 160.0), (6, 300.0), (20, 300.0)] {
            for _ in 0..50 {
                let secs = backoff(attempt, base, max).as_secs_f64();
                assert!(
                    secs >= expected * 0.8 - 1e-9 && secs <= expected * 1.2 + 1e-9,
                    "attempt {attempt}: {secs}"
                );
            }
        }
    }
}
