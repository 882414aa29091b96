//! An article title run on into its journal: "LeCun, Y., … (2015). Deep
//! learning. Nature, 521(7553), 436–444." The model labels "Deep learning.
//! Nature" one container-title and gives no title. A sentence end inside
//! the only container of a citation without a title (a lower-case word of
//! three letters or more, a full stop, a capital) ends the title there.

use crate::dict::{Dict, ABBREV, CONJ, IN, PARTICLE, SPAN_ABBREV, STOP};
use crate::labeller::LabelledSpan;
use ibid_model::Label;

/// Where the title ends and the journal starts inside `s`: the byte
/// offsets of the title's full stop and of the journal's first letter, at
/// the last sentence end ("learning. Nature"): after a lower-case word of
/// four letters or more that is no known abbreviation ("rer.", "hist.",
/// "suppl."). A journal abbreviation's periods are capitalised words'
/// ("Phys. Rev.") and no sentence end; so is a period after a digit or
/// inside a quotation.
fn sentence_end(s: &str) -> Option<(usize, usize)> {
    let dict = Dict::embedded();
    let mut found = None;
    let mut quote = false;
    for (i, c) in s.char_indices() {
        match c {
            '“' | '‘' | '«' | '„' => quote = true,
            '”' | '’' | '»' => quote = false,
            '.' | '?' | '!' if !quote => {
                let before = &s[..i];
                let word = before
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                let lower_word = word.chars().count() >= 4
                    && word.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
                    && dict.flags_of(word) & (ABBREV | SPAN_ABBREV) == 0;
                let ok = c != '.' || lower_word;
                let after = &s[i + c.len_utf8()..];
                let gap = after.len() - after.trim_start().len();
                let next = after.trim_start().chars().next();
                if ok && gap > 0 && next.is_some_and(char::is_uppercase) {
                    found = Some((i, i + c.len_utf8() + gap));
                }
            }
            _ => {}
        }
    }
    found
}

/// Every word capitalised (or no letter), or a lower-case function word
/// ("Infection and Immunity", "Annals of Science"): a journal's name, not
/// a subtitle ("An update Pharmacol Rep") or a book's title.
fn journal_like(s: &str) -> bool {
    let dict = Dict::embedded();
    s.split_whitespace().all(|w| {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        match core.chars().next() {
            None => true,
            Some(c) if !c.is_alphabetic() || c.is_uppercase() => true,
            Some(_) => dict.flags_of(core) & (STOP | CONJ | IN | PARTICLE) != 0,
        }
    })
}

