//! Links for a work: where a reader can find it.
//!
//! No network: these are search and resolver URLs built from the item's own
//! fields (linking by lookup comes later).
//!
//! - **Google Scholar** (`Links::google_scholar`): Scholar's advanced-search
//!   form, `https://scholar.google.com/scholar?as_q=TITLE&as_sauthors=FAMILIES&as_ylo=YEAR&as_yhi=YEAR`.
//!   The form was chosen over a plain `q=` because it lets Scholar match the
//!   family names against its author field and the year against its date
//!   filter instead of the full text; `as_q` holds the title (all words
//!   required). Built when the item has a title and is not archival material
//!   (an `archive`/`archive_location` letter is not in Scholar); the author
//!   and year parameters are left out when unknown. The year filter is exact,
//!   so a reprint year can miss the original edition.
//! - **WorldCat** (`Links::worldcat`): `https://search.worldcat.org/search?q=…`
//!   with the title and the first creator's family name, for books, theses,
//!   reports and maps; for chapters and encyclopedia entries the container
//!   (book) title and its editor.
//! - **DOI** (`Links::doi`): `https://doi.org/<DOI>` when `item.doi` holds a
//!   DOI (a `doi:` or resolver prefix is removed, the escapes of a DOI copied
//!   from a URL are decoded, and then the characters unsafe in a URL are
//!   percent-encoded, once).
//!
//! ```
//! use ibid_model::{Item, ItemType, Name, Date};
//! let item = Item {
//!     item_type: ItemType::Book,
//!     author: vec![Name::person("Taylor", Some("A. J. P.".into()))],
//!     title: Some("The Origins of the Second World War".into()),
//!     issued: Some(Date::year(1961)),
//!     ..Item::default()
//! };
//! let links = ibid_link::links_for(&item);
//! assert_eq!(
//!     links.google_scholar.as_deref(),
//!     Some("https://scholar.google.com/scholar?as_q=The%20Origins%20of%20the%20Second%20World%20War&as_sauthors=Taylor&as_ylo=1961&as_yhi=1961")
//! );
//! assert!(links.worldcat.unwrap().starts_with("https://search.worldcat.org/search?q="));
//! assert_eq!(ibid_link::find_doi("see doi:10.1017/S0018246X00012345."), Some("10.1017/S0018246X00012345".into()));
//! ```

mod doi;

pub use doi::{doi_url, find_doi, normalize_doi};

use ibid_model::{Item, ItemType, Links, Name};

/// Scholar's search endpoint.
pub const SCHOLAR_BASE: &str = "https://scholar.google.com/scholar";
/// WorldCat's search endpoint.
pub const WORLDCAT_BASE: &str = "https://search.worldcat.org/search";

/// The search and resolver links of an item.
pub fn links_for(item: &Item) -> Links {
    Links {
        google_scholar: scholar_url(item),
        worldcat: worldcat_url(item),
        doi: item.doi.as_deref().and_then(doi_url),
    }
}

/// Percent-encode a query value (RFC 3986 unreserved characters stay as they are).
pub fn encode_query_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(hex_digit(b >> 4));
            out.push(hex_digit(b & 0xf));
        }
    }
    out
}

fn hex_digit(n: u8) -> char {
    char::from(b"0123456789ABCDEF"[usize::from(n & 0xf)])
}

