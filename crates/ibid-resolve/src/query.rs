//! What a citation says about its work, folded for matching, and how well it
//! matches a known work (title level, author agreement).

use crate::fold::{file_key, is_same_author_word, is_stopword, name_keys, words, TitleWords};
use crate::fuzzy::{match_words, WordMatch};
use crate::known;
use crate::markers::find_locator;
use crate::signature::{component, Signature};
use crate::tokens::tokenize;
use ibid_model::{Item, ItemType, Name};

/// Marker words that labellers sometimes leave inside a title field.
const TITLE_NOISE: &[&str] = &[
    "op", "cit", "laud", "aao", "supra", "infra", "ibid", "ibidem", "ebd", "ebenda", "loc",
];

/// The matching keys of a citation or a work.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Name keys of each author (editors when there is no author).
    pub authors: Vec<Vec<String>>,
    pub title: Option<TitleWords>,
    /// True when the title is really the container ("The Times, 12 May 1937").
    pub title_from_container: bool,
    pub container: Option<TitleWords>,
    pub sig: Signature,
    pub year: Option<i32>,
    /// Canonical archive (table abbreviation or folded name).
    pub archive: Option<String>,
    /// Key of the archive file.
    pub file: Option<String>,
    /// The file part of the archive location as written.
    pub file_text: Option<String>,
    /// Words of the citation's text ([`text_words`]), for full citations.
    pub text_words: Vec<String>,
    /// Whether the title stands in quotation marks in the text.
    pub title_quoted: Option<bool>,
}

/// Words a labeller may take for a name that are markers ("oben, Anm. 13").
fn is_name_noise(key: &str) -> bool {
    let parts: Vec<&str> = key.split(' ').collect();
    let glued: String = parts.concat();
    // "a.a.O" or "op. cit." taken for a name; a name of initials only.
    if matches!(
        glued.as_str(),
        "aao" | "opcit" | "loccit" | "oc" | "artcit" | "ouvrcit"
    ) || parts.iter().all(|p| p.chars().count() <= 1)
    {
        return true;
    }
    is_same_author_word(key)
        || crate::markers::is_reference_word(key)
        || matches!(
            key,
            "oben"
                | "unten"
                | "sopra"
                | "sotto"
                | "see"
                | "cf"
                | "vgl"
                | "siehe"
                | "voir"
                | "cfr"
                | "vedi"
                | "wie"
                | "retro"
                | "ante"
                | "dessus"
                | "also"
                | "ebda"
                | "tamze"
        )
}

/// Name keys of a list of names, leaving out "Idem"-like placeholders and
/// marker words.
pub fn author_keys(names: &[Name]) -> Vec<Vec<String>> {
    names
        .iter()
        .map(name_keys)
        .filter(|k| !k.is_empty() && !k.iter().any(|k| is_name_noise(k)))
        .collect()
}

/// Title words without marker noise; `None` when nothing is left.
pub fn clean_title(title: &str) -> Option<TitleWords> {
    let mut t = TitleWords::new(title)?;
    let before = t.words.len();
    let main_noise = t.words[..t.main_len.min(before)]
        .iter()
        .filter(|w| TITLE_NOISE.contains(&w.as_str()))
        .count();
    t.words.retain(|w| !TITLE_NOISE.contains(&w.as_str()));
    t.main_len = t.main_len.saturating_sub(main_noise).min(t.words.len());
    // "Ders., a.a.O." taken for a title: the same-author word names no title
    let same_author = t
        .words
        .iter()
        .take_while(|w| crate::fold::is_same_author_word(w))
        .count();
    if same_author > 0 {
        t.words.drain(..same_author);
        t.main_len = t.main_len.saturating_sub(same_author).min(t.words.len());
    }
    // A locator label the labeller left at the end ("Diplomacy of Illusion, pp").
    while t.words.len() > 1
        && t.words.last().is_some_and(|w| {
            matches!(
                w.as_str(),
                "p" | "pp"
                    | "s"
                    | "ss"
                    | "f"
                    | "ff"
                    | "n"
                    | "no"
                    | "nr"
                    | "vol"
                    | "col"
                    | "fol"
                    | "bd"
                    | "t"
                    | "cit"
                    | "at"
            )
        })
    {
        t.words.pop();
        t.main_len = t.main_len.min(t.words.len());
    }
    // nothing but stopwords, or the single letters of "a.a.O."
    if t.words.is_empty()
        || t.words.iter().all(|w| is_stopword(w))
        || (same_author > 0 && t.words.iter().all(|w| w.chars().count() <= 1))
    {
        return None;
    }
    if t.main_len == 0 {
        t.main_len = t.words.len();
    }
    Some(t)
}

