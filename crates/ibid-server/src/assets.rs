//! The viewer page, its CSS and JavaScript (embedded in the binary), and
//! the OpenAPI document.

use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};

/// The OpenAPI 3.1 description of every route.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// The page may load its own script, style and data, and talk to this server only.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

/// `GET /`: the page where a scholar pastes notes.
pub async fn page(State(state): State<AppState>) -> Response {
    let headers: [(HeaderName, &str); 5] = [
        (header::CONTENT_TYPE, "text/html; charset=utf-8"),
        (header::CACHE_CONTROL, "no-cache"),
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
    ];
    (StatusCode::OK, headers, state.page().to_string()).into_response()
}

/// `GET /assets/viewer.css`.
pub async fn css() -> Response {
    asset("text/css; charset=utf-8", ibid_emit::viewer::CSS)
}

/// `GET /assets/viewer.js`.
pub async fn js() -> Response {
    asset("text/javascript; charset=utf-8", ibid_emit::viewer::JS)
}

/// `GET /openapi.json`.
pub async fn openapi() -> Response {
    asset("application/json", OPENAPI)
}

/// Any other path: 404 with a JSON body.
pub async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        axum::Json(
            serde_json::json!({"error": "no such endpoint; see /openapi.json", "status": 404}),
        ),
    )
        .into_response()
}
