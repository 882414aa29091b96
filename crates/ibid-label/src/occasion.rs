//! Speeches and diary entries, which history notes cite by what they are
//! and when, not by a title:
//!
//! - "Hitler's speech of 30 January 1939, in Max Domarus, Hitler: Speeches
//!   and Proclamations, vol. 3 (Wauconda, IL, 1997), 1449"
//! - "Speech by Neville Chamberlain, 17 March 1939, in The Times, 18 March
//!   1939, 14"
//! - "Speech at Birmingham, 17 March 1939, in Neville Chamberlain, The
//!   Struggle for Peace (London, 1939), 413–21"
//! - "Diary of Harold Nicolson, 12 May 1940, Nicolson Papers, Balliol
//!   College", "Cadogan diary, 17 March 1939, CAC, ACAD 1/8", "Goebbels,
//!   Tagebücher, 12 March 1938"
//!
//! The training data holds almost none of these, and the model reads the
//! whole lead as a date or an author ("Speech at" as a given name). The
//! lead is plain once its head word is found: the speaker or diarist (a
//! possessive, "by X", "of X", or a name before the head), the head phrase
//! ("speech at Birmingham", "diary entry"), an optional place, and a date
//! with its month (a book's imprint has a year only, so "Speech at the
//! Crossroads (London, 1990)" is no lead). It is read here by rule; what
//! follows it is labelled by the model on its own ([`Lead::rest`]): after
//! "in" it is the host the speech or entry is printed in (its title is the
//! container, its author the editor when the lead named the speaker, the
//! speaker otherwise); else an archive or a newspaper report.
//!
//! Fields of the lead: the speaker `author`, the head phrase `title`, a
//! place `location`, the day `date`, "in" `other`.

use crate::dict::{Dict, MONTH};
use crate::name_words::{in_name, is_capitalised, is_initials};
use crate::spans::normalise_span;
use crate::LabelledSpan;
use ibid_csl::{is_occasion_qualifier as is_qualifier, occasion_head as head, Occasion};
use ibid_model::Label;
use std::ops::Range;

/// Words that introduce the speaker or diarist after the head.
const BY: &[&str] = &["by", "of", "de", "di", "von", "del", "della", "des"];

/// Words that introduce the date after the head ("speech of 30 January").
const DATED: &[&str] = &["of", "on", "vom", "am", "du", "del", "de", "dated"];

/// Words of a date besides the day, month and year.
const DATE_JOINERS: &[&str] = &["de", "del", "of", "the"];

/// Opening words that are no name ("The Times, speech …").
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "In", "See", "Cf", "Cf.", "Also", "Ibid", "Ibid.",
];

/// Words after which the rest is the work the speech or entry is printed in.
const HOST_CUES: &[&str] = &[
    "in",
    "in:",
    "quoted in",
    "cited in",
    "printed in",
    "reprinted in",
];

/// The lead of a citation of a speech or a diary entry, read by rule.
#[derive(Debug, PartialEq)]
pub(crate) struct Lead {
    /// What the lead cites: a speech or a diary entry; `None` for a letter
    /// (`crate::letter`).
    pub(crate) occasion: Option<Occasion>,
    /// The lead's fields, in text order.
    pub(crate) spans: Vec<LabelledSpan>,
    /// Where the rest of the citation begins (the text's length when
    /// nothing follows the lead).
    pub(crate) rest: usize,
    /// The rest followed "in": it is the work the lead is printed in.
    pub(crate) host: bool,
    /// The lead named the speaker or diarist.
    pub(crate) speaker: bool,
}

/// The comma- or semicolon-separated parts of `text` outside brackets,
/// trimmed, at most `max`.
pub(crate) fn parts(text: &str, max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' | ';' if depth <= 0 => {
                out.push(trimmed(text, start..i));
                start = i + 1;
                if out.len() == max {
                    return out;
                }
            }
            _ => {}
        }
    }
    out.push(trimmed(text, start..text.len()));
    out
}

fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// The words of `text[r]` (split at white space) with their ranges.
pub(crate) fn words(text: &str, r: &Range<usize>) -> Vec<Range<usize>> {
    let s = &text[r.clone()];
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(b)) => {
                out.push(r.start + b..r.start + i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push(r.start + b..r.end);
    }
    out
}