/// A labelled location that is only a pinpoint ("Bl. 12", "fol. 3").
pub fn is_pinpoint(location: &str) -> bool {
    let toks = tokenize(location);
    toks.first().is_some_and(|t| {
        t.dot
            && matches!(
                t.norm.as_str(),
                "bl" | "fol"
                    | "fols"
                    | "fo"
                    | "f"
                    | "ff"
                    | "p"
                    | "pp"
                    | "c"
                    | "cc"
                    | "s"
                    | "no"
                    | "nr"
                    | "doc"
                    | "col"
            )
    }) && find_locator(location, &toks, 0, 0, true).is_some_and(|r| r.start == 0)
}

/// The canonical form of an archive name: the table abbreviation when known,
/// else the folded name.
pub fn archive_canonical(archive: &str) -> Option<String> {
    let trimmed = archive.trim();
    if trimmed.is_empty() {
        return None;
    }
    if let Some(c) = known::table().archive_canonical(trimmed) {
        return Some(c.to_owned());
    }
    let w = words(trimmed);
    (!w.is_empty()).then(|| w.join(" "))
}

/// The file part of an archive location: "FO 371/18851" of
/// "FO 371/18851, C 1234/55/18", or the location without folio/page labels.
pub fn archive_file(location: &str, locator: Option<&str>) -> String {
    let mut loc = location.trim();
    if let Some(l) = locator.map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(stripped) = loc.strip_suffix(l) {
            loc = stripped.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
        }
    }
    if let Some(end) = series_piece_end(loc) {
        return loc[..end].to_owned();
    }
    let toks = tokenize(loc);
    if let Some(r) = find_locator(loc, &toks, 1, 0, false) {
        let head = loc[..r.start].trim_end_matches(|c: char| c.is_whitespace() || c == ',');
        if !head.is_empty() {
            return head.to_owned();
        }
    }
    loc.to_owned()
}

/// Words that belong to a shelfmark rather than to a document's description.
const SHELF_TERMS: &[&str] = &[
    "busta",
    "buste",
    "filza",
    "filze",
    "fasc",
    "fascicolo",
    "fascicle",
    "sottofascicolo",
    "sf",
    "carton",
    "cartons",
    "dossier",
    "dossiers",
    "box",
    "boxes",
    "folder",
    "folders",
    "file",
    "files",
    "reg",
    "registro",
    "registre",
    "register",
    "serie",
    "series",
    "sous",
    "vol",
    "volume",
    "tome",
    "bd",
    "band",
    "heft",
    "akte",
    "akten",
    "bestand",
    "nr",
    "no",
    "num",
    "numero",
    "item",
    "piece",
    "liasse",
    "cote",
    "doc",
    "mappe",
    "faszikel",
    "karton",
    "fol",
    "fols",
    "part",
    "section",
    "sect",
    "class",
    "classe",
    "gruppo",
    "pos",
    "posizione",
    "titolo",
    "cat",
    "categoria",
    "anno",
    "year",
    "ser",
    "sez",
    "sezione",
    "bobine",
    "reel",
    "roll",
];

