//! A physics journal's section letter glued to its volume: "Phys. Lett.
//! B256, 60 (1991)", "Nucl.Phys.B266 (1986)". The model reads "B256" as
//! the end of the journal's name. With no volume labelled elsewhere in the
//! citation, a last word of one capital letter A to H and one to four digits
//! ("B256", "D22", "C75") after a space or a full stop is the journal's
//! section and the volume: the letter stays with the journal ("Phys. Lett.
//! B", the journal's own name), the digits are the volume, as GROBID's
//! training data labels them (191 of the 212 such references it holds).
//!
//! Likewise a journal's volume read as the first of its pages ("Studie a
//! Sci., 1998, 64, 37-40": pages "64, 37-40"): with a journal, no volume
//! and pages of a bare number, a comma and a range, the number is the
//! volume.

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

/// Where the page range starts in a pages field "64, 37-40": after a bare
/// number of one to four digits and a comma.
fn volume_before_range(s: &str) -> Option<(usize, usize)> {
    let (vol, rest) = s.split_once(',')?;
    let range = rest.trim_start();
    let is_num = |p: &str| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit());
    let (a, b) = range.split_once(['-', '–'])?;
    let ok = is_num(vol) && vol.len() <= 4 && is_num(a.trim_end()) && is_num(b.trim_start());
    ok.then(|| (vol.len(), s.len() - range.len()))
}

/// Splits pages "64, 37-40" of a journal article with no volume into the
/// volume and the pages.
pub(crate) fn volume_in_pages(text: &str, fields: &mut Vec<LabelledSpan>) {
    let has = |l: Label| fields.iter().any(|f| f.label == l);
    if has(Label::Volume) || !has(Label::ContainerTitle) {
        return;
    }
    let Some(i) = fields.iter().position(|f| f.label == Label::Pages) else {
        return;
    };
    let range = fields[i].range.clone();
    let Some((vol_end, pages_start)) = text.get(range.clone()).and_then(volume_before_range) else {
        return;
    };
    fields[i].range = range.start + pages_start..range.end;
    fields.insert(
        i,
        LabelledSpan {
            label: Label::Volume,
            range: range.start..range.start + vol_end,
        },
    );
}

/// A bare number of one to four digits that ends the citation right after
/// its journal, with no volume labelled, is the volume, not pages.
pub(crate) fn volume_after_journal(text: &str, fields: &mut [LabelledSpan]) {
    if fields.iter().any(|f| f.label == Label::Volume) {
        return;
    }
    let [.., journal, last] = fields else {
        return;
    };
    if journal.label != Label::ContainerTitle || last.label != Label::Pages {
        return;
    }
    let gap = text.get(journal.range.end..last.range.start).unwrap_or("x");
    let number = text.get(last.range.clone()).unwrap_or("");
    let bare = (1..=4).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
    let rest = text.get(last.range.end..).unwrap_or("x");
    if bare
        && gap.trim_matches([' ', ',']).is_empty()
        && rest.trim_matches([' ', '.', ';']).is_empty()
    {
        last.label = Label::Volume;
    }
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
    fn a_volume_read_as_the_first_page_leaves_the_pages() {
        let text = "SEDLÁK, Jan, Liturgie u Husa, in: Studie a Sci., 1998, 64, 37-40";
        let spans = [
            (Label::ContainerTitle, "Studie a Sci."),
            (Label::Pages, "64, 37-40"),
        ];
        let got = apply(&[volume_in_pages], text, &spans);
        assert_eq!(
            got,
            [
                (Label::ContainerTitle, "Studie a Sci.".to_string()),
                (Label::Volume, "64".to_string()),
                (Label::Pages, "37-40".to_string())
            ]
        );
        // a book's pinpoints, a marked list, a volume labelled: left alone
        for spans in [
            vec![
                (Label::Title, "Liturgie u Husa"),
                (Label::Pages, "64, 37-40"),
            ],
            vec![
                (Label::ContainerTitle, "Studie a Sci."),
                (Label::Pages, "pp. 64, 37-40"),
            ],
            vec![
                (Label::ContainerTitle, "Studie a Sci."),
                (Label::Volume, "1998"),
                (Label::Pages, "64, 37-40"),
            ],
        ] {
            let text = "Liturgie u Husa, in: Studie a Sci., 1998, pp. 64, 37-40";
            let want: Vec<(Label, String)> =
                spans.iter().map(|(l, s)| (*l, s.to_string())).collect();
            assert_eq!(apply(&[volume_in_pages], text, &spans), want);
        }
    }

    #[test]
    fn a_lone_number_after_the_journal_is_its_volume() {
        let rule = |t: &str, f: &mut Vec<LabelledSpan>| volume_after_journal(t, f);
        let text = "Black, Donald, 1973: The Mobilization of Law, in: Journal of Legal Studies 2.";
        let spans = [
            (Label::Title, "The Mobilization of Law"),
            (Label::ContainerTitle, "Journal of Legal Studies"),
            (Label::Pages, "2"),
        ];
        let got = apply(&[rule], text, &spans);
        assert_eq!(got[2], (Label::Volume, "2".to_string()));
        // a volume elsewhere, a range, more after the number: pages stay
        for (text, spans) in [
            (
                "Inquiry, vol. 30, 137.",
                vec![
                    (Label::ContainerTitle, "Inquiry"),
                    (Label::Volume, "vol. 30"),
                    (Label::Pages, "137"),
                ],
            ),
            (
                "Inquiry 137-45.",
                vec![(Label::ContainerTitle, "Inquiry"), (Label::Pages, "137-45")],
            ),
            (
                "Inquiry 137 (1987).",
                vec![(Label::ContainerTitle, "Inquiry"), (Label::Pages, "137")],
            ),
        ] {
            let want: Vec<(Label, String)> =
                spans.iter().map(|(l, s)| (*l, s.to_string())).collect();
            assert_eq!(apply(&[rule], text, &spans), want, "{text}");
        }
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
