//! Harmonising the training corpora's conventions before they are mixed.
//!
//! LinkedBooks labels every title `title`: a journal or the book that holds a
//! chapter is `title` like the article's own title, and a journal quoted
//! after an article's title is often inside the same span ("Andrea Querini,
//! “Archivio Veneto”,"). The other corpora label those `container-title`, so
//! a model trained on the mix learns two answers for one question. Before
//! training, LinkedBooks records are rewritten to the common convention:
//!
//! - a `title` span that ends in a quoted part after a comma or full stop
//!   (`Title, “Journal”,` / `Title, «Journal»`) is split: the quoted part
//!   becomes `container-title`;
//! - a later `title` span of the record (not the first) that follows "in",
//!   "in:", "dans", "dalla rivista" or starts with a quotation mark becomes
//!   `container-title`.
//!
//! Scoring on LinkedBooks merges the two labels (`EvalOptions::merge_titles`),
//! so the rewrite changes what the model learns, not what it is scored on.

use crate::data::{GoldSpan, TrainRecord};
use ibid_model::Label;

const OPEN_QUOTES: [char; 5] = ['“', '«', '"', '„', '‘'];

/// True for records of a corpus that labels every title `title`.
fn merges_titles(source: &str) -> bool {
    source.starts_with("linkedbooks")
}

/// Rewrites records of corpora with other conventions (see the module docs).
/// Other records are returned unchanged.
pub fn harmonise(rec: &TrainRecord) -> TrainRecord {
    if !merges_titles(&rec.source) {
        return rec.clone();
    }
    let mut spans = Vec::with_capacity(rec.spans.len() + 1);
    let mut titles = 0usize;
    let mut prev_end = 0usize;
    for s in &rec.spans {
        if s.label != Label::Title {
            spans.push(s.clone());
            prev_end = s.range.end;
            continue;
        }
        titles += 1;
        let text = &rec.text[s.range.clone()];
        let before = rec.text.get(prev_end..s.range.start).unwrap_or("");
        prev_end = s.range.end;
        if titles > 1 && (follows_in(before, &spans, &rec.text) || starts_quoted(text)) {
            spans.push(GoldSpan {
                label: Label::ContainerTitle,
                range: s.range.clone(),
            });
            continue;
        }
        match quoted_tail(text) {
            Some(at) => {
                spans.push(GoldSpan {
                    label: Label::Title,
                    range: s.range.start..s.range.start + at,
                });
                let quote = text[at..]
                    .find(|c: char| OPEN_QUOTES.contains(&c))
                    .map_or(at, |q| at + q);
                spans.push(GoldSpan {
                    label: Label::ContainerTitle,
                    range: s.range.start + quote..s.range.end,
                });
            }
            None => spans.push(s.clone()),
        }
    }
    TrainRecord {
        source: rec.source.clone(),
        text: rec.text.clone(),
        spans,
    }
}

fn starts_quoted(text: &str) -> bool {
    text.trim_start().starts_with(OPEN_QUOTES)
}

/// "in", "in:", "dans", "dalla rivista" just before the span, unlabelled or
/// labelled `other`.
fn follows_in(before: &str, spans: &[GoldSpan], text: &str) -> bool {
    let is_in = |s: &str| {
        let w = s.trim().trim_end_matches([':', ',']).trim().to_lowercase();
        matches!(
            w.as_str(),
            "in" | "dans" | "dalla rivista" | "nella rivista" | "dalla"
        )
    };
    if is_in(before) {
        return true;
    }
    match spans.last() {
        Some(last) if last.label == Label::Other => {
            is_in(text.get(last.range.clone()).unwrap_or(""))
        }
        _ => false,
    }
}

/// The byte offset in `title` where a trailing quoted part starts (after its
/// separating ", " or ". "), when the title ends with one and has a title of
/// its own before it.
fn quoted_tail(title: &str) -> Option<usize> {
    let t = title.trim_end_matches([',', '.', ';', ':', ' ']);
    let closer = t.chars().next_back()?;
    if !matches!(closer, '”' | '»' | '"' | '“' | '’') {
        return None;
    }
    // the last opening quote
    let body = &t[..t.len() - closer.len_utf8()];
    let open = body.rfind(|c: char| OPEN_QUOTES.contains(&c))?;
    let head = body[..open].trim_end();
    let sep = head.chars().next_back()?;
    if !matches!(sep, ',' | '.') {
        return None;
    }
    let own = head[..head.len() - 1].trim_end();
    if own.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
        return None;
    }
    // the container starts after the separator
    Some(head.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(source: &str, text: &str, spans: &[(Label, &str)]) -> TrainRecord {
        let mut from = 0;
        TrainRecord {
            source: source.into(),
            text: text.into(),
            spans: spans
                .iter()
                .map(|(l, s)| {
                    let i = from + text[from..].find(s).expect("span text");
                    from = i + s.len();
                    GoldSpan {
                        label: *l,
                        range: i..i + s.len(),
                    }
                })
                .collect(),
        }
    }

    fn labelled(r: &TrainRecord) -> Vec<(Label, &str)> {
        r.spans
            .iter()
            .map(|s| (s.label, r.text[s.range.clone()].trim()))
            .collect()
    }

    #[test]
    fn quoted_journal_inside_a_title_is_split_off() {
        let r = rec(
            "linkedbooks-train",
            "G. Rossi, Le cronache del porto, “Rivista storica”, a. X (1901).",
            &[
                (Label::Author, "G. Rossi,"),
                (Label::Title, "Le cronache del porto, “Rivista storica”,"),
                (Label::Volume, "a. X (1901)."),
            ],
        );
        let h = harmonise(&r);
        assert_eq!(
            labelled(&h),
            [
                (Label::Author, "G. Rossi,"),
                (Label::Title, "Le cronache del porto,"),
                (Label::ContainerTitle, "“Rivista storica”,"),
                (Label::Volume, "a. X (1901)."),
            ]
        );
    }

    #[test]
    fn second_title_after_in_is_the_container() {
        let r = rec(
            "linkedbooks-train",
            "P. Bianchi, Una villa sul Brenta, in: Ville venete, Padova 1980.",
            &[
                (Label::Author, "P. Bianchi,"),
                (Label::Title, "Una villa sul Brenta,"),
                (Label::Other, "in:"),
                (Label::Title, "Ville venete,"),
                (Label::Location, "Padova"),
            ],
        );
        let h = harmonise(&r);
        assert_eq!(h.spans[3].label, Label::ContainerTitle);
        assert_eq!(h.spans[1].label, Label::Title);
        // unlabelled "in"
        let r = rec(
            "linkedbooks-train",
            "P. Bianchi, Una villa sul Brenta, in Ville venete, Padova 1980.",
            &[
                (Label::Title, "Una villa sul Brenta,"),
                (Label::Title, "Ville venete,"),
            ],
        );
        assert_eq!(harmonise(&r).spans[1].label, Label::ContainerTitle);
    }

    #[test]
    fn other_titles_and_other_sources_are_untouched() {
        // a quoted title of its own is not a container
        let r = rec(
            "linkedbooks-train",
            "L. Verdi, «Memorie della laguna», Venezia 1850.",
            &[(Label::Title, "«Memorie della laguna»,")],
        );
        assert_eq!(harmonise(&r), r);
        let r = rec(
            "anystyle-good",
            "A. Smith, Essays, “Journal”, 1990.",
            &[(Label::Title, "Essays, “Journal”,")],
        );
        assert_eq!(harmonise(&r), r);
    }
}
