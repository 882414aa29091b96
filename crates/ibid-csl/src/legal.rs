//! Legal material: case names ("Donoghue v Stevenson"), law-report
//! citations ("[1932] AC 562", "347 U.S. 483", "BGHZ 12, 34") and statute
//! titles ("Human Rights Act 1998", "Zivilprozessordnung").

use crate::text::is_space;

/// "Donoghue v Stevenson", "Brown v. Board of Education", "Roe vs. Wade".
pub(crate) fn is_case_title(title: &str) -> bool {
    if !(title.contains(" v") || title.contains(" ./. ")) || title.split(' ').count() > 16 {
        return false;
    }
    let words: Vec<&str> = title.split(' ').filter(|w| !w.is_empty()).collect();
    for (i, w) in words.iter().enumerate() {
        if !matches!(*w, "v" | "v." | "vs" | "vs." | "v/" | "./.") || i == 0 || i + 1 >= words.len()
        {
            continue;
        }
        let prev = words[i - 1];
        let next = words[i + 1];
        let cap = |s: &str| {
            s.trim_start_matches(['(', '[', '"', '“'])
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        };
        // a company's lower-case suffix ends a party's name ("Caparo Industries plc v Dickman")
        let company = matches!(
            prev.trim_end_matches('.'),
            "plc" | "ltd" | "inc" | "llc" | "co" | "corp" | "bv" | "nv"
        ) && i >= 2
            && cap(words[i - 2]);
        let before: String = words[..i].join(" ");
        // "Ukraine v 1919 godu", "Scrittori Legali v. 19 aprile": a number
        // after "v" is a year or a volume, no party ("3M" is one)
        let number = next
            .trim_end_matches([',', '.', ';', ')'])
            .bytes()
            .all(|b| b.is_ascii_digit());
        if (cap(prev) || company)
            && cap(next)
            && !number
            && !prev.ends_with(',')
            && !before.contains(':')
        {
            return true;
        }
    }
    false
}

