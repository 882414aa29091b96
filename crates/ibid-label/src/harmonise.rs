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
//!   `container-title`;
//! - a `title` span that runs on into its container ("Relazione, in
//!   Relazioni degli ambasciatori", 465 spans of linkedbooks-train, where the
//!   other records and the validation set keep the two apart) is split at
//!   ", in": title, "in" as `other`, `container-title`.
//!
//! GROBID's records leave the marker of a volume, issue or page outside the
//! field ("vol. | 12", "pp. | 3-9"), where every other corpus puts it inside;
//! the volume, issue and pages spans of those records take in the marker
//! just before them.
//!
//! AnyStyle's records put "In:" inside the container or editor after it and
//! role markers inside the editor ("In: J. Doe (ed.),"), where GROBID,
//! LinkedBooks and the bibltei notes leave them out: those container and
//! editor spans lose a leading "In"/"In:", and editor spans lose role
//! markers at either edge.
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

/// True for records of a corpus that leaves the marker of a volume, issue
/// or page outside the field ("vol. 12": only "12" is `volume`).
/// GROBID's TEI training files (read as `tei-bibl`) do the same.
fn leaves_markers_outside(source: &str) -> bool {
    source.starts_with("grobid") || source == "tei-bibl"
}

/// Markers of volumes, issues and pages (lower case, without the full stop).
const MARKERS: &[&str] = &[
    "vol", "vols", "volume", "no", "nos", "nr", "iss", "issue", "p", "pp", "pag", "s", "bd", "t",
    "heft", "jg", "fasc",
];

/// A volume, issue or pages span of a corpus that leaves its marker out
/// ("vol. | 12") takes in the marker just before it ("vol. 12"), when no
/// other span holds the marker.
fn take_in_markers(rec: &TrainRecord) -> TrainRecord {
    let mut spans = rec.spans.clone();
    spans.sort_by_key(|s| s.range.start);
    let mut prev_end = 0usize;
    for s in &mut spans {
        let start = s.range.start;
        if matches!(s.label, Label::Volume | Label::Issue | Label::Pages) && start >= prev_end {
            let gap = rec.text.get(prev_end..start).unwrap_or("");
            let head = gap.trim_end();
            let word_start = head
                .rfind(|c: char| !(c.is_alphabetic() || c == '.'))
                .map_or(0, |i| {
                    i + head[i..].chars().next().map_or(1, char::len_utf8)
                });
            let word = &head[word_start..];
            let bare = word.trim_end_matches('.').to_lowercase();
            if !bare.is_empty() && MARKERS.contains(&bare.as_str()) {
                s.range.start = prev_end + word_start;
            }
        }
        prev_end = prev_end.max(s.range.end);
    }
    TrainRecord {
        source: rec.source.clone(),
        text: rec.text.clone(),
        spans,
    }
}

/// True for records of a corpus that puts "In:" inside the container or
/// editor that follows it, and role markers ("(ed.)", "Hrsg.") inside the
/// editor field.
fn keeps_link_words_inside(source: &str) -> bool {
    source.starts_with("anystyle")
}

/// Role markers of editors (lower case, without full stops or brackets).
/// The short ones count only with a full stop or in brackets ("Ed." but
/// not the given name "Ed"); "by", "v." and "von" only after another.
const ROLE_MARKERS: &[&str] = &[
    "ed",
    "eds",
    "editor",
    "editors",
    "edited",
    "hrsg",
    "hg",
    "herausgegeben",
    "dir",
    "éd",
    "éds",
];
const ROLE_LINKS: &[&str] = &["by", "v", "von"];

fn needs_dot(word: &str) -> bool {
    word.chars().count() <= 4
}

/// The word of `s` at its start (`from_end` false) or end, with its byte
/// range: letters only, the brackets and full stop around it included.
fn edge_word(s: &str, from_end: bool) -> Option<(std::ops::Range<usize>, String)> {
    let trim: &[char] = &[' ', ',', ';', ':', '(', ')', '.'];
    let (a, b) = if from_end {
        let t = s.trim_end_matches(trim);
        let start = t
            .rfind(|c: char| !c.is_alphabetic())
            .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
        (start, s.len())
    } else {
        let lead = s.len() - s.trim_start_matches(trim).len();
        let t = &s[lead..];
        let len = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
        let rest = &t[len..];
        let tail = rest.len() - rest.trim_start_matches(trim).len();
        (0, lead + len + tail)
    };
    let word: String = s[a..b].chars().filter(|c| c.is_alphabetic()).collect();
    (!word.is_empty()).then(|| (a..b, word.to_lowercase()))
}

