//! BibLaTeX and BibTeX parsed back by the `biblatex` crate.

mod common;
use common::fixture;

use biblatex::{Bibliography, ChunksExt, Entry};
use ibid_emit::{write_document, EmitOptions, Format};
use ibid_model::{Document, Item, ItemType};

fn emit(doc: &Document, format: Format) -> String {
    let mut out = Vec::new();
    write_document(doc, format, &EmitOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn get(e: &Entry, key: &str) -> Option<String> {
    e.get(key).map(|c| c.format_verbatim())
}

/// The entry whose fields came from `item`, found by its title.
fn entry_for<'a>(bib: &'a Bibliography, item: &Item) -> &'a Entry {
    let title = item.title.as_deref().unwrap();
    bib.iter()
        .find(|e| get(e, "title").as_deref() == Some(title))
        .unwrap_or_else(|| panic!("no entry titled {title:?}"))
}

#[test]
fn biblatex_fields_come_back() {
    let doc = fixture::document();
    let text = emit(&doc, Format::Biblatex);
    let bib = Bibliography::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    assert_eq!(bib.len(), doc.works.len());
    for w in &doc.works {
        let item = &w.item;
        let e = entry_for(&bib, item);
        // Authors: family names (with particles) and given names.
        let authors = e.author().unwrap_or_default();
        assert_eq!(authors.len(), item.author.len(), "{}", e.key);
        for (p, n) in authors.iter().zip(&item.author) {
            match (&n.family, &n.literal) {
                (Some(f), _) => {
                    assert_eq!(&p.name, f, "{}", e.key);
                    let prefix = [&n.dropping_particle, &n.non_dropping_particle]
                        .into_iter()
                        .flatten()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" ");
                    assert_eq!(p.prefix, prefix, "{}", e.key);
                    assert_eq!(Some(p.given_name.clone()), n.given, "{}", e.key);
                }
                (None, Some(l)) => assert_eq!(&p.name, l, "{}", e.key),
                _ => unreachable!(),
            }
        }
        // Date.
        let year = item.issued.as_ref().and_then(|d| d.first_year());
        let date = get(e, "date").expect("date");
        assert_eq!(date[..4].parse::<i32>().ok(), year, "{}", e.key);
        // Container.
        if let Some(c) = &item.container_title {
            let got = get(e, "journaltitle")
                .or_else(|| get(e, "booktitle"))
                .or_else(|| get(e, "howpublished"));
            assert_eq!(got.as_ref(), Some(c), "{}", e.key);
        }
        for (field, want) in [
            ("volume", &item.volume),
            ("publisher", &item.publisher),
            ("location", &item.publisher_place),
            ("doi", &item.doi),
            ("url", &item.url),
            ("addendum", &item.archive_location),
        ] {
            // A report's or thesis's publisher is its institution.
            let institution_is_publisher =
                matches!(item.item_type, ItemType::Report | ItemType::Thesis);
            let got = get(e, field).or_else(|| {
                (field == "publisher" && institution_is_publisher)
                    .then(|| get(e, "institution"))
                    .flatten()
            });
            assert_eq!(got.as_ref(), want.as_ref(), "{} {field}", e.key);
        }
        // A case's court (CSL authority) is its institution.
        if item.authority.is_some() {
            assert_eq!(get(e, "institution"), item.authority, "{}", e.key);
        }
        if let Some(p) = &item.page {
            let got = get(e, "pages").unwrap();
            let norm = |s: &str| s.replace("--", "-").replace('–', "-");
            assert_eq!(norm(&got), norm(p), "{}", e.key);
        }
        if item.archive.is_some() {
            assert_eq!(
                get(e, "library").as_deref(),
                Some("The National Archives, Kew"),
                "{}",
                e.key
            );
            assert_eq!(e.entry_type.to_string(), "unpublished");
        }
    }
    // Special characters survive the escaping.
    let w2 = entry_for(&bib, &doc.works[1].item);
    assert!(get(w2, "title").unwrap().contains("{Revised}"));
    assert_eq!(w2.key, "muller1969costs");
    assert_eq!(
        w2.journal_title().unwrap().format_verbatim(),
        "The Historical Journal"
    );
}

#[test]
fn bibtex_is_ascii_with_latex_accents() {
    let doc = fixture::document();
    let text = emit(&doc, Format::Bibtex);
    assert!(text.is_ascii(), "{text}");
    assert!(text.contains("M{\\\"u}ller, J{\\\"u}rgen"), "{text}");
    assert!(text.contains("Siobh{\\'a}n"), "{text}");
    assert!(
        text.contains(
            "Costs \\& {Benefits}: 50\\% of \\$ {Spent} on \\#{Reform\\_Drafts} \\{{Revised}\\} in the {Gr{\\\"u}ndung}"
        ),
        "{text}"
    );
    assert!(
        text.contains("journal = {The Historical Journal}"),
        "{text}"
    );
    assert!(
        text.contains("note   = {FO 371/12345, The National Archives, Kew}"),
        "{text}"
    );
    let bib = Bibliography::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    assert_eq!(bib.len(), doc.works.len());
    let keys: Vec<&str> = bib.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "taylor1961origins",
            "muller1969costs",
            "treitschke1956grundung",
            "crowe1925crowe",
            "crisis1912",
            "donoghue1932",
            "berg1999colonial",
            "lilliangoldmanlawlibrary2008versailles"
        ]
    );
    assert_eq!(
        get(bib.get("donoghue1932").unwrap(), "institution").as_deref(),
        Some("HL")
    );
    let t = bib.get("taylor1961origins").unwrap();
    assert_eq!(get(t, "address").as_deref(), Some("London"));
    assert_eq!(get(t, "year").as_deref(), Some("1961"));
    assert_eq!(get(t, "shorttitle").as_deref(), Some("Origins"));
}

#[test]
fn duplicate_keys_get_suffixes() {
    let mut doc = fixture::document();
    let copy = doc.works[0].clone();
    doc.works.push(copy.clone());
    doc.works.push(copy);
    let text = emit(&doc, Format::Biblatex);
    let bib = Bibliography::parse(&text).unwrap();
    for k in [
        "taylor1961origins",
        "taylor1961originsa",
        "taylor1961originsb",
    ] {
        assert!(bib.get(k).is_some(), "{k}\n{text}");
    }
}
