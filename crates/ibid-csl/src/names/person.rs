//! One person's name from its words: given-first ("A. J. P. Taylor"),
//! family-first without comma ("Taylor A.J.P.", "Mao Zedong"), or inverted
//! with a comma ("Taylor, A. J. P.").

use super::east_asian::{family_first_romanised, is_cjk_word, split_cjk};
use super::words::{
    is_all_caps, is_cap, is_cap_particle, is_compact_initials, is_dropping_particle, is_honorific,
    is_initial, is_lower, is_particle, is_postnominal, is_suffix, key, GIVEN_NAMES, JA_SURNAMES,
    KO_SURNAMES, SPANISH_SURNAMES, ZH_SURNAMES,
};
use ibid_model::Name;

/// A parsed person, with the titles kept out of the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Person {
    pub name: Name,
    pub honorific: Option<String>,
}

/// Titles and post-nominals collected while parsing.
#[derive(Default)]
struct Extras<'a> {
    honorifics: Vec<&'a str>,
    suffix: Option<&'a str>,
}

impl Extras<'_> {
    fn finish(self, mut name: Name) -> Person {
        if let Some(s) = self.suffix {
            name.suffix = Some(s.to_string());
        }
        let honorific = if self.honorifics.is_empty() {
            None
        } else {
            Some(self.honorifics.join(" "))
        };
        Person { name, honorific }
    }
}

/// Joins words with spaces and removes a trailing period from a last word
/// that is not an initial or abbreviation ("Rihoux." → "Rihoux").
fn join_clean(ws: &[&str]) -> String {
    let mut out = String::new();
    for (i, w) in ws.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let last = i + 1 == ws.len();
        out.push_str(if last { strip_final_period(w) } else { w });
    }
    out
}

fn strip_final_period(w: &str) -> &str {
    match w.strip_suffix('.') {
        Some(bare) if !is_initial(w) && bare.chars().filter(|c| c.is_alphabetic()).count() >= 2 => {
            bare
        }
        _ => w,
    }
}

fn opt_join(ws: &[&str]) -> Option<String> {
    if ws.is_empty() {
        None
    } else {
        Some(join_clean(ws))
    }
}

/// Sets the particle on `name`, dropping or non-dropping by its first word.
fn set_particle(name: &mut Name, particles: &[&str]) {
    let Some(first) = particles.first() else {
        return;
    };
    let p = particles.join(" ");
    if is_dropping_particle(first) {
        name.dropping_particle = Some(p);
    } else {
        name.non_dropping_particle = Some(p);
    }
}

/// Strips leading honorifics and trailing suffixes/post-nominals, keeping at
/// least `keep` words.
fn strip_titles<'a>(mut ws: &'a [&'a str], ex: &mut Extras<'a>, keep: usize) -> &'a [&'a str] {
    while ws.len() > keep && is_honorific(ws[0]) {
        ex.honorifics.push(ws[0]);
        ws = &ws[1..];
    }
    while ws.len() > keep {
        let last = ws[ws.len() - 1];
        // a two-letter roman number after a single word may be initials
        // ("Petrov IV"); "Pius XII", "John Smith II" are suffixes
        let ambiguous = last.len() == 2
            && ws.len() == 2
            && !is_initial(last)
            && {
                let k = key(last);
                !matches!(&*k, "jr" | "sr")
            }
            && ex.honorifics.is_empty();
        if is_suffix(last) && ex.suffix.is_none() && !ambiguous {
            ex.suffix = Some(last);
        } else if is_postnominal(last) {
            ex.honorifics.push(last);
        } else {
            break;
        }
        ws = &ws[..ws.len() - 1];
    }
    ws
}

