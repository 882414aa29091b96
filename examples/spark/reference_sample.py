"""100,000-odd reference strings for tests and benchmarks.

When the annotated corpora are beside the repo (``../shared/data/train/*.jsonl``,
or instead the folder named by ``IBID_SHARED_DATA``; set it to a missing folder
to force the synthetic references) their reference strings are
sampled and recombined (half whole references, half the head of one joined to
the tail of another). Otherwise a small generator writes synthetic references
(books, articles, chapters, archival references, short forms, non-ASCII
names). Both are deterministic for a given seed. Nothing from the corpora is
stored in the repo: they are read at run time.

    python reference_sample.py 100000 refs.txt   # one reference a line
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path
from typing import List, Optional, Tuple

REPO = Path(__file__).resolve().parents[2]


def shared_train_dir() -> Optional[Path]:
    env = os.environ.get("IBID_SHARED_DATA")
    if env is not None:  # explicit: only there (a missing folder forces the synthetic generator)
        candidates = [Path(env) / "train", Path(env)] if env else []
    else:
        candidates = [REPO.parent / "shared" / "data" / "train"]
    for c in candidates:
        if c.is_dir() and any(c.glob("*.jsonl")):
            return c
    return None


def corpus_references(train: Path) -> List[str]:
    texts = []
    for path in sorted(train.glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip() and "\n" not in text:
                    texts.append(text)
    return texts


def _cut(text: str, rng: random.Random, head: bool) -> str:
    """The head or tail of a reference, cut at a space between 30% and 70%."""
    lo, hi = int(len(text) * 0.3), int(len(text) * 0.7)
    spaces = [i for i in range(lo, hi) if text[i] == " "]
    at = rng.choice(spaces) if spaces else len(text) // 2
    return text[:at] if head else text[at:]


def recombine(pool: List[str], n: int, seed: int) -> List[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        if rng.random() < 0.5:
            out.append(rng.choice(pool))
        else:
            a, b = rng.choice(pool), rng.choice(pool)
            out.append((_cut(a, rng, True) + _cut(b, rng, False)).strip() or a)
    return out


SURNAMES = [
    "Smith", "Taylor", "Brown", "Müller", "Schäfer", "Rossi", "Bianchi", "Dupont", "Lefèvre",
    "García", "Núñez", "Kowalski", "Nowák", "Ivanov", "Østergaard", "O'Brien", "van der Berg",
    "de la Cruz", "Yamada", "Zhang", "Papadopoulos", "Łukasiewicz", "Çelik", "Haraldsson",
]
GIVEN = ["A.", "J.", "M.", "K.", "P.", "E.", "J. A.", "A. J. P.", "Hans", "Maria", "Luca", "Anne"]
WORDS = [
    "history", "republic", "archives", "trade", "empire", "law", "church", "city", "war", "peace",
    "merchants", "Venice", "Florence", "the Baltic", "treaties", "diplomacy", "Renaissance", "courts",
    "reform", "Geschichte", "storia", "société", "economy", "nobility", "revolution", "colonies",
]
PLACES = ["London", "Oxford", "Cambridge", "Paris", "Berlin", "München", "Venezia", "Roma", "New York", "Leiden"]
PUBLISHERS = ["Clarendon Press", "Macmillan", "Routledge", "Gallimard", "Einaudi", "C. H. Beck", "Brill", "Penguin"]
JOURNALS = [
    "Journal of Modern History", "English Historical Review", "Past and Present", "Studi veneziani",
    "Historische Zeitschrift", "Annales", "Law and History Review",
]
ARCHIVES = ["Archivio di Stato di Venezia", "The National Archives", "Archives nationales", "Bundesarchiv"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)}, {rng.choice(GIVEN)}"


def _title(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(2, 7))]
    t = " ".join(words)
    return t[0].upper() + t[1:]


def synthetic_references(n: int, seed: int) -> List[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        kind = rng.random()
        year = rng.randint(1850, 2024)
        if kind < 0.35:
            authors = " and ".join(_name(rng) for _ in range(rng.randint(1, 3)))
            out.append(f"{authors}, {_title(rng)} ({rng.choice(PLACES)}: {rng.choice(PUBLISHERS)}, {year}).")
        elif kind < 0.65:
            vol, iss, p = rng.randint(1, 120), rng.randint(1, 6), rng.randint(1, 900)
            out.append(
                f"{_name(rng)} ({year}) '{_title(rng)}', {rng.choice(JOURNALS)} {vol}({iss}), pp. {p}-{p + rng.randint(5, 40)}."
            )
        elif kind < 0.8:
            out.append(
                f"{_name(rng)}, '{_title(rng)}', in {_name(rng)} (ed.), {_title(rng)}, {rng.choice(PLACES)} {year}, S. {rng.randint(1, 500)}."
            )
        elif kind < 0.92:
            out.append(f"{rng.choice(ARCHIVES)}, {_title(rng)}, b. {rng.randint(1, 400)}, fol. {rng.randint(1, 300)}r.")
        else:
            out.append(rng.choice(["Ibid., p. %d." % rng.randint(1, 400), f"{rng.choice(SURNAMES)}, op. cit., p. {rng.randint(1, 99)}."]))
    return out


def sample_references(n: int, seed: int = 7) -> Tuple[List[str], str]:
    """n reference strings and a line saying where they came from."""
    train = shared_train_dir()
    if train is not None:
        pool = corpus_references(train)
        if pool:
            return recombine(pool, n, seed), f"sampled/recombined from {len(pool)} references in {train}"
    return synthetic_references(n, seed), "SYNTHETIC references (../shared/data/train not found)"


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    refs, source = sample_references(count)
    print(f"reference source: {source}", file=sys.stderr)
    out = open(sys.argv[2], "w", encoding="utf-8") if len(sys.argv) > 2 else sys.stdout
    for r in refs:
        out.write(r.replace("\n", " ") + "\n")
