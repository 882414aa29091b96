//! German archival references, read by rule after tagging: the archive,
//! then the parts of the shelfmark a comma apart, then the leaf:
//! "GStA PK, I. HA Rep. 89, Nr. 15610, Bl. 88", "Bundesarchiv
//! Berlin-Lichterfelde, R 1501/112345, Bl. 17–19". The training corpora hold
//! almost none, and the model reads "GStA PK" as a person and "Rep. 89" as a
//! volume. The form is plain once the whole citation matches it.

use crate::archive_parts::{is_leaf, parts, relabel};
use crate::token::Token;
use ibid_model::Label;

/// Abbreviations of German archives that carry no "Archiv" in their name.
const ARCHIVE_HEADS: &[&str] = &[
    "GStA",
    "BArch",
    "PA",
    "HStA",
    "StA",
    "BayHStA",
    "HHStA",
    "StadtA",
    "LAV",
    "LHA",
    "LHASA",
    "ISG",
    "PAAA",
    "BAB",
    "BAK",
    "BA-MA",
    "SächsHStA",
    "ThHStA",
    "GLA",
    "LA",
];

/// First words of the parts of a German shelfmark.
const SHELF_WORDS: &[&str] = &[
    "Rep.", "HA", "I.", "II.", "III.", "IV.", "Tit.", "Nr.", "Bd.", "Akte", "Best.", "Bestand",
    "Sign.", "Abt.", "Fasz.", "Vol.", "R", "NS", "RW", "N", "Pers.",
];

/// The leaf: "Bl. 88", "fol. 3", "S. 12".
const LEAF_WORDS: &[&str] = &["Bl.", "fol.", "fols.", "S.", "f.", "ff."];

fn is_archive(part: &str) -> bool {
    let first = part.split_whitespace().next().unwrap_or("");
    (ARCHIVE_HEADS.contains(&first) || part.contains("archiv") || part.contains("Archiv"))
        && part.split_whitespace().count() <= 6
}

fn is_shelf_part(part: &str) -> bool {
    let mut words = part.split_whitespace();
    let first = words.next().unwrap_or("");
    let has_number = part.chars().any(|c| c.is_ascii_digit());
    part.split_whitespace().count() <= 5
        && has_number
        && (SHELF_WORDS.contains(&first)
            || (first.contains('/') && first.chars().any(|c| c.is_ascii_digit())))
}

/// Relabels the tokens of a German archival reference (see the module
/// docs): the archive, the shelfmark (its parts and the commas between them
/// one field) and the leaf as pages.
pub(crate) fn german_archive(text: &str, tokens: &[Token], path: &mut [u16], outside: u16) {
    if !(text.contains("Rep.")
        || text.contains("Bl.")
        || text.contains("Nr.")
        || text.contains('/'))
    {
        return;
    }
    let ps = parts(text);
    if ps.len() < 2 || !is_archive(ps[0].1) {
        return;
    }
    let leaf = ps
        .last()
        .filter(|p| is_leaf(p.1, LEAF_WORDS, 2))
        .map(|p| p.0.clone());
    let shelf = &ps[1..ps.len() - usize::from(leaf.is_some())];
    if shelf.is_empty() || !shelf.iter().all(|p| is_shelf_part(p.1)) || !is_shelf_part(shelf[0].1) {
        return;
    }
    let shelfmark = shelf[0].0.start..shelf[shelf.len() - 1].0.end;
    let mut spans = vec![
        (ps[0].0.clone(), Label::Archive),
        (shelfmark, Label::ArchiveLocation),
    ];
    spans.extend(leaf.map(|l| (l, Label::Pages)));
    relabel(tokens, path, &spans, outside);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relabel(text: &str) -> Vec<String> {
        crate::path_rule_test::relabel_with(german_archive, text)
    }

    #[test]
    fn archive_shelfmark_and_leaf() {
        assert_eq!(
            relabel("GStA PK, I. HA Rep. 89, Nr. 15610, Bl. 88."),
            [
                "archive=GStA PK",
                "archive-location=I. HA Rep. 89, Nr. 15610",
                "pages=Bl. 88"
            ]
        );
        assert_eq!(
            relabel("Bundesarchiv Berlin-Lichterfelde, R 1501/112345, Bl. 17–19."),
            [
                "archive=Bundesarchiv Berlin-Lichterfelde",
                "archive-location=R 1501/112345",
                "pages=Bl. 17–19"
            ]
        );
        assert_eq!(
            relabel(
                "Geheimes Staatsarchiv Preußischer Kulturbesitz, I. HA Rep. 77, Tit. 500, Nr. 12"
            ),
            [
                "archive=Geheimes Staatsarchiv Preußischer Kulturbesitz",
                "archive-location=I. HA Rep. 77, Tit. 500, Nr. 12"
            ]
        );
    }

    #[test]
    fn other_citations_are_left_alone() {
        for text in [
            "Archiv für Sozialgeschichte 12 (1972), S. 45.",
            "GStA PK, a history of the archive, Berlin 2004",
            "Stadtarchiv Köln, Nr. 12, Bl. 4, and Smith, Title",
            "M. Weber, Wirtschaft und Gesellschaft, Tübingen 1922, S. 12",
        ] {
            let all = relabel(text);
            assert_eq!(all, [format!("author={}", text)], "{text}");
        }
    }
}
