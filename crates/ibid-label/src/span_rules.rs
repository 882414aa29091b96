//! Rules on the labelled spans, after the path rules: a quoted title ends
//! at its closing mark; a lone container-title before its year in
//! parentheses is a book's title; of two container-titles without a title,
//! the first is the title; of two places in a row, the second may be the
//! publisher; a body's name opening a title with no author is the author.
//! (The rules on the tag path, which see tokens,
//! are in `law_review`, `markers`, `host`, `trailing_place` and
//! `case_report`.)

use crate::dict::Dict;
use crate::labeller::LabelledSpan;
use crate::spans::{normalise_span, quoted_title_end};
use ibid_model::Label;

/// A quoted title that the model ran on past its closing quotation mark
/// ("“What Is the History of Books?,” Daedalus") ends at the mark; the words
/// after it, up to the end of the span, are the container.
pub(crate) fn split_quoted_titles(text: &str, fields: &mut Vec<LabelledSpan>) {
    let dict = Dict::embedded();
    let mut i = 0;
    while i < fields.len() {
        let f = &fields[i];
        let end = (f.label == Label::Title)
            .then(|| quoted_title_end(text, f.range.clone()))
            .flatten();
        if let Some(end) = end {
            let range = f.range.clone();
            let title = normalise_span(text, range.start..end, dict);
            let mut rest = normalise_span(text, end..range.end, dict);
            // "», in Rivista": the link word is no part of the container
            if let Some(after_in) = text.get(rest.clone()).and_then(|r| {
                ["in: ", "In: ", "in ", "In "]
                    .iter()
                    .find_map(|w| r.strip_prefix(w))
            }) {
                rest = normalise_span(text, rest.end - after_in.len()..rest.end, dict);
            }
            // "‘L’orrore del sacrilegio’, cit.": a short form's marker ends
            // the title and is no container
            let marker = text
                .get(rest.clone())
                .map(|r| r.trim_end_matches('.'))
                .is_some_and(|r| matches!(r, "cit" | "op. cit" | "art. cit" | "loc. cit"));
            if !title.is_empty() && marker {
                fields[i].range = title;
            } else if !title.is_empty() && !rest.is_empty() {
                fields[i].range = title;
                fields.insert(
                    i + 1,
                    LabelledSpan {
                        label: Label::ContainerTitle,
                        range: rest,
                    },
                );
                i += 1;
            }
        }
        i += 1;
    }
}

/// A book cited author, title, year ("K. O’Donovan, Family Matters (1993)")
/// looks to the model like the container of a law-review article, whose
/// year also comes in parentheses after its title. A container-title with no
/// title in the citation, no volume or issue, and the year in parentheses
/// right after it is the title, unless it has digits or a journal word. (A
/// lone container with a volume, labelled or glued on as in "Phys. Rev.
/// D60", is a journal cited without its article's title, common in physics.)
pub(crate) fn lone_container_before_year(text: &str, fields: &mut [LabelledSpan]) {
    let dict = Dict::embedded();
    let has = |l: Label| fields.iter().any(|f| f.label == l);
    if has(Label::Title) || has(Label::Volume) || has(Label::Issue) {
        return;
    }
    let mut containers = fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.label == Label::ContainerTitle);
    let (Some((i, c)), None) = (containers.next(), containers.next()) else {
        return;
    };
    let Some(next) = fields.get(i + 1) else {
        return;
    };
    let gap = text.get(c.range.end..next.range.start).unwrap_or("x");
    // "Phys. Rev. D60 (1999)": a journal with its volume glued on, …
    // … and "Phys. Lett. B (2017)", "The EFSA Journal (2004)": a journal
    let journal = text.get(c.range.clone()).is_none_or(|c| {
        c.chars().any(|ch| ch.is_ascii_digit())
            || c.split(|ch: char| !ch.is_alphanumeric())
                .any(|w| !w.is_empty() && dict.flags_of(w) & crate::dict::JOURNAL != 0)
    });
    if next.label == Label::Date && gap.trim() == "(" && !journal {
        fields[i].label = Label::Title;
    }
}