/// Container and editor spans of a corpus that keeps link words inside
/// them lose a leading "In"/"In:", and editor spans lose role markers at
/// either edge ("ed. by", "(eds.)", "Hrsg."), as the other corpora and the
/// bibltei notes label them.
fn drop_link_words(rec: &TrainRecord) -> TrainRecord {
    let mut spans = Vec::with_capacity(rec.spans.len());
    for s in &rec.spans {
        let mut r = s.range.clone();
        let holds = matches!(
            s.label,
            Label::ContainerTitle | Label::Editor | Label::CollectionTitle
        );
        if holds {
            let text = rec.text.get(r.clone()).unwrap_or("");
            if let Some((w, word)) = edge_word(text, false) {
                if word == "in" && w.end < text.len() {
                    r.start += w.end;
                }
            }
        }
        if s.label == Label::Editor {
            for from_end in [false, true] {
                // at most three marker words at each edge ("edited by", "hg. v.")
                let mut after_marker = false;
                for _ in 0..3 {
                    let text = rec.text.get(r.clone()).unwrap_or("");
                    let Some((w, word)) = edge_word(text, from_end) else {
                        break;
                    };
                    let written = &text[w.clone()];
                    let marked = written.contains(['.', '(', ')']) || !needs_dot(&word);
                    let is_marker = (ROLE_MARKERS.contains(&word.as_str()) && marked)
                        || (after_marker && !from_end && ROLE_LINKS.contains(&word.as_str()));
                    if !is_marker || w.len() >= text.len() {
                        break;
                    }
                    after_marker = true;
                    if from_end {
                        let head = text[..w.start].trim_end_matches([' ', ',', ';', ':', '(']);
                        r.end = r.start + head.len();
                    } else {
                        r.start += w.end;
                    }
                }
            }
        }
        let kept = rec
            .text
            .get(r.clone())
            .is_some_and(|t| t.chars().any(char::is_alphanumeric));
        spans.push(GoldSpan {
            label: s.label,
            range: if kept { r } else { s.range.clone() },
        });
    }
    TrainRecord {
        source: rec.source.clone(),
        text: rec.text.clone(),
        spans,
    }
}