/// A location read from running text ("F7 13427, rapport du 3 mai 1934")
/// cut before the first comma-part that describes a document (a lower-case
/// word that is not a shelfmark term).
pub fn trim_description(location: &str) -> &str {
    let mut end = 0;
    for (i, part) in location.split(',').enumerate() {
        let describes = part.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.chars().count() >= 4
                && w.chars().next().is_some_and(char::is_lowercase)
                && w.chars().all(char::is_alphabetic)
                && !SHELF_TERMS.contains(&crate::fold::fold(w).as_str())
        });
        if describes && i > 0 {
            break;
        }
        end = if i == 0 {
            part.len()
        } else {
            end + 1 + part.len()
        };
    }
    location[..end.min(location.len())].trim_end_matches([',', ' '])
}

/// End of a leading "FO 371/18851"-like reference (letters, number, '/', number).
pub fn series_piece_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    let letters_start = i;
    while i < b.len() && (b[i].is_ascii_alphabetic() || b[i] == b'.') {
        i += 1;
    }
    if i == letters_start || i - letters_start > 8 {
        return None;
    }
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    let d1 = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == d1 || i >= b.len() || b[i] != b'/' {
        return None;
    }
    i += 1;
    let d2 = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == d2 || (i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'/')) {
        return None;
    }
    Some(i)
}

impl Query {
    /// Keys of an item. `authors` replaces the item's own authors ("Idem").
    pub fn from_item(item: &Item, authors: Option<&[Name]>, text_sig: &Signature) -> Query {
        let mut q = Query {
            authors: author_keys(authors.unwrap_or(&item.author)),
            ..Query::default()
        };
        if q.authors.is_empty() && authors.is_none() {
            q.authors = author_keys(&item.editor);
        }
        let title = item
            .title
            .as_deref()
            .and_then(clean_title)
            .or_else(|| item.title_short.as_deref().and_then(clean_title));
        let container = item.container_title.as_deref().and_then(clean_title);
        match title {
            Some(t) => {
                q.title = Some(t);
                q.container = container;
            }
            None => {
                let part = matches!(
                    item.item_type,
                    ItemType::Chapter | ItemType::EntryEncyclopedia
                );
                if !part {
                    q.title = container;
                    q.title_from_container = q.title.is_some();
                }
            }
        }
        q.sig = text_sig.clone();
        if q.sig.volume.is_none() {
            q.sig.volume = item.volume.as_deref().and_then(volume_component);
        }
        q.year = item.issued.as_ref().and_then(|d| d.first_year());
        q.archive = item.archive.as_deref().and_then(archive_canonical);
        // A shelfmark has a number ("FO 371/18851", "filza 12"); a labelled
        // "archive_location" without one ("Series C") is not a file.
        // An artwork's inventory number ("inv. NG835") names the object, not
        // a file of documents: the work is the artwork itself.
        let location = item
            .archive_location
            .as_deref()
            .filter(|_| item.item_type != ibid_model::ItemType::Graphic)
            .filter(|l| l.chars().any(|c| c.is_ascii_digit()) && !is_pinpoint(l));
        if let Some(loc) = location {
            let file = archive_file(loc, None);
            let key = file_key(&file);
            if !key.is_empty() {
                q.file = Some(key);
                q.file_text = Some(file);
            }
        }
        q
    }

    /// True when the query names nothing to match on.
    pub fn is_empty(&self) -> bool {
        self.authors.is_empty() && self.title.is_none() && self.file.is_none()
    }
}

/// A volume field as a signature component ("II", "vol. 2", "2").
pub fn volume_component(v: &str) -> Option<String> {
    let toks = tokenize(v);
    let last = toks
        .iter()
        .rev()
        .find(|t| component(v.get(t.start..t.end).unwrap_or("")).is_some())?;
    if toks.len() > 3 {
        return None;
    }
    component(v.get(last.start..last.end)?)
}

/// How closely a short title matches a work's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TitleLevel {
    /// The short title's content words all appear in the title, in any order.
    Unordered = 2,
    /// The short title's words appear in the title in order.
    Subsequence = 3,
    /// The title starts with the short title.
    Prefix = 4,
    /// The titles (or main titles) are equal.
    Exact = 5,
}