/// Collapse runs of whitespace, trim, and cap the length of a query term.
fn clean_term(s: &str) -> String {
    const MAX: usize = 300;
    let mut out = String::new();
    for w in s.split_whitespace() {
        if out.len() + w.len() + 1 > MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn is_archival(item: &Item) -> bool {
    item.archive.is_some() || item.archive_location.is_some()
}

fn family(n: &Name) -> Option<String> {
    let f = n.family_or_literal()?;
    let f = match &n.non_dropping_particle {
        Some(p) if n.family.is_some() => format!("{p} {f}"),
        _ => f.to_string(),
    };
    let f = clean_term(&f);
    (!f.is_empty()).then_some(f)
}

fn creators(item: &Item) -> &[Name] {
    if item.author.is_empty() {
        &item.editor
    } else {
        &item.author
    }
}

fn scholar_url(item: &Item) -> Option<String> {
    if is_archival(item) {
        return None;
    }
    let title = clean_term(item.title.as_deref()?);
    if title.is_empty() {
        return None;
    }
    let mut url = format!("{SCHOLAR_BASE}?as_q={}", encode_query_value(&title));
    let families: Vec<String> = creators(item).iter().take(3).filter_map(family).collect();
    if !families.is_empty() {
        url.push_str("&as_sauthors=");
        url.push_str(&encode_query_value(&families.join(" ")));
    }
    if let Some(y) = item.issued.as_ref().and_then(|d| d.first_year()) {
        url.push_str(&format!("&as_ylo={y}&as_yhi={y}"));
    }
    Some(url)
}

fn worldcat_url(item: &Item) -> Option<String> {
    let (title, names) = match item.item_type {
        ItemType::Book | ItemType::Thesis | ItemType::Report | ItemType::Map => {
            (item.title.as_deref()?, creators(item))
        }
        ItemType::Chapter | ItemType::EntryEncyclopedia | ItemType::EntryDictionary => {
            (item.container_title.as_deref()?, &item.editor[..])
        }
        _ => return None,
    };
    let mut q = clean_term(title);
    if q.is_empty() {
        return None;
    }
    if let Some(f) = names.first().and_then(family) {
        q.push(' ');
        q.push_str(&f);
    }
    Some(format!("{WORLDCAT_BASE}?q={}", encode_query_value(&q)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::Date;

    fn book() -> Item {
        Item {
            item_type: ItemType::Book,
            author: vec![
                Name {
                    family: Some("Gaulle".into()),
                    given: Some("Charles".into()),
                    non_dropping_particle: Some("de".into()),
                    ..Name::default()
                },
                Name::person("Müller", None),
            ],
            title: Some("Mémoires  de guerre & paix".into()),
            issued: Some(Date::year(1954)),
            ..Item::default()
        }
    }

    #[test]
    fn scholar_uses_advanced_form() {
        let l = links_for(&book());
        assert_eq!(
            l.google_scholar.as_deref(),
            Some("https://scholar.google.com/scholar?as_q=M%C3%A9moires%20de%20guerre%20%26%20paix&as_sauthors=de%20Gaulle%20M%C3%BCller&as_ylo=1954&as_yhi=1954")
        );
        assert_eq!(
            l.worldcat.as_deref(),
            Some("https://search.worldcat.org/search?q=M%C3%A9moires%20de%20guerre%20%26%20paix%20de%20Gaulle")
        );
        assert!(l.doi.is_none());
    }

    #[test]
    fn no_scholar_for_archival_or_untitled() {
        let letter = Item {
            item_type: ItemType::PersonalCommunication,
            title: Some("Letter".into()),
            archive: Some("The National Archives".into()),
            archive_location: Some("FO 371/12345".into()),
            ..Item::default()
        };
        assert!(links_for(&letter).is_empty());
        assert!(links_for(&Item::default()).is_empty());
    }

    #[test]
    fn article_gets_doi_and_no_worldcat() {
        let art = Item {
            item_type: ItemType::ArticleJournal,
            title: Some("The Gründung".into()),
            doi: Some("https://doi.org/10.1017/S0018246X00012345".into()),
            ..Item::default()
        };
        let l = links_for(&art);
        assert_eq!(
            l.doi.as_deref(),
            Some("https://doi.org/10.1017/S0018246X00012345")
        );
        assert!(l.worldcat.is_none());
        assert!(l
            .google_scholar
            .unwrap()
            .ends_with("as_q=The%20Gr%C3%BCndung"));
    }

    #[test]
    fn chapter_worldcat_searches_the_book() {
        let ch = Item {
            item_type: ItemType::Chapter,
            title: Some("A Chapter".into()),
            container_title: Some("The Book".into()),
            editor: vec![Name::person("Smith", None)],
            ..Item::default()
        };
        assert_eq!(
            links_for(&ch).worldcat.as_deref(),
            Some("https://search.worldcat.org/search?q=The%20Book%20Smith")
        );
    }

    #[test]
    fn huge_title_is_capped() {
        let item = Item {
            title: Some("word ".repeat(100_000)),
            ..Item::default()
        };
        let url = links_for(&item).google_scholar.unwrap();
        assert!(url.len() < 1000);
    }
}
