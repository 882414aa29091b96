//! ibid's output formats. Every writer streams into a `&mut dyn Write`, one
//! work, note or reference at a time.
//!
//! | format | what it holds |
//! | --- | --- |
//! | `json` | the whole [`Document`] (serde; pretty with [`EmitOptions::pretty`]) |
//! | `jsonl` | one citation per line: `{"note": 7, "text", "span", "kind", "work", "locator", "item", "fields"}` |
//! | `text` | a table for a terminal: per note each citation's kind, work id, locator and "Author, Title (Year)"; then the works; then diagnostics |
//! | `csl-json` | the works as a CSL-JSON array, valid against the official `csl-data.json` schema; `cited_in`, `locators` and `links` in `custom` |
//! | `bibtex` | one entry per work, ASCII (LaTeX accents) |
//! | `biblatex` | one entry per work, UTF-8 |
//! | `ris` | Zotero's RIS, CRLF line ends |
//! | `tei` | a TEI document: notes in `<body>`, works as GROBID-shaped `<biblStruct>` in `<back>` |
//! | `jats` | a JATS `<article>` whose `<back>` holds an `<fn-group>` and `<ref-list>`s |
//! | `chicago`, `chicago-html` | notes and bibliography rendered by hayagriva (Chicago notes-bibliography unless [`EmitOptions::style`] names another archived style) |
//! | `html` | the viewer of `ibid serve` as one standalone page: notes with coloured fields, back-references linked to their works, the bibliography, diagnostics, and download buttons (the document and its CSL-JSON, BibTeX, RIS, TEI and Chicago exports embedded; see [`viewer`]) |
//!
//! For `ibid refs` (one reference per input line) [`ItemWriter`] writes the same
//! formats item by item; ids are `r<line>` (1-based line number).
//!
//! # CSL type mapping
//!
//! | CSL type | BibTeX | BibLaTeX | RIS | JATS `publication-type` |
//! | --- | --- | --- | --- | --- |
//! | book | `@book` | `@book` | BOOK | book |
//! | chapter | `@incollection` | `@incollection` | CHAP | book (`chapter-title`) |
//! | article-journal | `@article` | `@article` | JOUR | journal |
//! | article-magazine | `@article` | `@article`, `entrysubtype = magazine` | MGZN | magazine |
//! | article-newspaper | `@article` | `@article`, `entrysubtype = newspaper` | NEWS | newspaper |
//! | paper-conference | `@inproceedings` | `@inproceedings` | CONF | confproc |
//! | entry-encyclopedia | `@incollection` | `@inreference` | ENCYC | encyclopedia |
//! | entry-dictionary | `@incollection` | `@inreference` | DICT | encyclopedia |
//! | report | `@techreport` | `@report` | RPRT | report |
//! | thesis | `@phdthesis` (`@mastersthesis` when the genre says MA/MPhil/master) | `@thesis` | THES | thesis |
//! | webpage | `@misc` (URL in `url`) | `@online` | ELEC | webpage |
//! | manuscript | `@misc` | `@unpublished` | MANSCPT | archival / manuscript |
//! | personal_communication, interview | `@misc` | `@unpublished` | PCOMM | archival / communication |
//! | speech | `@misc` | `@unpublished` | SLIDE (a presentation) | other |
//! | legal_case | `@misc` | `@jurisdiction` | CASE | legal-case |
//! | legislation | `@misc` | `@legislation` | STAT | legislation |
//! | dataset | `@misc` | `@dataset` | DATA | data |
//! | map | `@misc` | `@misc` (`@unpublished` if archival) | MAP | map |
//! | document | `@misc` | `@misc` (`@unpublished` if archival) | GEN | other |
//!
//! `@jurisdiction` and `@legislation` are BibLaTeX's "unsupported" types: the
//! standard styles print them as `@misc`, law styles use them. A case's
//! `@jurisdiction` targets biblatex-oscola: the report in `journaltitle`,
//! `volume`, `pages`, the court in `institution`; a neutral citation whole
//! in `number` (`[2018] UKSC 4`). BibTeX's `@misc` of a case has the whole
//! report citation in `howpublished` (`[1932] AC 562 (HL)`), the field
//! plain.bst prints. A case's note loses a trailing paragraph pinpoint
//! (`[2018] AC 736 [21]–[30` is `[2018] AC 736`). See `legal.rs`.
//!
//! # Field mapping
//!
//! | CSL | BibTeX | BibLaTeX | RIS | TEI | JATS |
//! | --- | --- | --- | --- | --- | --- |
//! | author | `author` | `author` | AU | `author/persName` | `person-group[author]` |
//! | editor | `editor` | `editor` | A2 | `monogr/editor` | `person-group[editor]` |
//! | translator | `translator` | `translator` | A4 | `editor[@role=translator]` | `person-group[translator]` |
//! | recipient, interviewer | — | — | — | `respStmt` (`resp` names the role) | — |
//! | title | `title` | `title` | TI | `title[@level=a\|m]` | `article-title`/`chapter-title`/`source` |
//! | title-short | `shorttitle` | `shorttitle` | ST | — | — |
//! | container-title | `journal` / `booktitle` / `howpublished` | `journaltitle` / `booktitle` / `howpublished` | T2 | `monogr/title[@level=j\|m]` | `source` |
//! | collection-title | `series` | `series` | T3 | `series/title[@level=s]` | `series` |
//! | volume | `volume` | `volume` (a roman numeral's value: "II" → 2) | VL | `biblScope[@unit=volume]` | `volume` |
//! | volume-title (`custom`) | after the work's title (or a chapter's `booktitle`), behind ": " | `title` under `maintitle` (a chapter: `booktitle` under `mainbooktitle`) | after TI (a chapter's T2), behind ": " | after the work's title, behind ": " | after the `source`, behind ": " |
//! | part-number (`custom`) | after the volume's title, ", pt. N" | `part` | after the volume's title, ", pt. N" | after the volume's title, ", pt. N" | after the volume's title, ", pt. N" |
//! | issue | `number` | `number` | IS | `biblScope[@unit=issue]` | `issue` |
//! | number | `number` | `number` | IS (M1 for reports, cases) | `biblScope[@unit=issue]` | `issue` |
//! | page | `pages` (`--`) | `pages` | SP/EP (N1 "Pages: …" when more than a range) | `biblScope[@unit=page][@from][@to]` (text when more than a range) | `fpage`/`lpage` (`page-range` when more than a range) |
//! | edition | `edition` | `edition` | ET | `edition` | `edition` |
//! | genre | `type` | `type` | M3 | `note[@type=genre]` | `comment[@content-type=genre]` |
//! | publisher | `publisher` (`school`, `institution`) | `publisher` (`institution`) | PB | `imprint/publisher` | `publisher-name` |
//! | publisher-place | `address` | `location` | CY | `imprint/pubPlace` | `publisher-loc` |
//! | authority (a case's court) | `institution` | `institution` | PB (cases only) | `respStmt[resp=authority]/orgName` | `institution[@content-type=authority]` |
//! | issued | `year`, `month` | `date` (ISO, `/` ranges) | PY (`YYYY`), DA (`YYYY/MM/DD/`) | `date[@type=published][@when]` | `year`/`month`/`day` |
//! | archive, archive-place | `note` | `library` ("archive, place") | DB | `note[@type=archive]` | `institution[@content-type=archive]` |
//! | archive_location | `note` | `addendum` | AN | `idno[@type=archive_location]` | `comment[@content-type=archive-location]` |
//! | DOI | `doi` | `doi` | DO | `idno[@type=DOI]` | `pub-id[@pub-id-type=doi]` |
//! | URL | `url` | `url` | UR | `ptr[@target]` | `ext-link` |
//! | ISBN | `isbn` | `isbn` | SN | `idno[@type=ISBN]` | `isbn` |
//! | note | `note` | `note` | N1 | `note` | `comment` |
//! | language | `language` | `langid` | LA | — | — |
//! | links (Scholar, WorldCat, DOI) | — | — | — | `ptr[@type]` | `ext-link[@specific-use]` |
//! | honorific (`custom.honorifics`) | — | — | — | `persName/roleName[@type=honorific]` | `name/prefix` |
//!
//! An honorific ("Lord" of "Lord Bingham") is left out of BibTeX, BibLaTeX
//! and RIS: their names have no part for it, and in the given name
//! ("Bingham, Lord") styles would abbreviate it to an initial ("L. Bingham").
//!
//! `authority` follows the conventions for a case's court: Better BibTeX's
//! BibLaTeX export writes it to `institution` of `@jurisdiction` (BibTeX's
//! `@misc` gets the same field, which the standard styles do not print);
//! Zotero's RIS translator maps `court` of a `case` to PB, where the court
//! replaces a case's publisher (other types have no RIS tag for it); TEI
//! puts it in a `<respStmt>` beside the case's own title (`<analytic>` of a
//! reported case); a report's or thesis's `institution` stays its publisher.
//!
//! Page ranges are read once for every format (`pages.rs`): the fields of
//! single pages get absolute numbers, an abbreviated last page written in
//! full ("737–38" is SP 737, EP 738, `pages = {737--738}`); roman numerals
//! stay as they are; a value that is more than a range keeps only the range
//! it starts with in those fields, and its whole text where free text goes.
//!
//! BibTeX escapes `{ } % & # _ $ ~ ^ \` and writes non-ASCII Latin letters as
//! LaTeX accents (`{\"u}`, `{\'e}`, `{\ss}`, `{\v{c}}`); characters that have no
//! LaTeX form (Greek, Cyrillic, CJK, …) are kept in UTF-8. BibLaTeX escapes
//! the same specials and keeps UTF-8. `doi` and `url` are verbatim fields:
//! their characters are kept (only `{`, `}` and `\`, which would break the
//! field, are percent-encoded); `doi` holds the DOI name, the escapes of one
//! copied from a URL decoded ("10.1000/a b", linked as `…/a%20b`). In both
//! dialects a title's words that have capitals after its first word, and an
//! acronym anywhere, are braced (`Donoghue v {Stevenson}`, `{NATO}`), since
//! .bst styles and biblatex's sentence case lower-case all the rest. Citation keys are
//! author-year-firstTitleWord in lower-case ASCII (`taylor1961origins`;
//! Greek and Cyrillic transliterated, `tolstoi1869voina`), the shelfmark for
//! an archival file with neither creator nor title (`fo371-18851`), the
//! abbreviation the notes define for a work and its volume (`dgfp-ii`), `ref-`
//! and a six-digit hash of title and year when no such word exists (`ref-3f9a1c`),
//! and a second identical key gets `a`, then `b`, … in the order of the works.
//!
//! # TEI
//!
//! Each work is a `<biblStruct xml:id="w1">` shaped like GROBID's
//! `processCitation` output: `<analytic>` (articles, chapters, papers,
//! encyclopedia entries: `<title level="a" type="main">`, authors, DOI,
//! pointers), `<monogr>` (authors of monographs and editors before the
//! `<title level="j|m">`, then ISBN and pointers, as TEI's content model of
//! `monogr` wants; without a title, the identifiers first; `<imprint>` with
//! `<publisher>`, `<pubPlace>`, `<biblScope unit="volume|issue|page">`,
//! `<date type="published" when="1961"/>`, or an empty `<date/>` when
//! there is none of them), `<series>`, then notes (`archive`, `genre`,
//! `raw_reference`: the fullest citation's text without its pinpoint).
//! Notes are `<note n="7" place="foot">` in the body with
//! each full citation as `<bibl corresp="#w3">text</bibl>` and each
//! back-reference as `<ref type="ibid|short|…" target="#w3">text</ref>`.
//! [`write_bibl_struct`] writes one stand-alone `<biblStruct>`.
//!
//! # JATS
//!
//! `<back>` holds `<fn-group>` (one `<fn id="fnN">` per note, `<label>` the
//! note number, the note text in `<p>` with each citation as `<xref
//! ref-type="bibr" rid="…">`), then `<ref-list>` of the works (`<ref id="w1">`
//! with `<mixed-citation>`, the text of the work's fullest citation, and
//! `<element-citation>`), then — as the JATS tag library advises for
//! abbreviated citations — `<ref-list content-type="abbreviated-citations">`
//! with one `<ref id="nN-cM" content-type="ibid|short|…" specific-use="w3">`
//! per back-reference: its own text as `<mixed-citation>` and an
//! `<element-citation>` carrying the resolved work's data, its own pages
//! included, with the back-reference's pinpoint in `<comment
//! content-type="locator">`. Full citations'
//! `<xref>` point at the work, back-references' at their own `<ref>`.
//!
//! # Chicago
//!
//! The notes and the bibliography are rendered by hayagriva from the CSL data
//! (one citation request per citation, the note number driving the
//! short-note logic). A full citation is rendered from its own item (two
//! letters in one archive file are two documents), without a page that only
//! repeats its pinpoint; a back-reference from the work it resolves to (the
//! work's last full citation, so that it is a short note); the bibliography
//! lists the works. "Ibid." is decided here: a citation resolved as ibid
//! whose work is the previous citation's becomes "Ibid., LOCATOR." — except
//! when the previous note cited two or more works, when it is rendered as a
//! short note. A case's court (`authority`) is printed where the style puts
//! it (Chicago: "(HL 1932)"); a report whose year the citation gives in
//! square brackets prints it so, `[1932] AC 562 (HL)`, as does a neutral
//! citation, `[2018] UKSC 4`. A book's number-only volume in a series joins
//! it, "5th ser., vol. 339 (1938), col. 361", and comes with the pinpoint of
//! a short note, "vol. 339, col. 400". Date ranges are reduced to their first date; a literal date
//! gives its year. Titles keep the capitalisation of the source (items
//! without a `language` are passed as `und`, which turns off hayagriva's
//! English title-casing). `chicago-html` escapes all text itself.
//!
//! ```
//! use ibid_emit::{write_document, EmitOptions, Format};
//! use ibid_model::{Document, Work, Item, ItemType, Name, Date};
//! let doc = Document {
//!     works: vec![Work {
//!         item: Item {
//!             id: Some("w1".into()),
//!             item_type: ItemType::Book,
//!             author: vec![Name::person("Taylor", Some("A. J. P.".into()))],
//!             title: Some("The Origins of the Second World War".into()),
//!             issued: Some(Date::year(1961)),
//!             ..Item::default()
//!         },
//!         cited_in: vec![1],
//!         locators: vec![],
//!         links: Default::default(),
//!     }],
//!     ..Document::default()
//! };
//! let mut out = Vec::new();
//! write_document(&doc, Format::Biblatex, &EmitOptions::default(), &mut out).unwrap();
//! let bib = String::from_utf8(out).unwrap();
//! assert!(bib.starts_with("@book{taylor1961origins,"));
//! let format: Format = "csl-json".parse().unwrap();
//! assert_eq!(format.to_string(), "csl-json");
//! ```

