//! Lines of the input and the note-number labels that may start a note:
//! at the start of a line ("12 ", "12.", "[12]", "12)", "n. 12", "note 12",
//! "¹²") or after a sentence end inside a line (run-together notes).

use crate::lexicon::{self, Lower};

/// One line of the input (without its terminator).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    pub start: usize,
    pub end: usize,
    /// Trimmed content `ts..te` (empty for blank lines).
    pub ts: usize,
    pub te: usize,
}

impl Line {
    pub(crate) fn blank(&self) -> bool {
        self.ts >= self.te
    }
    /// Indentation in bytes.
    pub(crate) fn indent(&self) -> usize {
        self.ts - self.start
    }
}

fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0B}' | '\u{0C}'
    )
}

/// Split text into lines; "\r\n" is one terminator.
pub(crate) fn lines(s: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(s.len() / 60 + 1);
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_terminator(c) {
            out.push(make_line(s, start, i));
            let mut next = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(j, '\n')) = iter.peek() {
                    iter.next();
                    next = j + 1;
                }
            }
            start = next;
        }
    }
    if start < s.len() {
        out.push(make_line(s, start, s.len()));
    }
    out
}

fn make_line(s: &str, start: usize, end: usize) -> Line {
    let t = &s[start..end];
    let lead = t.len() - t.trim_start().len();
    let trimmed_end = t.trim_end().len();
    let ts = start + lead;
    let te = (start + trimmed_end).max(ts);
    Line { start, end, ts, te }
}

/// How a label is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// "[12]" or "(12)"
    Bracket,
    /// "¹²"
    Superscript,
    /// "n. 12", "note 12", "Anm. 12"
    Prefixed,
    /// "12."
    Dot,
    /// "12)"
    Paren,
    /// "12 text"
    Plain,
    /// "12" alone on its line
    Alone,
    /// "12Text" (number glued to the text)
    Glued,
}

/// A possible note label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Label {
    pub number: u32,
    /// Byte range of the label.
    pub start: usize,
    pub end: usize,
    /// Where the note text starts (after the label and spaces).
    pub content: usize,
    pub style: Style,
    /// Found inside a line after a sentence end.
    pub inline: bool,
    /// Index of the line.
    pub line: usize,
    /// Prior evidence that this is a label.
    pub strength: f32,
}

