//! Generated training references in law and German footnote styles (OSCOLA
//! and AGLC-like articles, chapters, books, cases, legislation, short forms,
//! German author–year and "in: … (Hrsg.)" forms), which the public corpora
//! barely cover. Built from the word lists below (written for ibid) with a
//! fixed-seed generator: the same `n` always gives the same records. Spans
//! follow the normalised convention (no edge punctuation; page markers such
//! as "p.", "S.", "at" inside `pages`).

use crate::data::{GoldSpan, TrainRecord};
use ibid_model::Label;

const SURNAMES: &[&str] = &[
    "Phillips",
    "Brennan",
    "Pateman",
    "Thornton",
    "Graycar",
    "Morgan",
    "Naffine",
    "Smart",
    "Lacey",
    "Atiyah",
    "Freeman",
    "Dewar",
    "Okin",
    "Young",
    "Fraser",
    "Gordon",
    "Walby",
    "Vogel",
    "Moran",
    "Lister",
    "Mossman",
    "Bottomley",
    "West",
    "Dalton",
    "Siegel",
    "Oldham",
    "Neave",
    "Parkinson",
    "Parker",
    "Behrens",
    "Sawer",
    "Simms",
    "Frost",
    "Pahl",
    "Macpherson",
    "Colebrook",
    "Haug",
    "Hunter",
    "Scutt",
    "Rhode",
    "Olsen",
    "Minow",
    "Blankenburg",
    "Rottleuthner",
    "Gessner",
    "Luhmann",
    "Teubner",
    "Raiser",
    "Klausa",
    "Reifner",
    "Schönholz",
    "Rogowski",
    "Fiedler",
    "Wanner",
    "Johnson",
    "Black",
    "Kaupen",
    "Opp",
    "Wassermann",
    "Zacher",
    "Weber",
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Koch",
    "Richter",
    "Wolf",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Roberts",
    "Walker",
    "Wright",
    "Robinson",
    "Thompson",
    "O’Donovan",
    "McGlynn",
    "van Krieken",
    "de Jersey",
    "Harris",
    "Clarke",
    "Jackson",
    "Hale",
    "Cretney",
];
const GIVEN: &[&str] = &[
    "Erhard",
    "Volkmar",
    "Hubert",
    "Udo",
    "Irmela",
    "Niklas",
    "Gunther",
    "Thomas",
    "Rüdiger",
    "Wolfgang",
    "Margaret",
    "Anne",
    "Carole",
    "Regina",
    "Ngaire",
    "Jenny",
    "Susan",
    "Nicola",
    "Katherine",
    "Richard",
];
const TITLE_WORDS: &[&str] = &[
    "Citizenship",
    "Women",
    "Law",
    "Contract",
    "Family",
    "Property",
    "Reform",
    "Marriage",
    "Gender",
    "Justice",
    "Politics",
    "Equality",
    "Rights",
    "Public",
    "Private",
    "Feminist",
    "Legal",
    "Theory",
    "Power",
    "State",
    "Welfare",
    "Violence",
    "Domestic",
    "Courts",
    "Divorce",
    "Children",
    "Liberalism",
    "Democracy",
    "Society",
    "Method",
    "Doctrine",
    "Boundaries",
    "Subjectivity",
    "Identity",
    "Evidence",
    "Consent",
    "Autonomy",
    "Obligations",
    "Remedies",
    "Trusts",
    "Equity",
    "History",
    "Origins",
    "Limits",
    "Politics",
    "Crisis",
];
const TITLE_SMALL: &[&str] = &[
    "of", "and", "the", "in", "for", "and the", "of the", "on", "as", "against",
];
const DE_WORDS: &[&str] = &[
    "Recht",
    "Konflikt",
    "Gesellschaft",
    "Rechtssoziologie",
    "Justiz",
    "Verfahren",
    "Gerichte",
    "Schlichtung",
    "Rechtsberatung",
    "Arbeitsgerichte",
    "Zivilprozess",
    "Rechtstatsachenforschung",
    "Mobilisierung",
    "Alternativen",
    "Rechtsschutz",
    "Verbraucher",
    "Kosten",
    "Anwälte",
    "Richter",
    "Entwicklung",
];
const DE_SMALL: &[&str] = &[
    "und", "der", "des", "im", "zur", "zum", "für", "in der", "als", "über",
];
const JOURNAL_A: &[&str] = &[
    "Melbourne University",
    "Sydney",
    "Modern",
    "Harvard",
    "Yale",
    "Michigan",
    "Columbia",
    "Stanford",
    "Cambridge",
    "Oxford J. of",
    "Aust. J. of",
    "Canadian J. of",
    "International J. of",
    "Feminist",
    "Social",
    "Monash University",
    "University of New South Wales",
    "Adelaide",
    "Cornell",
    "Berkeley Women’s",
];
const JOURNAL_B: &[&str] = &[
    "Law Rev.",
    "Law Review",
    "Law J.",
    "Law Journal",
    "Legal Studies",
    "Law and Society",
    "Family Law",
    "Law and Policy",
    "Studies",
    "Sociology",
    "Law Quarterly",
    "Law Forum",
];
const DE_JOURNALS: &[&str] = &[
    "Zeitschrift für Rechtssoziologie",
    "Kritische Justiz",
    "Juristenzeitung",
    "Neue Juristische Wochenschrift",
    "Kölner Zeitschrift für Soziologie und Sozialpsychologie",
    "Deutsche Richterzeitung",
    "Recht und Politik",
    "Jahrbuch für Rechtssoziologie und Rechtstheorie",
    "Zeitschrift für Zivilprozeß",
    "Der Staat",
];
const REPORTS: &[&str] = &[
    "A.C.",
    "Q.B.",
    "K.B.",
    "Ch.",
    "W.L.R.",
    "All E.R.",
    "A.L.R.",
    "C.L.R.",
    "F.L.R.",
    "Fam. L.R.",
    "N.S.W.L.R.",
    "V.R.",
    "Qd R.",
    "S.A.S.R.",
    "U.S.",
    "F. 2d",
    "S. Ct.",
    "N.Z.L.R.",
    "D.L.R.",
    "Fam.",
    "Cr. App. R.",
    "NJW",
    "BGHZ",
    "BVerfGE",
    "ALJR",
    "FLC",
];
const JURIS: &[&str] = &[
    "N.S.W.", "Vic.", "Qld", "S.A.", "W.A.", "Tas.", "Cth", "Cwth.", "U.K.", "N.Z.", "NT", "ACT",
    "Eng.",
];
const ACT_WORDS: &[&str] = &[
    "Family Law",
    "Crimes",
    "Marriage",
    "Property",
    "Evidence",
    "Sex Discrimination",
    "Equal Opportunity",
    "Domestic Violence",
    "Matrimonial Causes",
    "Law Reform",
    "De Facto Relationships",
    "Criminal Code",
    "Guardianship",
    "Children",
    "Succession",
    "Administration and Probate",
];
const ACT_PAREN: &[&str] = &[
    "Sexual Assault",
    "Miscellaneous Provisions",
    "Amendment",
    "Sexual Offences",
    "Family Property",
];
const PLACES: &[&str] = &[
    "London",
    "Oxford",
    "Cambridge",
    "Sydney",
    "Melbourne",
    "New York",
    "Boston",
    "Chicago",
    "Toronto",
    "Tübingen",
    "Frankfurt",
    "Berlin",
    "Opladen",
    "München",
    "Stuttgart",
    "Köln",
    "Hamburg",
    "Baden-Baden",
];
const PUBLISHERS: &[&str] = &[
    "Sweet & Maxwell",
    "Butterworths",
    "Clarendon Press",
    "Oxford University Press",
    "Federation Press",
    "Law Book Co.",
    "Allen & Unwin",
    "Routledge",
    "Polity",
    "Mohr",
    "Suhrkamp",
    "Westdeutscher Verlag",
];

