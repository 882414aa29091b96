//! A physics journal's section letter glued to its volume: "Phys. Lett.
//! B256, 60 (1991)", "Nucl.Phys.B266 (1986)". The model reads "B256" as
//! the end of the journal's name. With no volume labelled elsewhere in the
//! citation, a last word of one capital letter A to H and one to four digits
//! ("B256", "D22", "C75") after a space or a full stop is the journal's
//! section and the volume: the letter stays with the journal ("Phys. Lett.
//! B", the journal's own name), the digits are the volume, as GROBID's
//! training data labels them (191 of the 212 such references it holds).

use crate::labeller::LabelledSpan;
use ibid_model::Label;

/// Where the volume's digits start in `s`, if `s` ends in a section letter
/// and a volume after a space or a full stop with a name before them.
fn section_volume_start(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 && b[i - 1].is_ascii_digit() {
        i -= 1;
    }
    let digits = b.len() - i;
    // sections are A to H ("Phys. Rev. D", "J. Phys. G"); "I960" is a year
    // read by OCR
    if !(1..=4).contains(&digits) || i == 0 || !(b'A'..=b'H').contains(&b[i - 1]) {
        return None;
    }
    let start = i - 1;
    let name = s[..start].trim_end();
    let boundary = start > 0 && matches!(b[start - 1], b' ' | b'.');
    let named = name.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    (boundary && named).then_some(i)
}

/// Splits a container-title ending in a section letter and volume into
/// the journal and the volume, when no volume is labelled.
pub(crate) fn section_volume(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields.iter().any(|f| f.label == Label::Volume) {
        return;
    }
    let Some(i) = fields.iter().position(|f| f.label == Label::ContainerTitle) else {
        return;
    };
    let range = fields[i].range.clone();
    let Some(start) = text.get(range.clone()).and_then(section_volume_start) else {
        return;
    };
    let split = range.start + start;
    fields[i].range = range.start..split;
    fields.insert(
        i + 1,
        LabelledSpan {
            label: Label::Volume,
            range: split..range.end,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span_rule_test::apply;

    fn run(text: &str, spans: &[(Label, &str)]) -> Vec<(Label, String)> {
        apply(&[section_volume], text, spans)
    }

    #[test]
    fn a_section_letter_and_volume_leave_the_journal() {
        let text = "C. Alexandrou et al., Phys.Lett. B256, 60 (1991)";
        assert_eq!(
            run(text, &[(Label::ContainerTitle, "Phys.Lett. B256")]),
            [
                (Label::ContainerTitle, "Phys.Lett. B".to_string()),
                (Label::Volume, "256".to_string())
            ]
        );
        let text = "M. H. Goroff, The Ultraviolet Behavior, Nucl.Phys.B266 (1986).";
        assert_eq!(
            run(text, &[(Label::ContainerTitle, "Nucl.Phys.B266")]),
            [
                (Label::ContainerTitle, "Nucl.Phys.B".to_string()),
                (Label::Volume, "266".to_string())
            ]
        );
    }

    #[test]
    fn other_journals_stay() {
        for (text, spans) in [
            // a volume labelled already
            (
                "Phys. Rev. D22, 1882 (1980)",
                vec![
                    (Label::ContainerTitle, "Phys. Rev. D22"),
                    (Label::Volume, "1882"),
                ],
            ),
            // a name ending in digits that is no section letter
            (
                "Studies 1999",
                vec![(Label::ContainerTitle, "Studies 1999")],
            ),
            ("COVID-19", vec![(Label::ContainerTitle, "COVID-19")]),
            // glued to a word: no boundary
            ("AlphaB12", vec![(Label::ContainerTitle, "AlphaB12")]),
            // a year read by OCR
            (
                "Baukonstruktionen von I860 bis I960",
                vec![(Label::ContainerTitle, "Baukonstruktionen von I860 bis I960")],
            ),
            // too little name before it
            ("J. B12", vec![(Label::ContainerTitle, "J. B12")]),
            ("A B12345", vec![(Label::ContainerTitle, "A B12345")]),
        ] {
            let want: Vec<(Label, String)> =
                spans.iter().map(|(l, s)| (*l, s.to_string())).collect();
            assert_eq!(run(text, &spans), want, "{text}");
        }
    }
}
