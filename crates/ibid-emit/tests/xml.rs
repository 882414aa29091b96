//! TEI and JATS: well-formed XML of the expected shape.

mod common;
use common::{fixture, tree};

use ibid_emit::{write_bibl_struct, write_document, EmitOptions, Format, ItemWriter};
use ibid_model::{Document, Item};
use tree::Node;

fn emit(doc: &Document, format: Format) -> String {
    let mut out = Vec::new();
    write_document(doc, format, &EmitOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn bibl_structs(tei: &Node) -> Vec<&Node> {
    tei.path(&["text", "back", "div", "listBibl"])
        .expect("text/back/div/listBibl")
        .all("biblStruct")
}

/// GROBID's shape: biblStruct > analytic? > monogr > imprint, in that order.
fn check_grobid_shape(b: &Node) {
    let names: Vec<&str> = b.children.iter().map(|c| c.name.as_str()).collect();
    let m = names.iter().position(|n| *n == "monogr").expect("monogr");
    if let Some(a) = names.iter().position(|n| *n == "analytic") {
        assert!(a < m, "analytic before monogr: {names:?}");
        let analytic = &b.children[a];
        let t = analytic.child("title").expect("analytic title");
        assert_eq!(t.attr("level"), Some("a"));
        assert_eq!(t.attr("type"), Some("main"));
    }
    for c in &b.children {
        assert!(
            ["analytic", "monogr", "series", "note"].contains(&c.name.as_str()),
            "unexpected {} in biblStruct",
            c.name
        );
    }
    let monogr = &b.children[m];
    assert!(monogr.child("imprint").is_some(), "monogr/imprint");
    if let Some(title) = monogr.child("title") {
        assert!(matches!(title.attr("level"), Some("m" | "j")));
    }
    check_monogr_content_model(monogr);
    for author in b.children.iter().flat_map(|c| c.all("author")) {
        let p = author
            .child("persName")
            .or_else(|| author.child("orgName"))
            .expect("author/persName");
        if p.name == "persName" {
            assert!(p.child("surname").is_some());
        }
    }
}

/// TEI P5's content model of `<monogr>` (the parts ibid writes): either
/// `(author|editor|meeting|respStmt)+, title+, (ptr|idno|textLang|editor|
/// respStmt)*` or `(title|ptr|idno)+, (textLang|author|editor|meeting|
/// respStmt)*`, or nothing; then `(edition, (idno|ptr|editor|respStmt)*)*,
/// imprint, (imprint|extent|biblScope)*`. An `<imprint>` holds at least one
/// of `biblScope`, `date`, `pubPlace`, `publisher`, `distributor`, `time`.
fn check_monogr_content_model(monogr: &Node) {
    let names: Vec<&str> = monogr.children.iter().map(|c| c.name.as_str()).collect();
    let head_len = names
        .iter()
        .position(|n| *n == "edition" || *n == "imprint")
        .unwrap_or(names.len());
    let (head, tail) = names.split_at(head_len);
    let people = |n: &str| ["author", "editor", "meeting", "respStmt"].contains(&n);
    let ids = |n: &str| ["ptr", "idno"].contains(&n);
    let lead = head.iter().take_while(|n| people(n)).count();
    let valid_head = if lead > 0 {
        let titles = head[lead..].iter().take_while(|n| **n == "title").count();
        titles > 0
            && head[lead + titles..]
                .iter()
                .all(|n| ids(n) || ["textLang", "editor", "respStmt"].contains(n))
    } else {
        let front = head.iter().take_while(|n| **n == "title" || ids(n)).count();
        head[front..].iter().all(|n| people(n) || *n == "textLang")
    };
    assert!(valid_head, "monogr content model: {names:?}");
    let first_imprint = tail.iter().position(|n| *n == "imprint");
    let first_imprint = first_imprint.unwrap_or_else(|| panic!("no imprint: {names:?}"));
    let mut after_edition = false;
    for n in &tail[..first_imprint] {
        match *n {
            "edition" => after_edition = true,
            "idno" | "ptr" | "editor" | "respStmt" if after_edition => {}
            other => panic!("{other} before imprint: {names:?}"),
        }
    }
    for n in &tail[first_imprint..] {
        assert!(
            ["imprint", "extent", "biblScope"].contains(n),
            "{n} after imprint: {names:?}"
        );
    }
    for imprint in monogr.all("imprint") {
        assert!(
            imprint.children.iter().any(|c| [
                "biblScope",
                "date",
                "pubPlace",
                "publisher",
                "distributor",
                "time"
            ]
            .contains(&c.name.as_str())),
            "empty imprint in {names:?}"
        );
    }
}

/// No `<title>` is written without text.
fn check_no_empty_titles(b: &Node) {
    let mut titles = Vec::new();
    b.descendants("title", &mut titles);
    for t in titles {
        assert!(!t.all_text().trim().is_empty(), "empty title {:?}", t.attrs);
    }
}

#[test]
fn tei_monogr_names_come_before_the_title() {
    let doc = fixture::document();
    let tei = tree::parse(&emit(&doc, Format::Tei));
    let bs = bibl_structs(&tei);
    // w1, a book with an author, an ISBN and search links: author, title,
    // then identifiers and pointers.
    let names: Vec<&str> = bs[0]
        .child("monogr")
        .unwrap()
        .children
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["author", "title", "idno", "ptr", "ptr", "imprint"]);
    // w3, a chapter: the book's editor before the book's title.
    let names: Vec<&str> = bs[2]
        .child("monogr")
        .unwrap()
        .children
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["editor", "title", "imprint"]);
    for b in &bs {
        check_no_empty_titles(b);
    }
}

