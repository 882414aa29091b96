//! The lower-case particles of personal names ("von", "van der", "de",
//! "'t", "d’"), one list for the names parser (which splits them from the
//! family name) and the writers (Chicago capitalises one that opens a note).
//!
//! ```
//! use ibid_model::particles::{is_particle, opens_with_particle};
//! assert!(is_particle("von") && !is_particle("Von"));
//! assert!(opens_with_particle("du Réau, Édouard Daladier"));
//! assert!(opens_with_particle("d’Annunzio, Alcyone"));
//! assert!(!opens_with_particle("dunque"));
//! ```

use std::sync::LazyLock;

/// The list (`data/particles.txt`), one a line, `#` lines skipped.
static PARTICLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../data/particles.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Every particle, as written in names.
pub fn particles() -> impl Iterator<Item = &'static str> {
    PARTICLES.iter().copied()
}

/// Whether `word` is a particle, exactly as listed (case matters: "De" in
/// "De Felice" belongs to the family name).
pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// Whether `text` opens with a particle: a listed word and a space ("du
/// Réau"), or an elided one glued to the name ("d’Annunzio").
pub fn opens_with_particle(text: &str) -> bool {
    particles().any(|p| {
        text.strip_prefix(p)
            .is_some_and(|rest| p.ends_with(['’', '\'']) || rest.starts_with(' '))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_clean() {
        let all: Vec<&str> = particles().collect();
        assert!(all.len() > 20);
        for (i, p) in all.iter().enumerate() {
            assert!(!p.is_empty() && *p == p.trim(), "{p:?}");
            assert!(!all[..i].contains(p), "{p:?} twice");
        }
    }

    #[test]
    fn elided_and_spaced_particles_open_a_text() {
        assert!(opens_with_particle("van der Waals"));
        assert!(opens_with_particle("d'Alembert"));
        assert!(!opens_with_particle("De Felice"));
        assert!(!opens_with_particle("Duby"));
        assert!(!opens_with_particle("de"));
        assert!(!opens_with_particle(""));
    }
}
