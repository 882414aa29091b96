//! Interviews, the oral sources of history notes. The labeller reads
//! "Interview with Maria Rossi, Bologna, 3 March 1998" as an author
//! ("Interview", "Rossi, Maria") or a title, and "Maria Rossi, interview by
//! the author, …" as an author and a title "interview by the author". CSL
//! has a type for them: the person interviewed is the `author`, who asked
//! the questions the `interviewer`. When the source says the writer citing
//! the interview asked ("interview by the author", "Author's interview
//! with …", "my interview with …"), the interviewer is the literal name "the
//! author", as Chicago prints it; when it names no one, the item has the
//! genre "interview".
//!
//! Read here (before the type is inferred, which then gives `interview`):
//! - a title, or the only author's text, that is an interview phrase naming
//!   the person interviewed ("Interview with X", "Author's interview with
//!   X", "Telephone interview with X", "Interview of X by Y", "Interview by
//!   Y with X", "Interview mit X", "Gespräch mit X", "Entretien avec X",
//!   "Intervista a X", "Entrevista con X");
//! - a person's name as author and a title that only says it is an
//!   interview ("interview by the author", "interviewed by Jane Doe",
//!   "interview with the author"), or such words after the name in the only
//!   author's text ("John Smith, interviewed by Jane Doe").

use crate::names::{is_person_name, parse_names};
use ibid_model::{Item, Name};

/// Words that name an interview (lower case).
const HEADS: &[&str] = &[
    "interview",
    "interviewed",
    "entretien",
    "entretiens",
    "intervista",
    "entrevista",
    "gespräch",
    "colloquio",
];

/// Words that may stand before the head ("Author's interview", "Oral
/// history interview", "Telephone interview").
const QUALIFIERS: &[&str] = &[
    "the",
    "my",
    "an",
    "author's",
    "author’s",
    "authors",
    "author",
    "oral",
    "history",
    "oral-history",
    "telephone",
    "phone",
    "personal",
    "private",
    "recorded",
    "unpublished",
    "video",
    "email",
    "e-mail",
];

/// Words between the head and the person interviewed.
const WITH: &[&str] = &["with", "of", "mit", "avec", "a", "con", "al", "à", "de"];

/// "the author", "author", "me": the writer citing the interview.
fn is_the_author(s: &str) -> bool {
    let s = s.trim().trim_end_matches(['.', ',']).to_lowercase();
    matches!(
        s.as_str(),
        "the author" | "author" | "me" | "the present author" | "the writer" | "this author"
    )
}

/// The people of an interview phrase: who was interviewed, and who asked
/// when a name is given.
#[derive(Debug, PartialEq)]
struct Phrase<'a> {
    interviewee: Option<&'a str>,
    interviewer: Option<&'a str>,
    /// The writer citing it asked ("Author's interview with …",
    /// "interview by the author").
    by_author: bool,
}

/// The words of `s` with their byte offsets.
fn words(s: &str) -> Vec<(usize, &str)> {
    s.split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect()
}

