//! Tokens of a name run, and the removal of role markers ("ed.", "Hrsg.",
//! "trans.", "edited by", "a cura di") and "et al.".

use super::words::{connector_key, is_lower, is_particle, key, marker_key, Marker, Role};
use crate::text::is_space;

/// A token of a name run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok<'a> {
    Word(&'a str),
    Comma,
    Semi,
    Amp,
    Slash,
    Dash,
    Open,
    Close,
}

impl<'a> Tok<'a> {
    pub(crate) fn word(self) -> Option<&'a str> {
        match self {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }
}

/// Splits a name run into tokens. Quotes, colons and words without letters
/// ("1998", "[12]") are dropped; "Neumüller-K." and "M.-Utili" are split at
/// the hyphen (LinkedBooks joins persons with a hyphen).
pub(crate) fn lex(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let tok = match c {
            ',' | '，' => Some(Tok::Comma),
            ';' | '；' | '|' | '、' => Some(Tok::Semi),
            '&' | '＆' | '+' => Some(Tok::Amp),
            '/' | '／' | '\\' => Some(Tok::Slash),
            '(' | '[' | '{' | '（' | '［' | '<' => Some(Tok::Open),
            ')' | ']' | '}' | '）' | '］' | '>' => Some(Tok::Close),
            '–' | '—' | '―' | '−' => Some(Tok::Dash),
            ':' | '：' | '"' | '“' | '”' | '«' | '»' | '„' | '*' | '†' | '‡' | '=' | '?' | '!' => {
                None
            }
            c if is_space(c) => None,
            _ => {
                if start.is_none() {
                    start = Some(i);
                }
                continue;
            }
        };
        if let Some(st) = start.take() {
            push_word(&mut out, &s[st..i]);
        }
        if let Some(t) = tok {
            out.push(t);
        }
    }
    if let Some(st) = start {
        push_word(&mut out, &s[st..]);
    }
    out
}

fn push_word<'a>(out: &mut Vec<Tok<'a>>, w: &'a str) {
    if w.chars().all(|c| c == '-' || c == '‐' || c == '.') {
        if w.contains(['-', '‐']) {
            out.push(Tok::Dash);
        }
        return;
    }
    // "21.Petrie" (a list number glued to the name): drop the number.
    let w = match w.find(|c: char| !c.is_ascii_digit() && c != '.') {
        Some(p) if p > 0 && w[..p].ends_with('.') => &w[p..],
        _ => w,
    };
    if !w.chars().any(char::is_alphabetic) || w.chars().any(|c| c.is_ascii_digit()) {
        return;
    }
    let w = w.trim_start_matches(['-', '‐', '.']);
    if let Some(p) = w.rfind('-') {
        let (left, right) = (&w[..p], &w[p + 1..]);
        let left_letters = left.chars().filter(|c| c.is_alphabetic()).count();
        let split = (super::words::is_initial(right)
            && right.ends_with('.')
            && left_letters >= 2
            && !left.ends_with('.'))
            || (left.ends_with('.')
                && super::words::is_initial(left)
                && right.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && super::words::is_cap(right)
                && !right.ends_with('.')
                && !super::words::is_initial(right));
        if split {
            out.push(Tok::Word(left));
            out.push(Tok::Dash);
            out.push(Tok::Word(right));
            return;
        }
    }
    if !w.is_empty() {
        out.push(Tok::Word(w));
    }
}

/// What marker removal found.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Found {
    pub et_al: bool,
    pub role: Option<Role>,
}

/// What strip_markers needs to know about a word, computed once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Kind {
    #[default]
    Other,
    Et,
    And,
    E,
    Y,
    U,
    Und,
    /// "al", "al.", "alii", "alia"
    Al,
    Others,
    Altri,
    Otros,
    A,
    Andere,
    /// "etal", "et.al", "u.a", "e.a"
    EtAlWord,
    Ellipsis,
    /// "by", "von", "v.", "di", "par", "de", "cura" after a marker
    Follow,
    /// "c." of "a c. di"
    C,
    Di,
}

#[derive(Debug, Clone, Copy, Default)]
struct Info {
    /// The token survives marker removal.
    keep: bool,
    word: bool,
    marker: Option<Marker>,
    connector: bool,
    lower: bool,
    particle: bool,
    kind: Kind,
}

