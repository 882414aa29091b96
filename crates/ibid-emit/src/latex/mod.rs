//! BibTeX and BibLaTeX entries. The mapping is documented in the crate docs.

use crate::common::{collection_number, field};
use crate::pages::read_pages;
use crate::texenc::escape;
use ibid_model::{Item, ItemType, Name};
use std::io::{self, Write};

/// Which dialect to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// Classic BibTeX: ASCII with LaTeX accents, `address`, `year`/`month`,
    /// `journal`, archives in `note`.
    Bibtex,
    /// BibLaTeX: UTF-8, `location`, `date`, `journaltitle`, `library`, `addendum`.
    Biblatex,
}

fn is_archival(item: &Item) -> bool {
    item.archive.is_some() || item.archive_location.is_some()
}

fn is_masters(item: &Item) -> bool {
    item.genre.as_deref().is_some_and(|g| {
        let g = g.to_lowercase();
        g.contains("master")
            || g.starts_with("ma ")
            || g == "ma"
            || g.contains("m.a.")
            || g.contains("mphil")
            || g.contains("m.phil")
    })
}

/// The entry type of an item in a dialect.
pub(crate) fn entry_type(item: &Item, d: Dialect) -> &'static str {
    use Dialect::*;
    use ItemType as T;
    match (item.item_type, d) {
        (T::Book, _) => "book",
        (T::Chapter, _) => "incollection",
        (T::ArticleJournal | T::ArticleMagazine | T::ArticleNewspaper, _) => "article",
        (T::PaperConference, _) => "inproceedings",
        (T::EntryEncyclopedia | T::EntryDictionary, Bibtex) => "incollection",
        (T::EntryEncyclopedia | T::EntryDictionary, Biblatex) => "inreference",
        (T::Report, Bibtex) => "techreport",
        (T::Report, Biblatex) => "report",
        (T::Thesis, Bibtex) if is_masters(item) => "mastersthesis",
        (T::Thesis, Bibtex) => "phdthesis",
        (T::Thesis, Biblatex) => "thesis",
        (T::Webpage, Biblatex) => "online",
        (T::LegalCase, Biblatex) => "jurisdiction",
        (T::Legislation, Biblatex) => "legislation",
        (T::Dataset, Biblatex) => "dataset",
        (T::Graphic, Biblatex) => "artwork",
        (T::Manuscript | T::PersonalCommunication | T::Interview | T::Speech, Biblatex) => {
            "unpublished"
        }
        (T::Document | T::Map, Biblatex) if is_archival(item) => "unpublished",
        _ => "misc",
    }
}

/// The babel/polyglossia language name of a language code ("de-DE" → "german").
fn babel_language(code: &str) -> Option<&'static str> {
    let base = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    Some(match base.as_str() {
        "en" => "english",
        "de" => "german",
        "fr" => "french",
        "it" => "italian",
        "es" => "spanish",
        "pt" => "portuguese",
        "nl" => "dutch",
        "la" => "latin",
        "ru" => "russian",
        "pl" => "polish",
        "cs" => "czech",
        "sv" => "swedish",
        "da" => "danish",
        "nb" | "no" => "norsk",
        "fi" => "finnish",
        "hu" => "hungarian",
        "el" => "greek",
        "tr" => "turkish",
        "uk" => "ukrainian",
        "ca" => "catalan",
        "hr" => "croatian",
        "ro" => "romanian",
        _ => return None,
    })
}

