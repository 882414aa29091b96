//! The text that stands for a work in a reference list (JATS
//! `<mixed-citation>`, TEI `<note type="raw_reference">`): the text of its
//! fullest citation without that citation's pinpoint.

use crate::common::squash;
use crate::pages::{read_pages, DASHES};
use ibid_model::{Citation, CitationKind, Document};
use std::collections::HashMap;

/// For each work id, the text of its fullest citation (a full citation over a
/// back-reference, then the richest item, then the first), without the
/// citation's own pinpoint ([`without_locator`]).
pub(crate) fn fullest_citation_texts(doc: &Document) -> HashMap<&str, String> {
    let pages: HashMap<&str, &str> = doc
        .works
        .iter()
        .filter_map(|w| Some((w.item.id.as_deref()?, w.item.page.as_deref()?)))
        .collect();
    let mut best: HashMap<&str, (bool, usize, &Citation)> = HashMap::new();
    for (_, c) in doc.citations() {
        let Some(w) = c.work.as_deref() else { continue };
        let score = (c.kind == CitationKind::Full, c.item.richness(), c);
        match best.get(w) {
            Some(old) if (old.0, old.1) >= (score.0, score.1) => {}
            _ => {
                best.insert(w, score);
            }
        }
    }
    best.into_iter()
        .map(|(k, v)| (k, without_locator(v.2, pages.get(k).copied())))
        .collect()
}

/// Words that announce a pinpoint and are left dangling once it is gone
/// ("…, p." of "…, p. 88" when the locator is "88").
const MARKERS: [&str; 9] = [
    "p.", "pp.", "S.", "at", "col.", "cols.", "fol.", "fols.", "para.",
];

/// A citation's text without the pinpoint it ends with: a work cited as
/// "Taylor, Origins (London, 1961), p. 88" is "Taylor, Origins (London,
/// 1961)" in a reference list, since page 88 is one note's, not the work's.
/// The pinpoint is the citation's `locator`, or a labelled field that holds
/// it ("p. 88" for the locator "88"); a text that does not end with it is
/// returned as it is, squashed. The work's own pages (`work_page`, an
/// article's "237-264") stay when the locator holds them too ("p. 237-264,
/// ici p. 240" gives "…, p. 237-264").
pub(crate) fn without_locator(c: &Citation, work_page: Option<&str>) -> String {
    let text = squash(&c.text);
    let Some(loc) = c.locator.as_deref().map(squash).filter(|l| !l.is_empty()) else {
        return text;
    };
    let mut candidates: Vec<String> = c
        .fields
        .iter()
        .map(|f| squash(&f.text))
        .filter(|t| t.len() > loc.len() && t.contains(loc.as_str()))
        .collect();
    candidates.push(loc);
    candidates.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let body = text.trim_end_matches(['.', ' ']);
    for cand in &candidates {
        let Some(head) = body.strip_suffix(cand.as_str()) else {
            continue;
        };
        // The pinpoint must be a word of its own ("580", not the "80" of "580").
        if head.chars().next_back().is_some_and(char::is_alphanumeric) {
            continue;
        }
        if let Some(keep) = work_page.and_then(|p| work_range_in(cand, p)) {
            let kept = &body[..head.len() + keep];
            return kept.trim_end_matches([' ', ',', ';', ':']).to_string();
        }
        let head = trim_tail(head);
        if !head.is_empty() {
            return head.to_string();
        }
    }
    text
}

/// Where the work's own page range ends in `pinpoint`, when `pinpoint`
/// holds it ("p. 237-264, ici p. 240" holds 237–264 of the work's pages
/// "237-264, …": up to the end of "237-264").
fn work_range_in(pinpoint: &str, work_page: &str) -> Option<usize> {
    let range = read_pages(work_page)?;
    let is_word = |c: char| c.is_alphanumeric();
    let start = pinpoint
        .match_indices(range.first.as_str())
        .find_map(|(i, m)| {
            let before = pinpoint[..i].chars().next_back();
            let after = pinpoint[i + m.len()..].chars().next();
            (!before.is_some_and(is_word) && !after.is_some_and(is_word)).then_some(i)
        })?;
    let end = start + range.first.len();
    // The last page, as written after a dash ("264", or "38" of "737–38").
    let rest = &pinpoint[end..];
    let Some(after_dash) = rest.trim_start().strip_prefix(DASHES) else {
        return Some(end);
    };
    let after_dash = after_dash.trim_start_matches(DASHES).trim_start();
    let last_len = after_dash
        .find(|c: char| !is_word(c))
        .unwrap_or(after_dash.len());
    if range.last.is_none() || last_len == 0 {
        return Some(end);
    }
    Some(pinpoint.len() - after_dash.len() + last_len)
}

