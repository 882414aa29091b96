"""Shared fixtures: reference strings written for these tests."""

import pytest

TAYLOR = "Taylor, A. J. P., The Origins of the Second World War (London, 1961)."

REFERENCES = [
    TAYLOR,
    "Smith, John. A History of the Roman Republic. Oxford: Clarendon Press, 1990.",
    "Brown, M. and Green, P. (2004) 'Trade routes of the Hanseatic League', Journal of Economic History 64(2), pp. 301-330.",
    "Archivio di Stato di Venezia, Senato Mar, reg. 12, fol. 34v.",
    "Müller, Jürgen. Geschichte der Stadt Köln im Mittelalter. Köln: Böhlau, 1975.",
    "Иванов, И. И. История России. Москва: Наука, 1985.",
    "山田太郎『日本の歴史』東京：岩波書店、2001年。",
    "",
    "Ibid., p. 91.",
]


def numbered_references(n):
    """n distinct references, each with its own author name and year (no other 4-digit number)."""
    return [
        f"{letters(i)}son, Alpha. The Collected Papers, Volume {i % 97 + 1}. London: Macmillan, {1500 + i % 500}."
        for i in range(n)
    ]


def letters(i):
    """A distinct capitalised name for each number: 0 -> "Ka", 12 -> "Kbc"."""
    return "K" + "".join("abcdefghij"[int(d)] for d in str(i))


@pytest.fixture
def refs():
    return list(REFERENCES)