mod chicago;
mod common;
mod csl;
mod jats;
mod json;
mod keys;
mod latex;
mod legal;
mod pages;
mod quiet_panic;
mod ris;
mod tei;
#[cfg(test)]
mod test_items;
mod texenc;
mod translit;
pub mod viewer;
mod work_text;
mod xml;

pub use chicago::{style_names, DEFAULT_STYLE};
pub use csl::CslItem;
pub use tei::write_bibl_struct;
pub use viewer::write_viewer;

use ibid_model::{Document, Item};
use keys::KeyGen;
use latex::Dialect;
use std::fmt;
use std::io::Write;
use std::str::FromStr;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Json,
    Jsonl,
    Text,
    CslJson,
    Bibtex,
    Biblatex,
    Ris,
    Tei,
    Jats,
    Chicago,
    ChicagoHtml,
    Html,
}

impl Format {
    /// Every format, in the order of the docs.
    pub const ALL: [Format; 12] = [
        Format::Json,
        Format::Jsonl,
        Format::Text,
        Format::CslJson,
        Format::Bibtex,
        Format::Biblatex,
        Format::Ris,
        Format::Tei,
        Format::Jats,
        Format::Chicago,
        Format::ChicagoHtml,
        Format::Html,
    ];

    /// The format's name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Text => "text",
            Format::CslJson => "csl-json",
            Format::Bibtex => "bibtex",
            Format::Biblatex => "biblatex",
            Format::Ris => "ris",
            Format::Tei => "tei",
            Format::Jats => "jats",
            Format::Chicago => "chicago",
            Format::ChicagoHtml => "chicago-html",
            Format::Html => "html",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = EmitError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == t)
            .ok_or_else(|| EmitError::UnknownFormat(s.to_string()))
    }
}