/// Law-report citations in the text.
pub(crate) fn has_law_report(text: &str) -> bool {
    let b = text.as_bytes();
    let bracket_year = b
        .windows(2)
        .any(|w| (w[0] == b'[' || w[0] == b'(') && w[1].is_ascii_digit());
    let other = || {
        text.split(is_space).any(|t| {
            matches!(
                t.trim_end_matches([',', ';']),
                "U.S."
                    | "F."
                    | "F.2d"
                    | "F.3d"
                    | "S.Ct."
                    | "S."
                    | "BGH"
                    | "BGHZ"
                    | "BGHSt"
                    | "BVerfG"
                    | "BVerfGE"
                    | "RGZ"
                    | "RGSt"
                    | "BAG"
                    | "BAGE"
                    | "BSGE"
                    | "BFHE"
                    | "ECR"
                    | "Slg."
                    | "OLG"
                    | "EuGH"
                    | "ECJ"
                    | "EGMR"
                    | "Cass."
            )
        })
    };
    if !bracket_year && !other() {
        return false;
    }
    let toks: Vec<&str> = text
        .split(is_space)
        .filter(|t| !t.is_empty())
        .take(400)
        .collect();
    let is_num = |t: &str| {
        let t = t.trim_end_matches([',', '.', ';', ')']);
        !t.is_empty() && t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit())
    };
    let year_in = |t: &str, open: char, close: char| {
        let t = t.trim_end_matches([',', '.', ';']);
        t.len() == 6
            && t.starts_with(open)
            && t.ends_with(close)
            && t[1..5].bytes().all(|b| b.is_ascii_digit())
    };
    let abbrev = |t: &str| {
        let t = t.trim_end_matches([',', '.']);
        (1..=12).contains(&t.len())
            && t.starts_with(|c: char| c.is_ascii_uppercase())
            && t.chars()
                .all(|c| c.is_ascii_alphabetic() || c == '\'' || c == '.')
    };
    let caps = |t: &str| {
        let t = t.trim_end_matches([',', '.']);
        (2..=6).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase() || c == '.')
    };
    for i in 0..toks.len() {
        let t = toks[i];
        let at = |k: usize| toks.get(i + k).copied().unwrap_or("");
        // [1932] AC 562, [1893] 1 QB 256, [1954] 2 All ER 1
        if year_in(t, '[', ']') {
            let (a, rest) = if is_num(at(1)) {
                (at(2), 3)
            } else {
                (at(1), 2)
            };
            if abbrev(a) && (is_num(at(rest)) || (abbrev(at(rest)) && is_num(at(rest + 1)))) {
                return true;
            }
        }
        // (1932) 48 TLR 1, (1868) LR 3 HL 330
        if year_in(t, '(', ')')
            && ((is_num(at(1)) && abbrev(at(2)) && is_num(at(3)))
                || (caps(at(1)) && is_num(at(2)) && caps(at(3))))
        {
            return true;
        }
        // 347 U.S. 483, 410 F.2d 123, 5 F. Supp. 2d 10
        if is_num(t) {
            let r = at(1);
            let us = matches!(
                r,
                "U.S."
                    | "F."
                    | "F.2d"
                    | "F.3d"
                    | "F.4th"
                    | "S.Ct."
                    | "L.Ed."
                    | "L.Ed.2d"
                    | "A.2d"
                    | "A.3d"
                    | "N.E.2d"
                    | "N.W.2d"
                    | "P.2d"
                    | "P.3d"
                    | "S.E.2d"
                    | "S.W.2d"
                    | "So.2d"
                    | "So.3d"
                    | "Cal.Rptr."
                    | "U.S.L.W."
                    | "F.Supp."
                    | "F.Supp.2d"
            ) || (r == "S." && at(2) == "Ct.")
                || (r == "L." && at(2).starts_with("Ed."))
                || (r == "F." && at(2).starts_with("Supp."));
            if us && toks[i + 2..].iter().take(3).any(|t| is_num(t)) {
                return true;
            }
        }
        // German, EU and Italian courts
        let bare = t.trim_end_matches([',', '.', ';']);
        if matches!(
            bare,
            "BGHZ"
                | "BGHSt"
                | "BVerfGE"
                | "RGZ"
                | "RGSt"
                | "BAGE"
                | "BVerwGE"
                | "BFHE"
                | "BSGE"
                | "ECR"
                | "Slg"
        ) && is_num(at(1))
        {
            return true;
        }
        if matches!(
            bare,
            "BGH" | "BVerfG" | "BAG" | "BVerwG" | "OLG" | "EuGH" | "ECJ" | "EGMR"
        ) && matches!(
            at(1).trim_end_matches(','),
            "Urt." | "Beschl." | "Urteil" | "Beschluss" | "judgment"
        ) {
            return true;
        }
        if (t == "Cass." || t == "Cass.,")
            && (matches!(
                at(1),
                "civ." | "pen." | "civ.," | "pen.," | "sez." | "crim." | "soc." | "com."
            ) || at(1).starts_with("sez"))
        {
            return true;
        }
    }
    false
}

/// Series of official papers numbered like a report: "Law Com No 317",
/// "Cm 7950", "Cmnd 3938", "Scot Law Com No 231".
const PAPER_SERIES: &[&str] = &[
    "Law Com No",
    "Law Com",
    "Scot Law Com No",
    "Scot Law Com",
    "Cm",
    "Cmnd",
    "Cmd",
    "Cd",
    "Command Paper",
];

/// True for the number of an official paper ("Law Com No 317", "Cm 7950").
pub(crate) fn is_paper_number(s: &str) -> bool {
    let Some((series, n)) = s.rsplit_once(' ') else {
        return false;
    };
    let series = series.trim_end_matches('.').replace(". ", " ");
    !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
        && PAPER_SERIES.iter().any(|p| p.eq_ignore_ascii_case(&series))
}

