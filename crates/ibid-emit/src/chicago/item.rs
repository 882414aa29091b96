//! Items as hayagriva reads them: the JSON of a CSL item with the few
//! changes its Chicago styles need ([`to_json_item`]), and the item a note's
//! own citation is rendered from ([`note_item`]).

use crate::common::{field, squash};
use crate::legal::{self, YearForm};
use hayagriva::citationberg::json::Item as JsonItem;
use ibid_model::{Citation, Item, ItemType, Name};
use serde_json::{Map, Value};
use std::borrow::Cow;

fn year_in(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let w = b.get(i..i + 4)?;
        let before = i.checked_sub(1).and_then(|j| b.get(j));
        let after = b.get(i + 4);
        (w.iter().all(u8::is_ascii_digit)
            && !before.is_some_and(u8::is_ascii_digit)
            && !after.is_some_and(u8::is_ascii_digit))
        .then(|| std::str::from_utf8(w).ok()?.parse().ok())
        .flatten()
    })
}

/// What joins the words of a family name for hayagriva, which splits a
/// family name at its whitespace again: a no-break space, which sorts as a
/// space; or, in a family name holding a lower-case word, which hayagriva
/// would still split at, the word joiner (U+2060, no whitespace; sorted as
/// if absent). `render` writes spaces back.
pub(crate) const FAMILY_GLUE: [char; 2] = ['\u{a0}', '\u{2060}'];

fn name_value(n: &Name) -> Option<Value> {
    let mut m = serde_json::Map::new();
    match (&n.family, &n.literal, &n.given) {
        (Some(family), _, _) => {
            let v = serde_json::to_value(n).ok()?;
            if let Value::Object(o) = v {
                m = o;
                m.remove("literal");
            }
            // "De Felice", "Van Gogh": ibid keeps a capitalised particle in
            // the family name (the source wrote it so), but hayagriva splits
            // a family name at its whitespace again and demotes the particle
            // ("Felice, R. De"), or everything up to a lower-case word
            // ("Gasset, José Ortega y"). The glue keeps the name whole; the
            // rendered text gets its spaces back (`render`).
            if n.non_dropping_particle.is_none() && family.contains(' ') {
                let lower_word = family
                    .split(' ')
                    .any(|w| w.chars().next().is_some_and(char::is_lowercase));
                let glue = FAMILY_GLUE[usize::from(lower_word)];
                m.insert(
                    "family".into(),
                    Value::String(family.replace(' ', glue.encode_utf8(&mut [0; 4]))),
                );
            }
        }
        (None, Some(l), _) | (None, None, Some(l)) => {
            m.insert("literal".into(), Value::String(squash(l)));
        }
        (None, None, None) => return None,
    }
    Some(Value::Object(m))
}

/// An ibid item as the JSON item hayagriva reads: no ranges (the first date
/// only), a year found in a literal date, `archive_place` spelled as
/// hayagriva reads it, names without family as literals, no `custom`.
/// `source` is the text of the citation the item comes from, when there is
/// one: it tells how a case's report gives its year ([`legal::year_form`]).
pub(crate) fn to_json_item(item: &Item, id: &str, source: Option<&str>) -> Option<JsonItem> {
    serde_json::from_value(to_json_value(item, id, source)?).ok()
}