/// The rule (see the module docs): the part before the sentence end becomes
/// the title, with its final punctuation outside both spans for a full stop
/// (kept for "?" and "!", which belong to the title). The journal part must
/// be one to eight words with no further sentence in it.
pub(crate) fn title_in_container(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields.iter().any(|f| f.label == Label::Title) {
        return;
    }
    let mut containers = fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.label == Label::ContainerTitle);
    let (Some((k, f)), None) = (containers.next(), containers.next()) else {
        return;
    };
    let range = f.range.clone();
    let Some(s) = text.get(range.clone()) else {
        return;
    };
    // a chapter's host ("in Storia della cultura veneta. Il Trecento") is a
    // book whose title may hold a sentence
    let word_before = text[..range.start]
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if Dict::embedded().flags_of(word_before) & IN != 0 {
        return;
    }
    let Some((stop, journal)) = sentence_end(s) else {
        return;
    };
    let words = s[journal..].split_whitespace().count();
    // "Le travail social. Nimes: Éditions Champ Social": an imprint, no journal
    if !(1..=8).contains(&words)
        || s[..stop].split_whitespace().count() < 2
        || s[journal..].contains(':')
        || !journal_like(&s[journal..])
    {
        return;
    }
    let title_end = if s[stop..].starts_with('.') {
        stop
    } else {
        stop + 1
    };
    fields[k].range = range.start + journal..range.end;
    fields.insert(
        k,
        LabelledSpan {
            label: Label::Title,
            range: range.start..range.start + title_end,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::title_in_container;
    use crate::span_rule_test::apply;
    use ibid_model::Label::{self, *};

    fn run(text: &str, spans: &[(Label, &str)]) -> Vec<(Label, String)> {
        apply(&[title_in_container], text, spans)
    }

    #[test]
    fn a_title_before_its_journal_leaves_the_container() {
        let text = "LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature, 521(7553), 436–444.";
        let out = run(
            text,
            &[
                (Author, "LeCun, Y., Bengio, Y., & Hinton, G."),
                (Date, "2015"),
                (ContainerTitle, "Deep learning. Nature"),
                (Volume, "521"),
            ],
        );
        assert_eq!(out[2], (Title, "Deep learning".into()));
        assert_eq!(out[3], (ContainerTitle, "Nature".into()));
        // a question is the title's own
        let text = "Smith, J. (2001). Why read history? Past & Present, 12, 3–9.";
        let out = run(
            text,
            &[
                (Author, "Smith, J."),
                (ContainerTitle, "Why read history? Past & Present"),
            ],
        );
        assert_eq!(out[1], (Title, "Why read history?".into()));
        assert_eq!(out[2], (ContainerTitle, "Past & Present".into()));
        let text = "Ostling, R. (2007). Field and lab convergence. Working Paper Series in Economics and Finance.";
        let out = run(
            text,
            &[(
                ContainerTitle,
                "Field and lab convergence. Working Paper Series in Economics and Finance",
            )],
        );
        assert_eq!(out[0], (Title, "Field and lab convergence".into()));
        assert_eq!(
            out[1],
            (
                ContainerTitle,
                "Working Paper Series in Economics and Finance".into()
            )
        );
    }

    #[test]
    fn journals_and_titled_citations_stay() {
        for (text, container) in [
            // abbreviations: capitalised words
            ("A. B. Smith, Phys. Rev. Lett. 12, 3 (1990).", "Phys. Rev. Lett."),
            ("J. Smith, Proc. Natl. Acad. Sci. USA 9, 1 (2000).", "Proc. Natl. Acad. Sci. USA"),
            // a capitalised word before the stop
            ("Smith, J. Science. Nature 5 (1990).", "Science. Nature"),
            // a lower-case abbreviation; an imprint after the stop
            ("Annal., in MGH, Script. rer. German. VI, 1930.", "MGH, Script. rer. German"),
            ("Hist. of the suppl. Nature, 1990.", "Hist. of the suppl. Nature"),
            ("Avet, R. (2003). Le travail social. Nimes: Champ Social.", "Le travail social. Nimes: Champ Social"),
            // a book's host after "in"
            ("Petrarca, in Storia della cultura veneta. Il Trecento, Vicenza 1976.", "Storia della cultura veneta. Il Trecento"),
            // a subtitle, not a journal
            ("G. Nowak, Zinc and depression. An update Pharmacol Rep, 57 (2005)", "Zinc and depression. An update Pharmacol Rep"),
            // the journal part is a whole sentence
            (
                "Smith, Atti del convegno. La storia di Venezia nel secolo decimonono e oltre le sue mura antiche, 1990.",
                "Atti del convegno. La storia di Venezia nel secolo decimonono e oltre le sue mura antiche",
            ),
        ] {
            let out = run(text, &[(ContainerTitle, container)]);
            assert_eq!(out, [(ContainerTitle, container.to_string())], "{text}");
        }
        // with a title, nothing changes
        let text = "Smith, Law. Deep learning. Nature, 5.";
        let out = run(
            text,
            &[(Title, "Law"), (ContainerTitle, "Deep learning. Nature")],
        );
        assert_eq!(out[1], (ContainerTitle, "Deep learning. Nature".into()));
    }
}