/// A person written without a comma.
pub(crate) fn standalone(all: &[&str]) -> Option<Person> {
    if all.is_empty() {
        return None;
    }
    let mut ex = Extras::default();
    let ws = strip_titles(all, &mut ex, 1);
    // CJK script
    if ws.len() <= 2 && ws.iter().all(|w| is_cjk_word(w)) {
        let name = if ws.len() == 2 {
            Name::person(ws[0], Some(ws[1].to_string()))
        } else if let Some((family, given)) = split_cjk(ws[0]) {
            Name::person(family, Some(given.to_string()))
        } else {
            Name::literal(ws[0])
        };
        return Some(ex.finish(name));
    }
    if ws.len() == 1 {
        let w = ws[0];
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let name = if is_initial(w) && letters >= 3 {
            // "A.L.R.C.", "N.S.W.C.A.": an acronym, not a person
            Name::literal(w)
        } else if is_initial(w) {
            Name {
                given: Some(w.to_string()),
                ..Name::default()
            }
        } else {
            Name::person(strip_final_period(w), None)
        };
        return Some(ex.finish(name));
    }
    if is_initial(ws[0]) {
        // "S. MOSCHINI MARCONI": a family name of several words in capitals
        let k = ws.iter().take_while(|w| is_initial(w)).count();
        if k < ws.len() && ws.len() - k >= 2 && ws[k..].iter().all(|w| is_all_caps(w)) {
            return Some(ex.finish(Name::person(join_clean(&ws[k..]), opt_join(&ws[..k]))));
        }
        // "A. Caracciolo Aricó", "L. M. Bandrés Rey": after abbreviated given
        // names, the words left are a compound family name, unless the first
        // is a common given name ("J. Robert Oppenheimer")
        let rest = &ws[k..];
        if rest.len() >= 2
            && rest
                .iter()
                .all(|w| is_cap(w) && !is_initial(w) && !is_cap_particle(w))
            && !GIVEN_NAMES.contains(key(rest[0]).as_ref())
        {
            return Some(ex.finish(Name::person(join_clean(rest), opt_join(&ws[..k]))));
        }
        return Some(ex.finish(given_first(ws)));
    }
    // "AV Dicey", "HLA Hart" (OSCOLA): initials without periods, then the
    // family name; "LI Wei", "MAO Zedong" are family names in capitals.
    let k = ws
        .iter()
        .take_while(|w| {
            is_compact_initials(w)
                && !w.ends_with('.')
                && !matches!(
                    **w,
                    "II" | "III"
                        | "IV"
                        | "VI"
                        | "VII"
                        | "IX"
                        | "XI"
                        | "XII"
                        | "XIV"
                        | "XV"
                        | "XVI"
                        | "XIX"
                        | "XX"
                        | "XXI"
                )
        })
        .count();
    if k > 0
        && k + 1 == ws.len()
        && is_cap(ws[k])
        && !is_all_caps(ws[k])
        && !is_initial(ws[k])
        && !ws[k].contains(['.', '-'])
        && !ws[..k].iter().any(|w| {
            let f = key(w);
            ZH_SURNAMES.contains(f.as_ref())
                || JA_SURNAMES.contains(f.as_ref())
                || KO_SURNAMES.contains(f.as_ref())
        })
    {
        return Some(ex.finish(Name::person(ws[k], opt_join(&ws[..k]))));
    }
    // "AYKUT Stefan C.": a family name in capitals comes first
    if is_all_caps(ws[0]) {
        if let Some(name) = caps_family(ws) {
            return Some(ex.finish(name));
        }
    }
    // Family name, then initials: "Taylor A.J.P.", "Petrie KJ", "Della Peruta F",
    // "borsari s." (lower case in OCR).
    let lower_initial = |w: &str| {
        let mut c = w.chars();
        matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_lowercase())
    };
    let trailing = ws
        .iter()
        .rev()
        .take_while(|w| {
            is_initial(w) || is_compact_initials(w) || (ws.len() == 2 && lower_initial(w))
        })
        .count();
    if trailing > 0 && trailing < ws.len() {
        let (fam, giv) = ws.split_at(ws.len() - trailing);
        if !fam.iter().any(|w| is_initial(w)) {
            return Some(ex.finish(family_then_given(fam, giv)));
        }
    }
    // A family name in capitals: "MAO Zedong", "DUPONT Jean", "Jean DUPONT".
    if let Some(name) = caps_family(ws) {
        return Some(ex.finish(name));
    }
    if family_first_romanised(ws) {
        return Some(ex.finish(Name::person(ws[0], opt_join(&ws[1..]))));
    }
    if ws.len() == 2
        && is_cap(ws[0])
        && !GIVEN_NAMES.contains(key(ws[0]).as_ref())
        && GIVEN_NAMES.contains(key(ws[1]).as_ref())
    {
        return Some(ex.finish(Name::person(ws[0], opt_join(&ws[1..]))));
    }
    Some(ex.finish(given_first(ws)))
}

