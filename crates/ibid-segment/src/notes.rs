//! Splitting a notes list (or a reference list) into notes.
//!
//! Every possible label (at a line start, or after a sentence end inside a
//! line) is a candidate; the note numbers are then read as a sequence: a
//! dynamic programme picks the chain of candidates that best fits "each note
//! is the previous one plus one", paying for skips, repeats and restarts. So a
//! line starting "1961), p. 88." is not note 1961 when we are at note 12, and
//! "… p. 28. 5 Ibid." starts note 5 only when note 4 came before.

use crate::labels::{self, Label, Line, Style};
use crate::lexicon::{self, Heading};
use crate::reflist::{self, RegionLine};
use ibid_model::{InputForm, MappedText, MappedTextBuilder, RawNote, StageDiagnostic};
use std::collections::HashMap;
use std::ops::Range;

/// The notes of a text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NoteSplit {
    /// Numbered notes or an unnumbered reference list.
    pub form: InputForm,
    /// Notes, reference entries and prose blocks, in input order.
    pub notes: Vec<RawNote>,
    /// Numbering problems (`note-number-skipped`, `note-number-repeated`,
    /// `note-number-out-of-order`, `note-numbering-restarted`).
    pub diagnostics: Vec<StageDiagnostic>,
    /// For each note, the byte range of its number label in the input text
    /// (`None` for prose blocks and unnumbered entries).
    pub labels: Vec<Option<Range<usize>>>,
}

const NEXT: f32 = 3.0;
const REPEAT: f32 = -1.0;
const RESTART: f32 = -1.0;
const JUMP: f32 = -1.5;
const MAX_SKIP: u32 = 10;
const MIN_CHAIN: f32 = 0.5;

fn skip_score(k: u32) -> f32 {
    0.5 - 0.5 * (k as f32 - 2.0)
}

fn start_score(n: u32) -> f32 {
    match n {
        1 => 0.0,
        2..=3 => -0.5,
        _ => -1.0,
    }
}

/// Every candidate label of the text, in order.
fn candidates(s: &str, lines: &[Line]) -> Vec<Label> {
    let mut out = Vec::new();
    let mut prev_end: Option<char> = None;
    for (li, line) in lines.iter().enumerate() {
        if line.blank() {
            prev_end = None;
            continue;
        }
        let mut scan_from = line.ts;
        if let Some((number, end, content, style)) =
            labels::label_at_line_start(s, line.ts, line.te)
        {
            let mut strength =
                labels::line_label_strength(s, number, style, content, line.te, prev_end);
            if style == Style::Prefixed
                && s[line.ts..].starts_with(|c: char| c.is_lowercase())
                && !s[line.ts..].starts_with("n.")
            {
                strength -= 1.0;
            }
            out.push(Label {
                number,
                start: line.ts,
                end,
                content,
                style,
                inline: false,
                line: li,
                strength,
            });
            scan_from = content.max(end);
        }
        labels::inline_labels(s, scan_from, line.te, li, &mut out);
        prev_end = if lexicon::heading(&s[line.ts..line.te]).is_some() {
            None
        } else {
            s[line.ts..line.te].chars().next_back()
        };
    }
    out
}

/// The chain of candidates that reads best as a note sequence (indices).
fn best_chain(cands: &[Label]) -> Vec<usize> {
    let n = cands.len();
    let mut best = vec![f32::NEG_INFINITY; n];
    let mut back = vec![usize::MAX; n];
    let mut by_number: HashMap<u32, (f32, usize)> = HashMap::with_capacity(n);
    let mut global: Option<(f32, usize)> = None;
    for (i, c) in cands.iter().enumerate() {
        let mut b = f32::NEG_INFINITY;
        let mut from = usize::MAX;
        let mut consider = |score: f32, k: usize| {
            if score > b {
                b = score;
                from = k;
            }
        };
        let num = c.number;
        if let Some(&(v, k)) = num.checked_sub(1).and_then(|p| by_number.get(&p)) {
            consider(v + NEXT, k);
        }
        if !c.inline {
            consider(start_score(num), usize::MAX);
            if let Some(&(v, k)) = by_number.get(&num) {
                consider(v + REPEAT, k);
            }
            for k in 2..=MAX_SKIP {
                if let Some(&(v, j)) = num.checked_sub(k).and_then(|p| by_number.get(&p)) {
                    consider(v + skip_score(k), j);
                }
            }
            if let Some((v, k)) = global {
                consider(v + if num == 1 { RESTART } else { JUMP }, k);
            }
        }
        if b == f32::NEG_INFINITY {
            continue;
        }
        b += c.strength;
        best[i] = b;
        back[i] = from;
        let e = by_number.entry(num).or_insert((f32::NEG_INFINITY, i));
        if b > e.0 {
            *e = (b, i);
        }
        if global.is_none_or(|(v, _)| b > v) {
            global = Some((b, i));
        }
    }
    let Some((score, end)) = global else {
        return Vec::new();
    };
    if score < MIN_CHAIN {
        return Vec::new();
    }
    let mut chain = Vec::new();
    let mut k = end;
    while k != usize::MAX && chain.len() <= n {
        chain.push(k);
        k = back[k];
    }
    chain.reverse();
    chain
}

