//! Recognising back-reference markers in a citation's own text, in the
//! languages notes are written in: "Ibid.", "ebd.", "ivi", "Id.", "Idem",
//! "ders.", "op. cit.", "a.a.O.", "cit.", "supra n. 5", "(n 5)", "oben Anm. 3",
//! "sopra, nota 2", "(hereafter cited as X)", "(im Folgenden: X)", "[X]" …
//!
//! Every scan is one pass over the citation's tokens (linear time).

use crate::tokens::{char_before, starts_with_seq, Tok};
use std::ops::Range;

pub use crate::definitions::find_definition;
pub use crate::locators::{find_locator, has_title_words, is_reference_word};

/// Leading signals skipped before looking for a marker.
const SIGNALS: &[&[&str]] = &[
    &["see", "also"],
    &["see", "e", "g"],
    &["see", "generally"],
    &["but", "see"],
    &["see"],
    &["cf"],
    &["compare"],
    &["contra"],
    &["accord"],
    &["e", "g"],
    &["vgl", "auch"],
    &["vgl"],
    &["siehe", "auch"],
    &["siehe"],
    &["voir", "aussi"],
    &["voir"],
    &["cfr"],
    &["vedi", "anche"],
    &["vedi"],
    &["zie", "ook"],
    &["zie"],
    &["also"],
];

/// Words that say "the same work as the previous citation".
fn is_ibid_word(t: &Tok, at_start: bool) -> bool {
    match t.norm.as_str() {
        "ibid" | "ibidem" | "ebd" | "ebda" | "ebenda" => true,
        "ib" | "ibd" | "eb" => at_start && t.dot,
        "ivi" | "tamze" | "tamtez" => at_start,
        _ => false,
    }
}

/// Words that say "the same author as the previous citation".
fn is_same_author_marker(t: &Tok, next: Option<&Tok>) -> bool {
    match t.norm.as_str() {
        "idem" | "eadem" | "eidem" | "iidem" | "eaedem" | "derselbe" | "dieselbe" | "dieselben"
        | "ders" => true,
        "id" => t.dot || next.is_some_and(|n| n.norm == "at"),
        "dies" | "ead" | "eid" | "dens" => t.dot,
        _ => false,
    }
}

/// "op. cit." and its relatives.
const OP_CIT: &[&[&str]] = &[
    &["op", "cit"],
    &["opus", "citatum"],
    &["op", "laud"],
    &["loc", "cit"],
    &["loco", "citato"],
    &["a", "a", "o"],
    &["aao"],
    &["ob", "cit"],
    &["obra", "citada"],
    &["ouvr", "cit"],
    &["ouv", "cit"],
    &["art", "cit"],
    &["t", "a", "p"],
    &["a", "w"],
    &["dz", "cyt"],
    &["указ", "соч"],
    &["cit"],
    &["supra"],
];

/// Words before a note pointer that make it a cross-reference.
fn context_direction(w: &str) -> Option<Direction> {
    Some(match w {
        "supra" | "above" | "cited" | "cit" | "oben" | "sopra" | "retro" | "ante" | "dessus"
        | "see" | "vgl" | "cfr" | "voir" | "siehe" | "cf" | "earlier" | "previous" | "citata"
        | "citato" | "zit" | "vorstehend" | "precitee" | "precite" | "aao" | "op" | "wie" => {
            Direction::Back
        }
        "infra" | "below" | "unten" | "sotto" | "post" | "dessous" | "later" | "following" => {
            Direction::Forward
        }
        _ => return None,
    })
}

fn is_note_pointer(w: &str) -> bool {
    matches!(
        w,
        "n" | "nn"
            | "note"
            | "notes"
            | "fn"
            | "fnn"
            | "footnote"
            | "footnotes"
            | "anm"
            | "fussnote"
            | "fussnoten"
            | "nota"
            | "nt"
    )
}

/// Which way a cross-reference points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Back,
    Forward,
    Unknown,
}

