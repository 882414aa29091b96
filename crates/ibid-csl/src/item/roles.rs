//! Editors and their roles in the spans of one citation: a role the
//! labeller left outside the names ("Wehler (Hrsg.)"), a plural role after
//! a second name ("…, eds."), and an editor's span that holds a title too
//! ("Walter Liedtke, ed., Vermeer …", "Title, ed. by A and B").

use crate::names::parse_names;
use crate::text::find_ci;
use std::ops::Range;

/// "Walter Liedtke, ed., Vermeer and the Delft School": names, the role,
/// then a title of two words or more.
pub(super) fn split_editor_and_title(s: &str) -> Option<(&str, &str)> {
    // only a role set off on both sides: "Title, ed. M. Barasch" names the
    // editor after the role
    for role in [
        ", ed., ",
        ", eds., ",
        " (ed.), ",
        " (eds.), ",
        " (ed), ",
        " (eds), ",
    ] {
        if let Some(at) = find_ci(s, role) {
            let (names, title) = (&s[..at], &s[at + role.len()..]);
            let by = title.split_whitespace().next().is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "by" | "von" | "par" | "di" | "da" | "dal" | "dalla" | "and" | "&"
                )
            });
            let digit = title.starts_with(|c: char| c.is_ascii_digit());
            if !names.is_empty() && !by && !digit && title.split_whitespace().count() >= 2 {
                return Some((names, title));
            }
        }
    }
    None
}

/// "Hans-Ulrich Wehler (Hrsg.), Moderne deutsche Sozialgeschichte": the
/// labeller leaves a bracketed role outside the names (as GROBID and
/// LinkedBooks do), so an author span followed by one, before the `next`
/// field starts, is read with it: the end of the bracket, when the names
/// parser finds a role there and none in the span alone.
pub(super) fn bracketed_role_after(text: &str, span: Range<usize>, next: usize) -> Option<usize> {
    let gap = text.get(span.end..next.max(span.end))?;
    let open = gap.find('(')?;
    if !gap[..open].trim_matches([',', ' ']).is_empty() {
        return None;
    }
    let close = open + gap[open..].find(')')?;
    if close - open > 16 {
        return None;
    }
    let end = span.end + close + 1;
    let with_role = parse_names(text.get(span.start..end)?).role;
    (with_role.is_some() && parse_names(text.get(span)?).role.is_none()).then_some(end)
}

/// ", eds.", " (eds)", ", Hrsg.": a plural editors' role right after a name.
pub(super) fn starts_with_plural_role(after: &str) -> bool {
    let t = after.trim_start_matches([',', ' ', '(']);
    ["eds.", "eds ", "eds)", "eds,", "(eds", "hrsg", "hgg"]
        .iter()
        .any(|r| crate::text::starts_with_ci(t, r))
}

/// "Title, ed. by A and B" read as one editor span: the title and the
/// names, split at the role phrase.
pub(super) fn split_book_and_editors(s: &str) -> Option<(&str, &str)> {
    for phrase in [
        ", ed. by ",
        ", eds. by ",
        ", edited by ",
        ", hg. von ",
        ", hrsg. von ",
        ", a cura di ",
        ", éd. par ",
        ", sous la direction de ",
    ] {
        if let Some(at) = find_ci(s, phrase) {
            let (book, names) = (&s[..at], &s[at + phrase.len()..]);
            let words = book.split_whitespace().count();
            if words >= 2 && names.split_whitespace().count() >= 2 {
                return Some((book, names));
            }
        }
    }
    None
}
