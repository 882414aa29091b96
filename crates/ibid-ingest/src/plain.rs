//! Plain text: one block over the whole input, line ends normalised.

use ibid_model::{MappedText, MappedTextBuilder};

/// The text with "\r\n" and "\r" turned into "\n", mapped to `text`
/// (which starts at byte 0 of the original). A "\r" before "\n" is dropped,
/// so the map has one segment per line, not two.
pub(crate) fn normalize_line_ends(text: &str) -> MappedText {
    let b = text.as_bytes();
    let mut out = MappedTextBuilder::default();
    let mut start = 0;
    let mut from = 0;
    while let Some(off) = memchr::memchr(b'\r', &b[from..]) {
        let cr = from + off;
        out.push_copied(&text[start..cr], start);
        if b.get(cr + 1) == Some(&b'\n') {
            // "\n" follows and is copied with the next run
            start = cr + 1;
        } else {
            out.push_synthetic("\n", cr..cr + 1);
            start = cr + 1;
        }
        from = cr + 1;
    }
    out.push_copied(&text[start..], start);
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends() {
        let s = "1 Taylor\r\n2 Ibid.\r3 Smith\n";
        let t = normalize_line_ends(s);
        assert_eq!(t.as_str(), "1 Taylor\n2 Ibid.\n3 Smith\n");
        let at = t.as_str().find("Ibid.").unwrap();
        assert_eq!(&s[t.orig_range(at..at + 5)], "Ibid.");
        let cr = t.as_str().find("\n3").unwrap();
        assert_eq!(t.orig_range(cr..cr + 1), 17..18);
        let nl = t.as_str().find('\n').unwrap();
        assert_eq!(&s[t.orig_range(nl..nl + 1)], "\n");
    }
}