/// A pointer to other notes ("supra n. 5", "(n 5)", "cited in note 24").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Xref {
    pub notes: Vec<u32>,
    pub direction: Direction,
    /// True when context words or parentheses make it certain.
    pub explicit: bool,
    /// Byte range of the pointer.
    pub range: Range<usize>,
}

/// What stands at the start of the citation (after signals).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    None,
    /// "Ibid.", "ebd.", "ivi": the rest starts at this byte.
    Ibid {
        rest: usize,
    },
    /// "Idem", "Id.", "ders.", "———": the rest starts at this byte.
    SameAuthor {
        rest: usize,
    },
}

/// An abbreviation defined in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// The short form as written ("D.G.F.P.", "D.G.F.P. Series/Volume").
    pub short: String,
    /// Byte range of the defining clause (to leave out of the long form).
    pub clause: Range<usize>,
}

/// The markers found in one citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub toks: Vec<Tok>,
    /// Index of the first token after leading signals.
    pub body: usize,
    pub lead: Lead,
    /// An "ibid" later in the text ("file ibid.", "in: ebd.") and whether it
    /// follows "in" (a part of the previous work).
    pub inner_ibid: Option<(usize, bool)>,
    /// Token range of an "op. cit." marker.
    pub op_cit: Option<Range<usize>>,
    pub xref: Option<Xref>,
    /// "infra"/"below" without a note number.
    pub forward_bare: bool,
    pub definition: Option<Definition>,
}

impl Analysis {
    /// Scan a citation's text.
    pub fn new(text: &str) -> Analysis {
        let toks = crate::tokens::tokenize(text);
        let body = skip_signals(&toks);
        let lead = find_lead(text, &toks, body);
        let inner_ibid = if matches!(lead, Lead::None) {
            find_inner_ibid(&toks, body)
        } else {
            None
        };
        let op_cit = find_op_cit(&toks, body);
        let (xref, forward_bare) = find_xref(text, &toks, body, op_cit.is_some());
        let definition = find_definition(text, &toks);
        Analysis {
            toks,
            body,
            lead,
            inner_ibid,
            op_cit,
            xref,
            forward_bare,
            definition,
        }
    }

    /// Byte offset where the body (after signals) starts.
    pub fn body_byte(&self) -> usize {
        self.toks.get(self.body).map_or(0, |t| t.start)
    }
}

fn skip_signals(toks: &[Tok]) -> usize {
    let mut i = 0;
    'outer: loop {
        for s in SIGNALS {
            if starts_with_seq(toks, i, s) && toks.len() > i + s.len() {
                i += s.len();
                continue 'outer;
            }
        }
        return i;
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '―' | '–' | '-' | '_' | '⸺' | '⸻')
}

fn find_lead(text: &str, toks: &[Tok], body: usize) -> Lead {
    let trimmed = text.trim_start();
    let offset = text.len() - trimmed.len();
    let dashes: usize = trimmed.chars().take_while(|&c| is_dash(c)).count();
    let strong = trimmed.starts_with(['—', '―', '⸺', '⸻']);
    if dashes >= 2 || (strong && dashes >= 1) {
        let rest = offset
            + trimmed
                .char_indices()
                .find(|&(_, c)| !is_dash(c))
                .map_or(trimmed.len(), |(i, _)| i);
        return Lead::SameAuthor { rest };
    }
    let Some(t) = toks.get(body) else {
        return Lead::None;
    };
    let rest_after = |n: usize| -> usize {
        let last = &toks[body + n - 1];
        last.end + usize::from(last.dot)
    };
    if starts_with_seq(toks, body, &["там", "же"]) {
        return Lead::Ibid {
            rest: rest_after(2),
        };
    }
    if is_ibid_word(t, true) {
        return Lead::Ibid {
            rest: rest_after(1),
        };
    }
    if is_same_author_marker(t, toks.get(body + 1)) {
        return Lead::SameAuthor {
            rest: rest_after(1),
        };
    }
    Lead::None
}

