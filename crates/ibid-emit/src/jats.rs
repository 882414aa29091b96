//! JATS: a `<back>` with the notes as an `<fn-group>` and the works as a
//! `<ref-list>`; back-references (ibid, short forms) get references of their
//! own that carry the resolved work's data and their own pinpoint.

use crate::common::{display_name, field, first_date, note_segments, work_by_id, Segment};
use crate::pages::read_pages;
use crate::xml::{escape, Xml};
use crate::EmitError;
use ibid_model::{CitationKind, Document, Item, ItemType, Links, Name};
use std::io::Write;

/// JATS `publication-type` of an item.
pub(crate) fn publication_type(item: &Item) -> &'static str {
    match item.item_type {
        ItemType::Book | ItemType::Chapter => "book",
        ItemType::ArticleJournal => "journal",
        ItemType::ArticleMagazine => "magazine",
        ItemType::ArticleNewspaper => "newspaper",
        ItemType::Thesis => "thesis",
        ItemType::Report => "report",
        ItemType::Webpage => "webpage",
        ItemType::PaperConference => "confproc",
        ItemType::EntryEncyclopedia | ItemType::EntryDictionary => "encyclopedia",
        ItemType::LegalCase => "legal-case",
        ItemType::Legislation => "legislation",
        ItemType::Dataset => "data",
        ItemType::Map => "map",
        ItemType::Manuscript | ItemType::PersonalCommunication | ItemType::Interview
            if item.archive.is_some() || item.archive_location.is_some() =>
        {
            "archival"
        }
        ItemType::Manuscript => "manuscript",
        ItemType::PersonalCommunication | ItemType::Interview => "communication",
        ItemType::Graphic | ItemType::Speech | ItemType::Document => "other",
    }
}

/// The names of one role of the item (`role` is the CSL variable, which is
/// also the `person-group-type`); an honorific ("Lord" of "Lord Bingham") is
/// the name's `<prefix>`.
fn person_group(x: &mut Xml, item: &Item, role: &str, names: &[Name]) -> std::io::Result<()> {
    let names: Vec<(usize, &Name)> = names
        .iter()
        .enumerate()
        .filter(|(_, n)| crate::common::family_with_particle(n).is_some())
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    x.open("person-group", &[("person-group-type", role)])?;
    for (i, n) in names {
        if n.family.is_none() {
            x.leaf("collab", &[], &display_name(n))?;
            continue;
        }
        x.open("name", &[])?;
        if let Some(f) = crate::common::family_with_particle(n) {
            x.leaf("surname", &[], &f)?;
        }
        if let Some(g) = crate::common::given_with_particle(n) {
            x.leaf("given-names", &[], &g)?;
        }
        if let Some(h) = crate::common::honorific(item, role, i) {
            x.leaf("prefix", &[], &h)?;
        }
        x.leaf_field("suffix", &[], &n.suffix)?;
        x.close("name")?;
    }
    x.close("person-group")
}

