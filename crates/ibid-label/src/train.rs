//! Training a labeller from annotated references.

use crate::data::TrainRecord;
use crate::dict::Dict;
use crate::features::extract;
use crate::harmonise::harmonise;
use crate::labeller::{model_labels, Labeller, ModelError};
use crate::spans::normalise_span;
use crate::token::{tokenize, Token};
use ibid_crf::{AttrSeq, Dataset, Iteration, TrainOptions, TrainReport};
use ibid_model::Label;

/// Why training failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrainError {
    #[error("no training record")]
    Empty,
    #[error(transparent)]
    Crf(#[from] ibid_crf::TrainError),
    #[error(transparent)]
    Data(#[from] ibid_crf::DataError),
    #[error(transparent)]
    Model(#[from] ModelError),
}

/// The settings the embedded model was trained with.
pub fn default_options() -> TrainOptions {
    TrainOptions {
        c1: 0.0,
        c2: 1.0,
        max_iterations: 300,
        min_count: 2,
        prune: 0.02,
        ..TrainOptions::default()
    }
}

/// The model label id of every token of a record: the normalised gold span
/// that contains the token's first byte, else `outside` (id 21).
pub fn token_labels(rec: &TrainRecord, tokens: &[Token]) -> Vec<u16> {
    let dict = Dict::embedded();
    let outside = Label::ALL.len() as u16;
    let mut spans: Vec<(u16, std::ops::Range<usize>)> = rec
        .spans
        .iter()
        .map(|s| {
            (
                s.label.index() as u16,
                normalise_span(&rec.text, s.range.clone(), dict),
            )
        })
        .filter(|(_, r)| !r.is_empty())
        .collect();
    spans.sort_by_key(|s| s.1.start);
    let mut out = Vec::with_capacity(tokens.len());
    let mut k = 0;
    for tok in tokens {
        let p = tok.range.start;
        while k < spans.len() && spans[k].1.end <= p {
            k += 1;
        }
        match spans.get(k) {
            Some((l, r)) if r.start <= p && p < r.end => out.push(*l),
            _ => out.push(outside),
        }
    }
    out
}

/// Trains a labeller on annotated records, harmonised first
/// ([`harmonise`]). Deterministic: the same records
/// and options give the same model bytes. `progress` sees every iteration.
pub fn train(
    records: &[TrainRecord],
    opts: &TrainOptions,
    progress: impl FnMut(&Iteration),
) -> Result<(Labeller, TrainReport), TrainError> {
    if records.is_empty() {
        return Err(TrainError::Empty);
    }
    let dict = Dict::embedded();
    let mut data = Dataset::new(model_labels())?;
    let mut tokens = Vec::new();
    let mut infos = Vec::new();
    let mut seq = AttrSeq::default();
    for rec in records {
        let rec = &harmonise(rec);
        tokenize(&rec.text, &mut tokens);
        tokens.truncate(crate::labeller::MAX_TOKENS);
        if tokens.is_empty() {
            continue;
        }
        let labels = token_labels(rec, &tokens);
        extract(
            &rec.text,
            &tokens,
            dict,
            &mut infos,
            &mut seq,
            opts.class_transitions,
        );
        data.push(&seq, &labels)?;
    }
    let (model, report) = ibid_crf::train(&data, opts, progress)?;
    Ok((Labeller::from_model(model)?, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::GoldSpan;

    fn rec(text: &str, spans: &[(Label, &str)]) -> TrainRecord {
        TrainRecord {
            source: "test".into(),
            text: text.into(),
            spans: spans
                .iter()
                .map(|(l, s)| {
                    let i = text.find(s).unwrap_or(0);
                    GoldSpan {
                        label: *l,
                        range: i..i + s.len(),
                    }
                })
                .collect(),
        }
    }

    #[test]
    fn token_labels_follow_normalised_spans() {
        let r = rec(
            "Anderson, H. (2001). Title here. Paris.",
            &[
                (Label::Author, "Anderson, H."),
                (Label::Date, "(2001)."),
                (Label::Title, "Title here."),
            ],
        );
        let mut toks = Vec::new();
        tokenize(&r.text, &mut toks);
        let got: Vec<(&str, u16)> = toks
            .iter()
            .map(|t| &r.text[t.range.clone()])
            .zip(token_labels(&r, &toks))
            .collect();
        let (a, d, t, o) = (
            0,
            Label::Date.index() as u16,
            Label::Title.index() as u16,
            21,
        );
        assert_eq!(
            got,
            [
                ("Anderson", a),
                (",", a),
                ("H", a),
                (".", a),
                ("(", o),
                ("2001", d),
                (")", o),
                (".", o),
                ("Title", t),
                ("here", t),
                (".", o),
                ("Paris", o),
                (".", o)
            ]
        );
    }

    #[test]
    fn training_is_deterministic() {
        let records: Vec<TrainRecord> = (0..30)
            .map(|i| {
                let text = format!("Author{i}, A., Some Title {i}, Paris {}.", 1900 + i);
                let a = format!("Author{i}, A.");
                let t = format!("Some Title {i}");
                let y = format!("{}", 1900 + i);
                rec(
                    &text,
                    &[
                        (Label::Author, &a),
                        (Label::Title, &t),
                        (Label::Location, "Paris"),
                        (Label::Date, &y),
                    ],
                )
            })
            .collect();
        let opts = TrainOptions {
            max_iterations: 20,
            ..default_options()
        };
        let (a, _) = train(&records, &opts, |_| {}).expect("train");
        let (b, _) = train(&records, &opts, |_| {}).expect("train");
        assert_eq!(a.to_bytes(), b.to_bytes());
        let text = "Author99, B., Some Title 99, Paris 1950.";
        let out = a.label(text);
        let date: Vec<&str> = out
            .fields
            .iter()
            .filter(|f| f.label == Label::Date)
            .map(|f| &text[f.range.clone()])
            .collect();
        assert_eq!(date, ["1950"]);
        assert!(matches!(train(&[], &opts, |_| {}), Err(TrainError::Empty)));
    }
}
