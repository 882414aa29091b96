//! Where citations may start: names ("Taylor, A. J. P.", "A. J. P. Taylor",
//! "Feest/Blankenburg", "Geiger 1964"), short forms ("Weinberg, Foreign
//! Policy, p. 130"), case and statute names, titles before a page.

use crate::features::*;
use crate::lexicon::{self, Lower};
use crate::token_bits::is_name_word;

impl Analysis<'_> {
    /// Mark the tokens that may start a citation (`NAME_HEAD`, `WEAK_HEAD`).
    pub(crate) fn mark_heads(&self, bits: &mut [u64]) {
        let s = self.s;
        let n = self.toks.len();
        // name heads
        for i in 0..n {
            let t = self.toks[i];
            let core = t.core(s);
            let b = bits[i];
            if b & INB != 0 && b & INQ == 0 {
                continue;
            }
            let next = |k: usize| bits.get(i + k).copied().unwrap_or(0);
            let tok = |k: usize| self.toks.get(i + k).copied();
            let tail = t.tail(s);
            let name = b & NAMEW != 0;
            let mut head = false;
            let mut weak = false;
            let mut with_initials = false;
            if name && tail == "," && next(1) & INITIAL != 0 {
                head = true; // Surname, I.
                with_initials = true;
            }
            if b & INITIAL != 0 && (i == 0 || bits[i - 1] & INITIAL == 0) {
                let mut k = 1;
                while k < 5 && next(k) & INITIAL != 0 {
                    k += 1;
                }
                if let Some(nt) = tok(k) {
                    if (next(k) & NAMEW != 0 || nt.core(s).contains('’'))
                        && !nt.tail(s).starts_with('.')
                    {
                        head = true; // I. Surname
                    }
                }
            }
            if core.contains('/')
                && core.split('/').filter(|p| !p.is_empty()).all(is_name_word)
                && core.split('/').count() >= 2
            {
                head = true; // Feest/Blankenburg
            }
            let bare_year =
                |k: usize| next(k) & YEAR != 0 && tok(k).is_some_and(|t| t.head(s).is_empty());
            if name && next(1) & YEAR != 0 && !tail.contains([';', ':', '.']) {
                if tail.is_empty() && bare_year(1) {
                    head = true; // Geiger 1964
                } else {
                    weak = true; // Black, 1973 / Smith (1990) (or London, 1961)
                }
            }
            if name
                && tail.is_empty()
                && next(1) & NAMEW != 0
                && tok(1).is_some_and(|nt| nt.tail(s).is_empty())
                && bare_year(2)
            {
                head = true; // Bender Schumacher 1980
            }
            if name && tail == "," {
                if let Some(nt) = tok(1) {
                    let ntail = nt.tail(s);
                    let conj = tok(2)
                        .is_some_and(|t| matches!(t.core(s), "und" | "and" | "&" | "et" | "e"));
                    if next(1) & NAMEW != 0
                        && (ntail.starts_with([',', '.', ':'])
                            || next(2) & YEAR != 0
                            || (ntail.is_empty() && conj))
                    {
                        weak = true; // Bender, Rolf, / Taylor, Origins,
                    }
                    if next(1) & (SHORTMARK | IBID) != 0
                        || nt.core(s) == "op"
                        || nt.core(s) == "loc"
                    {
                        head = true; // Collier, op. cit.
                    }
                }
                // a short title then a locator or "cit.": "Weinberg, Foreign Policy, p. 130",
                // "Chabod, Storia cit., p. 15", "Watt, How War Came, pp. 164–9",
                // "Bloch, Société féodale, 52" (a title in sentence case: up
                // to three lower-case words that are no prose markers)
                let mut k = 1;
                let mut lower_words = 0;
                while k <= 8 {
                    let Some(tk) = tok(k) else { break };
                    let bk = next(k);
                    if bk & (SHORTMARK | IBID) != 0 || tk.core(s) == "op" || tk.core(s) == "loc" {
                        head = k > 1 || head;
                        break;
                    }
                    let sentence_case = bk & LOWER != 0 && bk & LC != 0 && lower_words < 3;
                    let word = bk & (CAP | NAMEW) != 0
                        || (bk & LOWER != 0
                            && bk & PROSE == 0
                            && k > 1
                            && (bk & LC == 0 || sentence_case));
                    if !word || bk & (INB | YEAR | NUMBER) != 0 {
                        break;
                    }
                    if bk & LC != 0 {
                        lower_words += 1;
                    }
                    if tk.tail(s) == "," {
                        let after = next(k + 1);
                        if after & (LOC | SHORTMARK | BARE_PAGE) != 0
                            || tok(k + 1).is_some_and(|t| matches!(t.core(s), "op" | "loc"))
                        {
                            head = true;
                        }
                        break;
                    }
                    k += 1;
                }
            }
            // "Self, R. (ed.)", "Dilks (ed.)", "Meier (Hg.)"
            if name
                && tok(1).is_some_and(|nt| {
                    nt.head(s).starts_with('(')
                        && matches!(
                            nt.core(s),
                            "ed" | "eds" | "Hg" | "Hrsg" | "Hgg" | "éd" | "dir" | "a cura di"
                        )
                })
            {
                head = true;
            }
            // "Heidegger M., 1927", "Blom M R, Beker M G", "Naurois M. & Rolland L."
            if name && tail.is_empty() && next(1) & INITIAL != 0 {
                let mut k = 1;
                while k < 4
                    && next(k + 1) & INITIAL != 0
                    && tok(k).is_some_and(|t| !t.tail(s).contains(','))
                {
                    k += 1;
                }
                let after = tok(k + 1).map_or("", |t| t.core(s));
                if tok(k).is_some_and(|t| t.tail(s).starts_with(','))
                    || matches!(after, "and" | "&" | "und" | "et")
                    || tok(k + 1).is_some_and(|t| t.text(s) == "&")
                {
                    head = true;
                    with_initials = true;
                }
            }
            // "Fernand Braudel, La Méditerranée …", "Mario Rossi, Storia …"
            if name
                && tail.is_empty()
                && (i == 0 || bits[i - 1] & (CAP | INITIAL) == 0)
                && next(1) & NAMEW != 0
                && tok(1).is_some_and(|nt| nt.tail(s) == ",")
            {
                weak = true;
            }
            // a particle before a name: "de Naurois M.", "van Creveld, M."
            if with_initials
                && i > 0
                && crate::lexicon::is_name_particle(self.toks[i - 1].core(s))
                && self.toks[i - 1].tail(s).is_empty()
            {
                bits[i - 1] |= NAME_HEAD;
            }
            if head {
                bits[i] |= NAME_HEAD;
            } else if weak {
                bits[i] |= WEAK_HEAD;
            }
        }
        // a title alone before a page: "… at Nature of the Book, 10–11"
        for i in 0..n {
            let t = self.toks[i];
            if !(t.tail(s) == "," && bits[i] & (CAP | NAMEW) != 0 && bits[i] & INB == 0) {
                continue;
            }
            if bits.get(i + 1).is_none_or(|b| b & (BARE_PAGE | LOC) == 0) {
                continue;
            }
            let mut start = i;
            let mut k = i;
            while k > 0 && i - k < 8 {
                let p = k - 1;
                let pt = self.toks[p];
                if !pt.tail(s).is_empty() || bits[p] & INB != 0 {
                    break;
                }
                let low = self.lower.get(pt.cs..pt.ce).unwrap_or("");
                if bits[p] & CAP != 0 && bits[p] & (PROSE | IBID) == 0 {
                    start = p;
                } else if !lexicon::is_function_word(low) {
                    break;
                }
                k = p;
            }
            if bits[start] & HEAD == 0 {
                bits[start] |= WEAK_HEAD;
            }
        }
    }

    /// Start of the capitalised run that ends just before token `i` (a case
    /// name before "v", a statute name before "Act").
    pub(crate) fn run_start(&self, bits: &[u64], i: usize, limit: usize) -> Option<usize> {
        let s = self.s;
        let mut start = None;
        let mut j = i;
        let mut steps = 0;
        while j > 0 && steps < limit {
            let k = j - 1;
            let t = self.toks[k];
            let core = t.core(s);
            let tail = t.tail(s);
            let cap = bits[k] & (CAP | INITIAL) != 0;
            let joiner = matches!(
                core,
                "of" | "for"
                    | "and"
                    | "&"
                    | "on"
                    | "de"
                    | "von"
                    | "zur"
                    | "zum"
                    | "des"
                    | "der"
                    | "plc"
                    | "ltd"
                    | "v"
                    | "vs"
            ) || core.is_empty() && t.text(s) == "&";
            if k + 1 < i && tail.contains([',', ';', ':']) {
                break;
            }
            if k + 1 < i
                && tail.ends_with('.')
                && bits[k] & INITIAL == 0
                && !lexicon::is_nonterminal_abbrev(core)
            {
                break;
            }
            if cap {
                let low = Lower::new(core);
                if lexicon::is_cue(core, t.dot(s))
                    || lexicon::is_prose_marker(low.as_str())
                    || matches!(
                        low.as_str(),
                        "for" | "in" | "on" | "see" | "under" | "the" | "by" | "as" | "this"
                    )
                    || lexicon::is_cue_filler(core)
                {
                    break;
                }
                start = Some(k);
            } else if !joiner {
                break;
            }
            j = k;
            steps += 1;
        }
        start
    }
}
