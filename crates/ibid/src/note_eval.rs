//! Field-level evaluation of whole notes, through the whole pipeline.
//!
//! `ibid_label::evaluate` scores the labeller on one reference at a time.
//! Footnotes hold several citations mixed with prose, so here each gold
//! record's text is parsed as a notes list ([`Parser::parse_str`]: clean,
//! split into citations, label each) and the fields of all its citations
//! are scored against the record's gold fields, with the same comparison
//! ([`ibid_label::evaluate_predictions`]).

use crate::Parser;
use ibid_label::{evaluate_predictions, EvalOptions, EvalReport, TrainRecord};
use ibid_model::Label;
use std::ops::Range;

/// The fields of every citation the pipeline finds in `text`, as byte
/// ranges into `text`, with each citation's signal ("See", "Vgl.") as an
/// `other` field and each run of the note's own prose
/// ([`ibid_model::Note::commentary`]) as a `note` field, as the gold of
/// bibliographic-tei labels them.
pub fn note_fields(parser: &Parser<'_>, text: &str) -> Vec<(Label, Range<usize>)> {
    let doc = parser.parse_str(text);
    // the document's spans count characters
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    let mut out = Vec::new();
    for m in doc.notes.iter().flat_map(|n| &n.commentary) {
        out.push((Label::Note, at(m.span[0])..at(m.span[1])));
    }
    for c in doc.notes.iter().flat_map(|n| &n.citations) {
        // a signal is `other` in the gold (bibliographic-tei's note[type=signal])
        if let Some(g) = &c.signal {
            out.push((Label::Other, at(g.span[0])..at(g.span[1])));
        }
        out.extend(
            c.fields
                .iter()
                .map(|f| (f.label, at(f.span[0])..at(f.span[1]))),
        );
    }
    out
}

/// Removes a gold `other` span that is the note's leading number ("1 A.
/// Phillips, …"): ibid reads it as the note's number, not as a field.
pub fn drop_note_number(record: &mut TrainRecord) {
    let text = &record.text;
    record.spans.retain(|s| {
        let t = text.get(s.range.clone()).unwrap_or("");
        !(s.label == Label::Other
            && text[..s.range.start].trim().is_empty()
            && !t.is_empty()
            && t.chars().all(|c| c.is_ascii_digit()))
    });
}

/// Parses each gold record's text as notes and scores the fields of all
/// its citations against the gold fields (a leading note number labelled
/// `other` in the gold is left out; see [`drop_note_number`]).
///
/// ```
/// use ibid_label::{parse_jsonl, EvalOptions};
/// let gold = parse_jsonl(concat!(
///     r#"{"source":"doc","text":"1 See J. Smith, Law and Order (Oxford, 1990), 4.","#,
///     r#""spans":[{"label":"author","start":6,"end":14},{"label":"title","start":16,"end":29},"#,
///     r#"{"label":"location","start":31,"end":37},{"label":"date","start":39,"end":43},"#,
///     r#"{"label":"pages","start":46,"end":47}]}"#
/// ))
/// .unwrap();
/// let report = ibid::evaluate_notes(&ibid::Parser::new(), &gold, &EvalOptions::default());
/// assert_eq!(report.micro.gold, 5);
/// assert!(report.micro.correct >= 4, "{report}");
/// ```
pub fn evaluate_notes(parser: &Parser<'_>, gold: &[TrainRecord], opts: &EvalOptions) -> EvalReport {
    let gold: Vec<TrainRecord> = gold
        .iter()
        .cloned()
        .map(|mut r| {
            drop_note_number(&mut r);
            r
        })
        .collect();
    let predicted: Vec<Vec<(Label, Range<usize>)>> =
        gold.iter().map(|r| note_fields(parser, &r.text)).collect();
    evaluate_predictions(&gold, &predicted, opts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_label::GoldSpan;

    #[test]
    fn a_leading_note_number_leaves_the_gold() {
        let mut r = TrainRecord {
            source: "t".into(),
            text: "12 Smith, 1990, 12.".into(),
            spans: vec![
                GoldSpan {
                    label: Label::Other,
                    range: 0..2,
                },
                GoldSpan {
                    label: Label::Author,
                    range: 3..8,
                },
                GoldSpan {
                    label: Label::Pages,
                    range: 16..18,
                },
            ],
        };
        drop_note_number(&mut r);
        let labels: Vec<Label> = r.spans.iter().map(|s| s.label).collect();
        assert_eq!(labels, [Label::Author, Label::Pages]);
    }

    #[test]
    fn fields_of_every_citation_count() {
        // two citations in one note: both authors are fields of the note
        let text = "3 J. Smith, Law (Oxford, 1990), 4; R. Jones, Order (London, 1991), 7.";
        let fields = note_fields(&Parser::new(), text);
        let authors: Vec<&str> = fields
            .iter()
            .filter(|(l, _)| *l == Label::Author)
            .map(|(_, r)| &text[r.clone()])
            .collect();
        assert_eq!(authors, ["J. Smith", "R. Jones"]);
    }
}