/// [`to_json_item`] as a JSON value (comparable, unlike hayagriva's item).
pub(crate) fn to_json_value(item: &Item, id: &str, source: Option<&str>) -> Option<Value> {
    let mut v = serde_json::to_value(item).ok()?;
    let m = v.as_object_mut()?;
    // the medium of an artwork, the access date, a series number, a part
    crate::csl::lift_csl_variables(m);
    crate::csl::lift_variables(m, &["part-number"]);
    // a review is described by its title ("review of …, by …",
    // `review_as_description`): the style would print the reviewed work a
    // second time, and take the item for a review of no periodical
    m.remove("reviewed-title");
    m.remove("reviewed-author");
    m.remove("custom");
    m.remove("issued");
    // The CSL spelling of the type (hayagriva drops fields of unknown types).
    m.insert("type".into(), Value::String(item.item_type.as_str().into()));
    // Titles keep the capitalisation the source gave them: without a language
    // hayagriva would apply English title case, which mangles words such as
    // "Donoghue v Stevenson" ("V") or "Reform_Drafts" ("Reform_drafts").
    if item.language.is_none() {
        m.insert("language".into(), Value::String("und".into()));
    }
    m.insert("id".into(), Value::String(id.into()));
    // The Chicago style prints a case's report as volume, reporter and
    // page, and no `number`: a neutral citation's number ("[2016] UKSC 8")
    // stands where the page would, so that it is not printed as "___".
    if item.item_type == ItemType::LegalCase && item.page.is_none() {
        if let Some(n) = &item.number {
            m.remove("number");
            m.insert("page".into(), Value::String(n.clone()));
        }
    }
    if let Some(ap) = m.remove("archive-place") {
        m.insert("archive_place".into(), ap);
    }
    for role in ["author", "editor", "translator", "recipient", "interviewer"] {
        let list: &[Name] = match role {
            "author" => &item.author,
            "editor" => &item.editor,
            "translator" => &item.translator,
            "recipient" => &item.recipient,
            _ => &item.interviewer,
        };
        if list.is_empty() {
            continue;
        }
        let names: Vec<Value> = list.iter().filter_map(name_value).collect();
        m.insert(role.into(), Value::Array(names));
    }
    if let Some(d) = item.issued.as_ref().and_then(first_date_value) {
        m.insert("issued".into(), d);
    }
    // hayagriva reads no date ranges ("accessed 3–5 May 2024")
    if let Some(v) = m.remove("accessed") {
        let d = serde_json::from_value::<ibid_model::Date>(v).ok();
        if let Some(d) = d.as_ref().and_then(first_date_value) {
            m.insert("accessed".into(), d);
        }
    }
    if item.item_type == ItemType::LegalCase {
        square_year_report(item, source, m);
    }
    if item.item_type == ItemType::Legislation {
        public_law_after_title(item, m);
    }
    if item.item_type == ItemType::PersonalCommunication {
        letter_between_correspondents(item, m);
    }
    if item.item_type == ItemType::Interview {
        interview_place_and_genre(item, m);
    }
    review_as_description(item, m);
    occasion_as_description(item, m);
    if matches!(
        item.item_type,
        ItemType::EntryDictionary | ItemType::EntryEncyclopedia
    ) {
        reference_entry(item, m);
    }
    if item.item_type == ItemType::Manuscript {
        letter_between_correspondents(item, m);
        descriptive_title(item, m);
        file_as_collection(item, m);
    }
    volume_into_series(item, m);
    if let Some(Value::String(v)) = m.get_mut("volume") {
        *v = arabic_volume(v);
    }
    strip_controls(&mut v);
    Some(v)
}

/// A volume as CMOS prints it: in arabic numerals, also where the source
/// has a roman one ("II" → "2"; 14.123). Anything else, a lettered volume
/// ("C") among it, is kept.
pub(crate) fn arabic_volume(volume: &str) -> String {
    match crate::common::roman_volume_value(volume) {
        Some(n) => n.to_string(),
        None => volume.to_string(),
    }
}

/// The first date of `d` as hayagriva reads it (no ranges; a year found in
/// a literal date), or `None`.
fn first_date_value(d: &ibid_model::Date) -> Option<Value> {
    let parts = crate::common::first_date(d)
        .filter(|p| (-9999..=9999).contains(&p.0))
        .map(|(y, mo, day)| {
            let mut v = vec![i64::from(y)];
            v.extend(mo.map(i64::from));
            v.extend(day.map(i64::from));
            v
        })
        .or_else(|| {
            let t = d.literal.as_deref().or(d.raw.as_deref())?;
            year_in(t).map(|y| vec![y])
        })?;
    let mut date = serde_json::json!({ "date-parts": [parts] });
    if d.circa == Some(true) {
        date["circa"] = Value::Bool(true);
    }
    Some(date)
}

/// Remove control characters from every string of a JSON value.
fn strip_controls(v: &mut Value) {
    match v {
        Value::String(s) if s.chars().any(char::is_control) => {
            *s = s.chars().filter(|c| !c.is_control()).collect();
        }
        Value::Array(a) => a.iter_mut().for_each(strip_controls),
        Value::Object(o) => o.values_mut().for_each(strip_controls),
        _ => {}
    }
}