fn superscript_digit(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// Digits at `pos`: (value, byte length); 1–4 digits, no leading zero.
fn digits_at(s: &str, pos: usize) -> Option<(u32, usize)> {
    let b = s.as_bytes();
    let mut k = pos;
    let mut v = 0u32;
    while k < b.len() && b[k].is_ascii_digit() && k - pos < 5 {
        v = v * 10 + u32::from(b[k] - b'0');
        k += 1;
    }
    let n = k - pos;
    if n == 0 || n > 4 || b[pos] == b'0' {
        return None;
    }
    Some((v, n))
}

fn superscripts_at(s: &str, pos: usize) -> Option<(u32, usize)> {
    let mut v = 0u32;
    let mut len = 0;
    let mut count = 0;
    for c in s[pos..].chars() {
        match superscript_digit(c) {
            Some(d) if count < 4 => {
                if count == 0 && d == 0 {
                    return None;
                }
                v = v * 10 + d;
                len += c.len_utf8();
                count += 1;
            }
            _ => break,
        }
    }
    (count > 0).then_some((v, len))
}

fn skip_spaces(s: &str, mut pos: usize, end: usize) -> usize {
    while pos < end {
        match s[pos..end].chars().next() {
            Some(c) if c.is_whitespace() => pos += c.len_utf8(),
            _ => break,
        }
    }
    pos
}

/// Parse a label at `pos` (the trimmed start of a line ending at `end`).
pub(crate) fn label_at_line_start(
    s: &str,
    pos: usize,
    end: usize,
) -> Option<(u32, usize, usize, Style)> {
    let rest = &s[pos..end];
    let first = rest.chars().next()?;
    // superscripts
    if let Some((v, len)) = superscripts_at(s, pos) {
        let content = skip_spaces(s, pos + len, end);
        return Some((v, pos + len, content, Style::Superscript));
    }
    // [12] / (12)
    if first == '[' || first == '(' {
        let (v, n) = digits_at(s, pos + 1)?;
        let close = if first == '[' { b']' } else { b')' };
        if s.as_bytes().get(pos + 1 + n) != Some(&close) {
            return None;
        }
        let lend = pos + n + 2;
        let after = s[lend..end].chars().next();
        if after.is_some_and(|c| !c.is_whitespace()) {
            return None;
        }
        return Some((v, lend, skip_spaces(s, lend, end), Style::Bracket));
    }
    // n. 12 / note 12 / Anm. 12 / Fn. 12
    if first.is_alphabetic() {
        let word_end = rest
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(i, _)| i);
        let word = &rest[..word_end];
        let low = Lower::new(word);
        let mut k = pos + word_end;
        let dot = s.as_bytes().get(k) == Some(&b'.');
        let ok = match low.as_str() {
            "n" | "fn" | "anm" => dot,
            "note" | "nota" | "footnote" | "endnote" => true,
            _ => false,
        };
        if !ok {
            return None;
        }
        if dot {
            k += 1;
        }
        let k2 = skip_spaces(s, k, end);
        if k2 == k {
            return None;
        }
        let (v, n) = digits_at(s, k2)?;
        let mut lend = k2 + n;
        if matches!(s.as_bytes().get(lend), Some(b'.' | b':')) {
            lend += 1;
        }
        if s[lend..end]
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace())
        {
            return None;
        }
        return Some((v, lend, skip_spaces(s, lend, end), Style::Prefixed));
    }
    let (v, n) = digits_at(s, pos)?;
    let after = pos + n;
    let next = s[after..end].chars().next();
    let next2 = s.get(after + 1..end).and_then(|r| r.chars().next());
    match next {
        None => Some((v, after, after, Style::Alone)),
        Some('.') if next2.is_none_or(char::is_whitespace) => {
            Some((v, after + 1, skip_spaces(s, after + 1, end), Style::Dot))
        }
        Some(')') if next2.is_none_or(char::is_whitespace) => {
            Some((v, after + 1, skip_spaces(s, after + 1, end), Style::Paren))
        }
        Some(c) if c.is_whitespace() => {
            let content = skip_spaces(s, after, end);
            let style = if content >= end {
                Style::Alone
            } else {
                Style::Plain
            };
            Some((v, after, content, style))
        }
        Some(c) if c.is_uppercase() => Some((v, after, after, Style::Glued)),
        _ => None,
    }
}

/// Lower-case words that may open a note ("ibid.", "see", "cf.").
fn lower_starter(word: &str) -> bool {
    let low = Lower::new(word);
    lexicon::is_ibid(word)
        || lexicon::is_cue(word, true)
        || lexicon::is_xref_word(word)
        || matches!(
            low.as_str(),
            "op" | "loc"
                | "on"
                | "for"
                | "in"
                | "a"
                | "an"
                | "the"
                | "this"
                | "as"
                | "it"
                | "but"
                | "and"
                | "also"
                | "quoted"
                | "cited"
                | "letter"
                | "minute"
                | "memorandum"
                | "report"
                | "telegram"
                | "de"
                | "van"
                | "von"
                | "di"
                | "le"
                | "la"
                | "zur"
                | "zum"
                | "vgl"
                | "s"
                | "ders"
                | "dies"
        )
}

