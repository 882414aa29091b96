//! Sentence ends glued to the next word by scraping ("88.Taylor").

use crate::edits::{char_at, char_before, Edit};

/// URLs, DOIs and e-mail addresses keep their dots as they are.
fn is_urlish(token: &str) -> bool {
    let lower_has = |pat: &str| {
        token
            .as_bytes()
            .windows(pat.len())
            .any(|w| w.eq_ignore_ascii_case(pat.as_bytes()))
    };
    if token.contains("://") || token.contains('@') || lower_has("www.") || lower_has("doi:") {
        return true;
    }
    // a DOI: "10." + at least four digits + "/"
    let b = token.as_bytes();
    let mut i = 0;
    while let Some(off) = token[i..].find("10.") {
        let start = i + off + 3;
        let digits = b[start..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits >= 4 && b.get(start + digits) == Some(&b'/') {
            return true;
        }
        i = start;
    }
    false
}

fn ends_sentence(c: char) -> bool {
    c.is_lowercase() || c.is_ascii_digit() || matches!(c, ')' | ']' | '"' | '\'' | '”' | '’' | '»')
}

/// Edits inserting a space after a period glued to a capitalised word:
/// "88.Taylor" → "88. Taylor", "(London, 1961).Smith" → "(London, 1961). Smith".
/// Abbreviations ("D.G.F.P.", "U.S.A.", "A.J.P.", "e.g."), "p.88", URLs and
/// DOIs are left alone.
pub(crate) fn glue_edits(s: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut pos = 0;
    for token in s.split([' ', '\n']) {
        let start = pos;
        pos += token.len() + 1;
        if token.len() < 4 || !token.contains('.') || is_urlish(token) {
            continue;
        }
        for (i, _) in token.match_indices('.') {
            let (Some(prev), Some(next)) = (char_before(token, i), char_at(token, i + 1)) else {
                continue;
            };
            if !ends_sentence(prev) || !next.is_uppercase() {
                continue;
            }
            let second = char_at(token, i + 1 + next.len_utf8());
            if second.is_some_and(|c| c.is_lowercase()) {
                let at = start + i + 1;
                edits.push((at..at, " ".to_string()));
            }
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::MappedText;

    fn run(s: &str) -> String {
        MappedText::identity(s, 0)
            .apply_edits(&glue_edits(s))
            .as_str()
            .to_string()
    }

    #[test]
    fn splits_glued_sentences() {
        assert_eq!(run("p. 88.Taylor, Struggle"), "p. 88. Taylor, Struggle");
        assert_eq!(run("(London, 1961).Smith, J."), "(London, 1961). Smith, J.");
        assert_eq!(run("Origins’.Taylor"), "Origins’. Taylor");
        assert_eq!(run("cf. Hinsley.Ibid."), "cf. Hinsley. Ibid.");
    }

    #[test]
    fn keeps_abbreviations_urls_dois() {
        for s in [
            "D.G.F.P. C/II, H.M.S.O., U.S.A., A.J.P. Taylor",
            "e.g. Smith; i.e. the",
            "p.88 and pp.12–15",
            "https://www.jstor.org/stable/Foo.Bar",
            "doi:10.1017/S0018246X.Abc",
            "10.1017/S0018246X00012345.Smith",
            "www.Example.Org",
            "z.B.Die",
            "Vol.XII",
        ] {
            assert_eq!(run(s), s, "{s}");
        }
    }
}
