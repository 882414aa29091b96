//! `html`: the viewer as one standalone page — the same markup, CSS and
//! JavaScript that `ibid serve` shows at `/`, with the notes document and
//! its exports embedded in a `<script type="application/json">`.

use crate::{EmitError, EmitOptions, Format};
use ibid_model::{Document, Item, Work};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// The page's markup, with `<!--IBID:HEAD-->`, `<!--IBID:DATA-->` and
/// `<!--IBID:SCRIPT-->` where the styles, the data and the script go.
pub const TEMPLATE: &str = include_str!("../assets/viewer.html");
/// The page's styles.
pub const CSS: &str = include_str!("../assets/viewer.css");
/// The page's script (plain JavaScript, no build step).
pub const JS: &str = include_str!("../assets/viewer.js");

/// The exports embedded in a standalone page, for its download buttons.
const EMBEDDED: [Format; 5] = [
    Format::CslJson,
    Format::Bibtex,
    Format::Ris,
    Format::Tei,
    Format::Chicago,
];

/// The page as a server shows it: styles and script linked from
/// `css_href` and `js_href`, no embedded document (the page asks the server).
///
/// ```
/// let page = ibid_emit::viewer::served_page("assets/viewer.css", "assets/viewer.js");
/// assert!(page.contains("<link rel=\"stylesheet\" href=\"assets/viewer.css\">"));
/// assert!(!page.contains("ibid-data"));
/// ```
pub fn served_page(css_href: &str, js_href: &str) -> String {
    fill(
        &format!("<link rel=\"stylesheet\" href=\"{}\">", attr(css_href)),
        "",
        &format!("<script src=\"{}\" defer></script>", attr(js_href)),
    )
}

fn fill(head: &str, data: &str, script: &str) -> String {
    TEMPLATE
        .replacen("<!--IBID:HEAD-->", head, 1)
        .replacen("<!--IBID:DATA-->", data, 1)
        .replacen("<!--IBID:SCRIPT-->", script, 1)
}

fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[derive(Serialize)]
struct Payload<'a> {
    generator: &'static str,
    document: &'a Document,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    exports: BTreeMap<&'static str, String>,
}

