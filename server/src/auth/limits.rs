//! Stricter limits for login, signup, password reset, verification and status-page subscriptions:
//! per client IP *and* per account (address). Checked inside the resolvers, so aliases and batches count once per attempt.

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
    /// A visitor subscribing to a status page (per address: the confirmations it is sent).
    Subscribe,
    /// A visitor opening a restricted status page (a password guess, or a link mailed).
    PageAccess,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::LogIn => "log_in",
            Action::SignUp => "sign_up",
            Action::PasswordReset => "password_reset",
            Action::Verification => "verification",
            Action::Subscribe => "subscribe",
            Action::PageAccess => "page_access",
        }
    }
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

/// Whether the limiter has room for another key (after dropping idle ones). When a flood of
/// distinct keys fills it, attempts are refused until keys expire: bounded memory first.
fn has_room<K: Clone + Eq + std::hash::Hash>(limiter: &DefaultKeyedRateLimiter<K>) -> bool {
    if limiter.len() < MAX_TRACKED_KEYS {
        return true;
    }
    limiter.retain_recent();
    limiter.len() < MAX_TRACKED_KEYS
}

/// The unit a client IP is limited as: the address for IPv4, its /64 for IPv6 (one subscriber's
/// allocation, so rotating through it does not buy new budgets).
pub fn network_of(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => {
            let mut segments = v6.segments();
            segments[4..].fill(0);
            IpAddr::V6(segments.into())
        }
    }
}

fn nz(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).expect("non-zero")
}

/// Keys each limiter may track (about 30 MB at most); past it, idle ones are dropped early and,
/// if that is not enough, attempts are refused until keys expire.
const MAX_TRACKED_KEYS: usize = 100_000;
/// Longer account keys are cut: an email address has at most 254 characters.
const MAX_ACCOUNT_KEY_LEN: usize = 254;

impl AuthLimits {
    /// Counts one attempt; `RATE_LIMITED` once either budget is spent. `account` must be the
    /// normalised account (the parsed email address the service uses), so spellings of one
    /// address share one budget.
    pub fn check(&self, action: Action, ip: IpAddr, account: Option<&str>) -> Result<(), ApiError> {
        let clock = governor::clock::DefaultClock::default();
        let retry = |not_until: governor::NotUntil<governor::clock::QuantaInstant>| {
            use governor::clock::Clock;
            ApiError::RateLimited { retry_after_secs: not_until.wait_time_from(clock.now()).as_secs().max(1) }
        };
        let ip_key = (action, network_of(ip));
        if !has_room(&self.per_ip) {
            return Err(ApiError::RateLimited { retry_after_secs: 60 });
        }
        self.per_ip.check_key(&ip_key).map_err(retry)?;
        if let Some(account) = account {
            let account_key = (action, account.chars().take(MAX_ACCOUNT_KEY_LEN).collect::<String>());
            if !has_room(&self.per_account) {
                return Err(ApiError::RateLimited { retry_after_secs: 60 });
            }
            self.per_account.check_key(&account_key).map_err(retry)?;
        }
        metrics::counter!("auth_attempts_total", "action" => action.as_str()).increment(1);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_are_limited_per_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff:ffff:ffff:ffff".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(network_of(a), network_of(b));
        assert_ne!(network_of(a), network_of(other));
        let v4: IpAddr = "203.0.113.9".parse().unwrap();
        assert_eq!(network_of(v4), v4);
    }

    #[test]
    fn one_account_one_budget() {
        let limits = AuthLimits::default();
        let ip = |n: u8| IpAddr::from([198, 51, 100, n]);
        for n in 0..5 {
            assert!(limits.check(Action::LogIn, ip(n), Some("ann@acme.io")).is_ok());
        }
        assert!(matches!(
            limits.check(Action::LogIn, ip(9), Some("ann@acme.io")),
            Err(ApiError::RateLimited { .. })
        ));
        let long = "x".repeat(10_000);
        assert!(
            limits.check(Action::LogIn, ip(10), Some(&long)).is_ok(),
            "over-long keys are cut, not refused"
        );
    }
}
