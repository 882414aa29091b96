//! ibid's own API: `POST /v1/notes` (a notes document in any format) and
//! `POST /v1/references` (reference strings to CSL items).

use crate::error::ApiError;
use crate::form::read_document;
use crate::negotiate::{content_type, header_text, negotiate};
use crate::state::AppState;
use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use ibid_emit::{EmitOptions, Format, ItemWriter};
use serde::Deserialize;

/// Query parameters of the native endpoints.
#[derive(Debug, Default, Deserialize)]
pub struct OutputQuery {
    /// An output format name (`json`, `csl-json`, `bibtex`, `ris`, `tei`, `html`, …); wins over `Accept`.
    pub format: Option<String>,
    /// A citation style for `chicago` / `chicago-html`.
    pub style: Option<String>,
    /// Indent JSON (`1`/`true`).
    pub pretty: Option<String>,
}

impl OutputQuery {
    fn options(&self) -> Result<EmitOptions, ApiError> {
        let pretty = match self.pretty.as_deref().map(str::trim) {
            None | Some("" | "0" | "false") => false,
            Some("1" | "true") => true,
            Some(v) => {
                return Err(ApiError::BadRequest(format!(
                    "pretty must be 0 or 1, not {v:?}"
                )))
            }
        };
        let style = self.style.clone().filter(|s| !s.trim().is_empty());
        if let Some(s) = &style {
            if !ibid_emit::style_names().contains(&s.as_str()) {
                return Err(ApiError::BadRequest(format!(
                    "unknown citation style {s:?}"
                )));
            }
        }
        Ok(EmitOptions { style, pretty })
    }

    /// The output format a request asks for (`?format=`, then `Accept`;
    /// `default` when neither says) and the emit options, both checked.
    fn output(&self, req: &Request, default: Format) -> Result<(Format, EmitOptions), ApiError> {
        let accept = header_text(req, header::ACCEPT);
        let format = negotiate(self.format.as_deref(), accept, default, default)?;
        Ok((format, self.options()?))
    }
}

fn emit_error(e: ibid_emit::EmitError) -> ApiError {
    match e {
        ibid_emit::EmitError::UnknownStyle { .. } | ibid_emit::EmitError::UnknownFormat(_) => {
            ApiError::BadRequest(e.to_string())
        }
        other => ApiError::Internal(other.to_string()),
    }
}

fn formatted(format: Format, body: Vec<u8>) -> Response {
    let mut resp = (StatusCode::OK, body).into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(format)),
    );
    h.insert(header::VARY, HeaderValue::from_static("Accept"));
    resp
}

/// `POST /v1/notes`: the body is a notes list, reference list or HTML page
/// (raw, or the first part of a multipart form); the answer is the notes
/// document in the negotiated format (`json` by default).
pub async fn notes(
    State(state): State<AppState>,
    Query(q): Query<OutputQuery>,
    req: Request,
) -> Result<Response, ApiError> {
    let (format, opts) = q.output(&req, Format::Json)?;
    let (body, _) = read_document(req, state.config().max_body).await?;
    let out = state
        .run(move |parser| -> Result<Vec<u8>, ApiError> {
            let doc = parser
                .parse_bytes(&body)
                .map_err(|e| ApiError::BadRequest(e.to_string()))?;
            let mut out = Vec::new();
            if format == Format::Html {
                let source = std::str::from_utf8(&body).ok();
                ibid_emit::write_viewer(&doc, source, &opts, &mut out).map_err(emit_error)?;
            } else {
                ibid_emit::write_document(&doc, format, &opts, &mut out).map_err(emit_error)?;
            }
            Ok(out)
        })
        .await??;
    Ok(formatted(format, out))
}

/// The references of a `/v1/references` body: a JSON array of strings
/// (every element kept, index = position) or text, one a line (blank lines
/// skipped, index = line).
fn references(body: &[u8], media: Option<&str>) -> Result<Vec<(usize, String)>, ApiError> {
    if media == Some("application/json") {
        let list: Vec<String> = serde_json::from_slice(body)
            .map_err(|e| ApiError::BadRequest(format!("expected a JSON array of strings: {e}")))?;
        return Ok(list.into_iter().enumerate().collect());
    }
    let text = std::str::from_utf8(body)
        .map_err(|e| ApiError::BadRequest(format!("the body is not UTF-8: {e}")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i, l.to_string()))
        .collect())
}

/// `POST /v1/references`: reference strings in, one item each out
/// (a CSL-JSON array with ids `r<n>` by default; any format by `?format=`
/// or `Accept`).
pub async fn references_handler(
    State(state): State<AppState>,
    Query(q): Query<OutputQuery>,
    req: Request,
) -> Result<Response, ApiError> {
    let (format, opts) = q.output(&req, Format::CslJson)?;
    let (body, media) = read_document(req, state.config().max_body).await?;
    let refs = references(&body, media.as_deref())?;
    drop(body);
    let out = state
        .run(move |parser| -> Result<Vec<u8>, ApiError> {
            let mut w = ItemWriter::new(format, opts).map_err(emit_error)?;
            let mut out = Vec::new();
            w.begin(&mut out).map_err(emit_error)?;
            for (i, text) in &refs {
                let item = parser.parse_reference(text);
                w.write(*i, text, &item, &mut out).map_err(emit_error)?;
            }
            w.finish(&mut out).map_err(emit_error)?;
            Ok(out)
        })
        .await??;
    Ok(formatted(format, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_bodies() {
        let r = references(b"[\"Taylor, Origins\", \"\"]", Some("application/json")).unwrap();
        assert_eq!(r, vec![(0, "Taylor, Origins".into()), (1, String::new())]);
        let r = references(b"Taylor\r\n\n  \nWatt\n", Some("text/plain")).unwrap();
        assert_eq!(r, vec![(0, "Taylor".into()), (3, "Watt".into())]);
        assert!(references(b"{\"a\":1}", Some("application/json")).is_err());
        assert!(references(b"\xff", None).is_err());
    }

    #[test]
    fn query_options() {
        let q = OutputQuery {
            pretty: Some("1".into()),
            ..OutputQuery::default()
        };
        assert!(q.options().unwrap().pretty);
        let q = OutputQuery {
            style: Some("no-such-style".into()),
            ..OutputQuery::default()
        };
        assert!(q.options().is_err());
    }
}
