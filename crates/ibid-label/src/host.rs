//! A title that the model ran on past "in:" into the host of a chapter:
//! "Schönholz, Siegfried, 1980: Arbeitsplatzsicherung … im Vergleich in:
//! Vereinigung für Rechtssoziologie (Hrsg.): Arbeitslosigkeit und Recht."
//! "in:" with its colon, after a space ("In:" only after a full stop or a
//! comma), is no word of a title: the title ends before it, and what follows
//! is the host's editor (when "(Hrsg.)", "(Hg.)" or "(ed.)" follows it) or
//! the host itself.

use crate::token::Token;
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
}
