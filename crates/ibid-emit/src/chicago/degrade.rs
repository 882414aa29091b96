//! An entry hayagriva cannot render, with fewer fields.
//!
//! hayagriva panics on some data (a date range where the style reads one
//! date, for one). [`super::finish`] turns the panic into an error, but the
//! notes and the bibliography are rendered in one run, so one such entry
//! would lose the whole document (and a reference of `ibid refs` its
//! entry). When a run fails, each entry is tried
//! alone, and an entry that fails alone keeps only the fields every style
//! prints (names, title, container, date); an entry that fails even so keeps
//! its title alone. The run is then repeated.

use super::{finish, locales};
use crate::EmitError;
use hayagriva::citationberg::json::Item as JsonItem;
use hayagriva::citationberg::{IndependentStyle, LocaleCode};
use hayagriva::{BibliographyDriver, CitationItem, CitationRequest, Rendered};

/// The fields kept in an entry that failed alone.
const KEPT: &[&str] = &[
    super::plan::ENTRY_KEY,
    "id",
    "type",
    "author",
    "editor",
    "title",
    "container-title",
    "issued",
    "publisher",
    "publisher-place",
    "volume",
    "page",
    "URL",
    "DOI",
    "language",
];

/// `entry` rendered on its own, as a bibliography of one.
pub(super) fn render_alone(
    entry: &JsonItem,
    style: &IndependentStyle,
) -> Result<Rendered, EmitError> {
    let mut driver: BibliographyDriver<JsonItem> = BibliographyDriver::new();
    driver.citation(CitationRequest::new(
        vec![CitationItem::with_entry(entry)],
        style,
        Some(LocaleCode::en_us()),
        locales(),
        None,
    ));
    finish(driver, style)
}

/// Whether `entry` renders on its own.
fn renders_alone(entry: &JsonItem, style: &IndependentStyle) -> bool {
    render_alone(entry, style).is_ok()
}

/// `entry` with only the fields in `keep`.
fn keep_only(entry: &JsonItem, keep: &[&str]) -> JsonItem {
    JsonItem(
        entry
            .0
            .iter()
            .filter(|(k, _)| keep.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    )
}

/// Replaces every entry that does not render alone by a reduced copy (see
/// the module docs); false when every entry renders alone (the failure was
/// elsewhere).
pub(super) fn degrade_failing(entries: &mut [JsonItem], style: &IndependentStyle) -> bool {
    let mut changed = false;
    for e in entries.iter_mut() {
        if renders_alone(e, style) {
            continue;
        }
        let reduced = keep_only(e, KEPT);
        *e = if renders_alone(&reduced, style) {
            reduced
        } else {
            keep_only(e, &["id", "type", "title", "language"])
        };
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_hayagriva_cannot_render_loses_the_failing_field() {
        let style = super::super::load_style(None).unwrap();
        // a range in the access date, where the style reads one date
        let bad: JsonItem = serde_json::from_value(serde_json::json!({
            "id": "w1",
            "type": "webpage",
            "title": "Ibid Project",
            "URL": "https://example.org",
            "accessed": {"date-parts": [[2012, 7], [2012, 7, 20]]},
        }))
        .unwrap();
        let good: JsonItem = serde_json::from_value(serde_json::json!({
            "id": "w2", "type": "book", "title": "Origins",
        }))
        .unwrap();
        assert!(!renders_alone(&bad, &style));
        let mut entries = vec![good.clone(), bad];
        assert!(degrade_failing(&mut entries, &style));
        assert_eq!(entries[0], good);
        assert!(renders_alone(&entries[1], &style));
        assert!(!entries[1].0.contains_key("accessed"));
        assert!(entries[1].0.contains_key("title"));
        // nothing left to mend
        assert!(!degrade_failing(&mut entries, &style));
    }
}
