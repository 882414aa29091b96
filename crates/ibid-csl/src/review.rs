//! Reviews titled by what they review: "Richard J. Evans, review of The
//! Third Reich, by Michael Burleigh, Times Literary Supplement, 3 March
//! 2000".
//!
//! The title stays as the source wrote it ("review of The Third Reich, by
//! Michael Burleigh"), which every export can print; the reviewed work is
//! also given as CSL's `reviewed-title` and `reviewed-author` (kept in
//! `custom`, lifted to the top level by the CSL-JSON export). Three repairs:
//! the reviewed book's author read by the model as a second author of the
//! review joins the title ([`is_reviewed_author`]), a title run on into
//! the periodical ends after the reviewed author ([`review_container_in_title`]),
//! and the reviewed work is read from the title ([`reviewed_work`]).

use crate::text::safe_slice;
use ibid_model::{Item, Label};
use serde_json::Value;
use std::ops::Range;

/// The words a review's title opens with, in lower case.
const HEADS: [&str; 2] = ["review of ", "rev. of "];

/// The reviewed work of a title opening with a review's head word ("review
/// of …", "Review of …", "rev. of …"): what follows the head.
fn after_head(title: &str) -> Option<&str> {
    HEADS.iter().find_map(|h| {
        let head = title.get(..h.len())?;
        head.eq_ignore_ascii_case(h).then(|| &title[h.len()..])
    })
}

/// True when `title` is a review's: it opens "review of …".
pub(crate) fn is_review_title(title: &str) -> bool {
    after_head(title).is_some()
}

/// The reviewed work's title and author in a review's title: "review of The
/// Third Reich, by Michael Burleigh" and "review of M. Berengo, Nobili e
/// mercanti" give ("The Third Reich", "Michael Burleigh") and ("Nobili e
/// mercanti", "M. Berengo"). A title naming no author is no review's: "Review
/// of Particle Physics", "Review of the experience with …" are surveys.
fn reviewed(title: &str) -> Option<(&str, &str)> {
    let rest = after_head(title)?.trim().trim_end_matches(['.', ',', ';']);
    let is_person = crate::names::is_person_name;
    for by in [", by ", " by "] {
        if let Some(at) = rest.rfind(by) {
            let name = rest[at + by.len()..].trim();
            let work = rest[..at].trim();
            if is_person(name) && !work.is_empty() {
                return Some((work, name));
            }
        }
    }
    let (name, work) = rest.split_once(", ")?;
    (is_person(name.trim()) && !work.trim().is_empty()).then(|| (work.trim(), name.trim()))
}

/// The field-level repair: a field labelled `author` at index `k` that
/// reads "by A. J. P. Taylor" right after a review's title ("review of The
/// Origins of the Second World War, by A. J. P. Taylor") names the reviewed
/// book's author, and belongs to the title (also read as an editor). Returns
/// the range of the whole title, from the title field's start to the name's
/// end, and what the field holds after the name ("by A. J. P. Taylor,
/// Observer": the periodical), if anything.
pub(crate) fn is_reviewed_author(
    text: &str,
    fields: &[(Label, Range<usize>)],
    k: usize,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let (label, range) = fields.get(k)?;
    let (Label::Author | Label::Editor, Some((Label::Title, title))) =
        (label, k.checked_sub(1).map(|j| &fields[j]))
    else {
        return None;
    };
    let gap = safe_slice(text, title.end..range.start).trim();
    let field = safe_slice(text, range.clone());
    let lead = field.len() - field.trim_start().len();
    // "by" inside the field or before it
    let (gap, name, name_start) = match field.trim_start().strip_prefix("by ") {
        Some(name) => (gap, name, range.start + lead + 3),
        None => (
            gap.strip_suffix("by")?.trim(),
            field.trim_start(),
            range.start + lead,
        ),
    };
    let whole_title = safe_slice(text, title.clone()).trim();
    if !matches!(gap, "" | ",") || !is_review_title(whole_title) {
        return None;
    }
    let is_person = |s: &str| {
        let s = s.trim_end_matches(['.', ',', ';']).trim();
        !s.contains(',') && crate::names::is_person_name(s)
    };
    if is_person(name) {
        return Some((title.start..range.end, None));
    }
    // the name, then the rest of the field
    let (person, _) = name.split_once(", ")?;
    let end = name_start + person.len();
    let rest = end + 2..range.end;
    (is_person(person) && !safe_slice(text, rest.clone()).trim().is_empty())
        .then_some((title.start..end, Some(rest)))
}

/// "Richard J. Evans, review of The Third Reich, by Michael Burleigh, Times
/// Literary Supplement, 3 March 2000": a review's title ("review of Book,
/// by Author") run on into the periodical. With no container, what
/// follows the reviewed book's author is the container.
pub(crate) fn review_container_in_title(it: &mut Item) {
    if it.container_title.is_some() {
        return;
    }
    let Some(title) = it.title.as_deref() else {
        return;
    };
    if !is_review_title(title) {
        return;
    }
    let Some(by) = title.find(", by ") else {
        return;
    };
    let after = &title[by + 5..];
    let Some((name, rest)) = after.split_once(", ") else {
        return;
    };
    // the reviewed book's author
    let rest = rest.trim().trim_end_matches([',', '.', ';']);
    if !crate::names::is_person_name(name) || rest.is_empty() {
        return;
    }
    let cut = by + 5 + name.len();
    it.container_title = Some(rest.to_string());
    it.title = Some(title[..cut].to_string());
}