/// A title match: its level, and whether every word matched exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TitleScore {
    pub level: TitleLevel,
    pub exact_words: bool,
}

fn seq_equal(a: &[String], b: &[String]) -> Option<bool> {
    if a.len() != b.len() {
        return None;
    }
    let mut exact = true;
    for (x, y) in a.iter().zip(b) {
        match match_words(x, y) {
            WordMatch::No => return None,
            WordMatch::Fuzzy => exact = false,
            WordMatch::Exact => {}
        }
    }
    Some(exact)
}

/// Compare a (short) title with a work's title.
pub fn title_score(q: &TitleWords, t: &TitleWords) -> Option<TitleScore> {
    let exact_level = |e: bool| TitleScore {
        level: TitleLevel::Exact,
        exact_words: e,
    };
    if let Some(e) = seq_equal(&q.words, &t.words) {
        return Some(exact_level(e));
    }
    if t.main_len < t.words.len() {
        if let Some(e) = seq_equal(&q.words, &t.words[..t.main_len]) {
            return Some(exact_level(e));
        }
    }
    if q.main_len < q.words.len() {
        if let Some(e) = seq_equal(&q.words[..q.main_len], &t.words) {
            return Some(exact_level(e));
        }
    }
    if let Some(e) = prefix_match(&q.words, &t.words) {
        return Some(TitleScore {
            level: TitleLevel::Prefix,
            exact_words: e,
        });
    }
    if let Some(e) = subsequence_match(&q.words, &t.words) {
        return Some(TitleScore {
            level: TitleLevel::Subsequence,
            exact_words: e,
        });
    }
    unordered_match(&q.words, &t.words).map(|e| TitleScore {
        level: TitleLevel::Unordered,
        exact_words: e,
    })
}

/// Every content word of the query appears somewhere in the title.
fn unordered_match(q: &[String], t: &[String]) -> Option<bool> {
    let mut exact = true;
    let mut content = 0;
    for w in q.iter().filter(|w| !is_stopword(w)) {
        let best = t.iter().map(|x| match_words(w, x)).max()?;
        if best == WordMatch::No {
            return None;
        }
        exact &= best == WordMatch::Exact;
        content += 1;
    }
    (content > 0).then_some(exact)
}

/// Whether `title` stands in quotation marks in `text` ("‘The Rule of
/// Law’"); `None` when the title is not found in the text.
pub fn title_quoted(text: &str, title: &str) -> Option<bool> {
    let t = title
        .trim()
        .trim_matches(|c: char| QUOTE_CHARS.contains(&c) || c.is_whitespace());
    if t.len() < 3 {
        return None;
    }
    let p = text.find(t)?;
    let before = text[..p].trim_end().chars().last();
    Some(before.is_some_and(|c| QUOTE_CHARS.contains(&c)))
}

const QUOTE_CHARS: &[char] = &['"', '“', '”', '‘', '’', '\'', '«', '»', '„', '‚', '‹', '›'];

/// The words of a citation's text that can name its work: folded, three
/// letters or more (or a year), no function words or reference labels;
/// sorted, without repeats, at most 96.
pub fn text_words(text: &str) -> Vec<String> {
    let mut v: Vec<String> = words(text)
        .into_iter()
        .filter(|w| {
            let alpha = w.chars().count() >= 3 && w.chars().all(char::is_alphabetic);
            let year = w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
            (alpha || year) && !is_stopword(w) && !crate::markers::is_reference_word(w)
        })
        .take(160)
        .collect();
    v.sort_unstable();
    v.dedup();
    v.truncate(96);
    v
}

