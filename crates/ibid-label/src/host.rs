//! A title that the model ran on past "in:" into the host of a chapter:
//! "Schönholz, Siegfried, 1980: Arbeitsplatzsicherung … im Vergleich in:
//! Vereinigung für Rechtssoziologie (Hrsg.): Arbeitslosigkeit und Recht."
//! "in:" with its colon, after a space ("In:" only after a full stop or a
//! comma), is no word of a title: the title ends before it, and what follows
//! is the host's editor (when "(Hrsg.)", "(Hg.)" or "(ed.)" follows it) or
//! the host itself.

use crate::token::Token;
use ibid_model::text::is_same_author_word;
use ibid_model::Label;

/// Relabels, in `path`, the part of a title run after "in:" (and "in:"
/// itself, as outside).
pub(crate) fn title_runs_into_host(text: &str, tokens: &[Token], path: &mut [u16], outside: u16) {
    let title = Label::Title.index() as u16;
    let n = path.len().min(tokens.len());
    let tok = |t: usize| &text[tokens[t].range.clone()];
    let mut t = 1;
    while t + 2 < n {
        let is_in_colon = path[t] == title
            && path[t - 1] == title
            // "In:" only after a full stop or comma: "Bringing the State
            // Back In: Strategies of Analysis" is one title
            && (tok(t) == "in" || (tok(t) == "In" && matches!(tok(t - 1), "." | ",")))
            && tokens[t].space_before
            && tok(t + 1) == ":"
            && tokens[t + 1].range.start == tokens[t].range.end
            && tokens[t + 2].space_before
            && path[t + 2] == title;
        if !is_in_colon {
            t += 1;
            continue;
        }
        let start = t + 2;
        let mut end = start;
        while end < n && path[end] == title {
            end += 1;
        }
        let after = text[tokens[end - 1].range.end..].trim_start();
        let editor = ["(Hrsg", "(Hg", "(ed", "(Ed"]
            .iter()
            .any(|m| after.starts_with(m));
        let host = if editor {
            Label::Editor
        } else {
            Label::ContainerTitle
        };
        path[t] = outside;
        path[t + 1] = outside;
        for p in &mut path[start..end] {
            *p = host.index() as u16;
        }
        t = end;
    }
}

/// Labels the model gives the host after "in: Ders.," that are no host of
/// their own (it reads "Ders., Nach Hitler" as an editor's name).
const HOST_MISREAD: [Label; 6] = [
    Label::Editor,
    Label::Author,
    Label::Note,
    Label::Title,
    Label::Other,
    Label::CollectionTitle,
];