/// `w` (a comma after it aside) is one of `list`, in any case.
fn is_one_of(w: &str, list: &[&str]) -> bool {
    let w = w.trim_end_matches(',');
    list.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// True when one of the first four words of `s` is a head word: the cheap
/// test every title passes through before it is read word by word.
fn may_be_phrase(s: &str) -> bool {
    s.split_whitespace().take(4).any(|w| is_one_of(w, HEADS))
}

/// How many qualifiers open `ws` (three at most).
fn qualifiers(ws: &[(usize, &str)]) -> usize {
    ws.iter()
        .take(3)
        .take_while(|(_, w)| is_one_of(w, QUALIFIERS))
        .count()
}

/// Qualifiers that say the writer citing the interview asked.
const WRITERS: &[&str] = &["author's", "author’s", "authors", "author", "my"];

/// The index of the word after the head of an interview phrase (past up to
/// three qualifiers), if `ws` opens with one.
fn after_head(ws: &[(usize, &str)]) -> Option<usize> {
    let k = qualifiers(ws);
    is_one_of(ws.get(k)?.1, HEADS).then_some(k + 1)
}

/// "Interview with", "Author's interview with", "Interview by the author
/// with", "Entretien avec": the words that open an interview's citation
/// before the name of the person interviewed, which the segmenter reads as
/// the citation's signal.
///
/// ```
/// assert!(ibid_csl::is_interview_lead("Author's interview with"));
/// assert!(!ibid_csl::is_interview_lead("See, for an interview with"));
/// ```
pub fn is_interview_lead(s: &str) -> bool {
    let s = s.trim();
    if !may_be_phrase(s) {
        return false;
    }
    let ws = words(s);
    let (Some(k), Some(last)) = (after_head(&ws), ws.last()) else {
        return false;
    };
    if !is_one_of(last.1, WITH) || ws.len() < k + 1 {
        return false;
    }
    // between the head and "with": nothing, or "by" and who asked
    match &ws[k..ws.len() - 1] {
        [] => true,
        [(_, by), rest @ ..] if is_one_of(by, &["by"]) && !rest.is_empty() => {
            let who = &s[rest[0].0..last.0];
            is_the_author(who) || is_person_name(who)
        }
        _ => false,
    }
}

/// Reads an interview phrase: qualifiers, a head word, then "by Y" and
/// "with X" in either order; `None` when `s` is anything else.
fn read_phrase(s: &str) -> Option<Phrase<'_>> {
    let s = s.trim().trim_end_matches(['.', ',', ';']);
    if !may_be_phrase(s) {
        return None;
    }
    let ws = words(s);
    let mut k = after_head(&ws)?;
    let mut phrase = Phrase {
        interviewee: None,
        interviewer: None,
        by_author: ws[..qualifiers(&ws)]
            .iter()
            .any(|(_, w)| is_one_of(w, WRITERS)),
    };
    // the rest: "by Y", "with X", in either order, each to the next marker
    while k < ws.len() {
        let is_by = is_one_of(ws[k].1, &["by", "von", "par", "da"]);
        if !is_by && !is_one_of(ws[k].1, WITH) {
            return None;
        }
        let from = ws.get(k + 1)?.0;
        // the next "by" or "with" ("a", "de" may stand inside a name)
        let next = ws[k + 1..]
            .iter()
            .position(|(_, w)| is_one_of(w, &["by", "with"]))
            .map(|p| k + 1 + p);
        let end = next.map_or(s.len(), |j| ws[j].0);
        let who = s[from..end].trim();
        if is_by {
            if is_the_author(who) {
                phrase.by_author = true;
            } else {
                phrase.interviewer = Some(who).filter(|w| is_person_name(w));
                phrase.interviewer?;
            }
        } else if is_the_author(who) {
            // "interview with the author": the writer answered nothing
        } else {
            phrase.interviewee = Some(who).filter(|w| is_person_name(w));
            phrase.interviewee?;
        }
        k = next.unwrap_or(ws.len());
    }
    Some(phrase)
}

fn names(s: &str) -> Vec<Name> {
    parse_names(s).names
}

/// Applies the repair (see the module docs); `author_texts` are the raw
/// texts of the fields labelled `author`. Returns whether the item is an
/// interview.
pub(crate) fn interview(it: &mut Item, author_texts: &[String]) -> bool {
    if is_interview(it) {
        return true;
    }
    // "John Smith, interviewed by Jane Doe": the interviewer read as an
    // editor, "interviewed" left over as a note
    let note_says_interview = it
        .note
        .as_deref()
        .and_then(read_phrase)
        .is_some_and(|p| p.interviewee.is_none() && p.interviewer.is_none());
    if note_says_interview && it.title.is_none() && !it.author.is_empty() && it.publisher.is_none()
    {
        it.interviewer = std::mem::take(&mut it.editor);
        it.note = None;
        mark(it);
        return true;
    }
    // a published work, or a book's imprint (a place and a year only)
    let imprint = it.publisher_place.is_some() && crate::infer::issued_precision(it) < 2;
    if it.container_title.is_some() || it.publisher.is_some() || !it.editor.is_empty() || imprint {
        return false;
    }
    // "Interview with Maria Rossi" as the only author or as the title
    let phrase_author = match author_texts {
        [only] => read_phrase(only).filter(|p| p.interviewee.is_some()),
        _ => None,
    };
    // "John Smith, interviewed by Jane Doe" as the only author
    if let [only] = author_texts {
        let split = only.split_once(", ").and_then(|(name, rest)| {
            let p = read_phrase(rest)?;
            (is_person_name(name) && p.interviewee.is_none()).then_some((name, p))
        });
        if let Some((name, p)) = split {
            it.author = names(name);
            it.interviewer = interviewer(&p);
            mark(it);
            return true;
        }
    }
    if let Some(p) = phrase_author {
        if it.title.is_some() && it.title.as_deref().and_then(read_phrase).is_none() {
            // "Interview with X, Life in the Mill, …": a titled work
            return false;
        }
        set_people(it, p);
        it.title = None;
        mark(it);
        return true;
    }
    let Some(p) = it.title.as_deref().and_then(read_phrase) else {
        return false;
    };
    let (interviewee, interviewer) = (p.interviewee.map(names), interviewer(&p));
    match (interviewee, it.author.is_empty()) {
        // "Interview with X": X answered
        (Some(author), true) => it.author = author,
        // "Maria Rossi, interview by the author": the author answered
        (None, false) => {}
        // a name on both sides, or no one interviewed
        _ => return false,
    }
    it.interviewer = interviewer;
    it.title = None;
    mark(it);
    true
}

