//! Page values in the fields of single pages: abbreviated last pages written
//! in full, and text that is more than a range kept out of them.

mod common;
use common::tree::{self, Node};

use ibid_emit::{EmitOptions, Format, ItemWriter};
use ibid_model::{Item, ItemType};

fn article(page: &str) -> Item {
    Item {
        item_type: ItemType::ArticleJournal,
        title: Some("Molecular structure of nucleic acids".into()),
        container_title: Some("Nature".into()),
        volume: Some("171".into()),
        page: Some(page.into()),
        ..Item::default()
    }
}

fn emit(format: Format, item: &Item) -> String {
    let mut w = ItemWriter::new(format, EmitOptions::default()).unwrap();
    let mut out = Vec::new();
    w.begin(&mut out).unwrap();
    w.write(0, "raw", item, &mut out).unwrap();
    w.finish(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn ris_tags(item: &Item, tag: &str) -> Vec<String> {
    emit(Format::Ris, item)
        .split("\r\n")
        .filter_map(|l| l.strip_prefix(&format!("{tag}  - ")).map(String::from))
        .collect()
}

fn tei_page_scope(item: &Item) -> Node {
    let root = tree::parse(&emit(Format::Tei, item));
    let mut scopes = Vec::new();
    root.descendants("biblScope", &mut scopes);
    scopes
        .into_iter()
        .find(|s| s.attr("unit") == Some("page"))
        .expect("page biblScope")
        .clone()
}

fn jats_citation(item: &Item) -> Node {
    let root = tree::parse(&emit(Format::Jats, item));
    let mut ecs = Vec::new();
    root.descendants("element-citation", &mut ecs);
    ecs[0].clone()
}

fn text_of(n: &Node, child: &str) -> Option<String> {
    n.child(child).map(|c| c.text.clone())
}

fn bib_pages(format: Format, item: &Item) -> String {
    let bib = emit(format, item);
    let line = bib
        .lines()
        .find(|l| l.trim_start().starts_with("pages"))
        .unwrap_or_else(|| panic!("no pages in {bib}"));
    let v = line.split_once('{').unwrap().1;
    v.rsplit_once('}').unwrap().0.to_string()
}

#[test]
fn abbreviated_ranges_are_written_in_full() {
    for (page, first, last) in [
        ("737–38", "737", "738"),
        ("208-30", "208", "230"),
        ("1937-39", "1937", "1939"),
        ("pp. 110 – 29", "110", "129"),
    ] {
        let item = article(page);
        assert_eq!(ris_tags(&item, "SP"), [first], "{page}");
        assert_eq!(ris_tags(&item, "EP"), [last], "{page}");
        assert!(ris_tags(&item, "N1").is_empty(), "{page}");
        let scope = tei_page_scope(&item);
        assert_eq!(scope.attr("from"), Some(first), "{page}");
        assert_eq!(scope.attr("to"), Some(last), "{page}");
        assert_eq!(scope.text, "", "{page}");
        let ec = jats_citation(&item);
        assert_eq!(text_of(&ec, "fpage").as_deref(), Some(first), "{page}");
        assert_eq!(text_of(&ec, "lpage").as_deref(), Some(last), "{page}");
        assert!(ec.child("page-range").is_none(), "{page}");
        for f in [Format::Bibtex, Format::Biblatex] {
            assert_eq!(
                bib_pages(f, &item),
                format!("{first}--{last}"),
                "{f} {page}"
            );
        }
    }
    // Roman numerals stay as they are.
    let item = article("xi–xv");
    assert_eq!(ris_tags(&item, "EP"), ["xv"]);
    assert_eq!(bib_pages(Format::Biblatex, &item), "xi--xv");
}

#[test]
fn text_beyond_the_range_stays_out_of_single_page_fields() {
    // A leading range, then a pinpoint that leaked into the work's pages.
    let item = article("237-264, ici p. 240");
    assert_eq!(ris_tags(&item, "SP"), ["237"]);
    assert_eq!(ris_tags(&item, "EP"), ["264"]);
    assert_eq!(ris_tags(&item, "N1"), ["Pages: 237-264, ici p. 240"]);
    let scope = tei_page_scope(&item);
    assert_eq!(scope.attr("from"), Some("237"));
    assert_eq!(scope.attr("to"), Some("264"));
    assert_eq!(scope.text, "237-264, ici p. 240");
    let ec = jats_citation(&item);
    assert_eq!(text_of(&ec, "fpage").as_deref(), Some("237"));
    assert_eq!(text_of(&ec, "lpage").as_deref(), Some("264"));
    assert_eq!(
        text_of(&ec, "page-range").as_deref(),
        Some("237-264, ici p. 240")
    );
    assert_eq!(bib_pages(Format::Biblatex, &item), "237--264, ici p. 240");
    // An abbreviated range before more text is expanded too.
    let item = article("155-75, 160");
    assert_eq!(ris_tags(&item, "EP"), ["175"]);
    assert_eq!(bib_pages(Format::Bibtex, &item), "155--175, 160");
    // A first page and a pinpoint: the first page only.
    let item = article("11, 15");
    assert_eq!(ris_tags(&item, "SP"), ["11"]);
    assert!(ris_tags(&item, "EP").is_empty());
    let ec = jats_citation(&item);
    assert_eq!(text_of(&ec, "fpage").as_deref(), Some("11"));
    assert!(ec.child("lpage").is_none());
    assert_eq!(text_of(&ec, "page-range").as_deref(), Some("11, 15"));
    // No page number at all: free text only.
    for page in ["passim", "45-12"] {
        let item = article(page);
        assert!(ris_tags(&item, "SP").is_empty(), "{page}");
        assert_eq!(ris_tags(&item, "N1"), [format!("Pages: {page}")]);
        let scope = tei_page_scope(&item);
        assert_eq!(scope.attr("from"), None, "{page}");
        assert_eq!(scope.text, page);
        let ec = jats_citation(&item);
        assert!(ec.child("fpage").is_none(), "{page}");
        assert_eq!(text_of(&ec, "page-range").as_deref(), Some(page));
        assert_eq!(bib_pages(Format::Biblatex, &item), page);
    }
}
