//! Small XML helpers: escaping (XML and HTML) and a streaming element writer.

use crate::common::field;
use std::io::{self, Write};

/// Escape text for XML content and attribute values. Characters XML 1.0
/// forbids (most C0 controls) are dropped.
pub(crate) fn escape(s: &str) -> String {
    escape_markup(s, "&apos;", true)
}

/// Escape text for HTML: the same characters as [`escape`], but `'` becomes
/// `&#39;` (HTML 4 has no `&apos;`) and control characters are kept.
pub(crate) fn html_escape(s: &str) -> String {
    escape_markup(s, "&#39;", false)
}

/// Replace `&`, `<`, `>`, `"` and `'` by entities (`'` by `apos`); with
/// `drop_forbidden`, leave out the characters XML 1.0 forbids (C0 controls
/// other than tab, line feed and carriage return; U+FFFE; U+FFFF).
fn escape_markup(s: &str, apos: &str, drop_forbidden: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str(apos),
            '\t' | '\n' | '\r' => out.push(c),
            c if drop_forbidden && ((c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes indented XML elements to a sink.
pub(crate) struct Xml<'a> {
    pub out: &'a mut dyn Write,
    pub depth: usize,
}

impl<'a> Xml<'a> {
    pub fn new(out: &'a mut dyn Write, depth: usize) -> Self {
        Xml { out, depth }
    }

    fn indent(&mut self) -> io::Result<()> {
        for _ in 0..self.depth {
            self.out.write_all(b"  ")?;
        }
        Ok(())
    }

    fn attrs(&mut self, attrs: &[(&str, &str)]) -> io::Result<()> {
        for (k, v) in attrs {
            write!(self.out, " {k}=\"{}\"", escape(v))?;
        }
        Ok(())
    }

    /// `<name attrs>` on its own line; increases depth.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.indent()?;
        write!(self.out, "<{name}")?;
        self.attrs(attrs)?;
        self.out.write_all(b">\n")?;
        self.depth += 1;
        Ok(())
    }

    /// `</name>` on its own line; decreases depth.
    pub fn close(&mut self, name: &str) -> io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        self.indent()?;
        writeln!(self.out, "</{name}>")
    }

    /// `<name attrs>text</name>` on one line.
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> io::Result<()> {
        self.indent()?;
        write!(self.out, "<{name}")?;
        self.attrs(attrs)?;
        writeln!(self.out, ">{}</{name}>", escape(text))
    }

    /// `<name attrs>text</name>` with the field's text (trimmed and
    /// squashed, see [`field`]); nothing when the field is empty or absent.
    pub fn leaf_field(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        value: &Option<String>,
    ) -> io::Result<()> {
        match field(value) {
            Some(text) => self.leaf(name, attrs, &text),
            None => Ok(()),
        }
    }

    /// `<name attrs/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.indent()?;
        write!(self.out, "<{name}")?;
        self.attrs(attrs)?;
        self.out.write_all(b"/>\n")
    }

    /// A raw line (already escaped markup), indented.
    pub fn raw_line(&mut self, markup: &str) -> io::Result<()> {
        self.indent()?;
        writeln!(self.out, "{markup}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            super::escape("a<b>&\"c'\u{1}\u{7}d"),
            "a&lt;b&gt;&amp;&quot;c&apos;d"
        );
    }

    #[test]
    fn html_escape_keeps_controls() {
        assert_eq!(
            super::html_escape("a<b>&\"c'\u{1}d"),
            "a&lt;b&gt;&amp;&quot;c&#39;\u{1}d"
        );
    }
}
