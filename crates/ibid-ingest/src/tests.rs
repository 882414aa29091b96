//! Input checks, plain text, and properties of the whole stage.

use super::*;
use proptest::prelude::*;

#[test]
fn empty_input_is_no_error() {
    let s = ingest(b"").unwrap();
    assert!(s.blocks.is_empty());
    assert_eq!(s.form, InputForm::NumberedNotes);
    assert!(ingest(b"  \n\n").unwrap().blocks.is_empty());
    assert!(ingest(b"\xef\xbb\xbf").unwrap().blocks.is_empty());
}

#[test]
fn plain_text_is_one_block() {
    let input = "7 Documents on German Foreign Policy, Series C, Vol. II (hereafter cited as D.G.F.P.), Doc. No. 45.\r\n8 Ibid., p. 91.\r\n";
    let s = ingest(input.as_bytes()).unwrap();
    assert_eq!(s.blocks.len(), 1);
    let b = &s.blocks[0];
    assert!(!b.structured && !b.prose && b.number.is_none());
    assert_eq!(b.text.as_str(), input.replace("\r\n", "\n"));
    let at = b.text.as_str().find("8 Ibid.").unwrap();
    assert_eq!(&s.original[b.text.orig_range(at..at + 7)], "8 Ibid.");
    assert_eq!(s.original, input);
}

#[test]
fn bom_is_dropped_and_offsets_follow() {
    let s = ingest("\u{feff}1 Taylor.".as_bytes()).unwrap();
    assert_eq!(s.original, "1 Taylor.");
    assert_eq!(s.blocks[0].text.orig_range(0..1), 0..1);
    assert_eq!(ingest_str("\u{feff}x").original, "x");
}

#[test]
fn plain_notes_with_a_tag_stay_plain() {
    let input = "1 Taylor, <i>Origins</i>, p. 88.\n2 Ibid.\n";
    let s = ingest_str(input);
    assert_eq!(s.form, InputForm::NumberedNotes);
    assert_eq!(s.blocks[0].text.as_str(), input);
}

#[test]
fn html_detection() {
    assert_eq!(ingest_str("<!DOCTYPE html><p>x</p>").form, InputForm::Html);
    assert_eq!(ingest_str("  <html><body>x").form, InputForm::Html);
    assert_eq!(
        ingest_str("<p>1 Taylor</p><p>2 Ibid.</p>").form,
        InputForm::Html
    );
    assert_eq!(
        ingest_str("Text <p> and more").form,
        InputForm::NumberedNotes
    );
    assert_eq!(ingest_str("a < b and c > d").form, InputForm::NumberedNotes);
}

#[test]
fn errors_are_one_clear_line() {
    let cases: Vec<(&[u8], &str)> = vec![
        (
            b"Taylor \xff\xfe p. 88",
            "not valid UTF-8 (first bad byte at offset 7)",
        ),
        (b"abc\x00def", "binary (a NUL byte, byte offset 3)"),
        (b"\x01\x02\x03\x04\x05abc", "control characters"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF file"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"\xff\xfeT\x00a\x00", "UTF-16"),
        (b"T\x00a\x00y\x00l\x00o\x00r\x00", "UTF-16"),
    ];
    for (bytes, want) in cases {
        let err = ingest(bytes).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains(want), "{msg:?} should contain {want:?}");
        assert!(!msg.contains('\n'));
    }
    assert!(matches!(
        ingest(b"ab\xc3"),
        Err(IngestError::InvalidUtf8 { offset: 2 })
    ));
}

#[test]
fn binary_check_looks_at_the_start_only() {
    // a NUL far into a text file is no reason to refuse it
    let mut v = "1 Taylor, p. 88.\n".repeat(1000).into_bytes();
    v.push(0);
    assert!(ingest(&v).is_ok());
}

