//! Notes lists, reference lists and HTML pages to a notes document in one of
//! ibid-emit's output formats.

use crate::guard::Failure;
use ibid_emit::{EmitError, EmitOptions, Format};

/// The output format called `name` (case-insensitive), or a message listing the names.
pub fn parse_format(name: &str) -> Result<Format, String> {
    name.parse::<Format>().map_err(|_| {
        format!(
            "unknown format {name:?}: expected one of {}",
            format_names().join(", ")
        )
    })
}

/// The accepted format names, in the order of the ibid-emit docs.
pub fn format_names() -> Vec<&'static str> {
    Format::ALL.iter().map(|f| f.as_str()).collect()
}

/// Parse notes given as text and write them in `format`.
pub fn notes_to_string(text: &str, format: Format, opts: &EmitOptions) -> Result<String, Failure> {
    let doc = ibid::Parser::new().parse_str(text);
    render(&doc, format, opts)
}

/// Parse notes given as bytes (plain text, HTML, JATS/TEI XML or a Word
/// `.docx`) and write them in `format`.
pub fn notes_bytes_to_string(
    bytes: &[u8],
    format: Format,
    opts: &EmitOptions,
) -> Result<String, Failure> {
    let doc = ibid::Parser::new()
        .parse_bytes(bytes)
        .map_err(|e| Failure::Invalid(format!("parse_notes: the bytes cannot be read: {e}")))?;
    render(&doc, format, opts)
}

fn render(doc: &ibid::Document, format: Format, opts: &EmitOptions) -> Result<String, Failure> {
    let mut out = Vec::with_capacity(4096);
    ibid_emit::write_document(doc, format, opts, &mut out).map_err(|e| match e {
        EmitError::UnknownFormat(_) | EmitError::UnknownStyle { .. } => {
            Failure::Invalid(format!("parse_notes: {e}"))
        }
        other => Failure::Internal(format!("parse_notes: could not write {format}: {other}")),
    })?;
    String::from_utf8(out)
        .map_err(|e| Failure::Internal(format!("parse_notes: {format} output is not UTF-8: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_parse() {
        assert_eq!(parse_format("JSON"), Ok(Format::Json));
        assert_eq!(parse_format("csl-json"), Ok(Format::CslJson));
        for name in format_names() {
            assert!(parse_format(name).is_ok(), "{name}");
        }
        let err = parse_format("yaml").unwrap_err();
        assert!(err.contains("\"yaml\"") && err.contains("bibtex"), "{err}");
    }

    #[test]
    fn notes_document_json() {
        let text = "1 Smith, A History (London, 1990), p. 4.\n2 Ibid., p. 5.\n";
        let out = notes_to_string(text, Format::Json, &EmitOptions::default()).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["notes"].as_array().map(|n| n.len()), Some(2));
        let bib = notes_to_string(text, Format::Bibtex, &EmitOptions::default()).unwrap();
        assert!(bib.contains('@'), "{bib}");
    }

    #[test]
    fn unknown_style_is_invalid() {
        let opts = EmitOptions {
            style: Some("no-such-style".into()),
            pretty: false,
        };
        let err = notes_to_string(
            "1 Smith, A History (London, 1990).\n",
            Format::Chicago,
            &opts,
        )
        .unwrap_err();
        assert!(matches!(err, Failure::Invalid(_)), "{err:?}");
    }
}
