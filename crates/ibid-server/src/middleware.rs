//! Request-wide layers: the access log (one line per request) and the
//! per-request timeout.

use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Instant;

/// Log one line per request: method, path, status, duration.
pub async fn access_log(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let resp = next.run(req).await;
    let status = resp.status().as_u16();
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    if resp.status().is_server_error() {
        tracing::warn!(target: "ibid_server::access", %method, %path, status, ms = format_args!("{ms:.2}"), "request");
    } else {
        tracing::info!(target: "ibid_server::access", %method, %path, status, ms = format_args!("{ms:.2}"), "request");
    }
    resp
}

/// Answer 504 when the request (reading the body included) takes longer
/// than `--timeout-secs`. Parsing already started goes on in its blocking
/// task, holding its slot, until it ends; its result is dropped.
pub async fn timeout(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let limit = state.config().timeout;
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => ApiError::Timeout(limit).into_response(),
    }
}
