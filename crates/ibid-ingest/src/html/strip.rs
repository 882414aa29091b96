//! A linear fallback for pages the HTML parser would take too long over
//! (thousands of nested or unclosed elements): the text between tags, with
//! character references decoded and block elements on their own lines.
//! Also the pre-scan that decides when to use it.

use super::elem::is_block;
use super::markup::{markup_end, next_special, unit_at, Unit};
use super::sink::{is_html_space, Sink};
use ibid_model::MappedText;

/// A tag name, lowercased (names longer than 16 bytes are cut: no name
/// this module looks for is that long).
struct TagName {
    buf: [u8; 16],
    len: usize,
}

impl TagName {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// Name of the tag at `pos` (which holds `<`) and whether it is an end tag.
fn tag_name(src: &[u8], pos: usize) -> Option<(TagName, bool)> {
    let mut i = pos + 1;
    let end_tag = src.get(i) == Some(&b'/');
    if end_tag {
        i += 1;
    }
    if !src.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut name = TagName {
        buf: [0; 16],
        len: 0,
    };
    while i < src.len() && src[i].is_ascii_alphanumeric() {
        if name.len < 16 {
            name.buf[name.len] = src[i].to_ascii_lowercase();
            name.len += 1;
        } else {
            // too long for any name of interest
            name.buf[0] = b'-';
        }
        i += 1;
    }
    Some((name, end_tag))
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "param"
            | "keygen"
            | "basefont"
            | "bgsound"
            | "frame"
    )
}

/// Elements whose end tags are optional: their nesting does not pile up.
fn closes_itself(name: &str) -> bool {
    matches!(
        name,
        "p" | "li"
            | "dt"
            | "dd"
            | "option"
            | "optgroup"
            | "tr"
            | "td"
            | "th"
            | "rb"
            | "rt"
            | "rp"
            | "tbody"
            | "thead"
            | "tfoot"
            | "colgroup"
            | "caption"
    )
}

fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

/// An estimate of the tree builder's work: each tag costs the depth of the
/// open-element stack, and (more) the number of open formatting elements.
/// html5ever is quadratic in both.
pub(crate) fn parser_work(src: &str) -> u64 {
    let b = src.as_bytes();
    let mut depth: u64 = 0;
    let mut formatting: u64 = 0;
    let mut work: u64 = 0;
    let mut pos = 0;
    while let Some(off) = b.get(pos..).and_then(|s| memchr::memchr(b'<', s)) {
        let lt = pos + off;
        let Some(end) = markup_end(b, lt) else {
            pos = lt + 1;
            continue;
        };
        if let Some((name, end_tag)) = tag_name(b, lt) {
            let name = name.as_str();
            let self_closing = end >= 2 && b[end - 2] == b'/';
            if end_tag {
                if !is_void(name) && !closes_itself(name) {
                    depth = depth.saturating_sub(1);
                }
                if is_formatting(name) {
                    formatting = formatting.saturating_sub(1);
                }
            } else if !is_void(name) && !closes_itself(name) && !self_closing {
                depth += 1;
                if is_formatting(name) {
                    formatting += 1;
                }
            }
            work = work.saturating_add(depth + 8 * formatting);
        }
        pos = end.max(lt + 1);
    }
    work
}

/// Whether the parser's work on `src` would be too large.
pub(crate) fn too_complex(src: &str) -> bool {
    parser_work(src) > 20_000_000 + 8 * src.len() as u64
}

/// The visible text of `src` without a DOM, as one block.
pub(crate) fn strip(src: &str) -> MappedText {
    let b = src.as_bytes();
    let mut sink = Sink::default();
    let mut pos = 0;
    while pos < b.len() {
        if b[pos] == b'<' {
            if let Some(end) = markup_end(b, pos) {
                if let Some((name, _)) = tag_name(b, pos) {
                    let name = name.as_str();
                    if name == "br" {
                        sink.line_break();
                    } else if is_block(name) {
                        sink.separator(true);
                    } else if matches!(name, "td" | "th") {
                        sink.separator(false);
                    }
                }
                pos = end;
                continue;
            }
        }
        let next = if matches!(b[pos], b'<' | b'&' | b'\r') {
            pos
        } else {
            next_special(b, pos)
        };
        if next > pos {
            feed_run(&mut sink, &src[pos..next], pos);
            pos = next;
            continue;
        }
        match unit_at(src, pos) {
            Some(Unit::Verbatim { len }) => {
                feed_run(&mut sink, &src[pos..pos + len], pos);
                pos += len;
            }
            Some(Unit::Decoded { len, chars, n }) => {
                for &c in &chars[..usize::from(n)] {
                    if is_html_space(c) {
                        sink.space(c, pos..pos + len, false);
                    } else {
                        let mut buf = [0u8; 4];
                        sink.text(c.encode_utf8(&mut buf), pos..pos + len, false);
                    }
                }
                pos += len;
            }
            None => break,
        }
    }
    sink.finish().0
}

fn feed_run(sink: &mut Sink, s: &str, base: usize) {
    let mut word: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if is_html_space(c) {
            if let Some(w) = word.take() {
                sink.text(&s[w..i], base + w..base + i, true);
            }
            sink.space(c, base + i..base + i + 1, true);
        } else if word.is_none() {
            word = Some(i);
        }
    }
    if let Some(w) = word {
        sink.text(&s[w..], base + w..base + s.len(), true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_keeps_lines() {
        let src = "<div><p>1 Taylor, <i>Origins</i>, p.&nbsp;88.</p><script>x<y</script><p>2 Ibid.<br>3 Smith &amp; Co.</p></div>";
        let t = strip(src);
        assert_eq!(
            t.as_str(),
            "1 Taylor, Origins, p.\u{a0}88.\n2 Ibid.\n3 Smith & Co."
        );
        let at = t.as_str().find("Origins").unwrap();
        assert_eq!(&src[t.orig_range(at..at + 7)], "Origins");
        let amp = t.as_str().find('&').unwrap();
        assert_eq!(&src[t.orig_range(amp..amp + 1)], "&amp;");
    }

    #[test]
    fn work_estimate() {
        let normal =
            "<html><body>".to_string() + &"<p>Taylor, <i>Origins</i>, p. 88.</p>\n".repeat(1000);
        assert!(!too_complex(&normal));
        assert!(too_complex(&"<div>".repeat(20_000)));
        let bs: String = (0..10_000).map(|i| format!("<b id={i}>x")).collect();
        assert!(too_complex(&bs));
        assert!(!too_complex(&"<p>x".repeat(100_000)));
    }
}