/// Family words (with leading lower-case particles) then given words.
fn family_then_given(fam: &[&str], giv: &[&str]) -> Name {
    let np = fam.iter().take_while(|w| is_particle(w)).count();
    let np = if np == fam.len() { 0 } else { np };
    let mut name = Name::person(join_clean(&fam[np..]), opt_join(giv));
    set_particle(&mut name, &fam[..np]);
    name
}

/// Family name in capitals among mixed-case given names.
fn caps_family(ws: &[&str]) -> Option<Name> {
    if !ws.iter().any(|w| is_all_caps(w)) {
        return None;
    }
    let mixed = ws
        .iter()
        .any(|w| !is_all_caps(w) && is_cap(w) && !is_initial(w));
    if !mixed {
        return None;
    }
    let prefix = ws.iter().take_while(|w| is_all_caps(w)).count();
    if prefix > 0 && !ws[prefix..].iter().any(|w| is_all_caps(w)) {
        return Some(Name::person(
            join_clean(&ws[..prefix]),
            opt_join(&ws[prefix..]),
        ));
    }
    let suffix = ws.iter().rev().take_while(|w| is_all_caps(w)).count();
    if suffix > 0 && !ws[..ws.len() - suffix].iter().any(|w| is_all_caps(w)) {
        let start = ws.len() - suffix;
        let np = ws[..start]
            .iter()
            .rev()
            .take_while(|w| is_particle(w))
            .count();
        let given = &ws[..start - np];
        if given.is_empty() {
            return None;
        }
        let mut name = Name::person(join_clean(&ws[start..]), opt_join(given));
        set_particle(&mut name, &ws[start - np..start]);
        return Some(name);
    }
    None
}

/// Given names first: "A. J. P. Taylor", "Ludwig von Mises", "Gisèle De Meur".
fn given_first(ws: &[&str]) -> Name {
    let n = ws.len();
    // Lower-case particle(s) followed by a capitalised family name.
    let last_cap = ws.iter().rposition(|w| is_cap(w));
    for i in 0..n.saturating_sub(1) {
        if is_particle(ws[i]) && last_cap.is_some_and(|l| l > i) {
            let mut j = i;
            while j + 1 < n && (is_particle(ws[j]) || (ws[j] == "und" && is_particle(ws[j + 1]))) {
                j += 1;
            }
            // Leading particle before initials ("di B. Pulían"): a stray word.
            let rest = &ws[j..];
            if i == 0 && rest.first().is_some_and(|w| is_initial(w)) {
                return given_first(rest);
            }
            let mut name = Name::person(join_clean(rest), opt_join(&ws[..i]));
            set_particle(&mut name, &ws[i..j]);
            return name;
        }
    }
    // "José Ortega y Gasset": a Spanish double family name.
    if n >= 4 && ws[n - 2] == "y" && is_cap(ws[n - 3]) {
        return Name::person(join_clean(&ws[n - 3..]), opt_join(&ws[..n - 3]));
    }
    // "Caio Prado Júnior", "Jayme Cortesão Filho": a Portuguese
    // generational word is part of the family name ("Prado Júnior, Caio")
    if n >= 3
        && matches!(ws[n - 1], "Júnior" | "Filho" | "Neto" | "Sobrinho")
        && is_cap(ws[n - 2])
        && !is_initial(ws[n - 2])
    {
        return Name::person(join_clean(&ws[n - 2..]), opt_join(&ws[..n - 2]));
    }
    // "Gabriel García Márquez", "Mario Vargas Llosa": a Spanish double
    // family name whose first half is a frequent family name (and no
    // frequent given name: "Juan Carlos Onetti" keeps "Carlos" given)
    if n >= 3 && is_double_spanish_family(ws[n - 2], ws[n - 1]) {
        return Name::person(join_clean(&ws[n - 2..]), opt_join(&ws[..n - 2]));
    }
    let mut f = n - 1;
    while f > 1 && is_cap_particle(ws[f - 1]) {
        f -= 1;
    }
    // "De Vertot": only capitalised particles before the last word
    if f == 1 && is_cap_particle(ws[0]) {
        f = 0;
    }
    Name::person(join_clean(&ws[f..]), opt_join(&ws[..f]))
}

