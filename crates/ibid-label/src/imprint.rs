//! Imprints the model reads short: "Paolo Fabbri, Monteverdi, Torino, EDT
//! 1985." The publisher written right before the year without a comma
//! ("EDT 1985") was read as part of the date, and the place before it as
//! the end of the title.

use crate::dict::{self, Dict};
use crate::labeller::LabelledSpan;
use crate::spans::normalise_span;
use ibid_model::Label;
use std::sync::LazyLock;

/// "EDT 1985", "Einaudi 1975" as one date span in a reference without a
/// publisher: the capitalised words before the year (no month, no season,
/// no "ca.") are the publisher.
pub(crate) fn publisher_before_year(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields.iter().any(|f| f.label == Label::Publisher) {
        return;
    }
    let dict = Dict::embedded();
    for i in 0..fields.len() {
        if fields[i].label != Label::Date {
            continue;
        }
        let range = fields[i].range.clone();
        let Some(span) = text.get(range.clone()) else {
            continue;
        };
        let Some((words, year)) = span.rsplit_once(' ') else {
            continue;
        };
        let is_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
        // "Sept-Oct 1993", "Spring 1985", "London 1985" are no publishers
        let publisher_words = !words.is_empty()
            && words.split(' ').all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '&')
                    && w.split(['-', '/'])
                        .all(|p| dict.flags_of(p) & (dict::MONTH | dict::PLACE) == 0)
            });
        // after the place ("Torino, EDT 1985"), not a journal's or a
        // conference's name ("PTEP 2015", "ISSC 2010")
        let after_place = i > 0 && fields[i - 1].label == Label::Location;
        if !is_year || !publisher_words || !after_place {
            continue;
        }
        let publisher = normalise_span(text, range.start..range.start + words.len(), dict);
        if publisher.is_empty() {
            return;
        }
        fields[i].range = range.end - year.len()..range.end;
        fields.insert(
            i,
            LabelledSpan {
                label: Label::Publisher,
                range: publisher,
            },
        );
        return;
    }
}

/// Places of more than one word (`places-multiword.txt`).
static MULTIWORD_PLACES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../data/places-multiword.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect()
});

/// A known place of publication: one capitalised word, or words joined by
/// hyphens ("Roma-Bari"), each in the model's place list or the imprint
/// rules' own (`places-imprint.txt`); or a place of several words as
/// listed ("Rio de Janeiro", `places-multiword.txt`). A hyphen before a
/// lower-case letter is a line break's inside a word ("Tori-no",
/// "Stutt-gart"): the word is read whole.
pub(crate) fn is_known_place(dict: &Dict, place: &str) -> bool {
    if place.contains(' ') {
        return MULTIWORD_PLACES.contains(&place);
    }
    if place.is_empty() || !place.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let known = |p: &str| dict.flags_of(p) & dict::ANY_PLACE != 0;
    if !place.contains("-") {
        return known(place);
    }
    // the places joined by hyphens, each broken word joined again
    let mut words: Vec<String> = Vec::new();
    for part in place.split('-') {
        match words.last_mut() {
            Some(last) if part.chars().next().is_some_and(char::is_lowercase) => {
                last.push_str(part)
            }
            _ => words.push(part.to_owned()),
        }
    }
    words.iter().all(|w| known(w))
}

/// Whether `s` opens with what follows a town in an imprint rather than a
/// publisher: a region ("Canada", "Mass.", "D. C.", "CA", "USA"). An
/// abbreviated first word counts as a region, so "W. W. Norton" is left
/// as it was read.
fn opens_with_region(dict: &Dict, s: &str) -> bool {
    let first = s.split([' ', ',']).next().unwrap_or("");
    let letters = first.trim_end_matches('.');
    first.ends_with('.')
        || (letters.len() <= 3 && letters.chars().all(|c| c.is_ascii_uppercase()))
        || dict.flags_of(letters) & dict::REGION != 0
}

/// "Rio de Janeiro, José Olympio" read as one publisher, in a reference
/// with no place: the known place before the first comma is the place.
pub(crate) fn place_opens_publisher(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields.iter().any(|f| f.label == Label::Location) {
        return;
    }
    let Some(i) = fields.iter().position(|f| f.label == Label::Publisher) else {
        return;
    };
    let range = fields[i].range.clone();
    let Some((place, publisher)) = text.get(range.clone()).and_then(|s| s.split_once(", ")) else {
        return;
    };
    let dict = Dict::embedded();
    if !is_known_place(dict, place)
        || !is_publisher_like(publisher)
        || opens_with_region(dict, publisher)
    {
        return;
    }
    fields[i].range = range.end - publisher.len()..range.end;
    fields.insert(
        i,
        LabelledSpan {
            label: Label::Location,
            range: range.start..range.start + place.len(),
        },
    );
}