fn find_inner_ibid(toks: &[Tok], body: usize) -> Option<(usize, bool)> {
    for i in body + 1..toks.len() {
        let t = &toks[i];
        let after_in = matches!(toks[i - 1].norm.as_str(), "in" | "dans" | "en");
        // "in idem, Languages of Class": the same author's book, no back-
        // reference; "in id., pp. 3–10" (no title after it) points back
        let no_title_after = toks.get(i + 1).is_none_or(|n| {
            n.is_number() || matches!(n.norm.as_str(), "p" | "pp" | "s" | "vol" | "t" | "bd")
        });
        let same_author_host =
            after_in && matches!(t.norm.as_str(), "id" | "idem") && no_title_after;
        if is_ibid_word(t, false) || same_author_host {
            return Some((i, after_in));
        }
    }
    None
}

fn find_op_cit(toks: &[Tok], body: usize) -> Option<Range<usize>> {
    for i in body..toks.len() {
        for seq in OP_CIT {
            if !starts_with_seq(toks, i, seq) {
                continue;
            }
            let last = &toks[i + seq.len() - 1];
            let next = toks.get(i + seq.len());
            let ok = match *seq {
                // "cit. in X" means "quoted in X", not "op. cit.".
                ["cit"] => {
                    last.dot
                        && !next.is_some_and(|n| {
                            matches!(n.norm.as_str(), "in" | "da" | "nach" | "par" | "by" | "bei")
                        })
                }
                ["supra"] => !next.is_some_and(|n| is_note_pointer(&n.norm)),
                ["a", "w"] | ["t", "a", "p"] | ["a", "a", "o"] => last.dot,
                _ => true,
            };
            if ok {
                return Some(i..i + seq.len());
            }
        }
    }
    None
}