/// True when `first second`, the last two words of a name written given
/// names first, are one Spanish double family name (`data/spanish_surnames.txt`).
fn is_double_spanish_family(first: &str, second: &str) -> bool {
    is_cap(first)
        && is_cap(second)
        && !is_initial(first)
        && !is_initial(second)
        && SPANISH_SURNAMES.contains(key(first).as_ref())
        && !GIVEN_NAMES.contains(key(first).as_ref())
}

/// A person written "Family, Given".
pub(crate) fn inverted(family: &[&str], given: &[&str]) -> Option<Person> {
    let mut ex = Extras::default();
    // Family part: "King Jr.", "van der Waals", "Di Sante".
    let mut fam = family;
    while fam.len() > 1 && is_suffix(fam[fam.len() - 1]) {
        ex.suffix = Some(fam[fam.len() - 1]);
        fam = &fam[..fam.len() - 1];
    }
    if fam.is_empty() {
        return standalone(given);
    }
    if fam.len() == 1 && is_cjk_word(fam[0]) {
        return Some(ex.finish(Name::person(fam[0], opt_join(given))));
    }
    // Given part: "Sir Edward", "Ludwig von", "Martin Luther, Jr.".
    let mut giv = given;
    while !giv.is_empty() && is_honorific(giv[0]) && !is_initial(giv[0]) {
        ex.honorifics.push(giv[0]);
        giv = &giv[1..];
    }
    while let Some(last) = giv.last() {
        if is_suffix(last) && ex.suffix.is_none() && giv.len() > 1 {
            ex.suffix = Some(last);
        } else if is_postnominal(last) {
            ex.honorifics.push(last);
        } else {
            break;
        }
        giv = &giv[..giv.len() - 1];
    }
    let trailing_particles = giv.iter().rev().take_while(|w| is_particle(w)).count();
    let (giv, tail) = giv.split_at(giv.len() - trailing_particles);
    let lead = fam.iter().take_while(|w| is_particle(w)).count();
    let lead = if lead == fam.len() { 0 } else { lead };
    let mut name = Name::person(join_clean(&fam[lead..]), opt_join(giv));
    if lead > 0 {
        set_particle(&mut name, &fam[..lead]);
    } else {
        set_particle(&mut name, tail);
    }
    Some(ex.finish(name))
}

/// True when the words of a comma part can be a given name after "Family,":
/// initials, capitalised names, honorifics, trailing particles.
pub(crate) fn looks_given(ws: &[&str]) -> bool {
    if ws.is_empty() || ws.len() > 5 || ws.iter().any(|w| is_cjk_word(w)) {
        return false;
    }
    if ws.iter().all(|w| is_suffix(w) || is_postnominal(w)) {
        return false;
    }
    let n = ws.len();
    let mut seen_particle = false;
    for (i, w) in ws.iter().enumerate() {
        if is_particle(w) {
            seen_particle = true;
            continue;
        }
        if seen_particle {
            // "Gisèle de Meur": a particle followed by a name is a full name
            return false;
        }
        if i > 0 && is_cap_particle(w) && i + 1 < n {
            return false;
        }
        if is_all_caps(w) && n > 1 && !is_compact_initials(w) {
            return false;
        }
        if !(is_cap(w) || is_initial(w)) {
            return false;
        }
    }
    true
}

