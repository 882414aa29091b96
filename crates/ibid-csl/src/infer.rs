//! The CSL item type from the fields an item has and cues in its text.
//!
//! Rules, first match wins:
//! 1. `legal_case`: a title "X v Y" / "X v. Y" / "X vs. Y" (short, no colon
//!    before the "v"), or, for an item without authors, a law-report citation
//!    in the text ("[1932] AC 562", "(1932) 48 TLR 1", "347 U.S. 483",
//!    "BGHZ 12, 34", "Cass. civ.").
//! 2. `legislation`: a title that ends in "Act" or "Act 1998", a German
//!    statute ("…gesetz", "…ordnung"), or an EU directive/regulation.
//! 3. `thesis`: genre or note says thesis/dissertation/Diss./thèse/tesi, or the
//!    text outside the titles says "PhD thesis", "Ph.D. diss." …
//! 4. `manuscript`: an archive or archive location, or a diary entry
//!    printed nowhere ("Cadogan diary, 17 March 1939"; the `occasion`
//!    module).
//! 5. `interview`: an interviewer, or the genre "interview" (given by the
//!    repairs to "Interview with Maria Rossi" and "Maria Rossi, interview
//!    by the author").
//! 6. `speech`: a title that names a speech ("speech", "Speech at
//!    Birmingham", "radio broadcast"), dated to the month or day, printed
//!    nowhere (no container, no publisher).
//! 7. `personal_communication`: a letter titled by its correspondents
//!    ("Smith to Jones", "Letter from Churchill to Halifax"), dated to the
//!    month or day, with no author and nothing of a publication (container,
//!    publisher, edition, ISBN, URL, series, volume, pages); an archived
//!    one is a manuscript (rule 4).
//! 8. `paper-conference`: a container (or series) of proceedings, a conference,
//!    symposium, workshop, congress, "Atti del convegno", "Actes du colloque",
//!    unless it is cited like a journal (volume, no editors, publisher or place:
//!    "Proc. Natl. Acad. Sci. 106").
//! 9. `report`: genre, series or container says report, working paper,
//!    discussion paper, technical note; or a title "Report of/on …".
//! 10. With a title and a container: `entry-dictionary` when the container
//!     names a dictionary ("Dizionario Biografico degli Italiani", "Oxford
//!     Dictionary of National Biography", "Lexikon"), `entry-encyclopedia`
//!     when it names an encyclopedia or the text cites a headword ("s.v."),
//!     unless the item has an issue.
//! 11. With a container title but no title (decided before rules 8 and 9):
//!     `article-journal` when cited by volume or page ("Phys. Rev. Lett. 26,
//!     93"), else `book`. With both:
//!     `chapter` when there are editors, an ISBN or an edition, a publisher
//!     (unless a journal-like container has a volume), a place (unless the
//!     container reads as a journal — "Rivista", "Archivio", "Zeitschrift",
//!     "Bull." — or has a volume without "In"), or an "In:" before a
//!     non-journal container without volume (not a dated newspaper: "in
//!     The Times, 18 March 1939"); `article-newspaper` for a
//!     newspaper container (a known title, or "Times"/"Zeitung"/"Gazette"…
//!     with a full day date) without volume; `article-magazine` for a known
//!     magazine without volume; else
//!     `article-journal`.
//! 12. `webpage`: a URL, no container, no publisher or place.
//! 13. `book`: a title, publisher, place, series, edition or ISBN.
//! 14. `document` otherwise.

use crate::legal::{has_law_report, is_case_title, is_legislation};
use crate::names::key;
use crate::press::{has_newspaper_word, is_known_magazine, is_known_newspaper};
use crate::text::{find_ci, is_space};

/// The words of a text: runs of letters and digits.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}
use ibid_model::{Item, ItemType};

/// Infers the CSL type of an item from its fields and the citation text
/// (the whole reference as written, for cues like "In:" or a law report).
///
/// ```
/// use ibid_model::{Item, ItemType};
/// let item = Item {
///     title: Some("Donoghue v Stevenson".into()),
///     ..Item::default()
/// };
/// assert_eq!(ibid_csl::infer_type(&item, "Donoghue v Stevenson [1932] AC 562"), ItemType::LegalCase);
/// ```
pub fn infer_type(item: &Item, text: &str) -> ItemType {
    let container_in = item
        .container_title
        .as_deref()
        .is_some_and(|c| preceded_by_in(text, c));
    infer_with(item, text, container_in)
}