#[test]
fn tei_archival_item_has_no_empty_imprint_or_title() {
    // A letter known only by its file reference (notes.txt, note 11).
    let item = Item {
        item_type: ibid_model::ItemType::Manuscript,
        archive: Some("The National Archives, Kew".into()),
        archive_location: Some("FO 371/18851".into()),
        ..Item::default()
    };
    let mut out = Vec::new();
    write_bibl_struct(&item, Some("w4"), None, &mut out).unwrap();
    let xml = String::from_utf8(out).unwrap();
    assert!(!xml.contains("<imprint/>"), "{xml}");
    assert!(!xml.contains("<title level=\"m\"/>"), "{xml}");
    let b = tree::parse(&xml);
    check_grobid_shape(&b);
    check_no_empty_titles(&b);
    let monogr = b.child("monogr").unwrap();
    assert_eq!(
        monogr.child("idno").unwrap().attr("type"),
        Some("archive_location")
    );
    assert_eq!(monogr.path(&["imprint", "date"]).unwrap().text, "");
}

#[test]
fn tei_document_has_grobid_bibl_structs_and_notes() {
    let doc = fixture::document();
    let xml = emit(&doc, Format::Tei);
    let tei = tree::parse(&xml);
    assert_eq!(tei.name, "TEI");
    assert_eq!(tei.attr("xmlns"), Some("http://www.tei-c.org/ns/1.0"));
    let bs = bibl_structs(&tei);
    assert_eq!(bs.len(), 8);
    for b in &bs {
        check_grobid_shape(b);
    }
    // w1: a book: monogr only, level m, imprint with publisher, place, date.
    let w1 = bs[0];
    assert_eq!(w1.attr("xml:id"), Some("w1"));
    assert!(w1.child("analytic").is_none());
    let imprint = w1.path(&["monogr", "imprint"]).unwrap();
    assert_eq!(imprint.child("publisher").unwrap().text, "Hamish Hamilton");
    assert_eq!(imprint.child("pubPlace").unwrap().text, "London");
    let date = imprint.child("date").unwrap();
    assert_eq!(date.attr("type"), Some("published"));
    assert_eq!(date.attr("when"), Some("1961"));
    let author = w1.path(&["monogr", "author", "persName"]).unwrap();
    assert_eq!(author.child("surname").unwrap().text, "Taylor");
    let forenames = author.all("forename");
    assert_eq!(forenames[0].attr("type"), Some("first"));
    assert_eq!(forenames[0].text, "A.");
    assert_eq!(forenames[1].attr("type"), Some("middle"));
    // w2: an article: analytic with title and authors, monogr level j,
    // volume/issue/page scopes, DOI.
    let w2 = bs[1];
    let analytic = w2.child("analytic").unwrap();
    assert!(analytic
        .child("title")
        .unwrap()
        .text
        .contains("Costs & Benefits"));
    assert_eq!(analytic.all("author").len(), 2);
    assert_eq!(analytic.child("idno").unwrap().attr("type"), Some("DOI"));
    let monogr = w2.child("monogr").unwrap();
    assert_eq!(monogr.child("title").unwrap().attr("level"), Some("j"));
    let scopes = monogr.child("imprint").unwrap().all("biblScope");
    let units: Vec<_> = scopes.iter().map(|s| s.attr("unit").unwrap()).collect();
    assert_eq!(units, ["volume", "issue", "page"]);
    assert_eq!(scopes[2].attr("from"), Some("345"));
    assert_eq!(scopes[2].attr("to"), Some("367"));
    // The raw reference of a work is its fullest citation without the
    // citing note's pinpoint (note 1's ", 45").
    let raw = |b: &Node| {
        b.all("note")
            .into_iter()
            .find(|n| n.attr("type") == Some("raw_reference"))
            .map(|n| n.text.clone())
    };
    assert_eq!(
        raw(w1).as_deref(),
        Some(
            "A. J. P. Taylor, The Origins of the Second World War (London: Hamish Hamilton, 1961)"
        )
    );
    // w4: the letter keeps its archive.
    let w4 = bs[3];
    let notes: Vec<_> = w4.all("note").iter().map(|n| n.all_text()).collect();
    assert!(
        notes.contains(&"The National Archives, Kew".to_string()),
        "{notes:?}"
    );
    // w6: the case's court, with the case (analytic), not the report.
    let court = bs[5].path(&["analytic", "respStmt"]).unwrap();
    assert_eq!(court.child("resp").unwrap().text, "authority");
    assert_eq!(court.child("orgName").unwrap().text, "HL");
    // w8: the URL as a pointer.
    let mut ptrs = Vec::new();
    bs[7].descendants("ptr", &mut ptrs);
    assert!(ptrs.iter().any(|p| p.attr("target")
        == Some("https://avalon.law.yale.edu/subject_menus/versailles_menu.asp")));
    // Notes: <note n place=foot> with <bibl corresp> and <ref target>.
    let div = tei.path(&["text", "body", "div"]).unwrap();
    let notes = div.all("note");
    assert_eq!(notes.len(), 12);
    assert_eq!(notes[0].attr("n"), Some("1"));
    assert_eq!(notes[0].attr("place"), Some("foot"));
    assert_eq!(notes[0].child("bibl").unwrap().attr("corresp"), Some("#w1"));
    let r = notes[1].child("ref").unwrap();
    assert_eq!(r.attr("target"), Some("#w1"));
    assert_eq!(r.attr("type"), Some("ibid"));
    // The note's own prose stays around its citations.
    assert_eq!(notes[2].text.trim_start(), "See ; and .");
    assert_eq!(notes[2].all("bibl").len(), 2);
    assert!(notes[5].all_text().contains("The argument is contested."));
}

