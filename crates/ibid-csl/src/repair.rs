//! Repairs of labelled fields that history notes need and a sequence model
//! trained mostly on books and articles gets wrong, applied to the item
//! before its type is inferred:
//!
//! - a letter cited by its correspondents ("Phipps to Simon, 4 May 1935,
//!   FO 371/18851") is a manuscript whose *title* is "Phipps to Simon";
//! - an archive's name taken for a title ("The National Archives, Kew") is
//!   the `archive` when the item has a shelfmark and no archive yet;
//! - a documents series named like a body ("Documents on German Foreign
//!   Policy, Series C, Vol. II") with no title anywhere is the title;
//! - "Series C" taken for the only shelfmark of an item with no archive is
//!   the collection, and "Doc. No. 45" is the pinpoint, no shelfmark;
//! - a case name taken for an author ("Entick v Carrington") is the title;
//! - Hansard taken for an author ("HC Deb", "H.L. Deb.") is the title;
//! - law reports, courts and neutral citations: see the `reports` module.

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
    newspaper_read_as_name_or_title(it, author_texts);
    letter_title(it, author_texts);
    case_name_title(it, author_texts);
    hansard_title(it, author_texts);
    archive_from_title(it);
    series_title(it);
    series_collection(it);
    pinpoint_shelfmark(it);
    pinpoint_after_range(it);
    crate::reports::repair_reports(it);
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

/// "Doc. No. 45", "No. 12", "Nr. 3": a document number taken for a
/// shelfmark is the citation's pinpoint (the segmenter keeps it as the
/// locator), not where the work is kept.
fn is_document_number(s: &str) -> bool {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let Some((number, markers)) = words.split_last() else {
        return false;
    };
    !markers.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
        && markers.iter().all(|m| {
            matches!(
                m.as_str(),
                "doc" | "document" | "dok" | "no" | "nr" | "n°" | "nos"
            )
        })
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

/// "Phipps to Simon", "Halifax to Henderson", "Sir E. Phipps to Sir J. Simon".
fn is_correspondents(s: &str) -> bool {
    let s = s.trim().trim_end_matches([',', '.', ';']);
    let Some((from, to)) = s.split_once(" to ") else {
        return false;
    };
    let namish = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 5
            && words.last().is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1
            })
            && words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                    || matches!(*w, "de" | "von" | "van" | "di" | "du" | "le" | "la")
            })
    };
    namish(from) && namish(to)
}