/// How many parts the first date of issue has: 1 for a year, 2 with a
/// month, 3 with a day; 0 without one.
pub(crate) fn issued_precision(item: &Item) -> usize {
    item.issued
        .as_ref()
        .and_then(|d| d.date_parts.first())
        .map_or(0, Vec::len)
}

/// A known newspaper, or a newspaper-like name ("Gazette", "Zeitung") with a
/// day-precise date.
fn is_dated_newspaper(item: &Item, container: &str) -> bool {
    is_known_newspaper(container) || (issued_precision(item) == 3 && has_newspaper_word(container))
}

/// [`infer_type`] with the "In:" cue already known.
pub(crate) fn infer_with(item: &Item, text: &str, container_in: bool) -> ItemType {
    let title = item.title.as_deref().unwrap_or("");
    // A case has parties, no authors: "(1990) 10 OJLS 123" after an author
    // and title is an article in a law journal, and "Karlovy v Praze" in a
    // thesis's title or "Absolute vs. Intensity-Based" in an article's is
    // no case name.
    if item.author.is_empty() && (is_case_title(title) || has_law_report(text)) {
        return ItemType::LegalCase;
    }
    if is_legislation(title) {
        return ItemType::Legislation;
    }
    if crate::legal::is_congress_report(title) {
        return ItemType::Report;
    }
    // an artwork with its medium (`crate::artwork`)
    if item.custom.contains_key("medium") {
        return ItemType::Graphic;
    }
    if is_thesis(item, text) {
        return ItemType::Thesis;
    }
    if item.archive.is_some() || item.archive_location.is_some() || crate::occasion::is_diary(item)
    {
        return ItemType::Manuscript;
    }
    if crate::interview::is_interview(item) {
        return ItemType::Interview;
    }
    if crate::occasion::is_speech(item) {
        return ItemType::Speech;
    }
    if is_letter(item, title) {
        return ItemType::PersonalCommunication;
    }
    if let Some(container) = item.container_title.as_deref() {
        // a daily's issue number ("Vossische Zeitung, Nr. 214 vom 8. Mai
        // 1912") is no journal issue
        let daily_issue = is_known_newspaper(container) && issued_precision(item) == 3;
        let has_volume = item.volume.is_some() || (item.issue.is_some() && !daily_issue);
        if item.title.is_none() {
            // A container without a title: the work itself (a journal cited
            // by volume and page, or a book some sources label as container).
            let book_like = item.publisher.is_some()
                || item.publisher_place.is_some()
                || item.edition.is_some()
                || item.isbn.is_some()
                || !item.editor.is_empty();
            if !has_volume && !book_like && is_dated_newspaper(item, container) {
                // "The Times, 1 Oct. 1938, p. 13": an untitled newspaper article
                return ItemType::ArticleNewspaper;
            }
            if has_volume || item.page.is_some() && !book_like {
                return ItemType::ArticleJournal;
            }
            return ItemType::Book;
        }
        let book_like = !item.editor.is_empty()
            || item.publisher.is_some()
            || item.publisher_place.is_some()
            || item.isbn.is_some()
            || item.edition.is_some();
        // "Proc. Natl. Acad. Sci. 106, 14271" is a journal: proceedings cited
        // by volume without editors, publisher or place.
        let proceedings = is_proceedings(container)
            || item.collection_title.as_deref().is_some_and(is_proceedings);
        if proceedings && (book_like || !has_volume) {
            return ItemType::PaperConference;
        }
        if is_report(item) {
            return ItemType::Report;
        }
        if let Some(entry) = reference_entry(item, text, container) {
            return entry;
        }
        let journal = proceedings || is_journal_name(container);
        let chapter = !item.editor.is_empty()
            || item.isbn.is_some()
            || item.edition.is_some()
            || (item.publisher.is_some() && !(journal && has_volume))
            || (item.publisher_place.is_some() && !journal && (!has_volume || container_in))
            || (container_in && !has_volume && !journal && !is_dated_newspaper(item, container));
        if chapter {
            return ItemType::Chapter;
        }
        if !has_volume {
            if is_dated_newspaper(item, container) {
                return ItemType::ArticleNewspaper;
            }
            if is_known_magazine(container) {
                return ItemType::ArticleMagazine;
            }
        }
        return ItemType::ArticleJournal;
    }
    if is_report(item) {
        return ItemType::Report;
    }
    if item.url.is_some() && item.publisher.is_none() && item.publisher_place.is_none() {
        return ItemType::Webpage;
    }
    if item.title.is_some()
        || item.publisher.is_some()
        || item.publisher_place.is_some()
        || item.collection_title.is_some()
        || item.edition.is_some()
        || item.isbn.is_some()
    {
        return ItemType::Book;
    }
    ItemType::Document
}