/// A tiny deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        ibid_crf::mix64(self.0)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

#[derive(Default)]
struct Rec {
    text: String,
    spans: Vec<GoldSpan>,
}

impl Rec {
    fn lit(&mut self, s: &str) -> &mut Self {
        self.text.push_str(s);
        self
    }
    fn f(&mut self, label: Label, s: &str) -> &mut Self {
        let start = self.text.len();
        self.text.push_str(s);
        self.spans.push(GoldSpan {
            label,
            range: start..self.text.len(),
        });
        self
    }
}

fn initials(r: &mut Rng) -> String {
    const L: &[&str] = &[
        "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "U",
        "W",
    ];
    let n = 1 + r.below(2);
    let tight = r.chance(40);
    (0..n)
        .map(|_| format!("{}.", r.pick(L)))
        .collect::<Vec<_>>()
        .join(if tight { "" } else { " " })
}

fn person(r: &mut Rng) -> String {
    format!("{} {}", initials(r), r.pick(SURNAMES))
}

fn title(r: &mut Rng, words: &[&str], small: &[&str], max: usize) -> String {
    let n = 1 + r.below(max);
    let mut out = vec![r.pick(words).to_string()];
    for _ in 0..n {
        if r.chance(45) {
            out.push(r.pick(small).to_string());
        }
        out.push(r.pick(words).to_string());
    }
    let mut t = out.join(" ");
    if r.chance(30) {
        t.push_str(": ");
        t.push_str(&title(r, words, small, 3));
    } else if r.chance(10) {
        t.push('?');
    }
    t
}