/// A case whose report gives its year in square brackets ("[1932] AC 562
/// (HL)", `[2018] UKSC 4`): the year is part of the report's reference, so
/// it goes, bracketed, before the volume and the report (`[1990] 2 AC`), and
/// is no date of its own; the style then prints "Donoghue v Stevenson,
/// [1932] AC 562 (HL)", not "AC 562 (HL 1932)". A year in round brackets
/// ("410 U.S. 113 (1973)") stays the date.
fn square_year_report(item: &Item, source: Option<&str>, m: &mut Map<String, Value>) {
    let Some(year) = crate::common::year(item) else {
        return;
    };
    let Some(report) = field(&item.container_title) else {
        return;
    };
    if legal::year_form(item, source) != YearForm::Square {
        return;
    }
    let volume = field(&item.volume).filter(|_| !legal::is_neutral(item));
    let container = match volume {
        Some(v) => format!("[{year}] {v} {report}"),
        None => format!("[{year}] {report}"),
    };
    m.insert("container-title".into(), Value::String(container));
    m.remove("volume");
    m.remove("issued");
}

/// An archived letter titled by its correspondents ("Phipps to Simon"),
/// with no author: the style quotes a manuscript's title
/// ("“Phipps to Simon,” May 4, 1935"); Chicago writes a letter as its
/// writer and addressee ("Phipps to Simon, May 4, 1935, FO 371/…"), which
/// the style prints for a letter with an author and a recipient.
fn letter_between_correspondents(item: &Item, m: &mut Map<String, Value>) {
    // (with a page the style sets the date in brackets: "Henderson to Eden
    // (May 20, 1937), …")
    if !item.author.is_empty() || !item.recipient.is_empty() || item.page.is_some() {
        return;
    }
    let Some(title) = field(&item.title) else {
        return;
    };
    let Some((from, to)) = ibid_model::text::correspondents(&title) else {
        return;
    };
    let name = |s: &str| serde_json::json!([{ "literal": s }]);
    m.insert(
        "type".into(),
        Value::String("personal_communication".into()),
    );
    m.insert("author".into(), name(from));
    m.insert("recipient".into(), name(to));
    m.remove("title");
}

/// An unpublished interview as Chicago writes it: "Maria Rossi, interview
/// by the author, March 3, 1998, Bologna." The style prints a genre as
/// "interview by" and then the interviewer, so with no interviewer the
/// genre goes (and "interview" stands after the date, as the style prints a
/// medium); a place is no publisher's, so it leaves the brackets of an
/// imprint for that same spot.
fn interview_place_and_genre(item: &Item, m: &mut Map<String, Value>) {
    if m.contains_key("medium") || item.publisher.is_some() {
        return;
    }
    let mut medium = Vec::new();
    if item.interviewer.is_empty() && m.remove("genre").is_some() {
        medium.push("interview".to_string());
    }
    if let Some(Value::String(place)) = m.remove("publisher-place") {
        medium.push(place);
    }
    if !medium.is_empty() {
        m.insert("medium".into(), Value::String(medium.join(", ")));
    }
}

/// A review titled by what it reviews ("review of The Third Reich, by
/// Michael Burleigh") is described, not quoted: CMOS sets "review of …" in
/// roman without quotation marks, which the style does for a genre. A
/// title "Review of …" naming no reviewed author ("Review of Particle
/// Physics", a survey) stays a title.
fn review_as_description(item: &Item, m: &mut Map<String, Value>) {
    if field(&item.genre).is_some() {
        return;
    }
    let Some(title) = field(&item.title) else {
        return;
    };
    let reviews_a_work = item.custom.contains_key("reviewed-title");
    // lower case in a note ("…, review of …"); the style capitalises it
    // where a sentence begins
    if let Some(rest) = title
        .strip_prefix("review of ")
        .or_else(|| title.strip_prefix("Review of ").filter(|_| reviews_a_work))
    {
        m.remove("title");
        m.insert("genre".into(), Value::String(format!("review of {rest}")));
    }
}

/// Head words of speeches and diaries that are German nouns, capitalised
/// in any sentence.
const GERMAN_HEADS: &[&str] = &["Rede", "Ansprache", "Tagebuch", "Tagebücher"];