/// Rewrites records of corpora with other conventions (see the module docs).
/// Other records are returned unchanged.
pub fn harmonise(rec: &TrainRecord) -> TrainRecord {
    if leaves_markers_outside(&rec.source) {
        return take_in_markers(rec);
    }
    if keeps_link_words_inside(&rec.source) {
        return drop_link_words(rec);
    }
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
        if let Some((head_end, word, tail_start)) = in_split(text) {
            // "Title, in Container": the annotator ran the two together
            let at = s.range.start;
            spans.push(GoldSpan {
                label: Label::Title,
                range: at..at + head_end,
            });
            spans.push(GoldSpan {
                label: Label::Other,
                range: at + word.start..at + word.end,
            });
            spans.push(GoldSpan {
                label: Label::ContainerTitle,
                range: at + tail_start..s.range.end,
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

/// Where a title span that runs on into the book or journal holding it
/// ("Relazione, in Relazioni degli ambasciatori veneti", "Vita di Giorgio
/// Merula, in «Rivista di storia»") splits: the end of the title (before
/// the comma), the range of "in"/"in:", and the start of the container.
/// Only ", in" before a capital letter or an opening quote counts, with a
/// title of at least three letters or digits before it.
fn in_split(title: &str) -> Option<(usize, std::ops::Range<usize>, usize)> {
    let mut from = 0;
    while let Some(k) = title[from..].find(", ").map(|k| from + k) {
        from = k + 2;
        let rest = &title[k + 2..];
        let word_len = if rest.starts_with("in: ") || rest.starts_with("In: ") {
            3
        } else if rest.starts_with("in ") || rest.starts_with("In ") {
            2
        } else {
            continue;
        };
        let tail = rest[word_len..].trim_start();
        let tail_start = title.len() - tail.len();
        let opens = tail
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || OPEN_QUOTES.contains(&c));
        let head_ok = title[..k].chars().filter(|c| c.is_alphanumeric()).count() >= 3;
        let tail_ok = tail.chars().filter(|c| c.is_alphanumeric()).count() >= 3;
        if opens && head_ok && tail_ok {
            return Some((k, k + 2..k + 2 + word_len, tail_start));
        }
    }
    None
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
    fn a_title_run_on_into_its_container_is_split_at_in() {
        let r = rec(
            "linkedbooks-train",
            "M. Neri, Vita di Giorgio Merula, in «Rivista di storia», XX, 1911.",
            &[
                (Label::Author, "M. Neri,"),
                (
                    Label::Title,
                    "Vita di Giorgio Merula, in «Rivista di storia»,",
                ),
                (Label::Volume, "XX, 1911."),
            ],
        );
        assert_eq!(
            labelled(&harmonise(&r)),
            [
                (Label::Author, "M. Neri,"),
                (Label::Title, "Vita di Giorgio Merula"),
                (Label::Other, "in"),
                (Label::ContainerTitle, "«Rivista di storia»,"),
                (Label::Volume, "XX, 1911."),
            ]
        );
        let r = rec(
            "linkedbooks-train",
            "Relazione, in: Relazioni degli ambasciatori, Firenze 1840.",
            &[(Label::Title, "Relazione, in: Relazioni degli ambasciatori,")],
        );
        assert_eq!(
            labelled(&harmonise(&r)),
            [
                (Label::Title, "Relazione"),
                (Label::Other, "in:"),
                (Label::ContainerTitle, "Relazioni degli ambasciatori,"),
            ]
        );
        // "in" inside a title, not before a capital, stays
        for title in [
            "Il commercio, in particolare del sale,",
            "Venezia in età moderna,",
        ] {
            let r = rec("linkedbooks-train", title, &[(Label::Title, title)]);
            assert_eq!(harmonise(&r), r, "{title}");
        }
    }

    #[test]
    fn grobid_markers_join_their_fields() {
        let r = rec(
            "grobid-citation",
            "J. Doe, Title, Journal, vol. 12, no. 3, pp. 45-67, 1999.",
            &[
                (Label::Author, "J. Doe,"),
                (Label::Title, "Title,"),
                (Label::ContainerTitle, "Journal,"),
                (Label::Volume, "12,"),
                (Label::Issue, "3,"),
                (Label::Pages, "45-67,"),
                (Label::Date, "1999."),
            ],
        );
        assert_eq!(
            labelled(&harmonise(&r))[3..6],
            [
                (Label::Volume, "vol. 12,"),
                (Label::Issue, "no. 3,"),
                (Label::Pages, "pp. 45-67,"),
            ]
        );
        // no marker, or a word that is none: unchanged
        let r = rec(
            "grobid-citation",
            "Journal 12, 45-67; in press 3",
            &[
                (Label::Volume, "12,"),
                (Label::Pages, "45-67;"),
                (Label::Issue, "3"),
            ],
        );
        assert_eq!(harmonise(&r), r);
    }

    #[test]
    fn anystyle_link_words_leave_containers_and_editors() {
        let r = rec(
            "anystyle-good",
            "A. Smith. Essay. In: J. Doe (ed.), Handbook. In Proceedings X. Edited by K. Roe, 1990.",
            &[
                (Label::Author, "A. Smith."),
                (Label::Title, "Essay."),
                (Label::Editor, "In: J. Doe (ed.),"),
                (Label::ContainerTitle, "Handbook."),
                (Label::ContainerTitle, "In Proceedings X."),
                (Label::Editor, "Edited by K. Roe,"),
            ],
        );
        assert_eq!(
            labelled(&harmonise(&r))[2..],
            [
                (Label::Editor, "J. Doe"),
                (Label::ContainerTitle, "Handbook."),
                (Label::ContainerTitle, "Proceedings X."),
                (Label::Editor, "K. Roe,"),
            ]
        );
        // a span that is only a marker, and names that start like one, stay
        let r = rec(
            "anystyle-good",
            "Eds. Edwards, B. Indiana",
            &[
                (Label::Editor, "Eds."),
                (Label::Editor, "Edwards, B."),
                (Label::ContainerTitle, "Indiana"),
            ],
        );
        assert_eq!(harmonise(&r), r);
        for editor in ["von Humboldt, A.", "Smith, Ed", "Byron, G."] {
            let r = rec("anystyle-core", editor, &[(Label::Editor, editor)]);
            assert_eq!(harmonise(&r), r, "{editor}");
        }
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
