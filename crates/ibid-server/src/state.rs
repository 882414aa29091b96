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
    parser: ibid::Parser<'static>,
    page: String,
}

impl AppState {
    /// State for a configuration, with the embedded model.
    pub fn new(config: ServerConfig) -> Self {
        let slots = Arc::new(Semaphore::new(config.max_concurrent));
        AppState {
            inner: Arc::new(Inner {
                config,
                slots,
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

    /// Run CPU work on tokio's blocking pool if a parsing slot is free, else
    /// fail at once with 503 (no queue). The slot is held by the blocking
    /// task itself, so work that outlives a timed-out request still counts
    /// against `--max-concurrent` until it ends.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&ibid::Parser<'static>) -> T + Send + 'static,
    {
        let cfg = &self.inner.config;
        let permit = Arc::clone(&self.inner.slots)
            .try_acquire_owned()
            .map_err(|_| ApiError::Busy {
                limit: cfg.max_concurrent,
                retry_after: cfg.retry_after_secs,
            })?;
        let parser = self.inner.parser;
        tokio::task::spawn_blocking(move || {
            let _slot = permit;
            work(&parser)
        })
        .await
        .map_err(|e| ApiError::Internal(format!("parsing task failed: {e}")))
    }
}