#[test]
fn tei_single_bibl_struct_stands_alone() {
    let items = fixture::items();
    for item in &items {
        let mut out = Vec::new();
        write_bibl_struct(item, Some("b0"), Some("raw & <text>"), &mut out).unwrap();
        let xml = String::from_utf8(out).unwrap();
        let b = tree::parse(&xml);
        assert_eq!(b.name, "biblStruct");
        assert_eq!(b.attr("xmlns"), Some("http://www.tei-c.org/ns/1.0"));
        check_grobid_shape(&b);
        let raw = b
            .all("note")
            .into_iter()
            .find(|n| n.attr("type") == Some("raw_reference"))
            .unwrap();
        assert_eq!(raw.text, "raw & <text>");
    }
    let mut out = Vec::new();
    write_bibl_struct(&Item::default(), None, None, &mut out).unwrap();
    check_grobid_shape(&tree::parse(&String::from_utf8(out).unwrap()));
}

#[test]
fn jats_document_structure() {
    let doc = fixture::document();
    let xml = emit(&doc, Format::Jats);
    let article = tree::parse(&xml);
    assert_eq!(article.name, "article");
    let back = article.child("back").unwrap();
    let fns = back.child("fn-group").unwrap().all("fn");
    assert_eq!(fns.len(), 12);
    assert_eq!(fns[0].child("label").unwrap().text, "1");
    let x = fns[0].path(&["p", "xref"]).unwrap();
    assert_eq!(x.attr("ref-type"), Some("bibr"));
    assert_eq!(x.attr("rid"), Some("w1"));
    // Note 2 (ibid) points at its own enhanced reference.
    let x2 = fns[1].path(&["p", "xref"]).unwrap();
    assert_eq!(x2.attr("rid"), Some("n2-c1"));
    let lists = back.all("ref-list");
    assert_eq!(lists.len(), 2);
    let refs = lists[0].all("ref");
    assert_eq!(refs.len(), 8);
    let r1 = refs[0];
    assert_eq!(r1.attr("id"), Some("w1"));
    assert!(r1
        .child("mixed-citation")
        .unwrap()
        .text
        .starts_with("A. J. P. Taylor"));
    // The work's text, without note 1's pinpoint ", 45".
    assert_eq!(
        r1.child("mixed-citation").unwrap().text,
        "A. J. P. Taylor, The Origins of the Second World War (London: Hamish Hamilton, 1961)"
    );
    let ec = r1.child("element-citation").unwrap();
    assert_eq!(ec.attr("publication-type"), Some("book"));
    let name = ec.path(&["person-group", "name"]).unwrap();
    assert_eq!(name.child("surname").unwrap().text, "Taylor");
    assert_eq!(name.child("given-names").unwrap().text, "A. J. P.");
    assert_eq!(
        ec.child("source").unwrap().text,
        "The Origins of the Second World War"
    );
    assert_eq!(ec.child("year").unwrap().text, "1961");
    assert_eq!(ec.child("publisher-loc").unwrap().text, "London");
    assert_eq!(ec.child("publisher-name").unwrap().text, "Hamish Hamilton");
    let ec2 = refs[1].child("element-citation").unwrap();
    assert_eq!(ec2.attr("publication-type"), Some("journal"));
    assert!(ec2.child("article-title").is_some());
    assert_eq!(ec2.child("fpage").unwrap().text, "345");
    assert_eq!(ec2.child("lpage").unwrap().text, "367");
    assert_eq!(
        ec2.child("pub-id").unwrap().attr("pub-id-type"),
        Some("doi")
    );
    let ec3 = refs[2].child("element-citation").unwrap();
    assert!(ec3.child("chapter-title").is_some());
    assert_eq!(
        ec3.child("source").unwrap().text,
        "Handbuch der deutschen Geschichte"
    );
    let ec6 = refs[5].child("element-citation").unwrap();
    assert_eq!(ec6.attr("publication-type"), Some("legal-case"));
    let court = ec6.child("institution").unwrap();
    assert_eq!(court.attr("content-type"), Some("authority"));
    assert_eq!(court.text, "HL");
    let ec8 = refs[7].child("element-citation").unwrap();
    assert!(ec8.all("ext-link").iter().any(|l| l.attr("xlink:href")
        == Some("https://avalon.law.yale.edu/subject_menus/versailles_menu.asp")));
    // Back-references carry the work's data and their own pinpoint.
    let abbrev = lists[1];
    assert_eq!(abbrev.attr("content-type"), Some("abbreviated-citations"));
    let b = abbrev.all("ref");
    let ibid = b.iter().find(|r| r.attr("id") == Some("n2-c1")).unwrap();
    assert_eq!(ibid.attr("content-type"), Some("ibid"));
    assert_eq!(ibid.attr("specific-use"), Some("w1"));
    let e = ibid.child("element-citation").unwrap();
    assert_eq!(
        e.child("source").unwrap().text,
        "The Origins of the Second World War"
    );
    // The pinpoint is a locator comment: a book has no pages of its own.
    assert!(e.child("fpage").is_none());
    let locator = |e: &Node| {
        e.all("comment")
            .into_iter()
            .find(|c| c.attr("content-type") == Some("locator"))
            .map(|c| c.text.clone())
    };
    assert_eq!(locator(e).as_deref(), Some("67"));
    let short = b.iter().find(|r| r.attr("id") == Some("n6-c1")).unwrap();
    let e = short.child("element-citation").unwrap();
    assert!(e.child("fpage").is_none());
    assert_eq!(locator(e).as_deref(), Some("p. 102"));
    // An ibid of a chapter keeps the chapter's pages, with its pinpoint apart.
    let chapter = b.iter().find(|r| r.attr("id") == Some("n4-c1")).unwrap();
    let e = chapter.child("element-citation").unwrap();
    assert_eq!(e.child("fpage").unwrap().text, "1");
    assert_eq!(e.child("lpage").unwrap().text, "45");
    assert_eq!(locator(e).as_deref(), Some("14"));
    // Every xref resolves to a ref.
    let mut ids = Vec::new();
    back.descendants("ref", &mut ids);
    let ids: Vec<&str> = ids.iter().filter_map(|r| r.attr("id")).collect();
    let mut xrefs = Vec::new();
    back.descendants("xref", &mut xrefs);
    for x in xrefs {
        assert!(ids.contains(&x.attr("rid").unwrap()), "{:?}", x.attr("rid"));
    }
}

