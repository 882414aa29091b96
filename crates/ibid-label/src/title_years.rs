//! A span of years right after a title: "Élisabeth du Réau, Édouard
//! Daladier, 1884-1970, Paris, Fayard, 1993", "Taylor, Bismarck: The Man
//! and the Statesman, 1815-1898 (London, 1955)". The model reads the years
//! as the date; when the imprint follows with a year of its own, they are
//! part of the title (a biography's life dates, a study's period).

use crate::labeller::LabelledSpan;
use ibid_model::Label;

/// "1884-1970", "1815–1898": two years joined by a dash, the second later.
fn is_year_span(s: &str) -> bool {
    let Some((a, b)) = s.split_once(['-', '–']) else {
        return false;
    };
    let year = |s: &str| -> Option<u32> {
        let s = s.trim();
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
            .filter(|y| (1000..=2099).contains(y))
    };
    matches!((year(a), year(b)), (Some(a), Some(b)) if a < b)
}

/// Joins the span of years after the title to it (see the module docs).
pub(crate) fn years_after_title(text: &str, fields: &mut Vec<LabelledSpan>) {
    let Some(i) = fields.iter().position(|f| f.label == Label::Title) else {
        return;
    };
    let Some(years) = fields.get(i + 1).filter(|f| f.label == Label::Date) else {
        return;
    };
    let gap = text
        .get(fields[i].range.end..years.range.start)
        .unwrap_or("x");
    if !gap.chars().all(|c| matches!(c, ' ' | ',' | ':')) {
        return;
    }
    if !text.get(years.range.clone()).is_some_and(is_year_span) {
        return;
    }
    // the imprint after them, then the publication's own year
    let rest = &fields[i + 2..];
    let imprint = rest
        .iter()
        .position(|f| matches!(f.label, Label::Location | Label::Publisher));
    let own_year = imprint.is_some_and(|k| rest[k..].iter().any(|f| f.label == Label::Date));
    if !own_year {
        return;
    }
    fields[i].range.end = fields[i + 1].range.end;
    fields.remove(i + 1);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, spans: &[(Label, &str)]) -> Vec<(Label, String)> {
        crate::span_rule_test::apply(&[years_after_title], text, spans)
    }

    #[test]
    fn life_dates_join_the_title() {
        let text = "Élisabeth du Réau, Édouard Daladier, 1884-1970, Paris, Fayard, 1993.";
        let out = run(
            text,
            &[
                (Label::Author, "Élisabeth du Réau"),
                (Label::Title, "Édouard Daladier"),
                (Label::Date, "1884-1970"),
                (Label::Location, "Paris"),
                (Label::Publisher, "Fayard"),
                (Label::Date, "1993"),
            ],
        );
        assert_eq!(out[1], (Label::Title, "Édouard Daladier, 1884-1970".into()));
        assert_eq!(out.len(), 5);
        // no later year, a single year, a place between: the date stays
        for (text, spans) in [
            (
                "Smith, Essays, 1884-1970, Paris.",
                vec![
                    (Label::Title, "Essays"),
                    (Label::Date, "1884-1970"),
                    (Label::Location, "Paris"),
                ],
            ),
            (
                "Smith, Essays, 1884, Paris, 1993.",
                vec![
                    (Label::Title, "Essays"),
                    (Label::Date, "1884"),
                    (Label::Location, "Paris"),
                    (Label::Date, "1993"),
                ],
            ),
            (
                "Smith, Essays, Paris 1884-1970, Rome 1993.",
                vec![
                    (Label::Title, "Essays"),
                    (Label::Location, "Paris"),
                    (Label::Date, "1884-1970"),
                    (Label::Location, "Rome"),
                    (Label::Date, "1993"),
                ],
            ),
            (
                "Smith, Journal, 1995-1990, Rome, 1996.",
                vec![
                    (Label::Title, "Journal"),
                    (Label::Date, "1995-1990"),
                    (Label::Location, "Rome"),
                    (Label::Date, "1996"),
                ],
            ),
        ] {
            let out = run(text, &spans);
            assert_eq!(out.len(), spans.len(), "{text}");
        }
    }
}