/// True when a comma part can be the family half of "Family, Given".
pub(crate) fn looks_family(ws: &[&str], next: &[&str]) -> bool {
    if ws.is_empty() || ws.iter().any(|w| is_initial(w) || is_cjk_word(w)) {
        return false;
    }
    if ws.len() == 1 {
        // "CAM, N.": a short family name in capitals before initials
        let short_caps_ok = !is_compact_initials(ws[0]) || next.iter().all(|w| is_initial(w));
        return short_caps_ok && (is_cap(ws[0]) || !is_lower(ws[0]));
    }
    let np = ws.iter().take_while(|w| is_particle(w)).count();
    let rest = &ws[np..];
    // "Neuendorf AD": a full name in Vancouver style, not a family name
    if rest.is_empty()
        || !rest.iter().all(|w| is_cap(w))
        || rest[1..].iter().any(|w| is_compact_initials(w))
    {
        return false;
    }
    if rest.len() == 1 {
        return true;
    }
    if rest.len() == 2 && is_cap_particle(rest[0]) {
        return true;
    }
    // "Lloyd George, David", "Padoan Urban, Lina": a multi-word family name
    // only before a one-word given name or initials.
    rest.len() <= 3
        && (next.len() == 1
            || next.iter().all(|w| is_initial(w))
            || next.last().is_some_and(|w| is_initial(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sa(s: &str) -> Name {
        let ws: Vec<&str> = s.split(' ').collect();
        standalone(&ws).unwrap().name
    }

    fn inv(f: &str, g: &str) -> Person {
        let f: Vec<&str> = f.split(' ').collect();
        let g: Vec<&str> = if g.is_empty() {
            vec![]
        } else {
            g.split(' ').collect()
        };
        inverted(&f, &g).unwrap()
    }

    #[test]
    fn portuguese_generational_words_stay_in_the_family_name() {
        let n = given_first(&["Caio", "Prado", "Júnior"]);
        assert_eq!(n.family.as_deref(), Some("Prado Júnior"));
        assert_eq!(n.given.as_deref(), Some("Caio"));
        let n = given_first(&["Jayme", "Cortesão", "Filho"]);
        assert_eq!(n.family.as_deref(), Some("Cortesão Filho"));
        // an initial before it is the given name's
        let n = given_first(&["C.", "P.", "Filho"]);
        assert_eq!(n.family.as_deref(), Some("Filho"));
    }

    #[test]
    fn given_first_names() {
        assert_eq!(
            sa("A. J. P. Taylor"),
            Name::person("Taylor", Some("A. J. P.".into()))
        );
        let m = sa("Ludwig von Mises");
        assert_eq!(m.family.as_deref(), Some("Mises"));
        assert_eq!(m.given.as_deref(), Some("Ludwig"));
        assert_eq!(m.dropping_particle.as_deref(), Some("von"));
        let w = sa("Johannes van der Waals");
        assert_eq!(w.non_dropping_particle.as_deref(), Some("van der"));
        assert_eq!(w.family.as_deref(), Some("Waals"));
        let h = sa("Gerard 't Hooft");
        assert_eq!(h.non_dropping_particle.as_deref(), Some("'t"));
        assert_eq!(h.family.as_deref(), Some("Hooft"));
        let g = sa("de Gaulle");
        assert_eq!(
            (g.family.as_deref(), g.given.as_deref()),
            (Some("Gaulle"), None)
        );
        assert_eq!(g.non_dropping_particle.as_deref(), Some("de"));
        assert_eq!(sa("Gisèle De Meur").family.as_deref(), Some("De Meur"));
        assert_eq!(
            sa("José Ortega y Gasset").family.as_deref(),
            Some("Ortega y Gasset")
        );
        let z = sa("Karl Theodor zu Guttenberg");
        assert_eq!(z.dropping_particle.as_deref(), Some("zu"));
        assert_eq!(z.given.as_deref(), Some("Karl Theodor"));
        let vz = sa("Wolfgang von und zu Lichtenstein");
        assert_eq!(vz.dropping_particle.as_deref(), Some("von und zu"));
        assert_eq!(sa("Benoît Rihoux.").family.as_deref(), Some("Rihoux"));
    }

    #[test]
    fn spanish_double_family_names() {
        for (name, family, given) in [
            ("Gabriel García Márquez", "García Márquez", "Gabriel"),
            ("Mario Vargas Llosa", "Vargas Llosa", "Mario"),
            (
                "María Teresa Fernández Vega",
                "Fernández Vega",
                "María Teresa",
            ),
            ("Federico García Lorca", "García Lorca", "Federico"),
            // the first half no listed family name, or a given name
            ("Jorge Luis Borges", "Borges", "Jorge Luis"),
            ("Juan Carlos Onetti", "Onetti", "Juan Carlos"),
            ("Luis Alberto Romero", "Romero", "Luis Alberto"),
            // Portuguese: filed under the last name
            ("Fernando Henrique Cardoso", "Cardoso", "Fernando Henrique"),
            // an initial is a given name's
            ("J. M. García", "García", "J. M."),
            ("Pedro G. Ramos", "Ramos", "Pedro G."),
        ] {
            let n = sa(name);
            assert_eq!(
                (n.family.as_deref(), n.given.as_deref()),
                (Some(family), Some(given)),
                "{name}"
            );
        }
        // two words are given and family
        assert_eq!(sa("Octavio Paz").family.as_deref(), Some("Paz"));
        assert_eq!(sa("Luis Díaz").family.as_deref(), Some("Díaz"));
    }

    #[test]
    fn family_first_names() {
        assert_eq!(
            sa("Taylor A.J.P."),
            Name::person("Taylor", Some("A.J.P.".into()))
        );
        assert_eq!(sa("Petrie KJ"), Name::person("Petrie", Some("KJ".into())));
        assert_eq!(
            sa("Della Peruta F"),
            Name::person("Della Peruta", Some("F".into()))
        );
        assert_eq!(
            sa("DEVAKUMAR J."),
            Name::person("DEVAKUMAR", Some("J.".into()))
        );
        assert_eq!(sa("Mao Zedong"), Name::person("Mao", Some("Zedong".into())));
        assert_eq!(
            sa("Maruyama Masao"),
            Name::person("Maruyama", Some("Masao".into()))
        );
        assert_eq!(
            sa("Kim Dae-jung"),
            Name::person("Kim", Some("Dae-jung".into()))
        );
        assert_eq!(sa("毛泽东"), Name::person("毛", Some("泽东".into())));
        assert_eq!(sa("丸山 眞男"), Name::person("丸山", Some("眞男".into())));
        assert_eq!(
            sa("DUPONT Jean"),
            Name::person("DUPONT", Some("Jean".into()))
        );
        assert_eq!(
            sa("AYKUT Stefan C."),
            Name::person("AYKUT", Some("Stefan C.".into()))
        );
        assert_eq!(sa("SMITH JA"), Name::person("SMITH", Some("JA".into())));
        assert_eq!(sa("AV Dicey"), Name::person("Dicey", Some("AV".into())));
        assert_eq!(sa("HLA Hart"), Name::person("Hart", Some("HLA".into())));
        assert_eq!(sa("LI Wei"), Name::person("LI", Some("Wei".into())));
        assert_eq!(sa("MAO Zedong"), Name::person("MAO", Some("Zedong".into())));
        assert_eq!(
            sa("Jean DUPONT"),
            Name::person("DUPONT", Some("Jean".into()))
        );
        assert_eq!(
            sa("Camporesi Piero"),
            Name::person("Camporesi", Some("Piero".into()))
        );
        assert_eq!(
            sa("Piero Camporesi"),
            Name::person("Camporesi", Some("Piero".into()))
        );
        // a family name that is also a given name, after a given name;
        // Slavic and Hungarian given names written after the family name
        assert_eq!(
            sa("Boris Fausto"),
            Name::person("Fausto", Some("Boris".into()))
        );
        assert_eq!(
            sa("Bojko Krzysztof"),
            Name::person("Bojko", Some("Krzysztof".into()))
        );
        assert_eq!(
            sa("Kovács István"),
            Name::person("Kovács", Some("István".into()))
        );
        assert_eq!(
            sa("C. COLAUTTI"),
            Name::person("COLAUTTI", Some("C.".into()))
        );
        assert_eq!(
            sa("A. Caracciolo Aricó"),
            Name::person("Caracciolo Aricó", Some("A.".into()))
        );
        assert_eq!(
            sa("J. Robert Oppenheimer"),
            Name::person("Oppenheimer", Some("J. Robert".into()))
        );
        assert_eq!(
            sa("F. De Martino"),
            Name::person("De Martino", Some("F.".into()))
        );
    }

    #[test]
    fn titles_and_suffixes() {
        let p = standalone(&["Sir", "Lewis", "Namier"]).unwrap();
        assert_eq!(p.name, Name::person("Namier", Some("Lewis".into())));
        assert_eq!(p.honorific.as_deref(), Some("Sir"));
        let p = standalone(&["Martin", "Luther", "King", "Jr."]).unwrap();
        assert_eq!(p.name.family.as_deref(), Some("King"));
        assert_eq!(p.name.suffix.as_deref(), Some("Jr."));
        let p = standalone(&["General", "de", "Gaulle"]).unwrap();
        assert_eq!(p.name.family.as_deref(), Some("Gaulle"));
        assert_eq!(p.honorific.as_deref(), Some("General"));
        let p = standalone(&["Lord", "Acton"]).unwrap();
        assert_eq!(p.name, Name::person("Acton", None));
        let p = standalone(&["Lord"]).unwrap();
        assert_eq!(p.name, Name::person("Lord", None));
        assert!(p.honorific.is_none());
        let p = standalone(&["John", "Major"]).unwrap();
        assert_eq!(p.name.family.as_deref(), Some("Major"));
    }

    #[test]
    fn inverted_names() {
        assert_eq!(
            inv("Taylor", "A. J. P.").name,
            Name::person("Taylor", Some("A. J. P.".into()))
        );
        let p = inv("Mises", "Ludwig von");
        assert_eq!(p.name.dropping_particle.as_deref(), Some("von"));
        assert_eq!(p.name.given.as_deref(), Some("Ludwig"));
        let p = inv("van der Waals", "J. D.");
        assert_eq!(p.name.non_dropping_particle.as_deref(), Some("van der"));
        assert_eq!(p.name.family.as_deref(), Some("Waals"));
        let p = inv("Grey", "Sir Edward");
        assert_eq!(p.honorific.as_deref(), Some("Sir"));
        assert_eq!(p.name.given.as_deref(), Some("Edward"));
        let p = inv("Acton", "Lord");
        assert_eq!(p.name, Name::person("Acton", None));
        assert_eq!(p.honorific.as_deref(), Some("Lord"));
        assert_eq!(
            inv("King Jr.", "Martin Luther").name.suffix.as_deref(),
            Some("Jr.")
        );
        assert_eq!(
            inv("Di Sante", "Costantino").name.family.as_deref(),
            Some("Di Sante")
        );
    }

    #[test]
    fn part_shapes() {
        assert!(looks_given(&["A.", "J.", "P."]) && looks_given(&["Dirk"]));
        assert!(looks_given(&["Ludwig", "von"]) && looks_given(&["Charles", "C."]));
        assert!(!looks_given(&["Gisèle", "de", "Meur"]) && !looks_given(&["Jean", "DUPONT"]));
        assert!(!looks_given(&["Jr."]) && !looks_given(&["of"]));
        assert!(
            looks_family(&["Smith"], &["J."]) && looks_family(&["van", "der", "Waals"], &["J."])
        );
        assert!(looks_family(&["Padoan", "Urban"], &["Lina"]));
        assert!(!looks_family(
            &["Sofie", "Laier", "Henriksen"],
            &["Wiel", "Seuskens"]
        ));
        assert!(!looks_family(&["Petrie", "KJ"], &["Cameron", "LD"]));
    }
}