/// Evidence from the first characters of the note text.
fn content_strength(s: &str, content: usize, end: usize) -> f32 {
    let rest = &s[content..end];
    let Some(c) = rest.chars().next() else {
        return 0.0;
    };
    if c.is_uppercase()
        || matches!(
            c,
            '‘' | '“' | '«' | '„' | '"' | '\'' | '(' | '[' | '»' | '*'
        )
    {
        let word_end = rest
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(i, _)| i);
        return if lexicon::is_ibid(&rest[..word_end]) {
            1.0
        } else {
            0.5
        };
    }
    if c.is_lowercase() {
        let word_end = rest
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(i, _)| i);
        let word = &rest[..word_end];
        return if lexicon::is_ibid(word) {
            0.5
        } else if lower_starter(word) {
            0.0
        } else {
            -1.0
        };
    }
    if c.is_ascii_digit() {
        return -0.5;
    }
    if matches!(
        c,
        ',' | '.' | ';' | ':' | ')' | ']' | '%' | '-' | '–' | '—' | '/' | '=' | '+'
    ) {
        return -3.0;
    }
    0.0
}

/// Prior strength of a line-start label.
pub(crate) fn line_label_strength(
    s: &str,
    number: u32,
    style: Style,
    content: usize,
    end: usize,
    prev_line_end_char: Option<char>,
) -> f32 {
    let mut st = match style {
        Style::Bracket | Style::Superscript | Style::Prefixed => 2.0,
        Style::Dot => 1.5,
        Style::Paren | Style::Plain => 1.0,
        Style::Alone => 0.5,
        Style::Glued => 0.3,
    };
    if style != Style::Alone {
        st += content_strength(s, content, end);
    }
    if number >= 1000 {
        st -= 1.0;
        if (1400..=2099).contains(&number)
            && matches!(
                style,
                Style::Plain | Style::Paren | Style::Alone | Style::Glued
            )
        {
            st -= 1.0;
        }
    }
    match prev_line_end_char {
        None => st += 0.3,
        Some('.' | ')' | ']' | '”' | '’' | '"' | '?' | '!') => st += 0.3,
        Some(',' | '(' | '-' | '–' | '&' | ':' | '/') => st -= 1.0,
        Some(c) if c.is_lowercase() => st -= 0.3,
        _ => {}
    }
    st
}

