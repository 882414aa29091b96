//! DOIs: finding them in free text and turning them into resolver URLs.

/// Characters that may end a DOI in running text but are almost never its last
/// character: sentence punctuation, closing quotes and brackets.
fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\''
            | '"'
            | '’'
            | '”'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '>'
    )
}

/// Characters that end a DOI in running text.
fn ends_doi(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '“' | '”' | '«' | '»')
}

/// Find the first DOI in free text: `doi:10.1017/S0018246X00012345`,
/// `https://doi.org/10.…`, `DOI 10.…`. Trailing sentence punctuation and
/// unbalanced closing brackets are stripped. Linear in the text length.
///
/// ```
/// assert_eq!(
///     ibid_link::find_doi("(https://doi.org/10.1093/ehr/cex123)."),
///     Some("10.1093/ehr/cex123".to_string())
/// );
/// assert_eq!(ibid_link::find_doi("London, 2010. 12/3"), None);
/// ```
pub fn find_doi(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(rel) = text.get(from..)?.find("10.") {
        let start = from + rel;
        from = start + 3;
        let prev_ok = start == 0 || {
            let p = bytes[start - 1];
            !(p.is_ascii_alphanumeric() || p == b'.' || p == b'-' || p == b'_')
        };
        if !prev_ok {
            continue;
        }
        if let Some(doi) = doi_at(&text[start..]) {
            return Some(doi);
        }
    }
    None
}

/// Parse a DOI starting exactly at `s` (which begins with "10.").
fn doi_at(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut i = 3;
    // Registrant: digits, possibly with dot-separated sub-parts ("10.1000.10").
    let digits_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i - digits_start < 4 {
        return None;
    }
    while i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    if b.get(i) != Some(&b'/') {
        return None;
    }
    i += 1;
    let suffix_start = i;
    let rest = &s[suffix_start..];
    let end = rest.find(ends_doi).unwrap_or(rest.len());
    let mut suffix = &rest[..end];
    // Strip trailing punctuation, keeping closing brackets that balance an
    // opening one inside the DOI ("10.1002/(SICI)1097-4571(199806)").
    // Bracket counts are taken once and updated as characters are removed.
    let count = |c: char| suffix.chars().filter(|&x| x == c).count();
    let mut balance = [
        (')', '(', count('(') as isize - count(')') as isize),
        (']', '[', count('[') as isize - count(']') as isize),
        ('>', '<', count('<') as isize - count('>') as isize),
    ];
    while let Some(c) = suffix.chars().next_back() {
        if !is_trailing_punct(c) {
            break;
        }
        if let Some(entry) = balance.iter_mut().find(|e| e.0 == c) {
            if entry.2 >= 0 {
                break;
            }
            entry.2 += 1;
        }
        suffix = &suffix[..suffix.len() - c.len_utf8()];
    }
    if suffix.is_empty() {
        return None;
    }
    Some(percent_decode(&format!("{}{}", &s[..suffix_start], suffix)))
}

/// The DOI name a DOI as written stands for: its `%XX` escapes decoded.
///
/// A DOI in a URL is percent-encoded (DOI Handbook §2.5.2.4: "%" itself is
/// written "%25", a space "%20"), and citations copy DOIs from URLs, so
/// "https://doi.org/10.1000/a%20b" names the DOI "10.1000/a b". A DOI name
/// could in principle hold a literal "%" followed by two hex digits, but
/// Crossref and DataCite advise against "%" in new DOIs and the item keeps no
/// trace of whether its DOI was a URL, so an escape is always read as one.
/// The text is kept as it is when its escapes do not decode to UTF-8 text
/// without control characters (a "%" then is a literal "%", which
/// [`doi_url`] encodes as "%25").
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |j: usize| b.get(j).and_then(|&c| (c as char).to_digit(16));
        match (b[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(d) if !d.chars().any(char::is_control) => d,
        _ => s.to_string(),
    }
}

/// A DOI without its `doi:` or resolver prefix, its percent-escapes decoded
/// (see `percent_decode`), or `None` when the text holds no DOI.
pub fn normalize_doi(doi: &str) -> Option<String> {
    let t = doi.trim();
    if t.starts_with("10.") {
        // Take it whole when it already is a bare DOI (it may hold spaces only
        // at its end); otherwise search it.
        if let Some(d) = doi_at(t) {
            return Some(d);
        }
    }
    find_doi(t)
}