fn year(r: &mut Rng) -> String {
    (1950 + r.below(50)).to_string()
}

fn num(r: &mut Rng, max: usize) -> String {
    (1 + r.below(max)).to_string()
}

fn authors(r: &mut Rng, rec: &mut Rec, label: Label) {
    let n = 1 + usize::from(r.chance(25)) + usize::from(r.chance(10));
    for i in 0..n {
        if i > 0 {
            rec.lit(if i + 1 == n { " and " } else { ", " });
        }
        let p = person(r);
        rec.f(label, &p);
    }
}

fn one(r: &mut Rng) -> Rec {
    let mut rec = Rec::default();
    let end = |r: &mut Rng| if r.chance(70) { "." } else { "" };
    match r.below(11) {
        0 | 1 => {
            // article: A. Author, ‘Title’ (1991) 27 Journal 183, 190.
            authors(r, &mut rec, Label::Author);
            let t = title(r, TITLE_WORDS, TITLE_SMALL, 6);
            rec.lit(", ‘").f(Label::Title, &t).lit("’ (");
            let (y, v, p) = (year(r), num(r, 120), num(r, 900));
            let j = format!("{} {}", r.pick(JOURNAL_A), r.pick(JOURNAL_B));
            rec.f(Label::Date, &y)
                .lit(") ")
                .f(Label::Volume, &v)
                .lit(" ")
                .f(Label::ContainerTitle, &j)
                .lit(" ");
            rec.f(Label::Pages, &p);
            if r.chance(40) {
                let pin = (p.parse::<usize>().unwrap_or(1) + r.below(30)).to_string();
                rec.lit(", ").f(Label::Pages, &pin);
            }
            let e = end(r);
            rec.lit(e);
        }
        2 => {
            // chapter: A. Author, ‘Title’ in Book, ed. E. Editor (1991) 59.
            authors(r, &mut rec, Label::Author);
            let t = title(r, TITLE_WORDS, TITLE_SMALL, 5);
            let b = title(r, TITLE_WORDS, TITLE_SMALL, 5);
            rec.lit(", ‘")
                .f(Label::Title, &t)
                .lit("’ in ")
                .f(Label::ContainerTitle, &b);
            rec.lit(if r.chance(50) { ", ed. " } else { ", eds. " });
            authors(r, &mut rec, Label::Editor);
            let y = year(r);
            rec.lit(" (").f(Label::Date, &y).lit(")");
            if r.chance(70) {
                let p = num(r, 400);
                rec.lit(" ").f(Label::Pages, &p);
            }
            let e = end(r);
            rec.lit(e);
        }
        3 => {
            // book: A. Author, Title (2nd ed., 1993) 12.  /  (Place: Publisher, 1993)
            authors(r, &mut rec, Label::Author);
            let t = title(r, TITLE_WORDS, TITLE_SMALL, 6);
            rec.lit(", ").f(Label::Title, &t).lit(" (");
            if r.chance(50) {
                let pl = r.pick(PLACES);
                let pb = r.pick(PUBLISHERS);
                rec.f(Label::Location, pl)
                    .lit(": ")
                    .f(Label::Publisher, pb)
                    .lit(", ");
            } else if r.chance(30) {
                let ed = format!("{} ed.", r.pick(&["2nd", "3rd", "4th", "5th"]));
                rec.f(Label::Edition, &ed).lit(", ");
            }
            let y = year(r);
            rec.f(Label::Date, &y).lit(")");
            if r.chance(60) {
                let p = num(r, 400);
                rec.lit(" ").f(Label::Pages, &p);
            }
            let e = end(r);
            rec.lit(e);
        }
        4 | 5 => {
            // case: X v. Y [1994] 1 A.C. 212, at 230.
            let party = |r: &mut Rng| -> String {
                match r.below(4) {
                    0 => "R.".to_string(),
                    1 => format!(
                        "{} {}",
                        r.pick(SURNAMES),
                        r.pick(&["Ltd", "Pty Ltd", "Bank", "Council", "& Co."])
                    ),
                    _ => r.pick(SURNAMES).to_string(),
                }
            };
            let name = format!("{} v. {}", party(r), party(r));
            rec.f(Label::Title, &name);
            let y = year(r);
            if r.chance(50) {
                rec.lit(" [").f(Label::Date, &y).lit("] ");
            } else {
                rec.lit(" (").f(Label::Date, &y).lit(") ");
            }
            let (v, rep, p) = (num(r, 200), r.pick(REPORTS), num(r, 900));
            rec.f(Label::Volume, &v)
                .lit(" ")
                .f(Label::ContainerTitle, rep)
                .lit(" ")
                .f(Label::Pages, &p);
            if r.chance(30) {
                let pin = format!("at {}", p.parse::<usize>().unwrap_or(1) + r.below(20));
                rec.lit(", ").f(Label::Pages, &pin);
            }
            let e = end(r);
            rec.lit(e);
        }
        6 => {
            // legislation: Crimes (Sexual Assault) Amendment Act 1981 (N.S.W.)
            let mut t = r.pick(ACT_WORDS).to_string();
            if r.chance(40) {
                t = format!("{t} ({})", r.pick(ACT_PAREN));
            }
            if r.chance(30) {
                t.push_str(" Amendment");
            }
            t.push_str(" Act");
            let y = year(r);
            let j = r.pick(JURIS);
            rec.f(Label::Title, &t)
                .lit(" ")
                .f(Label::Date, &y)
                .lit(" (")
                .f(Label::Location, j)
                .lit(")");
            if r.chance(30) {
                let s = format!("s. {}", num(r, 120));
                rec.lit(", ").f(Label::Pages, &s);
            }
            let e = end(r);
            rec.lit(e);
        }
        7 => {
            // short forms: Thornton, op. cit., n. 4, p. 34.  /  Ibid., p. 91.  /  Id. at 12.
            match r.below(3) {
                0 => {
                    let s = r.pick(SURNAMES);
                    rec.f(Label::Author, s)
                        .lit(", ")
                        .f(Label::Other, "op. cit.");
                    if r.chance(30) {
                        let y = year(r);
                        rec.lit(" (").f(Label::Date, &y).lit(")");
                    }
                    let n = format!("n. {}", num(r, 90));
                    rec.lit(", ").f(Label::Other, &n);
                }
                1 => {
                    let w = r.pick(&["Ibid.", "Ibid", "Id.", "Ebenda", "Ebd.", "Ders.", "Ibidem"]);
                    rec.f(Label::Other, w);
                }
                _ => {
                    let s = r.pick(SURNAMES);
                    rec.f(Label::Author, s).lit(", ");
                    let t = title(r, TITLE_WORDS, TITLE_SMALL, 2);
                    rec.f(Label::Title, &t);
                }
            }
            let p = format!("{} {}", r.pick(&["p.", "pp.", "S.", "at"]), num(r, 400));
            rec.lit(if r.chance(50) { ", " } else { " " })
                .f(Label::Pages, &p);
            let e = end(r);
            rec.lit(e);
        }
        8 => {
            // German author–year: Blankenburg/Schönholz 1979, S. 64 ff.
            let n = 1 + r.below(3);
            for i in 0..n {
                if i > 0 {
                    rec.lit("/");
                }
                let s = r.pick(SURNAMES);
                rec.f(Label::Author, s);
            }
            let y = year(r);
            rec.lit(if r.chance(50) { ", " } else { " " })
                .f(Label::Date, &y);
            let mut p = format!("S. {}", num(r, 400));
            if r.chance(50) {
                p.push_str(if r.chance(50) { " ff." } else { " f." });
            }
            rec.lit(if r.chance(60) { ", " } else { " " })
                .f(Label::Pages, &p);
            if !p.ends_with('.') {
                rec.lit(".");
            }
        }
        9 => {
            // German bibliography: Gessner, Volkmar, 1976: Recht und Konflikt. Tübingen.
            let a = format!("{}, {}", r.pick(SURNAMES), r.pick(GIVEN));
            rec.f(Label::Author, &a);
            let y = year(r);
            rec.lit(", ").f(Label::Date, &y).lit(": ");
            let t = title(r, DE_WORDS, DE_SMALL, 5);
            rec.f(Label::Title, &t).lit(". ");
            if r.chance(50) {
                let j = r.pick(DE_JOURNALS);
                let v = num(r, 40);
                rec.lit("In: ")
                    .f(Label::ContainerTitle, j)
                    .lit(" ")
                    .f(Label::Volume, &v)
                    .lit(", ");
                let p = format!("{}–{}", num(r, 200), 200 + r.below(200));
                rec.lit("S. ").f(Label::Pages, &p).lit(".");
            } else {
                let pl = r.pick(PLACES);
                rec.f(Label::Location, pl).lit(".");
            }
        }
        _ => {
            // German chapter: Reifner, Udo, 1980: Titel, in: Blankenburg, Erhard (Hrsg.): Buch. Opladen, S. 12–40.
            let a = format!("{}, {}", r.pick(SURNAMES), r.pick(GIVEN));
            rec.f(Label::Author, &a);
            let y = year(r);
            rec.lit(", ").f(Label::Date, &y).lit(": ");
            let t = title(r, DE_WORDS, DE_SMALL, 4);
            rec.f(Label::Title, &t).lit(", in: ");
            let e = format!("{}, {}", r.pick(SURNAMES), r.pick(GIVEN));
            rec.f(Label::Editor, &e).lit(" (Hrsg.): ");
            let b = title(r, DE_WORDS, DE_SMALL, 4);
            let pl = r.pick(PLACES);
            rec.f(Label::ContainerTitle, &b)
                .lit(". ")
                .f(Label::Location, pl);
            let p = format!("{}–{}", num(r, 200), 200 + r.below(200));
            rec.lit(", S. ").f(Label::Pages, &p).lit(".");
        }
    }
    rec
}