/// A report or document of a committee of Congress, cited by its
/// designation: "H.R. Rep. No. 104-458", "S. Doc. No. 95".
pub(crate) fn is_congress_report(title: &str) -> bool {
    let chamber = title
        .strip_prefix("H.R. ")
        .or_else(|| title.strip_prefix("H. "))
        .or_else(|| title.strip_prefix("S. "));
    chamber.is_some_and(|rest| {
        [
            "Rep. No. ",
            "Conf. Rep. No. ",
            "Doc. No. ",
            "Exec. Rep. No. ",
        ]
        .iter()
        .any(|p| rest.starts_with(p))
    })
}

/// An Act cited to the Statutes at Large ("…Act of 2017, Pub. L. No.
/// 115-164, 132 Stat. 1253 (2018)"): the public law number, read as a note,
/// is the statute's `number`.
pub(crate) fn session_law(it: &mut ibid_model::Item) {
    if !it.title.as_deref().is_some_and(is_legislation)
        || it.container_title.as_deref() != Some("Stat.")
        || it.number.is_some()
    {
        return;
    }
    it.number = it.take_note_part(|p| p.starts_with("Pub. L."));
}

/// "Consumer Remedies for Faulty Goods (Law Com No 317, 2009)": the model
/// takes the paper's series for a journal and its number for a volume; they
/// are the report's number.
pub(crate) fn official_paper(it: &mut ibid_model::Item) {
    let (Some(c), Some(v)) = (&it.container_title, &it.volume) else {
        return;
    };
    let number = format!("{c} {v}");
    if it.number.is_none() && is_paper_number(&number) {
        it.number = Some(number);
        it.container_title = None;
        it.volume = None;
    }
}