/// An essay in a book by its own author: "Der Staat Hitlers, in: Ders.,
/// Nach Hitler, München 1986". "in" (with or without its colon), the
/// same-author word and its comma are `other`; the words after them, up to
/// the imprint, are the host (`container-title`).
pub(crate) fn same_author_host(text: &str, tokens: &[Token], path: &mut [u16]) {
    let n = path.len().min(tokens.len());
    let tok = |t: usize| &text[tokens[t].range.clone()];
    let misread = |p: u16| HOST_MISREAD.iter().any(|l| l.index() as u16 == p);
    let host = Label::ContainerTitle.index() as u16;
    for t in 1..n.saturating_sub(3) {
        // bytes first: every token passes here
        let r = &tokens[t].range;
        let is_in = r.len() == 2 && matches!(&text.as_bytes()[r.start..r.end], b"in" | b"In");
        if !is_in || !matches!(tok(t - 1), "," | ".") {
            continue;
        }
        // "in", ":"?, the word, "."?, ","
        let mut k = t + 1;
        if tok(k) == ":" {
            k += 1;
        }
        if k >= n || !is_same_author_word(&tok(k).to_lowercase()) {
            continue;
        }
        k += 1;
        if k < n && tok(k) == "." {
            k += 1;
        }
        if k >= n || tok(k) != "," {
            continue;
        }
        let start = k + 1;
        let mut end = start;
        while end < n && (misread(path[end]) || path[end] == host) {
            end += 1;
        }
        // the host ends before the comma that precedes the imprint
        while end > start && matches!(tok(end - 1), "," | ".") {
            end -= 1;
        }
        if end == start {
            continue;
        }
        // "in: Ders.," is `other`, as the training data labels it and the
        // item builder reads it (the host follows "in")
        for p in &mut path[t..start] {
            *p = Label::Other.index() as u16;
        }
        for p in &mut path[start..end] {
            *p = host;
        }
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    /// Tags every token of `text` before `rest_from` as title, the rest as
    /// outside; applies the rule; returns each label's words.
    fn run(text: &str, title_end: &str) -> Vec<(String, u16)> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let outside = Label::ALL.len() as u16;
        let end = text.find(title_end).unwrap() + title_end.len();
        let mut path: Vec<u16> = toks
            .iter()
            .map(|t| {
                if t.range.end <= end {
                    Label::Title.index() as u16
                } else {
                    outside
                }
            })
            .collect();
        title_runs_into_host(text, &toks, &mut path, outside);
        toks.iter()
            .zip(path)
            .map(|(t, p)| (text[t.range.clone()].to_string(), p))
            .collect()
    }

    fn label_of(words: &[(String, u16)], w: &str) -> u16 {
        words.iter().find(|(x, _)| x == w).unwrap().1
    }

    #[test]
    fn the_title_ends_before_in_colon() {
        let text = "Arbeitsplatzsicherung im Vergleich in: Vereinigung für Rechtssoziologie (Hrsg.): Arbeitslosigkeit";
        let w = run(text, "Rechtssoziologie");
        assert_eq!(label_of(&w, "Vergleich"), Label::Title.index() as u16);
        assert_eq!(label_of(&w, "in"), Label::ALL.len() as u16);
        assert_eq!(label_of(&w, "Vereinigung"), Label::Editor.index() as u16);
        let text = "Der lange Weg, in: Tatsachenforschung in der Justiz. Tübingen";
        let w = run(text, "Justiz");
        assert_eq!(label_of(&w, "Weg"), Label::Title.index() as u16);
        assert_eq!(
            label_of(&w, "Tatsachenforschung"),
            Label::ContainerTitle.index() as u16
        );
        assert_eq!(label_of(&w, "Justiz"), Label::ContainerTitle.index() as u16);
    }

    #[test]
    fn in_without_colon_or_glued_stays() {
        for (text, end) in [
            ("Tatsachenforschung in der Justiz", "Justiz"),
            ("Probleme in:der Justiz", "Justiz"),
            ("Probleme in : der Justiz", "Justiz"),
            (
                "Bringing the State Back In: Strategies of Analysis",
                "Analysis",
            ),
        ] {
            let w = run(text, end);
            assert!(
                w.iter()
                    .filter(|(x, _)| x != ":")
                    .all(|(_, p)| *p == Label::Title.index() as u16),
                "{text}"
            );
        }
    }

    #[test]
    fn an_essay_in_a_book_by_its_author() {
        let text = "M. Broszat, Der Staat Hitlers, in: Ders., Nach Hitler, München 1986, S. 11.";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let outside = Label::ALL.len() as u16;
        let id = |l: Label| l.index() as u16;
        let host_start = text.find("Ders").unwrap();
        let place = text.find("München").unwrap();
        // the model's reading: the host an editor's name
        let mut path: Vec<u16> = toks
            .iter()
            .map(|t| match t.range.start {
                s if s < 11 => id(Label::Author),
                s if s < host_start - 5 => id(Label::Title),
                s if s < host_start => outside,
                s if s < place - 2 => id(Label::Editor),
                _ => id(Label::Location),
            })
            .collect();
        same_author_host(text, &toks, &mut path);
        let words = |l: Label| -> String {
            toks.iter()
                .zip(&path)
                .filter(|(_, &p)| p == id(l))
                .map(|(t, _)| &text[t.range.clone()])
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(words(Label::ContainerTitle), "Nach Hitler");
        assert_eq!(words(Label::Editor), "");
        assert_eq!(words(Label::Title), "Der Staat Hitlers ,");
        // no same-author word: left alone
        let text = "M. Broszat, Der Staat Hitlers, in: Anders, Nach Hitler, München 1986.";
        tokenize(text, &mut toks);
        let mut path = vec![id(Label::Editor); toks.len()];
        same_author_host(text, &toks, &mut path);
        assert!(path.iter().all(|&p| p == id(Label::Editor)));
    }
}
