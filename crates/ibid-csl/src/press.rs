//! Newspapers and magazines known by name, and words that mark a newspaper.

use crate::text::contains_word_ci;
use ibid_model::Item;

/// A newspaper's issue number and day that the model left in the note
/// ("Nr. 214 vom 8" of "Vossische Zeitung, Nr. 214 vom 8. Mai 1912"): the
/// number is the issue, and the day completes a month-and-year date.
pub(crate) fn issue_and_day_from_note(it: &mut Item) {
    if it.issue.is_some() {
        return;
    }
    let month_only = crate::infer::issued_precision(it) == 2;
    let mut parts = it.note_parts();
    // "Nr. 214" alone, or "Nr. 214 vom 8" before a month and year
    let read = |p: &str| -> Option<(String, Option<(i32, &str)>)> {
        let number = issue_number(p)?.to_string();
        match p.split_whitespace().collect::<Vec<_>>().as_slice() {
            [_, _] => Some((number, None)),
            [_, _, word @ ("vom" | "du" | "del"), day] if month_only => {
                let d = day.trim_end_matches('.').parse::<i32>().ok()?;
                // "8. Mai 1912", "8 mai 1912"
                let dot = if *word == "vom" { "." } else { "" };
                (1..=31).contains(&d).then_some((number, Some((d, dot))))
            }
            _ => None,
        }
    };
    let Some((k, (number, day))) = parts
        .iter()
        .enumerate()
        .find_map(|(k, p)| read(p).map(|r| (k, r)))
    else {
        return;
    };
    parts.remove(k);
    it.set_note_parts(parts);
    it.issue = Some(number);
    if let (Some((d, dot)), Some(date)) = (day, it.issued.as_mut()) {
        if let Some(p) = date.date_parts.first_mut() {
            p.push(d);
            date.raw = date.raw.as_ref().map(|r| format!("{d}{dot} {r}"));
        }
    }
}

/// A newspaper's day that the model left in the title: "Frankfurter
/// Zeitung vom 3. Mai 1925" reads as the title "Frankfurter Zeitung vom 3"
/// and the month "Mai 1925". When the title ends in "vom", "du" or "del"
/// and a day, the rest names a newspaper and the date has no day, the day
/// completes the date and the title keeps the newspaper's name.
pub(crate) fn day_from_title(it: &mut Item) {
    if it.issued.is_none() {
        date_from_title(it);
        return;
    }
    if crate::infer::issued_precision(it) != 2 {
        return;
    }
    let Some(title) = it.title.as_deref() else {
        return;
    };
    let words: Vec<&str> = title.split_whitespace().collect();
    let [name @ .., word @ ("vom" | "du" | "del"), day] = words.as_slice() else {
        return;
    };
    let Ok(d) = day.trim_end_matches('.').parse::<i32>() else {
        return;
    };
    let name = name.join(" ");
    let name = name.trim_end_matches([',', ' ']);
    if !(1..=31).contains(&d)
        || name.is_empty()
        || !(is_known_newspaper(name) || has_newspaper_word(name))
    {
        return;
    }
    let dot = if *word == "vom" { "." } else { "" };
    let Some(date) = it.issued.as_mut() else {
        return;
    };
    if let Some(p) = date.date_parts.first_mut() {
        p.push(d);
        date.raw = date.raw.as_ref().map(|r| format!("{d}{dot} {r}"));
    }
    it.title = Some(name.to_string());
}

/// A newspaper's whole date left in the title ("Frankfurter Zeitung vom 12.
/// März 1938", the model labelling no date): after "vom", "du" or "del" a
/// full date (day, month, year), before it a newspaper's name.
fn date_from_title(it: &mut Item) {
    let Some(title) = it.title.as_deref() else {
        return;
    };
    let Some((name, date_text)) = [" vom ", " du ", " del "]
        .iter()
        .find_map(|w| title.rsplit_once(w))
    else {
        return;
    };
    let name = name.trim_end_matches([',', ' ']);
    if name.is_empty() || !(is_known_newspaper(name) || has_newspaper_word(name)) {
        return;
    }
    let Some(date) = crate::date::parse_date(date_text.trim()) else {
        return;
    };
    if date.date_parts.first().map_or(0, Vec::len) != 3 {
        return;
    }
    it.issued = Some(date);
    it.title = Some(name.to_string());
}

/// The number of "Nr. 214", "No. 12", "n. 5", "Nr. 214 vom 8".
fn issue_number(part: &str) -> Option<&str> {
    let mut words = part.split_whitespace();
    let marker = words.next()?;
    if !matches!(
        marker,
        "Nr." | "Nr" | "No." | "No" | "n." | "N." | "n°" | "Nº"
    ) {
        return None;
    }
    let number = words.next()?.trim_end_matches([',', '.']);
    (!number.is_empty() && number.len() <= 5 && number.bytes().all(|b| b.is_ascii_digit()))
        .then_some(number)
}

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
            | "sol"
            | "abc"
            | "imparcial"
            | "liberal"
            | "heraldo de madrid"
            | "socialista"
            | "debate"
            | "informaciones"
            | "arriba"
            | "mundo"
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