pub(crate) fn is_legislation(title: &str) -> bool {
    if title.is_empty() {
        return false;
    }
    let t = title.trim_end_matches(['.', ',', ')']);
    let last = t.rsplit(' ').next().unwrap_or(t);
    let act = t.ends_with(" Act")
        || (last.len() == 4
            && last.bytes().all(|b| b.is_ascii_digit())
            && (t[..t.len() - 4]
                .trim_end()
                .trim_end_matches(',')
                .ends_with(" Act")
                || t[..t.len() - 4].trim_end().ends_with(" Act of")));
    let ends_ci = |suffix: &str| {
        last.len() >= suffix.len()
            && last.is_char_boundary(last.len() - suffix.len())
            && last[last.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    let german = (ends_ci("gesetz")
        || ends_ci("gesetzbuch")
        || ends_ci("prozessordnung")
        || ends_ci("verordnung"))
        && t.split(' ').count() <= 3;
    let eu = t.starts_with("Council Directive")
        || t.starts_with("Directive ")
            && t.contains(|c: char| c.is_ascii_digit())
            && t.contains('/')
        || t.starts_with("Regulation (E");
    // an American code section: "47 U.S.C. § 230(c)(1)", "17 C.F.R. § 240.10b-5"
    let code = t.contains(" § ") || t.contains(" §§ ");
    let code = code
        && t.split(' ')
            .nth(1)
            .is_some_and(|c| matches!(c, "U.S.C." | "U.S.C.A." | "U.S.C.S." | "C.F.R."))
        && t.split(' ')
            .next()
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
    act || german || eu || code
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::Item;

    #[test]
    fn congress_reports() {
        for t in [
            "H.R. Rep. No. 104-458",
            "S. Rep. No. 104-23",
            "H.R. Conf. Rep. No. 1",
        ] {
            assert!(is_congress_report(t), "{t}");
        }
        for t in ["H.R. Rep.", "S. Smith, Rep. No. 5", "Report No. 5"] {
            assert!(!is_congress_report(t), "{t}");
        }
    }

    #[test]
    fn a_session_law_keeps_its_reporter_and_number() {
        let mut it = Item {
            title: Some("Sherman Act".into()),
            container_title: Some("Stat.".into()),
            note: Some("Pub. L. No. 51-647; codified at 15 U.S.C.".into()),
            ..Item::default()
        };
        session_law(&mut it);
        assert_eq!(it.container_title.as_deref(), Some("Stat."));
        assert_eq!(it.number.as_deref(), Some("Pub. L. No. 51-647"));
        assert_eq!(it.note.as_deref(), Some("codified at 15 U.S.C."));
        // no Act, or another reporter: as it was
        for (title, container) in [("Essays", "Stat."), ("Sherman Act", "AC")] {
            let mut it = Item {
                title: Some(title.into()),
                container_title: Some(container.into()),
                ..Item::default()
            };
            session_law(&mut it);
            assert_eq!(it.container_title.as_deref(), Some(container));
        }
    }

    #[test]
    fn legal() {
        for t in [
            "Donoghue v Stevenson",
            "Brown v. Board of Education",
            "Roe vs. Wade",
            "Banco Exterior Internacional v. Mann",
            "Caparo Industries plc v Dickman",
            "Smith v 3M Co",
        ] {
            assert!(is_case_title(t), "{t}");
        }
        for t in [
            "Contracting in the Haven: Balfour v. Balfour Revisited",
            "Storia di Venezia, v",
            "A v",
            "the price paid by a plc v the market",
            "Bor’ba za khleb na Ukraine v 1919 godu",
            "Memorie istoriche degli Scrittori Legali v. 19 aprile 1540",
        ] {
            assert!(!is_case_title(t), "{t}");
        }
        for t in [
            "Donoghue v Stevenson [1932] AC 562",
            "Carlill v Carbolic Smoke Ball Co [1893] 1 QB 256",
            "Rylands v Fletcher (1868) LR 3 HL 330",
            "Hedley Byrne [1964] AC 465",
            "Brown v. Board of Education, 347 U.S. 483 (1954)",
            "Hadley v Baxendale (1854) 9 Exch 341",
            "BVerfGE 7, 198 (Lüth)",
            "BGH, Urt. v. 12.3.1990",
            "(1991) 25 N.S.W.L.R. 32 (C.A.).",
            "Cass. civ., 12 mars 1990",
        ] {
            assert!(has_law_report(t), "{t}");
        }
        for t in [
            "Bd. 2 S. 45 (1990)",
            "Vol. 2 [1932] London",
            "The Times (1932) 12",
        ] {
            assert!(!has_law_report(t), "{t}");
        }
    }

    #[test]
    fn legislation() {
        for t in [
            "Law Reform (Miscellaneous Provisions) Act",
            "Human Rights Act 1998",
            "Companies Act, 2006",
            "Bürgerliches Gesetzbuch",
            "Zivilprozessordnung",
            "Council Directive 93/13/EEC",
            "47 U.S.C. § 230(c)(1)",
            "17 C.F.R. § 240.10b-5",
        ] {
            assert!(is_legislation(t), "{t}");
        }
        assert!(!is_legislation("The Act of Creation and Other Essays"));
        assert!(!is_legislation("Acts of Faith"));
    }

    #[test]
    fn official_papers_are_numbered_reports() {
        assert!(is_paper_number("Law Com No 317"));
        assert!(is_paper_number("Cm 7950"));
        assert!(is_paper_number("Cmnd. 3938"));
        assert!(!is_paper_number("Past and Present 12"));
        assert!(!is_paper_number("Cm x"));
        let mut it = ibid_model::Item {
            title: Some("Consumer Remedies for Faulty Goods".into()),
            container_title: Some("Law Com No".into()),
            volume: Some("317".into()),
            ..ibid_model::Item::default()
        };
        official_paper(&mut it);
        assert_eq!(it.number.as_deref(), Some("Law Com No 317"));
        assert_eq!((it.container_title, it.volume), (None, None));
    }
}
