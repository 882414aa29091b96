//! Quotations inside quotations. A title that holds a quotation ("“Guilty
//! Men”: The Case of Neville Chamberlain") reaches hayagriva with its own
//! marks, and Chicago quotes an article's or chapter's title in double
//! marks, so the rendered text reads "““Guilty Men”: …”". Chicago (and
//! every English style) writes the inner quotation in single marks. And
//! Chicago, in American English, puts a full stop or comma that follows a
//! closing double mark inside it, and drops it after a title's own "?" or
//! "!" ("“Is Citizenship Gendered?” Sociology"); hayagriva leaves some
//! outside ("“Embodying the Citizen”.").

/// The rendered text with every double quotation inside another double
/// quotation in single marks ("“‘Guilty Men’: The Case …”"). Text whose
/// double marks do not pair up is returned as it is.
pub(super) fn nest_quotes(s: String) -> String {
    if s.matches('“').nth(1).is_none() && !s.contains("“\"") {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    // per open double quotation: whether it was turned into a single one
    // (a straight mark right after an opening one opens an inner quotation
    // too: “"The Rule of Love”: …”)
    let mut open: Vec<bool> = Vec::new();
    let mut changed = false;
    let mut prev = None;
    for c in s.chars() {
        let c = if c == '"' && prev == Some('“') {
            '“'
        } else {
            c
        };
        prev = Some(c);
        match c {
            '“' => {
                let inner = open.last().is_some_and(|&single| !single);
                open.push(inner);
                changed |= inner;
                out.push(if inner { '‘' } else { '“' });
            }
            '”' => match open.pop() {
                Some(single) => out.push(if single { '’' } else { '”' }),
                None => return s,
            },
            _ => out.push(c),
        }
    }
    if open.is_empty() && changed {
        out
    } else {
        s
    }
}

/// A full stop or comma after a closing double mark goes inside it; after
/// a "?" or "!" that ends the quotation it goes.
pub(super) fn punctuation_inside(s: String) -> String {
    let needed = ["”.", "”,", "?,”", "!,”", "?.”", "!.”"];
    if !needed.iter().any(|n| s.contains(n)) {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek().copied()) {
            ('”', Some(p @ ('.' | ','))) => {
                chars.next();
                if !out.ends_with(['?', '!', '.', ',']) {
                    out.push(p);
                }
                out.push('”');
            }
            (p @ ('.' | ','), Some('”')) if out.ends_with(['?', '!']) => {
                let _ = p;
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{nest_quotes, punctuation_inside};

    #[test]
    fn stops_and_commas_go_inside_the_closing_mark() {
        assert_eq!(
            punctuation_inside("M. Thornton, “Embodying the Citizen”.".into()),
            "M. Thornton, “Embodying the Citizen.”"
        );
        assert_eq!(
            punctuation_inside("S. Walby, “Is Citizenship Gendered?,” Sociology 28".into()),
            "S. Walby, “Is Citizenship Gendered?” Sociology 28"
        );
        assert_eq!(
            punctuation_inside("Walby, “Is Citizenship Gendered?”.".into()),
            "Walby, “Is Citizenship Gendered?”"
        );
        assert_eq!(
            punctuation_inside("Walby. “Is Citizenship Gendered?.” In".into()),
            "Walby. “Is Citizenship Gendered?” In"
        );
        for s in [
            "“Title,” Journal",
            "“Title.” Journal",
            "Sons’. Next",
            "no quotes.",
        ] {
            assert_eq!(punctuation_inside(s.into()), s);
        }
    }

    #[test]
    fn an_inner_double_quotation_becomes_single() {
        assert_eq!(
            nest_quotes("Aster, ““Guilty Men”: The Case, in Paths".into()),
            "Aster, ““Guilty Men”: The Case, in Paths",
            "unpaired marks are left alone"
        );
        assert_eq!(
            nest_quotes("Aster, ““Guilty Men”: The Case,” in Paths to War.".into()),
            "Aster, “‘Guilty Men’: The Case,” in Paths to War."
        );
        assert_eq!(
            nest_quotes("“On “Love” and “War”,” and “Peace.”".into()),
            "“On ‘Love’ and ‘War’,” and “Peace.”"
        );
        assert_eq!(
            nest_quotes("R.B. Siegel, “\"The Rule of Love”: Wife Beating,” Yale".into()),
            "R.B. Siegel, “‘The Rule of Love’: Wife Beating,” Yale"
        );
        for s in ["“One,” “Two.”", "no quotes", "“open only", "close only”"] {
            assert_eq!(nest_quotes(s.into()), s);
        }
    }
}