/// Two container-titles and no title ("Sarat, Austin, 1976: Alternatives in
/// Dispute Processing, in: Law and Society Review"): a work has one
/// container, so the first is the title.
pub(crate) fn first_of_two_containers(text: &str, fields: &mut [LabelledSpan]) {
    if fields.iter().any(|f| f.label == Label::Title) {
        return;
    }
    let mut containers = fields
        .iter()
        .filter(|f| f.label == Label::ContainerTitle)
        .map(|f| text.get(f.range.clone()).unwrap_or(""));
    // the same words twice are one container written twice
    let (Some(a), Some(b)) = (containers.next(), containers.next()) else {
        return;
    };
    if !a.eq_ignore_ascii_case(b) {
        if let Some(first) = fields.iter_mut().find(|f| f.label == Label::ContainerTitle) {
            first.label = Label::Title;
        }
    }
}

/// "Torino, Paravia, 1998": the model reads a publisher without a
/// publisher word after its place as a second place. Of two places in a row
/// (only a comma between them) in a citation without a publisher, the second
/// is the publisher when the first has a known place word and the second
/// has none and starts with a capital ("Cambridge, Mass." stays: "Mass." is
/// a place word).
pub(crate) fn publisher_after_place(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields.iter().any(|f| f.label == Label::Publisher) {
        return;
    }
    let dict = Dict::embedded();
    let has_place = |r: &std::ops::Range<usize>| {
        text.get(r.clone()).is_some_and(|s| {
            s.split(|c: char| !c.is_alphanumeric())
                .any(|w| !w.is_empty() && dict.flags_of(w) & crate::dict::ANY_PLACE != 0)
        })
    };
    for i in 1..fields.len() {
        let (a, b) = (&fields[i - 1], &fields[i]);
        if a.label != Label::Location || b.label != Label::Location {
            continue;
        }
        let gap = text.get(a.range.end..b.range.start).unwrap_or("");
        let capital = text
            .get(b.range.clone())
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase);
        if gap.trim() == "," && capital && has_place(&a.range) && !has_place(&b.range) {
            fields[i].label = Label::Publisher;
            return;
        }
    }
    // both in one place span: "Cremona, Turris", "Mila-no, Mursia"
    for i in 0..fields.len() {
        if fields[i].label != Label::Location {
            continue;
        }
        let range = fields[i].range.clone();
        let Some(span) = text.get(range.clone()) else {
            continue;
        };
        let Some((place, rest)) = span.split_once(", ") else {
            continue;
        };
        let place_range = range.start..range.start + place.len();
        let rest_range = range.end - rest.len()..range.end;
        // "San Jose, CA", "Montreal, Canada", "Washington, D.C.", "Chicago,
        // Il", "Nashville, Tenn.": a region
        let abbreviated = rest.chars().count() <= 2
            || (rest.chars().count() <= 5
                && text
                    .get(range.end..)
                    .is_some_and(|after| after.starts_with('.')));
        let region = rest.contains('.')
            || abbreviated
            || rest.chars().all(|c| c.is_ascii_uppercase())
            || rest
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| !w.is_empty() && dict.flags_of(w) & crate::dict::REGION != 0);
        let capital = rest.chars().next().is_some_and(char::is_uppercase);
        if capital
            && !region
            && !rest.contains(',')
            && has_place(&place_range)
            && !has_place(&rest_range)
        {
            fields[i].range = place_range;
            fields.insert(
                i + 1,
                LabelledSpan {
                    label: Label::Publisher,
                    range: rest_range,
                },
            );
            return;
        }
    }
}

/// Words that name a body: a corporate author ("New South Wales Law Reform
/// Commission", "Statistisches Bundesamt").
const BODY_WORDS: &[&str] = &[
    "Commission",
    "Committee",
    "Council",
    "Service",
    "Institute",
    "Department",
    "Ministry",
    "Office",
    "Association",
    "Society",
    "Bureau",
    "Agency",
    "Board",
    "Foundation",
    "Parliament",
    "Government",
    "Authority",
    "Organisation",
    "Organization",
    "Centre",
    "Center",
    "Commissioner",
    "Kommission",
    "Ministerium",
    "Bundesamt",
    "Landesamt",
    "Institut",
    "Verband",
    "Bundestag",
    "Commissione",
    "Ministero",
    "Istituto",
    "Ministère",
    "Conseil",
];

