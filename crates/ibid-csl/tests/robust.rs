//! Property tests: no input makes the public functions panic, and every
//! item serialises with a type.

use ibid_model::Label;
use proptest::prelude::*;

/// Pieces that reach deep into the parsers: markers, particles, brackets,
/// quotes, dashes, digits, CJK and right-to-left text, controls.
const PIECES: &[&str] = &[
    "Smith",
    "A.",
    "J.-P.",
    "von",
    "van der",
    "'t",
    "de",
    "Sir",
    "Jr.",
    "III",
    "et al.",
    "(ed.)",
    "eds.",
    "Hrsg.",
    "a cura di",
    "trans.",
    "in",
    "In:",
    "and",
    "&",
    "/",
    ";",
    ",",
    ".",
    " ",
    "–",
    "-",
    "—",
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    "“",
    "”",
    "'",
    "1961",
    "1950-56",
    "05",
    "May",
    "4.",
    "Mai",
    "c.",
    "n.d.",
    "pp.",
    "S.",
    "fol.",
    "12v",
    "xii",
    "45ff.",
    "Vol.",
    "no.",
    "(3)",
    ":",
    "doi:10.1000/x",
    "http://a.b/c",
    "ISBN 978-3-16-148410-0",
    "v",
    "[1932]",
    "AC",
    "562",
    "U.S.",
    "毛泽东",
    "Kim",
    "Dae-jung",
    "שלום",
    "\u{202E}",
    "\u{0}",
    "\u{FEFF}",
    "\n",
    "«Res»",
    "Proceedings of",
    "Diss.",
    "The Times",
    "ASV",
    "b.",
    "2nd edn",
    "Anon.",
    "Office",
    "AA.VV.",
];

fn piecewise() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![piecewise(), any::<String>(), "\\PC{0,120}"]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn to_item_never_panics(
        text in any_text(),
        spans in prop::collection::vec((0usize..21, 0usize..400, 0usize..400), 0..12),
    ) {
        let fields: Vec<(Label, std::ops::Range<usize>)> = spans
            .into_iter()
            .map(|(l, a, b)| (Label::ALL[l], a..b))
            .collect();
        let item = ibid_csl::to_item(&text, &fields);
        let v = serde_json::to_value(&item).expect("serialises");
        prop_assert!(v["type"].is_string());
    }

    #[test]
    fn whole_text_as_every_label(text in any_text()) {
        for l in Label::ALL {
            let item = ibid_csl::to_item(&text, &[(l, 0..text.len())]);
            prop_assert!(serde_json::to_value(&item).is_ok());
        }
    }

    #[test]
    fn pieces_never_panic(s in any_text()) {
        let names = ibid_csl::parse_names(&s);
        prop_assert!(names.honorifics.iter().all(|(i, _)| *i < names.names.len()));
        if let Some(d) = ibid_csl::parse_date(&s) {
            prop_assert!(d.raw.is_some());
            prop_assert!(d.date_parts.len() <= 2);
            prop_assert!(!d.date_parts.is_empty() || d.literal.is_some());
        }
        if let Some(p) = ibid_csl::normalise_pages(&s) {
            prop_assert!(!p.page.is_empty());
        }
        let _ = ibid_csl::parse_volume(&s);
        let _ = ibid_csl::clean_edition(&s);
        let _ = ibid_csl::clean_doi(&s);
        let _ = ibid_csl::clean_url(&s);
        let _ = ibid_csl::clean_isbn(&s);
        let _ = ibid_csl::clean_title(&s);
        let _ = ibid_csl::infer_type(&ibid_model::Item::default(), &s);
    }
}