fn span(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    a.start..b.end
}

/// A person's name (or a surname alone): one to five words, capitalised
/// but for particles, initials allowed, no digits.
fn is_name(text: &str, ws: &[Range<usize>]) -> bool {
    if ws.is_empty() || ws.len() > 5 || NOT_NAMES.contains(&&text[ws[0].clone()]) {
        return false;
    }
    ws.iter().enumerate().all(|(i, r)| {
        let w = &text[r.clone()];
        is_capitalised(w) || is_initials(w) || (i > 0 && in_name(w))
    }) && is_capitalised(&text[ws[ws.len() - 1].clone()])
}

/// A place before the date: one to four capitalised words, no digits.
fn is_place(text: &str, r: &Range<usize>) -> bool {
    let ws = words(text, r);
    !ws.is_empty()
        && ws.len() <= 4
        && !NOT_NAMES.contains(&&text[ws[0].clone()])
        && ws.iter().all(|w| {
            let w = &text[w.clone()];
            is_capitalised(w) || matches!(w, "de" | "di" | "am" | "an" | "sur" | "upon")
        })
}

/// A day with its month and year: "30 January 1939", "12 mai 1940", "13 de
/// octubre de 1931", "30. Januar 1939", "January 30, 1939" (one part: the
/// comma splits it), "30.1.1939".
pub(crate) fn is_full_date(text: &str, ws: &[Range<usize>], dict: &Dict) -> bool {
    let (mut month, mut year, mut day) = (false, false, false);
    for r in ws {
        let w = text[r.clone()].trim_end_matches([',', '.', ')']);
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 4 && w.len() == 4 {
            year = true;
        } else if (1..=2).contains(&digits)
            && matches!(
                &w[digits..],
                "" | "st" | "nd" | "rd" | "th" | "er" | "°" | "º"
            )
        {
            day = true;
        } else if digits >= 1 && is_numeric_date(w) {
            return ws.len() == 1;
        } else if dict.flags_of(w) & MONTH != 0 {
            month = true;
        } else if !DATE_JOINERS.contains(&w) {
            return false;
        }
    }
    month && year && (day || ws.len() == 2)
}

/// "30.1.1939", "30/01/1939": day, month and year in digits.
fn is_numeric_date(w: &str) -> bool {
    let mut n = w.split(['.', '/']);
    let (Some(d), Some(m), Some(y), None) = (n.next(), n.next(), n.next(), n.next()) else {
        return false;
    };
    let num = |s: &str, len: Range<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    num(d, 1..3) && num(m, 1..3) && num(y, 4..5)
}

/// Where the head is: the part and the word within it.
struct HeadAt {
    part: usize,
    word: usize,
    occasion: Occasion,
}

/// The head word among the first words of the first two parts.
fn find_head(text: &str, p0: &[Range<usize>], p1: &[Range<usize>]) -> Option<HeadAt> {
    let at = |ws: &[Range<usize>], limit: usize| {
        ws.iter()
            .take(limit)
            .enumerate()
            .find_map(|(i, r)| head(&text[r.clone()]).map(|o| (i, o)))
    };
    if let Some((word, occasion)) = at(p0, 6) {
        return Some(HeadAt {
            part: 0,
            word,
            occasion,
        });
    }
    let (word, occasion) = at(p1, 3)?;
    // only qualifiers before it in the second part ("radio broadcast")
    p1[..word]
        .iter()
        .all(|r| is_qualifier(&text[r.clone()]))
        .then_some(HeadAt {
            part: 1,
            word,
            occasion,
        })
}

