//! Stricter limits for login, signup, password reset and verification: per client IP *and* per
//! account. Checked inside the resolvers, so aliases and batches count once per attempt.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::kernel::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    LogIn,
    SignUp,
    PasswordReset,
    Verification,
}

#[derive(Clone)]
pub struct AuthLimits {
    per_ip: Arc<DefaultKeyedRateLimiter<(Action, IpAddr)>>,
    per_account: Arc<DefaultKeyedRateLimiter<(Action, String)>>,
}

impl Default for AuthLimits {
    fn default() -> Self {
        // Per IP: a burst of 20, then one every 6 s. Per account: 5, then one a minute.
        let per_ip = Quota::with_period(Duration::from_secs(6)).expect("non-zero").allow_burst(nz(20));
        let per_account = Quota::with_period(Duration::from_secs(60)).expect("non-zero").allow_burst(nz(5));
        Self {
            per_ip: Arc::new(RateLimiter::keyed(per_ip)),
            per_account: Arc::new(RateLimiter::keyed(per_account)),
        }
    }
}

fn nz(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).expect("non-zero")
}

impl AuthLimits {
    /// Counts one attempt; `RATE_LIMITED` once either budget is spent.
    pub fn check(&self, action: Action, ip: IpAddr, account: Option<&str>) -> Result<(), ApiError> {
        let clock = governor::clock::DefaultClock::default();
        let retry = |not_until: governor::NotUntil<governor::clock::QuantaInstant>| {
            use governor::clock::Clock;
            ApiError::RateLimited { retry_after_secs: not_until.wait_time_from(clock.now()).as_secs().max(1) }
        };
        self.per_ip.check_key(&(action, ip)).map_err(retry)?;
        if let Some(account) = account {
            self.per_account.check_key(&(action, account.to_lowercase())).map_err(retry)?;
        }
        metrics::counter!("auth_attempts_total", "action" => format!("{action:?}")).increment(1);
        Ok(())
    }

    /// Drops idle keys so memory stays bounded.
    pub fn retain_recent(&self) {
        self.per_ip.retain_recent();
        self.per_account.retain_recent();
        self.per_ip.shrink_to_fit();
        self.per_account.shrink_to_fit();
    }
}
