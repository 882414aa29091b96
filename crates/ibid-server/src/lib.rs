//! ibid's HTTP service: GROBID-compatible citation endpoints, ibid's own
//! notes API, and the web page where a scholar pastes notes and sees them
//! understood.
//!
//! | route | what |
//! | --- | --- |
//! | `GET /` | the viewer page (paste, drop a file, see, download) |
//! | `POST, PUT /api/processCitation` | GROBID: form field `citations` → `<biblStruct>` (BibTeX with `Accept: application/x-bibtex`) |
//! | `POST /api/processCitationList` | GROBID: repeated `citations` → `<TEI>…<listBibl>` |
//! | `GET /api/isalive`, `GET /api/version` | GROBID's service checks |
//! | `POST /v1/notes` | a notes list or HTML page → the notes document, any format (`?format=` or `Accept`) |
//! | `POST /v1/references` | a JSON array of strings or one reference a line → CSL-JSON items (or any format) |
//! | `GET /openapi.json` | the OpenAPI 3.1 description |
//!
//! Limits: a body cap (413), a per-request timeout (504), and a fixed number
//! of parsing slots (`max_concurrent`). A request that finds them all taken
//! may wait for one, but only `max_waiting` requests wait, each at most
//! `queue_wait`; past either bound it gets 503 with `Retry-After` at once,
//! so the queue never grows. Parsing runs on tokio's blocking pool, never
//! on the async workers.
//!
//! ```no_run
//! # async fn demo() -> Result<(), ibid_server::ServerError> {
//! let config = ibid_server::ServerConfig { port: 0, ..Default::default() };
//! let listener = tokio::net::TcpListener::bind(config.addr()).await?;
//! println!("listening on {}", listener.local_addr()?);
//! ibid_server::serve(listener, config, ibid_server::shutdown_signal()).await?;
//! # Ok(()) }
//! ```
//!
//! The router alone, for embedding in another axum application:
//!
//! ```
//! let app = ibid_server::router(ibid_server::ServerConfig::default());
//! # let _ = app;
//! assert!(ibid_server::ROUTES.iter().any(|r| r.path == "/api/processCitation" && r.method == "PUT"));
//! ```

mod assets;
mod config;
mod error;
mod form;
mod grobid;
mod middleware;
mod native;
mod negotiate;
mod routes;
mod state;

pub use config::{default_concurrency, parse_size, ServerConfig};
pub use error::ApiError;
pub use grobid::GrobidOptions;
pub use routes::{Endpoint, Route, ROUTES};

use std::future::Future;
use std::time::Duration;

/// What can stop the server from starting or running.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("server I/O error: {0}")]
    Io(#[from] std::io::Error),
    #[error("invalid setting: {0}")]
    Config(String),
}

/// The application for a configuration.
pub fn router(config: ServerConfig) -> axum::Router {
    routes::router(state::AppState::new(config))
}

/// Serve on a bound listener until `shutdown` resolves; requests in flight
/// are finished before this returns.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    if config.max_concurrent == 0 {
        return Err(ServerError::Config(
            "max_concurrent must be at least 1".into(),
        ));
    }
    let app = router(config);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await?;
    Ok(())
}

/// Resolves on Ctrl-C (SIGINT) or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

/// Log to stderr, one line per event, at `level` (`error`, `warn`, `info`,
/// `debug`, `trace`); at `info` every request is one line.
pub fn init_logging(level: &str) -> Result<(), ServerError> {
    let level: tracing::Level = level
        .parse()
        .map_err(|_| ServerError::Config(format!("unknown log level {level:?}")))?;
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let _ = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .with_target(true)
        .with_ansi(ansi)
        .try_init();
    Ok(())
}

/// Run the server: a tokio runtime, bind, log the address, serve until
/// Ctrl-C or SIGTERM, then let requests in flight finish (at most the
/// request timeout for parsing still running).
pub fn run(config: ServerConfig) -> Result<(), ServerError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("ibid-server")
        .build()?;
    let grace = config.timeout + Duration::from_secs(1);
    let result = rt.block_on(async move {
        let addr = config.addr();
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Bind { addr, source })?;
        let local = listener.local_addr()?;
        tracing::info!(
            max_body = config.max_body,
            timeout_ms = config.timeout.as_millis() as u64,
            max_concurrent = config.max_concurrent,
            "ibid serve listening on http://{local}"
        );
        serve(listener, config, shutdown_signal()).await
    });
    rt.shutdown_timeout(grace);
    result
}
