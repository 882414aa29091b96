//! RIS records in Zotero's conventions: `TY` first, `ER` last, CRLF line ends,
//! a blank line after each record.

use crate::common::{collection_number, display_name, field, issued};
use crate::pages::read_pages;
use ibid_model::{Item, ItemType, Name};
use std::io::{self, Write};

/// The RIS type of an item (Zotero's export map).
pub(crate) fn ris_type(item: &Item) -> &'static str {
    match item.item_type {
        ItemType::Book => "BOOK",
        ItemType::Chapter => "CHAP",
        ItemType::ArticleJournal => "JOUR",
        ItemType::ArticleMagazine => "MGZN",
        ItemType::ArticleNewspaper => "NEWS",
        ItemType::Manuscript => "MANSCPT",
        ItemType::LegalCase => "CASE",
        ItemType::Legislation => "STAT",
        ItemType::Report => "RPRT",
        ItemType::Thesis => "THES",
        ItemType::Webpage => "ELEC",
        ItemType::PaperConference => "CONF",
        ItemType::EntryEncyclopedia => "ENCYC",
        ItemType::EntryDictionary => "DICT",
        ItemType::PersonalCommunication | ItemType::Interview => "PCOMM",
        ItemType::Speech => "SLIDE",
        ItemType::Map => "MAP",
        ItemType::Dataset => "DATA",
        ItemType::Graphic => "ART",
        ItemType::Document => "GEN",
    }
}

/// A RIS name: "Family, Given, Suffix" (particles kept with the family name:
/// "de Gaulle, Charles"), or a literal.
fn ris_name(n: &Name) -> Option<String> {
    if n.family.is_none() {
        let s = display_name(n);
        return (!s.is_empty()).then_some(s);
    }
    let fam = crate::common::family_with_particle(n)?;
    let mut s = fam;
    if let Some(g) = crate::common::given_with_particle(n) {
        s.push_str(", ");
        s.push_str(&g);
    }
    if let Some(suf) = field(&n.suffix) {
        s.push_str(", ");
        s.push_str(&suf);
    }
    Some(s)
}

fn line(out: &mut dyn Write, tag: &str, value: &str) -> io::Result<()> {
    // A value never spans lines: RIS is line-based.
    let v = crate::common::squash(value);
    if v.is_empty() {
        return Ok(());
    }
    write!(out, "{tag}  - {v}\r\n")
}