/// One name in BibTeX's "von Last, Jr, First" form.
fn bib_name(n: &Name, ascii: bool) -> Option<String> {
    let esc = |s: &str| escape(&crate::common::squash(s), ascii);
    let Some(family) = n.family.as_deref() else {
        let lit = n.literal.as_deref().or(n.given.as_deref())?;
        let lit = esc(lit);
        return (!lit.is_empty()).then(|| format!("{{{lit}}}"));
    };
    let mut last = esc(family);
    if last.contains(',') || last.contains(" and ") || last.is_empty() {
        last = format!("{{{last}}}");
    }
    let mut von = Vec::new();
    if let Some(p) = &n.dropping_particle {
        von.push(esc(p));
    }
    if let Some(p) = &n.non_dropping_particle {
        von.push(esc(p));
    }
    let mut s = String::new();
    for v in von.iter().filter(|v| !v.is_empty()) {
        s.push_str(v);
        s.push(' ');
    }
    s.push_str(&last);
    if let Some(suf) = n.suffix.as_deref().map(esc).filter(|x| !x.is_empty()) {
        s.push_str(", ");
        s.push_str(&suf);
    }
    if let Some(g) = n.given.as_deref().map(esc).filter(|x| !x.is_empty()) {
        s.push_str(", ");
        s.push_str(&g);
    }
    Some(s)
}

fn names(list: &[Name], ascii: bool) -> Option<String> {
    let parts: Vec<String> = list.iter().filter_map(|n| bib_name(n, ascii)).collect();
    (!parts.is_empty()).then(|| parts.join(" and "))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A verbatim field's value (`url`, `doi`): its characters as they are, but
/// for braces and backslashes, which would break the field and are
/// percent-encoded (as a URL may be; `%` is no comment in a verbatim field).
fn verbatim(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            c => out.push(c),
        }
    }
    out
}

/// The volume as the dialect wants it. biber's data model makes `volume` an
/// integer field, and `biber --validate-datamodel` drops a value that is not
/// one ("Series C, Vol. II" lost its volume), so BibLaTeX gets a roman
/// numeral's value ("II" → "2"): biblatex's styles print `volume` in Arabic
/// anyway. BibTeX keeps the numeral as written, as the standard styles print
/// `volume` verbatim and "Vol. II" is how the source cites it. A lone "C",
/// "D", "L" or "M" is taken for a lettered volume ("Vol. C", like "Series
/// C"), not 100, 500, 50 or 1000, and kept.
fn volume(item: &Item, d: Dialect) -> Option<String> {
    let v = field(&item.volume)?;
    if d == Dialect::Biblatex {
        if let Some(n) = crate::common::roman_volume_value(&v) {
            return Some(n.to_string());
        }
    }
    Some(escape(&v, d == Dialect::Bibtex))
}

/// A title escaped, with the words whose capitals must survive a style's
/// case change in braces. BibTeX's .bst styles lower-case titles
/// (`change.case$` "t": "Donoghue v stevenson", "british foreign policy")
/// except for the first letter and what stands in braces; biblatex's
/// `\MakeSentenceCase*` (used by styles such as biblatex-apa) does the same
/// and also keeps braced text, so both dialects protect the same words: every
/// word after the first that has a capital ("{British}", "({HL})",
/// "{Anglo-German}", "{McNeill}"), and the first word when more than its
/// first letter is a capital ("{NATO}", "{McDonald's}"), which `change.case$`
/// would turn into "Nato". Each word is braced once, around its escaped form
/// ("{Gr{\"u}ndung}"); a word that opens with an escaped special character
/// ("\&", "\%") is braced after it, since a brace group that starts with a
/// backslash is a "special character" whose letters BibTeX does case-change.
pub(crate) fn protect_case(title: &str, ascii: bool) -> String {
    let mut out = String::with_capacity(title.len() + 16);
    for (i, word) in title.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let caps = word.chars().filter(|c| c.is_uppercase()).count();
        let first_is_cap = word.chars().next().is_some_and(char::is_uppercase);
        let protect = if i == 0 {
            caps > usize::from(first_is_cap)
        } else {
            caps > 0
        };
        if !protect {
            out.push_str(&escape(word, ascii));
            continue;
        }
        // Braces around the word's letters and digits, its punctuation
        // outside: "{Stevenson}," and "({HL})", not "{Stevenson,}".
        let start = word.find(char::is_alphanumeric).unwrap_or(0);
        let end = word
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric())
            .map_or(word.len(), |(j, c)| j + c.len_utf8());
        out.push_str(&escape(&word[..start], ascii));
        out.push('{');
        out.push_str(&escape(&word[start..end], ascii));
        out.push('}');
        out.push_str(&escape(&word[end..], ascii));
    }
    out
}