/// A publisher's name as the last part of a title run on into its imprint
/// ("Libreria musicale italiana", "Ars et religio"): one to six words, the
/// first capitalised, no digits.
fn is_publisher_like(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=6).contains(&words)
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.chars().any(|c| c.is_ascii_digit())
        && !s.contains([':', ';', '(', '«', '“', '"'])
}

/// "Monteverdi, Torino" as the title, then the publisher: in a reference
/// with no place, the title's last part after a comma (or its last
/// sentence: "Sull'antica idrografia veneta. Man-tova 1911") is the place
/// when it is a known place word and the publisher or the year follows. With the
/// year right after, "…, Lucca, Libreria musicale italiana" ends the same
/// way: the place, then the publisher (when the reference has none).
pub(crate) fn place_after_title(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields.iter().any(|f| f.label == Label::Location) {
        return;
    }
    let Some(i) = fields.iter().position(|f| f.label == Label::Title) else {
        return;
    };
    let next = fields.get(i + 1).map(|f| f.label);
    if !matches!(next, Some(Label::Publisher | Label::Date)) {
        return;
    }
    let range = fields[i].range.clone();
    let Some(span) = text.get(range.clone()) else {
        return;
    };
    let dict = Dict::embedded();
    let enough = |head: &str| head.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    // "…, Torino" before the year, or a sentence's end: "… veneta. Man-tova 1911"
    let last_part = span.rsplit_once(", ").or_else(|| span.rsplit_once(". "));
    if let Some((head, place)) = last_part {
        if is_known_place(dict, place) && enough(head) {
            fields[i].range = range.start..range.start + head.len();
            fields.insert(
                i + 1,
                LabelledSpan {
                    label: Label::Location,
                    range: range.end - place.len()..range.end,
                },
            );
            return;
        }
    }
    // "…, Lucca, Libreria musicale italiana" before the year
    let has_publisher = fields.iter().any(|f| f.label == Label::Publisher);
    if has_publisher || next != Some(Label::Date) {
        return;
    }
    let Some((rest, publisher)) = span.rsplit_once(", ") else {
        return;
    };
    let Some((head, place)) = rest.rsplit_once(", ") else {
        return;
    };
    if !is_known_place(dict, place) || !is_publisher_like(publisher) || !enough(head) {
        return;
    }
    let place_start = range.start + head.len() + 2;
    let publisher_start = range.end - publisher.len();
    fields[i].range = range.start..range.start + head.len();
    fields.insert(
        i + 1,
        LabelledSpan {
            label: Label::Publisher,
            range: publisher_start..range.end,
        },
    );
    fields.insert(
        i + 1,
        LabelledSpan {
            label: Label::Location,
            range: place_start..place_start + place.len(),
        },
    );
}