/// Reads the lead of a speech or diary citation; `None` for any other.
pub(crate) fn lead(text: &str, dict: &Dict) -> Option<Lead> {
    // cheap test first: a head word among the first words
    if !text
        .split(|c: char| !c.is_alphabetic())
        .take(12)
        .any(|w| head(w).is_some())
    {
        return None;
    }
    let parts = parts(text, 6);
    let p0 = words(text, &parts[0]);
    let p1 = parts.get(1).map(|r| words(text, r)).unwrap_or_default();
    let at = find_head(text, &p0, &p1)?;
    let mut spans = Vec::new();
    let mut speaker = false;
    let head_words: &[Range<usize>] = if at.part == 0 { &p0 } else { &p1 };
    let before = &head_words[..at.word];
    if at.part == 1 {
        // "Harold Nicolson, diary, 12 May 1940": a name, then the head part
        if !is_name(text, &p0) {
            return None;
        }
        spans.push(labelled(Label::Author, span(&p0[0], &p0[p0.len() - 1])));
        speaker = true;
    } else if !before.is_empty() && !before.iter().all(|r| is_qualifier(&text[r.clone()])) {
        // "Hitler's speech …" or "Cadogan diary": a name before the head
        let last = &text[before[before.len() - 1].clone()];
        let possessive = last.strip_suffix("'s").or_else(|| last.strip_suffix("’s"));
        let name_end = match possessive {
            Some(stem) => before[before.len() - 1].start + stem.len(),
            None if at.word + 1 == head_words.len() => before[before.len() - 1].end,
            None => return None,
        };
        let mut name_words = before.to_vec();
        let n = name_words.len();
        name_words[n - 1].end = name_end;
        if !is_name(text, &name_words) {
            return None;
        }
        spans.push(labelled(Label::Author, name_words[0].start..name_end));
        speaker = true;
    }
    // the head phrase and what it says after the head word
    let phrase_start = if speaker && at.part == 0 {
        head_words[at.word].start
    } else {
        head_words[0].start
    };
    let tail = &head_words[at.word + 1..];
    let mut date_found = false;
    let mut title_end = head_words[head_words.len() - 1].end;
    if let Some(first) = tail.first() {
        let w = text[first.clone()].to_lowercase();
        let rest_words = &tail[1..];
        if DATED.contains(&w.as_str()) && is_full_date(text, rest_words, dict) {
            // "speech of 30 January 1939"
            title_end = head_words[at.word].end;
            spans.push(labelled(Label::Title, phrase_start..title_end));
            spans.push(labelled(
                Label::Date,
                span(&rest_words[0], &rest_words[rest_words.len() - 1]),
            ));
            date_found = true;
        } else if !speaker && BY.contains(&w.as_str()) {
            // "Speech by Neville Chamberlain", "Diary of Harold Nicolson"
            let name_len = rest_words
                .iter()
                .take_while(|r| {
                    let x = &text[(*r).clone()];
                    is_capitalised(x) || is_initials(x) || in_name(x)
                })
                .count();
            let name = &rest_words[..name_len];
            if is_name(text, name) {
                title_end = head_words[at.word].end;
                spans.push(labelled(Label::Title, phrase_start..title_end));
                spans.push(labelled(
                    Label::Author,
                    span(&name[0], &name[name.len() - 1]),
                ));
                speaker = true;
            }
        }
    }
    if !spans.iter().any(|s| s.label == Label::Title) {
        spans.push(labelled(Label::Title, phrase_start..title_end));
    }
    // places, then the date
    let mut next = at.part + 1;
    if !date_found {
        next = places_and_date(text, &parts, next, 2, &mut spans, dict)?;
    }
    let lead = Lead {
        occasion: Some(at.occasion),
        spans,
        rest: text.len(),
        host: false,
        speaker,
    };
    Some(with_rest(text, &parts, next, lead, dict))
}

/// Reads up to `max_places` places, then a date, from part `next` on,
/// pushing their spans; the part after the date, or `None` without one.
pub(crate) fn places_and_date(
    text: &str,
    parts: &[Range<usize>],
    mut next: usize,
    max_places: usize,
    spans: &mut Vec<LabelledSpan>,
    dict: &Dict,
) -> Option<usize> {
    let mut places = 0;
    while let Some(r) = parts.get(next) {
        let ws = words(text, r);
        if is_full_date(text, &ws, dict) {
            spans.push(labelled(Label::Date, r.clone()));
            return Some(next + 1);
        }
        // "January 30, 1939": the month and day, then the year
        if let Some(year) = parts.get(next + 1) {
            let both = r.start..year.end;
            if is_full_date(text, &words(text, &both), dict) && !is_place(text, r) {
                spans.push(labelled(Label::Date, both));
                return Some(next + 2);
            }
        }
        if places == max_places || !is_place(text, r) {
            return None;
        }
        spans.push(labelled(Label::Location, r.clone()));
        places += 1;
        next += 1;
    }
    None
}