fn diagnostics(text: &MappedText, chain: &[Label]) -> Vec<StageDiagnostic> {
    let mut out = Vec::new();
    for w in chain.windows(2) {
        let (p, c) = (w[0].number, w[1].number);
        let (code, message) = if c == p + 1 {
            continue;
        } else if c == p {
            (
                "note-number-repeated",
                format!("note number {c} appears twice in a row"),
            )
        } else if c > p {
            ("note-number-skipped", format!("note {c} follows note {p}"))
        } else if c == 1 {
            (
                "note-numbering-restarted",
                format!("numbering restarts at 1 after note {p}"),
            )
        } else {
            (
                "note-number-out-of-order",
                format!("note {c} follows note {p}"),
            )
        };
        out.push(StageDiagnostic {
            note: Some(c),
            code,
            message,
            orig: Some(text.orig_range(w[1].start..w[1].end)),
        });
    }
    out
}

#[derive(Debug)]
enum Kind {
    Note { number: u32, label: Range<usize> },
    Entry,
    Prose,
}

#[derive(Debug)]
struct Item {
    kind: Kind,
    pieces: Vec<Range<usize>>,
}

fn trimmed(s: &str, r: Range<usize>) -> Range<usize> {
    let t = &s[r.clone()];
    let lead = t.len() - t.trim_start().len();
    let end = r.start + t.trim_end().len();
    (r.start + lead).min(end)..end
}

/// Collects items in input order.
struct Walker<'a> {
    s: &'a str,
    numbered: bool,
    items: Vec<Item>,
    cur: Option<Item>,
    region: Vec<RegionLine>,
    entries: bool,
}

impl Walker<'_> {
    fn add(&mut self, r: Range<usize>, indent: usize) {
        let r = trimmed(self.s, r);
        if r.is_empty() {
            return;
        }
        match &mut self.cur {
            Some(item) => item.pieces.push(r),
            None => self.region.push(RegionLine::Text { range: r, indent }),
        }
    }

    fn blank(&mut self) {
        if self.cur.is_none() && !self.region.is_empty() {
            self.region.push(RegionLine::Blank);
        }
    }

    fn close(&mut self) {
        if let Some(item) = self.cur.take() {
            self.items.push(item);
        }
        if self.region.is_empty() {
            return;
        }
        let region = std::mem::take(&mut self.region);
        if self.entries {
            for pieces in reflist::split_entries(self.s, &region) {
                self.items.push(Item {
                    kind: Kind::Entry,
                    pieces,
                });
            }
        } else {
            for pieces in reflist::prose_blocks(&region) {
                self.items.push(Item {
                    kind: Kind::Prose,
                    pieces,
                });
            }
        }
    }
}

/// Build the text of one note: its pieces joined by single spaces, still
/// mapped to the original; breaks carried over.
fn build_text(
    text: &MappedText,
    pieces: &[Range<usize>],
    breaks: &[usize],
    bi: &mut usize,
) -> (MappedText, Vec<usize>) {
    let mut b = MappedTextBuilder::default();
    let mut out = Vec::new();
    let mut prev_end: Option<usize> = None;
    for r in pieces {
        match prev_end {
            Some(pe) => {
                let space_at = b.as_str().len();
                b.push_synthetic(" ", text.orig_range(pe..r.start));
                while *bi < breaks.len() && breaks[*bi] < r.start {
                    if breaks[*bi] >= pe {
                        out.push(space_at);
                    }
                    *bi += 1;
                }
            }
            None => {
                while *bi < breaks.len() && breaks[*bi] < r.start {
                    *bi += 1;
                }
            }
        }
        let offset = b.as_str().len();
        b.push_from(text, r.clone());
        while *bi < breaks.len() && breaks[*bi] <= r.end {
            out.push(offset + (breaks[*bi] - r.start));
            *bi += 1;
        }
        prev_end = Some(r.end);
    }
    let t = b.finish();
    out.retain(|&x| x > 0 && x < t.len());
    out.dedup();
    (t, out)
}