/// "Los Angeles, Verso, 1990": a publisher the model left outside every
/// field, between the place and the year, in a reference with no
/// publisher. The words between them (after the place's comma, before the
/// year's) are the publisher when they read as one (capitalised, no
/// digits, no comma, no region, month, marker or place word).
pub(crate) fn publisher_between_place_and_year(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields.iter().any(|f| f.label == Label::Publisher) {
        return;
    }
    let Some(i) = fields
        .windows(2)
        .position(|w| w[0].label == Label::Location && w[1].label == Label::Date)
    else {
        return;
    };
    let (start, end) = (fields[i].range.end, fields[i + 1].range.start);
    let Some(gap) = text.get(start..end) else {
        return;
    };
    let dict = Dict::embedded();
    let edge = |c: char| c == ',' || c == ' ';
    let words = gap.trim_matches(edge);
    let marker_free = words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            let flags = dict.flags_of(w);
            flags & (dict::MONTH | dict::ANY_PLACE | dict::PAGE | dict::VOLUME | dict::ISSUE) == 0
        });
    let separated =
        gap.trim_start_matches(' ').starts_with(',') && gap.trim_end_matches(' ').ends_with(',');
    if words.is_empty()
        || !separated
        || words.contains(',')
        || !is_publisher_like(words)
        || opens_with_region(dict, words)
        || !marker_free
    {
        return;
    }
    let offset = start + (gap.len() - gap.trim_start_matches(edge).len());
    let range = normalise_span(text, offset..offset + words.len(), dict);
    if range.is_empty() {
        return;
    }
    fields.insert(
        i + 1,
        LabelledSpan {
            label: Label::Publisher,
            range,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, spans: &[(Label, &str)]) -> Vec<(Label, String)> {
        crate::span_rule_test::apply(&[place_after_title, publisher_before_year], text, spans)
    }

    #[test]
    fn a_place_after_the_titles_last_full_stop() {
        assert_eq!(
            run(
                "Averone Antonio, Sull’antica idrografia veneta. Man-tova 1911.",
                &[
                    (Label::Author, "Averone Antonio"),
                    (Label::Title, "Sull’antica idrografia veneta. Man-tova"),
                    (Label::Date, "1911")
                ]
            ),
            crate::span_rule_test::owned(&[
                (Label::Author, "Averone Antonio"),
                (Label::Title, "Sull’antica idrografia veneta"),
                (Label::Location, "Man-tova"),
                (Label::Date, "1911")
            ])
        );
    }

    #[test]
    fn places_broken_by_a_line_hyphen_are_known() {
        let dict = Dict::embedded();
        for place in [
            "Torino",
            "Tori-no",
            "Roma-Bari",
            "Vene-zia-Roma",
            "Stutt-gart",
        ] {
            assert!(is_known_place(dict, place), "{place}");
        }
        for place in ["Tori-Bari", "Torino-nuovo", "-no", "Smith-jones"] {
            assert!(!is_known_place(dict, place), "{place}");
        }
    }

    #[test]
    fn a_short_imprint_is_read_whole() {
        let text = "Paolo Fabbri, Monteverdi, Torino, EDT 1985.";
        assert_eq!(
            run(
                text,
                &[
                    (Label::Author, "Paolo Fabbri"),
                    (Label::Title, "Monteverdi, Torino"),
                    (Label::Date, "EDT 1985")
                ]
            ),
            [
                (Label::Author, "Paolo Fabbri".to_string()),
                (Label::Title, "Monteverdi".to_string()),
                (Label::Location, "Torino".to_string()),
                (Label::Publisher, "EDT".to_string()),
                (Label::Date, "1985".to_string()),
            ]
        );
    }

    #[test]
    fn dates_and_titles_that_are_what_they_seem() {
        for (text, spans) in [
            // a month, a season, a place before the year
            (
                "Smith, Essays, Mai 1985.",
                vec![(Label::Title, "Essays"), (Label::Date, "Mai 1985")],
            ),
            (
                "Smith, Essays, Spring 1985.",
                vec![(Label::Title, "Essays"), (Label::Date, "Spring 1985")],
            ),
            (
                "Smith, Essays, London 1985.",
                vec![(Label::Title, "Essays"), (Label::Date, "London 1985")],
            ),
            // a publisher already; a place already; no known place word
            (
                "Smith, Essays, Torino, Einaudi, EDT 1985.",
                vec![
                    (Label::Title, "Essays"),
                    (Label::Location, "Torino"),
                    (Label::Publisher, "Einaudi"),
                    (Label::Date, "EDT 1985"),
                ],
            ),
            (
                "Smith, Essays, Milano, Torino, 1985.",
                vec![
                    (Label::Title, "Essays, Milano"),
                    (Label::Location, "Torino"),
                    (Label::Date, "1985"),
                ],
            ),
            (
                "Smith, Essays, Ficta, 1985.",
                vec![(Label::Title, "Essays, Ficta"), (Label::Date, "1985")],
            ),
        ] {
            let out = run(text, &spans);
            assert_eq!(out.len(), spans.len(), "{text}: {out:?}");
        }
    }

    #[test]
    fn a_title_run_on_into_place_and_publisher_ends_before_them() {
        let text = "B. Rossi, La musica a Roma, Lucca, Libreria musicale italiana, 1994.";
        let out = run(
            text,
            &[
                (Label::Author, "B. Rossi"),
                (
                    Label::Title,
                    "La musica a Roma, Lucca, Libreria musicale italiana",
                ),
                (Label::Date, "1994"),
            ],
        );
        assert_eq!(
            out[1..],
            [
                (Label::Title, "La musica a Roma".to_string()),
                (Label::Location, "Lucca".to_string()),
                (Label::Publisher, "Libreria musicale italiana".to_string()),
                (Label::Date, "1994".to_string()),
            ]
        );
        // places joined by a hyphen; a place from the imprint list alone
        let text = "C. Bianchi, Storia, Roma-Bari, Laterza, 1990.";
        let out = run(
            text,
            &[
                (Label::Title, "Storia, Roma-Bari, Laterza"),
                (Label::Date, "1990"),
            ],
        );
        assert_eq!(out[1], (Label::Location, "Roma-Bari".to_string()));
        let text = "D. Verdi, Cronache, Treviso, 1997.";
        let out = run(
            text,
            &[(Label::Title, "Cronache, Treviso"), (Label::Date, "1997")],
        );
        assert_eq!(out[1], (Label::Location, "Treviso".to_string()));
        // no known place, a long or numbered tail, a publisher already: unchanged
        for (text, title) in [
            (
                "E. Neri, Saggi, Ficta, Libreria Nuova, 1990.",
                "Saggi, Ficta, Libreria Nuova",
            ),
            (
                "E. Neri, Saggi, Lucca, vol. 2, 1990.",
                "Saggi, Lucca, vol. 2",
            ),
            (
                "E. Neri, Saggi, Lucca, and other essays on the history of the town, 1990.",
                "Saggi, Lucca, and other essays on the history of the town",
            ),
        ] {
            let out = run(text, &[(Label::Title, title), (Label::Date, "1990")]);
            assert_eq!(out[0], (Label::Title, title.to_string()), "{text}");
        }
    }

    #[test]
    fn a_place_of_several_words_opens_the_publisher_or_ends_the_title() {
        let opens = |text: &str, publisher: &str| {
            crate::span_rule_test::apply(
                &[place_opens_publisher],
                text,
                &[(Label::Title, "Raízes"), (Label::Publisher, publisher)],
            )
        };
        assert_eq!(
            opens(
                "S. B. de Holanda, Raízes, Rio de Janeiro, José Olympio, 1936.",
                "Rio de Janeiro, José Olympio"
            )[1..],
            [
                (Label::Location, "Rio de Janeiro".to_string()),
                (Label::Publisher, "José Olympio".to_string()),
            ]
        );
        assert_eq!(
            opens("X, Raízes, Torino, Einaudi, 1936.", "Torino, Einaudi")[1].0,
            Label::Location
        );
        // a region, an initial, no known place, a place of the title's words
        for (text, publisher) in [
            (
                "X, Raízes, Washington, D. C. Morgan Kaufmann, 1993.",
                "Washington, D. C. Morgan Kaufmann",
            ),
            (
                "X, Raízes, Cambridge, Mass. MIT, 1993.",
                "Cambridge, Mass. MIT",
            ),
            ("X, Raízes, San Jose, CA Acme, 1993.", "San Jose, CA Acme"),
            (
                "X, Raízes, New York, W. W. Norton, 1993.",
                "New York, W. W. Norton",
            ),
            (
                "X, Raízes, Ficta, Libreria Nuova, 1993.",
                "Ficta, Libreria Nuova",
            ),
            (
                "X, Raízes, Rio de la Plata, Acme, 1993.",
                "Rio de la Plata, Acme",
            ),
        ] {
            let out = opens(text, publisher);
            assert_eq!(out.len(), 2, "{text}: {out:?}");
        }
        // a place already: nothing changes
        let text = "X, Raízes, Lisboa, Rio de Janeiro, José Olympio, 1936.";
        let out = crate::span_rule_test::apply(
            &[place_opens_publisher],
            text,
            &[
                (Label::Location, "Lisboa"),
                (Label::Publisher, "Rio de Janeiro, José Olympio"),
            ],
        );
        assert_eq!(out.len(), 2);
        // the title run on into the place
        let text = "G. Freyre, Casa-grande & senzala, Rio de Janeiro, Maia & Schmidt, 1933.";
        let out = run(
            text,
            &[
                (Label::Title, "Casa-grande & senzala, Rio de Janeiro"),
                (Label::Publisher, "Maia & Schmidt"),
            ],
        );
        assert_eq!(out[1], (Label::Location, "Rio de Janeiro".to_string()));
    }

    #[test]
    fn a_publisher_left_between_place_and_year_is_the_publisher() {
        let between = |text: &str, place: &str| {
            crate::span_rule_test::apply(
                &[publisher_between_place_and_year],
                text,
                &[
                    (Label::Title, "Quartz"),
                    (Label::Location, place),
                    (Label::Date, "1990"),
                ],
            )
        };
        assert_eq!(
            between("M. Davis, Quartz, Los Angeles, Verso, 1990.", "Los Angeles")[2],
            (Label::Publisher, "Verso".to_string())
        );
        // a region, a marker, a month, a second place, no commas, digits
        for text in [
            "M. Davis, Quartz, Cambridge, Mass., 1990.",
            "M. Davis, Quartz, Cambridge, vol. 2, 1990.",
            "M. Davis, Quartz, Cambridge, Mai, 1990.",
            "M. Davis, Quartz, Cambridge, Torino, 1990.",
            "M. Davis, Quartz, Cambridge Verso 1990.",
            "M. Davis, Quartz, Cambridge, Verso 2, 1990.",
            "M. Davis, Quartz, Cambridge, , 1990.",
        ] {
            let out = between(text, "Cambridge");
            assert_eq!(out.len(), 3, "{text}: {out:?}");
        }
        // a publisher already
        let text = "M. Davis, Quartz, Verso, Cambridge, Verso, 1990.";
        let out = crate::span_rule_test::apply(
            &[publisher_between_place_and_year],
            text,
            &[
                (Label::Publisher, "Verso"),
                (Label::Location, "Cambridge"),
                (Label::Date, "1990"),
            ],
        );
        assert_eq!(out.len(), 3);
    }
}