/// The lead with its spans normalised and the rest found: from part
/// `next`, after "in" (or "quoted in", …) a host.
pub(crate) fn with_rest(
    text: &str,
    parts: &[Range<usize>],
    next: usize,
    mut lead: Lead,
    dict: &Dict,
) -> Lead {
    for s in &mut lead.spans {
        s.range = normalise_span(text, s.range.clone(), dict);
    }
    let Some(r) = parts.get(next) else {
        return lead;
    };
    // the rest starts at its part (the parts were cut at most six)
    let start = r.start;
    let rest = &text[start..];
    for cue in HOST_CUES {
        let n = cue.len();
        let is_cue = rest.get(..n).is_some_and(|s| s.eq_ignore_ascii_case(cue))
            && rest[n..].starts_with(char::is_whitespace);
        if is_cue {
            // the word "in" of the cue (all cues are ASCII)
            let at = start + cue.rfind("in").unwrap_or(0);
            let in_word = at..at + 2;
            lead.spans.push(labelled(Label::Other, in_word));
            lead.rest = start + n + (rest[n..].len() - rest[n..].trim_start().len());
            lead.host = true;
            return lead;
        }
    }
    lead.rest = start;
    lead
}

/// The comma-separated pieces of `s` (which starts at byte `at`), trimmed.
fn comma_pieces(s: &str, at: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in s.match_indices(", ") {
        out.push(trimmed(s, start..i));
        start = i + 2;
    }
    out.push(trimmed(s, start..s.len()));
    out.into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| r.start + at..r.end + at)
        .collect()
}

pub(crate) fn labelled(label: Label, range: Range<usize>) -> LabelledSpan {
    LabelledSpan { label, range }
}

/// A host cited by a short form: nothing of its imprint (no date,
/// publisher, place, volume, issue or link) was labelled.
pub(crate) fn is_short_host(rest: &[LabelledSpan]) -> bool {
    !rest.iter().any(|f| {
        matches!(
            f.label,
            Label::Date
                | Label::Publisher
                | Label::Location
                | Label::Volume
                | Label::Issue
                | Label::Url
                | Label::Doi
        )
    })
}