/// English month names, for dates the style does not print itself.
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A speech or diary entry the source describes in lower case ("speech",
/// "diary entry", "speech at Birmingham") is described, not quoted, as
/// CMOS sets it ("Neville Chamberlain, radio broadcast, London, September
/// 27, 1938"). The day it was given (`event-date`, which the style does not
/// print for a chapter or an article) joins the description; in a chapter
/// the description stays the title, quoted ("“speech of January 30,
/// 1939,” in Max Domarus, …"), as the style prints a chapter's genre as
/// "Preface to". A capitalised head ("Speech at Birmingham") may be a
/// title and keeps its quotation marks.
fn occasion_as_description(item: &Item, m: &mut Map<String, Value>) {
    let day = m
        .remove("event-date")
        .and_then(|v| serde_json::from_value::<ibid_model::Date>(v).ok())
        .as_ref()
        .and_then(crate::common::first_date);
    let place = match m.remove("event-place") {
        Some(Value::String(p)) => Some(p),
        _ => None,
    };
    // a speech printed nowhere: the style prints its place where a
    // publisher's would stand, before the date
    if item.item_type == ItemType::Speech {
        if let Some(p) = &place {
            m.insert("publisher-place".into(), Value::String(p.clone()));
        }
    }
    if field(&item.genre).is_some() {
        return;
    }
    let Some(title) = field(&item.title) else {
        return;
    };
    // a head word alone ("Speech", "Discours") describes, whatever its case;
    // it is set in lower case but for a German noun ("Rede", "Tagebuch")
    let head_alone = !title.contains(' ')
        && ibid_model::text::occasion_head(&title).is_some()
        && (day.is_some() || place.is_some());
    let title = if head_alone && !GERMAN_HEADS.contains(&title.as_str()) {
        title.to_lowercase()
    } else {
        title
    };
    // "radio broadcast", "diary entry": a head word among the first two
    let names_occasion = title
        .split_whitespace()
        .take(2)
        .any(|w| ibid_model::text::occasion_head(w).is_some());
    let descriptive = title.starts_with(|c: char| c.is_lowercase())
        && names_occasion
        && (day.is_some() || matches!(item.item_type, ItemType::Speech | ItemType::Manuscript));
    // a letter printed in an edition: its day after the correspondents
    // ("Letter of Cavour to Nigra, January 12, 1859")
    let letter = day.is_some() && ibid_model::text::correspondents(&title).is_some();
    if !descriptive && !head_alone && !letter {
        return;
    }
    let mut genre = title;
    if let (Some(p), Some(_)) = (&place, day) {
        genre.push_str(", ");
        genre.push_str(p);
    }
    if let Some((y, Some(mo), d)) = day {
        let month = MONTH_NAMES[(mo.clamp(1, 12) - 1) as usize];
        let of = if genre.starts_with("speech") && !genre.contains([' ', ',']) {
            " of"
        } else {
            ","
        };
        match d {
            Some(d) => genre.push_str(&format!("{of} {month} {d}, {y}")),
            None => genre.push_str(&format!("{of} {month} {y}")),
        }
    }
    // the style prints a chapter's genre as "Preface to …": a chapter keeps
    // the description as its title
    if item.item_type == ItemType::Chapter {
        m.insert("title".into(), Value::String(genre));
        return;
    }
    m.remove("title");
    m.insert("genre".into(), Value::String(genre));
}

/// An unsigned entry of a reference work is cited by its headword, "sub
/// voce": "Encyclopaedia Britannica, s.v. “Salvation.”" (CMOS 14.233); the
/// style prints the reference work and then the title bare. A signed one
/// is cited as a chapter ("Mary Jones, “Smith, John,” in Oxford Dictionary
/// of National Biography, vol. 51 …"): as an entry the style would print
/// its volume inside the title's quotation marks.
fn reference_entry(item: &Item, m: &mut Map<String, Value>) {
    if !item.author.is_empty() {
        m.insert("type".into(), Value::String("chapter".into()));
        return;
    }
    if let Some(title) = field(&item.title) {
        m.insert("title".into(), Value::String(format!("s.v. “{title}”")));
    }
}

/// Words after a document's kind that make it a description: its author,
/// addressee or date follows ("note du 3 avril", "letter from Eden").
const DOCUMENT_LINKS: &[&str] = &[
    "du", "de", "des", "d’", "au", "à", "aux", "by", "from", "to", "of", "dated", "vom", "von",
    "an", "der", "di", "del", "della", "dal", "al",
];

/// A document in an archive described rather than titled ("note du 3 avril
/// 1936", "rapport du préfet de police") is set in roman and capitalised,
/// as CMOS sets "Memorandum" or "Letter": the description goes to `genre`,
/// which the style prints without quotation marks. A kind followed by
/// anything but its author, addressee or date ("Memorandum on the
/// Rhineland") is a title and keeps its marks.
fn descriptive_title(item: &Item, m: &mut Map<String, Value>) {
    if field(&item.archive).is_none() || field(&item.genre).is_some() || !m.contains_key("title") {
        return;
    }
    let Some(title) = field(&item.title) else {
        return;
    };
    // the kind alone, or with its author, addressee or date ("rapport du
    // préfet", "letter from Eden"); "Memorandum on the Rhineland" is a title
    // the kind in one word ("note") or two ("cabinet conclusions")
    let Some(kind) = ibid_model::text::document_kind_words(&title) else {
        return;
    };
    let link = title
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .nth(kind)
        .map(str::to_lowercase);
    if !link.is_none_or(|w| DOCUMENT_LINKS.contains(&w.as_str())) {
        return;
    }
    let capitalised = crate::common::capitalise_first(&title);
    m.remove("title");
    m.insert("genre".into(), Value::String(capitalised));
}

/// An archive file cited by its shelfmark alone (the work of letters in
/// one file: no title, no author) is rendered as CSL's archival
/// `collection`, "FO 371/18851. The National Archives, Kew.": as a
/// manuscript the style would add "Unpublished manuscript". The other
/// exports keep the type `manuscript`.
fn file_as_collection(item: &Item, m: &mut Map<String, Value>) {
    if field(&item.title).is_none()
        && item.author.is_empty()
        && field(&item.genre).is_none()
        && field(&item.archive_location).is_some()
    {
        m.insert("type".into(), Value::String("collection".into()));
    }
}

/// An Act's public law number ("Pub. L. No. 115-164") follows its name:
/// the style would print it as a number range after a label of its own
/// ("Pub. L. Nos. Pub. L. No. 115–164").
fn public_law_after_title(item: &Item, m: &mut Map<String, Value>) {
    let (Some(title), Some(number)) = (field(&item.title), field(&item.number)) else {
        return;
    };
    if number.starts_with("Pub. L.") {
        m.insert("title".into(), Value::String(format!("{title}, {number}")));
        m.remove("number");
    }
}

/// The volume of a book in a numbered series, when the series takes it
/// ("House of Commons Debates, 5th ser., vol. 339"; "Documents on German
/// Foreign Policy, Series C, vol. II"): a volume given by its number alone,
/// arabic or roman, which the style would print with the pinpoint, after
/// the date ("5th ser (1938), 339:col. 361"), or before the series ("II,
/// Series C").
pub(crate) fn series_volume(item: &Item) -> Option<String> {
    if item.item_type != ItemType::Book || field(&item.collection_title).is_none() {
        return None;
    }
    let volume = squash(&field(&item.volume)?);
    // "339"; a roman "II" ("Documents on German Foreign Policy, Series C, vol. II")
    let roman = ibid_model::text::canonical_roman(&volume, ibid_model::text::RomanRules::STANDARD)
        .is_some();
    (volume.chars().all(|c| c.is_ascii_digit()) || roman).then_some(volume)
}

/// [`series_volume`]: the volume joins the series as CMOS writes it, "5th
/// ser., vol. 339 (1938), col. 361" (short notes get it with their
/// pinpoint: see the plan). An abbreviation the series ends with gets its
/// full stop back ("5th ser" → "5th ser.").
fn volume_into_series(item: &Item, m: &mut Map<String, Value>) {
    let (Some(volume), Some(series)) = (series_volume(item), series_name(item)) else {
        return;
    };
    // "5th ser." already holds the series' number ("H.C. Deb., 5th ser.,
    // vol. 339"): the style would print it again after the volume
    let number = m.get("collection-number").and_then(|n| {
        n.as_str()
            .map(str::to_string)
            .or_else(|| n.as_u64().map(|n| n.to_string()))
    });
    if let Some(n) = number {
        let ordinal = series.split([' ', ',']).any(|w| {
            w.strip_prefix(n.as_str())
                .is_some_and(|suffix| matches!(suffix, "st" | "nd" | "rd" | "th" | "d"))
        });
        if ordinal {
            m.remove("collection-number");
        }
    }
    m.insert(
        "collection-title".into(),
        Value::String(format!("{series}, vol. {volume}")),
    );
    m.remove("volume");
}

/// The series an item's volume goes into, as CMOS writes it: an
/// abbreviation it ends with gets its full stop back ("5th ser" → "5th
/// ser.").
fn series_name(item: &Item) -> Option<String> {
    let mut series = squash(&field(&item.collection_title)?);
    if series
        .rsplit(' ')
        .next()
        .is_some_and(|last| matches!(last, "ser" | "Ser" | "n.s" | "N.S"))
    {
        series.push('.');
    }
    Some(series)
}

/// [`series_volume`] with its series, "Series C, vol. II": what a short
/// note names besides the title, since the volume is numbered within the
/// series.
pub(crate) fn series_and_volume(item: &Item) -> Option<String> {
    Some(format!(
        "{}, vol. {}",
        series_name(item)?,
        series_volume(item)?
    ))
}

/// The item a note's own citation is rendered from: the citation's item
/// without the fields that only repeat others. The CSL layer copies a
/// book's pinpoint "p. 88" to `page` "88", which the style would print as
/// the book's pages; an archival citation's shelfmark may also stand in
/// `page` or `note`, and the archive's name in `title` (the work, which
/// keeps only the file, has none of these).
pub(crate) fn note_item(c: &Citation) -> Cow<'_, Item> {
    let item = &c.item;
    let same = |a: &Option<String>, b: &Option<String>| matches!((field(a), field(b)), (Some(a), Some(b)) if squash(&a) == squash(&b));
    let in_location = |v: &Option<String>| {
        let (Some(v), Some(loc)) = (field(v), field(&item.archive_location)) else {
            return false;
        };
        squash(&loc).contains(&squash(&v))
    };
    let page_is_pinpoint = page_is_locator(item.page.as_deref(), c.locator.as_deref());
    let drop_page = page_is_pinpoint || in_location(&item.page);
    let drop_note = in_location(&item.note);
    let drop_title = same(&item.title, &item.archive);
    if !(drop_page || drop_note || drop_title) {
        return Cow::Borrowed(item);
    }
    let mut own = item.clone();
    if drop_page {
        own.page = None;
        own.page_first = None;
    }
    if drop_note {
        own.note = None;
    }
    if drop_title {
        own.title = None;
    }
    Cow::Owned(own)
}

