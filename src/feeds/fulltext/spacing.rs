//! Politeness between page requests to one host: the pool lets one request per host run at a
//! time, and [`Spacing`] makes the next one wait until a delay has passed since the last ended.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// When each host's last request ended, shared by the pool's workers.
#[derive(Debug)]
pub struct Spacing {
    delay: Duration,
    ended: Mutex<HashMap<String, Instant>>,
}

impl Spacing {
    pub fn new(delay: Duration) -> Spacing {
        Spacing {
            delay,
            ended: Mutex::new(HashMap::new()),
        }
    }

    /// Runs `request` to `host` once `delay` has passed since the last one to it ended. Callers
    /// run one request per host at a time (the pool's per-host limit of 1), so none overlap.
    pub fn around<T>(&self, host: &str, request: impl FnOnce() -> T) -> T {
        if let Some(wait) = self.wait(host, Instant::now()) {
            std::thread::sleep(wait);
        }
        let out = request();
        self.lock().insert(host.to_string(), Instant::now());
        out
    }

    /// How long a request to `host` starting at `now` must wait.
    fn wait(&self, host: &str, now: Instant) -> Option<Duration> {
        let ended = *self.lock().get(host)?;
        let ready = ended + self.delay;
        (ready > now).then(|| ready - now)
    }

    /// A poisoned lock only means a worker panicked between two plain map operations.
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Instant>> {
        self.ended.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_host_waits_and_another_does_not() {
        let spacing = Spacing::new(Duration::from_millis(150));
        let start = Instant::now();
        spacing.around("a.example", || ());
        assert_eq!(spacing.wait("b.example", Instant::now()), None);
        assert!(spacing.wait("a.example", Instant::now()).is_some());
        spacing.around("b.example", || ());
        assert!(
            start.elapsed() < Duration::from_millis(150),
            "b did not wait"
        );
        spacing.around("a.example", || ());
        assert!(start.elapsed() >= Duration::from_millis(150), "a waited");
        let later = Instant::now() + Duration::from_secs(1);
        assert_eq!(spacing.wait("a.example", later), None);
    }
}