/// Words of a dictionary's name (lower case, matched at a word's start).
const DICTIONARY_WORDS: &[&str] = &[
    "dictionary",
    "dizionario",
    "dictionnaire",
    "diccionario",
    "dicionário",
    "wörterbuch",
    "handwörterbuch",
    "lexikon",
    "lexicon",
];

/// Words of an encyclopedia's name.
const ENCYCLOPEDIA_WORDS: &[&str] = &[
    "encyclopedia",
    "encyclopaedia",
    "enciclopedia",
    "encyclopédie",
    "enzyklopädie",
    "realenzyklopädie",
    "realencyclopädie",
];

/// An entry of a reference work: a titled item in a dictionary or an
/// encyclopedia (no issue: "Lexicon Philosophicum 3 (2015), no. 2" is a
/// journal), or cited by headword ("s.v.") in any reference work.
/// `entry-dictionary` for a dictionary, else `entry-encyclopedia`.
fn reference_entry(item: &Item, text: &str, container: &str) -> Option<ItemType> {
    if item.title.is_none() || item.issue.is_some() {
        return None;
    }
    // a word's start, in any case (the lists' letters beyond ASCII are
    // lower case in a capitalised word: "Wörterbuch", "Encyclopédie")
    let has_word = |list: &[&str]| {
        words(container).any(|w| {
            list.iter()
                .any(|d| w.get(..d.len()).is_some_and(|p| p.eq_ignore_ascii_case(d)))
        })
    };
    let dictionary = has_word(DICTIONARY_WORDS);
    if dictionary {
        return Some(ItemType::EntryDictionary);
    }
    (has_word(ENCYCLOPEDIA_WORDS) || crate::sub_voce::has_marker(text))
        .then_some(ItemType::EntryEncyclopedia)
}

/// A letter titled by its correspondents and cited as one: no author (the
/// repairs move "Smith to Jones" out of the author), dated to the month or
/// day, nothing of a publication ("The Companion Guide to Venice", "An
/// Introduction to Hebrew Typography" are books).
fn is_letter(item: &Item, title: &str) -> bool {
    let unpublished = item.author.is_empty()
        && item.container_title.is_none()
        && item.publisher.is_none()
        && item.edition.is_none()
        && item.isbn.is_none()
        && item.url.is_none()
        && item.collection_title.is_none()
        && item.volume.is_none()
        && item.page.is_none();
    let opens_like_a_title = |side: &str| {
        side.split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "The" | "A" | "An" | "From" | "Letters"))
    };
    unpublished
        && issued_precision(item) >= 2
        && ibid_model::text::correspondents(title)
            .is_some_and(|(from, to)| !opens_like_a_title(from) && !opens_like_a_title(to))
}

/// True when "in", "In:" or "dans" stands just before the container title in `text`.
pub(crate) fn preceded_by_in(text: &str, container: &str) -> bool {
    let Some(pos) = text.find(container) else {
        return false;
    };
    let before = &text[..pos];
    ends_with_in(before) || without_same_author(before).is_some_and(ends_with_in)
}

/// `before` without the same-author word that ends it ("…, in: Ders., "
/// → "…, in: "), if it ends with one.
pub(crate) fn without_same_author(before: &str) -> Option<&str> {
    let b = before.trim_end_matches(|c: char| is_space(c) || c == ',');
    let b = b.strip_suffix('.').unwrap_or(b);
    let start = b
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    ibid_model::text::is_same_author_word(&b[start..].to_lowercase()).then_some(&b[..start])
}

/// True when the text ends with the word "in" / "In:" / "dans" (quotes and
/// brackets before the container allowed).
pub(crate) fn ends_with_in(before: &str) -> bool {
    let b = before.trim_end_matches(|c: char| {
        is_space(c)
            || matches!(
                c,
                '«' | '“' | '"' | '‘' | '\'' | '(' | '[' | ':' | '„' | '»'
            )
    });
    for w in ["in", "dans", "en", "im"] {
        if b.len() >= w.len() && b.is_char_boundary(b.len() - w.len()) {
            let (head, tail) = b.split_at(b.len() - w.len());
            if tail.eq_ignore_ascii_case(w)
                && head
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            {
                return true;
            }
        }
    }
    false
}