/// The title starts with the query, function words optional on either side.
fn prefix_match(q: &[String], t: &[String]) -> Option<bool> {
    let (mut i, mut k) = (0, 0);
    let mut exact = true;
    let mut content = 0;
    while i < q.len() {
        if k < t.len() {
            match match_words(&q[i], &t[k]) {
                WordMatch::Exact => {
                    content += usize::from(!is_stopword(&q[i]));
                    i += 1;
                    k += 1;
                    continue;
                }
                WordMatch::Fuzzy => {
                    exact = false;
                    content += 1;
                    i += 1;
                    k += 1;
                    continue;
                }
                WordMatch::No => {}
            }
            if is_stopword(&t[k]) {
                k += 1;
                continue;
            }
        }
        if is_stopword(&q[i]) {
            i += 1;
            continue;
        }
        return None;
    }
    (content > 0).then_some(exact)
}

/// Every content word of the query appears in the title, in order.
fn subsequence_match(q: &[String], t: &[String]) -> Option<bool> {
    let mut k = 0;
    let mut exact = true;
    let mut content = 0;
    for w in q.iter().filter(|w| !is_stopword(w)) {
        let mut found = false;
        while k < t.len() {
            let m = match_words(w, &t[k]);
            k += 1;
            if m != WordMatch::No {
                exact &= m == WordMatch::Exact;
                found = true;
                break;
            }
        }
        if !found {
            return None;
        }
        content += 1;
    }
    (content > 0).then_some(exact)
}

/// How one name's keys match another's: `Some(true)` exactly, `Some(false)`
/// within typo tolerance.
pub fn name_match(a: &[String], b: &[String]) -> Option<bool> {
    let mut best = None;
    for x in a {
        for y in b {
            match match_words_multi(x, y) {
                WordMatch::Exact => return Some(true),
                WordMatch::Fuzzy => best = Some(false),
                WordMatch::No => {}
            }
        }
    }
    best
}

fn match_words_multi(a: &str, b: &str) -> WordMatch {
    if a == b {
        return WordMatch::Exact;
    }
    let aw: Vec<&str> = a.split(' ').collect();
    let bw: Vec<&str> = b.split(' ').collect();
    if aw.len() != bw.len() {
        return WordMatch::No;
    }
    let mut m = WordMatch::Exact;
    for (x, y) in aw.iter().zip(&bw) {
        m = m.min(match_words(x, y));
    }
    m
}