/// The labels of the rest's fields, labelled by the model alone (`text` is
/// the rest's text). After "in" the rest is the host: its title is the
/// container and its author the editor (the speaker, when the lead named
/// none). Without "in", a rest with a date, volume or issue is a report of
/// the speech (a newspaper: its title is the container); any other is
/// where the document is kept: its names, up to a shelfmark the model
/// found, are one `archive` ("Nicolson Papers, Balliol College, Oxford";
/// "CAC, ACAD 1/8" keeps its shelfmark).
///
/// A host's author who is the speaker ("Discours de Léon Blum, …, in Léon
/// Blum, L'Exercice du pouvoir") is no editor: `other`, the name being the
/// item's author already. `full` is the whole citation, `text` the rest.
pub(crate) fn relabel_rest(lead: &Lead, full: &str, text: &str, rest: &mut Vec<LabelledSpan>) {
    let last_word = |s: &str| s.split_whitespace().next_back().map(str::to_owned);
    // one name: no list, no role
    let one_name = |s: &str| !s.contains([',', '(', '&', ';']) && !s.contains(" and ");
    let speaker = lead
        .spans
        .iter()
        .find(|s| s.label == Label::Author)
        .and_then(|s| last_word(&full[s.range.clone()]));
    let has = |rest: &[LabelledSpan], l: Label| rest.iter().any(|f| f.label == l);
    let has_container = has(rest, Label::ContainerTitle);
    let published = rest
        .iter()
        .any(|f| matches!(f.label, Label::Date | Label::Volume | Label::Issue));
    if !lead.host && !published {
        // the names before the first shelfmark (or page) are the archive, or
        // those after it when none is before ("NC 18/1/1042, Cadbury
        // Research Library"); a note with digits or a slash is a shelfmark
        // ("ACAD 1/8", "JMK/L/K")
        let is_mark = |s: &str| {
            let s = s.trim_end_matches(['.', ',', ';']);
            s.bytes().any(|b| b.is_ascii_digit()) || (s.contains('/') && !s.contains(' '))
        };
        let shelfmark = |f: &LabelledSpan| is_mark(&text[f.range.clone()]);
        // "NC 18/1/1070, Chamberlain Papers" read as one note: the
        // shelfmark and the names, each its own field
        let mut split = Vec::with_capacity(rest.len());
        for f in rest.drain(..) {
            let s = &text[f.range.clone()];
            let pieces = comma_pieces(s, f.range.start);
            let mixed = pieces.iter().any(|r| is_mark(&text[r.clone()]))
                && pieces.iter().any(|r| !is_mark(&text[r.clone()]));
            if matches!(f.label, Label::Note | Label::Other) && mixed {
                split.extend(pieces.into_iter().map(|r| labelled(Label::Note, r)));
            } else {
                split.push(f);
            }
        }
        *rest = split;
        for f in rest.iter_mut() {
            if matches!(f.label, Label::Note | Label::Other | Label::Publisher) && shelfmark(f) {
                f.label = Label::ArchiveLocation;
            }
        }
        let mark = |f: &LabelledSpan| {
            matches!(f.label, Label::ArchiveLocation | Label::Pages) || shelfmark(f)
        };
        let capitalised = |f: &&LabelledSpan| {
            text[f.range.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                && !mark(f)
        };
        let end = rest.iter().position(mark).unwrap_or(rest.len());
        let after = rest.iter().rposition(mark).map_or(rest.len(), |i| i + 1);
        let (from, to) = if rest[..end].iter().any(|f| capitalised(&f)) {
            (0, end)
        } else {
            (after, rest.len())
        };
        let mut names = rest[from..to].iter().filter(capitalised);
        let first = names.clone().next().map(|f| f.range.start);
        let last = names.next_back().map(|f| f.range.end);
        if let (Some(start), Some(stop)) = (first, last) {
            rest.retain(|f| f.range.end <= start || f.range.start >= stop);
            let at = rest.partition_point(|f| f.range.end <= start);
            rest.insert(at, labelled(Label::Archive, start..stop));
        }
        // the lead named the author: a name left in the rest is a note
        for f in rest.iter_mut() {
            if matches!(f.label, Label::Author | Label::Editor) {
                f.label = Label::Note;
            }
        }
        return;
    }
    for f in rest.iter_mut() {
        f.label = match f.label {
            Label::Title if !has_container => Label::ContainerTitle,
            Label::Title => Label::Note,
            Label::Author
                if lead.host
                    && speaker.is_some()
                    && one_name(&text[f.range.clone()])
                    && last_word(&text[f.range.clone()]) == speaker =>
            {
                Label::Other
            }
            Label::Author if lead.host && lead.speaker => Label::Editor,
            Label::Author if lead.host => Label::Author,
            Label::Author => Label::Note,
            other => other,
        };
    }
}

/// A lead's fields as text, the rest, and whether the rest is a host (for
/// the tests of this module and `letter.rs`).
#[cfg(test)]
pub(crate) type Read<'a> = (Vec<(Label, &'a str)>, &'a str, bool);