fn is_thesis(item: &Item, text: &str) -> bool {
    let weak = |s: &str| {
        let mut prev = key("");
        words(s).any(|w| {
            let k = key(w);
            let hit = matches!(
                &*k,
                "thesis"
                    | "dissertation"
                    | "diss"
                    | "thèse"
                    | "tesi"
                    | "tesis"
                    | "phd"
                    | "habilitation"
                    | "doktorarbeit"
                    | "magisterarbeit"
                    | "diplomarbeit"
                    | "mémoire"
                    | "doctorat"
                    | "doctoral"
                    | "proefschrift"
                    | "disertace"
                    | "disertační"
                    | "dizertační"
                    | "rozprawa"
                    | "avhandling"
                    | "afhandling"
                    | "väitöskirja"
                    | "dissertatsiia"
                    | "dissertatsiya"
            ) || (&*prev == "ph" && &*k == "d");
            prev = k;
            hit
        })
    };
    if [&item.genre, &item.note, &item.publisher]
        .iter()
        .any(|f| f.as_deref().is_some_and(weak))
    {
        return true;
    }
    // strong cues in the text, unless they are part of the title or container;
    // a thesis has no container or volume
    if item.container_title.is_some() || item.volume.is_some() {
        return false;
    }
    // one pass over the bytes for "thes", "thès", "diss", "tesi", "habi",
    // "mast", "unpu" in any case
    const fn tag(w: &[u8; 4]) -> u32 {
        u32::from_le_bytes([w[0] | 0x20, w[1] | 0x20, w[2] | 0x20, w[3] | 0x20])
    }
    const CUES: [u32; 7] = [
        tag(b"thes"),
        tag(b"th\xc3\xa8"),
        tag(b"diss"),
        tag(b"tesi"),
        tag(b"habi"),
        tag(b"mast"),
        tag(b"unpu"),
    ];
    let maybe = text.as_bytes().windows(4).any(|w| {
        let x = u32::from_le_bytes([w[0] | 0x20, w[1] | 0x20, w[2] | 0x20, w[3] | 0x20]);
        CUES.contains(&x)
    });
    if !maybe {
        return false;
    }
    let in_titles = |cue: &str| {
        [item.title.as_deref(), item.container_title.as_deref()]
            .into_iter()
            .flatten()
            .any(|t| find_ci(t, cue).is_some())
    };
    [
        "PhD thesis",
        "Ph.D. thesis",
        "Ph.D. diss",
        "PhD diss",
        "doctoral dissertation",
        "doctoral thesis",
        "Inaugural-Dissertation",
        "Diss. phil",
        "Diss. jur",
        "Diss.,",
        "thèse de doctorat",
        "tesi di laurea",
        "tesi di dottorato",
        "MA thesis",
        "M.A. thesis",
        "Master's thesis",
        "unpublished thesis",
        "unpublished dissertation",
        "Habilitationsschrift",
        "Dissertation,",
        "DPhil thesis",
        "D.Phil. thesis",
    ]
    .iter()
    .any(|cue| find_ci(text, cue).is_some() && !in_titles(cue))
}

fn is_proceedings(s: &str) -> bool {
    let mut prev = key("");
    for w in words(s) {
        let k = key(w);
        let hit = matches!(
            &*k,
            "proceedings"
                | "proc"
                | "conference"
                | "symposium"
                | "workshop"
                | "congress"
                | "kongress"
                | "congrès"
                | "convegno"
                | "colloque"
                | "colloquium"
                | "tagung"
                | "congreso"
                | "jornadas"
                | "tagungsband"
        ) || matches!(
            (&*prev, &*k),
            ("atti", "del" | "dei" | "della") | ("actes", "du" | "des") | ("annual", "meeting")
        );
        if hit {
            return true;
        }
        prev = k;
    }
    false
}

fn is_report(item: &Item) -> bool {
    let cue = |s: &str| {
        [
            "report",
            "working paper",
            "discussion paper",
            "technical note",
            "tech report",
            "policy brief",
            "white paper",
            "occasional paper",
            "research paper",
            "bericht",
            "rapport",
            "documento di lavoro",
            "arbeitspapier",
            "briefing paper",
        ]
        .iter()
        .any(|w| find_ci(s, w).is_some())
    };
    if item.genre.as_deref().is_some_and(cue)
        || item.collection_title.as_deref().is_some_and(cue)
        || item
            .number
            .as_deref()
            .is_some_and(crate::legal::is_paper_number)
    {
        return true;
    }
    if item.container_title.as_deref().is_some_and(|c| {
        [
            "working paper",
            "discussion paper",
            "technical report",
            "report series",
        ]
        .iter()
        .any(|w| find_ci(c, w).is_some())
    }) {
        return true;
    }
    item.title.as_deref().is_some_and(|t| {
        [
            "Report of ",
            "Report on ",
            "Report to ",
            "Annual Report",
            "Final Report",
            "Rapport sur ",
            "Bericht über ",
        ]
        .iter()
        .any(|w| {
            t.starts_with(w) || (w.starts_with("Annual") || w.starts_with("Final")) && t.contains(w)
        })
    })
}

