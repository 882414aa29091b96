//! Titles the model reads as names. Two forms of humanities reference lists
//! put a title where the model expects more of the author:
//!
//! - a table of contents or a catalogue joins the author to the title with
//!   a dash, "Rona Goffen – Bellini archeologico", which OCR often glues
//!   ("Klaus Fittschen-Über einige Römische Porträts in Venedig"): the model
//!   reads the whole as a title, with no author;
//! - a short reference gives the family name and the title after a comma,
//!   "Carile, Aspetti..., p. 106", "Battistella, Il dominio del Golfo, in
//!   …": the model reads the title as the author's given name.

use crate::dict::{Dict, PAGE, VOLUME};
use crate::name_words::{
    in_name, is_capitalised, is_given, is_initial_like, is_initials, split_author_title,
    NO_TITLE_WORDS, ROLE_WORDS,
};
use crate::spans::normalise_span;
use crate::LabelledSpan;
use ibid_model::Label;

fn is_person_label(l: Label) -> bool {
    matches!(l, Label::Author | Label::Editor | Label::Translator)
}

/// "Rona Goffen", "Jennifer M. Fletcher", "Ileana Chiappini di Sorio": a
/// person's name written given name first, two to five words.
fn is_given_first_name(s: &str, dict: &Dict) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    (2..=5).contains(&words.len())
        && (is_initials(first) || is_given(first, dict))
        && is_capitalised(last)
        && words
            .iter()
            .all(|w| is_initials(w) || is_capitalised(w) || in_name(w))
}

/// Where a dash separates a name from a title in `span`: the end of the
/// name and the start of the title. A spaced dash (" – ", " — ", " - ") or
/// one glued between a lower-case letter and a capital or an opening
/// quotation mark ("Goffen-Bellini", "Pubblici-“Evoluzione").
fn dash_cuts(span: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    span.char_indices().filter_map(move |(i, c)| {
        if !matches!(c, '-' | '–' | '—') {
            return None;
        }
        let before = span[..i].chars().next_back()?;
        let after_at = i + c.len_utf8();
        let after = span[after_at..].chars().next()?;
        let spaced = before == ' ' && after == ' ';
        let glued = before.is_lowercase()
            && (after.is_uppercase() || matches!(after, '“' | '«' | '"' | '„'));
        (spaced || glued).then(|| (span[..i].trim_end().len(), after_at + (spaced as usize)))
    })
}

/// "Rona Goffen – Bellini archeologico.", "Heike Frosien-Leinz-Venezianische
/// Antikennachahmungen …": when a reference has no person's name labelled
/// and opens with a title that opens with a given-name-first name, a dash
/// and two words or more before any punctuation, the name is the author.
/// Of several dashes the last after a name is taken (a double-barrelled
/// name keeps its hyphen).
pub(crate) fn author_before_dash(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields.iter().any(|f| is_person_label(f.label)) {
        return;
    }
    let Some(first) = fields.first().filter(|f| f.label == Label::Title) else {
        return;
    };
    let range = first.range.clone();
    if !text.get(..range.start).is_some_and(|s| s.trim().is_empty()) {
        return;
    }
    let Some(span) = text.get(range.clone()) else {
        return;
    };
    let dict = Dict::embedded();
    let cut = dash_cuts(span)
        .take_while(|&(name_end, _)| span[..name_end].split_whitespace().count() <= 5)
        .filter(|&(name_end, title_start)| {
            let title = &span[title_start..];
            let lead = title.split([',', '.', ';', ':', '(']).next().unwrap_or("");
            // "R. Jacot-Guillarmod et …": a double-barrelled name in a list
            let lw: Vec<&str> = lead.split_whitespace().take(3).collect();
            let listed = matches!(lw.as_slice(), [_, conj, next]
                if matches!(*conj, "et" | "and" | "e" | "und" | "&" | "y")
                    && next.chars().next().is_some_and(char::is_uppercase));
            is_given_first_name(&span[..name_end], dict)
                && lead.split_whitespace().count() >= 2
                && !listed
        })
        .last();
    let Some((name_end, title_start)) = cut else {
        return;
    };
    split_author_title(
        text,
        fields,
        0,
        range.start..range.start + name_end,
        range.start + title_start..range.end,
    );
}