/// Gives an interview with no interviewer named its genre (unless it has one).
fn mark(it: &mut Item) {
    if it.interviewer.is_empty() && it.genre.is_none() {
        it.genre = Some(GENRE.into());
    }
}

/// True for an item the repair above read as an interview: one with an
/// interviewer, or with the genre it gives one without.
pub(crate) fn is_interview(it: &Item) -> bool {
    !it.interviewer.is_empty() || it.genre.as_deref() == Some(GENRE)
}

/// The genre of an interview with no interviewer named.
const GENRE: &str = "interview";

fn set_people(it: &mut Item, p: Phrase<'_>) {
    it.author = p.interviewee.map(names).unwrap_or_default();
    it.interviewer = interviewer(&p);
}

/// Who asked: the name given, or "the author" as the source says it (a
/// literal name, as Chicago prints it: "interview by the author").
fn interviewer(p: &Phrase<'_>) -> Vec<Name> {
    match p.interviewer {
        Some(who) => names(who),
        None if p.by_author => vec![Name {
            literal: Some("the author".into()),
            ..Name::default()
        }],
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase<'a>(interviewee: Option<&'a str>, interviewer: Option<&'a str>) -> Phrase<'a> {
        Phrase {
            interviewee,
            interviewer,
            by_author: false,
        }
    }

    fn by_author(p: Phrase<'_>) -> Phrase<'_> {
        Phrase {
            by_author: true,
            ..p
        }
    }

    #[test]
    fn interview_phrases_name_who_answered_and_who_asked() {
        let cases = [
            (
                "Interview with Maria Rossi",
                phrase(Some("Maria Rossi"), None),
            ),
            (
                "Author's interview with John Smith.",
                by_author(phrase(Some("John Smith"), None)),
            ),
            (
                "Telephone interview with Peter Jones",
                phrase(Some("Peter Jones"), None),
            ),
            (
                "Interview of Mary Brown by the author",
                by_author(phrase(Some("Mary Brown"), None)),
            ),
            (
                "Interview by Jane Doe with John Smith",
                phrase(Some("John Smith"), Some("Jane Doe")),
            ),
            ("interviewed by Jane Doe", phrase(None, Some("Jane Doe"))),
            ("interview by the author", by_author(phrase(None, None))),
            ("interview with the author", phrase(None, None)),
            (
                "Interview mit Hans Müller",
                phrase(Some("Hans Müller"), None),
            ),
            (
                "Entretien avec Jean Dupont",
                phrase(Some("Jean Dupont"), None),
            ),
            (
                "Intervista a Giovanni Bianchi",
                phrase(Some("Giovanni Bianchi"), None),
            ),
            ("Entrevista con Ana López", phrase(Some("Ana López"), None)),
        ];
        for (s, want) in cases {
            assert_eq!(read_phrase(s), Some(want), "{s}");
        }
    }

    #[test]
    fn interview_leads_end_before_the_person_interviewed() {
        for s in [
            "Interview with",
            "Author's interview with",
            "Telephone interview with",
            "Interview by the author with",
            "Interview by Jane Doe with",
            "Entretien avec",
            "Intervista a",
            "Interview mit",
        ] {
            assert!(is_interview_lead(s), "{s}");
        }
        for s in [
            "See",
            "See the interview with",
            "Interview",
            "Interviews with",
            "Interview by with",
            "Compare the interview in",
        ] {
            assert!(!is_interview_lead(s), "{s}");
        }
    }

    #[test]
    fn titles_about_interviews_are_no_interview_phrases() {
        for s in [
            "Interviews with History",
            "Interviewing the Dead: Oral History and Its Sources",
            "The interview as a research method",
            "Interview with the Vampire",
            "Interview with the president of the republic",
            "Gespräch über Bäume",
            "Conversations with Stalin",
        ] {
            let p = read_phrase(s);
            assert!(
                p.is_none() || p.is_some_and(|p| p.interviewee.is_none()),
                "{s}"
            );
        }
        // none of these names a person interviewed, nor asks "by the author"
        assert_eq!(read_phrase("Interview with the Vampire"), None);
    }

    fn item(title: Option<&str>, author: &[&str]) -> Item {
        Item {
            title: title.map(str::to_string),
            author: author.iter().flat_map(|a| names(a)).collect(),
            ..Item::default()
        }
    }

    #[test]
    fn the_person_interviewed_is_the_author() {
        let mut it = item(None, &["Interview", "Maria Rossi"]);
        assert!(interview(&mut it, &["Interview with Maria Rossi".into()]));
        assert_eq!(it.author, names("Maria Rossi"));
        assert_eq!(it.title, None);

        let mut it = item(Some("Interview of Mary Brown by Jane Doe"), &[]);
        assert!(interview(&mut it, &[]));
        assert_eq!(it.author, names("Mary Brown"));
        assert_eq!(it.interviewer, names("Jane Doe"));

        let mut it = item(Some("interview by the author"), &["Maria Rossi"]);
        assert!(interview(&mut it, &["Maria Rossi".into()]));
        assert_eq!(it.author, names("Maria Rossi"));
        assert_eq!(it.title, None);
        assert_eq!(it.interviewer[0].literal.as_deref(), Some("the author"));
        assert_eq!(it.genre, None);

        let mut it = item(None, &["John Smith", "interviewed by Jane Doe"]);
        assert!(interview(
            &mut it,
            &["John Smith, interviewed by Jane Doe".into()]
        ));
        assert_eq!(it.author, names("John Smith"));
        assert_eq!(it.interviewer, names("Jane Doe"));

        // the interviewer read as an editor, "interviewed" as a note
        let mut it = item(None, &["John Smith"]);
        it.editor = names("Jane Doe");
        it.note = Some("interviewed".into());
        assert!(interview(&mut it, &["John Smith".into()]));
        assert_eq!(
            (it.interviewer, it.editor, it.note),
            (names("Jane Doe"), vec![], None)
        );

        // no one named as asking: the genre says what it is
        let mut it = item(Some("Interview with Maria Rossi"), &[]);
        assert!(interview(&mut it, &[]));
        assert!(it.interviewer.is_empty());
        assert_eq!(it.genre.as_deref(), Some("interview"));
        assert!(is_interview(&it));
    }

    #[test]
    fn published_and_titled_works_are_left_alone() {
        // a book about an interview, with its publisher
        let mut it = item(Some("Interview with Maria Rossi"), &[]);
        it.publisher = Some("Einaudi".into());
        assert!(!interview(&mut it, &[]));
        assert_eq!(it.title.as_deref(), Some("Interview with Maria Rossi"));
        // a place and a year: a book's imprint
        let mut it = item(Some("Interview with Maria Rossi"), &[]);
        it.publisher_place = Some("Milano".into());
        it.issued = Some(ibid_model::Date {
            date_parts: vec![vec![1998]],
            ..Default::default()
        });
        assert!(!interview(&mut it, &[]));
        it.issued = Some(ibid_model::Date {
            date_parts: vec![vec![1998, 3, 3]],
            ..Default::default()
        });
        assert!(interview(&mut it, &[]));
        // an interview with a title of its own
        let mut it = item(Some("Life in the Mill"), &["Interview", "Maria Rossi"]);
        assert!(!interview(&mut it, &["Interview with Maria Rossi".into()]));
        // a name on both sides: no way to tell who answered
        let mut it = item(Some("Interview with John Smith"), &["Maria Rossi"]);
        assert!(!interview(&mut it, &["Maria Rossi".into()]));
        assert_eq!(it.author, names("Maria Rossi"));
    }
}
