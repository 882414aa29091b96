//! A citation's signal ("See", "Cf.", "Vgl. auch") as Chicago prints it:
//! in English, whatever the note's language, as the pinpoints are
//! ([`english`]); in lower case after "; " ([`lower_cue`]); before the
//! citation, whose "Ibid." it lowers ([`with_signal`]).

use crate::common::capitalise_first;

/// The English of the cue words that open a signal (lower case, without
/// their full stop).
fn cue_in_english(word: &str) -> Option<&'static str> {
    Some(match word {
        "see" | "siehe" | "s" | "voir" | "voyez" | "vedi" | "vedasi" | "v" | "vide" | "vid"
        | "véase" | "vease" => "see",
        "cf" | "cfr" | "vgl" | "confer" => "cf.",
        "compare" | "comp" => "compare",
        // connectives that open a further citation ("; ferner Wehler, …")
        "ferner" => "see also",
        "dagegen" => "but see",
        _ => return None,
    })
}

/// Signals of more than one word that are read whole (lower case, words
/// joined by one space).
const PHRASES: &[(&str, &str)] = &[
    ("si veda", "see"),
    ("si vedano", "see"),
    ("si veda anche", "see also"),
    ("si vedano anche", "see also"),
    ("zit. nach", "quoted in"),
    ("zitiert nach", "quoted in"),
    ("cité par", "quoted in"),
    ("cité dans", "quoted in"),
    ("cit. in", "quoted in"),
    ("citato in", "quoted in"),
    ("citado en", "quoted in"),
    ("citado por", "quoted in"),
];

/// The English of the words that may follow a cue ("auch", "aussi",
/// "anche" → "also"; "etwa", "z.B." → "e.g."); other words are kept.
fn filler_in_english(word: &str) -> Option<&'static str> {
    Some(match word {
        "also" | "auch" | "aussi" | "anche" | "ebenso" | "también" | "tambien" => "also",
        "etwa" | "z.b" | "zb" | "e.g" | "eg" => "e.g.",
        "insbes" | "insbesondere" | "notamment" | "esp" | "especially" | "particularly" => {
            "especially"
        }
        "allgemein" | "generell" | "generally" => "generally",
        "ferner" | "further" => "further",
        _ => return None,
    })
}

/// A signal in English: "Vgl." → "Cf.", "vgl. auch" → "see also", "Voir
/// aussi" → "See also", "Vedi" → "See", "siehe etwa" → "see e.g.",
/// "dagegen" → "but see", "Zit. nach" and "Cité par" → "Quoted in". Only
/// a signal that opens with a cue word and
/// whose other words the filler table knows is translated, word by word,
/// keeping each word's comma or colon and its capital; a lead-in of the
/// note's own prose ("Zur Debatte siehe") and a signal with a word the
/// tables do not know ("Vgl. dazu ausführlich") stay as written, rather
/// than half in English.
pub(crate) fn english(signal: &str) -> String {
    let words: Vec<&str> = signal.split_whitespace().collect();
    let phrase = words.join(" ").to_lowercase();
    if let Some((_, e)) = PHRASES.iter().find(|(p, _)| *p == phrase) {
        return if signal.starts_with(char::is_uppercase) {
            capitalise_first(e)
        } else {
            e.to_string()
        };
    }
    let bare = |w: &str| w.trim_end_matches(['.', ',', ':']).to_lowercase();
    let Some(first) = words.first().map(|w| bare(w)) else {
        return signal.to_string();
    };
    let Some(cue) = cue_in_english(&first) else {
        return signal.to_string();
    };
    if !words[1..]
        .iter()
        .all(|w| filler_in_english(&bare(w)).is_some())
    {
        return signal.to_string();
    }
    // "vgl. auch", "cfr. anche": compare also, which English writes "see also"
    let also_follows = words.get(1).and_then(|w| filler_in_english(&bare(w))) == Some("also");
    let cue = if cue == "cf." && also_follows {
        "see"
    } else {
        cue
    };
    let mut out = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let english = if i == 0 {
            Some(cue)
        } else {
            filler_in_english(&bare(w))
        };
        let Some(e) = english else {
            out.push(w.to_string());
            continue;
        };
        // keep a comma or colon after the word ("See, e.g.,")
        let tail = w.trim_end_matches(['.', ',', ':']).len();
        let punct: String = w[tail..].chars().filter(|c| *c != '.').collect();
        let capital = w.starts_with(char::is_uppercase);
        let mut e = e.to_string();
        if capital {
            e = capitalise_first(&e);
        }
        out.push(e + &punct);
    }
    out.join(" ")
}