/// Do the query's authors match a work's? Every query author must match one
/// of the work's names. `Some(true)` when all match exactly.
pub fn authors_match(q: &[Vec<String>], w: &[Vec<String>]) -> Option<bool> {
    if q.is_empty() || w.is_empty() {
        return None;
    }
    let mut exact = true;
    for qa in q {
        let best = w.iter().filter_map(|wa| name_match(qa, wa)).max()?;
        exact &= best;
    }
    Some(exact)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::Date;

    fn tw(s: &str) -> TitleWords {
        clean_title(s).unwrap()
    }

    #[test]
    fn same_author_words_and_op_cit_are_no_title() {
        assert!(clean_title("Ders., a.a.O.").is_none());
        assert!(clean_title("Idem, op. cit.").is_none());
        assert_eq!(tw("Ders., Europas Weg").words, ["europas", "weg"]);
    }

    #[test]
    fn title_levels() {
        let full = tw("The Origins of the Second World War");
        let s = |q: &str| title_score(&tw(q), &full).map(|s| (s.level, s.exact_words));
        assert_eq!(s("Origins"), Some((TitleLevel::Prefix, true)));
        assert_eq!(
            s("origins of the second world war"),
            Some((TitleLevel::Exact, true))
        );
        assert_eq!(
            s("Origins Second World War"),
            Some((TitleLevel::Prefix, true))
        );
        assert_eq!(s("Orgins"), Some((TitleLevel::Prefix, false)));
        assert_eq!(s("Second World War"), Some((TitleLevel::Subsequence, true)));
        assert_eq!(s("Struggle"), None);
        let sub = tw("Storia della politica estera italiana: dal 1870 al 1896");
        assert_eq!(
            title_score(&tw("Storia"), &sub).map(|s| s.level),
            Some(TitleLevel::Prefix)
        );
        assert_eq!(
            title_score(&tw("Storia della politica estera italiana"), &sub).map(|s| s.level),
            Some(TitleLevel::Exact)
        );
        assert_eq!(
            title_score(&tw("Gründung"), &tw("Die Grundung des Reiches")).map(|s| s.exact_words),
            Some(true)
        );
        assert!(clean_title("op. cit.").is_none());
        assert_eq!(tw("Origins, op. cit.").words, ["origins"]);
    }

    #[test]
    fn authors_and_names() {
        let taylor = author_keys(&[Name::person("Taylor", Some("A. J. P.".into()))]);
        let tailor = author_keys(&[Name::person("Tailor", None)]);
        let ranke = author_keys(&[Name::person("von Ranke", None)]);
        assert_eq!(authors_match(&taylor, &taylor), Some(true));
        assert_eq!(authors_match(&tailor, &taylor), Some(false));
        assert_eq!(
            authors_match(&author_keys(&[Name::person("Ranke", None)]), &ranke),
            Some(true)
        );
        assert_eq!(authors_match(&taylor, &ranke), None);
        assert!(author_keys(&[Name::literal("Idem")]).is_empty());
        assert!(author_keys(&[Name::literal("ders.")]).is_empty());
    }

    #[test]
    fn queries_from_items() {
        let item = Item {
            author: vec![Name::person("Taylor", None)],
            title: Some("The Origins of the Second World War".into()),
            volume: Some("II".into()),
            issued: Some(Date::year(1961)),
            archive: Some("PRO".into()),
            archive_location: Some("FO 371/18851, C 1234/55/18".into()),
            ..Item::default()
        };
        let q = Query::from_item(&item, None, &Signature::default());
        assert_eq!(q.authors, [vec!["taylor".to_string()]]);
        assert_eq!(q.sig.volume.as_deref(), Some("2"));
        assert_eq!(q.year, Some(1961));
        assert_eq!(q.archive.as_deref(), Some("TNA"));
        assert_eq!(q.file.as_deref(), Some("fo371|18851"));
        let news = Item {
            container_title: Some("The Times".into()),
            ..Item::default()
        };
        let q = Query::from_item(&news, None, &Signature::default());
        assert!(q.title_from_container);
        assert!(Query::from_item(&Item::default(), None, &Signature::default()).is_empty());
    }

    #[test]
    fn archive_files() {
        assert_eq!(
            archive_file("FO 371/18851, C 1234/55/18", None),
            "FO 371/18851"
        );
        assert_eq!(
            archive_file("Senato, Secreta, filza 12, c. 5", None),
            "Senato, Secreta, filza 12"
        );
        assert_eq!(archive_file("R 43 I/1309, Bl. 5", None), "R 43 I/1309");
        assert_eq!(
            archive_file("MS Ashmole 1729, fol. 201r", None),
            "MS Ashmole 1729"
        );
        assert_eq!(
            archive_file("Add. MS 48126, fols. 12–19", None),
            "Add. MS 48126"
        );
        assert_eq!(
            archive_file("Cotton MS Vespasian C. VII, f. 143v", None),
            "Cotton MS Vespasian C. VII"
        );
        assert_eq!(
            archive_file("Affari Politici, busta 45", None),
            "Affari Politici, busta 45"
        );
        assert_eq!(archive_file("Box 12, folder 3", Some("folder 3")), "Box 12");
        assert_eq!(archive_file("", None), "");
        assert_eq!(
            trim_description("F7 13427, rapport du 3 mai 1934"),
            "F7 13427"
        );
        assert_eq!(
            trim_description("Affari Politici, busta 5, fasc. 3"),
            "Affari Politici, busta 5, fasc. 3"
        );
        assert_eq!(
            trim_description("Senato, Secreta, filza 12, lettera del doge"),
            "Senato, Secreta, filza 12"
        );
        assert_eq!(trim_description(""), "");
        assert_eq!(volume_component("vol. II").as_deref(), Some("2"));
        assert_eq!(volume_component("12").as_deref(), Some("12"));
    }
}
