//! TEI: works as `<biblStruct>` in GROBID's shape, notes as `<note>` with
//! `<bibl>`/`<ref>` pointing at them.

use crate::common::{display_name, field, first_date, iso_date, note_segments, Segment};
use crate::pages::read_pages;
use crate::xml::{escape, Xml};
use crate::EmitError;
use ibid_model::{CitationKind, Document, Item, ItemType, Links, Name};
use std::io::Write;

/// Whether the item is a part of a host (article, chapter): then its own
/// title goes into `<analytic>` and the host's into `<monogr>`.
fn has_analytic(item: &Item) -> bool {
    match item.item_type {
        ItemType::ArticleJournal
        | ItemType::ArticleMagazine
        | ItemType::ArticleNewspaper
        | ItemType::Chapter
        | ItemType::PaperConference
        | ItemType::EntryEncyclopedia
        | ItemType::EntryDictionary => true,
        ItemType::Book | ItemType::Thesis | ItemType::Report => false,
        _ => item.container_title.is_some(),
    }
}

fn host_level(item: &Item) -> &'static str {
    match item.item_type {
        ItemType::ArticleJournal | ItemType::ArticleMagazine | ItemType::ArticleNewspaper => "j",
        _ => "m",
    }
}

/// A `<persName>` (an `<orgName>` for a name with no family part); an
/// honorific ("Lord" of "Lord Bingham") is its `<roleName>`.
fn pers_name(x: &mut Xml, n: &Name, honorific: Option<&str>) -> std::io::Result<()> {
    if n.family.is_none() {
        let lit = display_name(n);
        if !lit.is_empty() {
            x.leaf("orgName", &[], &lit)?;
        }
        return Ok(());
    }
    x.open("persName", &[])?;
    if let Some(h) = honorific {
        x.leaf("roleName", &[("type", "honorific")], h)?;
    }
    if let Some(g) = field(&n.given) {
        let mut parts = g.split_whitespace();
        if let Some(first) = parts.next() {
            x.leaf("forename", &[("type", "first")], first)?;
        }
        let middle: Vec<&str> = parts.collect();
        if !middle.is_empty() {
            x.leaf("forename", &[("type", "middle")], &middle.join(" "))?;
        }
    }
    if let Some(f) = crate::common::family_with_particle(n) {
        let f = match &n.dropping_particle {
            Some(p) => format!("{} {f}", crate::common::squash(p)),
            None => f,
        };
        x.leaf("surname", &[], &f)?;
    }
    x.leaf_field("genName", &[], &n.suffix)?;
    x.close("persName")
}

/// The names of one role of the item (`role` is the CSL variable: "author",
/// "editor", "translator"), each in a `tag` element.
fn persons(
    x: &mut Xml,
    tag: &str,
    attrs: &[(&str, &str)],
    item: &Item,
    role: &str,
    names: &[Name],
) -> std::io::Result<()> {
    for (i, n) in names.iter().enumerate() {
        if crate::common::family_with_particle(n).is_none() {
            continue;
        }
        x.open(tag, attrs)?;
        pers_name(x, n, crate::common::honorific(item, role, i).as_deref())?;
        x.close(tag)?;
    }
    Ok(())
}

fn idnos_and_links(x: &mut Xml, item: &Item, links: &Links) -> std::io::Result<()> {
    if let Some(doi) = item.doi.as_deref() {
        let d = ibid_link::normalize_doi(doi).unwrap_or_else(|| doi.trim().to_string());
        x.leaf("idno", &[("type", "DOI")], &d)?;
    }
    if let Some(u) = field(&item.url) {
        x.empty("ptr", &[("target", &u)])?;
    }
    for (ty, l) in [
        ("doi", &links.doi),
        ("google_scholar", &links.google_scholar),
        ("worldcat", &links.worldcat),
    ] {
        if let Some(l) = l {
            x.empty("ptr", &[("type", ty), ("target", l)])?;
        }
    }
    Ok(())
}

