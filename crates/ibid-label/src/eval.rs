//! Field-level evaluation against gold annotations (see [`evaluate`]).

use crate::data::TrainRecord;
use crate::labeller::Labeller;
use ibid_model::Label;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

/// Evaluation settings.
#[derive(Debug, Clone, Copy, Default)]
pub struct EvalOptions {
    /// Count container-title as title (LinkedBooks has no container-title).
    pub merge_titles: bool,
}

/// Counts for one field (or the micro-average).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldScore {
    pub field: String,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl FieldScore {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Per-field scores and their micro-average. `Display` prints a table.
#[derive(Debug, Clone, Default)]
pub struct EvalReport {
    pub records: usize,
    /// In label order; fields with no gold and no predicted value are left out.
    pub fields: Vec<FieldScore>,
    pub micro: FieldScore,
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} references", self.records)?;
        writeln!(
            f,
            "| field | gold | predicted | correct | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|"
        )?;
        for s in self.fields.iter().chain(std::iter::once(&self.micro)) {
            writeln!(
                f,
                "| {} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
                s.field,
                s.gold,
                s.predicted,
                s.correct,
                s.precision(),
                s.recall(),
                s.f1()
            )?;
        }
        Ok(())
    }
}

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn first_year(s: &str) -> Option<String> {
    s.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4 && matches!(w.parse::<u32>(), Ok(1000..=2099)))
        .map(str::to_string)
}

/// The normalised values of one reference's fields, as [`evaluate`] compares
/// them: field → sorted multiset of values.
pub fn field_values(
    text: &str,
    spans: &[(Label, Range<usize>)],
    opts: EvalOptions,
) -> BTreeMap<Label, Vec<String>> {
    let mut out: BTreeMap<Label, Vec<String>> = BTreeMap::new();
    let mut bags: BTreeMap<Label, Vec<String>> = BTreeMap::new();
    // spans of one label separated only by punctuation and spaces are one value
    let mut merged: Vec<(Label, Range<usize>)> = Vec::with_capacity(spans.len());
    let mut sorted: Vec<&(Label, Range<usize>)> = spans.iter().collect();
    sorted.sort_by_key(|s| (s.1.start, s.1.end));
    for (label, range) in sorted {
        let label = if opts.merge_titles && *label == Label::ContainerTitle {
            Label::Title
        } else {
            *label
        };
        if let Some(last) = merged.last_mut() {
            let gap = text.get(last.1.end..range.start);
            if last.0 == label && gap.is_some_and(|g| !g.chars().any(char::is_alphanumeric)) {
                last.1.end = range.end.max(last.1.end);
                continue;
            }
        }
        merged.push((label, range.clone()));
    }
    for (label, range) in merged {
        let Some(v) = text.get(range) else {
            continue;
        };
        match label {
            Label::Author | Label::Editor | Label::Translator => {
                bags.entry(label).or_default().extend(
                    words(v).filter(|w| !matches!(w.as_str(), "and" | "und" | "et" | "e" | "y")),
                );
            }
            Label::Pages => bags.entry(label).or_default().extend(
                v.split(|c: char| !c.is_ascii_digit())
                    .filter(|w| !w.is_empty())
                    .map(str::to_string),
            ),
            Label::Date => {
                let value = first_year(v).unwrap_or_else(|| words(v).collect::<Vec<_>>().join(" "));
                if !value.is_empty() {
                    out.entry(label).or_default().push(value);
                }
            }
            _ => {
                let value = words(v).collect::<Vec<_>>().join(" ");
                if !value.is_empty() {
                    out.entry(label).or_default().push(value);
                }
            }
        }
    }
    for (label, mut bag) in bags {
        if bag.is_empty() {
            continue;
        }
        if label != Label::Pages {
            bag.sort();
        }
        out.entry(label).or_default().push(bag.join(" "));
    }
    for v in out.values_mut() {
        v.sort();
    }
    out
}