/// The reviewed work of a review's title as CSL's `reviewed-title` and
/// `reviewed-author` (in `custom`).
pub(crate) fn reviewed_work(it: &mut Item) {
    let Some((title, author)) = it.title.as_deref().and_then(reviewed) else {
        return;
    };
    let names = crate::names::parse_names(author).names;
    let Ok(names) = serde_json::to_value(names) else {
        return;
    };
    it.custom
        .insert("reviewed-title".into(), Value::String(title.to_string()));
    it.custom.insert("reviewed-author".into(), names);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reviewed_work_is_read_from_the_title() {
        assert_eq!(
            reviewed("review of The Third Reich, by Michael Burleigh"),
            Some(("The Third Reich", "Michael Burleigh"))
        );
        assert_eq!(
            reviewed("Review of Death by Water, by A. J. Smith."),
            Some(("Death by Water", "A. J. Smith"))
        );
        assert_eq!(
            reviewed("Review of Compendium Linguarum Iranicarum by Rüdiger Schmitt"),
            Some(("Compendium Linguarum Iranicarum", "Rüdiger Schmitt"))
        );
        assert_eq!(
            reviewed("rev. of M. Berengo, Nobili e mercanti nella Lucca del Cinquecento"),
            Some((
                "Nobili e mercanti nella Lucca del Cinquecento",
                "M. Berengo"
            ))
        );
        // no author named: a survey's title, or "by" and no person after it
        for title in [
            "rev. of The Third Reich",
            "Review of Particle Physics",
            "Review of the experience with monitoring uncertainty requirements",
            "review of Essays, by and large",
            "Review of Death by Water",
            "A review of the evidence",
            "Reviews of books",
        ] {
            assert_eq!(reviewed(title), None, "{title}");
        }
    }

    fn at_in(text: &str, s: &str) -> Range<usize> {
        let i = text.find(s).unwrap();
        i..i + s.len()
    }

    #[test]
    fn a_reviewed_author_read_as_an_author_joins_the_title() {
        let text = "John Smith, review of The Origins, by A. J. P. Taylor, EHR 77 (1962)";
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            i..i + s.len()
        };
        let fields = [
            (Label::Author, at("John Smith")),
            (Label::Title, at("review of The Origins")),
            (Label::Author, at("by A. J. P. Taylor")),
            (Label::ContainerTitle, at("EHR")),
        ];
        assert_eq!(
            is_reviewed_author(text, &fields, 2),
            Some((at("review of The Origins, by A. J. P. Taylor"), None))
        );
        // the name and the periodical read as one editor
        let text = "Peter Lane, review of The Origins, by A. J. P. Taylor, Observer, 16 April 1961";
        let fields = [
            (Label::Author, at_in(text, "Peter Lane")),
            (Label::Title, at_in(text, "review of The Origins")),
            (Label::Editor, at_in(text, "by A. J. P. Taylor, Observer")),
        ];
        assert_eq!(
            is_reviewed_author(text, &fields, 2),
            Some((
                at_in(text, "review of The Origins, by A. J. P. Taylor"),
                Some(at_in(text, "Observer"))
            ))
        );
        // "by" left out of the field
        let fields = [
            (Label::Title, at_in(text, "review of The Origins")),
            (Label::Editor, at_in(text, "A. J. P. Taylor, Observer")),
        ];
        assert_eq!(
            is_reviewed_author(text, &fields, 1),
            Some((
                at_in(text, "review of The Origins, by A. J. P. Taylor"),
                Some(at_in(text, "Observer"))
            ))
        );
        // the first author, the container: no
        assert_eq!(is_reviewed_author(text, &fields, 0), None);
        assert_eq!(is_reviewed_author(text, &fields, 3), None);
        // a title that is no review's
        let text = "John Smith, The Origins, by A. J. P. Taylor";
        let fields = [(Label::Title, 12..23), (Label::Author, 25..text.len())];
        assert_eq!(is_reviewed_author(text, &fields, 1), None);
    }

    #[test]
    fn reviewed_title_and_author_go_to_custom() {
        let mut it = Item {
            title: Some("review of The Third Reich, by Michael Burleigh".into()),
            ..Item::default()
        };
        reviewed_work(&mut it);
        assert_eq!(it.custom["reviewed-title"], "The Third Reich");
        assert_eq!(it.custom["reviewed-author"][0]["family"], "Burleigh");
        assert_eq!(it.custom["reviewed-author"][0]["given"], "Michael");
        let mut plain = Item {
            title: Some("The Third Reich".into()),
            ..Item::default()
        };
        reviewed_work(&mut plain);
        assert!(plain.custom.is_empty());
    }
}