/// An `<element-citation>`; `locator` is a back-reference's pinpoint, which
/// goes into a `<comment content-type="locator">`: `<fpage>`/`<lpage>`
/// always describe the work itself (an article's or chapter's pages).
pub(crate) fn element_citation(
    x: &mut Xml,
    item: &Item,
    links: &Links,
    locator: Option<&str>,
) -> std::io::Result<()> {
    let item = &*crate::common::join_volume_title(item);
    x.open(
        "element-citation",
        &[("publication-type", publication_type(item))],
    )?;
    person_group(x, item, "author", &item.author)?;
    person_group(x, item, "editor", &item.editor)?;
    person_group(x, item, "translator", &item.translator)?;
    let title = field(&item.title);
    let container = field(&item.container_title);
    match item.item_type {
        ItemType::Chapter
        | ItemType::EntryEncyclopedia
        | ItemType::EntryDictionary
        | ItemType::PaperConference => {
            if let Some(t) = title {
                x.leaf("chapter-title", &[], &t)?;
            }
            if let Some(c) = container {
                x.leaf("source", &[], &c)?;
            }
        }
        ItemType::Book | ItemType::Thesis | ItemType::Report => {
            if let Some(t) = title {
                x.leaf("source", &[], &t)?;
            }
        }
        _ => match (title, container) {
            (Some(t), Some(c)) => {
                x.leaf("article-title", &[], &t)?;
                x.leaf("source", &[], &c)?;
            }
            (Some(t), None) => x.leaf("source", &[], &t)?,
            (None, Some(c)) => x.leaf("source", &[], &c)?,
            (None, None) => {}
        },
    }
    x.leaf_field("series", &[], &item.collection_title)?;
    x.leaf_field("comment", &[("content-type", "genre")], &item.genre)?;
    x.leaf_field("edition", &[], &item.edition)?;
    x.leaf_field("publisher-loc", &[], &crate::common::place(item))?;
    x.leaf_field("publisher-name", &[], &item.publisher)?;
    // The body that issued the work (CSL `authority`: a case's court). JATS
    // has no court element; `<publisher-name>` would call the court a
    // publisher, and `<comment>` is free text. `<institution>` (an
    // organization, allowed in `<element-citation>`), typed as the archive
    // is below, keeps it a name.
    x.leaf_field(
        "institution",
        &[("content-type", "authority")],
        &item.authority,
    )?;
    if let Some(d) = item.issued.as_ref() {
        match first_date(d) {
            Some((y, m, day)) => {
                if let Some(day) = day {
                    x.leaf("day", &[], &format!("{day:02}"))?;
                }
                if let Some(m) = m {
                    x.leaf("month", &[], &format!("{m:02}"))?;
                }
                x.leaf("year", &[], &y.to_string())?;
            }
            None => {
                if let Some(t) = crate::common::date_text(item) {
                    x.leaf("string-date", &[], &t)?;
                }
            }
        }
    }
    x.leaf_field("volume", &[], &item.volume)?;
    if let Some(v) = field(&item.issue).or_else(|| field(&item.number)) {
        x.leaf("issue", &[], &v)?;
    }
    if let Some(p) = field(&item.page) {
        // `<fpage>`/`<lpage>` are single pages (an abbreviated last page in
        // full: "737–38" is 737 to 738); a value that is more than a range
        // ("237-264, ici p. 240", "passim") is kept whole in `<page-range>`,
        // JATS's text description of the pages.
        let range = read_pages(&p);
        if let Some(r) = &range {
            x.leaf("fpage", &[], &r.first)?;
            if let Some(l) = &r.last {
                x.leaf("lpage", &[], l)?;
            }
        }
        if !range.is_some_and(|r| r.is_whole()) {
            x.leaf("page-range", &[], &p)?;
        }
    }
    if let Some(loc) = locator.map(crate::common::squash).filter(|l| !l.is_empty()) {
        x.leaf("comment", &[("content-type", "locator")], &loc)?;
    }
    let archive: Vec<String> = [&item.archive, &item.archive_place]
        .into_iter()
        .filter_map(field)
        .collect();
    if !archive.is_empty() {
        x.leaf(
            "institution",
            &[("content-type", "archive")],
            &archive.join(", "),
        )?;
    }
    x.leaf_field(
        "comment",
        &[("content-type", "archive-location")],
        &item.archive_location,
    )?;
    x.leaf_field("comment", &[], &item.note)?;
    x.leaf_field("isbn", &[], &item.isbn)?;
    if let Some(doi) = item.doi.as_deref() {
        let d = ibid_link::normalize_doi(doi).unwrap_or_else(|| doi.trim().to_string());
        x.leaf("pub-id", &[("pub-id-type", "doi")], &d)?;
    }
    if let Some(u) = field(&item.url) {
        x.leaf(
            "ext-link",
            &[("ext-link-type", "uri"), ("xlink:href", &u)],
            &u,
        )?;
    }
    // the date a web page was read ("accessed 3 May 2024")
    if let Some(d) = crate::common::accessed(item) {
        let iso = crate::common::iso_date(d);
        x.leaf(
            "date-in-citation",
            &[("content-type", "access-date"), ("iso-8601-date", &iso)],
            &iso,
        )?;
    }
    for (kind, l) in [
        ("doi", &links.doi),
        ("google-scholar", &links.google_scholar),
        ("worldcat", &links.worldcat),
    ] {
        if let Some(l) = l {
            x.leaf(
                "ext-link",
                &[
                    ("ext-link-type", "uri"),
                    ("specific-use", kind),
                    ("xlink:href", l),
                ],
                l,
            )?;
        }
    }
    x.close("element-citation")
}

/// One `<ref>` with its mixed and element citation.
pub(crate) fn write_ref(
    x: &mut Xml,
    id: &str,
    mixed: &str,
    item: &Item,
    links: &Links,
) -> std::io::Result<()> {
    x.open("ref", &[("id", id)])?;
    x.leaf("mixed-citation", &[], &crate::common::squash(mixed))?;
    element_citation(x, item, links, None)?;
    x.close("ref")
}

pub(crate) const HEADER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN\" \"JATS-archivearticle1-3.dtd\">\n<article xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:mml=\"http://www.w3.org/1998/Math/MathML\" dtd-version=\"1.3\" article-type=\"research-article\">\n  <front>\n    <article-meta>\n      <title-group>\n        <article-title>Citations extracted by ibid</article-title>\n      </title-group>\n    </article-meta>\n  </front>\n  <back>\n";
pub(crate) const FOOTER: &str = "  </back>\n</article>\n";

fn note_id(pos: usize) -> String {
    format!("fn{}", pos + 1)
}

fn cite_id(pos: usize, ci: usize) -> String {
    format!("n{}-c{}", pos + 1, ci + 1)
}

fn is_back_reference(c: &ibid_model::Citation) -> bool {
    c.work.is_some() && c.kind != CitationKind::Full
}