/// The fields of an entry, in order: (name, value, braced). Values are
/// already escaped; unbraced values are BibTeX macros (months). `source` is
/// the citation's text, where the writer has it: a case's report citation
/// is written in its form ([`crate::legal::latex_case_item`]).
pub(crate) fn fields(
    item: &Item,
    d: Dialect,
    source: Option<&str>,
) -> Vec<(&'static str, String, bool)> {
    let case = crate::legal::latex_case_item(item, d == Dialect::Biblatex, source);
    let item = case.as_ref().unwrap_or(item);
    // the title of the volume cited: BibLaTeX's `title` of a volume in its
    // `maintitle` (or a chapter's `booktitle` in its `mainbooktitle`);
    // BibTeX has no field for it, so it follows the work's title
    let volume_title = crate::common::volume_title(item).map(str::to_string);
    let joined = if d == Dialect::Bibtex {
        Some(crate::common::join_volume_title(item))
    } else {
        None
    };
    let item = joined.as_deref().unwrap_or(item);
    let ascii = d == Dialect::Bibtex;
    let esc = |v: &Option<String>| field(v).map(|s| escape(&s, ascii));
    let mut f: Vec<(&'static str, String, bool)> = Vec::new();
    let mut push = |k: &'static str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            f.push((k, v, true));
        }
    };
    let ty = item.item_type;
    push("author", names(&item.author, ascii));
    push("editor", names(&item.editor, ascii));
    push("translator", names(&item.translator, ascii));
    // Titles keep their capitals: see `protect_case`.
    let title = |v: &Option<String>| field(v).map(|s| protect_case(&s, ascii));
    let in_book = matches!(
        ty,
        ItemType::Chapter
            | ItemType::PaperConference
            | ItemType::EntryEncyclopedia
            | ItemType::EntryDictionary
    );
    let volume_title = volume_title.filter(|_| d == Dialect::Biblatex);
    match &volume_title {
        Some(vt) if !in_book || item.container_title.is_none() => {
            push("maintitle", title(&item.title));
            push("title", Some(protect_case(vt, ascii)));
        }
        _ => push("title", title(&item.title)),
    }
    push("shorttitle", title(&item.title_short));
    let container = esc(&item.container_title);
    let article = matches!(
        ty,
        ItemType::ArticleJournal | ItemType::ArticleMagazine | ItemType::ArticleNewspaper
    ) || (ty == ItemType::LegalCase && d == Dialect::Biblatex);
    match (article, in_book, d) {
        (true, _, Dialect::Biblatex) => push("journaltitle", container),
        (true, _, Dialect::Bibtex) => push("journal", container),
        (_, true, _) => match &volume_title {
            Some(vt) if container.is_some() => {
                push("mainbooktitle", container);
                push("booktitle", Some(escape(vt, ascii)));
            }
            _ => push("booktitle", container),
        },
        _ => push("howpublished", container),
    }
    if d == Dialect::Biblatex {
        match ty {
            ItemType::ArticleNewspaper => push("entrysubtype", Some("newspaper".into())),
            ItemType::ArticleMagazine => push("entrysubtype", Some("magazine".into())),
            _ => {}
        }
    }
    push("series", esc(&item.collection_title));
    push("volume", volume(item, d));
    if d == Dialect::Biblatex {
        // how many volumes the work has
        push("volumes", crate::common::number_of_volumes(item));
        // the part of the volume (biblatex's `part`; BibTeX has it in the
        // title with the volume's title)
        push(
            "part",
            crate::common::part_number(item).map(|p| escape(p, ascii)),
        );
    }
    if article {
        push("number", esc(&item.issue).or_else(|| esc(&item.number)));
    } else {
        // a book's number in its series is BibTeX's and BibLaTeX's `number`
        push(
            "number",
            esc(&item.number)
                .or_else(|| esc(&item.issue))
                .or_else(|| esc(&collection_number(item))),
        );
    }
    if let Some(p) = field(&item.page) {
        // The range the value starts with, its last page in full ("737--738"
        // for "737–38"); whatever follows it is kept as written.
        let v = match read_pages(&p) {
            Some(r) => format!(
                "{}{}",
                escape(&r.joined("--"), ascii),
                escape(&r.rest, ascii)
            ),
            None => escape(&p, ascii),
        };
        push("pages", Some(v));
    }
    push("edition", esc(&item.edition));
    // an artwork's medium is its type (biblatex's @artwork)
    let genre = item.genre.clone().or_else(|| crate::common::medium(item));
    if ty == ItemType::Thesis && d == Dialect::Bibtex {
        // BibTeX's thesis types carry their kind in the entry type.
        if !is_masters(item) {
            push("type", esc(&genre));
        }
    } else if ty == ItemType::Graphic && d == Dialect::Bibtex {
        // plain BibTeX's @misc prints howpublished, not type
        push("howpublished", esc(&genre));
    } else {
        push("type", esc(&genre));
    }
    let publisher = esc(&item.publisher);
    match (ty, d) {
        (ItemType::Thesis, Dialect::Bibtex) => push("school", publisher),
        (ItemType::Thesis | ItemType::Report, _) => push("institution", publisher),
        _ => push("publisher", publisher),
    }
    // The court of a case (CSL `authority`). Neither data model has a court
    // field; Better BibTeX's BibLaTeX export writes a case's court (Zotero
    // `court`/`authority`) to `institution` of `@jurisdiction`, and Zotero's
    // own BibTeX export drops it. Both dialects use `institution` here (for
    // BibTeX's `@misc` too: the standard styles do not print it there, but
    // it is kept for tools that read it). For reports and BibLaTeX theses
    // `institution` already holds the publisher, which is kept.
    push("institution", esc(&item.authority));
    match d {
        Dialect::Bibtex => push("address", esc(&crate::common::place(item))),
        Dialect::Biblatex => push("location", esc(&item.publisher_place)),
    }
    let note = esc(&item.note);
    match d {
        Dialect::Biblatex => {
            let lib: Vec<String> = [&item.archive, &item.archive_place]
                .into_iter()
                .filter_map(&esc)
                .collect();
            push("library", (!lib.is_empty()).then(|| lib.join(", ")));
            push("addendum", esc(&item.archive_location));
            push("note", note);
        }
        Dialect::Bibtex => {
            let parts: Vec<String> = [
                &item.archive_location,
                &item.archive,
                &item.archive_place,
                &item.note,
            ]
            .into_iter()
            .filter_map(&esc)
            .collect();
            push("note", (!parts.is_empty()).then(|| parts.join(", ")));
        }
    }
    push("isbn", esc(&item.isbn));
    // `doi` is a verbatim field (biblatex's data model; the .bst files
    // that know it print it with \url or \doi): "10.1000/a_b%20c" stays so.
    push(
        "doi",
        item.doi
            .as_deref()
            .map(|d| ibid_link::normalize_doi(d).unwrap_or_else(|| d.trim().to_string()))
            .map(|v| verbatim(&v)),
    );
    // A webpage's URL is in `url` only: a second copy as `howpublished =
    // {\url{…}}` would need the url package in every document, and
    // without it LaTeX stops ("Undefined control sequence").
    push("url", field(&item.url).map(|u| verbatim(&u)));
    match (d, item.language.as_deref().and_then(babel_language)) {
        (Dialect::Biblatex, Some(babel)) => push("langid", Some(babel.to_string())),
        _ => push("language", esc(&item.language)),
    }
    // Dates go after the imprint fields.
    let mut date_fields = Vec::new();
    dates(item, d, &mut date_fields);
    let at = f
        .iter()
        .rposition(|(k, _, _)| {
            matches!(
                *k,
                "location"
                    | "address"
                    | "publisher"
                    | "institution"
                    | "school"
                    | "type"
                    | "edition"
                    | "pages"
                    | "number"
                    | "volume"
                    | "series"
                    | "title"
            )
        })
        .map_or(f.len(), |i| i + 1);
    for (i, df) in date_fields.into_iter().enumerate() {
        f.insert(at + i, df);
    }
    // A field given twice (a report's publisher and a court, both
    // `institution`) keeps its first value.
    let mut seen = std::collections::HashSet::new();
    f.retain(|(k, _, _)| seen.insert(*k));
    f
}

