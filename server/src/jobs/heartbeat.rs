//! Liveness of background loops, for `/health/ready`: each loop beats when it finishes a round;
//! readiness fails when one has made no progress for longer than it is allowed.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// When a loop last made progress.
#[derive(Clone)]
pub struct Heartbeat {
    started: Instant,
    /// Milliseconds since `started` of the last beat; negative before the first.
    last_ms: Arc<AtomicI64>,
}

impl Default for Heartbeat {
    fn default() -> Self {
        Self { started: Instant::now(), last_ms: Arc::new(AtomicI64::new(-1)) }
    }
}

impl Heartbeat {
    pub fn beat(&self) {
        self.last_ms.store(self.started.elapsed().as_millis() as i64, Ordering::Relaxed);
    }

    /// Time since the last beat; `None` before the first.
    pub fn age(&self) -> Option<Duration> {
        let last = self.last_ms.load(Ordering::Relaxed);
        (last >= 0).then(|| self.started.elapsed().saturating_sub(Duration::from_millis(last as u64)))
    }
}

/// A loop readiness watches.
struct Watched {
    name: &'static str,
    heartbeat: Heartbeat,
    allowed_silence: Duration,
}

/// The loops readiness watches, each with how long it may stay silent.
#[derive(Clone, Default)]
pub struct Heartbeats(Arc<Mutex<Vec<Watched>>>);

impl Heartbeats {
    pub fn register(&self, name: &'static str, allowed_silence: Duration) -> Heartbeat {
        let heartbeat = Heartbeat::default();
        let watched = Watched { name, heartbeat: heartbeat.clone(), allowed_silence };
        self.0.lock().expect("heartbeats lock").push(watched);
        heartbeat
    }

    /// `(name, age of the last beat, allowed silence)` for each registered loop.
    pub fn snapshot(&self) -> Vec<(&'static str, Option<Duration>, Duration)> {
        let loops = self.0.lock().expect("heartbeats lock");
        loops.iter().map(|watched| (watched.name, watched.heartbeat.age(), watched.allowed_silence)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_beat_resets_the_age() {
        let beats = Heartbeats::default();
        let heartbeat = beats.register("worker", Duration::from_secs(5));
        assert_eq!(beats.snapshot()[0].1, None, "no beat yet");
        heartbeat.beat();
        let (name, age, allowed) = beats.snapshot()[0];
        assert_eq!((name, allowed), ("worker", Duration::from_secs(5)));
        assert!(age.unwrap() < Duration::from_secs(1));
    }
}
