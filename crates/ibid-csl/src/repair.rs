//! Repairs of labelled fields that history notes need and a sequence model
//! trained mostly on books and articles gets wrong, applied to the item
//! before its type is inferred:
//!
//! - a letter cited by its correspondents ("Phipps to Simon, 4 May 1935,
//!   FO 371/18851") is a manuscript whose *title* is "Phipps to Simon";
//! - an archive's name taken for a title ("The National Archives, Kew") is
//!   the `archive` when the item has a shelfmark and no archive yet; so is
//!   one taken for the publisher, also when the shelfmark ("CAB 23/92") was
//!   left in the note, and a document's kind taken for the author of such
//!   an item ("Cabinet minutes, 14 March 1938, CAB 23/92") is its title;
//! - a documents series named like a body ("Documents on German Foreign
//!   Policy, Series C, Vol. II") with no title anywhere is the title;
//! - the year of a documents series' volume ("Foreign Relations of the
//!   United States, 1947, vol. 3 (Washington, DC, 1972)") is part of its
//!   title; the imprint's year is the date;
//! - "Series C" taken for the only shelfmark of an item with no archive is
//!   the collection, and "Doc. No. 45" is the pinpoint, no shelfmark;
//! - a case name taken for an author ("Entick v Carrington") is the title;
//! - Hansard taken for an author ("HC Deb", "H.L. Deb.") is the title;
//! - law reports, courts and neutral citations: see the `reports` module;
//! - artworks with a medium: see the `artwork` module;
//! - interviews ("Interview with Maria Rossi", "Maria Rossi, interview by
//!   the author"): see the `interview` module;
//! - dictionary and encyclopedia entries cited "s.v.": see the `sub_voce`
//!   module;
//! - reviews ("review of The Third Reich, by Michael Burleigh, Times
//!   Literary Supplement"): see the `review` module.

use crate::archive_numbers::is_document_number;
use ibid_model::Item;

/// First words of an archive's or library's name (lower case).
const ARCHIVE_WORDS: &[&str] = &[
    "archive",
    "archives",
    "archiv",
    "archivio",
    "archivo",
    "archief",
    "archiwum",
    "bundesarchiv",
    "staatsarchiv",
    "hauptstaatsarchiv",
    "landesarchiv",
    "stadtarchiv",
    "library",
    "bibliothèque",
    "bibliothek",
    "biblioteca",
    "record office",
    "records office",
    "public record office",
    "national archives",
    "politisches archiv",
];

/// First words of the title of a published documents series.
const SERIES_HEADS: &[&str] = &[
    "documents",
    "documenti",
    "documentos",
    "dokumente",
    "akten",
    "papers",
    "foreign relations",
    "british documents",
    "correspondence",
    "calendar",
    "records",
    "acta",
    "actes",
    "urkunden",
    "quellen",
    "monumenta",
    "regesta",
];

/// Applies the repairs (see the module docs). `author_texts` are the raw
/// texts of the fields labelled `author`, in order.
pub(crate) fn repair(it: &mut Item, author_texts: &[String]) {
    crate::artwork::artwork(it);
    newspaper_read_as_name_or_title(it, author_texts);
    letter_title(it, author_texts);
    crate::interview::interview(it, author_texts);
    crate::occasion::occasion(it);
    crate::sub_voce::sub_voce(it);
    crate::review::review_container_in_title(it);
    crate::review::reviewed_work(it);
    case_name_title(it, author_texts);
    hansard_title(it, author_texts);
    archive_from_title(it);
    archive_from_publisher(it);
    document_kind_author(it, author_texts);
    series_title(it);
    series_year_in_title(it);
    series_collection(it);
    crate::publisher_series::publisher_series(it);
    pinpoint_shelfmark(it);
    pinpoint_after_range(it);
    crate::reports::repair_reports(it);
    crate::legal::official_paper(it);
    crate::legal::session_law(it);
}

