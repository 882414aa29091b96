//! RIS in Zotero's conventions.

mod common;
use common::fixture;

use ibid_emit::{write_document, EmitOptions, Format};

fn records() -> Vec<Vec<(String, String)>> {
    let mut out = Vec::new();
    write_document(
        &fixture::document(),
        Format::Ris,
        &EmitOptions::default(),
        &mut out,
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    // CRLF everywhere, no bare LF.
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    let mut recs = Vec::new();
    for block in text.split("\r\n\r\n").filter(|b| !b.is_empty()) {
        let lines: Vec<(String, String)> = block
            .split("\r\n")
            .map(|l| {
                assert!(l.len() >= 6 && &l[2..6] == "  - ", "bad line {l:?}");
                (l[..2].to_string(), l[6..].to_string())
            })
            .collect();
        recs.push(lines);
    }
    recs
}

fn get<'a>(r: &'a [(String, String)], tag: &str) -> Vec<&'a str> {
    r.iter()
        .filter(|(t, _)| t == tag)
        .map(|(_, v)| v.as_str())
        .collect()
}

#[test]
fn records_have_zotero_shape() {
    let recs = records();
    assert_eq!(recs.len(), 8);
    let types: Vec<&str> = recs.iter().map(|r| r[0].1.as_str()).collect();
    assert_eq!(
        types,
        ["BOOK", "JOUR", "CHAP", "PCOMM", "NEWS", "CASE", "THES", "ELEC"]
    );
    for r in &recs {
        assert_eq!(r[0].0, "TY");
        assert_eq!(r.last().unwrap(), &("ER".to_string(), String::new()));
    }
    let book = &recs[0];
    assert_eq!(get(book, "AU"), ["Taylor, A. J. P."]);
    assert_eq!(get(book, "PY"), ["1961"]);
    assert_eq!(get(book, "CY"), ["London"]);
    assert_eq!(get(book, "PB"), ["Hamish Hamilton"]);
    assert_eq!(get(book, "SN"), ["9780241014066"]);
    let art = &recs[1];
    assert_eq!(get(art, "AU"), ["Müller, Jürgen", "O'Brien, Siobhán"]);
    assert_eq!(get(art, "T2"), ["The Historical Journal"]);
    assert_eq!(get(art, "SP"), ["345"]);
    assert_eq!(get(art, "EP"), ["367"]);
    assert_eq!(get(art, "VL"), ["12"]);
    assert_eq!(get(art, "IS"), ["3"]);
    assert_eq!(get(art, "DO"), ["10.1017/S0018246X00012345"]);
    let chap = &recs[2];
    assert_eq!(get(chap, "A2"), ["Brandt, Otto"]);
    let letter = &recs[3];
    assert_eq!(get(letter, "PY"), ["1925"]);
    assert_eq!(get(letter, "DA"), ["1925/05/04/"]);
    assert_eq!(get(letter, "DB"), ["The National Archives, Kew"]);
    assert_eq!(get(letter, "AN"), ["FO 371/12345"]);
    // The case's court is its PB (Zotero: `court`; RIS: CASE's PB).
    assert_eq!(get(&recs[5], "PB"), ["HL"]);
    let thesis = &recs[6];
    assert_eq!(get(thesis, "AU"), ["van der Berg, Jan"]);
    assert_eq!(get(thesis, "M3"), ["PhD diss."]);
    assert_eq!(
        get(&recs[7], "UR"),
        ["https://avalon.law.yale.edu/subject_menus/versailles_menu.asp"]
    );
}