/// Options of the writers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmitOptions {
    /// A hayagriva archived style name for `chicago`/`chicago-html`
    /// (default [`DEFAULT_STYLE`], Chicago notes-bibliography).
    pub style: Option<String>,
    /// Indent JSON.
    pub pretty: bool,
}

/// What can go wrong while writing.
#[derive(Debug, thiserror::Error)]
pub enum EmitError {
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("JSON serialisation failed: {0}")]
    Json(#[from] serde_json::Error),
    #[error("unknown format {0:?}; known formats: json, jsonl, text, csl-json, bibtex, biblatex, ris, tei, jats, chicago, chicago-html, html")]
    UnknownFormat(String),
    #[error("unknown citation style {name:?}; available styles: {available}")]
    UnknownStyle { name: String, available: String },
    #[error("rendering failed: {0}")]
    Render(String),
}

/// Write a whole document in a format.
pub fn write_document(
    doc: &Document,
    format: Format,
    opts: &EmitOptions,
    out: &mut dyn Write,
) -> Result<(), EmitError> {
    match format {
        Format::Json => json::write_json(doc, opts.pretty, out),
        Format::Jsonl => json::write_jsonl(doc, out),
        Format::Text => json::write_text(doc, out),
        Format::CslJson => csl::write_document(doc, opts.pretty, out),
        Format::Bibtex | Format::Biblatex => {
            let d = if format == Format::Bibtex {
                Dialect::Bibtex
            } else {
                Dialect::Biblatex
            };
            let mut keys = KeyGen::default();
            let texts = work_text::fullest_citation_texts(doc);
            let shorts = keys::abbreviations_by_title(doc);
            for w in &doc.works {
                // a work the notes name by an abbreviation: `dgfp-ii`
                let short = crate::common::field(&w.item.title).and_then(|t| {
                    shorts
                        .get(&crate::common::squash(&t).to_lowercase())
                        .copied()
                });
                let key = match short.and_then(|s| keys::abbreviation_key(s, &w.item)) {
                    Some(base) => keys.key_from(base),
                    None => keys.key(&w.item),
                };
                let text = w.item.id.as_deref().and_then(|id| texts.get(id));
                latex::write_entry(&w.item, &key, d, text.map(String::as_str), out)?;
            }
            Ok(())
        }
        Format::Ris => {
            for w in &doc.works {
                ris::write_record(&w.item, out)?;
            }
            Ok(())
        }
        Format::Tei => tei::write_document(doc, out),
        Format::Jats => jats::write_document(doc, out),
        Format::Chicago => chicago::write_document(doc, opts.style.as_deref(), false, out),
        Format::ChicagoHtml => chicago::write_document(doc, opts.style.as_deref(), true, out),
        Format::Html => viewer::write_viewer(doc, None, opts, out),
    }
}