/// "401-28, at 410", "237-264, ici p. 240", "73-97, hier S. 80": a page
/// inside the range the pages give is the citation's pinpoint, not more
/// pages of the work. The range stays the work's pages; the pinpoint
/// becomes the locator (unless the segmenter gave one).
fn pinpoint_after_range(it: &mut Item) {
    let Some(page) = it.page.as_deref() else {
        return;
    };
    let Some((range, tail)) = page.split_once(", ") else {
        return;
    };
    let number = |s: &str| -> Option<u64> {
        (!s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let Some((a, b)) = range.split_once('-') else {
        return;
    };
    let (Some(first), Some(end)) = (number(a), number(b)) else {
        return;
    };
    // "401-28": the end page shares the first page's leading digits
    let last = if b.len() < a.len() {
        let scale = 10u64.pow(b.len() as u32);
        first - first % scale + end
    } else {
        end
    };
    // the pinpoint: the tail's first number, after words such as "at",
    // "esp.", "ici p.", "hier S."
    let words: Vec<&str> = tail.split_whitespace().collect();
    let Some(k) = words
        .iter()
        .position(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    else {
        return;
    };
    let fillers_only = words[..k].iter().all(|w| {
        let w = w.trim_end_matches('.').to_lowercase();
        matches!(
            w.as_str(),
            "at" | "esp"
                | "especially"
                | "here"
                | "ici"
                | "hier"
                | "qui"
                | "in"
                | "part"
                | "partic"
                | "particolare"
                | "spec"
                | "insbes"
                | "bes"
                | "p"
                | "pp"
                | "s"
                | "pag"
        )
    });
    let pin = words[k].trim_end_matches(|c: char| !c.is_ascii_digit());
    let pin_first = pin.split(['-', '–']).next().and_then(number);
    if !fillers_only || !pin_first.is_some_and(|p| (first..=last).contains(&p)) {
        return;
    }
    // the locator keeps its page marker ("p. 240", "S. 80"), not the filler
    let marker = words[..k].iter().rev().find(|w| {
        matches!(
            w.trim_end_matches('.').to_lowercase().as_str(),
            "p" | "pp" | "s" | "pag"
        )
    });
    let locator = match marker {
        Some(m) => format!("{m} {}", words[k..].join(" ")),
        None => words[k..].join(" "),
    };
    it.page = Some(range.to_string());
    keep_locator(it, locator);
}

/// A document number taken for a shelfmark or left in the note ("Doc. No.
/// 45") is the citation's pinpoint: it becomes the locator (unless the item
/// has one; the segmenter's takes precedence), not a field of the work.
fn pinpoint_shelfmark(it: &mut Item) {
    let mut pinpoint = None;
    if it.archive.is_none()
        && it
            .archive_location
            .as_deref()
            .is_some_and(is_document_number)
    {
        pinpoint = it.archive_location.take();
    }
    if let Some(part) = it.take_note_part(is_document_number) {
        pinpoint.get_or_insert(part);
    }
    if let Some(p) = pinpoint {
        keep_locator(it, p);
    }
}

/// Records a pinpoint the repairs found as the item's locator, unless it has
/// one (the segmenter's, put there by the resolver, takes precedence).
pub(crate) fn keep_locator(it: &mut Item, locator: String) {
    it.custom
        .entry("locator")
        .or_insert_with(|| serde_json::Value::String(locator));
}

fn lower_starts_with_any(s: &str, heads: &[&str]) -> bool {
    let low = s
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let low = low.strip_prefix("the ").unwrap_or(&low);
    heads.iter().any(|h| {
        low.starts_with(h)
            && low[h.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

fn letter_title(it: &mut Item, author_texts: &[String]) {
    let [only] = author_texts else { return };
    if ibid_model::text::correspondents(only).is_none() {
        return;
    }
    let letter = only
        .trim()
        .trim_end_matches([',', '.', ';', ' '])
        .to_string();
    // "…, Policy Planning Staff Records, box 1, RG 59, National Archives,
    // College Park": the title the model found is the collection and file,
    // the container the archive
    let is_archive = |f: &Option<String>| {
        f.as_deref()
            .is_some_and(|c| lower_starts_with_any(c, ARCHIVE_WORDS))
    };
    let (archive_container, archive_publisher) =
        (is_archive(&it.container_title), is_archive(&it.publisher));
    let collection = it.title.as_deref().is_some_and(is_collection_and_file);
    if collection && (archive_container || archive_publisher || it.archive.is_some()) {
        if it.archive.is_none() {
            it.archive = if archive_container {
                it.container_title.take()
            } else {
                it.publisher.take()
            };
        }
        if it.archive_location.is_none() {
            it.archive_location = it.title.take();
        }
    }
    match &it.title {
        // the title the model found is then the archive's name, or a subject
        Some(t) if !lower_starts_with_any(t, ARCHIVE_WORDS) => return,
        Some(t) if it.archive.is_none() => it.archive = Some(t.clone()),
        _ => {}
    }
    it.title = Some(letter);
    it.author.clear();
}

/// "Northern Star, 14 Apr. 1838, p. 4", "Manchester Guardian, 3 May 1851":
/// a newspaper's name read as an author ("Star, Northern") or as a book's
/// title, with a day-precise date and nothing of a book, is the container
/// of an untitled newspaper article.
fn newspaper_read_as_name_or_title(it: &mut Item, author_texts: &[String]) {
    // "Vossische Zeitung, Nr. 214 vom 8. Mai 1912": the day in the note
    let known = |s: &str| crate::press::is_known_newspaper(s.trim().trim_end_matches([',', '.']));
    if matches!(author_texts, [only] if known(only)) || it.title.as_deref().is_some_and(known) {
        crate::press::issue_and_day_from_note(it);
    }
    // "Frankfurter Zeitung vom 3. Mai 1925": the day in the title
    if author_texts.is_empty() {
        crate::press::day_from_title(it);
    }
    let full_day = crate::infer::issued_precision(it) == 3;
    let bookish = it.publisher.is_some()
        || it.publisher_place.is_some()
        || it.volume.is_some()
        || !it.editor.is_empty()
        || it.container_title.is_some();
    if !full_day || bookish {
        return;
    }
    let paper = |s: &str| {
        let s = s.trim().trim_end_matches([',', '.', ';', ' ']);
        // the paper's name alone, not a headline that ends with it
        if s.split_whitespace().count() > 5 {
            return None;
        }
        (crate::press::is_known_newspaper(s) || crate::press::has_newspaper_word(s))
            .then(|| s.to_string())
    };
    match (author_texts, it.title.as_deref()) {
        ([only], None) => {
            if let Some(name) = paper(only) {
                it.container_title = Some(name);
                it.author.clear();
            }
        }
        ([], Some(t)) => {
            if let Some(name) = paper(t) {
                it.container_title = Some(name);
                it.title = None;
            }
        }
        // "El Sol, 14 de abril de 1931" read whole as the date
        ([], None) => {
            let raw = it.issued.as_ref().and_then(|d| d.raw.as_deref());
            let split = raw.and_then(|r| {
                let (head, date) = r.split_once(", ")?;
                Some((paper(head)?, date.to_string()))
            });
            if let (Some((name, date)), Some(d)) = (split, it.issued.as_mut()) {
                it.container_title = Some(name);
                d.raw = Some(date);
            }
        }
        _ => {}
    }
}

/// "Policy Planning Staff Records, box 1", "Halifax Papers, file 3": a
/// collection with a box, folder or file number.
fn is_collection_and_file(s: &str) -> bool {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.windows(2).any(|w| {
        matches!(
            w[0].as_str(),
            "box" | "folder" | "file" | "vol" | "bundle" | "carton"
        ) && w[1].chars().all(|c| c.is_ascii_digit())
    }) && words.iter().any(|w| {
        matches!(
            w.as_str(),
            "records" | "papers" | "collection" | "box" | "folder"
        )
    })
}

/// "Entick v Carrington" taken for an author is the name of a case.
fn case_name_title(it: &mut Item, author_texts: &[String]) {
    let [only] = author_texts else { return };
    if it.title.is_some() {
        return;
    }
    let name = only.trim().trim_end_matches([',', ';', ' ']);
    let parties = name
        .split_once(" v ")
        .or_else(|| name.split_once(" v. "))
        .or_else(|| name.split_once(" vs. "));
    let Some((a, b)) = parties else { return };
    let capital = |p: &str| p.trim().chars().next().is_some_and(char::is_uppercase);
    // "F. Bonnard, s. v. Barozzi" is a dictionary entry (sub voce), no case
    let sub_voce = a.trim_end().ends_with(" s.") || a.trim_end().ends_with(" s") || a.contains(',');
    if capital(a) && capital(b) && !sub_voce {
        it.title = Some(name.to_string());
        it.author.clear();
    }
}

/// "HC Deb 3 February 1977, vol 925, col 973", "H.C. Deb., 5th ser.": the
/// parliamentary debates are the title, not a person "Deb".
fn hansard_title(it: &mut Item, author_texts: &[String]) {
    let [only] = author_texts else { return };
    if it.title.is_some() {
        return;
    }
    let name = only.trim().trim_end_matches([',', ';', ' ']);
    let letters: String = name.chars().filter(|c| c.is_alphabetic()).collect();
    // "Hansard, HC Deb 12 May 1938": the series' name before it
    let bare = letters.strip_prefix("Hansard").unwrap_or(&letters);
    if matches!(bare, "HCDeb" | "HLDeb") {
        it.title = Some(name.to_string());
        it.author.clear();
    }
}

fn archive_from_title(it: &mut Item) {
    if it.archive.is_some() || it.archive_location.is_none() {
        return;
    }
    if let Some(t) = &it.title {
        if lower_starts_with_any(t, ARCHIVE_WORDS) {
            it.archive = it.title.take();
        }
    }
}

/// "“Minutes of the Cabinet, 14 March 1938,” CAB 23/92, The National
/// Archives, Kew": an archive's name read as the publisher is the
/// `archive` when the item has a shelfmark, as its archive location or as a
/// record office's shelfmark left in the note (which becomes the archive
/// location); a place after the name's last comma is the `archive-place`.
fn archive_from_publisher(it: &mut Item) {
    if it.archive.is_some() {
        return;
    }
    let Some(publisher) = it.publisher.as_deref() else {
        return;
    };
    if !lower_starts_with_any(publisher, ARCHIVE_WORDS) {
        return;
    }
    let shelfmark_in_note = it.archive_location.is_none()
        && it
            .note
            .as_deref()
            .is_some_and(crate::archive_numbers::is_series_shelfmark);
    if it.archive_location.is_none() && !shelfmark_in_note {
        return;
    }
    if shelfmark_in_note {
        it.archive_location = it
            .note
            .take()
            .map(|n| n.trim().trim_end_matches(['.', ',', ';']).to_string());
    }
    let publisher = it.publisher.take().unwrap_or_default();
    // "The National Archives, Kew": one capitalised word after the last comma
    let place = publisher.rsplit_once(", ").filter(|(_, place)| {
        it.archive_place.is_none()
            && place.chars().next().is_some_and(char::is_uppercase)
            && place.chars().all(char::is_alphabetic)
    });
    match place {
        Some((archive, place)) => {
            it.archive_place = Some(place.to_string());
            it.archive = Some(archive.to_string());
        }
        None => it.archive = Some(publisher),
    }
}

/// "Cabinet minutes, 14 March 1938, CAB 23/92, …": in an archival
/// reference with no title, a document's kind read as the only author
/// ("minutes, Cabinet") is the title.
fn document_kind_author(it: &mut Item, author_texts: &[String]) {
    let [only] = author_texts else { return };
    if it.title.is_some() || (it.archive.is_none() && it.archive_location.is_none()) {
        return;
    }
    if ibid_model::text::document_kind_words(only).is_none() {
        return;
    }
    it.title = Some(only.trim().trim_end_matches([',', ';', ' ']).to_string());
    it.author.clear();
}

/// "Series C", "Serie II", "Reihe B", "Ser. 2" and nothing else.
pub(crate) fn is_series_designation(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let (Some(head), Some(value), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let series_word = |w: &str| {
        matches!(
            w.to_lowercase().trim_end_matches(['.', ',']),
            "series" | "serie" | "série" | "reihe" | "ser"
        )
    };
    // "Series C", "Serie D", "ser. 5"
    let lettered =
        series_word(head) && value.chars().count() <= 4 && value.chars().all(char::is_alphanumeric);
    // "Second Series", "2nd ser.", "Neue Reihe"
    let ordinal = |w: &str| {
        let w = w.to_lowercase();
        let digits = w.chars().take_while(char::is_ascii_digit).count();
        matches!(
            w.as_str(),
            "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
                | "new"
                | "neue"
                | "nuova"
                | "nouvelle"
                | "nueva"
        ) || (digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th" | "e" | "a"))
    };
    lettered || (ordinal(head) && series_word(value))
}

/// A series designation ("Serie D", "Second Series") where an item keeps no
/// series: as its only shelfmark (with no archive), as the container of an
/// item with a title ("Documents on British Foreign Policy, Second Series"),
/// or as a part of its note (left outside the fields) — it is the series of
/// a published collection.
fn series_collection(it: &mut Item) {
    if it.archive.is_some() || it.collection_title.is_some() {
        return;
    }
    if it
        .archive_location
        .as_deref()
        .is_some_and(is_series_designation)
    {
        it.collection_title = it.archive_location.take();
        return;
    }
    if it.title.is_some()
        && it
            .container_title
            .as_deref()
            .is_some_and(is_series_designation)
    {
        it.collection_title = it.container_title.take();
        return;
    }
    if let Some(series) = it.take_note_part(is_series_designation) {
        it.collection_title = Some(series);
        return;
    }
    // "The Venetian Dispatches from London, Camden Fifth Series 41
    // (Cambridge: CUP, 2012)": a book in a named series, not a chapter
    let named_series = |c: &str| {
        let words: Vec<&str> = c.split_whitespace().collect();
        words.len() >= 2
            && words.last().is_some_and(|w| {
                matches!(
                    w.to_lowercase().trim_end_matches(['.', ',']),
                    "series" | "serie" | "série" | "reihe"
                )
            })
    };
    if it.title.is_some()
        && it.editor.is_empty()
        && (it.publisher.is_some() || it.publisher_place.is_some())
        && it.container_title.as_deref().is_some_and(named_series)
    {
        it.collection_title = it.container_title.take();
        if let Some(v) = it.volume.take() {
            it.custom
                .insert("collection-number".into(), serde_json::Value::String(v));
        }
    }
}

fn series_title(it: &mut Item) {
    if it.title.is_some() || it.container_title.is_some() || it.author.len() != 1 {
        return;
    }
    let Some(name) = it.author[0].literal.clone() else {
        return;
    };
    if !lower_starts_with_any(&name, SERIES_HEADS) || name.split_whitespace().count() < 2 {
        return;
    }
    it.title = Some(name);
    it.author.clear();
    if it
        .archive_location
        .as_deref()
        .is_some_and(is_series_designation)
    {
        if it.collection_title.is_none() {
            it.collection_title = it.archive_location.take();
        } else {
            it.archive_location = None;
        }
    }
}

/// "Foreign Relations of the United States, 1947, vol. 3 (Washington,
/// 1972)": a series title, the bare year of the volume, and an imprint with
/// a later year. The first year names the volume; the second dates it.
fn series_year_in_title(it: &mut Item) {
    let Some(title) = it.title.as_deref() else {
        return;
    };
    if !lower_starts_with_any(title, SERIES_HEADS)
        || (it.publisher_place.is_none() && it.publisher.is_none())
    {
        return;
    }
    let bare_year = |s: &str| -> Option<i32> {
        let s = s.trim();
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let Some(issued) = &it.issued else { return };
    let Some(covered) = issued.raw.as_deref().and_then(bare_year) else {
        return;
    };
    let Some(serde_json::Value::Array(others)) = it.custom.get("other-dates") else {
        return;
    };
    let [serde_json::Value::String(other)] = others.as_slice() else {
        return;
    };
    let Some(printed) = bare_year(other).filter(|&y| y > covered && y - covered <= 80) else {
        return;
    };
    it.title = Some(format!("{title}, {covered}"));
    let mut date = ibid_model::Date::year(printed);
    date.raw = Some(printed.to_string());
    it.issued = Some(date);
    it.custom.remove("other-dates");
}

#[cfg(test)]
mod tests;
