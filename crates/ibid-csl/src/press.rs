//! Newspapers and magazines known by name, and words that mark a newspaper.

use crate::text::contains_word_ci;

fn normalised_paper(s: &str) -> String {
    let t = s.trim().trim_end_matches(['.', ',']);
    let lower = t.to_lowercase();
    for art in ["the ", "le ", "la ", "il ", "el ", "die ", "der "] {
        if let Some(r) = lower.strip_prefix(art) {
            return r.to_string();
        }
    }
    lower
}

pub(crate) fn is_known_newspaper(container: &str) -> bool {
    matches!(
        normalised_paper(container).as_str(),
        "times"
            | "sunday times"
            | "guardian"
            | "manchester guardian"
            | "observer"
            | "daily telegraph"
            | "telegraph"
            | "sunday telegraph"
            | "daily mail"
            | "daily express"
            | "daily herald"
            | "daily news"
            | "daily worker"
            | "daily mirror"
            | "financial times"
            | "new york times"
            | "washington post"
            | "wall street journal"
            | "los angeles times"
            | "chicago tribune"
            | "boston globe"
            | "monde"
            | "figaro"
            | "libération"
            | "humanité"
            | "l'humanité"
            | "temps"
            | "matin"
            | "petit parisien"
            | "frankfurter allgemeine zeitung"
            | "frankfurter allgemeine"
            | "faz"
            | "süddeutsche zeitung"
            | "zeit"
            | "welt"
            | "vossische zeitung"
            | "berliner tageblatt"
            | "neue zürcher zeitung"
            | "nzz"
            | "frankfurter zeitung"
            | "völkischer beobachter"
            | "corriere della sera"
            | "stampa"
            | "repubblica"
            | "messaggero"
            | "unità"
            | "l'unità"
            | "popolo d'italia"
            | "país"
            | "vanguardia"
            | "pravda"
            | "izvestiya"
            | "izvestia"
            | "independent"
            | "evening standard"
            | "morning post"
            | "pall mall gazette"
            | "scotsman"
            | "irish times"
            | "times of india"
            | "new york herald tribune"
            | "international herald tribune"
            | "christian science monitor"
            | "tageszeitung"
            | "taz"
            | "standard"
            | "kurier"
            | "presse"
            | "neue freie presse"
            | "gazzetta del popolo"
            | "avanti!"
            | "avanti"
            | "osservatore romano"
            | "l'osservatore romano"
            | "gazette de lausanne"
            | "journal de genève"
            | "tribune de genève"
            | "new york herald"
            | "sun"
            | "manchester evening news"
            | "yorkshire post"
            | "glasgow herald"
            | "herald"
    )
}

pub(crate) fn has_newspaper_word(container: &str) -> bool {
    [
        "Times",
        "Zeitung",
        "Gazette",
        "Gazzetta",
        "Daily",
        "Herald",
        "Tribune",
        "Chronicle",
        "Courier",
        "Courrier",
        "Post",
        "Telegraph",
        "Tageblatt",
        "Tagblatt",
        "Anzeiger",
        "Kurier",
        "Corriere",
        "Diario",
        "Observer",
        "Guardian",
        "Mercury",
        "Advertiser",
        "Echo",
        "Morgenpost",
        "Abendblatt",
        "Giornale",
        "Journal",
        "Gazeta",
        "Presse",
        "Nachrichten",
        "Monde",
        "Figaro",
        "Star",
        "Mail",
        "Standard",
        "Mirror",
        "Express",
        "Examiner",
        "Stampa",
        "Temps",
        "Matin",
    ]
    .iter()
    .any(|w| contains_word_ci(container, w))
}

pub(crate) fn is_known_magazine(container: &str) -> bool {
    matches!(
        normalised_paper(container).as_str(),
        "economist"
            | "spectator"
            | "new statesman"
            | "spiegel"
            | "der spiegel"
            | "time"
            | "newsweek"
            | "new yorker"
            | "harper's"
            | "harper's magazine"
            | "atlantic"
            | "atlantic monthly"
            | "punch"
            | "listener"
            | "express"
            | "nouvel observateur"
            | "stern"
            | "weltbühne"
            | "paris match"
            | "life"
            | "nation"
            | "new republic"
            | "l'espresso"
            | "espresso"
            | "panorama"
            | "focus"
            | "profil"
            | "new statesman and nation"
    )
}
