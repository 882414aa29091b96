//! The kind of a citation (full, ibid, short, abbreviation, cross-reference),
//! its pinpoint locator and the abbreviation it defines.

use crate::features::{
    Analysis, ABBR, ABBR_CIT, CASE_V, DATE, ED, IBID, INB, INITIAL, LAW, LOC, LOWER, MARKER, NAMEW,
    NAME_HEAD, NOTEREF, NUMBER, PAREN_YEAR, QUOTE_OPEN, ROMAN, SAME_AUTHOR, SHELF, SHORTMARK, URL,
    WEAK_HEAD, XREF, YEAR,
};
use crate::lexicon::{self, Lower};
use ibid_model::CitationKind;
use std::ops::Range;

mod locators;

/// What classification found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Classified {
    pub kind: CitationKind,
    pub locator: Option<Range<usize>>,
    pub defines: Option<String>,
    pub definition: Option<Range<usize>>,
}

impl Analysis<'_> {
    fn any(&self, a: usize, b: usize, bit: u64) -> bool {
        (a..b.min(self.len())).any(|i| self.has(i, bit))
    }

    /// A token that may stand in a locator or a series/volume designation.
    fn locatorish(&self, i: usize) -> bool {
        if self.has(i, NUMBER | ROMAN | YEAR | MARKER | LOC | NOTEREF) {
            return true;
        }
        let core = self.core(i);
        if core.is_empty() {
            return true;
        }
        let low = Lower::new(core);
        if matches!(
            low.as_str(),
            "ser"
                | "série"
                | "sér"
                | "serie"
                | "series"
                | "reihe"
                | "new"
                | "n.s"
                | "vol"
                | "vols"
                | "bd"
                | "band"
                | "teil"
                | "part"
                | "tome"
                | "t"
                | "livre"
                | "doc"
                | "docs"
                | "no"
                | "nos"
                | "insbesondere"
                | "insbes"
                | "especially"
                | "esp"
                | "passim"
                | "f"
                | "ff"
                | "and"
                | "und"
                | "et"
                | "seq"
                | "sqq"
                | "sq"
                | "at"
                | "hier"
                | "here"
                | "also"
                | "auch"
                | "nr"
                | "heft"
                | "fasc"
                | "app"
                | "annex"
                | "appendix"
                | "enclosure"
                | "encl"
                | "supp"
                | "suppl"
                | "pt"
                | "chap"
                | "ch"
                | "cap"
        ) {
            return true;
        }
        // "C/II", "II/VII", "A", "IV."
        core.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '/')
            && core.chars().count() <= 8
    }

    /// "Geiger 1964, S. 65" / "Blankenburg/Schönholz 1979": names, a year, a locator.
    fn author_date(&self, a: usize, b: usize) -> bool {
        if !self.has(a, NAME_HEAD | WEAK_HEAD) {
            return false;
        }
        let Some(y) = (a..b.min(a + 6)).find(|&k| self.has(k, YEAR)) else {
            return false;
        };
        if !self.toks[y].head(self.s).is_empty() || self.has(y, INB) {
            return false; // "[1990]", "(Oxford, 1990)": a law report or a publication year
        }
        let names_ok = (a..y).all(|k| {
            let core = self.core(k);
            (self.has(k, NAMEW | INITIAL) && !self.has(k, INB))
                || core.contains('/')
                || matches!(core, "and" | "und" | "&" | "et" | "al" | "e")
                || core.is_empty()
        });
        names_ok && (y + 1..b).all(|k| self.locatorish(k))
    }

    fn kind_of(&self, a: usize, b: usize) -> CitationKind {
        // Ibid and its relatives
        if let Some(k) = (a..b.min(a + 4)).find(|&k| self.has(k, IBID)) {
            let rest_titled = self.any(k + 1, b, QUOTE_OPEN | ED)
                || (self.any(k + 1, b, YEAR) && self.title_words(k + 1, b) >= 2);
            if k == a {
                return if rest_titled {
                    CitationKind::Full
                } else {
                    CitationKind::Ibid
                };
            }
            if (a..k).all(|i| self.has(i, LOWER) || self.core(i).is_empty()) {
                return CitationKind::Ibid;
            }
            if k - a <= 3 && !self.any(a, k, QUOTE_OPEN | YEAR) && !rest_titled {
                return CitationKind::Short;
            }
        }
        if self.has(a, SAME_AUTHOR) {
            let titled = self.title_words(a + 1, b) >= 1 || self.any(a + 1, b, QUOTE_OPEN);
            return if self.any(a, b, SHORTMARK) {
                CitationKind::Short
            } else if titled && self.any(a + 1, b, YEAR | ED | SHELF | URL | DATE) {
                CitationKind::Full // "ders., Das Deutsche Kaiserreich 1871–1918, Göttingen 1973"
            } else if titled {
                CitationKind::Short // "ders., Ribbentrop, S. 230"
            } else {
                CitationKind::Ibid
            };
        }
        // a bare locator ("cf. also pp. 20–1") points to the previous citation
        if self.has(a, MARKER) && (a..b).all(|k| self.locatorish(k)) && self.any(a, b, LOC) {
            return CitationKind::Ibid;
        }
        // cross-references: "cited in note 4", "Wark, above, n. 12, p. 99",
        // "Bingham (n 4) 75", "Michalka (wie Anm. 15), S. 220", "supra, note 9"
        if let Some(x) = (a..b.min(a + 8)).find(|&k| self.xref_at(k)) {
            let lead_ok = (a..x).all(|k| {
                let low = self.low(k);
                self.has(k, LOWER | NAMEW | INITIAL)
                    || self.core(k).is_empty()
                    || lexicon::is_function_word(low)
                    || matches!(
                        low,
                        "cited" | "quoted" | "see" | "cf" | "vgl" | "voir" | "wie"
                    )
            });
            let clean = !self.any(a, b, SHORTMARK | QUOTE_OPEN | ED) && !self.any(a, x, YEAR);
            if lead_ok && clean {
                return CitationKind::CrossReference;
            }
        }
        // a code cited by title and section ("47 U.S.C. § 230(c)(1) (2018)",
        // "42 U.S.C.A. § 1983") is a full citation, not an abbreviation or an
        // author and year
        let code_section = self.has(a, NUMBER)
            && (a + 2..b.min(a + 5)).any(|k| {
                self.toks[k].text(self.s).starts_with('§')
                    && (a + 1..k).all(|x| self.toks[x].text(self.s).contains('.'))
            });
        if code_section {
            return CitationKind::Full;
        }
        // abbreviations used as citations ("D.G.F.P. C/II, Doc. No. 102", also after a
        // description: "Record of conversation …, 19 Nov. 1937, D.G.F.P. D/I, Doc. No. 31")
        if let Some(k) = (a..b).find(|&k| self.has(k, ABBR_CIT)) {
            let repository = lexicon::is_repository(self.core(k));
            let rest_ok = (k + 1..b).all(|j| self.locatorish(j));
            let lead_ok = k == a
                || (!self.any(a, k, QUOTE_OPEN | ED | PAREN_YEAR | SHELF) && self.any(k, b, LOC));
            if !repository
                && rest_ok
                && lead_ok
                && !self.any(a, b, SHELF | QUOTE_OPEN | URL)
                && !self.has(k + 1, CASE_V)
            {
                return CitationKind::Abbreviation;
            }
        }
        // short forms
        if self.any(a, b, SHORTMARK) {
            return CitationKind::Short;
        }
        if self.author_date(a, b) {
            return CitationKind::Short;
        }
        // a statute or treaty cited by article or section is a full citation
        let legal = (a..b).any(|k| {
            self.has(k, LOC)
                && matches!(
                    self.low(k),
                    "art"
                        | "arts"
                        | "s"
                        | "ss"
                        | "sch"
                        | "reg"
                        | "regs"
                        | "§"
                        | "§§"
                        | "r"
                        | "rr"
                        | "cl"
                )
        }) && !self.has(a, NAME_HEAD)
            && !(self.has(a, NAMEW) && self.toks[a].tail(self.s).starts_with(','));
        let ed_after_name = (a + 1..b.min(a + 4)).filter(|&k| self.has(k, ED)).all(|k| {
            self.toks[k].head(self.s).starts_with('(') && self.has(k - 1, NAMEW | INITIAL)
        });
        let ed_full = self.any(a, b, ED) && !ed_after_name;
        // a manuscript cited by its shelfmark and folios ("Cotton MS
        // Vespasian C. VII, fol. 143") names the file in full
        let manuscript = (a..b).any(|k| {
            matches!(self.low(k), "ms" | "mss" | "cod" | "codex")
                || (self.has(k, LOC) && matches!(self.low(k), "fol" | "fols" | "foll"))
        });
        let fullish =
            legal || ed_full || manuscript || self.any(a, b, YEAR | SHELF | URL | LAW | DATE);
        let initials = self.has(a, INITIAL) || self.has(a + 1, INITIAL);
        let long = b - a > 14;
        if !fullish && !initials && !long {
            return CitationKind::Short;
        }
        CitationKind::Full
    }

    /// Capitalised words that are not locator markers or numerals.
    fn title_words(&self, a: usize, b: usize) -> usize {
        (a..b.min(self.len()))
            .filter(|&k| {
                let core = self.core(k);
                core.chars().next().is_some_and(char::is_uppercase)
                    && core.chars().count() >= 2
                    && !self.has(k, MARKER | ROMAN | ABBR)
                    && !lexicon::is_nonterminal_abbrev(core)
            })
            .count()
    }

    /// A cross-reference marker at `k`: "supra", "oben", or a note marker
    /// with its number that is not the note of a page ("p. 12 n. 3").
    fn xref_at(&self, k: usize) -> bool {
        if self.has(k, XREF) {
            return true;
        }
        if !self.has(k, NOTEREF) {
            return false;
        }
        let page_note = k >= 2 && self.has(k - 1, NUMBER) && self.has(k - 2, LOC);
        !page_note
    }

    /// Classify tokens `a..b` whose trimmed byte range is `range`.
    pub(crate) fn classify(&self, a: usize, b: usize, range: Range<usize>) -> Classified {
        let defines_here = self
            .defs
            .iter()
            .any(|d| d.range.start >= range.start && d.range.start < range.end);
        let mut kind = self.kind_of(a, b);
        if defines_here && kind == CitationKind::Short {
            kind = CitationKind::Full; // a citation that defines an abbreviation is a full one
        }
        let locator = match kind {
            CitationKind::Ibid if !self.any(a, b, IBID | SAME_AUTHOR) => {
                Some(range.clone()).filter(|r| r.start < r.end)
            }
            CitationKind::Ibid => {
                let mut k = (a..b)
                    .find(|&k| self.has(k, IBID | SAME_AUTHOR))
                    .unwrap_or(a);
                // "Id., ibid., p. 558": the same author, the same work
                while k + 1 < b && self.has(k + 1, IBID | SAME_AUTHOR) {
                    k += 1;
                }
                self.remainder_after(k, b, &range)
                    .map(|r| self.without_trailing_group(r))
                    .map(|r| self.without_pinpoint_word(r))
                    .filter(|r| {
                        self.s[r.clone()]
                            .chars()
                            .any(|c| c.is_ascii_digit() || "IVXLCDMivxlcdm§".contains(c))
                    })
            }
            CitationKind::Abbreviation => self.last_locator(a, b, &range, kind).or_else(|| {
                // "FRUS, 1938, 1:50": the year names the series' volume,
                // the pinpoint follows it
                let year_first = a + 2 < b
                    && self.has(a + 1, YEAR)
                    && self.toks[a + 1].tail(self.s).starts_with(',');
                self.remainder_after(if year_first { a + 1 } else { a }, b, &range)
            }),
            _ => self.last_locator(a, b, &range, kind),
        };
        let def = self.defs.iter().find(|d| {
            d.range.start >= range.start
                && d.range.start < range.end
                && (!d.bracket || kind == CitationKind::Full)
        });
        Classified {
            kind,
            locator: locator.filter(|r| r.start < r.end),
            defines: def.map(|d| d.name.clone()),
            definition: def.map(|d| d.range.start..d.range.end.min(range.end)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(s: &str) -> (CitationKind, Option<&str>, Option<String>) {
        let a = Analysis::new(s);
        let c = a.classify(0, a.len(), 0..s.len());
        (c.kind, c.locator.map(|r| &s[r]), c.defines)
    }

    #[test]
    fn kinds() {
        use CitationKind::*;
        assert_eq!(classify("Ibid., p. 91").0, Ibid);
        assert_eq!(classify("ebd., S. 47").0, Ibid);
        assert_eq!(classify("ivi, p. 7").0, Ibid);
        assert_eq!(classify("file ibid.").0, Ibid);
        assert_eq!(classify("Vogel, id., p. 79").0, Short);
        assert_eq!(classify("Braudel, op. cit., p. 12").0, Short);
        assert_eq!(classify("Meier, Geschichte, a.a.O., S. 45 f.").0, Short);
        assert_eq!(classify("Rossi, Storia cit., p. 5").0, Short);
        assert_eq!(classify("Taylor, Origins, p. 120").0, Short);
        assert_eq!(classify("Taylor, p. 9").0, Short);
        assert_eq!(classify("D.G.F.P. C/II, Doc. No. 102").0, Abbreviation);
        assert_eq!(classify("DBFP, 2nd ser., vol. IV, no. 12").0, Abbreviation);
        assert_eq!(classify("FRUS 1939, vol. 1, p. 3").0, Abbreviation);
        assert_eq!(classify("Smith to Jones, 4 May 1925, FO 371/12345").0, Full);
        assert_eq!(classify("FO 371/12345, fol. 3").0, Full);
        assert_eq!(classify("supra n. 5").0, CrossReference);
        assert_eq!(classify("the report cited in note 12").0, CrossReference);
        assert_eq!(classify("above, n. 3").0, CrossReference);
        assert_eq!(classify("oben Anm. 3").0, CrossReference);
        assert_eq!(classify("sopra, nota 2").0, CrossReference);
        assert_eq!(classify("Vogel, op. cit., n. 7, p. 80").0, Short);
        assert_eq!(classify("Geiger 1964, insbesondere S. 65—83").0, Short);
        assert_eq!(
            classify("Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88")
                .0,
            Full
        );
        assert_eq!(
            classify("Donoghue v Stevenson [1932] AC 562 (HL) 580").0,
            Full
        );
        assert_eq!(
            classify("Ders., Geschichte der Neuzeit (Berlin, 1950)").0,
            Full
        );
        assert_eq!(classify("Ders., S. 5").0, Ibid);
        assert_eq!(classify("Idem, ‘Another Title’ (1991) 3").0, Full);
    }

    #[test]
    fn locators() {
        assert_eq!(classify("Ibid., p. 91").1, Some("p. 91"));
        assert_eq!(
            classify("Ibid., II/VII, Doc. No. 147").1,
            Some("II/VII, Doc. No. 147")
        );
        assert_eq!(classify("ibid., Vol. II").1, Some("Vol. II"));
        assert_eq!(classify("ibid [12]").1, Some("[12]"));
        assert_eq!(classify("Ibid.").1, None);
        assert_eq!(classify("Id. at 406").1, Some("406"));
        assert_eq!(
            classify("47 U.S.C. § 230(c)(1) (2018)").0,
            CitationKind::Full
        );
        assert_eq!(classify("Luhmann 1980, S. 99").0, CitationKind::Short);
        // "s. v." marks a headword (sub voce), not a page ("v" is no roman
        // five here); the entry's columns are its extent, no pinpoint
        assert_eq!(
            classify("H. Jedin, s. v. G. Contarini, in «Dictionnaire d'histoire», XII, Paris 1956, coll. 782-83").1,
            None
        );
        assert_eq!(
            classify("Jedin, s. v. G. Contarini, col. 773").1,
            Some("col. 773")
        );
        assert_eq!(classify("Roma, Enciclopedia, s.v. Lazio").1, None);
        // a day date after the columns is none of them
        assert_eq!(
            classify("Hansard, HC Deb 5s, vol. 339, col. 361, 3 October 1938").1,
            Some("col. 361")
        );
        assert_eq!(classify("Ibid., pp. 12, 14").1, Some("pp. 12, 14"));
        assert_eq!(
            classify("Fight Online Sex Trafficking Act of 2017, Pub. L. No. 115-164, 132 Stat. 1253 (2018)").1,
            None
        );
        assert_eq!(
            classify("H.R. Rep. No. 104-458, at 194 (1996)").1,
            Some("194")
        );
        // Bluebook's pinpoint before the final parenthesis
        fn pin(c: &str) -> Option<&str> {
            classify(c).1
        }
        assert_eq!(
            pin("Richard A. Posner, Economic Analysis of Law 213 (9th ed. 2014)"),
            Some("213")
        );
        assert_eq!(
            pin("Danielle Keats Citron, Hate Crimes in Cyberspace 170–72 (2014)"),
            Some("170–72")
        );
        assert_eq!(pin("Brian Leiter, Cesspools, in The Offensive Internet 155, 161 (Saul Levmore ed., 2010)"), Some("161"));
        assert_eq!(
            pin("Charles A. Reich, The New Property, 73 Yale L.J. 733 (1964)"),
            None
        );
        assert_eq!(pin("Roe v. Wade, 410 U.S. 113 (1973)"), None);
        // a "[hereinafter …]" remark after the year; a number in the title
        assert_eq!(
            pin("U.S. Dep't of Just., Key Takeaways and Recommendations 14 (2020) [hereinafter DOJ Report]"),
            Some("14")
        );
        assert_eq!(
            pin("U.S. Dep't of Just., Section 230—Nurturing Innovation 14 (2020)"),
            Some("14")
        );
        assert_eq!(pin("Jane Roe, 86 Fordham Law Review 401 (2017)"), None);
        assert_eq!(
            pin("D. Citron, Denying Bad Samaritans § 230 Immunity, 86 Fordham L. Rev. 401, 403–04 (2017) (arguing for reform)"),
            Some("403–04")
        );
        assert_eq!(
            pin("J. Smith, “The Title,” Journal of Modern History 45 (1973)"),
            None
        );
        assert_eq!(
            classify("Stratton Oakmont, Inc. v. Prodigy Servs. Co., 1995 WL 323710, at *4 (N.Y. Sup. Ct. May 24, 1995)").1,
            Some("*4")
        );
        assert_eq!(classify("Ibid., ici p. 7").1, Some("p. 7"));
        assert_eq!(
            classify("Meier, Geschichte, a.a.O., S. 45 f.").1,
            Some("S. 45 f.")
        );
        assert_eq!(
            classify("Vogel, op. cit., n. 7, pp. 80–1").1,
            Some("pp. 80–1")
        );
        assert_eq!(classify("Freeman, op. cit., n. 24").1, None);
        assert_eq!(
            classify("Documents, Vol. II, Doc. No. 45").1,
            Some("Doc. No. 45")
        );
        // an essay's pages after its host are no pinpoint; one after them is
        assert_eq!(
            classify(
                "M. Broszat, Der Staat Hitlers, in: Ders., Nach Hitler, München 1986, S. 11–33"
            )
            .1,
            None
        );
        assert_eq!(
            classify("M. Broszat, Der Staat Hitlers, in: Ders., Nach Hitler, München 1986, S. 11–33, hier S. 20").1,
            Some("S. 20")
        );
        // a book's range stays the pinpoint
        assert_eq!(
            classify("M. Weber, Wirtschaft und Gesellschaft, hg. von J. Winckelmann, Tübingen 1972, S. 12–15").1,
            Some("S. 12–15")
        );
        // "et" ending a citation after a locator (found by fuzzing: the
        // look-ahead for "et seq." read past the last token)
        assert_eq!(classify("Braudel, vol. I, et").1, Some("vol. I"));
        let _ = classify("Braudel, Torino 1953, vol. I, 'et");
        let _ = classify("Ibid., p. 4 et");
        // the same author and the same work: one back-reference
        assert_eq!(classify("Id., ibid., p. 558").1, Some("p. 558"));
        // another volume of a multi-volume work than the one cited first
        assert_eq!(
            classify("Braudel, op. cit., vol. II, p. 12").1,
            Some("vol. II, p. 12")
        );
        assert_eq!(
            classify("Wehler, Gesellschaftsgeschichte, Bd. 4, S. 700").1,
            Some("Bd. 4, S. 700")
        );
        assert_eq!(
            classify("Donoghue v Stevenson [1932] AC 562 (HL) 580").1,
            Some("580")
        );
        assert_eq!(
            classify("A. Bottomley, ‘Self’ (1993) 20 J. of Law and Society 56, 61").1,
            Some("61")
        );
        assert_eq!(
            classify("T. Brennan, ‘Mere’ (1979) 27 Political Studies 183").1,
            None
        );
        // a pinpoint stressed with "especially", "esp."
        assert_eq!(
            classify("K. O’Donovan, Sexual Divisions in Law (1985), especially 112–18").1,
            Some("112–18")
        );
        assert_eq!(
            classify("N. Howell, ‘Debt’ (1995) 20 Alternative Law J. 93, esp. 95").1,
            Some("95")
        );
        assert_eq!(
            classify("T. Brennan, ‘Mere’ (1979) 27 Political Studies 183, especially").1,
            None
        );
        // a pinpoint with a suffix, or a front-matter page
        assert_eq!(
            classify("L. J. Weitzman, The Marriage Contract (1981) 347 ff.").1,
            Some("347 ff.")
        );
        assert_eq!(
            classify("R. Collier, Masculinity, Law and the Family (1995) 127 and throughout").1,
            Some("127 and throughout")
        );
        assert_eq!(
            classify("M. Grossberg, Governing the Hearth (1985) ix").1,
            Some("ix")
        );
        assert_eq!(classify("Smith, Storia (Milano, 1985) IX").1, None);
        assert_eq!(classify("The Times, 4 May 1925, p. 5").1, Some("p. 5"));
        assert_eq!(classify("Smith, Title, fol. 12v").1, Some("fol. 12v"));
        assert_eq!(
            classify("D.G.F.P. C/II, Doc. No. 102").1,
            Some("Doc. No. 102")
        );
        assert_eq!(
            classify("Barclays Bank v. O’Brien [1994] 1 A.C. 180, at 185").1,
            Some("185")
        );
        assert_eq!(classify("Smith (n 5) 34").1, Some("34"));
        assert_eq!(classify("Steinbach 1979, S. 66 ff.").1, Some("S. 66 ff."));
    }

    #[test]
    fn definitions() {
        let (k, loc, def) = classify(
            "Documents on German Foreign Policy, Series C, Vol. II (hereafter cited as D.G.F.P.), Doc. No. 45",
        );
        assert_eq!(k, CitationKind::Full);
        assert_eq!(loc, Some("Doc. No. 45"));
        assert_eq!(def.as_deref(), Some("D.G.F.P."));
    }
}