fn dates(item: &Item, d: Dialect, f: &mut Vec<(&'static str, String, bool)>) {
    // biblatex's `urldate`, which biblatex-compatible BibTeX styles read too
    if let Some(a) = crate::common::accessed(item) {
        f.push(("urldate", crate::common::iso_date(a), true));
    }
    // a speech's day and place: biblatex's `eventdate` and `venue`
    if d == Dialect::Biblatex {
        if let Some(e) = crate::common::event_date(item) {
            f.push(("eventdate", crate::common::iso_date(e), true));
        }
        if let Some(p) = crate::common::event_place(item) {
            f.push(("venue", escape(&crate::common::squash(p), false), true));
        }
    }
    let Some(date) = item.issued.as_ref() else {
        return;
    };
    let first = crate::common::first_date(date);
    let second = date.date_parts.get(1).and_then(|p| {
        crate::common::first_date(&ibid_model::Date {
            date_parts: vec![p.clone()],
            ..ibid_model::Date::default()
        })
    });
    let literal = date
        .literal
        .as_deref()
        .or(date.raw.as_deref())
        .map(crate::common::squash);
    let ascii = d == Dialect::Bibtex;
    match (first, d) {
        (Some(a), Dialect::Biblatex) => {
            let mut v = crate::common::iso_date(a);
            if let Some(b) = second {
                v.push('/');
                v.push_str(&crate::common::iso_date(b));
            }
            f.push(("date", v, true));
        }
        (Some(a), Dialect::Bibtex) => {
            let y = match second {
                Some(b) if b.0 != a.0 => format!("{}--{}", a.0, b.0),
                _ => a.0.to_string(),
            };
            f.push(("year", y, true));
            if let Some(m) = a.1 {
                if let Some(name) = MONTHS.get(m as usize - 1) {
                    f.push(("month", (*name).to_string(), false));
                }
            }
            // BibTeX has no field for the day, but `day` is the one the
            // styles that print exact dates read (IEEEtran.bst, apacite.bst,
            // the is-*.bst family) and biblatex's data model declares;
            // styles that do not know it ignore it. Newspapers and debates
            // need the day. (biber builds its dates from `date`, which the
            // BibLaTeX export writes.) Only for a date with no second date:
            // a range's days are not one day.
            if let (Some(day), None) = (a.2, second) {
                f.push(("day", day.to_string(), true));
            }
        }
        (None, _) => {
            if let Some(l) = literal.filter(|l| !l.is_empty()) {
                f.push(("year", escape(&l, ascii), true));
            }
        }
    }
}

/// Write one entry.
pub(crate) fn write_entry(
    item: &Item,
    key: &str,
    d: Dialect,
    source: Option<&str>,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "@{}{{{key},", entry_type(item, d))?;
    let f = fields(item, d, source);
    let width = f.iter().map(|(k, _, _)| k.len()).max().unwrap_or(0);
    for (k, v, braced) in &f {
        if *braced {
            writeln!(out, "  {k:<width$} = {{{v}}},")?;
        } else {
            writeln!(out, "  {k:<width$} = {v},")?;
        }
    }
    writeln!(out, "}}")?;
    writeln!(out)
}

#[cfg(test)]
mod tests;
