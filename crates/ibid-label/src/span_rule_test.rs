//! Test support for the rules that mend labelled spans (`imprint`,
//! `title_years`): build the spans from the words they cover, run the
//! rules, and read the spans back as (label, text).

use crate::labeller::LabelledSpan;
use ibid_model::Label;

/// A rule over the labelled spans of a text.
pub(crate) type SpanRule = fn(&str, &mut Vec<LabelledSpan>);

/// `spans` (each the first occurrence of its text in `text`) after
/// `rules`, in order.
pub(crate) fn apply(
    rules: &[SpanRule],
    text: &str,
    spans: &[(Label, &str)],
) -> Vec<(Label, String)> {
    let mut fields: Vec<LabelledSpan> = spans
        .iter()
        .map(|(l, s)| {
            let start = text.find(s).expect("span text in the text");
            LabelledSpan {
                label: *l,
                range: start..start + s.len(),
            }
        })
        .collect();
    for rule in rules {
        rule(text, &mut fields);
    }
    fields
        .iter()
        .map(|f| (f.label, text[f.range.clone()].to_string()))
        .collect()
}

/// Spans as (label, text) with owned texts, to compare with [`apply`]'s.
pub(crate) fn owned(spans: &[(Label, &str)]) -> Vec<(Label, String)> {
    spans.iter().map(|(l, s)| (*l, s.to_string())).collect()
}
