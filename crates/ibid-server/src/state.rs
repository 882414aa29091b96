//! Shared state: the settings, the parser, and the parsing slots.

use crate::config::ServerConfig;
use crate::error::ApiError;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// What every handler shares (cheap to clone).
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    config: ServerConfig,
    slots: Arc<Semaphore>,
    waiting: Arc<Semaphore>,
    parser: ibid::Parser<'static>,
    page: String,
}

impl AppState {
    /// State for a configuration, with the embedded model.
    pub fn new(config: ServerConfig) -> Self {
        let slots = Arc::new(Semaphore::new(
            config.max_concurrent.clamp(1, Semaphore::MAX_PERMITS),
        ));
        let waiting = Arc::new(Semaphore::new(
            config.max_waiting.min(Semaphore::MAX_PERMITS),
        ));
        AppState {
            inner: Arc::new(Inner {
                config,
                slots,
                waiting,
                parser: ibid::Parser::new(),
                page: ibid_emit::viewer::served_page("assets/viewer.css", "assets/viewer.js"),
            }),
        }
    }

    /// The settings.
    pub fn config(&self) -> &ServerConfig {
        &self.inner.config
    }

    /// The viewer page served at `/`.
    pub fn page(&self) -> &str {
        &self.inner.page
    }

    /// Run CPU work on tokio's blocking pool in a parsing slot. A free slot
    /// is taken at once (`try_acquire`); when none is free the request may
    /// wait — at most `max_waiting` requests wait, each at most
    /// `queue_wait` — and otherwise gets 503 at once: the queue is bounded
    /// in length and in time. The slot is held by the blocking task itself,
    /// so work that outlives a timed-out request still counts against
    /// `max_concurrent` until it ends.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&ibid::Parser<'static>) -> T + Send + 'static,
    {
        let cfg = &self.inner.config;
        let busy = || ApiError::Busy {
            limit: cfg.max_concurrent,
            retry_after: cfg.retry_after_secs,
        };
        let permit = match Arc::clone(&self.inner.slots).try_acquire_owned() {
            Ok(p) => p,
            Err(_) => {
                let _waiting = Arc::clone(&self.inner.waiting)
                    .try_acquire_owned()
                    .map_err(|_| busy())?;
                let slot = Arc::clone(&self.inner.slots).acquire_owned();
                match tokio::time::timeout(cfg.queue_wait, slot).await {
                    Ok(Ok(p)) => p,
                    _ => return Err(busy()),
                }
            }
        };
        let parser = self.inner.parser;
        tokio::task::spawn_blocking(move || {
            let _slot = permit;
            work(&parser)
        })
        .await
        .map_err(|e| ApiError::Internal(format!("parsing task failed: {e}")))
    }
}
