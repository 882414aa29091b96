//! Greek and Cyrillic letters in Latin letters, for citation keys
//! ("Καραμανλής" → "karamanlis", "Толстой" → "tolstoi"). Simple letter
//! tables (modern Greek after ELOT 743, Cyrillic after the common
//! passport-style tables), lower case, without accents; other scripts (CJK,
//! Arabic, …) have none.

/// The Latin letters of a Greek or Cyrillic letter (either case; a Greek
/// letter with an accent is read after its base letter has been split off by
/// the caller's decomposition). `None` for other characters.
pub(crate) fn latin(c: char) -> Option<&'static str> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    greek(lower).or_else(|| cyrillic(lower))
}

fn greek(c: char) -> Option<&'static str> {
    Some(match c {
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' => "i",
        'θ' => "th",
        'ι' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' => "o",
        _ => return None,
    })
}

fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ґ' => "g",
        'д' => "d",
        'ђ' => "dj",
        'е' => "e",
        'ё' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'і' => "i",
        'ї' => "yi",
        'й' => "i",
        'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "c",
        'у' => "u",
        'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'џ' => "dz",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        let word = |s: &str| -> String { s.chars().filter_map(latin).collect() };
        assert_eq!(word("Толстой"), "tolstoi");
        assert_eq!(word("Щедрин"), "shchedrin");
        assert_eq!(word("Σεφερης"), "seferis");
        assert_eq!(word("ΚΑΡΑΜΑΝΛΗΣ"), "karamanlis");
        assert_eq!(latin('中'), None);
        assert_eq!(latin('a'), None);
    }
}
