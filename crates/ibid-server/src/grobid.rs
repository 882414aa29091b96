//! GROBID's citation endpoints: `processCitation`, `processCitationList`,
//! `isalive`, `version`. Same paths, form fields, options, status codes and
//! TEI shape (`<biblStruct>` with `<analytic>`, `<monogr>`, `<imprint>`;
//! the list wrapped in GROBID's `<TEI>…<listBibl>` envelope).

use crate::error::ApiError;
use crate::form::{read_form, FormFields};
use crate::negotiate::{header_text, wants_bibtex};
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use ibid::Item;
use ibid_emit::{EmitOptions, Format, ItemWriter};

const XML: &str = "application/xml; charset=UTF-8";
const BIBTEX: &str = "application/x-bibtex; charset=UTF-8";

/// GROBID's envelope around `processCitationList` results.
const LIST_OPEN: &str = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \n xmlns:mml=\"http://www.w3.org/1998/Math/MathML\">\n\t<teiHeader/>\n\t<text>\n\t\t<front/>\n\t\t<body/>\n\t\t<back>\n\t\t\t<div>\n\t\t\t\t<listBibl>\n";
const LIST_CLOSE: &str = "\t\t\t\t</listBibl>\n\t\t\t</div>\n\t\t</back>\n\t</text>\n</TEI>\n";

/// The options GROBID's citation endpoints take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GrobidOptions {
    /// `consolidateCitations`: 0, 1 or 2. Accepted; ibid does no
    /// consolidation yet, so every value behaves as 0.
    pub consolidate: u8,
    /// `includeRawCitations`: add `<note type="raw_reference">`.
    pub include_raw: bool,
}

impl GrobidOptions {
    /// Read and check the options of a form (bad values are 400).
    pub fn from_form(form: &FormFields) -> Result<Self, ApiError> {
        let consolidate = match form.first("consolidateCitations").map(str::trim) {
            None | Some("") => 0,
            Some(v @ ("0" | "1" | "2")) => v.parse().unwrap_or(0),
            Some(v) => {
                return Err(ApiError::BadRequest(format!(
                    "consolidateCitations must be 0, 1 or 2, not {v:?}"
                )))
            }
        };
        let include_raw = match form.first("includeRawCitations").map(str::trim) {
            None | Some("" | "0" | "false") => false,
            Some("1" | "true") => true,
            Some(v) => {
                return Err(ApiError::BadRequest(format!(
                    "includeRawCitations must be 0 or 1, not {v:?}"
                )))
            }
        };
        Ok(GrobidOptions {
            consolidate,
            include_raw,
        })
    }
}

/// True when parsing found nothing at all (only a type).
fn is_empty(item: &Item) -> bool {
    match serde_json::to_value(item) {
        Ok(serde_json::Value::Object(m)) => m.iter().all(|(k, v)| {
            k == "type"
                || k == "id"
                || (k == "custom" && v.as_object().is_none_or(|o| o.is_empty()))
        }),
        _ => false,
    }
}

fn tei(item: &Item, id: Option<&str>, raw: Option<&str>) -> Result<String, ApiError> {
    let mut buf = Vec::new();
    ibid_emit::write_bibl_struct(item, id, raw, &mut buf)
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    String::from_utf8(buf).map_err(|e| ApiError::Internal(e.to_string()))
}

fn bibtex(items: &[(usize, &str, Item)]) -> Result<String, ApiError> {
    let internal = |e: ibid_emit::EmitError| ApiError::Internal(e.to_string());
    let mut w = ItemWriter::new(Format::Bibtex, EmitOptions::default()).map_err(internal)?;
    let mut buf = Vec::new();
    w.begin(&mut buf).map_err(internal)?;
    for (i, raw, item) in items {
        w.write(*i, raw, item, &mut buf).map_err(internal)?;
    }
    w.finish(&mut buf).map_err(internal)?;
    String::from_utf8(buf).map_err(|e| ApiError::Internal(e.to_string()))
}