fn find_xref(text: &str, toks: &[Tok], body: usize, op_cit: bool) -> (Option<Xref>, bool) {
    let mut forward_bare = false;
    for i in body..toks.len() {
        let t = &toks[i];
        if matches!(t.norm.as_str(), "infra" | "below" | "unten" | "sotto")
            && !toks.get(i + 1).is_some_and(|n| is_note_pointer(&n.norm))
            && !toks[i.saturating_sub(2)..i]
                .iter()
                .any(|p| is_note_pointer(&p.norm))
        {
            forward_bare = true;
        }
        if !is_note_pointer(&t.norm) || !toks.get(i + 1).is_some_and(Tok::is_number) {
            continue;
        }
        // Collect the numbers: "nn. 5 and 7", "notes 5–7", "n. 5 & 8".
        let plural = matches!(
            t.norm.as_str(),
            "nn" | "notes" | "fnn" | "footnotes" | "fussnoten"
        );
        let mut notes = Vec::new();
        let mut j = i + 1;
        let mut end = t.end;
        while let Some(n) = toks.get(j) {
            if !n.is_number() || n.norm.len() > 6 {
                break;
            }
            if let Ok(v) = n.norm.parse::<u32>() {
                notes.push(v);
            }
            end = n.end;
            j += 1;
            if notes.len() >= 10 {
                break;
            }
            let Some(nx) = toks.get(j) else { break };
            let between = text.get(end..nx.start).unwrap_or("").trim();
            let joiner = !between.is_empty()
                && between
                    .chars()
                    .all(|c| matches!(c, '–' | '-' | '&') || (plural && c == ','));
            if nx.is_number() && joiner {
                continue;
            }
            let word_joiner = matches!(nx.norm.as_str(), "and" | "und" | "et" | "e" | "y");
            if word_joiner && between.is_empty() && toks.get(j + 1).is_some_and(Tok::is_number) {
                j += 1;
                continue;
            }
            break;
        }
        if notes.is_empty() {
            continue;
        }
        let mut direction = Direction::Unknown;
        let mut explicit = op_cit;
        for p in toks[i.saturating_sub(3)..i].iter().rev() {
            if let Some(d) = context_direction(&p.norm) {
                explicit = true;
                if direction == Direction::Unknown {
                    direction = d;
                }
            }
        }
        if let Some(next) = toks.get(j) {
            if let Some(d) = context_direction(&next.norm) {
                if matches!(d, Direction::Forward) || next.norm == "above" || next.norm == "supra" {
                    explicit = true;
                    direction = d;
                }
            }
        }
        if char_before(text, t.start) == Some('(') {
            explicit = true;
        }
        return (
            Some(Xref {
                notes,
                direction,
                explicit,
                range: t.start..end,
            }),
            forward_bare,
        );
    }
    (None, forward_bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(text: &str) -> Analysis {
        Analysis::new(text)
    }

    #[test]
    fn ibid_markers_in_many_languages() {
        for t in [
            "Ibid., p. 91.",
            "ibid",
            "Ib., 4",
            "Ebd., S. 5.",
            "Ebenda",
            "Ibidem.",
            "Ivi, p. 12.",
            "Ibíd., p. 3",
            "Там же. С. 5",
            "Tamże, s. 4",
            "See ibid., 7.",
        ] {
            assert!(matches!(a(t).lead, Lead::Ibid { .. }), "{t}");
        }
        for t in [
            "Id. at 5.",
            "Idem, The Struggle for Mastery, p. 4.",
            "Ders., Die Gründung, S. 3.",
            "Dies., ebd.",
            "Eadem, p. 4",
            "———, Origins, p. 9",
            "—, Origins",
        ] {
            assert!(matches!(a(t).lead, Lead::SameAuthor { .. }), "{t}");
        }
        for t in [
            "Ivanov, Ivi",
            "Dies ist kein Zitat",
            "Taylor, Origins, p. 5",
            "- 5 -",
            "",
        ] {
            assert!(matches!(a(t).lead, Lead::None), "{t}");
        }
        let an = a("Simon to Phipps, 12 March 1935, file ibid.");
        assert_eq!(an.inner_ibid.map(|x| x.1), Some(false));
        let an = a("N. Fraser, ‘Civil Citizenship’ in id., p. 97.");
        assert_eq!(an.inner_ibid.map(|x| x.1), Some(true));
        if let Lead::Ibid { rest } = a("Ibid., II/VII, Doc. No. 147").lead {
            assert_eq!(
                &"Ibid., II/VII, Doc. No. 147"[rest..],
                ", II/VII, Doc. No. 147"
            );
        } else {
            panic!("not ibid");
        }
    }

    #[test]
    fn op_cit_markers() {
        for t in [
            "Taylor, op. cit., p. 5",
            "Taylor, op.cit.",
            "Müller, a.a.O., S. 4",
            "Müller, aaO, S. 4",
            "Dupont, ouvr. cit., p. 3",
            "Rossi, Storia, cit., p. 45",
            "Smith, supra, at 5",
            "Taylor, loc. cit.",
        ] {
            assert!(a(t).op_cit.is_some(), "{t}");
        }
        for t in [
            "Mussolini to Grandi, cit. in De Felice, Mussolini, p. 5",
            "Taylor, Origins, p. 5",
            "Smith, supra n. 5",
        ] {
            assert!(a(t).op_cit.is_none(), "{t}");
        }
    }

    #[test]
    fn cross_references() {
        let cases: &[(&str, &[u32], bool)] = &[
            ("Taylor, supra n. 5, at 9", &[5], true),
            ("Grossberg (n 18) 52", &[18], true),
            ("See n. 7.", &[7], true),
            ("Above, n. 3.", &[3], true),
            ("the report cited in note 12", &[12], true),
            ("Müller, oben Anm. 3", &[3], true),
            ("Rossi, sopra, nota 2", &[2], true),
            ("Vogel, op. cit., n. 7, pp. 80–1.", &[7], true),
            ("Smith, supra notes 4 and 9", &[4, 9], true),
            ("ASV, busta 5, n. 7", &[7], false),
        ];
        for (t, notes, explicit) in cases {
            let x = a(t).xref.unwrap_or_else(|| panic!("{t}"));
            assert_eq!(x.notes, *notes, "{t}");
            assert_eq!(x.explicit, *explicit, "{t}");
        }
        assert_eq!(
            a("See infra n. 40").xref.map(|x| x.direction),
            Some(Direction::Forward)
        );
        assert!(a("See the discussion infra.").forward_bare);
        assert!(a("Taylor, Origins, p. 5").xref.is_none());
    }
}