/// `https://doi.org/<DOI>`, percent-encoding the characters a URL cannot hold
/// as they are (as the DOI Handbook advises: `%`, `"`, `#`, `?`, space, `<`,
/// `>`, `{`, `}`, `^`, `[`, `]`, `` ` ``, `|`, `\`, and non-ASCII). The DOI is
/// first normalised, which decodes the escapes of a DOI copied from a URL, so
/// the link is encoded exactly once: "10.1000/a_b%20c" links to
/// `https://doi.org/10.1000/a_b%20c`, not `…a_b%2520c`.
pub fn doi_url(doi: &str) -> Option<String> {
    let d = normalize_doi(doi)?;
    let mut url = String::from("https://doi.org/");
    for c in d.chars() {
        let keep = c.is_ascii_graphic()
            && !matches!(
                c,
                '%' | '"' | '#' | '?' | '<' | '>' | '{' | '}' | '^' | '[' | ']' | '`' | '|' | '\\'
            );
        if keep {
            url.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                url.push_str(&format!("%{b:02X}"));
            }
        }
    }
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_prefixed_dois() {
        for (text, want) in [
            ("doi:10.1017/S0018246X00012345", "10.1017/S0018246X00012345"),
            (
                "doi: 10.1017/S0018246X00012345.",
                "10.1017/S0018246X00012345",
            ),
            (
                "Available at https://doi.org/10.1093/ehr/cex123, accessed",
                "10.1093/ehr/cex123",
            ),
            ("http://dx.doi.org/10.2307/1234567;", "10.2307/1234567"),
            ("DOI 10.1000.10/abc-def_g.", "10.1000.10/abc-def_g"),
            (
                "(10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O).",
                "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O",
            ),
            ("«10.1234/xyz»", "10.1234/xyz"),
        ] {
            assert_eq!(find_doi(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn rejects_non_dois() {
        for text in [
            "",
            "London, 2010. 12/3",
            "pp. 10.5/6",
            "110.1234/abc",
            "10.1234/",
            "10.1234/.",
            "version 2.10.1234/x",
        ] {
            assert_eq!(find_doi(text), None, "{text}");
        }
    }

    #[test]
    fn linear_on_hostile_input() {
        let s = "10.".repeat(50_000);
        assert_eq!(find_doi(&s), None);
        let s = format!("{}/x", "10.1234".repeat(20_000));
        assert!(find_doi(&s).is_some());
        let s = " 10.1234".repeat(20_000);
        assert_eq!(find_doi(&s), None);
        let s = format!("10.1234/x{}", ")".repeat(100_000));
        assert_eq!(find_doi(&s).as_deref(), Some("10.1234/x"));
    }

    #[test]
    fn url_encodes_unsafe_characters() {
        assert_eq!(
            doi_url("doi:10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O").as_deref(),
            Some(
                "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-O"
            )
        );
        assert_eq!(doi_url("not a doi"), None);
        assert_eq!(
            normalize_doi(" https://doi.org/10.1017/S00 ").as_deref(),
            Some("10.1017/S00")
        );
    }

    #[test]
    fn dois_from_urls_are_decoded_and_encoded_once() {
        // The escape of a DOI copied from a URL is decoded …
        assert_eq!(
            normalize_doi("https://doi.org/10.1000/a%20b").as_deref(),
            Some("10.1000/a b")
        );
        assert_eq!(
            normalize_doi("10.1000/a_b%20c").as_deref(),
            Some("10.1000/a_b c")
        );
        assert_eq!(
            find_doi("see https://doi.org/10.1002/%28SICI%291097-4571 now").as_deref(),
            Some("10.1002/(SICI)1097-4571")
        );
        assert_eq!(
            normalize_doi("10.1000/caf%C3%A9").as_deref(),
            Some("10.1000/café")
        );
        // … and the link encodes the DOI name once.
        assert_eq!(
            doi_url("10.1000/a_b%20c").as_deref(),
            Some("https://doi.org/10.1000/a_b%20c")
        );
        assert_eq!(
            doi_url("https://doi.org/10.1000/caf%C3%A9").as_deref(),
            Some("https://doi.org/10.1000/caf%C3%A9")
        );
        assert_eq!(
            doi_url("https://doi.org/10.1000/100%25").as_deref(),
            Some("https://doi.org/10.1000/100%25")
        );
        // A "%" that is no escape is a literal "%" of the name.
        assert_eq!(
            normalize_doi("10.1000/100%").as_deref(),
            Some("10.1000/100%")
        );
        assert_eq!(
            doi_url("10.1000/100%").as_deref(),
            Some("https://doi.org/10.1000/100%25")
        );
        // Escapes that decode to no text, or to control characters, are kept.
        assert_eq!(
            normalize_doi("10.1000/x%FFy").as_deref(),
            Some("10.1000/x%FFy")
        );
        assert_eq!(
            normalize_doi("10.1000/x%0Ay").as_deref(),
            Some("10.1000/x%0Ay")
        );
    }
}