/// Writes references one by one (`ibid refs`: one item per input line).
///
/// ```
/// use ibid_emit::{EmitOptions, Format, ItemWriter};
/// use ibid_model::{Item, ItemType};
/// let item = Item { item_type: ItemType::Book, title: Some("Origins".into()), ..Item::default() };
/// let mut w = ItemWriter::new(Format::CslJson, EmitOptions::default()).unwrap();
/// let mut out = Vec::new();
/// w.begin(&mut out).unwrap();
/// w.write(0, "Origins", &item, &mut out).unwrap();
/// w.finish(&mut out).unwrap();
/// let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!(v[0]["id"], "r1");
/// ```
pub struct ItemWriter {
    format: Format,
    opts: EmitOptions,
    count: usize,
    keys: KeyGen,
    chicago: Option<EntryRenderer>,
    refs: viewer::RefCollector,
}

/// Renders one reference as its output line in the formats whose lines
/// stand alone (`chicago`, `chicago-html`): the slow part of those formats
/// (hayagriva's style engine), shareable between threads so that `ibid
/// refs` renders on every worker. [`ItemWriter`] writes the same lines.
///
/// ```
/// use ibid_emit::{EmitOptions, EntryRenderer, Format};
/// let r = EntryRenderer::new(Format::Chicago, &EmitOptions::default()).unwrap().unwrap();
/// let mut item = ibid_model::Item::default();
/// item.title = Some("The Origins of the Second World War".into());
/// let line = r.line(0, "Taylor, The Origins of the Second World War", &item).unwrap();
/// assert!(String::from_utf8(line).unwrap().contains("Origins of the Second World War"));
/// assert!(EntryRenderer::new(Format::Ris, &EmitOptions::default()).unwrap().is_none());
/// ```
pub struct EntryRenderer {
    html: bool,
    renderer: chicago::RefRenderer,
}