/// JSON that is safe inside `<script>`: `<`, `>` and `&` (and the two JS
/// line separators) become `\u` escapes, so no `</script>` or `<!--` can
/// appear. Those characters only occur inside JSON strings, where the
/// escapes mean the same characters.
fn script_safe_json<T: Serialize>(value: &T) -> Result<String, EmitError> {
    let s = serde_json::to_string(value)?;
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    for ch in s.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Write the standalone viewer of a document. `source` is the original
/// input the document's spans point into: with it, fields are highlighted
/// exactly on the original text; without it the page finds each citation's
/// and field's text in the cleaned note text.
///
/// ```
/// use ibid_emit::{viewer, EmitOptions};
/// let doc = ibid_model::Document::default();
/// let mut out = Vec::new();
/// viewer::write_viewer(&doc, Some("1 Ibid.</script>"), &EmitOptions::default(), &mut out).unwrap();
/// let html = String::from_utf8(out).unwrap();
/// assert!(html.contains("<script type=\"application/json\" id=\"ibid-data\">"));
/// assert!(!html.contains("Ibid.</script>"));
/// ```
pub fn write_viewer(
    doc: &Document,
    source: Option<&str>,
    opts: &EmitOptions,
    out: &mut dyn Write,
) -> Result<(), EmitError> {
    let mut exports = BTreeMap::new();
    for format in EMBEDDED {
        let mut buf = Vec::new();
        crate::write_document(doc, format, opts, &mut buf)?;
        exports.insert(format.as_str(), String::from_utf8_lossy(&buf).into_owned());
    }
    let payload = Payload {
        generator: concat!("ibid ", env!("CARGO_PKG_VERSION")),
        document: doc,
        source,
        exports,
    };
    let data = format!(
        "<script type=\"application/json\" id=\"ibid-data\">{}</script>",
        script_safe_json(&payload)?
    );
    let page = fill(
        &format!("<style>\n{CSS}</style>"),
        &data,
        &format!("<script>\n{JS}</script>"),
    );
    out.write_all(page.as_bytes())?;
    Ok(())
}

/// `ibid refs --format html`: the references gathered one by one, each
/// shown as a note of one citation and a work of its own (`r<line>`).
#[derive(Debug, Default)]
pub(crate) struct RefCollector {
    doc: Document,
}

impl RefCollector {
    pub(crate) fn push(&mut self, index: usize, raw: &str, item: &Item) {
        let id = format!("r{}", index + 1);
        let number = u32::try_from(index + 1).ok();
        let len = raw.chars().count();
        let mut work_item = item.clone();
        work_item.id = Some(id.clone());
        self.doc.notes.push(ibid_model::Note {
            commentary: Vec::new(),
            number,
            text: raw.to_string(),
            span: [0, len],
            citations: vec![ibid_model::Citation {
                text: raw.to_string(),
                span: [0, len],
                kind: ibid_model::CitationKind::Full,
                work: Some(id),
                locator: None,
                item: item.clone(),
                fields: Vec::new(),
                unlabelled: Vec::new(),
                signal: None,
            }],
        });
        self.doc.works.push(Work {
            links: ibid_link::links_for(&work_item),
            item: work_item,
            cited_in: number.into_iter().collect(),
            locators: Vec::new(),
        });
    }

    pub(crate) fn finish(
        &mut self,
        opts: &EmitOptions,
        out: &mut dyn Write,
    ) -> Result<(), EmitError> {
        let mut doc = std::mem::take(&mut self.doc);
        doc.form = ibid_model::InputForm::References;
        write_viewer(&doc, None, opts, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assets_cannot_close_their_script_or_style() {
        assert!(!JS.to_ascii_lowercase().contains("</script"));
        assert!(!CSS.to_ascii_lowercase().contains("</style"));
        for marker in ["<!--IBID:HEAD-->", "<!--IBID:DATA-->", "<!--IBID:SCRIPT-->"] {
            assert_eq!(TEMPLATE.matches(marker).count(), 1, "{marker}");
        }
    }

    #[test]
    fn embedded_json_is_script_safe_and_round_trips() {
        let v = serde_json::json!({"t": "a</script><!-- & \u{2028} >"});
        let s = script_safe_json(&v).unwrap();
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn standalone_page_embeds_document_and_exports() {
        let doc = Document {
            notes: vec![ibid_model::Note {
                commentary: Vec::new(),
                number: Some(1),
                text: "Ibid.".into(),
                span: [2, 7],
                citations: vec![],
            }],
            ..Document::default()
        };
        let mut out = Vec::new();
        write_viewer(&doc, Some("1 Ibid."), &EmitOptions::default(), &mut out).unwrap();
        let html = String::from_utf8(out).unwrap();
        let start = html.find("id=\"ibid-data\">").unwrap() + "id=\"ibid-data\">".len();
        let end = start + html[start..].find("</script>").unwrap();
        let v: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
        assert_eq!(v["document"]["notes"][0]["number"], 1);
        assert_eq!(v["source"], "1 Ibid.");
        for f in EMBEDDED {
            assert!(v["exports"][f.as_str()].is_string(), "{f}");
        }
        assert!(html.contains("<style>") && !html.contains("<!--IBID:"));
    }

    #[test]
    fn labelled_divs_have_a_role() {
        // HTML forbids aria-label on a div whose role is generic (no role):
        // the legend of field colours is a group.
        let divs: Vec<&str> = TEMPLATE
            .split("<div")
            .skip(1)
            .filter_map(|t| t.split('>').next())
            .filter(|t| t.contains("aria-label="))
            .collect();
        assert!(divs.iter().any(|d| d.contains("id=\"legend\"")), "{divs:?}");
        for d in divs {
            let role = d
                .split("role=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .unwrap_or_else(|| panic!("no role: <div{d}>"));
            assert!(
                !["generic", "presentation", "paragraph", "caption", "code"].contains(&role),
                "<div{d}>"
            );
        }
    }
}
