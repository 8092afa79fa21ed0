"""Quick-add matching: typing "lb", "redis" or "queue" finds the component meant."""

from __future__ import annotations

from typing import NamedTuple

from sdi_desktop.domain.board.kinds import KINDS, ComponentKind


class Match(NamedTuple):
    kind: ComponentKind
    score: int
    label: str  # what the placed component is called ("Redis" for "redis")


def _initials(text: str) -> str:
    return "".join(word[0] for word in text.replace("/", " ").replace("-", " ").split() if word)


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def _score_text(query: str, text: str) -> int:
    """How well ``query`` matches one name; 0 for no match."""
    text = text.lower()
    if query == text:
        return 100
    if text.startswith(query):
        return 80
    if any(word.startswith(query) for word in text.replace("/", " ").split()):
        return 70
    if len(query) >= 2 and _initials(text) == query:
        return 75
    if query in text:
        return 50
    if len(query) >= 3 and _is_subsequence(query, text):
        return 20
    return 0


def matches(query: str, limit: int = 8) -> list[Match]:
    """Components matching ``query``, best first (ties keep library order)."""
    query = query.strip().lower()
    if not query:
        return [Match(k, 0, k.label) for k in KINDS][:limit]
    found: list[tuple[int, int, Match]] = []
    for order, kind in enumerate(KINDS):
        best = Match(kind, 0, kind.label)
        for name in (kind.label, kind.key.replace("_", " ")):
            best = max(
                best, Match(kind, _score_text(query, name), kind.label), key=lambda m: m.score
            )
        for alias in kind.aliases:
            score = _score_text(query, alias) - 5  # a little below the kind's own name
            if score > best.score:
                best = Match(kind, score, kind.label)
        for product in kind.products:
            score = _score_text(query, product)
            if score > best.score:
                best = Match(kind, score, product)
        if best.score > 0:
            found.append((-best.score, order, best))
    found.sort(key=lambda item: (item[0], item[1]))
    return [m for _, _, m in found[:limit]]


def best_match(query: str) -> Match | None:
    found = matches(query, limit=1)
    return found[0] if found and query.strip() else None