impl fmt::Debug for EntryRenderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EntryRenderer")
            .field("html", &self.html)
            .finish()
    }
}

impl EntryRenderer {
    /// The renderer of `format`'s lines; `None` for the formats written
    /// otherwise. Fails only on an unknown style.
    pub fn new(format: Format, opts: &EmitOptions) -> Result<Option<Self>, EmitError> {
        let html = match format {
            Format::Chicago => false,
            Format::ChicagoHtml => true,
            _ => return Ok(None),
        };
        Ok(Some(EntryRenderer {
            html,
            renderer: chicago::RefRenderer::new(opts.style.as_deref())?,
        }))
    }

    /// The output line of one reference (with its newline): `index` is its
    /// 0-based input line, `raw` its text.
    pub fn line(&self, index: usize, raw: &str, item: &Item) -> Result<Vec<u8>, EmitError> {
        let id = format!("r{}", index + 1);
        let entry = self.renderer.entry(item, &id, raw, self.html)?;
        Ok(if self.html {
            format!("<div class=\"csl-entry\" id=\"{id}\">{entry}</div>\n")
        } else {
            format!("{entry}\n")
        }
        .into_bytes())
    }
}

impl fmt::Debug for ItemWriter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ItemWriter")
            .field("format", &self.format)
            .field("opts", &self.opts)
            .field("count", &self.count)
            .finish()
    }
}