/// Container names that read as a journal ("Journal", "Rivista", "Archivio",
/// "Zeitschrift", "Bull.", …).
fn is_journal_name(c: &str) -> bool {
    let word_hit = words(c).any(|w| {
        matches!(
            &*key(w),
            "journal"
                | "review"
                | "revue"
                | "rivista"
                | "zeitschrift"
                | "archiv"
                | "archivio"
                | "archives"
                | "bollettino"
                | "bulletin"
                | "bullettino"
                | "quarterly"
                | "annals"
                | "annales"
                | "annali"
                | "jahrbuch"
                | "jahrbücher"
                | "transactions"
                | "letters"
                | "magazine"
                | "cahiers"
                | "quaderni"
                | "rassegna"
                | "ateneo"
                | "acta"
                | "mitteilungen"
                | "blätter"
                | "berichte"
                | "sitzungsberichte"
                | "studi"
                | "storica"
                | "storico"
                | "historia"
                | "speculum"
                | "revista"
                | "tijdschrift"
                | "forschungen"
                | "historisches"
                | "historische"
                | "history"
                | "historical"
                | "anuario"
                | "periodical"
                | "gazette"
        )
    });
    word_hit
        || c.split(' ').any(|t| {
            t.len() <= 9
                && [
                    "j.",
                    "rev.",
                    "bull.",
                    "ann.",
                    "zs.",
                    "ztschr.",
                    "zschr.",
                    "zeitschr.",
                    "arch.",
                    "riv.",
                    "boll.",
                    "jb.",
                    "mitt.",
                    "proc.",
                ]
                .iter()
                .any(|a| t.eq_ignore_ascii_case(a))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::{Date, Name};

    fn item() -> Item {
        Item {
            title: Some("A Title".into()),
            ..Item::default()
        }
    }

    #[test]
    fn types() {
        let mut i = item();
        assert_eq!(infer_type(&i, ""), ItemType::Book);
        i.container_title = Some("Journal of Modern History".into());
        i.volume = Some("12".into());
        assert_eq!(infer_type(&i, ""), ItemType::ArticleJournal);
        i.editor.push(Name::person("Smith", None));
        assert_eq!(infer_type(&i, ""), ItemType::Chapter);
        let mut c = item();
        c.container_title = Some("Essays in Honour of X".into());
        assert_eq!(
            infer_type(&c, "A Title, in Essays in Honour of X (1990)"),
            ItemType::Chapter
        );
        assert_eq!(
            infer_type(&c, "A Title, Essays in Honour of X (1990)"),
            ItemType::ArticleJournal
        );
        let mut n = item();
        n.container_title = Some("The Times".into());
        assert_eq!(infer_type(&n, ""), ItemType::ArticleNewspaper);
        n.container_title = Some("Manchester Evening Chronicle".into());
        assert_eq!(infer_type(&n, ""), ItemType::ArticleJournal);
        n.issued = Some(Date {
            date_parts: vec![vec![1936, 3, 7]],
            ..Date::default()
        });
        assert_eq!(infer_type(&n, ""), ItemType::ArticleNewspaper);
        let mut m = item();
        m.archive = Some("The National Archives".into());
        assert_eq!(infer_type(&m, ""), ItemType::Manuscript);
        let mut t = item();
        t.genre = Some("PhD thesis".into());
        assert_eq!(infer_type(&t, ""), ItemType::Thesis);
        for genre in ["Proefschrift", "Disertační práce", "Rozprawa doktorska"] {
            t.genre = Some(genre.into());
            assert_eq!(infer_type(&t, ""), ItemType::Thesis, "{genre}");
        }
        let t2 = item();
        assert_eq!(
            infer_type(&t2, "Smith, A Title, Diss., Bonn 1990"),
            ItemType::Thesis
        );
        let mut h = item();
        h.title = Some("The Frontier Thesis".into());
        assert_eq!(
            infer_type(&h, "Smith, The Frontier Thesis, 1990"),
            ItemType::Book
        );
        let mut p = item();
        p.container_title = Some("Proceedings of the IEEE Symposium".into());
        assert_eq!(infer_type(&p, ""), ItemType::PaperConference);
        let mut r = item();
        r.genre = Some("Working Paper 12".into());
        assert_eq!(infer_type(&r, ""), ItemType::Report);
        let mut w = Item {
            url: Some("http://example.org".into()),
            ..Item::default()
        };
        assert_eq!(infer_type(&w, ""), ItemType::Webpage);
        w.title = Some("Home".into());
        assert_eq!(infer_type(&w, ""), ItemType::Webpage);
        w.publisher = Some("Sage".into());
        assert_eq!(infer_type(&w, ""), ItemType::Book);
        assert_eq!(
            infer_type(&Item::default(), "Hilden 1976"),
            ItemType::Document
        );
        let mut l = item();
        l.title = Some("Donoghue v Stevenson".into());
        assert_eq!(infer_type(&l, ""), ItemType::LegalCase);
        // a title with "v" between capitals by an author is no case
        l.title = Some("Disertační práce Univerzity Karlovy v Praze".into());
        l.author = vec![ibid_model::Name::person("Gardner", Some("A.".into()))];
        assert_ne!(infer_type(&l, ""), ItemType::LegalCase);
        l.author.clear();
        assert_eq!(infer_type(&l, ""), ItemType::LegalCase);
    }

    #[test]
    fn letters_titled_by_their_correspondents() {
        let letter = |title: &str, date: &[i32]| Item {
            title: Some(title.into()),
            publisher_place: Some("London".into()),
            issued: Some(ibid_model::Date {
                date_parts: vec![date.to_vec()],
                ..Default::default()
            }),
            ..Item::default()
        };
        let pc = ItemType::PersonalCommunication;
        assert_eq!(infer_type(&letter("Smith to Jones", &[1925, 5, 4]), ""), pc);
        assert_eq!(
            infer_type(&letter("Letter from Churchill to Halifax", &[1940, 6]), ""),
            pc
        );
        // a year alone, a book's title, a publisher: no letter
        assert_ne!(infer_type(&letter("Smith to Jones", &[1925]), ""), pc);
        let guide = letter("The Companion Guide to Venice", &[1965, 5, 1]);
        assert_ne!(infer_type(&guide, ""), pc);
        let mut printed = letter("Smith to Jones", &[1925, 5, 4]);
        printed.publisher = Some("Murray".into());
        assert_ne!(infer_type(&printed, ""), pc);
    }

    #[test]
    fn in_cue() {
        assert!(preceded_by_in("X, in «Res», 1985", "Res"));
        assert!(preceded_by_in("X. In: Zeitschrift 12", "Zeitschrift"));
        assert!(!preceded_by_in("X, Main Street", "Street"));
        assert!(!preceded_by_in("X, Berlin Journal", "Journal"));
        // the host of an essay by its own author
        assert!(preceded_by_in("X, in: Ders., Nach Hitler", "Nach Hitler"));
        assert!(preceded_by_in("X, in id., Papers", "Papers"));
        assert!(!preceded_by_in("X, Ders., Nach Hitler", "Nach Hitler"));
        assert!(!preceded_by_in("X, in Anders, Nach Hitler", "Nach Hitler"));
        assert!(ends_with_in("Title, In "));
        assert!(!ends_with_in("Title, Within "));
    }

    #[test]
    fn untitled_newspaper_article() {
        let n = Item {
            container_title: Some("The Times".into()),
            page: Some("13".into()),
            issued: crate::parse_date("1 Oct. 1938"),
            ..Item::default()
        };
        assert_eq!(infer_type(&n, ""), ItemType::ArticleNewspaper);
        // with the day's issue number
        let n = Item {
            container_title: Some("Vossische Zeitung".into()),
            issue: Some("214".into()),
            issued: crate::parse_date("8. Mai 1912"),
            ..Item::default()
        };
        assert_eq!(infer_type(&n, ""), ItemType::ArticleNewspaper);
        // a journal cited by volume and page stays a journal
        let j = Item {
            container_title: Some("Past and Present".into()),
            volume: Some("12".into()),
            page: Some("13".into()),
            ..Item::default()
        };
        assert_eq!(infer_type(&j, ""), ItemType::ArticleJournal);
    }
}