/// A short line in a bibliography that heads a group of entries ("Manuscript
/// sources", "Published works"): a few capitalised words without digits or
/// final punctuation, after a finished entry, before a new one.
fn is_sub_heading(s: &str, lines: &[Line], li: usize) -> bool {
    let t = &s[lines[li].ts..lines[li].te];
    let words = t.split_whitespace().count();
    if words == 0
        || words > 5
        || t.len() > 50
        || t.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | ';' | ':' | '.'))
        || !t.starts_with(char::is_uppercase)
    {
        return false;
    }
    let prev = lines[..li].iter().rev().find(|l| !l.blank());
    let prev_done = prev.is_none_or(|l| {
        let p = &s[l.ts..l.te];
        p.ends_with(['.', '?', '!', ')', '”', '’', '"']) || lexicon::heading(p).is_some()
    });
    let next = lines[li + 1..].iter().find(|l| !l.blank());
    let next_entry = next.is_some_and(|l| reflist::looks_like_entry_start(&s[l.ts..l.te]));
    prev_done && next_entry
}

/// True when every non-blank line before line `upto` is a heading.
fn only_headings_before(s: &str, lines: &[Line], upto: usize) -> bool {
    lines[..upto.min(lines.len())]
        .iter()
        .all(|l| l.blank() || lexicon::heading(&s[l.ts..l.te]).is_some())
}

