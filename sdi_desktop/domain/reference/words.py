"""Words of a text for rough matching: lower case, common endings cut, filler dropped.

Everything matched this way is a guess, and the views say so.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    _WORD.findall(
        """a an and are as at be by can do does for from has have how i if in into is it its
        of on or our so that the their them then there these they this to up us was we were
        what when where which while who why will with without you your yours each every any
        all one only not no more most than very just also e g eg per via over under about
        would could should may might must"""
    )
)
_ENDINGS = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "ly", "s")


def stem(word: str) -> str:
    """A crude stem: enough that "caches", "caching" and "cached" meet as "cach"."""
    for ending in _ENDINGS:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def words(text: str) -> list[str]:
    """The content words of ``text``, stemmed, in order (repeats kept)."""
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


def word_set(text: str) -> frozenset[str]:
    return frozenset(words(text))


def overlap(wanted: frozenset[str], found: frozenset[str]) -> float:
    """The share of ``wanted`` words that are in ``found`` (0 when nothing is wanted)."""
    return len(wanted & found) / len(wanted) if wanted else 0.0
