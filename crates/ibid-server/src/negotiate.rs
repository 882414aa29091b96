//! Content negotiation: which output format a request asks for
//! (`?format=` first, then `Accept`), and the media type of each format.

use crate::error::ApiError;
use axum::extract::Request;
use axum::http::HeaderName;
use ibid_emit::Format;

/// Media types ibid understands in `Accept`, and the format each selects.
/// `application/json` is the endpoint's JSON default (see [`negotiate`]).
const MEDIA: &[(&str, Option<Format>)] = &[
    ("application/json", None),
    (
        "application/vnd.citationstyles.csl+json",
        Some(Format::CslJson),
    ),
    ("application/x-ndjson", Some(Format::Jsonl)),
    ("application/jsonl", Some(Format::Jsonl)),
    ("application/x-jsonlines", Some(Format::Jsonl)),
    ("text/plain", Some(Format::Text)),
    ("application/x-bibtex", Some(Format::Bibtex)),
    ("text/x-bibtex", Some(Format::Bibtex)),
    ("application/x-biblatex", Some(Format::Biblatex)),
    ("application/x-research-info-systems", Some(Format::Ris)),
    ("application/tei+xml", Some(Format::Tei)),
    ("application/xml", Some(Format::Tei)),
    ("text/xml", Some(Format::Tei)),
    ("application/jats+xml", Some(Format::Jats)),
    ("text/html", Some(Format::Html)),
];

/// The `Content-Type` of a format's output.
pub fn content_type(format: Format) -> &'static str {
    match format {
        Format::Json => "application/json",
        Format::Jsonl => "application/x-ndjson",
        Format::Text | Format::Chicago => "text/plain; charset=utf-8",
        Format::CslJson => "application/vnd.citationstyles.csl+json",
        Format::Bibtex => "application/x-bibtex; charset=utf-8",
        Format::Biblatex => "application/x-biblatex; charset=utf-8",
        Format::Ris => "application/x-research-info-systems; charset=utf-8",
        Format::Tei => "application/tei+xml; charset=utf-8",
        Format::Jats => "application/jats+xml; charset=utf-8",
        Format::ChicagoHtml | Format::Html => "text/html; charset=utf-8",
    }
}

/// One media range of an `Accept` header with its quality.
struct Range<'a> {
    media: &'a str,
    q: f32,
}

fn ranges(accept: &str) -> Vec<Range<'_>> {
    let mut out: Vec<Range<'_>> = accept
        .split(',')
        .filter_map(|part| {
            let mut params = part.split(';');
            let media = params.next()?.trim();
            if media.is_empty() {
                return None;
            }
            let q = params
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|v| v.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            Some(Range { media, q })
        })
        .filter(|r| r.q > 0.0)
        .collect();
    // stable: equal qualities keep the client's order
    out.sort_by(|a, b| b.q.total_cmp(&a.q));
    out
}

/// The format of a response: `?format=` wins; else the best `Accept` range
/// ibid knows (`*/*`, `application/*`, `text/*` or no header give `default`;
/// `application/json` gives `json_default`); else 406.
pub fn negotiate(
    query_format: Option<&str>,
    accept: Option<&str>,
    default: Format,
    json_default: Format,
) -> Result<Format, ApiError> {
    if let Some(f) = query_format.filter(|f| !f.trim().is_empty()) {
        return f
            .parse::<Format>()
            .map_err(|e| ApiError::BadRequest(e.to_string()));
    }
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return Ok(default);
    };
    let rs = ranges(accept);
    for r in &rs {
        let media = r.media.to_ascii_lowercase();
        if media == "*/*" || media == "application/*" || media == "text/*" {
            return Ok(default);
        }
        if let Some((_, f)) = MEDIA.iter().find(|(m, _)| *m == media) {
            return Ok(f.unwrap_or(json_default));
        }
    }
    Err(ApiError::NotAcceptable(format!(
        "none of {accept:?} is a format ibid writes; use ?format= or one of: {}",
        MEDIA.iter().map(|(m, _)| *m).collect::<Vec<_>>().join(", ")
    )))
}

/// The value of a request header, when it is there and is text.
pub fn header_text(req: &Request, name: HeaderName) -> Option<&str> {
    req.headers().get(name).and_then(|v| v.to_str().ok())
}

/// The media type of a request body, lower-cased, without parameters.
pub fn media_type(content_type: Option<&str>) -> Option<String> {
    content_type
        .and_then(|c| c.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty())
}

/// Whether `Accept` asks GROBID's endpoints for BibTeX.
pub fn wants_bibtex(accept: Option<&str>) -> bool {
    accept.is_some_and(|a| {
        ranges(a)
            .first()
            .is_some_and(|r| r.media.eq_ignore_ascii_case("application/x-bibtex"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(q: Option<&str>, a: Option<&str>) -> Result<Format, ApiError> {
        negotiate(q, a, Format::Json, Format::Json)
    }

    #[test]
    fn query_wins_over_accept() {
        assert_eq!(n(Some("ris"), Some("text/html")).unwrap(), Format::Ris);
        assert!(matches!(
            n(Some("docx"), None),
            Err(ApiError::BadRequest(_))
        ));
    }

    #[test]
    fn accept_ranges() {
        assert_eq!(n(None, None).unwrap(), Format::Json);
        assert_eq!(n(None, Some("*/*")).unwrap(), Format::Json);
        assert_eq!(
            n(None, Some("application/x-bibtex")).unwrap(),
            Format::Bibtex
        );
        assert_eq!(
            n(None, Some("text/html;q=0.5, application/tei+xml")).unwrap(),
            Format::Tei
        );
        assert_eq!(
            n(
                None,
                Some("image/png, application/x-research-info-systems;q=0.2")
            )
            .unwrap(),
            Format::Ris
        );
        assert_eq!(
            negotiate(
                None,
                Some("application/json"),
                Format::CslJson,
                Format::CslJson
            )
            .unwrap(),
            Format::CslJson
        );
        assert!(matches!(
            n(None, Some("image/png")),
            Err(ApiError::NotAcceptable(_))
        ));
        assert!(matches!(
            n(None, Some("text/html;q=0")),
            Err(ApiError::NotAcceptable(_))
        ));
    }

    #[test]
    fn bibtex_for_grobid() {
        assert!(wants_bibtex(Some("application/x-bibtex")));
        assert!(!wants_bibtex(Some("application/xml")));
        assert!(!wants_bibtex(None));
    }

    #[test]
    fn media_types() {
        assert_eq!(
            media_type(Some("Multipart/Form-Data; boundary=x")).as_deref(),
            Some("multipart/form-data")
        );
        assert_eq!(media_type(Some(" ")), None);
    }
}