/// Size of the intersection of two sorted multisets.
fn common(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Scores predicted fields (byte ranges, one list per gold record, in order)
/// against the gold records: for comparing other tools' output the same way.
pub fn evaluate_predictions(
    gold: &[TrainRecord],
    predicted: &[Vec<(Label, Range<usize>)>],
    opts: &EvalOptions,
) -> EvalReport {
    let mut counts: BTreeMap<Label, FieldScore> = BTreeMap::new();
    for (rec, pred) in gold.iter().zip(predicted) {
        let g: Vec<(Label, Range<usize>)> = rec
            .spans
            .iter()
            .map(|s| (s.label, s.range.clone()))
            .collect();
        let gv = field_values(&rec.text, &g, *opts);
        let pv = field_values(&rec.text, pred, *opts);
        for label in gv.keys().chain(pv.keys()) {
            let c = counts.entry(*label).or_insert_with(|| FieldScore {
                field: label.as_str().to_string(),
                ..FieldScore::default()
            });
            // each label is visited once or twice: count on the first visit
            if c.field.is_empty() {
                continue;
            }
        }
        for (label, c) in counts.iter_mut() {
            let gl = gv.get(label).map_or(&[][..], Vec::as_slice);
            let pl = pv.get(label).map_or(&[][..], Vec::as_slice);
            c.gold += gl.len();
            c.predicted += pl.len();
            c.correct += common(gl, pl);
        }
    }
    let fields: Vec<FieldScore> = counts.into_values().collect();
    let micro = FieldScore {
        field: "micro-average".into(),
        gold: fields.iter().map(|f| f.gold).sum(),
        predicted: fields.iter().map(|f| f.predicted).sum(),
        correct: fields.iter().map(|f| f.correct).sum(),
    };
    EvalReport {
        records: gold.len().min(predicted.len()),
        fields,
        micro,
    }
}

/// Labels every gold record's text and scores the fields.
///
/// The comparison, per reference and per field: the gold values (from the
/// gold spans) and the predicted values (from the labeller's fields) are
/// normalised, and the true positives of a field are the size of the
/// intersection of the two value multisets. Normalisation ignores case,
/// punctuation and spacing (a value becomes its alphanumeric words, lower
/// case, joined by one space); names (author, editor, translator) are
/// compared as one bag of words per reference and field (all spans of the
/// field together, "and"/"und"/"et"/"e"/"y" dropped), so how a source splits
/// a name list into spans does not matter; dates by their first year
/// (1000–2099; the words when there is none); pages by their numbers (all
/// page spans of a reference together, the digit runs in order). Empty values
/// are dropped. Spans of one field separated only by punctuation and spaces
/// count as one value (sources split "Title. Subtitle" differently).
/// Precision = TP / predicted values, recall = TP / gold values, F1 their
/// harmonic mean; the micro-average sums TP and counts over fields.
/// With [`EvalOptions::merge_titles`], container-title counts as title on
/// both sides (for LinkedBooks, which labels both as title).
pub fn evaluate(labeller: &Labeller, gold: &[TrainRecord], opts: &EvalOptions) -> EvalReport {
    let predicted: Vec<Vec<(Label, Range<usize>)>> = gold
        .iter()
        .map(|r| {
            labeller
                .label(&r.text)
                .fields
                .into_iter()
                .map(|f| (f.label, f.range))
                .collect()
        })
        .collect();
    evaluate_predictions(gold, &predicted, opts)
}

/// The values that a prediction missed and the values it added, tallied
/// over references by field, with a few examples of each: what `eval
/// --diff` prints. A missed value is keyed by its gold field and the field
/// under which the prediction holds it, if any (`title -> author`); a
/// spurious one by its predicted field and the gold field that holds it.
#[derive(Debug, Default)]
pub struct FieldDiff {
    /// (gold field, predicted field) → count and examples.
    pub missed: BTreeMap<(Label, Option<Label>), (usize, Vec<String>)>,
    /// (predicted field, gold field) → count and examples.
    pub spurious: BTreeMap<(Label, Option<Label>), (usize, Vec<String>)>,
}

impl FieldDiff {
    /// How many examples each row keeps.
    const EXAMPLES: usize = 8;

    /// Tallies one reference: `gold` and `pred` are spans of `text`.
    pub fn add(
        &mut self,
        text: &str,
        gold: &[(Label, Range<usize>)],
        pred: &[(Label, Range<usize>)],
        opts: EvalOptions,
    ) {
        let gv = field_values(text, gold, opts);
        let pv = field_values(text, pred, opts);
        for (a, b, tally) in [(&gv, &pv, &mut self.missed), (&pv, &gv, &mut self.spurious)] {
            for (label, vals) in a {
                let mut other: Vec<&String> =
                    b.get(label).map(|v| v.iter().collect()).unwrap_or_default();
                for v in vals {
                    if let Some(i) = other.iter().position(|x| *x == v) {
                        other.swap_remove(i);
                        continue;
                    }
                    let owner = b
                        .iter()
                        .find(|(_, vs)| vs.iter().any(|x| x == v))
                        .map(|(l, _)| *l);
                    let row = tally.entry((*label, owner)).or_default();
                    row.0 += 1;
                    if row.1.len() < Self::EXAMPLES {
                        row.1.push(v.clone());
                    }
                }
            }
        }
    }
}

impl fmt::Display for FieldDiff {
    /// The rows, most frequent first: `  12 title -> author: a | b | …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (heading, tally) in [
            ("missed gold (gold field -> predicted field)", &self.missed),
            (
                "spurious predictions (predicted field -> gold field)",
                &self.spurious,
            ),
        ] {
            writeln!(f, "### {heading}")?;
            let mut rows: Vec<_> = tally.iter().collect();
            rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
            for ((l, o), (n, ex)) in rows {
                let o = o.map_or("?".to_string(), |o| o.to_string());
                writeln!(f, "{n:5} {l} -> {o}: {}", ex.join(" | "))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::GoldSpan;

    #[test]
    fn diff_tallies_missed_and_spurious_values_by_field() {
        let text = "Taylor, Origins, London 1961";
        let gold = [
            (Label::Author, 0..6),
            (Label::Title, 8..15),
            (Label::Location, 17..23),
            (Label::Date, 24..28),
        ];
        // "Origins" read as a place; "London" missed
        let pred = [
            (Label::Author, 0..6),
            (Label::Location, 8..15),
            (Label::Date, 24..28),
        ];
        let mut d = FieldDiff::default();
        d.add(text, &gold, &pred, EvalOptions::default());
        d.add(text, &gold, &pred, EvalOptions::default());
        let missed = &d.missed;
        assert_eq!(missed[&(Label::Title, Some(Label::Location))].0, 2);
        assert_eq!(
            missed[&(Label::Location, None)],
            (2, vec!["london".into(), "london".into()])
        );
        assert_eq!(d.spurious[&(Label::Location, Some(Label::Title))].0, 2);
        assert_eq!(missed.len() + d.spurious.len(), 3);
        let shown = d.to_string();
        assert!(
            shown.contains("    2 title -> location: origins | origins"),
            "{shown}"
        );
    }

    #[test]
    fn comparison_rules() {
        let text =
            "T. Brennan and C. Pateman, ‘Mere Auxiliaries’ (1979) 27 Political Studies 183, 190.";
        let span = |l: Label, s: &str| {
            let i = text.find(s).unwrap();
            (l, i..i + s.len())
        };
        let gold = TrainRecord {
            source: String::new(),
            text: text.into(),
            spans: [
                span(Label::Author, "T. Brennan"),
                span(Label::Author, "C. Pateman"),
                span(Label::Title, "Mere Auxiliaries"),
                span(Label::Date, "1979"),
                span(Label::ContainerTitle, "Political Studies"),
                span(Label::Pages, "183"),
                span(Label::Pages, "190"),
            ]
            .into_iter()
            .map(|(label, range)| GoldSpan { label, range })
            .collect(),
        };
        let pred = vec![
            span(Label::Author, "T. Brennan and C. Pateman,"),
            span(Label::Title, "‘Mere Auxiliaries’"),
            span(Label::Date, "(1979)"),
            span(Label::Volume, "27"),
            span(Label::Title, "Political Studies"),
            span(Label::Pages, "183, 190"),
        ];
        let r = evaluate_predictions(
            std::slice::from_ref(&gold),
            std::slice::from_ref(&pred),
            &EvalOptions::default(),
        );
        // author, title, date, pages right; volume and "Political Studies" as title wrong
        assert_eq!(
            (r.micro.gold, r.micro.predicted, r.micro.correct),
            (5, 6, 4)
        );
        let merged = evaluate_predictions(&[gold], &[pred], &EvalOptions { merge_titles: true });
        assert_eq!(
            (
                merged.micro.gold,
                merged.micro.predicted,
                merged.micro.correct
            ),
            (5, 6, 5)
        );
        assert!(merged.to_string().contains("| micro-average | 5 | 6 | 5 |"));
    }
}
