//! A deterministic random fuzzer: documents built from a rich alphabet and
//! note fragments, checked for panics and for the invariants of the crate
//! (nothing lost, ranges valid and ordered).
//!
//! `cargo run --release -p ibid-segment --example fuzz -- [ITERATIONS] [SEED]`

use ibid_model::MappedText;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "Ibid.",
    "ibid",
    "p.",
    "pp.",
    "S.",
    "f.",
    "ff.",
    "n.",
    "note",
    "Anm.",
    "Vol.",
    "Doc.",
    "No.",
    "op.",
    "cit.",
    "a.a.O.",
    "ebd.",
    "ivi",
    "Id.",
    "ders.",
    "see",
    "See also",
    "cf.",
    "Vgl.",
    "voir",
    "v.",
    "supra",
    "above",
    "hereafter cited as",
    "im Folgenden:",
    "(",
    ")",
    "[",
    "]",
    "‘",
    "’",
    "“",
    "”",
    "„",
    "«",
    "»",
    "\"",
    "'",
    ";",
    ",",
    ".",
    ":",
    "?",
    "!",
    "—",
    "–",
    "-",
    "/",
    "§",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\u{a0}",
    "¹",
    "²",
    "⁵",
    "1",
    "2",
    "12",
    "45",
    "1961",
    "2003",
    "371/12345",
    "FO",
    "CAB",
    "D.G.F.P.",
    "DBFP",
    "TNA",
    "Taylor",
    "Smith,",
    "A. J. P.",
    "Origins",
    "London",
    "(London, 1961)",
    "v",
    "AC",
    "[1932]",
    "Ü",
    "é",
    "ß",
    "日本",
    "😀",
    "I",
    "am",
    "was",
    "the",
    "of",
    "und",
    "der",
    "Notes",
    "References",
    "Chapter 2",
    "———.",
];

fn non_ws(s: &str) -> Vec<char> {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn main() {
    let iterations: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let seed: u64 = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15);
    let mut rng = Rng(seed | 1);
    let mut cites = 0usize;
    for it in 0..iterations {
        let len = rng.below(60);
        let mut doc = String::new();
        for _ in 0..len {
            if rng.below(10) == 0 {
                doc.push_str(&format!("\n{} ", rng.below(30) + 1));
            }
            doc.push_str(PIECES[rng.below(PIECES.len())]);
            if rng.below(3) == 0 {
                doc.push(' ');
            }
        }
        let text = MappedText::identity(&doc, 0);
        let breaks: Vec<usize> = (0..rng.below(3))
            .map(|_| rng.below(doc.len() + 2))
            .collect();
        let split = ibid_segment::split_notes(&text, &breaks);
        let mut got = Vec::new();
        for (note, label) in split.notes.iter().zip(&split.labels) {
            if let Some(l) = label {
                got.extend(non_ws(&doc[l.clone()]));
            }
            let t = note.text.as_str();
            got.extend(non_ws(t));
            assert!(!t.contains('\n'), "iteration {it}: multi-line note {t:?}");
            let mut prev = 0;
            for c in ibid_segment::split_citations(note) {
                assert!(
                    c.range.start >= prev && c.range.start < c.range.end && c.range.end <= t.len(),
                    "iteration {it}: {doc:?}"
                );
                assert!(t.is_char_boundary(c.range.start) && t.is_char_boundary(c.range.end));
                if let Some(l) = &c.locator {
                    assert!(
                        l.start >= c.range.start && l.end <= c.range.end && l.start < l.end,
                        "iteration {it}: {doc:?}"
                    );
                }
                prev = c.range.end;
                cites += 1;
            }
        }
        assert_eq!(
            got,
            non_ws(&doc),
            "iteration {it}: characters lost in {doc:?}"
        );
    }
    println!("{iterations} documents, {cites} citations, no failure");
}
