//! Name runs ("Smith, J., Jones, K. and Brown, L.") into CSL names.

mod east_asian;
mod lex;
mod person;
mod words;

use crate::text::fold_ws;
use ibid_model::Name;
use lex::{lex, strip_markers, Tok};
use person::{inverted, looks_family, looks_given, standalone, Person};
pub use words::is_particle as is_name_particle;
pub(crate) use words::key;

/// True for a frequent given name that is rarely a family name
/// (`data/given_names.txt`; any case: "Roberto", "ILEANA").
pub fn is_common_given_name(word: &str) -> bool {
    words::GIVEN_NAMES.contains(key(word).as_ref())
}
use words::{
    is_anonymous, is_cap, is_conjunction, is_corporate_function_word, is_corporate_word,
    is_initial, is_postnominal, is_suffix, Role,
};

/// The role announced by a marker inside a name run ("(ed.)", "trans.").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRole {
    /// "ed.", "eds.", "Hrsg.", "a cura di", "(dir.)", "edited by" …
    Editor,
    /// "trans.", "tr.", "übers. v.", "trad.", "translated by" …
    Translator,
}

/// The persons of one name run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedNames {
    /// The names, in order. Persons have `family` (and `given`, particles,
    /// `suffix`); corporate or anonymous authors have `literal`.
    pub names: Vec<Name>,
    /// Titles removed from a name ("Sir", "Rev. Dr.", "KBE"), by index into `names`.
    pub honorifics: Vec<(usize, String)>,
    /// The run ended in "et al." (or "u. a.", "and others", …).
    pub et_al: bool,
    /// A role marker found in the run ("(eds.)", "trans.").
    pub role: Option<NameRole>,
}

/// Most names one run yields; the rest of a hostile run is ignored.
const MAX_NAMES: usize = 1000;

/// A person's name written out in a phrase ("Interview with Maria Rossi",
/// "review of …, by Michael Burleigh"): two to five words, the last
/// capitalised and longer than an initial, each capitalised, an initial or
/// a particle ("Interview with History" names no one).
pub(crate) fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.last().is_some_and(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 2
        })
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || crate::is_name_particle(w)
                || matches!(*w, "y" | "e")
        })
}

/// Splits a run of names into persons.
///
/// Handles inverted and direct order, initials, lists separated by commas,
/// `;`, `/`, "and"/"&"/"und"/"et"/"e", particles, honorifics, generational
/// suffixes, East Asian family-first names, corporate and anonymous authors,
/// "et al." and role markers. Never fails: unsplittable text becomes a
/// `literal`.
///
/// ```
/// let p = ibid_csl::parse_names("Smith, J., Jones, K. and Brown, L. (eds.)");
/// assert_eq!(p.names.len(), 3);
/// assert_eq!(p.names[2].family.as_deref(), Some("Brown"));
/// assert_eq!(p.role, Some(ibid_csl::NameRole::Editor));
/// ```
pub fn parse_names(s: &str) -> ParsedNames {
    let folded = fold_ws(s);
    let mut toks = lex(&folded);
    let found = strip_markers(&mut toks);
    let mut out = ParsedNames {
        et_al: found.et_al,
        role: match found.role {
            Some(Role::Editor) => Some(NameRole::Editor),
            Some(Role::Translator) => Some(NameRole::Translator),
            _ => None,
        },
        ..ParsedNames::default()
    };
    if let Some(lits) = literal_names(&toks) {
        out.names = lits.into_iter().map(Name::literal).collect();
        return out;
    }
    let mut persons: Vec<Person> = Vec::new();
    for seg in segments(&toks) {
        if persons.len() >= MAX_NAMES {
            break;
        }
        persons_of_segment(&toks[seg], &mut persons);
    }
    persons.truncate(MAX_NAMES);
    // "E. e W. Eleodori": a person of initials only shares the next family name
    for i in (0..persons.len().saturating_sub(1)).rev() {
        let (a, b) = persons.split_at_mut(i + 1);
        let (cur, next) = (&mut a[i].name, &b[0].name);
        let initials_only = cur.family.is_none()
            && cur.literal.is_none()
            && cur
                .given
                .as_deref()
                .is_some_and(|g| g.split(' ').all(is_initial));
        if initials_only && next.family.is_some() {
            cur.family = next.family.clone();
            cur.non_dropping_particle = next.non_dropping_particle.clone();
            cur.dropping_particle = next.dropping_particle.clone();
        }
    }
    for (i, p) in persons.into_iter().enumerate() {
        if let Some(h) = p.honorific {
            out.honorifics.push((i, h));
        }
        out.names.push(p.name);
    }
    out
}