/// The family name or whole name that opens a short reference: one to four
/// capitalised words, initials or particles ("Carile", "Lo Giudice", "J. A.
/// F. Orbaan").
fn is_family_part(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words
            .iter()
            .any(|w| is_capitalised(w) || w.chars().all(char::is_uppercase))
        && words.iter().all(|w| {
            is_initials(w)
                || in_name(w)
                || w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\''))
        })
}

/// The length of a name that opens `part` ("Deng H. Cutting edge",
/// "Chalkley R. Xenopus", "Ibrahima K T. An approach"): a capitalised word
/// and one or two initials, with title words after them.
fn name_opening(part: &str) -> Option<usize> {
    let mut words = part.split(' ');
    let family = words.next()?;
    if !family.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let mut end = family.len();
    let mut initials = 0;
    for w in words {
        if initials < 2 && is_initial_like(w) {
            initials += 1;
            end += 1 + w.len();
        } else {
            break;
        }
    }
    (initials > 0 && end < part.len()).then_some(end)
}

/// What a part of a name run after a comma reads as.
#[derive(PartialEq)]
enum Part {
    /// Initials, a given name, more names.
    Name,
    /// Words of a title: lower-case words that are no particles
    /// ("il dominio del Golfo").
    Title,
    /// An editor's or translator's role: the names go on after it.
    Role,
}

fn is_conjunction(w: &str) -> bool {
    matches!(w, "&" | "and" | "et")
}

fn read_part(part: &str, dict: &Dict) -> Part {
    let words: Vec<&str> = part.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // "Giovanni e Iacopo", "and Koonz": a conjunction opening the part or
    // between capitalised words ("de pexi et misure", "Sunlight and
    // sunburn" are a title's)
    let joins_names = words.iter().enumerate().any(|(i, w)| {
        let next_capital = words.get(i + 1).is_none_or(|next| capital(next));
        match *w {
            "&" | "and" | "et" => i == 0 || capital(words[i - 1]) && next_capital,
            "e" | "y" | "und" | "u." => (i == 0 || capital(words[i - 1])) && next_capital,
            _ => false,
        }
    });
    // "p. Centre …": a locator, not a title
    let locator = words
        .first()
        .is_some_and(|w| dict.flags_of(w.trim_end_matches('.')) & (PAGE | VOLUME) != 0);
    if joins_names
        || locator
        || words
            .iter()
            .any(|w| ROLE_WORDS.contains(w) || NO_TITLE_WORDS.contains(w) && !is_conjunction(w))
    {
        return Part::Role;
    }
    let lower_word = |w: &&str| {
        !is_conjunction(w)
            && w.chars().next().is_some_and(char::is_lowercase)
            && w.chars().count() >= 2
            && w.chars().all(char::is_lowercase)
            && !in_name(w)
    };
    if words.len() >= 2 && words.iter().any(lower_word) {
        Part::Title
    } else {
        Part::Name
    }
}