fn infos(toks: &[Tok<'_>]) -> Vec<Info> {
    let mut out: Vec<Info> = toks
        .iter()
        .map(|t| {
            let Tok::Word(w) = *t else {
                return Info {
                    keep: true,
                    ..Info::default()
                };
            };
            let k = key(w);
            let kind = match &*k {
                "et" => Kind::Et,
                "and" => Kind::And,
                "e" => Kind::E,
                "y" => Kind::Y,
                "u" => Kind::U,
                "und" => Kind::Und,
                "al" | "alii" | "alia" => Kind::Al,
                "others" => Kind::Others,
                "altri" => Kind::Altri,
                "otros" | "col" | "cols" => Kind::Otros,
                "a" => Kind::A,
                "andere" => Kind::Andere,
                "etal" | "et.al" | "u.a" | "e.a" => Kind::EtAlWord,
                "…" | ".." => Kind::Ellipsis,
                "by" | "von" | "v" | "par" | "de" | "cura" => Kind::Follow,
                "di" => Kind::Di,
                "c" | "a.c" => Kind::C,
                _ => Kind::Other,
            };
            Info {
                keep: true,
                word: true,
                marker: if w.len() > 16 { None } else { marker_key(&k) },
                connector: w.len() <= 10 && connector_key(&k) && !super::words::is_initial(w),
                lower: is_lower(w),
                particle: is_particle(w),
                kind,
            }
        })
        .collect();
    // neighbour-dependent markers
    for i in 0..out.len() {
        let bracketed =
            i > 0 && toks[i - 1] == Tok::Open && matches!(toks.get(i + 1), Some(Tok::Close));
        let next_di = out.get(i + 1).is_some_and(|n| n.kind == Kind::Di);
        let info = &mut out[i];
        if let (Some(Marker::Weak(_)), Tok::Word(w)) = (info.marker, toks[i]) {
            // "Ed Miliband": a capitalised weak marker needs its period or brackets.
            if !w.ends_with('.') && !info.lower && !bracketed {
                info.marker = None;
            }
        }
        if info.kind == Kind::C && next_di {
            // "a c. di", "c. di" (a cura di)
            info.marker = Some(Marker::Strong(Role::Editor));
        }
    }
    out
}

fn note_role(found: &mut Found, m: Marker) {
    if let Marker::Strong(r) | Marker::Weak(r) = m {
        if r != Role::Other && found.role.is_none() {
            found.role = Some(r);
        }
    }
}

/// Removes "et al." and role markers; drops brackets. Returns what it found.
pub(crate) fn strip_markers(toks: &mut Vec<Tok<'_>>) -> Found {
    let mut found = Found::default();
    let n = toks.len();
    let mut info = infos(toks);
    // et al. and its kin
    for i in 0..n {
        let next = info
            .get(i + 1)
            .filter(|x| x.word)
            .map_or(Kind::Other, |x| x.kind);
        let kind = match toks[i] {
            Tok::Amp if next == Kind::Al => Kind::Et,
            Tok::Word(_) => info[i].kind,
            _ => continue,
        };
        let pair = match kind {
            Kind::Et => next == Kind::Al,
            Kind::And => next == Kind::Others,
            Kind::E => matches!(next, Kind::Altri | Kind::Al),
            Kind::Y => next == Kind::Otros,
            Kind::U => next == Kind::A,
            Kind::Und => next == Kind::Andere,
            _ => false,
        };
        if pair {
            info[i].keep = false;
            info[i + 1].keep = false;
            found.et_al = true;
        } else if kind == Kind::EtAlWord {
            info[i].keep = false;
            found.et_al = true;
        } else if kind == Kind::Ellipsis {
            info[i].keep = false;
        }
    }
    // Leading run: "edited by", "in:", "a cura di", "trans.", "(Eds.)".
    let mut j = 0;
    let mut has_marker = false;
    let mut only_in = true;
    let mut last_marker_end = 0;
    while j < n {
        match toks[j] {
            Tok::Open | Tok::Close => {}
            Tok::Word(_) => {
                if let Some(m) = info[j].marker {
                    has_marker = true;
                    only_in &= m == Marker::In;
                    note_role(&mut found, m);
                    last_marker_end = j + 1;
                    if info[j].kind == Kind::C {
                        // consume "di" too
                        j += 1;
                        last_marker_end = j + 1;
                    }
                } else if !(info[j].connector || info[j].lower) {
                    break;
                }
            }
            _ => break,
        }
        j += 1;
    }
    if has_marker {
        // "in van der Waals": give the particles back to the name.
        let mut end = j.min(n);
        if only_in {
            while end > last_marker_end
                && info[end - 1].particle
                && info.get(end).is_some_and(|x| x.word)
            {
                end -= 1;
            }
        }
        for x in info.iter_mut().take(end) {
            x.keep = false;
        }
    }
    // Trailing run: "(Hrsg.)", ", eds.", "Trans.)".
    let mut e = n;
    while e > 0 {
        match toks[e - 1] {
            Tok::Open | Tok::Close | Tok::Comma | Tok::Semi => {}
            Tok::Word(_) => match info[e - 1].marker {
                Some(m @ (Marker::Strong(_) | Marker::Weak(_))) => {
                    note_role(&mut found, m);
                    info[e - 1].keep = false;
                }
                // a word already removed (et al.) is passed over
                _ if !info[e - 1].keep => {}
                _ => break,
            },
            _ => break,
        }
        e -= 1;
    }
    // Markers elsewhere: strong always, weak in brackets or in lower case.
    for i in 0..n {
        if !info[i].keep {
            continue;
        }
        let Some(m) = info[i].marker else { continue };
        let bracketed =
            i > 0 && toks[i - 1] == Tok::Open && matches!(toks.get(i + 1), Some(Tok::Close));
        let remove = match m {
            Marker::Strong(_) => true,
            Marker::Weak(_) => bracketed || info[i].lower,
            Marker::In => false,
        };
        if remove {
            note_role(&mut found, m);
            info[i].keep = false;
            // "hrsg. von", "edited by", "a cura di"
            let mut k = i + 1;
            while k < n && info[k].word && matches!(info[k].kind, Kind::Follow | Kind::Di) {
                info[k].keep = false;
                k += 1;
            }
            if i > 0 && info[i - 1].kind == Kind::A {
                info[i - 1].keep = false;
            }
        }
    }
    let mut idx = 0;
    toks.retain(|t| {
        let k = info[idx].keep && !matches!(t, Tok::Open | Tok::Close);
        idx += 1;
        k
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> (Vec<String>, Found) {
        let mut t = lex(s);
        let f = strip_markers(&mut t);
        let w = t
            .iter()
            .map(|t| match t {
                Tok::Word(w) => w.to_string(),
                Tok::Comma => ",".into(),
                Tok::Semi => ";".into(),
                Tok::Amp => "&".into(),
                Tok::Slash => "/".into(),
                Tok::Dash => "-".into(),
                Tok::Open => "(".into(),
                Tok::Close => ")".into(),
            })
            .collect();
        (w, f)
    }

    #[test]
    fn lexes() {
        assert_eq!(
            lex("Meier, H./Müller, K."),
            vec![
                Tok::Word("Meier"),
                Tok::Comma,
                Tok::Word("H."),
                Tok::Slash,
                Tok::Word("Müller"),
                Tok::Comma,
                Tok::Word("K.")
            ]
        );
        assert_eq!(
            lex("W. Neumüller-K. Holter"),
            vec![
                Tok::Word("W."),
                Tok::Word("Neumüller"),
                Tok::Dash,
                Tok::Word("K."),
                Tok::Word("Holter")
            ]
        );
        assert_eq!(
            lex("Magnifico M.-Utili M."),
            vec![
                Tok::Word("Magnifico"),
                Tok::Word("M."),
                Tok::Dash,
                Tok::Word("Utili"),
                Tok::Word("M.")
            ]
        );
        assert_eq!(
            lex("J.-P. Sartre"),
            vec![Tok::Word("J.-P."), Tok::Word("Sartre")]
        );
        assert_eq!(
            lex("21.Petrie KJ"),
            vec![Tok::Word("Petrie"), Tok::Word("KJ")]
        );
        assert_eq!(
            lex("[116] - Vasy"),
            vec![Tok::Open, Tok::Close, Tok::Dash, Tok::Word("Vasy")]
        );
    }

    #[test]
    fn strips_markers() {
        let (w, f) = words("Scherpe, Klaus R. (Hrsg.),");
        assert_eq!(w, ["Scherpe", ",", "Klaus", "R.", ","]);
        assert_eq!(f.role, Some(Role::Editor));
        let (w, f) = words("trad. di Bruno Cicognani,");
        assert_eq!(w, ["Bruno", "Cicognani", ","]);
        assert_eq!(f.role, Some(Role::Translator));
        let (w, _) = words("in: Latourelle René, Fisichella Rino (ed.),");
        assert_eq!(w, ["Latourelle", "René", ",", "Fisichella", "Rino", ","]);
        let (w, _) = words("c. di G. Caniato,");
        assert_eq!(w, ["G.", "Caniato", ","]);
        let (w, _) = words("a cura di C. Vivanti");
        assert_eq!(w, ["C.", "Vivanti"]);
        let (w, _) = words("cura e con prefazione di Umbro Apollonio,");
        assert_eq!(w, ["Umbro", "Apollonio", ","]);
        let (w, f) = words("Edited by Pierre Pidoux.");
        assert_eq!(w, ["Pierre", "Pidoux."]);
        assert_eq!(f.role, Some(Role::Editor));
        let (w, _) = words("hrsg. v. Hans Müller");
        assert_eq!(w, ["Hans", "Müller"]);
        let (w, _) = words("Rihoux, Benoît and Charles Ragin, eds.");
        assert_eq!(w, ["Rihoux", ",", "Benoît", "and", "Charles", "Ragin", ","]);
        let (w, f) = words("G. E. Morfill et al.");
        assert_eq!(w, ["G.", "E.", "Morfill"]);
        assert!(f.et_al);
        let (w, _) = words("de Gaulle, Charles");
        assert_eq!(w, ["de", "Gaulle", ",", "Charles"]);
        let (w, _) = words("in van der Waals, J. D. (ed.)");
        assert_eq!(w, ["van", "der", "Waals", ",", "J.", "D."]);
        let (w, f) = words("T. McCarthy, Trans.).");
        assert_eq!(w, ["T.", "McCarthy", ","]);
        assert_eq!(f.role, Some(Role::Translator));
        let (w, _) = words("Smith, J. ed. and Jones, K. ed.");
        assert_eq!(w, ["Smith", ",", "J.", "and", "Jones", ",", "K."]);
    }
}