/// The whole document.
pub(crate) fn write_document(doc: &Document, out: &mut dyn Write) -> Result<(), EmitError> {
    out.write_all(HEADER.as_bytes())?;
    let mut x = Xml::new(out, 2);
    // Notes.
    let numbered: Vec<(usize, &ibid_model::Note)> = doc
        .notes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.number.is_some() || !n.citations.is_empty())
        .collect();
    if !numbered.is_empty() {
        x.open("fn-group", &[])?;
        for (pos, note) in &numbered {
            x.open("fn", &[("id", &note_id(*pos))])?;
            if let Some(n) = note.number {
                x.leaf("label", &[], &n.to_string())?;
            }
            let mut s = String::new();
            for seg in note_segments(note) {
                match seg {
                    Segment::Text(t) => s.push_str(&escape(t)),
                    Segment::Cite(c) => {
                        let ci = note
                            .citations
                            .iter()
                            .position(|o| std::ptr::eq(o, c))
                            .unwrap_or(0);
                        let rid = if is_back_reference(c) {
                            Some(cite_id(*pos, ci))
                        } else {
                            c.work.clone()
                        };
                        match rid {
                            Some(rid) => s.push_str(&format!(
                                "<xref ref-type=\"bibr\" rid=\"{}\">{}</xref>",
                                escape(&rid),
                                escape(&c.text)
                            )),
                            None => s.push_str(&format!(
                                "<mixed-citation>{}</mixed-citation>",
                                escape(&c.text)
                            )),
                        }
                    }
                }
            }
            x.raw_line(&format!("<p>{s}</p>"))?;
            x.close("fn")?;
        }
        x.close("fn-group")?;
    }
    // Works.
    let texts = crate::work_text::fullest_citation_texts(doc);
    x.open("ref-list", &[])?;
    for (i, w) in doc.works.iter().enumerate() {
        let id = crate::common::work_id(w, i);
        let links = crate::common::work_links(w);
        let mixed = texts
            .get(id.as_str())
            .cloned()
            .unwrap_or_else(|| crate::common::compact(&w.item));
        write_ref(&mut x, &id, &mixed, &w.item, &links)?;
    }
    x.close("ref-list")?;
    // Back-references, each enhanced with its work's data.
    let backs: Vec<(usize, usize, &ibid_model::Citation)> = numbered
        .iter()
        .flat_map(|(pos, n)| {
            n.citations
                .iter()
                .enumerate()
                .filter(|(_, c)| is_back_reference(c))
                .map(move |(ci, c)| (*pos, ci, c))
        })
        .collect();
    if !backs.is_empty() {
        x.open("ref-list", &[("content-type", "abbreviated-citations")])?;
        for (pos, ci, c) in backs {
            let work_id = c.work.as_deref().unwrap_or_default();
            let work = work_by_id(doc, work_id);
            let item = work.map(|w| &w.item).unwrap_or(&c.item);
            let links = Links::default();
            x.open(
                "ref",
                &[
                    ("id", &cite_id(pos, ci)),
                    ("content-type", c.kind.as_str()),
                    ("specific-use", work_id),
                ],
            )?;
            x.leaf("mixed-citation", &[], &crate::common::squash(&c.text))?;
            element_citation(&mut x, item, &links, c.locator.as_deref())?;
            x.close("ref")?;
        }
        x.close("ref-list")?;
    }
    out_footer(x.out)?;
    Ok(())
}

fn out_footer(out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(FOOTER.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn court_is_an_institution() {
        let case = crate::test_items::donoghue();
        let mut buf = Vec::new();
        {
            let mut x = Xml::new(&mut buf, 0);
            element_citation(&mut x, &case, &Links::default(), None).unwrap();
        }
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            concat!(
                "<element-citation publication-type=\"legal-case\">\n",
                "  <article-title>Donoghue v Stevenson</article-title>\n",
                "  <source>AC</source>\n",
                "  <institution content-type=\"authority\">HL</institution>\n",
                "  <year>1932</year>\n",
                "  <volume>1932</volume>\n",
                "  <fpage>562</fpage>\n",
                "</element-citation>\n",
            )
        );
    }

    #[test]
    fn an_access_date_is_a_date_in_citation() {
        let page = crate::test_items::web_page_accessed();
        let mut buf = Vec::new();
        {
            let mut x = Xml::new(&mut buf, 0);
            element_citation(&mut x, &page, &Links::default(), None).unwrap();
        }
        let j = String::from_utf8(buf).unwrap();
        assert!(
            j.contains(concat!(
                "<date-in-citation content-type=\"access-date\" ",
                "iso-8601-date=\"2024-05-03\">2024-05-03</date-in-citation>"
            )),
            "{j}"
        );
    }

    #[test]
    fn honorific_is_a_prefix() {
        let mut buf = Vec::new();
        {
            let mut x = Xml::new(&mut buf, 0);
            let item = crate::test_items::lord_bingham();
            element_citation(&mut x, &item, &Links::default(), None).unwrap();
        }
        let j = String::from_utf8(buf).unwrap();
        assert!(
            j.contains(concat!(
                "    <name>\n",
                "      <surname>Bingham</surname>\n",
                "      <prefix>Lord</prefix>\n",
                "    </name>\n",
                "    <name>\n",
                "      <surname>Smith</surname>\n",
                "      <given-names>Ann</given-names>\n",
                "    </name>\n",
            )),
            "{j}"
        );
    }
}
