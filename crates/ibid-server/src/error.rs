//! Errors of the HTTP layer and how each becomes a response.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// Why a request was not answered with a result.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Malformed input: bad form encoding, invalid UTF-8, a bad option value.
    #[error("{0}")]
    BadRequest(String),
    /// A body type the endpoint does not read.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// No format of the endpoint matches the `Accept` header.
    #[error("{0}")]
    NotAcceptable(String),
    /// The body is over the `--max-body` cap.
    #[error("request body larger than the limit of {limit} bytes")]
    TooLarge { limit: usize },
    /// Every parsing slot is taken (`--max-concurrent`) and the waiting
    /// room is full or the wait ran out.
    #[error("all {limit} parsing slots are busy; retry after {retry_after} s")]
    Busy { limit: usize, retry_after: u64 },
    /// The request took longer than `--timeout-secs`.
    #[error("the request took longer than {} ms", .0.as_millis())]
    Timeout(Duration),
    /// A bug: a parser panic or a failed writer.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status of the error.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::NotAcceptable(_) => StatusCode::NOT_ACCEPTABLE,
            ApiError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Timeout(_) => StatusCode::GATEWAY_TIMEOUT,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    /// A JSON body `{"error": "...", "status": 400}`; 503 carries `Retry-After`.
    fn into_response(self) -> Response {
        let status = self.status();
        let body = serde_json::json!({"error": self.to_string(), "status": status.as_u16()});
        let mut resp = (status, axum::Json(body)).into_response();
        if let ApiError::Busy { retry_after, .. } = self {
            if let Ok(v) = HeaderValue::from_str(&retry_after.to_string()) {
                resp.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        resp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_sets_retry_after() {
        let r = ApiError::Busy {
            limit: 2,
            retry_after: 1,
        }
        .into_response();
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(r.headers()[header::RETRY_AFTER], "1");
    }

    #[test]
    fn statuses() {
        assert_eq!(ApiError::TooLarge { limit: 1 }.status(), 413);
        assert_eq!(ApiError::Timeout(Duration::from_secs(1)).status(), 504);
        assert_eq!(ApiError::BadRequest("x".into()).status(), 400);
    }
}