/// The body that issued the work (CSL `authority`: a case's court) as a
/// statement of responsibility, `<respStmt><resp>authority</resp><orgName>HL
/// </orgName></respStmt>`. TEI has no court element, and its `<authority>`
/// belongs to `<publicationStmt>`, not to `<imprint>`; `<respStmt>` is
/// allowed in `<analytic>` and in `<monogr>`, so the court stands with the
/// case's own title (the analytic level when the report is the monograph).
/// `<resp>` names the CSL variable, as it does for recipients.
fn authority(x: &mut Xml, item: &Item) -> std::io::Result<()> {
    if let Some(a) = field(&item.authority) {
        x.open("respStmt", &[])?;
        x.leaf("resp", &[], "authority")?;
        x.leaf("orgName", &[], &a)?;
        x.close("respStmt")?;
    }
    Ok(())
}

/// An element of `<imprint>`: name, attributes, text (none for an empty element).
type ImprintPart = (String, Vec<(&'static str, String)>, Option<String>);

fn imprint(x: &mut Xml, item: &Item) -> std::io::Result<()> {
    let mut body: Vec<ImprintPart> = Vec::new();
    if let Some(p) = field(&item.publisher) {
        body.push(("publisher".into(), vec![], Some(p)));
    }
    if let Some(p) = crate::common::place(item) {
        body.push(("pubPlace".into(), vec![], Some(p)));
    }
    if let Some(v) = field(&item.volume) {
        body.push(("biblScope".into(), vec![("unit", "volume".into())], Some(v)));
    }
    if let Some(v) = field(&item.issue).or_else(|| field(&item.number)) {
        body.push(("biblScope".into(), vec![("unit", "issue".into())], Some(v)));
    }
    if let Some(p) = field(&item.page) {
        // `from`/`to` hold single pages (an abbreviated last page in full:
        // "737–38" is from 737 to 738); a value that is more than a range
        // ("237-264, ici p. 240") is also kept as the element's text.
        let mut attrs = vec![("unit", "page".to_string())];
        let range = read_pages(&p);
        if let Some(r) = &range {
            attrs.push(("from", r.first.clone()));
            if let Some(l) = &r.last {
                attrs.push(("to", l.clone()));
            }
        }
        let text = (!range.is_some_and(|r| r.is_whole())).then_some(p);
        body.push(("biblScope".into(), attrs, text));
    }
    if let Some(d) = item.issued.as_ref() {
        match first_date(d) {
            Some(p) => {
                let mut attrs = vec![("type", "published".to_string()), ("when", iso_date(p))];
                if let Some(q) = d.date_parts.get(1).and_then(|p2| {
                    first_date(&ibid_model::Date {
                        date_parts: vec![p2.clone()],
                        ..Default::default()
                    })
                }) {
                    attrs[1] = ("from", iso_date(p));
                    attrs.push(("to", iso_date(q)));
                }
                body.push(("date".into(), attrs, None));
            }
            None => {
                if let Some(t) = crate::common::date_text(item) {
                    body.push(("date".into(), vec![("type", "published".into())], Some(t)));
                }
            }
        }
    }
    // the date a web page was read ("accessed 3 May 2024")
    if let Some(d) = crate::common::accessed(item) {
        body.push((
            "date".into(),
            vec![("type", "access".into()), ("when", iso_date(d))],
            None,
        ));
    }
    if body.is_empty() {
        // TEI's `<imprint>` must hold at least one of `biblScope`, `date`,
        // `pubPlace`, `publisher`, `distributor`…, and `<monogr>` must hold
        // an `<imprint>`: an empty `<date/>` says that the date is unknown
        // (an archival document's archive stays in its `<note
        // type="archive">`, which is not a publisher or distributor).
        body.push(("date".into(), vec![], None));
    }
    x.open("imprint", &[])?;
    for (tag, attrs, text) in &body {
        let a: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        match text {
            Some(t) => x.leaf(tag, &a, t)?,
            None => x.empty(tag, &a)?,
        }
    }
    x.close("imprint")
}

/// The responsibility statements of `<monogr>`: authors (of a work that is
/// no part of a host), editors, translators, recipients, interviewers, a
/// court.
fn monogr_people(x: &mut Xml, item: &Item, analytic: bool) -> std::io::Result<()> {
    if !analytic {
        persons(x, "author", &[], item, "author", &item.author)?;
    }
    persons(x, "editor", &[], item, "editor", &item.editor)?;
    persons(
        x,
        "editor",
        &[("role", "translator")],
        item,
        "translator",
        &item.translator,
    )?;
    for (resp, names) in [
        ("recipient", &item.recipient),
        ("interviewer", &item.interviewer),
    ] {
        for n in names {
            let s = display_name(n);
            if !s.is_empty() {
                x.open("respStmt", &[])?;
                x.leaf("resp", &[], resp)?;
                x.leaf("name", &[], &s)?;
                x.close("respStmt")?;
            }
        }
    }
    if !analytic {
        authority(x, item)?;
    }
    Ok(())
}

/// The identifiers and pointers of `<monogr>`.
fn monogr_ids(x: &mut Xml, item: &Item, analytic: bool, links: &Links) -> std::io::Result<()> {
    x.leaf_field("idno", &[("type", "ISBN")], &item.isbn)?;
    x.leaf_field(
        "idno",
        &[("type", "archive_location")],
        &item.archive_location,
    )?;
    if !analytic {
        idnos_and_links(x, item, links)?;
    }
    Ok(())
}

/// Everything of `<monogr>` before `<edition>` and `<imprint>`, in an order
/// TEI's content model of `monogr` allows: either
/// `(author|editor|respStmt…)+, title+, (ptr|idno…)*` — the names first,
/// used whenever there is a title — or `(title|ptr|idno)+,
/// (author|editor|respStmt…)*`, used when there is no title, so that no
/// empty `<title>` is needed. Only names with neither a title nor an
/// identifier to follow need an (empty) title.
fn monogr_head(x: &mut Xml, item: &Item, analytic: bool, links: &Links) -> std::io::Result<()> {
    let host = if analytic {
        field(&item.container_title)
    } else {
        field(&item.title)
    };
    let level = if analytic { host_level(item) } else { "m" };
    let mut people = Vec::new();
    monogr_people(&mut Xml::new(&mut people, x.depth), item, analytic)?;
    let mut ids = Vec::new();
    monogr_ids(&mut Xml::new(&mut ids, x.depth), item, analytic, links)?;
    match host {
        Some(t) => {
            x.out.write_all(&people)?;
            if analytic {
                x.leaf("title", &[("level", level)], &t)?;
            } else {
                x.leaf("title", &[("level", level), ("type", "main")], &t)?;
            }
            x.out.write_all(&ids)
        }
        None if !ids.is_empty() || people.is_empty() => {
            x.out.write_all(&ids)?;
            x.out.write_all(&people)
        }
        None => {
            x.out.write_all(&people)?;
            x.empty("title", &[("level", level)])
        }
    }
}

/// Write one `<biblStruct>` with the given links.
pub(crate) fn bibl_struct(
    x: &mut Xml,
    item: &Item,
    id: Option<&str>,
    raw: Option<&str>,
    links: &Links,
) -> std::io::Result<()> {
    let item = &*crate::common::join_volume_title(item);
    match id {
        Some(id) => x.open("biblStruct", &[("xml:id", id)])?,
        None => x.open("biblStruct", &[])?,
    }
    let analytic = has_analytic(item);
    if analytic {
        x.open("analytic", &[])?;
        x.leaf_field("title", &[("level", "a"), ("type", "main")], &item.title)?;
        persons(x, "author", &[], item, "author", &item.author)?;
        authority(x, item)?;
        idnos_and_links(x, item, links)?;
        x.close("analytic")?;
    }
    x.open("monogr", &[])?;
    monogr_head(x, item, analytic, links)?;
    x.leaf_field("edition", &[], &item.edition)?;
    imprint(x, item)?;
    x.close("monogr")?;
    if let Some(s) = field(&item.collection_title) {
        x.open("series", &[])?;
        x.leaf("title", &[("level", "s")], &s)?;
        x.close("series")?;
    }
    let archive: Vec<String> = [&item.archive, &item.archive_place]
        .into_iter()
        .filter_map(field)
        .collect();
    if !archive.is_empty() {
        x.leaf("note", &[("type", "archive")], &archive.join(", "))?;
    }
    x.leaf_field("note", &[("type", "genre")], &item.genre)?;
    x.leaf_field("note", &[], &item.note)?;
    if let Some(r) = raw.map(crate::common::squash).filter(|r| !r.is_empty()) {
        x.leaf("note", &[("type", "raw_reference")], &r)?;
    }
    x.close("biblStruct")
}

/// Write one GROBID-style `<biblStruct>` (what GROBID's `processCitation`
/// answers), with the TEI namespace declared on it so it stands alone.
/// `raw` becomes `<note type="raw_reference">`. Links are computed from the
/// item ([`ibid_link::links_for`]).
pub fn write_bibl_struct(
    item: &Item,
    id: Option<&str>,
    raw: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), EmitError> {
    let mut buf = Vec::new();
    {
        let mut x = Xml::new(&mut buf, 0);
        bibl_struct(&mut x, item, id, raw, &ibid_link::links_for(item))?;
    }
    // Declare the namespace on the root element.
    let s = String::from_utf8_lossy(&buf);
    let s = s.replacen(
        "<biblStruct",
        "<biblStruct xmlns=\"http://www.tei-c.org/ns/1.0\"",
        1,
    );
    out.write_all(s.as_bytes())?;
    Ok(())
}

pub(crate) const HEADER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n        <title>Citations extracted by ibid</title>\n      </titleStmt>\n      <publicationStmt>\n        <p>Generated by ibid.</p>\n      </publicationStmt>\n      <sourceDesc>\n        <p>The notes of the input document.</p>\n      </sourceDesc>\n    </fileDesc>\n  </teiHeader>\n  <text>\n";

/// Start of the `<back>` list, for documents and for `ibid refs`.
pub(crate) const LIST_OPEN: &str =
    "    <back>\n      <div type=\"references\">\n        <listBibl>\n";
pub(crate) const LIST_CLOSE: &str =
    "        </listBibl>\n      </div>\n    </back>\n  </text>\n</TEI>\n";

/// Text before a citation, its signal as `<note type="signal">` (as the
/// bibliographic-tei corpus marks signals): "… <note
/// type=\"signal\">See</note> <bibl>…".
fn write_text_and_signal(s: &mut String, text: &str, signal: Option<&str>) {
    let body = text.trim_end();
    match signal.and_then(|g| Some((g, body.strip_suffix(g)?))) {
        Some((g, before)) if !g.is_empty() => {
            s.push_str(&escape(before));
            s.push_str("<note type=\"signal\">");
            s.push_str(&escape(g));
            s.push_str("</note>");
            s.push_str(&escape(&text[body.len()..]));
        }
        _ => s.push_str(&escape(text)),
    }
}

fn write_note(x: &mut Xml, note: &ibid_model::Note) -> std::io::Result<()> {
    let mut s = String::new();
    let segs = note_segments(note);
    for (k, seg) in segs.iter().enumerate() {
        match seg {
            Segment::Text(t) => {
                let signal = match segs.get(k + 1) {
                    Some(Segment::Cite(c)) => c.signal.as_ref().map(|g| g.text.as_str()),
                    _ => None,
                };
                write_text_and_signal(&mut s, t, signal);
            }
            Segment::Cite(c) => {
                let text = escape(&c.text);
                match (&c.work, c.kind) {
                    (Some(w), CitationKind::Full) => {
                        s.push_str(&format!("<bibl corresp=\"#{}\">{text}</bibl>", escape(w)))
                    }
                    (Some(w), k) => s.push_str(&format!(
                        "<ref type=\"{}\" target=\"#{}\">{text}</ref>",
                        k.as_str(),
                        escape(w)
                    )),
                    (None, _) => s.push_str(&format!("<bibl>{text}</bibl>")),
                }
            }
        }
    }
    match note.number {
        Some(n) => x.raw_line(&format!("<note n=\"{n}\" place=\"foot\">{s}</note>")),
        None => x.raw_line(&format!("<p>{s}</p>")),
    }
}

/// The whole document: notes in the body, works in the back.
pub(crate) fn write_document(doc: &Document, out: &mut dyn Write) -> Result<(), EmitError> {
    out.write_all(HEADER.as_bytes())?;
    {
        let mut x = Xml::new(out, 2);
        x.open("body", &[])?;
        if doc.notes.is_empty() {
            x.empty("p", &[])?;
        } else {
            x.open("div", &[("type", "notes")])?;
            for n in &doc.notes {
                write_note(&mut x, n)?;
            }
            x.close("div")?;
        }
        x.close("body")?;
    }
    out.write_all(LIST_OPEN.as_bytes())?;
    let texts = crate::work_text::fullest_citation_texts(doc);
    for (i, w) in doc.works.iter().enumerate() {
        let id = crate::common::work_id(w, i);
        let links = crate::common::work_links(w);
        let raw = texts.get(id.as_str()).map(String::as_str);
        let mut x = Xml::new(out, 5);
        bibl_struct(&mut x, &w.item, Some(&id), raw, &links)?;
    }
    out.write_all(LIST_CLOSE.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signal_before_a_citation_is_marked() {
        let mut s = String::new();
        write_text_and_signal(&mut s, "Shown in 1991 & later; see also ", Some("see also"));
        assert_eq!(
            s,
            "Shown in 1991 &amp; later; <note type=\"signal\">see also</note> "
        );
        // a signal the text does not end with stays plain text
        let mut s = String::new();
        write_text_and_signal(&mut s, "Compare ", Some("See"));
        assert_eq!(s, "Compare ");
    }

    fn tei(item: &Item) -> String {
        let mut buf = Vec::new();
        {
            let mut x = Xml::new(&mut buf, 0);
            bibl_struct(&mut x, item, Some("w1"), None, &Links::default()).unwrap();
        }
        String::from_utf8(buf).unwrap()
    }

    fn case() -> Item {
        crate::test_items::donoghue()
    }

    #[test]
    fn court_is_a_statement_of_responsibility() {
        // Reported case: the case is the analytic level, the report the
        // monograph; the court stands with the case.
        assert_eq!(
            tei(&case()),
            concat!(
                "<biblStruct xml:id=\"w1\">\n",
                "  <analytic>\n",
                "    <title level=\"a\" type=\"main\">Donoghue v Stevenson</title>\n",
                "    <respStmt>\n",
                "      <resp>authority</resp>\n",
                "      <orgName>HL</orgName>\n",
                "    </respStmt>\n",
                "  </analytic>\n",
                "  <monogr>\n",
                "    <title level=\"m\">AC</title>\n",
                "    <imprint>\n",
                "      <biblScope unit=\"volume\">1932</biblScope>\n",
                "      <biblScope unit=\"page\" from=\"562\"/>\n",
                "      <date type=\"published\" when=\"1932\"/>\n",
                "    </imprint>\n",
                "  </monogr>\n",
                "</biblStruct>\n",
            )
        );
        // A case without a report: all in the monograph, the court (a
        // statement of responsibility) before the title, as TEI's `monogr`
        // wants it.
        let bare = Item {
            container_title: None,
            ..case()
        };
        assert_eq!(
            tei(&bare),
            concat!(
                "<biblStruct xml:id=\"w1\">\n",
                "  <monogr>\n",
                "    <respStmt>\n",
                "      <resp>authority</resp>\n",
                "      <orgName>HL</orgName>\n",
                "    </respStmt>\n",
                "    <title level=\"m\" type=\"main\">Donoghue v Stevenson</title>\n",
                "    <imprint>\n",
                "      <biblScope unit=\"volume\">1932</biblScope>\n",
                "      <biblScope unit=\"page\" from=\"562\"/>\n",
                "      <date type=\"published\" when=\"1932\"/>\n",
                "    </imprint>\n",
                "  </monogr>\n",
                "</biblStruct>\n",
            )
        );
    }

    #[test]
    fn an_access_date_is_a_date_of_the_imprint() {
        let page = crate::test_items::web_page_accessed();
        let t = tei(&page);
        assert!(
            t.contains("<date type=\"access\" when=\"2024-05-03\"/>"),
            "{t}"
        );
    }

    #[test]
    fn honorific_is_a_role_name() {
        let t = tei(&crate::test_items::lord_bingham());
        assert!(
            t.contains(concat!(
                "<persName>\n",
                "        <roleName type=\"honorific\">Lord</roleName>\n",
                "        <surname>Bingham</surname>\n",
                "      </persName>"
            )),
            "{t}"
        );
        // The second author has none.
        assert_eq!(t.matches("<roleName").count(), 1, "{t}");
    }
}