/// A citation's signal before its rendering ("See Smith, Law, 4.", "see
/// ibid., 91.": "Ibid." is lower case after a signal).
pub(crate) fn with_signal(signal: Option<String>, part: String) -> String {
    match signal.filter(|g| !g.trim().is_empty()) {
        None => part,
        Some(g) => match part.strip_prefix("Ibid.") {
            Some(rest) => format!("{g} ibid.{rest}"),
            None => format!("{g} {part}"),
        },
    }
}

/// A signal that opens with a capitalised cue word, in lower case ("See,
/// e.g.," → "see, e.g.,", "Cf." → "cf."); any other signal as it is.
pub(crate) fn lower_cue(signal: &str) -> String {
    let first = signal.split([' ', ',']).next().unwrap_or("");
    let first = first.trim_end_matches('.').to_lowercase();
    let cue = cue_in_english(&first).is_some()
        || matches!(first.as_str(), "but" | "accord" | "contra" | "e.g" | "also");
    let mut chars = signal.chars();
    match chars.next() {
        Some(c) if cue && c.is_uppercase() => c.to_lowercase().chain(chars).collect(),
        _ => signal.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_are_written_in_english() {
        for (signal, english_form) in [
            ("Vgl.", "Cf."),
            ("vgl.", "cf."),
            ("Vgl. auch", "See also"),
            ("vgl. etwa", "cf. e.g."),
            ("Siehe", "See"),
            ("s. auch", "see also"),
            ("Voir", "See"),
            ("Voir aussi", "See also"),
            ("Vedi anche", "See also"),
            ("cfr. anche", "see also"),
            ("Cfr.", "Cf."),
            ("Véase también", "See also"),
            ("See, e.g.,", "See, e.g.,"),
            ("See also", "See also"),
            ("Cf.", "Cf."),
            // the note's own prose, and words the tables do not know
            ("Zur Debatte siehe", "Zur Debatte siehe"),
            ("For the floor debate, see", "For the floor debate, see"),
            ("Vgl. grundlegend", "Vgl. grundlegend"),
            ("Vgl. dazu ausführlich", "Vgl. dazu ausführlich"),
            ("ferner", "see also"),
            ("Si veda", "See"),
            ("si veda anche", "see also"),
            ("Zit. nach", "Quoted in"),
            ("Cité par", "Quoted in"),
            ("Dagegen", "But see"),
        ] {
            assert_eq!(english(signal), english_form, "{signal}");
        }
    }

    #[test]
    fn cue_words_after_a_semicolon_are_lower_case() {
        assert_eq!(lower_cue("See, e.g.,"), "see, e.g.,");
        assert_eq!(lower_cue("Cf."), "cf.");
        assert_eq!(lower_cue("Vgl."), "vgl.");
        assert_eq!(
            lower_cue("For the floor debate, see"),
            "For the floor debate, see"
        );
    }

    #[test]
    fn signals_lead_their_citations() {
        assert_eq!(with_signal(None, "Smith, Law, 4.".into()), "Smith, Law, 4.");
        assert_eq!(
            with_signal(Some("See, for example,".into()), "Smith, Law, 4.".into()),
            "See, for example, Smith, Law, 4."
        );
        assert_eq!(
            with_signal(Some("see also".into()), "Ibid., 91.".into()),
            "see also ibid., 91."
        );
    }
}