/// Trim separators and a dangling pinpoint marker from the end.
fn trim_tail(s: &str) -> &str {
    let seps: &[char] = &[' ', ',', ';', ':'];
    let s = s.trim_end_matches(seps);
    for m in MARKERS {
        if let Some(head) = s.strip_suffix(m) {
            if head.is_empty() || head.ends_with(seps) {
                return head.trim_end_matches(seps);
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::{Field, Item, Label};

    fn cite(text: &str, locator: Option<&str>, fields: &[(Label, &str)]) -> Citation {
        Citation {
            text: text.into(),
            span: [0, text.chars().count()],
            kind: CitationKind::Full,
            work: Some("w1".into()),
            locator: locator.map(String::from),
            item: Item::default(),
            fields: fields
                .iter()
                .map(|(label, t)| Field {
                    label: *label,
                    text: t.to_string(),
                    span: [0, 0],
                })
                .collect(),
            unlabelled: vec![],
            signal: None,
        }
    }

    fn strip(c: &Citation) -> String {
        without_locator(c, None)
    }

    #[test]
    fn the_works_own_pages_stay() {
        // The locator holds the article's pages and the pinpoint.
        let t = "J.-B. Duroselle, « Le sens de Munich », Revue historique, p. 237-264, ici p. 240";
        let c = cite(t, Some("p. 237-264, ici p. 240"), &[]);
        assert_eq!(
            without_locator(&c, Some("237-264, ici p. 240")),
            "J.-B. Duroselle, « Le sens de Munich », Revue historique, p. 237-264"
        );
        // An abbreviated range, written as the source has it.
        let t = "Kennedy, ‘Appeasement’, Journal, 2 (1976), pp. 195–215";
        let c = cite(t, Some("pp. 195–215"), &[]);
        assert_eq!(without_locator(&c, Some("195-215")), t);
        let t = "Watson and Crick, Nature 171 (1953), 737–38";
        let c = cite(t, Some("737–38"), &[]);
        assert_eq!(without_locator(&c, Some("737-38")), t);
        // A pinpoint outside the work's pages goes.
        let t = "Smith, ‘Article’, Journal 18 (1983), pp. 281–97, at pp. 287–9";
        let c = cite(t, Some("at pp. 287–9"), &[]);
        assert_eq!(
            without_locator(&c, Some("281-97, 287-9")),
            "Smith, ‘Article’, Journal 18 (1983), pp. 281–97"
        );
        // A single first page.
        let t = "Jowell, ‘The Rule of Law’ in The Changing Constitution (2011) 11, 15";
        let c = cite(t, Some("11, 15"), &[]);
        assert_eq!(
            without_locator(&c, Some("11, 15")),
            "Jowell, ‘The Rule of Law’ in The Changing Constitution (2011) 11"
        );
    }

    #[test]
    fn the_pinpoint_is_not_the_works() {
        let taylor = "Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88";
        assert_eq!(
            strip(&cite(taylor, Some("p. 88"), &[])),
            "Taylor, A. J. P., The Origins of the Second World War (London, 1961)"
        );
        // The locator without its marker; the field holds the whole pinpoint.
        assert_eq!(
            strip(&cite(taylor, Some("88"), &[(Label::Pages, "p. 88")])),
            "Taylor, A. J. P., The Origins of the Second World War (London, 1961)"
        );
        // Without the field, the dangling marker goes too.
        assert_eq!(
            strip(&cite(taylor, Some("88"), &[])),
            "Taylor, A. J. P., The Origins of the Second World War (London, 1961)"
        );
        assert_eq!(
            without_locator(
                &cite(
                    "Donoghue v Stevenson [1932] AC 562 (HL) 580",
                    Some("580"),
                    &[(Label::Pages, "562"), (Label::Pages, "580")]
                ),
                Some("562")
            ),
            "Donoghue v Stevenson [1932] AC 562 (HL)"
        );
        assert_eq!(
            strip(&cite(
                "Documents on German Foreign Policy, Series C, Vol. II (hereafter cited as D.G.F.P.), Doc. No. 45",
                Some("Doc. No. 45"),
                &[]
            )),
            "Documents on German Foreign Policy, Series C, Vol. II (hereafter cited as D.G.F.P.)"
        );
    }

    #[test]
    fn texts_that_do_not_end_with_the_pinpoint_stay() {
        // Not at the end.
        let t = "Smith, History, p. 88 (London, 1961)";
        assert_eq!(strip(&cite(t, Some("p. 88"), &[])), t);
        // Part of a longer number.
        let t = "Smith, History (London, 1961), 580";
        assert_eq!(strip(&cite(t, Some("80"), &[])), t);
        // No locator.
        let t = "Smith,  History  (London, 1961), 80";
        assert_eq!(
            strip(&cite(t, None, &[])),
            "Smith, History (London, 1961), 80"
        );
        // Nothing but the pinpoint.
        assert_eq!(strip(&cite("p. 12", Some("p. 12"), &[])), "p. 12");
    }
}
