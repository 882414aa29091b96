//! Punctuation a field's span drops and its output keeps. The span edges
//! (`spans::normalise_span`) strip punctuation from both ends, for the
//! training spans as for the model's output, so that the corpora's
//! different edges teach one thing. At output these rules give back what
//! belongs to the field: a title's final "?" or "!", the opening mark of a
//! quotation that opens it, and any field's closing bracket of a bracket it
//! opened. Training spans keep the corpora's edges.

use crate::labeller::LabelledSpan;
use crate::spans::closing_marks;
use ibid_model::Label;

/// A title's own punctuation, which the span edges drop with the other
/// punctuation, joins it again (at output only: the training spans keep the
/// corpora's edges): its final "?" or "!" ("What Is the History of Books?")
/// and the opening quotation mark of a quotation that opens it and closes
/// inside it (‘“Mere Auxiliaries to the Commonwealth”: Women …’ kept its
/// closing mark only).
pub(crate) fn titles_keep_their_punctuation(text: &str, fields: &mut [LabelledSpan]) {
    for i in 0..fields.len() {
        if !matches!(
            fields[i].label,
            Label::Title | Label::ContainerTitle | Label::CollectionTitle
        ) {
            continue;
        }
        let range = fields[i].range.clone();
        let Some(inner) = text.get(range.clone()) else {
            continue;
        };
        let after = text.get(range.end..).and_then(|r| r.chars().next());
        if let (Some(q @ ('?' | '!')), Some(l)) = (after, inner.chars().next_back()) {
            if l.is_alphanumeric() && !fields.iter().any(|g| g.range.start == range.end) {
                fields[i].range.end = range.end + q.len_utf8();
            }
        }
        let before = text.get(..range.start).and_then(|r| r.chars().next_back());
        if let Some(open @ ('“' | '«' | '‘' | '"')) = before {
            // a straight mark may open what a curly one closes ("The Rule of Love”)
            let close = match open {
                '“' | '"' => '”',
                '«' => '»',
                _ => '’',
            };
            let unmatched = closing_marks(inner, close).count() > inner.matches(open).count();
            let opens_word = inner.chars().next().is_some_and(char::is_alphanumeric);
            if unmatched && opens_word && !fields.iter().any(|g| g.range.end == range.start) {
                fields[i].range.start = range.start - open.len_utf8();
            }
        }
    }
}

/// A span's closing bracket, which the span edges drop with the other
/// punctuation, joins it again when the span opened the bracket
/// ("Cambridge (Mass.)" was "Cambridge (Mass"), with an abbreviation's full
/// stop before it (output only, as above).
pub(crate) fn spans_close_their_brackets(text: &str, fields: &mut [LabelledSpan]) {
    for i in 0..fields.len() {
        // "(really = authored by PRC)]": a span may close two
        while close_one_bracket(text, fields, i) {}
    }
}

/// Takes into field `i` the closing bracket right after it, when the field
/// opened that bracket and no other field starts there. True if it did.
fn close_one_bracket(text: &str, fields: &mut [LabelledSpan], i: usize) -> bool {
    let range = fields[i].range.clone();
    let after = text.get(range.end..).unwrap_or("");
    // first the cheap test: a closing bracket right after the span
    let (close, take) = match after.as_bytes() {
        [c @ (b')' | b']'), ..] => (*c, 1),
        [b'.', c @ (b')' | b']'), ..] => (*c, 2),
        _ => return false,
    };
    let open = if close == b')' { b'(' } else { b'[' };
    let Some(inner) = text.get(range.clone()) else {
        return false;
    };
    let count = |b: u8| inner.bytes().filter(|&x| x == b).count();
    let end = range.end + take;
    let taken = count(open) == count(close) + 1
        && !fields
            .iter()
            .any(|g| g.range.start > range.start && g.range.start < end);
    if taken {
        fields[i].range.end = end;
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, label: Label, part: &str) -> LabelledSpan {
        let start = text.find(part).unwrap();
        LabelledSpan {
            label,
            range: start..start + part.len(),
        }
    }

    #[test]
    fn spans_keep_the_brackets_they_open() {
        let text = "Cambridge University Press, Cambridge (Mass.) 2007; Smith (ed.), Title [Reprint] (1990)";
        let mut fields = vec![
            span(text, Label::Location, "Cambridge (Mass"),
            span(text, Label::Title, "Title [Reprint"),
            span(text, Label::Date, "1990"),
        ];
        spans_close_their_brackets(text, &mut fields);
        let got: Vec<&str> = fields.iter().map(|f| &text[f.range.clone()]).collect();
        assert_eq!(got, ["Cambridge (Mass.)", "Title [Reprint]", "1990"]);
        // balanced, or a bracket closed by another field's text: left alone
        let text = "Cambridge (MA), MIT Press (1992)";
        let mut fields = vec![span(text, Label::Location, "Cambridge (MA)")];
        spans_close_their_brackets(text, &mut fields);
        assert_eq!(&text[fields[0].range.clone()], "Cambridge (MA)");
    }

    #[test]
    fn titles_keep_their_question_and_their_opening_quotation() {
        let text = "T. Brennan, ‘“Mere Auxiliaries”: Women and Liberalism’ (1979) 27 Political Studies 183; R. Darnton, “What Is the History of Books?,” Daedalus";
        let mut fields = vec![
            span(
                text,
                Label::Title,
                "Mere Auxiliaries”: Women and Liberalism",
            ),
            span(text, Label::ContainerTitle, "Political Studies"),
            span(text, Label::Title, "What Is the History of Books"),
        ];
        titles_keep_their_punctuation(text, &mut fields);
        let got: Vec<&str> = fields.iter().map(|f| &text[f.range.clone()]).collect();
        assert_eq!(
            got,
            [
                "“Mere Auxiliaries”: Women and Liberalism",
                "Political Studies",
                "What Is the History of Books?"
            ]
        );
        let text = "Sidney Aster, “‘Guilty Men’: The Case of Neville Chamberlain,” in Paths to War";
        let mut fields = vec![span(
            text,
            Label::Title,
            "Guilty Men’: The Case of Neville Chamberlain",
        )];
        titles_keep_their_punctuation(text, &mut fields);
        assert_eq!(
            &text[fields[0].range.clone()],
            "‘Guilty Men’: The Case of Neville Chamberlain"
        );
        let text = "R.B. Siegel, ‘\"The Rule of Love”: Wife Beating’ (1996)";
        let mut fields = vec![span(text, Label::Title, "The Rule of Love”: Wife Beating")];
        titles_keep_their_punctuation(text, &mut fields);
        assert_eq!(
            &text[fields[0].range.clone()],
            "\"The Rule of Love”: Wife Beating"
        );
        // a quotation mark before a title whose quotation is not inside it stays out
        for (text, part) in [
            ("‘O’Brien’s Men’, Studies", "O’Brien’s Men"),
            ("“Mere Auxiliaries,” Political Studies", "Mere Auxiliaries"),
            ("“Women and Liberalism” (1979)", "Women and Liberalism"),
        ] {
            let mut fields = vec![span(text, Label::Title, part)];
            titles_keep_their_punctuation(text, &mut fields);
            assert_eq!(&text[fields[0].range.clone()], part);
        }
    }
}
