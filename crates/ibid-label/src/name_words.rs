//! How the rules that mend author spans read the words of a name run, and
//! how they cut one: the tests for initials, capitalised names, name
//! particles, given names and the words after which a run goes on with more
//! names or a role; and [`split_author_title`], which replaces a name span
//! by an author and the title after it.
//!
//! Used by `author_tail` (a title run on into the authors) and
//! `title_in_author` (titles the model read as names).

use crate::dict::{Dict, GIVEN};
use crate::spans::normalise_span;
use crate::LabelledSpan;
use ibid_model::Label;
use std::ops::Range;

/// Lower-case words inside names besides the particles of
/// [`ibid_csl::is_name_particle`] ("van", "de la", "von"): the joining words
/// of Spanish, Portuguese, Arabic and Czech names ("y", "e", "bin", "ibn",
/// "al", "ze"). None is a sign of a title.
const NAME_JOINERS: &[&str] = &["y", "e", "bin", "ibn", "al", "ze", "z"];

/// A lower-case word that belongs to a name: a particle or a joining word.
pub(crate) fn in_name(word: &str) -> bool {
    ibid_csl::is_name_particle(word) || NAME_JOINERS.contains(&word)
}

/// Words after which the run is more names or an editor's role, no title.
pub(crate) const NO_TITLE_WORDS: &[&str] = &[
    "&", "and", "et", "al.", "al", "ed.", "eds.", "ed", "eds", "(ed.)", "(eds.)", "Hrsg.", "hrsg.",
    "cura", "c.",
];

/// Words that announce an editor, translator or another contributor: the
/// name run goes on.
pub(crate) const ROLE_WORDS: &[&str] = &[
    "by",
    "trad",
    "trad.",
    "par",
    "dir.",
    "(dir.)",
    "hrsg.",
    "Hrsg.",
    "hg.",
    "Hg.",
    "ed.",
    "eds.",
    "edited",
    "con",
    "note",
    "préface",
    "prefazione",
    "introduzione",
    "introduction",
    "foreword",
];

/// "G.", "A.J.P.", "J.-P.": initials with their periods (a comma after them
/// allowed).
pub(crate) fn is_initials(w: &str) -> bool {
    let w = w.trim_end_matches(',');
    w.ends_with('.')
        && w.len() <= 10
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.split(['.', '-'])
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// "H", "JA", "A.M.", "T.": initials, with or without their full stops.
pub(crate) fn is_initial_like(word: &str) -> bool {
    let letters = word.chars().filter(|c| !matches!(c, '.' | '-')).count();
    (1..=3).contains(&letters)
        && word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-'))
}

/// "Goffen", "Frosien-Leinz", "D’Alessi", "McHam": a word of letters in
/// title case (each part of a compound), no capitals ("WANG") or numerals
/// ("VIIIe").
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.split('-').all(|part| {
        let mut prev = ' ';
        part.chars().next().is_some_and(char::is_uppercase)
            && part.chars().skip(1).all(|c| {
                let ok = c.is_lowercase()
                    || matches!(c, '’' | '\'')
                    || c.is_uppercase() && (matches!(prev, '’' | '\'') || part.starts_with("Mc"));
                prev = c;
                ok
            })
            && part.chars().filter(|c| c.is_uppercase()).count() <= 2
    })
}

/// A given name the word lists know ("Klaus", "Emanuela"): the labeller's
/// own list (a model feature) or the names parser's.
pub(crate) fn is_given(word: &str, dict: &Dict) -> bool {
    dict.flags_of(word) & GIVEN != 0 || ibid_csl::is_common_given_name(word)
}

/// Replaces field `i` (a name, or a title that opens with one) by an author
/// `author` and a title `title` right after it, when both are non-empty once
/// normalised; returns whether it did.
pub(crate) fn split_author_title(
    text: &str,
    fields: &mut Vec<LabelledSpan>,
    i: usize,
    author: Range<usize>,
    title: Range<usize>,
) -> bool {
    let dict = Dict::embedded();
    let author = normalise_span(text, author, dict);
    let title = normalise_span(text, title, dict);
    if author.is_empty() || title.is_empty() {
        return false;
    }
    fields[i] = LabelledSpan {
        label: Label::Author,
        range: author,
    };
    fields.insert(
        i + 1,
        LabelledSpan {
            label: Label::Title,
            range: title,
        },
    );
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_need_their_periods_and_initial_like_words_do_not() {
        for w in ["G.", "A.J.P.", "J.-P.", "G.,"] {
            assert!(is_initials(w), "{w}");
        }
        for w in ["G", "Ge.", "g.", "WANG."] {
            assert!(!is_initials(w), "{w}");
        }
        for w in ["H", "JA", "A.M.", "T."] {
            assert!(is_initial_like(w), "{w}");
        }
        for w in ["WANG", "Ja", "ABCD"] {
            assert!(!is_initial_like(w), "{w}");
        }
    }

    #[test]
    fn capitalised_words_are_title_case_names() {
        for w in ["Goffen", "Frosien-Leinz", "D’Alessi", "McHam"] {
            assert!(is_capitalised(w), "{w}");
        }
        for w in ["WANG", "VIIIe", "goffen", "Frosien-leinz"] {
            assert!(!is_capitalised(w), "{w}");
        }
    }

    #[test]
    fn particles_and_joiners_are_inside_names() {
        for w in ["van", "von", "y", "ibn"] {
            assert!(in_name(w), "{w}");
        }
        assert!(!in_name("dominio"));
    }

    #[test]
    fn a_split_leaves_the_fields_alone_when_a_part_is_empty() {
        let text = "Carile, Aspetti";
        let span = |label, range| LabelledSpan { label, range };
        let mut fields = vec![span(Label::Author, 0..15)];
        assert!(!split_author_title(text, &mut fields, 0, 0..6, 6..7));
        assert_eq!(fields, vec![span(Label::Author, 0..15)]);
        assert!(split_author_title(text, &mut fields, 0, 0..6, 8..15));
        assert_eq!(
            fields,
            vec![span(Label::Author, 0..6), span(Label::Title, 8..15)]
        );
    }
}