#[test]
fn refs_writer_xml_is_well_formed() {
    for format in [Format::Tei, Format::Jats, Format::ChicagoHtml] {
        for n in [0, 3] {
            let mut w = ItemWriter::new(format, EmitOptions::default()).unwrap();
            let mut out = Vec::new();
            w.begin(&mut out).unwrap();
            for (i, item) in fixture::items().iter().take(n).enumerate() {
                w.write(i, "a <raw> & line", item, &mut out).unwrap();
            }
            w.finish(&mut out).unwrap();
            let xml = String::from_utf8(out).unwrap();
            let xml = xml.trim_start_matches("<!DOCTYPE html>\n");
            let root = tree::parse(xml);
            let mut found = Vec::new();
            let tag = match format {
                Format::Tei => "biblStruct",
                Format::Jats => "ref",
                _ => "div",
            };
            root.descendants(tag, &mut found);
            let found = found
                .iter()
                .filter(|d| tag != "div" || d.attr("class") == Some("csl-entry"))
                .count();
            assert_eq!(found, n, "{format}\n{xml}");
        }
    }
}

#[test]
fn empty_document_xml() {
    for format in [Format::Tei, Format::Jats] {
        let xml = emit(&Document::default(), format);
        tree::parse(&xml);
    }
}

#[test]
fn chicago_html_is_well_formed_xhtml() {
    let html = emit(&fixture::document(), Format::ChicagoHtml);
    let root = tree::parse(html.trim_start_matches("<!DOCTYPE html>\n"));
    assert_eq!(root.name, "html");
    let mut lis = Vec::new();
    root.descendants("li", &mut lis);
    assert_eq!(lis.len(), 12);
    assert!(lis[2].all_text().contains("Costs & Benefits"));
}
