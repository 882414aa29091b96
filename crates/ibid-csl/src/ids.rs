//! Identifiers: DOI, ISBN, URL.

use crate::text::{find_ci, fold_ws, is_space, strip_edge_brackets, trim_field};

/// A bare DOI ("10.1000/xyz") from "doi:10.1000/xyz.", "`https://doi.org/…`",
/// "[doi>10.…]". `None` when the text holds no DOI.
pub fn clean_doi(s: &str) -> Option<String> {
    let folded = fold_ws(s);
    let start = find_doi_start(&folded)?;
    let tail = &folded[start..];
    // a DOI has no spaces: join pieces a line break split ("10.1111/ j.0012")
    let mut doi = String::with_capacity(tail.len());
    for c in tail.chars() {
        if is_space(c) {
            continue;
        }
        doi.push(c);
    }
    let doi = trim_url_end(&doi);
    let slash = doi.find('/')?;
    (slash > 3 && slash + 1 < doi.len()).then(|| doi.to_string())
}

fn find_doi_start(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 < b.len() {
        if b[i] == b'1'
            && b[i + 1] == b'0'
            && b[i + 2] == b'.'
            && b[i + 3].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
        {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Strips trailing punctuation and unbalanced closing brackets from a URL or DOI.
fn trim_url_end(s: &str) -> &str {
    const OPEN: [char; 4] = ['(', '[', '<', '{'];
    const CLOSE: [char; 4] = [')', ']', '>', '}'];
    let mut opens = [0usize; 4];
    let mut closes = [0usize; 4];
    for c in s.chars() {
        if let Some(k) = OPEN.iter().position(|o| *o == c) {
            opens[k] += 1;
        } else if let Some(k) = CLOSE.iter().position(|o| *o == c) {
            closes[k] += 1;
        }
    }
    let mut t = s;
    while let Some(c) = t.chars().next_back() {
        if matches!(c, '.' | ',' | ';' | ':' | '\'' | '"' | '”' | '’' | '»') {
            t = &t[..t.len() - c.len_utf8()];
            continue;
        }
        match CLOSE.iter().position(|x| *x == c) {
            // an unbalanced closing bracket belongs to the text around the URL
            Some(k) if closes[k] > opens[k] => {
                closes[k] -= 1;
                t = &t[..t.len() - 1];
            }
            _ => break,
        }
    }
    t
}

/// An ISBN without its label: "ISBN 978-3-16-148410-0." → "978-3-16-148410-0".
/// `None` when the text has fewer than ten digits.
pub fn clean_isbn(s: &str) -> Option<String> {
    let folded = fold_ws(s);
    let digits = folded.chars().filter(char::is_ascii_digit).count();
    if digits < 9 {
        return None;
    }
    let start = folded.find(|c: char| c.is_ascii_digit())?;
    let t = &folded[start..];
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | ' ' | 'X' | 'x' | '‐')))
        .unwrap_or(t.len());
    let t = t[..end].trim_end_matches(['-', ' ']);
    (t.chars().filter(char::is_ascii_digit).count() >= 9).then(|| t.to_string())
}

/// A URL without "URL:", "Available at", angle brackets and trailing
/// punctuation; spaces that a line break put inside it are removed.
pub fn clean_url(s: &str) -> Option<String> {
    let folded = fold_ws(s);
    let lower_start = ["http://", "https://", "ftp://", "www.", "doi.org/"]
        .iter()
        .filter_map(|p| find_ci(&folded, p))
        .min();
    let t = match lower_start {
        Some(i) => &folded[i..],
        None => {
            let t = trim_field(strip_edge_brackets(&folded));
            if t.contains(' ') || !t.contains('.') {
                return None;
            }
            t
        }
    };
    let mut url = String::with_capacity(t.len());
    let mut pieces = t.split(' ').filter(|p| !p.is_empty());
    if let Some(first) = pieces.next() {
        url.push_str(first);
    }
    for p in pieces {
        let joins = url.ends_with(['-', '/', '.', '_', '=', '?', '&', '%', '~', '#'])
            || p.starts_with(['/', '.', '_', '-', '?', '&', '=', '#'])
            || (p.contains(['/', '.'])
                && !p.starts_with(|c: char| c.is_uppercase() || c == '(' || c == '['));
        if !joins {
            break;
        }
        url.push_str(p);
    }
    let u = trim_url_end(&url);
    (u.len() > 4).then(|| u.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        assert_eq!(
            clean_doi("doi:10.1007/s11199-006-9101-4.").as_deref(),
            Some("10.1007/s11199-006-9101-4")
        );
        assert_eq!(
            clean_doi("https://doi.org/10.1000/xyz123").as_deref(),
            Some("10.1000/xyz123")
        );
        assert_eq!(
            clean_doi("[doi>10.1016/S1353-4858(11)70024-1]").as_deref(),
            Some("10.1016/S1353-4858(11)70024-1")
        );
        assert_eq!(
            clean_doi("(doi:10.1016/j.scitotenv.2014.06.014)").as_deref(),
            Some("10.1016/j.scitotenv.2014.06.014")
        );
        assert_eq!(
            clean_doi("doi: 10.1111/ j. 0012-155X. 2005.00401. x").as_deref(),
            Some("10.1111/j.0012-155X.2005.00401.x")
        );
        assert_eq!(clean_doi("poor"), None);
        assert_eq!(clean_doi("10.1234"), None);
        assert_eq!(
            clean_isbn("ISBN 978-3-16-148410-0.").as_deref(),
            Some("978-3-16-148410-0")
        );
        assert_eq!(
            clean_isbn("ISBN: 0-19-852663-X").as_deref(),
            Some("0-19-852663-X")
        );
        assert_eq!(clean_isbn("ISBN 12"), None);
        assert_eq!(
            clean_url("Available: http://example.org/a/b.html.").as_deref(),
            Some("http://example.org/a/b.html")
        );
        assert_eq!(
            clean_url("<http://www.msnbc.com /news/754336.asp>.").as_deref(),
            Some("http://www.msnbc.com/news/754336.asp")
        );
        assert_eq!(
            clean_url("http://www.dca- project.eu/images/x.pdf.").as_deref(),
            Some("http://www.dca-project.eu/images/x.pdf")
        );
        assert_eq!(
            clean_url("[http://www.msf.org/en/article]").as_deref(),
            Some("http://www.msf.org/en/article")
        );
        assert_eq!(
            clean_url("http://en.wikipedia.org/wiki/Charles_R._Van_Hise.").as_deref(),
            Some("http://en.wikipedia.org/wiki/Charles_R._Van_Hise")
        );
        assert_eq!(
            clean_url("http://example.org/x (accessed 3 May 2020)").as_deref(),
            Some("http://example.org/x")
        );
        assert_eq!(clean_url("Retrieved from"), None);
        let parens = format!("http://example.org/a_(b){}", ")".repeat(50_000));
        assert_eq!(
            clean_url(&parens).as_deref(),
            Some("http://example.org/a_(b)")
        );
    }
}