fn letter_title(it: &mut Item, author_texts: &[String]) {
    let [only] = author_texts else { return };
    if !is_correspondents(only) {
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
    let full_day = it
        .issued
        .as_ref()
        .and_then(|d| d.date_parts.first())
        .is_some_and(|p| p.len() == 3);
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
    if matches!(letters.as_str(), "HCDeb" | "HLDeb") {
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

/// "Series C", "Serie II", "Reihe B", "Ser. 2" and nothing else.
fn is_series_designation(s: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::Name;

    fn literal(s: &str) -> Name {
        Name {
            literal: Some(s.into()),
            ..Name::default()
        }
    }

    #[test]
    fn a_pinpoint_inside_the_range_is_the_locator() {
        let pin = |page: &str| {
            let mut it = Item {
                page: Some(page.into()),
                ..Item::default()
            };
            pinpoint_after_range(&mut it);
            let loc = it
                .custom
                .get("locator")
                .and_then(|v| v.as_str())
                .map(str::to_string);
            (it.page.unwrap_or_default(), loc)
        };
        assert_eq!(pin("401-28, 410"), ("401-28".into(), Some("410".into())));
        assert_eq!(
            pin("237-264, ici p. 240"),
            ("237-264".into(), Some("p. 240".into()))
        );
        assert_eq!(
            pin("73-97, hier S. 80"),
            ("73-97".into(), Some("S. 80".into()))
        );
        assert_eq!(
            pin("195-215, esp. 200-201"),
            ("195-215".into(), Some("200-201".into()))
        );
        // more pages of the work, or words that are no pinpoint: left alone
        assert_eq!(pin("12-15, 18"), ("12-15, 18".into(), None));
        assert_eq!(pin("12-15, and 13"), ("12-15, and 13".into(), None));
        assert_eq!(pin("xii-xiv, 3"), ("xii-xiv, 3".into(), None));
    }

    #[test]
    fn a_newspaper_read_as_a_name_or_a_title() {
        use ibid_model::Date;
        let day = Date {
            date_parts: vec![vec![1838, 4, 14]],
            ..Date::default()
        };
        let mut it = Item {
            author: vec![literal("Star, Northern")],
            issued: Some(day.clone()),
            ..Item::default()
        };
        repair(&mut it, &["Northern Star,".into()]);
        assert_eq!(it.container_title.as_deref(), Some("Northern Star"));
        assert!(it.author.is_empty());
        // a known paper's issue number and day left in the note
        let mut it = Item {
            author: vec![Name::person("Zeitung", Some("Vossische".into()))],
            issued: Some(Date {
                date_parts: vec![vec![1912, 5]],
                ..Date::default()
            }),
            note: Some("Nr. 214 vom 8".into()),
            ..Item::default()
        };
        repair(&mut it, &["Vossische Zeitung".into()]);
        assert_eq!(it.container_title.as_deref(), Some("Vossische Zeitung"));
        assert_eq!(it.issue.as_deref(), Some("214"));
        assert_eq!(it.issued.unwrap().date_parts, [[1912, 5, 8]]);
        assert_eq!(it.note, None);
        let mut it = Item {
            title: Some("Manchester Guardian".into()),
            issued: Some(day.clone()),
            ..Item::default()
        };
        repair(&mut it, &[]);
        assert_eq!(it.container_title.as_deref(), Some("Manchester Guardian"));
        assert_eq!(it.title, None);
        // a person with a day-precise date, or a paper with a year only, stays
        let mut it = Item {
            author: vec![literal("Smith, John")],
            issued: Some(day),
            ..Item::default()
        };
        repair(&mut it, &["John Smith".into()]);
        assert!(it.container_title.is_none() && !it.author.is_empty());
        let mut it = Item {
            title: Some("Manchester Guardian".into()),
            issued: Some(Date::year(1851)),
            ..Item::default()
        };
        repair(&mut it, &[]);
        assert_eq!(it.title.as_deref(), Some("Manchester Guardian"));
    }

    #[test]
    fn a_letter_in_a_collection_and_file() {
        let mut it = Item {
            author: vec![literal("Kennan to Acheson")],
            title: Some("Policy Planning Staff Records, box 1".into()),
            container_title: Some("National Archives".into()),
            publisher_place: Some("College Park, MD".into()),
            ..Item::default()
        };
        repair(&mut it, &["Kennan to Acheson".into()]);
        assert_eq!(it.title.as_deref(), Some("Kennan to Acheson"));
        assert_eq!(it.archive.as_deref(), Some("National Archives"));
        assert_eq!(
            it.archive_location.as_deref(),
            Some("Policy Planning Staff Records, box 1")
        );
        assert!(it.author.is_empty() && it.container_title.is_none());
        // a book's title after a letter stays (no box or file in it)
        let mut it = Item {
            author: vec![literal("Kennan to Acheson")],
            title: Some("Memoirs".into()),
            container_title: Some("National Archives".into()),
            ..Item::default()
        };
        repair(&mut it, &["Kennan to Acheson".into()]);
        assert_eq!(it.title.as_deref(), Some("Memoirs"));
    }

    #[test]
    fn correspondents_are_a_letter_title() {
        assert!(is_correspondents("Phipps to Simon"));
        assert!(is_correspondents("Sir E. Phipps to Sir J. Simon,"));
        assert!(!is_correspondents("Letters to friends"));
        assert!(!is_correspondents("Taylor, A. J. P."));
        let mut it = Item {
            author: vec![literal("Phipps to Simon")],
            title: Some("The National Archives, Kew".into()),
            archive_location: Some("FO 371/18851".into()),
            ..Item::default()
        };
        repair(&mut it, &["Phipps to Simon".into()]);
        assert_eq!(it.title.as_deref(), Some("Phipps to Simon"));
        assert_eq!(it.archive.as_deref(), Some("The National Archives, Kew"));
        assert!(it.author.is_empty());
    }

    #[test]
    fn archive_names_leave_the_title() {
        let mut it = Item {
            title: Some("Bundesarchiv Berlin".into()),
            archive_location: Some("R 43 II/1309".into()),
            ..Item::default()
        };
        repair(&mut it, &[]);
        assert_eq!(it.archive.as_deref(), Some("Bundesarchiv Berlin"));
        assert_eq!(it.title, None);
        // without a shelfmark a title about archives stays a title
        let mut it = Item {
            title: Some("Archives and the Historian".into()),
            ..Item::default()
        };
        repair(&mut it, &[]);
        assert_eq!(it.title.as_deref(), Some("Archives and the Historian"));
    }

    #[test]
    fn a_case_name_taken_for_an_author_is_the_title() {
        let mut it = Item {
            author: vec![literal("Entick v Carrington")],
            volume: Some("19 St Tr 1029".into()),
            ..Item::default()
        };
        repair(&mut it, &["Entick v Carrington".into()]);
        assert_eq!(it.title.as_deref(), Some("Entick v Carrington"));
        assert!(it.author.is_empty());
        assert_eq!(it.container_title.as_deref(), Some("St Tr"));
    }

    #[test]
    fn hansard_taken_for_an_author_is_the_title() {
        for text in ["HL Deb", "H.C. Deb.,"] {
            let mut it = Item {
                author: vec![Name::person("Deb", Some("HL".into()))],
                volume: Some("667".into()),
                ..Item::default()
            };
            repair(&mut it, &[text.into()]);
            assert_eq!(it.title.as_deref(), Some(text.trim_end_matches(',')));
            assert!(it.author.is_empty());
        }
        // a person named Deb stays one
        let mut it = Item {
            author: vec![Name::person("Deb", Some("Ananya".into()))],
            ..Item::default()
        };
        repair(&mut it, &["Ananya Deb".into()]);
        assert_eq!(it.author.len(), 1);
    }

    #[test]
    fn a_document_number_is_no_shelfmark() {
        assert!(is_document_number("Doc. No. 45"));
        assert!(is_document_number("Nr. 3"));
        assert!(!is_document_number("FO 371/18851"));
        assert!(!is_document_number("45"));
        let mut it = Item {
            title: Some("Documents on German Foreign Policy".into()),
            archive_location: Some("Doc. No. 45".into()),
            ..Item::default()
        };
        repair(&mut it, &[]);
        assert_eq!(it.archive_location, None);
        assert_eq!(it.custom["locator"], "Doc. No. 45");
        // in the note: the other parts stay
        let mut it = Item {
            title: Some("Akten zur deutschen auswärtigen Politik".into()),
            note: Some("Serie D, Bd. 1; Nr. 19".into()),
            ..Item::default()
        };
        repair(&mut it, &[]);
        assert_eq!(it.note.as_deref(), Some("Serie D, Bd. 1"));
        assert_eq!(it.custom["locator"], "Nr. 19");
    }

    #[test]
    fn a_documents_series_is_a_title() {
        let mut it = Item {
            author: vec![literal("Documents on German Foreign Policy")],
            archive_location: Some("Series C".into()),
            volume: Some("II".into()),
            ..Item::default()
        };
        repair(&mut it, &["Documents on German Foreign Policy".into()]);
        assert_eq!(
            it.title.as_deref(),
            Some("Documents on German Foreign Policy")
        );
        assert_eq!(it.collection_title.as_deref(), Some("Series C"));
        assert_eq!(it.archive_location, None);
        assert!(it.author.is_empty());
        // a body with a title of its own keeps being the author
        let mut it = Item {
            author: vec![literal("Documents Committee")],
            title: Some("Annual Report".into()),
            ..Item::default()
        };
        repair(&mut it, &[]);
        assert_eq!(it.author.len(), 1);
    }

    #[test]
    fn a_series_in_the_container_or_the_note_is_the_collection() {
        assert!(is_series_designation("Second Series"));
        assert!(is_series_designation("2nd ser."));
        assert!(is_series_designation("Serie D"));
        assert!(!is_series_designation("Second Thoughts"));
        assert!(!is_series_designation("Series Editor's Preface"));
        let mut it = Item {
            title: Some("Documents on British Foreign Policy, 1919–1939".into()),
            container_title: Some("Second Series".into()),
            ..Item::default()
        };
        repair(&mut it, &[]);
        assert_eq!(it.collection_title.as_deref(), Some("Second Series"));
        assert_eq!(it.container_title, None);
        let mut it = Item {
            author: vec![literal("Documents on German Foreign Policy")],
            volume: Some("Vol. II".into()),
            note: Some("Series C; Doc. No. 45".into()),
            ..Item::default()
        };
        repair(&mut it, &["Documents on German Foreign Policy".into()]);
        assert_eq!(it.collection_title.as_deref(), Some("Series C"));
        // the document number is the pinpoint
        assert_eq!(
            (it.note, &it.custom["locator"]),
            (None, &"Doc. No. 45".into())
        );
        // a journal's own series stays its container without a title
        let mut it = Item {
            container_title: Some("Second Series".into()),
            ..Item::default()
        };
        repair(&mut it, &[]);
        assert_eq!(it.container_title.as_deref(), Some("Second Series"));
    }
}