/// Write one RIS record.
pub(crate) fn write_record(item: &Item, out: &mut dyn Write) -> io::Result<()> {
    let item = &*crate::common::join_volume_title(item);
    write!(out, "TY  - {}\r\n", ris_type(item))?;
    for n in &item.author {
        if let Some(s) = ris_name(n) {
            line(out, "AU", &s)?;
        }
    }
    for n in &item.editor {
        if let Some(s) = ris_name(n) {
            line(out, "A2", &s)?;
        }
    }
    for n in &item.translator {
        if let Some(s) = ris_name(n) {
            line(out, "A4", &s)?;
        }
    }
    let opt = |out: &mut dyn Write, tag: &str, v: &Option<String>| -> io::Result<()> {
        match field(v) {
            Some(v) => line(out, tag, &v),
            None => Ok(()),
        }
    };
    opt(out, "TI", &item.title)?;
    opt(out, "ST", &item.title_short)?;
    opt(out, "T2", &item.container_title)?;
    opt(out, "T3", &item.collection_title)?;
    // Zotero's export: the year in PY, the full date (when there is more than
    // a year) in DA as YYYY/MM/DD/.
    if let Some(d) = issued(item) {
        line(out, "PY", &format!("{:04}", d.0))?;
        match d {
            (y, Some(m), Some(day)) => line(out, "DA", &format!("{y:04}/{m:02}/{day:02}/"))?,
            (y, Some(m), None) => line(out, "DA", &format!("{y:04}/{m:02}/"))?,
            _ => {}
        }
    } else if let Some(t) = crate::common::date_text(item) {
        line(out, "DA", &t)?;
    }
    // the access date, as Zotero writes it: Y2 YYYY/MM/DD/
    if let Some((y, m, day)) = crate::common::accessed(item) {
        let mut v = format!("{y:04}/");
        if let Some(m) = m {
            v.push_str(&format!("{m:02}/"));
            if let Some(day) = day {
                v.push_str(&format!("{day:02}/"));
            }
        }
        line(out, "Y2", &v)?;
    }
    // SP and EP are single pages: an abbreviated last page is written in
    // full ("737–38" → 738), and a value that is more than a page range
    // ("237-264, ici p. 240", "passim") is kept whole in a note, with only
    // the range it starts with, if any, in SP/EP.
    let mut page_note = None;
    if let Some(p) = field(&item.page) {
        let range = read_pages(&p);
        if let Some(r) = &range {
            line(out, "SP", &r.first)?;
            if let Some(l) = &r.last {
                line(out, "EP", l)?;
            }
        }
        if !range.is_some_and(|r| r.is_whole()) {
            page_note = Some(format!("Pages: {p}"));
        }
    }
    opt(out, "VL", &item.volume)?;
    opt(out, "NV", &crate::common::number_of_volumes(item))?;
    opt(out, "IS", &item.issue)?;
    if item.item_type == ItemType::Report || item.item_type == ItemType::LegalCase {
        opt(out, "M1", &item.number)?;
    } else if item.issue.is_none() {
        opt(out, "IS", &item.number)?;
    }
    // a book's number in its series: Zotero reads a book's M1 as its
    // `seriesNumber`
    if item.item_type == ItemType::Book {
        opt(out, "M1", &collection_number(item))?;
    }
    opt(out, "ET", &item.edition)?;
    opt(out, "CY", &crate::common::place(item))?;
    if item.item_type == ItemType::LegalCase {
        // A case's PB is its court: Zotero's RIS translator maps `court` of
        // a `case` to PB, and the RIS type list (as citation-js reads it)
        // gives PB of CASE as CSL `authority`. Without a court the
        // publisher keeps the tag, as before. Other types have no RIS tag for
        // an issuing body (PB would be read back as their publisher).
        let pb = if field(&item.authority).is_some() {
            &item.authority
        } else {
            &item.publisher
        };
        opt(out, "PB", pb)?;
    } else {
        opt(out, "PB", &item.publisher)?;
    }
    opt(
        out,
        "M3",
        &item.genre.clone().or_else(|| crate::common::medium(item)),
    )?;
    if let Some(doi) = item.doi.as_deref() {
        let d = ibid_link::normalize_doi(doi).unwrap_or_else(|| doi.trim().to_string());
        line(out, "DO", &d)?;
    }
    opt(out, "UR", &item.url)?;
    opt(out, "SN", &item.isbn)?;
    let archive: Vec<String> = [&item.archive, &item.archive_place]
        .into_iter()
        .filter_map(field)
        .collect();
    if !archive.is_empty() {
        line(out, "DB", &archive.join(", "))?;
    }
    opt(out, "AN", &item.archive_location)?;
    opt(out, "LA", &item.language)?;
    opt(out, "N1", &item.note)?;
    if let Some(n) = page_note {
        line(out, "N1", &n)?;
    }
    write!(out, "ER  - \r\n\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::Date;

    #[test]
    fn record_shape() {
        let item = Item {
            item_type: ItemType::ArticleJournal,
            author: vec![Name::person("Taylor", Some("A. J. P.".into()))],
            title: Some("A\ntitle".into()),
            page: Some("45–67".into()),
            issued: Some(Date {
                date_parts: vec![vec![1961, 5, 4]],
                ..Date::default()
            }),
            ..Item::default()
        };
        let mut buf = Vec::new();
        write_record(&item, &mut buf).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert_eq!(
            s,
            "TY  - JOUR\r\nAU  - Taylor, A. J. P.\r\nTI  - A title\r\nPY  - 1961\r\nDA  - 1961/05/04/\r\nSP  - 45\r\nEP  - 67\r\nER  - \r\n\r\n"
        );
    }

    fn record(item: &Item) -> String {
        let mut buf = Vec::new();
        write_record(item, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn a_count_of_volumes_is_nv() {
        let item = crate::test_items::book_in_volumes();
        assert!(record(&item).contains("NV  - 2\r\n"));
    }

    #[test]
    fn a_volumes_title_follows_the_works_title() {
        let s = record(&crate::test_items::volume_with_title());
        assert!(
            s.contains("TI  - Les Lieux de mémoire: La République\r\n"),
            "{s}"
        );
        assert!(s.contains("VL  - I\r\n"), "{s}");
        let s = record(&crate::test_items::chapter_in_titled_volume());
        assert!(s.contains("TI  - Le Panthéon\r\n"), "{s}");
        assert!(
            s.contains("T2  - Les Lieux de mémoire: La République\r\n"),
            "{s}"
        );
        // the part of the volume after its title
        let mut part = crate::test_items::chapter_in_titled_volume();
        part.custom.insert("part-number".into(), "2".into());
        let s = record(&part);
        assert!(
            s.contains("T2  - Les Lieux de mémoire: La République, pt. 2\r\n"),
            "{s}"
        );
    }

    #[test]
    fn a_books_number_in_its_series_is_m1() {
        let item = crate::test_items::book_in_series();
        let s = record(&item);
        assert!(s.contains("T3  - Schriftenreihe der VfZ\r\n"), "{s}");
        assert!(s.contains("M1  - 13\r\n"), "{s}");
    }

    #[test]
    fn a_cases_court_is_its_publisher_tag() {
        let case = crate::test_items::donoghue();
        assert_eq!(
            record(&case),
            "TY  - CASE\r\nTI  - Donoghue v Stevenson\r\nT2  - AC\r\nPY  - 1932\r\nSP  - 562\r\nVL  - 1932\r\nPB  - HL\r\nER  - \r\n\r\n"
        );
        // The court wins the one PB of a case; without it the publisher has it.
        let with_publisher = Item {
            publisher: Some("Incorporated Council of Law Reporting".into()),
            ..case.clone()
        };
        assert!(record(&with_publisher).contains("\r\nPB  - HL\r\n"));
        assert!(!record(&with_publisher).contains("Incorporated"));
        let no_court = Item {
            authority: None,
            ..with_publisher
        };
        assert!(record(&no_court).contains("\r\nPB  - Incorporated Council of Law Reporting\r\n"));
        // Other types have no tag for it: PB stays the publisher.
        let report = Item {
            item_type: ItemType::Report,
            ..case
        };
        assert!(!record(&report).contains("PB  -"), "{}", record(&report));
    }

    #[test]
    fn the_access_date_is_y2() {
        let mut item = Item {
            item_type: ItemType::Webpage,
            title: Some("Slave Voyages".into()),
            url: Some("https://www.slavevoyages.org".into()),
            ..Item::default()
        };
        item.custom.insert(
            "accessed".into(),
            serde_json::json!({"date-parts": [[2023, 3, 3]], "raw": "3 March 2023"}),
        );
        assert!(
            record(&item).contains("\r\nY2  - 2023/03/03/\r\n"),
            "{}",
            record(&item)
        );
        // CSL-JSON carries it at the top level, BibLaTeX as urldate
        let v = crate::csl::to_value(&item).unwrap();
        assert_eq!(v["accessed"]["date-parts"][0][0], 2023);
        assert!(v.get("custom").is_none_or(|c| c.get("accessed").is_none()));
        let mut out = Vec::new();
        crate::latex::write_entry(&item, "k", crate::latex::Dialect::Biblatex, None, &mut out)
            .unwrap();
        let tex = String::from_utf8(out).unwrap();
        assert!(tex.contains("urldate = {2023-03-03}"), "{tex}");
    }

    #[test]
    fn an_artwork_is_art_with_its_medium() {
        let mut item = Item {
            item_type: ItemType::Graphic,
            title: Some("Courtyard of a House in Delft".into()),
            archive: Some("National Gallery".into()),
            ..Item::default()
        };
        item.custom
            .insert("medium".into(), serde_json::json!("oil on canvas"));
        let r = record(&item);
        assert!(r.starts_with("TY  - ART\r\n"), "{r}");
        assert!(r.contains("\r\nM3  - oil on canvas\r\n"), "{r}");
        let v = crate::csl::to_value(&item).unwrap();
        assert_eq!(
            (v["type"].as_str(), v["medium"].as_str()),
            (Some("graphic"), Some("oil on canvas"))
        );
    }
}