/// Labels inside the line `ts..te` after a sentence end: "… p. 28. 5 Ibid., p. 30."
pub(crate) fn inline_labels(s: &str, from: usize, te: usize, line: usize, out: &mut Vec<Label>) {
    let b = s.as_bytes();
    let mut i = from;
    while i < te {
        let Some(off) = s[i..te].find(['.', '?', '!']) else {
            break;
        };
        let p = i + off;
        i = p + 1;
        // the word before the period must not be an abbreviation
        let prev_char = s[..p].chars().next_back().unwrap_or(' ');
        let mut after_initial = false;
        if b[p] == b'.' && !matches!(prev_char, ')' | ']' | '”' | '’' | '"' | '»') {
            let mut w = p.saturating_sub(64).max(from);
            while !s.is_char_boundary(w) {
                w += 1;
            }
            let before = &s[w..p];
            let word_start = before
                .char_indices()
                .rev()
                .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
                .map_or(0, |(k, c)| k + c.len_utf8());
            let word = before[word_start..].trim_end_matches('.');
            let mut chars = word.chars();
            // an initial may end a note ("… per Brown-Wilkinson L. 46 Baron …")
            after_initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
            if word.is_empty()
                || (!after_initial
                    && lexicon::is_nonterminal_abbrev(word)
                    && !lexicon::is_terminal_abbrev(word))
            {
                continue;
            }
        }
        let mut k = p + 1;
        while k < te
            && matches!(
                s[k..].chars().next(),
                Some(')' | ']' | '”' | '’' | '"' | '»')
            )
        {
            k += s[k..].chars().next().map_or(1, char::len_utf8);
        }
        let after_space = skip_spaces(s, k, te);
        // superscript right after the period or after a space
        if let Some((v, len)) = superscripts_at(s, after_space) {
            let content = skip_spaces(s, after_space + len, te);
            if content < te && content_strength(s, content, te) >= 0.0 {
                out.push(Label {
                    number: v,
                    start: after_space,
                    end: after_space + len,
                    content,
                    style: Style::Superscript,
                    inline: true,
                    line,
                    strength: 1.0 + content_strength(s, content, te),
                });
            }
            continue;
        }
        if after_space == k {
            continue;
        }
        let Some((v, n)) = digits_at(s, after_space) else {
            continue;
        };
        let mut lend = after_space + n;
        if b.get(lend) == Some(&b'.') {
            lend += 1;
        }
        let content = skip_spaces(s, lend, te);
        if content == lend || content >= te {
            continue;
        }
        let cs = content_strength(s, content, te);
        if cs < 0.0 || s[content..te].starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        out.push(Label {
            number: v,
            start: after_space,
            end: lend,
            content,
            style: Style::Plain,
            inline: true,
            line,
            strength: 0.5 + cs - if after_initial { 0.3 } else { 0.0 },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines() {
        let ls = lines("a\r\nb\n\n  c  \rd");
        assert_eq!(ls.len(), 5);
        assert!(ls[2].blank());
        assert_eq!(ls[3].indent(), 2);
        let s = "a\r\nb\n\n  c  \rd";
        assert_eq!(&s[ls[3].ts..ls[3].te], "c");
    }

    fn label(s: &str) -> Option<(u32, &str, &str, Style)> {
        label_at_line_start(s, 0, s.len()).map(|(v, e, c, st)| (v, &s[..e], &s[c..], st))
    }

    #[test]
    fn label_styles() {
        assert_eq!(label("12 Ibid."), Some((12, "12", "Ibid.", Style::Plain)));
        assert_eq!(label("12. Ibid."), Some((12, "12.", "Ibid.", Style::Dot)));
        assert_eq!(
            label("[12] Ibid."),
            Some((12, "[12]", "Ibid.", Style::Bracket))
        );
        assert_eq!(label("12) Ibid."), Some((12, "12)", "Ibid.", Style::Paren)));
        assert_eq!(
            label("n. 12 Ibid."),
            Some((12, "n. 12", "Ibid.", Style::Prefixed))
        );
        assert_eq!(
            label("Note 12: Ibid."),
            Some((12, "Note 12:", "Ibid.", Style::Prefixed))
        );
        assert_eq!(
            label("¹² Ibid."),
            Some((12, "¹²", "Ibid.", Style::Superscript))
        );
        assert_eq!(label("⁷Ibid."), Some((7, "⁷", "Ibid.", Style::Superscript)));
        assert_eq!(label("12"), Some((12, "12", "", Style::Alone)));
        assert_eq!(label("1961), p. 88."), None);
        assert_eq!(label("1961) was").map(|l| l.3), Some(Style::Paren));
        assert_eq!(label("12.5 per cent"), None);
        assert_eq!(label("2nd ed."), None);
        assert_eq!(label("012 x"), None);
        assert_eq!(label("12345 x"), None);
        assert_eq!(label("Notes"), None);
    }

    #[test]
    fn inline_run_together() {
        let s = "Taylor, Origins, p. 28. 5 Ibid., p. 30. Vol. 6 Ibid. p. 28. 5 vols.";
        let mut out = Vec::new();
        inline_labels(s, 0, s.len(), 0, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].number, 5);
        assert_eq!(&s[out[0].content..out[0].content + 5], "Ibid.");
    }

    #[test]
    fn strengths_prefer_real_labels() {
        let s = "1961), p. 88.";
        let st = line_label_strength(s, 1961, Style::Paren, 5, s.len(), Some(','));
        assert!(st < -3.0);
        let s = "12 Taylor, Origins";
        assert!(line_label_strength(s, 12, Style::Plain, 3, s.len(), Some('.')) > 1.0);
        let s = "45 per cent of the vote";
        assert!(line_label_strength(s, 45, Style::Plain, 3, s.len(), Some('d')) < 0.5);
    }
}