#[cfg(test)]
impl Lead {
    pub(crate) fn read<'a>(&self, text: &'a str) -> Read<'a> {
        let spans = self
            .spans
            .iter()
            .map(|s| (s.label, &text[s.range.clone()]))
            .collect();
        (spans, &text[self.rest..], self.host)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Read<'_>> {
        Some(lead(text, Dict::embedded())?.read(text))
    }

    #[test]
    fn speeches() {
        use Label::*;
        let (spans, rest, host) = read("Hitler's speech of 30 January 1939, in Max Domarus, Hitler: Speeches and Proclamations, vol. 3 (Wauconda, IL, 1997), 1449.").unwrap();
        assert_eq!(
            spans,
            [
                (Author, "Hitler"),
                (Title, "speech"),
                (Date, "30 January 1939"),
                (Other, "in")
            ]
        );
        assert!(host && rest.starts_with("Max Domarus, Hitler:"));

        let (spans, rest, host) =
            read("Speech by Neville Chamberlain, 17 March 1939, in The Times, 18 March 1939, 14.")
                .unwrap();
        assert_eq!(
            spans,
            [
                (Title, "Speech"),
                (Author, "Neville Chamberlain"),
                (Date, "17 March 1939"),
                (Other, "in")
            ]
        );
        assert!(host && rest == "The Times, 18 March 1939, 14.");
        for text in [
            "Speech by Neville Chamberlain, 17 March 1939, quoted in The Times, 18 March 1939.",
            "Speech by Neville Chamberlain, 17 March 1939, in: The Times, 18 March 1939.",
        ] {
            let (spans, rest, host) = read(text).unwrap();
            assert_eq!(spans.last(), Some(&(Other, "in")), "{text}");
            assert!(host && rest == "The Times, 18 March 1939.", "{text}");
        }

        let (spans, _, _) = read("Speech at Birmingham, 17 March 1939, in Neville Chamberlain, The Struggle for Peace (London, 1939), 413–21.").unwrap();
        assert_eq!(
            spans,
            [
                (Title, "Speech at Birmingham"),
                (Date, "17 March 1939"),
                (Other, "in")
            ]
        );

        let (spans, rest, host) = read(
            "Neville Chamberlain, radio broadcast, London, 27 September 1938, BBC Written Archives",
        )
        .unwrap();
        assert_eq!(
            spans,
            [
                (Author, "Neville Chamberlain"),
                (Title, "radio broadcast"),
                (Location, "London"),
                (Date, "27 September 1938")
            ]
        );
        assert!(!host && rest == "BBC Written Archives");

        let (spans, _, _) = read("Discours de Léon Blum, 6 septembre 1936").unwrap();
        assert_eq!(
            spans,
            [
                (Title, "Discours"),
                (Author, "Léon Blum"),
                (Date, "6 septembre 1936")
            ]
        );
        let (spans, _, _) = read("Rede vor dem Reichstag, 30. Januar 1939").unwrap();
        assert_eq!(
            spans,
            [(Title, "Rede vor dem Reichstag"), (Date, "30. Januar 1939")]
        );
        let (spans, _, _) =
            read("Churchill, speech to the House of Commons, June 4, 1940").unwrap();
        assert_eq!(
            spans,
            [
                (Author, "Churchill"),
                (Title, "speech to the House of Commons"),
                (Date, "June 4, 1940")
            ]
        );
    }

    #[test]
    fn diaries() {
        use Label::*;
        let (spans, rest, _) =
            read("Diary of Harold Nicolson, 12 May 1940, Nicolson Papers, Balliol College.")
                .unwrap();
        assert_eq!(
            spans,
            [
                (Title, "Diary"),
                (Author, "Harold Nicolson"),
                (Date, "12 May 1940")
            ]
        );
        assert_eq!(rest, "Nicolson Papers, Balliol College.");
        let (spans, rest, _) = read("Cadogan diary, 17 March 1939, CAC, ACAD 1/8.").unwrap();
        assert_eq!(
            spans,
            [
                (Author, "Cadogan"),
                (Title, "diary"),
                (Date, "17 March 1939")
            ]
        );
        assert_eq!(rest, "CAC, ACAD 1/8.");
        let (spans, _, _) = read("Goebbels, Tagebücher, 12 March 1938.").unwrap();
        assert_eq!(
            spans,
            [
                (Author, "Goebbels"),
                (Title, "Tagebücher"),
                (Date, "12 March 1938")
            ]
        );
        let (spans, _, _) = read("Harold Nicolson, diary entry, 26 September 1938").unwrap();
        assert_eq!(
            spans,
            [
                (Author, "Harold Nicolson"),
                (Title, "diary entry"),
                (Date, "26 September 1938")
            ]
        );
    }

    /// Titles and imprints: a year alone is no day, so these are works.
    #[test]
    fn works_are_no_leads() {
        for text in [
            "Speech at the Crossroads (London, 1990).",
            "J. Smith, Speech and Language Disorders (London: Routledge, 1990), 12.",
            "Galeazzo Ciano, Diario 1937–1943 (Milan: Rizzoli, 1980), 245.",
            "The Diary of Anne Frank, 1947.",
            "Presidential Address, Proceedings of the Royal Society 12 (1901): 1–20.",
            "Smith, J., Diary of a Nobody, London, 1892.",
            "Lecture notes in computer science, vol. 1234, Springer, 1997.",
            "Speech",
            "speech, speech, speech, speech, speech, speech, speech",
            "Hitler's speech",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