/// Whether `page` is the pinpoint `locator` ("88" and "p. 88", "24-31" and
/// "pp. 24–31").
fn page_is_locator(page: Option<&str>, locator: Option<&str>) -> bool {
    let (Some(page), Some(loc)) = (page, locator) else {
        return false;
    };
    let Some((first, last)) = super::locators::pinpoint_numbers(loc) else {
        return false;
    };
    let locator = match last {
        Some(l) => format!("{first}-{l}"),
        None => first,
    };
    let page: String = page
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if matches!(c, '–' | '—') { '-' } else { c })
        .collect();
    page == locator
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_from_literals() {
        assert_eq!(year_in("Spring 1925"), Some(1925));
        assert_eq!(year_in("12345"), None);
        assert_eq!(year_in("n.d."), None);
    }

    /// A speech reported in a newspaper: its head word, place and day are
    /// the description; a chapter keeps the description as its title.
    #[test]
    fn speeches_are_described() {
        let mut item = Item {
            item_type: ItemType::ArticleNewspaper,
            title: Some("Speech".into()),
            container_title: Some("The Times".into()),
            ..Item::default()
        };
        item.custom.insert(
            "event-date".into(),
            serde_json::json!({"date-parts": [[1939, 3, 17]]}),
        );
        item.custom
            .insert("event-place".into(), serde_json::json!("Birmingham"));
        let v = to_json_value(&item, "r1", None).unwrap();
        assert_eq!(v["genre"], "speech, Birmingham, March 17, 1939");
        assert!(v.get("title").is_none() && v.get("event-date").is_none());

        item.item_type = ItemType::Chapter;
        item.title = Some("speech".into());
        item.custom.remove("event-place");
        let v = to_json_value(&item, "r1", None).unwrap();
        assert_eq!(v["title"], "speech of March 17, 1939");

        // a German noun keeps its capital
        item.title = Some("Rede".into());
        let v = to_json_value(&item, "r1", None).unwrap();
        assert_eq!(v["title"], "Rede, March 17, 1939");
    }
}