/// `n` generated references (deterministic).
///
/// ```
/// let a = ibid_label::synthetic_records(50);
/// assert_eq!(a, ibid_label::synthetic_records(50));
/// assert!(a.iter().all(|r| !r.spans.is_empty()));
/// ```
pub fn synthetic_records(n: usize) -> Vec<TrainRecord> {
    let mut r = Rng(0x1b1d);
    (0..n)
        .map(|_| {
            let rec = one(&mut r);
            TrainRecord {
                source: "ibid-synthetic".into(),
                text: rec.text,
                spans: rec.spans,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_normalised_and_in_order() {
        let dict = crate::dict::Dict::embedded();
        for (i, r) in synthetic_records(2000).iter().enumerate() {
            let mut last = 0;
            for s in &r.spans {
                assert!(
                    s.range.start >= last && s.range.start < s.range.end,
                    "{}",
                    r.text
                );
                let n = crate::spans::normalise_span(&r.text, s.range.clone(), dict);
                assert!(
                    n.start == s.range.start && !n.is_empty() && n.end <= s.range.end,
                    "{}",
                    r.text
                );
                last = s.range.end;
            }
            if i < 12 {
                let shown: Vec<String> = r
                    .spans
                    .iter()
                    .map(|s| format!("{}={}", s.label, &r.text[s.range.clone()]))
                    .collect();
                println!("{}\n    {}", r.text, shown.join(" | "));
            }
        }
    }
}
