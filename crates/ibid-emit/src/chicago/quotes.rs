//! Quotations inside quotations. A title that holds a quotation ("“Guilty
//! Men”: The Case of Neville Chamberlain") reaches hayagriva with its own
//! marks, and Chicago quotes an article's or chapter's title in double
//! marks, so the rendered text reads "““Guilty Men”: …”". Chicago (and
//! every English style) writes the inner quotation in single marks.

/// The rendered text with every double quotation inside another double
/// quotation in single marks ("“‘Guilty Men’: The Case …”"). Text whose
/// double marks do not pair up is returned as it is.
pub(super) fn nest_quotes(s: String) -> String {
    if s.matches('“').nth(1).is_none() {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    // per open double quotation: whether it was turned into a single one
    let mut open: Vec<bool> = Vec::new();
    let mut changed = false;
    for c in s.chars() {
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

#[cfg(test)]
mod tests {
    use super::nest_quotes;

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
        for s in ["“One,” “Two.”", "no quotes", "“open only", "close only”"] {
            assert_eq!(nest_quotes(s.into()), s);
        }
    }
}