/// Small words inside the name of a body ("Law Reform Commission of New
/// South Wales", "Ministero per i Beni").
const BODY_JOINERS: &[&str] = &[
    "of", "and", "for", "the", "on", "&", "für", "der", "des", "und", "de", "du", "la", "des",
    "per", "i", "e", "di", "della", "del",
];

/// "New South Wales Law Reform Commission, De Facto Relationships Issues
/// Paper": with no author, a title that opens with the name of a body and
/// a comma is that body's work; the name is the (corporate) author.
pub(crate) fn corporate_author_before_title(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields
        .iter()
        .any(|f| matches!(f.label, Label::Author | Label::Editor))
    {
        return;
    }
    let Some(i) = fields.iter().position(|f| f.label == Label::Title) else {
        return;
    };
    let range = fields[i].range.clone();
    let Some((name, rest)) = text.get(range.clone()).and_then(|t| t.split_once(", ")) else {
        return;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let body = words.len() <= 10
        && words.iter().any(|w| BODY_WORDS.contains(w))
        && words
            .iter()
            .all(|w| BODY_JOINERS.contains(w) || w.chars().next().is_some_and(char::is_uppercase));
    // the title after the name starts with a capital or a quotation mark
    // ("The Reform of the Council of Ten, 1582-3: …" is one title)
    let title_start = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '‘' | '“' | '"' | '\'' | '«' | '„'));
    if !body || !title_start {
        return;
    }
    let dict = Dict::embedded();
    let author = normalise_span(text, range.start..range.start + name.len(), dict);
    let title = normalise_span(text, range.end - rest.len()..range.end, dict);
    if author.is_empty() || title.is_empty() {
        return;
    }
    fields[i].range = title;
    fields.insert(
        i,
        LabelledSpan {
            label: Label::Author,
            range: author,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span_rule_test::apply;

    #[test]
    fn a_quoted_title_run_on_past_its_mark_ends_there() {
        let rules = [split_quoted_titles as crate::span_rule_test::SpanRule];
        let owned = |v: &[(Label, &str)]| -> Vec<(Label, String)> {
            v.iter().map(|(l, s)| (*l, s.to_string())).collect()
        };
        let text = "Karen Brison, ‘Pentecostal Missionaries’, Ethnology 51.2 (2012), 93.";
        let got = apply(
            &rules,
            text,
            &[(Label::Title, "Pentecostal Missionaries’, Ethnology")],
        );
        assert_eq!(
            got,
            owned(&[
                (Label::Title, "Pentecostal Missionaries"),
                (Label::ContainerTitle, "Ethnology")
            ])
        );
        // a short form's marker ends the title and is dropped
        let text = "Veronese, ‘L’orrore del sacrilegio’, cit., pp. 265-274.";
        let got = apply(
            &rules,
            text,
            &[(Label::Title, "L’orrore del sacrilegio’, cit.")],
        );
        assert_eq!(got, owned(&[(Label::Title, "L’orrore del sacrilegio")]));
        // a scare quote opening a longer title is no end
        let text = "Lees, ‘Positive’ Gentrification, Social Control (2008)";
        let got = apply(
            &rules,
            text,
            &[(Label::Title, "Positive’ Gentrification, Social Control")],
        );
        assert_eq!(
            got,
            owned(&[(Label::Title, "Positive’ Gentrification, Social Control")])
        );
    }

    #[test]
    fn a_lone_container_before_its_year_is_a_book_title() {
        let spans = |text: &str, parts: &[(Label, &str)]| -> Vec<LabelledSpan> {
            parts
                .iter()
                .map(|&(label, p)| {
                    let start = text.find(p).unwrap();
                    LabelledSpan {
                        label,
                        range: start..start + p.len(),
                    }
                })
                .collect()
        };
        let labels = |f: &[LabelledSpan]| f.iter().map(|f| f.label).collect::<Vec<_>>();
        let book = "K. O’Donovan, Family Matters (1993), 43–59.";
        let mut f = spans(
            book,
            &[
                (Label::Author, "K. O’Donovan"),
                (Label::ContainerTitle, "Family Matters"),
                (Label::Date, "1993"),
                (Label::Pages, "43–59"),
            ],
        );
        lone_container_before_year(book, &mut f);
        assert_eq!(
            labels(&f),
            [Label::Author, Label::Title, Label::Date, Label::Pages]
        );
        // journals stay: with a volume glued on, with a journal word, with a
        // labelled volume, or after a title
        for (text, container) in [
            (
                "M. Ambrosio et al., Phys. Rev. D60 (1999) 082002.",
                "Phys. Rev. D60",
            ),
            (
                "M. Shalchi et al., Phys. Lett. B (2017), in press.",
                "Phys. Lett. B",
            ),
        ] {
            let year = &text[text.find(" (").unwrap() + 2..][..4];
            let mut f = spans(
                text,
                &[(Label::ContainerTitle, container), (Label::Date, year)],
            );
            lone_container_before_year(text, &mut f);
            assert_eq!(f[0].label, Label::ContainerTitle, "{text}");
        }
        let mut f = spans(
            book,
            &[
                (Label::ContainerTitle, "Family Matters"),
                (Label::Date, "1993"),
                (Label::Volume, "43"),
            ],
        );
        lone_container_before_year(book, &mut f);
        assert_eq!(f[0].label, Label::ContainerTitle);
        let mut f = spans(
            book,
            &[
                (Label::Title, "O’Donovan"),
                (Label::ContainerTitle, "Family Matters"),
                (Label::Date, "1993"),
            ],
        );
        lone_container_before_year(book, &mut f);
        assert_eq!(f[1].label, Label::ContainerTitle);
    }

    #[test]
    fn the_first_of_two_containers_is_the_title() {
        let at = |text: &str, label, part: &str| {
            let start = text.find(part).unwrap();
            LabelledSpan {
                label,
                range: start..start + part.len(),
            }
        };
        let text = "Sarat, 1976: Alternatives, in: Law and Society Review";
        let mut f = vec![
            at(text, Label::Author, "Sarat"),
            at(text, Label::ContainerTitle, "Alternatives"),
            at(text, Label::ContainerTitle, "Law and Society Review"),
        ];
        first_of_two_containers(text, &mut f);
        assert_eq!(f[1].label, Label::Title);
        assert_eq!(f[2].label, Label::ContainerTitle);
        // with a title, or with one container, nothing changes
        let mut with_title = f.clone();
        with_title[2].label = Label::ContainerTitle;
        let one = vec![
            f[0].clone(),
            at(text, Label::ContainerTitle, "Alternatives"),
        ];
        // "in IAU Symposium, Vol. 261, IAU Symposium": one container twice
        let twice_text = "in IAU Symposium, Vol. 261, IAU Symposium";
        let twice = vec![
            LabelledSpan {
                label: Label::ContainerTitle,
                range: 3..16,
            },
            LabelledSpan {
                label: Label::ContainerTitle,
                range: 28..41,
            },
        ];
        assert_eq!(&twice_text[3..16], &twice_text[28..41]);
        for (text, mut f) in [(text, with_title), (text, one), (twice_text, twice)] {
            let before = f.clone();
            first_of_two_containers(text, &mut f);
            assert_eq!(f, before);
        }
    }

    #[test]
    fn a_second_place_without_a_place_word_is_the_publisher() {
        let labels = |text: &str, second: &str| {
            let a = text
                .find("Torino")
                .or_else(|| text.find("Cambridge"))
                .or_else(|| text.find("Lucca"))
                .unwrap();
            let first = &text[a..].split(',').next().unwrap();
            let b = text.find(second).unwrap();
            let mut f = vec![
                LabelledSpan {
                    label: Label::Location,
                    range: a..a + first.len(),
                },
                LabelledSpan {
                    label: Label::Location,
                    range: b..b + second.len(),
                },
            ];
            publisher_after_place(text, &mut f);
            f[1].label
        };
        assert_eq!(
            labels("La morte laica, Torino, Paravia, 1998", "Paravia"),
            Label::Publisher
        );
        // a place only the imprint rules know (places-imprint.txt)
        assert_eq!(
            labels(
                "La musica a Roma, Lucca, Pacini Fazzi, 1994",
                "Pacini Fazzi"
            ),
            Label::Publisher
        );
        assert_eq!(
            labels("La musica a Roma, Torino, Lucca, 1994", "Lucca"),
            Label::Location
        );
        // a second place word, a lower-case word: both stay places
        assert_eq!(
            labels("Lectures, Cambridge, Mass., 1998", "Mass."),
            Label::Location
        );
        assert_eq!(
            labels("Lectures, Torino, e altrove, 1998", "e altrove"),
            Label::Location
        );
        // with a publisher already, nothing changes
        let text = "Torino, Paravia, Einaudi";
        let mut f = vec![
            LabelledSpan {
                label: Label::Location,
                range: 0..6,
            },
            LabelledSpan {
                label: Label::Location,
                range: 8..15,
            },
            LabelledSpan {
                label: Label::Publisher,
                range: 17..24,
            },
        ];
        publisher_after_place(text, &mut f);
        assert_eq!(f[1].label, Label::Location);
    }

    #[test]
    fn a_publisher_inside_the_place_span_leaves_it() {
        let split = |text: &str, place: &str| -> Vec<(Label, String)> {
            let a = text.find(place).unwrap();
            let mut f = vec![LabelledSpan {
                label: Label::Location,
                range: a..a + place.len(),
            }];
            publisher_after_place(text, &mut f);
            f.iter()
                .map(|s| (s.label, text[s.range.clone()].to_string()))
                .collect()
        };
        assert_eq!(
            split("La morte laica, Torino, Paravia, 1998.", "Torino, Paravia"),
            [
                (Label::Location, "Torino".to_string()),
                (Label::Publisher, "Paravia".to_string())
            ]
        );
        // a region, a state, an abbreviation, a second place: one place
        for (text, place) in [
            ("Proc. (Montreal, Canada, 1998)", "Montreal, Canada"),
            ("Proc. (San Jose, CA, 1998)", "San Jose, CA"),
            ("Report (Washington, D.C., 1998)", "Washington, D.C."),
            ("Proc. (Nashville, Tenn., 1998)", "Nashville, Tenn"),
            ("Proc. (Chicago, Il, 1998)", "Chicago, Il"),
            ("Lectures, Cambridge, Mass., 1998", "Cambridge, Mass."),
            ("Lettere, Venezia, Padova, 1998", "Venezia, Padova"),
            ("Lettere, Venezia, e altrove, 1998", "Venezia, e altrove"),
        ] {
            assert_eq!(split(text, place), [(Label::Location, place.to_string())]);
        }
    }

    #[test]
    fn a_body_before_the_title_is_the_author() {
        let split = |text: &str| -> Vec<(Label, String)> {
            let mut f = vec![LabelledSpan {
                label: Label::Title,
                range: 0..text.len(),
            }];
            corporate_author_before_title(text, &mut f);
            f.iter()
                .map(|s| (s.label, text[s.range.clone()].to_string()))
                .collect()
        };
        assert_eq!(
            split("New South Wales Law Reform Commission, De Facto Relationships Issues Paper"),
            [
                (
                    Label::Author,
                    "New South Wales Law Reform Commission".to_string()
                ),
                (
                    Label::Title,
                    "De Facto Relationships Issues Paper".to_string()
                )
            ]
        );
        // no body word, a lower-case word in the name, no comma: one title
        for text in [
            "Sexual Divisions in Law, Especially Marriage",
            "Report of the commission on reform, Part One",
            "Law Reform Commission Report",
            "The Reform of the Council of Ten, 1582-3: an Unsettled Problem",
        ] {
            assert_eq!(split(text), [(Label::Title, text.to_string())], "{text}");
        }
    }
}