/// Joins tokens back into text.
fn render(toks: &[Tok<'_>]) -> String {
    let mut s = String::new();
    for t in toks {
        match t {
            Tok::Word(w) => {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(w);
            }
            Tok::Comma => s.push(','),
            Tok::Amp => s.push_str(" &"),
            Tok::Slash => s.push('/'),
            Tok::Dash => s.push_str(" –"),
            Tok::Semi | Tok::Open | Tok::Close => {}
        }
    }
    let t = s.trim_matches(|c: char| c == ',' || c == ' ' || c == '&' || c == '/' || c == '–');
    // "Foreign Office." loses its period; "Anon.", "Inc.", "U.N." keep theirs.
    match t.strip_suffix('.') {
        Some(b) => {
            let last = b.rsplit([' ', '.']).next().unwrap_or(b);
            if last.chars().count() <= 4 || last.ends_with(char::is_uppercase) {
                t.to_string()
            } else {
                b.to_string()
            }
        }
        None => t.to_string(),
    }
}

/// Corporate or anonymous authors: one literal per `;`-separated part.
fn literal_names(toks: &[Tok<'_>]) -> Option<Vec<String>> {
    let words: Vec<&str> = toks.iter().filter_map(|t| t.word()).collect();
    if words.is_empty() {
        return None;
    }
    let anonymous = words.len() <= 3 && {
        let joined = words.join(" ");
        is_anonymous(key(&joined).trim_end_matches(['.', ':']))
    };
    // "U.S. Dep't of Just.": a country's initials open a body's name
    let country = |w: &str| matches!(w, "U.S." | "U.K." | "E.U." | "U.N.");
    let corporate = !words.iter().any(|w| is_initial(w) && !country(w))
        && (words.iter().any(|w| is_corporate_word(w))
            || (words.len() >= 3
                && words.iter().any(|w| is_corporate_function_word(w))
                && words.iter().filter(|w| is_cap(w)).count() >= 2));
    if !(anonymous || corporate) {
        return None;
    }
    let lits: Vec<String> = toks
        .split(|t| *t == Tok::Semi)
        .map(render)
        .filter(|s| !s.is_empty())
        .take(MAX_NAMES)
        .collect();
    (!lits.is_empty()).then_some(lits)
}

/// Ranges of `toks`, one per person group, split at `;`, `&`, `/`, dashes
/// and conjunctions.
fn segments(toks: &[Tok<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        let sep = match t {
            Tok::Semi | Tok::Amp | Tok::Slash | Tok::Dash => true,
            Tok::Word(w) => is_conjunction(w) || (*w == "y" && spanish_and(toks, i)),
            _ => false,
        };
        if sep {
            if i > start {
                out.push(start..i);
            }
            start = i + 1;
        }
    }
    if toks.len() > start {
        out.push(start..toks.len());
    }
    out
}

/// Spanish "y" separates persons after an initial or a comma ("García, J. y
/// López, M."), not inside "Ortega y Gasset".
fn spanish_and(toks: &[Tok<'_>], i: usize) -> bool {
    match i.checked_sub(1).map(|p| toks[p]) {
        Some(Tok::Word(prev)) => is_initial(prev),
        Some(Tok::Comma) => true,
        _ => false,
    }
}

/// Persons of one segment: comma parts paired as "Family, Given" where they
/// fit, else read one by one.
fn persons_of_segment(seg: &[Tok<'_>], persons: &mut Vec<Person>) {
    // all words, and each comma part's range among them
    let mut words: Vec<&str> = Vec::with_capacity(seg.len());
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for t in seg.iter().chain(std::iter::once(&Tok::Comma)) {
        match t {
            Tok::Word(w) => words.push(w),
            Tok::Comma => {
                if words.len() > start {
                    bounds.push((start, words.len()));
                }
                start = words.len();
            }
            _ => {}
        }
    }
    let part = |i: usize| -> &[&str] {
        let (a, b) = bounds[i];
        &words[a..b]
    };
    let n = bounds.len();
    // "Smith, Jones, Brown": three or more bare family names.
    let all_single = n >= 3
        && n % 2 == 1
        && (0..n).all(|i| {
            let p = part(i);
            p.len() == 1 && !is_initial(p[0]) && !is_suffix(p[0])
        });
    let mut i = 0;
    while i < n {
        if persons.len() >= MAX_NAMES {
            return;
        }
        let p = part(i);
        if p.iter().all(|w| is_suffix(w) || is_postnominal(w)) {
            if let Some(last) = persons.last_mut() {
                attach_titles(last, p);
            }
            i += 1;
            continue;
        }
        if !all_single && i + 1 < n && looks_family(p, part(i + 1)) && looks_given(part(i + 1)) {
            if let Some(person) = inverted(p, part(i + 1)) {
                persons.push(person);
            }
            i += 2;
            continue;
        }
        if let Some(person) = standalone(p) {
            persons.push(person);
        }
        i += 1;
    }
}

/// Adds a comma-separated suffix ("Jr.") or post-nominal ("S.J.") part.
fn attach_titles(p: &mut Person, words: &[&str]) {
    for w in words {
        if is_suffix(w) && p.name.suffix.is_none() {
            p.name.suffix = Some((*w).to_string());
        } else {
            match &mut p.honorific {
                Some(h) => {
                    h.push(' ');
                    h.push_str(w);
                }
                None => p.honorific = Some((*w).to_string()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fam(s: &str) -> Vec<String> {
        parse_names(s)
            .names
            .iter()
            .map(|n| {
                let f = n.family.clone().or(n.literal.clone()).unwrap_or_default();
                match &n.given {
                    Some(g) => format!("{f}|{g}"),
                    None => f,
                }
            })
            .collect()
    }

    #[test]
    fn single_persons() {
        assert_eq!(fam("Taylor, A. J. P.,"), ["Taylor|A. J. P."]);
        assert_eq!(fam("A. J. P. Taylor"), ["Taylor|A. J. P."]);
        assert_eq!(fam("Taylor A.J.P."), ["Taylor|A.J.P."]);
        assert_eq!(fam("Heidegger M.,"), ["Heidegger|M."]);
        assert_eq!(fam("García Márquez, Gabriel"), ["García Márquez|Gabriel"]);
        assert_eq!(fam("Padoan Urban, Lina,"), ["Padoan Urban|Lina"]);
        assert_eq!(fam("King, Martin Luther, Jr."), ["King|Martin Luther"]);
        assert_eq!(
            parse_names("King, Martin Luther, Jr.").names[0]
                .suffix
                .as_deref(),
            Some("Jr.")
        );
    }

    #[test]
    fn lists() {
        assert_eq!(
            fam("Smith, J., Jones, K. and Brown, L."),
            ["Smith|J.", "Jones|K.", "Brown|L."]
        );
        assert_eq!(
            fam("J. Smith, K. Jones & L. Brown"),
            ["Smith|J.", "Jones|K.", "Brown|L."]
        );
        assert_eq!(
            fam("Smith J, Jones K, Brown L"),
            ["Smith|J", "Jones|K", "Brown|L"]
        );
        assert_eq!(fam("Meier, H./Müller, K."), ["Meier|H.", "Müller|K."]);
        assert_eq!(
            fam("Berg-Schlosser, Dirk, Gisèle De Meur, Charles C. Ragin, and Benoît Rihoux."),
            [
                "Berg-Schlosser|Dirk",
                "De Meur|Gisèle",
                "Ragin|Charles C.",
                "Rihoux|Benoît"
            ]
        );
        assert_eq!(
            fam("Arent, D., J. Pless, T. Mai and P. Denholm"),
            ["Arent|D.", "Pless|J.", "Mai|T.", "Denholm|P."]
        );
        assert_eq!(
            fam("A. ANTONIK et M. LUCQUIN"),
            ["ANTONIK|A.", "LUCQUIN|M."]
        );
        assert_eq!(fam("N. Tommaseo-B. Bellini"), ["Tommaseo|N.", "Bellini|B."]);
        assert_eq!(
            fam("Feuser, G. u. Wehrmann, Ilse (Hrsg.):"),
            ["Feuser|G.", "Wehrmann|Ilse"]
        );
        assert_eq!(
            fam("Sofie Laier Henriksen, Wiel Seuskens en Gaby Wijers"),
            ["Henriksen|Sofie Laier", "Seuskens|Wiel", "Wijers|Gaby"]
        );
        assert_eq!(fam("Smith, Jones, Brown"), ["Smith", "Jones", "Brown"]);
        assert_eq!(
            fam("KORN, T., BETTELLI, E., OUKKA, M. & KUCHROO, V. K."),
            ["KORN|T.", "BETTELLI|E.", "OUKKA|M.", "KUCHROO|V. K."]
        );
        assert_eq!(fam("García, J. y López, M."), ["García|J.", "López|M."]);
        assert_eq!(
            fam("CABRAL, B., CAM, N., FORAN, J."),
            ["CABRAL|B.", "CAM|N.", "FORAN|J."]
        );
        assert_eq!(fam("毛泽东、周恩来"), ["毛|泽东", "周|恩来"]);
    }

    #[test]
    fn particles_and_east_asian_through_the_lexer() {
        let p = parse_names("Gerard 't Hooft and Ludwig von Mises");
        assert_eq!(p.names[0].non_dropping_particle.as_deref(), Some("'t"));
        assert_eq!(p.names[0].family.as_deref(), Some("Hooft"));
        assert_eq!(p.names[1].dropping_particle.as_deref(), Some("von"));
        let p = parse_names("Ursula von der Leyen; Juan de la Cruz; Leonardo da Vinci");
        assert_eq!(p.names[0].dropping_particle.as_deref(), Some("von der"));
        assert_eq!(p.names[1].non_dropping_particle.as_deref(), Some("de la"));
        assert_eq!(p.names[1].family.as_deref(), Some("Cruz"));
        assert_eq!(p.names[2].non_dropping_particle.as_deref(), Some("da"));
        assert_eq!(
            fam("Kim Dae-jung, Mao Zedong"),
            ["Kim|Dae-jung", "Mao|Zedong"]
        );
        assert_eq!(fam("Maruyama Masao"), ["Maruyama|Masao"]);
        assert_eq!(fam("毛泽东"), ["毛|泽东"]);
        let p = parse_names("Capt. James Cook, Rev. Dr. John Smith and Pope Pius XII");
        assert_eq!(p.names[0].family.as_deref(), Some("Cook"));
        assert_eq!(p.honorifics[0], (0, "Capt.".to_string()));
        assert_eq!(p.honorifics[1], (1, "Rev. Dr.".to_string()));
        assert_eq!(p.names[2].suffix.as_deref(), Some("XII"));
        assert_eq!(fam("Petrov IV, Smith VI"), ["Petrov|IV", "Smith|VI"]);
        assert_eq!(
            parse_names("John Smith II").names[0].suffix.as_deref(),
            Some("II")
        );
    }

    #[test]
    fn corpus_shapes() {
        assert_eq!(fam("De Vertot,"), ["De Vertot"]);
        assert_eq!(fam("E. e W. Eleodori,"), ["Eleodori|E.", "Eleodori|W."]);
        assert_eq!(fam("a cura di E. Bassi,"), ["Bassi|E."]);
        assert_eq!(fam("a c. di E. Pastorello,"), ["Pastorello|E."]);
        assert_eq!(fam("S. MOSCHINI MARCONI,"), ["MOSCHINI MARCONI|S."]);
        assert_eq!(fam("borsari s."), ["borsari|s."]);
        assert_eq!(fam("by N. Rubinstein,"), ["Rubinstein|N."]);
        assert_eq!(
            fam("Neuendorf AD, Pierangeli M, Di Benedetto G, Scalise A."),
            [
                "Neuendorf|AD",
                "Pierangeli|M",
                "Di Benedetto|G",
                "Scalise|A."
            ]
        );
        assert_eq!(fam("Ed Miliband"), ["Miliband|Ed"]);
        assert_eq!(fam("———."), Vec::<String>::new());
        assert_eq!(
            parse_names("A.L.R.C.").names,
            vec![Name::literal("A.L.R.C.")]
        );
    }

    #[test]
    fn et_al_and_roles() {
        let p = parse_names("G. E. Morfill et al.");
        assert!(p.et_al);
        assert_eq!(p.names.len(), 1);
        let p = parse_names("Wartburg, Walther von (Hg.),");
        assert_eq!(p.role, Some(NameRole::Editor));
        assert_eq!(p.names[0].dropping_particle.as_deref(), Some("von"));
        let p = parse_names("trans. Gary Kern");
        assert_eq!(p.role, Some(NameRole::Translator));
        assert_eq!(p.names[0].family.as_deref(), Some("Kern"));
        let p = parse_names("edited by A. Smith and B. Jones");
        assert_eq!(p.role, Some(NameRole::Editor));
        assert_eq!(p.names.len(), 2);
        assert_eq!(parse_names("Smith, J. et al").names.len(), 1);
    }

    #[test]
    fn literals() {
        for s in [
            "Foreign Office",
            "World Health Organization",
            "Commission of the European Communities",
            "Anon.",
            "Statistisches Bundesamt Wiesbaden,",
            "OECD",
            "[Anon.]",
            "U.S. Dep't of Just.",
            "U.S. Department of Energy",
            "Federal Trade Comm’n",
        ] {
            let p = parse_names(s);
            assert_eq!(p.names.len(), 1, "{s}");
            assert!(p.names[0].literal.is_some(), "{s}: {:?}", p.names);
        }
        // initials other than a country's still make a person
        assert!(parse_names("U.S. Grant").names[0].literal.is_none());
        assert!(parse_names("J. Smith of the Office").names[0]
            .literal
            .is_none());
        assert_eq!(
            parse_names("Anon.").names[0].literal.as_deref(),
            Some("Anon.")
        );
        assert_eq!(
            parse_names("Foreign Office; Colonial Office").names,
            vec![
                Name::literal("Foreign Office"),
                Name::literal("Colonial Office")
            ]
        );
    }

    #[test]
    fn honorifics_are_indexed() {
        let p = parse_names("Smith, J. and Sir Lewis Namier");
        assert_eq!(p.honorifics, vec![(1, "Sir".to_string())]);
        assert_eq!(p.names[1].given.as_deref(), Some("Lewis"));
    }

    #[test]
    fn hostile_input() {
        assert!(parse_names("").names.is_empty());
        assert!(parse_names(",,, ;; & / – ()").names.is_empty());
        let long = "Smith, J., ".repeat(20_000);
        let p = parse_names(&long);
        assert_eq!(p.names.len(), MAX_NAMES);
        let _ = parse_names(&"\u{202E}\u{0}ש".repeat(30_000));
        let _ = parse_names(&"a".repeat(100_000));
        // particles without a family name, and no capital at all
        let _ = parse_names(&"de ".repeat(40_000));
        let _ = parse_names(&format!("{}Smith", "de ".repeat(40_000)));
        let _ = parse_names(&"cura ".repeat(30_000));
        let _ = parse_names(&"A. ".repeat(40_000));
    }
}