fn ok(content_type: &'static str, body: String) -> Response {
    (StatusCode::OK, [(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// What both citation endpoints read first: whether `Accept` asks for
/// BibTeX, the form (within the body cap), and the form's options.
async fn read_citation_form(
    state: &AppState,
    req: Request,
) -> Result<(bool, FormFields, GrobidOptions), ApiError> {
    let bib = wants_bibtex(header_text(&req, header::ACCEPT));
    let form = read_form(req, state.config().max_body).await?;
    let opts = GrobidOptions::from_form(&form)?;
    Ok((bib, form, opts))
}

/// `POST|PUT /api/processCitation`: one reference string (`citations`) to one
/// `<biblStruct>` (or BibTeX with `Accept: application/x-bibtex`); 204 when
/// the field is missing or empty or nothing is found.
pub async fn process_citation(
    State(state): State<AppState>,
    req: Request,
) -> Result<Response, ApiError> {
    let (bib, form, opts) = read_citation_form(&state, req).await?;
    let Some(citation) = form
        .first("citations")
        .filter(|c| !c.trim().is_empty())
        .map(str::to_string)
    else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    let out = state
        .run(move |parser| {
            let item = parser.parse_reference(&citation);
            if is_empty(&item) {
                return Ok(None);
            }
            if bib {
                bibtex(&[(0, &citation, item)]).map(|s| Some((BIBTEX, s)))
            } else {
                let raw = opts.include_raw.then_some(citation.as_str());
                tei(&item, None, raw).map(|mut s| {
                    if !s.ends_with('\n') {
                        s.push('\n');
                    }
                    Some((XML, s))
                })
            }
        })
        .await??;
    Ok(match out {
        Some((ct, body)) => ok(ct, body),
        None => StatusCode::NO_CONTENT.into_response(),
    })
}

/// `POST /api/processCitationList`: repeated `citations` fields to GROBID's
/// `<TEI>` envelope with one `<biblStruct xml:id="bN">` per citation, in
/// order (an empty citation gives an empty `<biblStruct>`, as GROBID does);
/// 204 when there is no non-empty citation.
pub async fn process_citation_list(
    State(state): State<AppState>,
    req: Request,
) -> Result<Response, ApiError> {
    let (bib, form, opts) = read_citation_form(&state, req).await?;
    let citations: Vec<String> = form.all("citations").map(str::to_string).collect();
    if citations.iter().all(|c| c.trim().is_empty()) {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    let body = state
        .run(move |parser| {
            if bib {
                let mut out = String::new();
                let mut parsed = Vec::new();
                for (i, c) in citations.iter().enumerate() {
                    if c.trim().is_empty() {
                        continue;
                    }
                    parsed.push((i, c.as_str(), parser.parse_reference(c)));
                }
                out.push_str(&bibtex(&parsed)?);
                return Ok::<_, ApiError>((BIBTEX, out));
            }
            let mut out = String::from(LIST_OPEN);
            for (i, c) in citations.iter().enumerate() {
                let id = format!("b{i}");
                if c.trim().is_empty() {
                    out.push_str(&format!("<biblStruct xml:id=\"{id}\"/>\n"));
                    continue;
                }
                let item = parser.parse_reference(c);
                let raw = opts.include_raw.then_some(c.as_str());
                let bibl = tei(&item, Some(&id), raw)?;
                out.push_str(&bibl);
                if !bibl.ends_with('\n') {
                    out.push('\n');
                }
            }
            out.push_str(LIST_CLOSE);
            Ok((XML, out))
        })
        .await??;
    Ok(ok(body.0, body.1))
}

/// `GET /api/isalive`: `true` once the server is up.
pub async fn is_alive() -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "true",
    )
        .into_response()
}

/// `GET /api/version`: `{"version": "…", "name": "ibid"}`.
pub async fn version() -> Response {
    axum::Json(serde_json::json!({
        "name": "ibid",
        "version": env!("CARGO_PKG_VERSION"),
    }))
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FormFields {
        FormFields(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn options() {
        let o = GrobidOptions::from_form(&form(&[("includeRawCitations", "1")])).unwrap();
        assert!(o.include_raw);
        assert_eq!(o.consolidate, 0);
        let o = GrobidOptions::from_form(&form(&[("consolidateCitations", "2")])).unwrap();
        assert_eq!(o.consolidate, 2);
        assert!(GrobidOptions::from_form(&form(&[("consolidateCitations", "yes")])).is_err());
        assert!(GrobidOptions::from_form(&form(&[("includeRawCitations", "2")])).is_err());
    }

    #[test]
    fn empty_items() {
        assert!(is_empty(&Item::default()));
        let item = Item {
            title: Some("Origins".into()),
            ..Item::default()
        };
        assert!(!is_empty(&item));
    }

    #[test]
    fn envelope_is_grobids() {
        assert!(LIST_OPEN.contains("<listBibl>") && LIST_CLOSE.contains("</TEI>"));
    }
}