/// "Carile, Aspetti..., p. 106", "Battistella, Il dominio del Golfo,
/// «Nuovo Archivio Veneto»", "Lampertico, Statuti, pag. 140": when a
/// reference has no title (a container may follow) and opens with an author span "Family, …" whose
/// later part reads as a title — two words or more with a lower-case word
/// that is no name particle, or capitalised words that are no given names
/// nor initials, cut short with "…" or followed by a page or volume (a
/// short reference; before an imprint they may be an unlisted given name)
/// — that part and the rest of the span are the title.
pub(crate) fn title_after_family_name(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields.iter().any(|f| f.label == Label::Title) {
        return;
    }
    let Some(first) = fields.first().filter(|f| f.label == Label::Author) else {
        return;
    };
    let range = first.range.clone();
    let (Some(span), Some(before)) = (text.get(range.clone()), text.get(..range.start)) else {
        return;
    };
    if !before.trim().is_empty() {
        return;
    }
    let dict = Dict::embedded();
    let after = text.get(range.end..).unwrap_or("");
    // the field right after the span, when only ", " or "…, " is between
    let next = fields.get(1).filter(|f| {
        text.get(range.end..f.range.start)
            .is_some_and(|gap| gap.trim_start_matches(['.', '…']).trim() == ",")
    });
    let ends_cut_short = after.starts_with("...") || after.starts_with('…');
    let locator_next = next.is_some_and(|f| matches!(f.label, Label::Pages | Label::Volume));
    let mut at = 0;
    let mut parts = span.split(", ");
    let Some(family) = parts.next() else {
        return;
    };
    if !is_family_part(family) {
        return;
    }
    at += family.len() + 2;
    let rest: Vec<(&str, Part)> = parts.map(|p| (p, read_part(p, dict))).collect();
    // an editor or translator anywhere: the span is a name run
    if rest.iter().any(|(_, p)| *p == Part::Role) {
        return;
    }
    for (k, (part, kind)) in rest.iter().enumerate() {
        let last = k + 1 == rest.len();
        let title = match kind {
            Part::Role => return,
            Part::Title => true,
            Part::Name => {
                // "Aspetti", "Storia di Venezia": no given names, no
                // initials, where the span ends before a locator or "…"
                last && (ends_cut_short || locator_next)
                    && part.split_whitespace().all(|w| {
                        is_capitalised(w)
                            && !is_initial_like(w)
                            && !is_given(w, dict)
                            && !in_name(w)
                    })
            }
        };
        if title {
            // "Deng H. Cutting edge: …": the part opens with one more name,
            // its initials ending it
            let name_len = name_opening(part);
            let (author_end, title_start) = match name_len {
                Some(n) => (at + n, at + n),
                None => (at - 2, at),
            };
            split_author_title(
                text,
                fields,
                0,
                range.start..range.start + author_end,
                range.start + title_start..range.end,
            );
            return;
        }
        at += part.len() + 2;
    }
}