impl ItemWriter {
    /// A writer; fails only on an unknown style for the Chicago formats.
    pub fn new(format: Format, opts: EmitOptions) -> Result<Self, EmitError> {
        let chicago = EntryRenderer::new(format, &opts)?;
        Ok(ItemWriter {
            format,
            opts,
            count: 0,
            keys: KeyGen::default(),
            chicago,
            refs: viewer::RefCollector::default(),
        })
    }

    /// Write what comes before the first item.
    pub fn begin(&mut self, out: &mut dyn Write) -> Result<(), EmitError> {
        match self.format {
            Format::Json | Format::CslJson => out.write_all(b"[")?,
            Format::Tei => {
                out.write_all(tei::HEADER.as_bytes())?;
                out.write_all(b"    <body>\n      <p/>\n    </body>\n")?;
                out.write_all(tei::LIST_OPEN.as_bytes())?;
            }
            Format::Jats => {
                out.write_all(jats::HEADER.as_bytes())?;
                out.write_all(b"    <ref-list>\n")?;
            }
            Format::ChicagoHtml => out.write_all(
                b"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>References</title>\n</head>\n<body>\n<div class=\"csl-bib-body\">\n",
            )?,
            _ => {}
        }
        Ok(())
    }

    /// Write one reference: `index` is its 0-based input line, `raw` its text.
    pub fn write(
        &mut self,
        index: usize,
        raw: &str,
        item: &Item,
        out: &mut dyn Write,
    ) -> Result<(), EmitError> {
        let first = self.count == 0;
        self.count += 1;
        let id = format!("r{}", index + 1);
        match self.format {
            Format::Json => {
                if !first {
                    out.write_all(b",")?;
                }
                let line = json::RefLine {
                    index,
                    raw,
                    item: csl::CslItem(item),
                };
                if self.opts.pretty {
                    out.write_all(b"\n")?;
                    serde_json::to_writer_pretty(&mut *out, &line)?;
                } else {
                    serde_json::to_writer(&mut *out, &line)?;
                }
            }
            Format::Jsonl => {
                serde_json::to_writer(
                    &mut *out,
                    &json::RefLine {
                        index,
                        raw,
                        item: csl::CslItem(item),
                    },
                )?;
                out.write_all(b"\n")?;
            }
            Format::Text => json::write_ref_text(index, raw, item, out)?,
            Format::CslJson => csl::write_item(
                &csl::ref_item(index, raw, item),
                first,
                self.opts.pretty,
                out,
            )?,
            Format::Bibtex | Format::Biblatex => {
                let d = if self.format == Format::Bibtex {
                    Dialect::Bibtex
                } else {
                    Dialect::Biblatex
                };
                let key = self.keys.key(item);
                latex::write_entry(item, &key, d, Some(raw), out)?;
            }
            Format::Ris => ris::write_record(item, out)?,
            Format::Tei => {
                let mut x = xml::Xml::new(out, 5);
                tei::bibl_struct(
                    &mut x,
                    item,
                    Some(&id),
                    Some(raw),
                    &ibid_link::links_for(item),
                )?;
            }
            Format::Jats => {
                let mut x = xml::Xml::new(out, 3);
                jats::write_ref(&mut x, &id, raw, item, &ibid_link::links_for(item))?;
            }
            Format::Chicago | Format::ChicagoHtml => match &self.chicago {
                Some(r) => out.write_all(&r.line(index, raw, item)?)?,
                None => writeln!(out, "{}", common::compact(item))?,
            },
            Format::Html => self.refs.push(index, raw, item),
        }
        Ok(())
    }

    /// Write what comes after the last item.
    pub fn finish(&mut self, out: &mut dyn Write) -> Result<(), EmitError> {
        match self.format {
            Format::Json | Format::CslJson => {
                if self.opts.pretty && self.count > 0 {
                    out.write_all(b"\n")?;
                }
                out.write_all(b"]\n")?;
            }
            Format::Tei => out.write_all(tei::LIST_CLOSE.as_bytes())?,
            Format::Jats => {
                out.write_all(b"    </ref-list>\n")?;
                out.write_all(jats::FOOTER.as_bytes())?;
            }
            Format::ChicagoHtml => out.write_all(b"</div>\n</body>\n</html>\n")?,
            Format::Html => self.refs.finish(&self.opts, out)?,
            _ => {}
        }
        out.flush()?;
        Ok(())
    }
}