/// Split a cleaned notes list into notes.
///
/// `text` is the cleaned input, `breaks` byte offsets in it where link debris
/// was removed (hard citation boundaries). Each note's text has no number
/// label and its line wraps are joined with single spaces; headings and text
/// before the first note become prose blocks. Without numbers the text is read
/// as a reference list (one entry per line, or per paragraph when blank lines
/// separate entries) whose entries are numbered by position.
pub fn split_notes(text: &MappedText, breaks: &[usize]) -> NoteSplit {
    let s = text.as_str();
    let lines = labels::lines(s);
    let cands = candidates(s, &lines);
    let mut chain: Vec<Label> = best_chain(&cands).into_iter().map(|i| cands[i]).collect();
    let lone_ok = |l: &Label| {
        l.number == 1
            || matches!(
                l.style,
                Style::Bracket | Style::Dot | Style::Superscript | Style::Prefixed
            )
            || only_headings_before(s, &lines, l.line)
    };
    if chain.len() == 1 && !lone_ok(&chain[0]) {
        // one number in running text is not a notes list
        chain.clear();
    }
    let diagnostics = diagnostics(text, &chain);
    let numbered = !chain.is_empty();
    let mut w = Walker {
        s,
        numbered,
        items: Vec::new(),
        cur: None,
        region: Vec::new(),
        entries: !numbered,
    };
    let mut ci = 0;
    for (li, line) in lines.iter().enumerate() {
        while ci < chain.len() && chain[ci].line < li {
            ci += 1;
        }
        if line.blank() {
            w.blank();
            continue;
        }
        let has_label = ci < chain.len() && chain[ci].line == li;
        let sub_heading =
            !has_label && w.cur.is_none() && w.entries && is_sub_heading(s, &lines, li);
        if sub_heading {
            w.close();
            w.items.push(Item {
                kind: Kind::Prose,
                pieces: std::iter::once(line.ts..line.te).collect(),
            });
            continue;
        }
        if !has_label {
            if let Some(h) = lexicon::heading(&s[line.ts..line.te]) {
                w.close();
                w.items.push(Item {
                    kind: Kind::Prose,
                    pieces: std::iter::once(line.ts..line.te).collect(),
                });
                w.entries = h == Heading::Bibliography || !w.numbered;
                continue;
            }
        }
        let mut pos = line.ts;
        while ci < chain.len() && chain[ci].line == li {
            let c = &chain[ci];
            w.add(pos..c.start.max(pos), line.indent());
            w.close();
            w.entries = !w.numbered;
            w.cur = Some(Item {
                kind: Kind::Note {
                    number: c.number,
                    label: c.start..c.end,
                },
                pieces: Vec::new(),
            });
            pos = c.content.max(c.end).min(line.te.max(c.end));
            ci += 1;
        }
        if pos < line.te {
            w.add(pos..line.te, line.indent());
        }
    }
    w.close();

    let mut sorted_breaks: Vec<usize> = breaks.iter().copied().filter(|&b| b <= s.len()).collect();
    sorted_breaks.sort_unstable();
    let n_notes = w
        .items
        .iter()
        .filter(|i| matches!(i.kind, Kind::Note { .. }))
        .count();
    let n_entries = w
        .items
        .iter()
        .filter(|i| matches!(i.kind, Kind::Entry))
        .count();
    let form = if n_notes > 0 && n_notes >= n_entries {
        InputForm::NumberedNotes
    } else {
        InputForm::ReferenceList
    };
    let mut notes = Vec::with_capacity(w.items.len());
    let mut label_ranges = Vec::with_capacity(w.items.len());
    let mut bi = 0;
    let mut position = 0u32;
    for item in w.items {
        if let Kind::Note { label, .. } = &item.kind {
            while bi < sorted_breaks.len() && sorted_breaks[bi] < label.end {
                bi += 1;
            }
        }
        let (t, brk) = build_text(text, &item.pieces, &sorted_breaks, &mut bi);
        let (number, prose, label) = match item.kind {
            Kind::Note { number, label } => (Some(number), false, Some(label)),
            Kind::Entry => {
                position += 1;
                let number = (form == InputForm::ReferenceList).then_some(position);
                (number, false, None)
            }
            Kind::Prose => (None, true, None),
        };
        notes.push(RawNote {
            number,
            text: t,
            prose,
            breaks: brk,
        });
        label_ranges.push(label);
    }
    NoteSplit {
        form,
        notes,
        diagnostics,
        labels: label_ranges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> NoteSplit {
        split_notes(&MappedText::identity(s, 0), &[])
    }

    fn summary(s: &str) -> Vec<(Option<u32>, bool, String)> {
        split(s)
            .notes
            .into_iter()
            .map(|n| (n.number, n.prose, n.text.as_str().to_string()))
            .collect()
    }

    #[test]
    fn numbered_styles() {
        for s in [
            "1 Ibid.\n2 Ibid., p. 3.\n3 Taylor, Origins.",
            "1. Ibid.\n2. Ibid., p. 3.\n3. Taylor, Origins.",
            "[1] Ibid.\n[2] Ibid., p. 3.\n[3] Taylor, Origins.",
            "1) Ibid.\n2) Ibid., p. 3.\n3) Taylor, Origins.",
            "n. 1 Ibid.\nn. 2 Ibid., p. 3.\nn. 3 Taylor, Origins.",
            "¹ Ibid.\n² Ibid., p. 3.\n³ Taylor, Origins.",
            "Note 1: Ibid.\nNote 2: Ibid., p. 3.\nNote 3: Taylor, Origins.",
        ] {
            let sp = split(s);
            assert_eq!(sp.form, InputForm::NumberedNotes, "{s}");
            let nums: Vec<Option<u32>> = sp.notes.iter().map(|n| n.number).collect();
            assert_eq!(nums, [Some(1), Some(2), Some(3)], "{s}");
            assert_eq!(sp.notes[1].text.as_str(), "Ibid., p. 3.", "{s}");
            assert!(sp.diagnostics.is_empty());
        }
    }

    #[test]
    fn wrapped_notes_join_with_one_space() {
        let s = "11 Ibid.\n12 Taylor, A. J. P., The Origins of the Second World War (London,\n   1961), p. 88.\n13 Smith, who noted that\n45 per cent of the vote went elsewhere.\n14 Ibid.";
        let got = summary(s);
        assert_eq!(got.len(), 4);
        assert_eq!(
            got[1].2,
            "Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88."
        );
        assert_eq!(
            got[2].2,
            "Smith, who noted that 45 per cent of the vote went elsewhere."
        );
        assert_eq!(got[3].0, Some(14));
    }

    #[test]
    fn run_together_notes() {
        let s = "3 Ibid.\n4 Taylor, Origins, p. 28. 5 Ibid., p. 30.\n6 Ibid., p. 31. 5 vols were printed.";
        let got = summary(s);
        let nums: Vec<Option<u32>> = got.iter().map(|g| g.0).collect();
        assert_eq!(nums, [Some(3), Some(4), Some(5), Some(6)]);
        assert_eq!(got[1].2, "Taylor, Origins, p. 28.");
        assert_eq!(got[2].2, "Ibid., p. 30.");
        assert_eq!(got[3].2, "Ibid., p. 31. 5 vols were printed.");
    }

    #[test]
    fn skipped_and_repeated_numbers() {
        let sp = split("1 Ibid.\n2 Ibid.\n4 Ibid.\n4 Ibid.\n5 Ibid.\n3 Ibid.\n1 Ibid.");
        let nums: Vec<Option<u32>> = sp.notes.iter().map(|n| n.number).collect();
        assert_eq!(
            nums,
            [
                Some(1),
                Some(2),
                Some(4),
                Some(4),
                Some(5),
                Some(3),
                Some(1)
            ]
        );
        let codes: Vec<&str> = sp.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            [
                "note-number-skipped",
                "note-number-repeated",
                "note-number-out-of-order",
                "note-numbering-restarted"
            ]
        );
    }

    #[test]
    fn prose_blocks_and_headings() {
        let s = "Notes\n\nThe author thanks the archivists.\n\n1 Ibid.\n2 Ibid.\n\nReferences\n\nTaylor, A. J. P. The Origins. London, 1961.\nSmith, J. A History. Oxford, 1990.";
        let got = summary(s);
        assert_eq!(got[0], (None, true, "Notes".to_string()));
        assert_eq!(
            got[1],
            (None, true, "The author thanks the archivists.".to_string())
        );
        assert_eq!(got[2].0, Some(1));
        assert_eq!(got[3].0, Some(2));
        assert_eq!(got[4], (None, true, "References".to_string()));
        assert_eq!(
            got[5],
            (
                None,
                false,
                "Taylor, A. J. P. The Origins. London, 1961.".to_string()
            )
        );
        assert!(!got[6].1);
    }

    #[test]
    fn year_lines_are_not_notes() {
        let s = "12 Taylor, The Origins of the Second World War (London,\n1961), p. 88.\n13 Ibid.\n1961 was a bad year, said\n14 Smith.";
        let got = summary(s);
        let nums: Vec<Option<u32>> = got.iter().map(|g| g.0).collect();
        assert_eq!(nums, [Some(12), Some(13), Some(14)]);
    }

    #[test]
    fn reference_lists() {
        let sp = split(
            "Taylor, A. J. P. The Origins. London, 1961.\nSmith, J. A History. Oxford, 1990.",
        );
        assert_eq!(sp.form, InputForm::ReferenceList);
        let nums: Vec<Option<u32>> = sp.notes.iter().map(|n| n.number).collect();
        assert_eq!(nums, [Some(1), Some(2)]);
        let sp = split("Taylor, A. J. P. The Origins of the\nSecond World War. London, 1961.\n\nSmith, J. A History of\nThings. Oxford, 1990.\n");
        assert_eq!(sp.notes.len(), 2);
        assert_eq!(
            sp.notes[1].text.as_str(),
            "Smith, J. A History of Things. Oxford, 1990."
        );
    }

    #[test]
    fn labels_and_mapping() {
        let s = "Notes\n 7 Ibid.,\n   p. 91.";
        let sp = split(s);
        assert_eq!(sp.labels[1], Some(7..8));
        let note = &sp.notes[1];
        assert_eq!(note.text.as_str(), "Ibid., p. 91.");
        let p = note.text.as_str().find("p. 91").unwrap_or(0);
        assert_eq!(&s[note.text.orig_range(p..p + 5)], "p. 91");
    }

    #[test]
    fn breaks_are_carried_over() {
        let s = "1 Taylor, Origins Smith, History\n2 Ibid.";
        let b = s.find(" Smith").unwrap_or(0);
        let sp = split_notes(&MappedText::identity(s, 0), &[b]);
        assert_eq!(sp.notes[0].breaks, vec![b - 2]);
    }

    #[test]
    fn a_single_note_after_an_acknowledgment() {
        let sp = split(
            "Acknowledgments\n\nI am grateful to the archivists.\n\n1 Taylor, Origins, p. 3.",
        );
        let got: Vec<(Option<u32>, bool)> = sp.notes.iter().map(|n| (n.number, n.prose)).collect();
        assert_eq!(got, [(None, true), (None, true), (Some(1), false)]);
        // but one number in a reference list is not a note
        let sp = split("Taylor, A. J. P. The Origins. London, 1961.\n12 Angry Men. Film, 1957.\nSmith, J. A History. Oxford, 1990.");
        assert_eq!(sp.form, InputForm::ReferenceList);
        assert_eq!(sp.notes.len(), 3);
    }

    #[test]
    fn empty_and_odd_inputs() {
        assert!(split("").notes.is_empty());
        assert!(split("\n\n  \n").notes.is_empty());
        let sp = split("12");
        assert_eq!(sp.notes.len(), 1);
        let sp = split("¹");
        assert!(sp.notes.len() <= 1);
    }
}