#[test]
fn large_plain_text_is_fast_and_small() {
    let unit =
        "12 Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88.\r\n";
    let s = unit.repeat(50 * 1024 * 1024 / unit.len());
    let start = std::time::Instant::now();
    let src = ingest(s.as_bytes()).unwrap();
    let secs = start.elapsed().as_secs_f64();
    assert!(secs < 20.0, "{secs}");
    assert_eq!(src.blocks.len(), 1);
    assert_eq!(src.blocks[0].text.len(), s.len() - s.matches('\r').count());
}

fn check_source(src: &Source) -> Result<(), TestCaseError> {
    for b in &src.blocks {
        let t = b.text.as_str();
        prop_assert!(!t.is_empty());
        let whole = b.text.orig_range(0..t.len());
        prop_assert!(whole.start <= whole.end && whole.end <= src.original.len());
        for (i, c) in t.char_indices() {
            let r = b.text.orig_range(i..i + c.len_utf8());
            prop_assert!(r.start <= r.end && r.end <= src.original.len(), "{:?}", r);
            prop_assert!(
                src.original.is_char_boundary(r.start) && src.original.is_char_boundary(r.end)
            );
        }
        for &x in &b.breaks {
            prop_assert!(x > 0 && x < t.len() && t.is_char_boundary(x));
        }
    }
    Ok(())
}

const HTML_VOCAB: &[&str] = &[
    "<p>",
    "</p>",
    "<li>",
    "</li>",
    "<ol>",
    "</ol>",
    "<ul class=\"references\">",
    "</ul>",
    "<section class=\"footnotes\">",
    "</section>",
    "<li id=\"fn3\">",
    "<div class=\"footnote\">",
    "</div>",
    "<aside epub:type=\"footnote\">",
    "</aside>",
    "<h2>Notes</h2>",
    "<sup>",
    "</sup>",
    "<a href=\"#fnref1\">↩</a>",
    "<a>Google Scholar</a>",
    "[",
    "]",
    ", ",
    "<i>",
    "</i>",
    "<b>",
    "</b>",
    "<br>",
    "<table>",
    "<tr>",
    "<td>",
    "</table>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<pre>",
    "</pre>",
    "&amp;",
    "&nbsp;",
    "&#8217;",
    "&#x;",
    "&notin",
    "&",
    "<",
    ">",
    "\r\n",
    "\n",
    " ",
    "Taylor",
    "Origins",
    "p. 88.",
    "12",
    "Ibid.",
    "Kōshō",
    "<!DOCTYPE html>",
    "<html>",
    "<body>",
    "<style>p{}</style>",
    "<textarea>",
    "\0",
    "<title>t</title>",
    "<svg><title>x</title></svg>",
    "<p class=\"footnote\" id=\"ftn2\">",
    "<span class=\"label\">4</span>",
    "<dt>5</dt><dd>",
    "</dd>",
];

fn html_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(HTML_VOCAB), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(src) = ingest(&bytes) {
            check_source(&src)?;
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        check_source(&ingest_str(&s))?;
    }

    #[test]
    fn html_like_strings_map_into_the_source(s in html_text()) {
        let src = ingest_str(&s);
        check_source(&src)?;
        if src.form == InputForm::Html {
            for b in &src.blocks {
                let t = b.text.as_str();
                for (i, c) in t.char_indices() {
                    let r = b.text.orig_range(i..i + c.len_utf8());
                    let o = &src.original[r.clone()];
                    // copied characters map to themselves; others to an
                    // entity, whitespace, or a position
                    prop_assert!(
                        o.chars().eq(std::iter::once(c)) || o.starts_with('&') || o.is_empty()
                            || (c.is_whitespace() && o.chars().all(char::is_whitespace))
                            || c == '\u{FFFD}' && o == "\0",
                        "{:?} at {} of {:?} maps to {:?}", c, i, t, o
                    );
                }
            }
        }
    }

    #[test]
    fn plain_text_maps_exactly(s in "[a-z0-9 .,;\r\n-]{0,200}") {
        let src = ingest_str(&s);
        check_source(&src)?;
        if let Some(b) = src.blocks.first() {
            prop_assert_eq!(b.text.as_str(), s.replace("\r\n", "\n").replace('\r', "\n"));
        }
    }
}