/// "1852 romanin s., Storia documentata di Venezia, Venezia.": a family
/// name in small capitals comes out of OCR in lower case, and the model
/// leaves it and its initials unlabelled. When a reference has no person's
/// name labelled and the text right before its first title, after the
/// field before it (or the start), is one word of letters and one to three
/// initials, then a comma, that text is the author.
pub(crate) fn unlabelled_name_before_title(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields.iter().any(|f| is_person_label(f.label)) {
        return;
    }
    let Some(t) = fields.iter().position(|f| f.label == Label::Title) else {
        return;
    };
    let from = if t == 0 { 0 } else { fields[t - 1].range.end };
    let Some(gap) = text.get(from..fields[t].range.start) else {
        return;
    };
    let Some(name) = gap.trim_end().strip_suffix(',') else {
        return;
    };
    let lead = name.len() - name.trim_start_matches([' ', ',', '.', ';', ':']).len();
    let words: Vec<&str> = name[lead..].split(' ').collect();
    let initial = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_alphabetic) && cs.next() == Some('.') && cs.next().is_none()
    };
    let ok = matches!(words.as_slice(), [family, rest @ ..]
        if family.chars().count() >= 3
            && family.chars().all(|c| c.is_alphabetic() || matches!(c, '’' | '\'' | '-'))
            && (1..=3).contains(&rest.len())
            && rest.iter().all(|w| initial(w)));
    if !ok {
        return;
    }
    let range = normalise_span(text, from + lead..from + name.len(), Dict::embedded());
    if range.is_empty() {
        return;
    }
    fields.insert(
        t,
        LabelledSpan {
            label: Label::Author,
            range,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span_rule_test::{apply, owned};

    #[test]
    fn a_name_before_a_dash_is_the_author() {
        let run =
            |text: &str, title: &str| apply(&[author_before_dash], text, &[(Label::Title, title)]);
        for (text, author, title) in [
            (
                "Sandra Faccini – Echi e trasgressioni dell’antico.",
                "Sandra Faccini",
                "Echi e trasgressioni dell’antico",
            ),
            (
                "Klaus Fittschen-Über einige Römische Porträts in Venedig.",
                "Klaus Fittschen",
                "Über einige Römische Porträts in Venedig",
            ),
            (
                "Heike Frosien-Leinz-Venezianische Antikennachahmungen im Antiquarium.",
                "Heike Frosien-Leinz",
                "Venezianische Antikennachahmungen im Antiquarium",
            ),
            (
                "Caterina Limentani Virdis—Tracce del gusto archeologico veneziano.",
                "Caterina Limentani Virdis",
                "Tracce del gusto archeologico veneziano",
            ),
        ] {
            let span = text.trim_end_matches('.');
            assert_eq!(
                run(text, span),
                owned(&[(Label::Author, author), (Label::Title, title)]),
                "{text}"
            );
        }
        // no name before the dash, a compound after a name, a named author
        for text in [
            "Anglo-Saxon England and the Norman Conquest",
            "Thomas Mann-Handbuch, Stuttgart 1990",
            "The Anglo-Saxon Chronicle and its Manuscripts",
            "Venezia – Storia di una città",
            "Jean-Paul Sartre et la philosophie",
            "R. Jacot-Guillarmod et Clarendon Press",
            "S. Giorgio Maggiore VIIIe-Xe siècles",
        ] {
            assert_eq!(run(text, text), owned(&[(Label::Title, text)]), "{text}");
        }
        let spans = [
            (Label::Author, "Sandra Faccini"),
            (Label::Title, "Echi e trasgressioni"),
        ];
        assert_eq!(
            apply(
                &[author_before_dash],
                "Sandra Faccini – Echi e trasgressioni",
                &spans
            ),
            owned(&spans)
        );
    }

    #[test]
    fn a_title_after_a_family_name_leaves_the_author() {
        let run =
            |text: &str, spans: &[(Label, &str)]| apply(&[title_after_family_name], text, spans);
        assert_eq!(
            run(
                "Carile, Aspetti..., p. 106.",
                &[(Label::Author, "Carile, Aspetti"), (Label::Pages, "p. 106")]
            ),
            owned(&[
                (Label::Author, "Carile"),
                (Label::Title, "Aspetti"),
                (Label::Pages, "p. 106")
            ])
        );
        assert_eq!(
            run(
                "Lampertico, Statuti, pag. 140.",
                &[
                    (Label::Author, "Lampertico, Statuti"),
                    (Label::Pages, "pag. 140")
                ]
            ),
            owned(&[
                (Label::Author, "Lampertico"),
                (Label::Title, "Statuti"),
                (Label::Pages, "pag. 140")
            ])
        );
        assert_eq!(
            run(
                "F. W. Deichmann, Ipilastri acritani, Wiesbaden 1982",
                &[
                    (Label::Author, "F. W. Deichmann, Ipilastri acritani"),
                    (Label::Location, "Wiesbaden")
                ]
            ),
            owned(&[
                (Label::Author, "F. W. Deichmann"),
                (Label::Title, "Ipilastri acritani"),
                (Label::Location, "Wiesbaden")
            ])
        );
        assert_eq!(
            run(
                "Battistella, il dominio del Golfo, Venezia 1918",
                &[
                    (Label::Author, "Battistella, il dominio del Golfo"),
                    (Label::Location, "Venezia"),
                    (Label::Date, "1918")
                ]
            ),
            owned(&[
                (Label::Author, "Battistella"),
                (Label::Title, "il dominio del Golfo"),
                (Label::Location, "Venezia"),
                (Label::Date, "1918")
            ])
        );
        // names: given names, initials, particles, roles, an "and"; a
        // capitalised word before the imprint may be a given name
        for (text, author, next) in [
            (
                "Ortalli, Gherardo, Venezia 1990",
                "Ortalli, Gherardo",
                Label::Location,
            ),
            ("Smith, John, p. 12", "Smith, John", Label::Pages),
            (
                "Smith, J., Jones, K., p. 12",
                "Smith, J., Jones, K.",
                Label::Pages,
            ),
            ("Gogh, Vincent van, p. 3", "Gogh, Vincent van", Label::Pages),
            (
                "Capponi, a cura di Marco Tabarrini, p. 3",
                "Capponi, a cura di Marco Tabarrini",
                Label::Pages,
            ),
            (
                "Bridenthal, Renate, and Koonz, Claudia, p. 4",
                "Bridenthal, Renate, and Koonz, Claudia",
                Label::Pages,
            ),
            (
                "Istituto veneto di scienze, lettere ed arti, p. 2",
                "Istituto veneto di scienze, lettere ed arti",
                Label::Pages,
            ),
        ] {
            let spans = [(Label::Author, author), (next, &text[author.len() + 2..])];
            assert_eq!(run(text, &spans), owned(&spans), "{text}");
        }
        // Vancouver names: the last one before the title stays a name
        assert_eq!(
            run(
                "Sealy L, Cotten M, Chalkley R. Xenopus nucleoplasmin: a review. Cell 1990; 4: 5.",
                &[
                    (
                        Label::Author,
                        "Sealy L, Cotten M, Chalkley R. Xenopus nucleoplasmin"
                    ),
                    (Label::Pages, "5")
                ]
            ),
            owned(&[
                (Label::Author, "Sealy L, Cotten M, Chalkley R."),
                (Label::Title, "Xenopus nucleoplasmin"),
                (Label::Pages, "5")
            ])
        );
        // initials, a family name in capitals, a page marker, names joined
        for (text, author) in [
            ("Niimi H, Inaba T, Kyo T, 155.", "Niimi H, Inaba T, Kyo T"),
            ("Heiselberg H, WANG Xin, 231;", "Heiselberg H, WANG Xin"),
            (
                "Da Persico, p. Centre of Biography, p. 3",
                "Da Persico, p. Centre of Biography",
            ),
            (
                "Dondi, Giovanni e Iacopo redatte, p. 4",
                "Dondi, Giovanni e Iacopo redatte",
            ),
        ] {
            let pages = text[author.len()..].trim_matches([',', ' ', '.', ';']);
            let spans = [(Label::Author, author), (Label::Pages, pages)];
            assert_eq!(run(text, &spans), owned(&spans), "{text}");
        }
        // a title already there: no change
        let spans = [
            (Label::Author, "Battistella, il dominio"),
            (Label::Title, "Storia"),
        ];
        assert_eq!(
            run("Battistella, il dominio, Storia", &spans),
            owned(&spans)
        );
    }

    #[test]
    fn a_lower_case_name_before_the_title_is_the_author() {
        use Label::*;
        let run = |text: &str, spans: &[(Label, &str)]| {
            apply(&[unlabelled_name_before_title], text, spans)
        };
        assert_eq!(
            run(
                "1852 romanin s., Storia documentata di Venezia, Venezia.",
                &[
                    (Date, "1852"),
                    (Title, "Storia documentata di Venezia"),
                    (Location, "Venezia.")
                ]
            ),
            owned(&[
                (Date, "1852"),
                (Author, "romanin s."),
                (Title, "Storia documentata di Venezia"),
                (Location, "Venezia.")
            ])
        );
        // two words, no initials, a labelled author, no comma
        for (text, spans) in [
            (
                "1852 di romanin s., Storia",
                &[(Date, "1852"), (Title, "Storia")][..],
            ),
            (
                "1852 Romanin, Storia",
                &[(Date, "1852"), (Title, "Storia")][..],
            ),
            (
                "Smith J., romanin s., Storia",
                &[(Author, "Smith J."), (Title, "Storia")][..],
            ),
            ("vedi s. Storia", &[(Title, "Storia")][..]),
        ] {
            assert_eq!(run(text, spans), owned(spans), "{text}");
        }
    }
}
