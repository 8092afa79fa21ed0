"""Guessing a component's kind from its shape and the words of its label.

Excalidraw and draw.io shapes carry no type, so the importers guess one from
what a person would read: the label ("Redis", "Orders DB", "nginx") and, for
draw.io, the shape's style name (``shape=cylinder3``, ``mxgraph.aws4.rds``).
The vocabulary is quick-add's (``domain/board/kinds.py``: each kind's name, key,
aliases and product names), plus the product and cloud names of ``vocabulary.py``; the table in
``docs/interop.md`` lists them. A guess is always said to be a guess, with its
reason, so the report can show it and the user can change it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from sdi_desktop.domain.board.kinds import KINDS
from sdi_desktop.domain.interop.vocabulary import (
    EXTRA_WORDS,
    GENERIC_WORDS,
    ICON_LIBRARIES,
    SHAPE_KINDS,
    VENDOR_WORDS,
)

# How strongly a kind of word says what a thing is; the longest phrase wins first.
_PRODUCT, _NAME, _WORD = 3, 2, 1


class Guess(NamedTuple):
    kind: str
    reason: str  # e.g. "label word 'redis'", "shape cylinder3"


def words(text: str) -> list[str]:
    """Lower-case words: 'OrderDB (Postgres)' -> ['order', 'db', 'postgres']."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", text)
    return re.findall(r"[a-z0-9]+", text.lower())


@cache
def _vocabulary() -> dict[tuple[str, ...], tuple[int, str]]:
    """Phrase (as words) -> (strength, kind key); stronger entries win a clash."""
    table: dict[tuple[str, ...], tuple[int, str]] = {}

    def put(phrase: str, strength: int, key: str) -> None:
        ws = tuple(words(phrase))
        if ws and table.get(ws, (0, ""))[0] < strength:
            table[ws] = (strength, key)

    for kind in KINDS:
        if kind.key == "box":
            continue  # a box is no guess
        for alias in kind.aliases:
            put(alias, _WORD, kind.key)
        for name in (kind.label, kind.key.replace("_", " ")):
            put(name, _NAME, kind.key)
        for product in kind.products:
            put(product, _PRODUCT, kind.key)
    for key, phrases in EXTRA_WORDS.items():
        for phrase in phrases:
            strength = _NAME if " " in phrase else _PRODUCT
            put(phrase, _WORD if phrase in GENERIC_WORDS else strength, key)
    return table


@cache
def _longest_phrase() -> int:
    return max(len(p) for p in _vocabulary())


def guess_from_words(text: str) -> Guess | None:
    """The kind the words of ``text`` name, or None.

    The longest phrase wins ("auth service" over "service"), then the last one, since
    the head word of a name comes last ("Orders DB", "Stream consumer"), except that a
    product name beats a plain word after it ("Mongo DB", "Redis DB", "nginx LB"). Words
    in brackets count only when the rest names nothing: "CDN (301 cache)" is a CDN.
    """
    main = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    found = _best(words(main))
    if found is None and main != text:
        found = _best(words(text))
    if found is None:
        return None
    return Guess(found[1], f"label word {found[0]!r}")


def _best(ws: list[str]) -> tuple[str, str] | None:
    """(phrase, kind) of the best phrase in ``ws``: the longest, then the last; but a
    product name beats a plain word after it ("Mongo DB", "DynamoDB", "Redis DB")."""
    table = _vocabulary()
    hits: list[tuple[int, int, int, str, str]] = []  # length, start, strength, phrase, kind
    for start in range(len(ws)):
        for length in range(min(_longest_phrase(), len(ws) - start), 0, -1):
            phrase = tuple(ws[start : start + length])
            hit = table.get(phrase)
            if hit is None and length == 1 and len(phrase[0]) > 3 and phrase[0].endswith("s"):
                hit = table.get((phrase[0][:-1],))  # plural: "caches", "workers"
            if hit is not None:
                hits.append((length, start, hit[0], " ".join(phrase), hit[1]))
                break
    if not hits:
        return None
    best = max(hits, key=lambda h: (h[0], h[1], h[2]))
    if best[2] == _WORD:
        products = [h for h in hits if h[2] == _PRODUCT and h[0] >= best[0]]
        if products:
            best = max(products, key=lambda h: (h[0], h[1]))
    return best[3], best[4]


def guess_from_shape(name: str) -> Guess | None:
    """The kind a draw.io style or icon name says: 'cylinder3', 'mxgraph.aws4.rds',
    'img/lib/azure2/databases/Azure_Cosmos_DB.svg'."""
    lowered = name.strip().lower()
    if not lowered:
        return None
    if lowered in SHAPE_KINDS:
        return Guess(SHAPE_KINDS[lowered], f"shape {name}")
    if lowered.startswith("cylinder"):
        return Guess("sql_db", f"shape {name}")
    if not lowered.startswith(ICON_LIBRARIES):
        return None  # a plain shape ("process", "document") says nothing of a kind
    stem = name.strip().rsplit("/", 1)[-1]
    stem = re.sub(r"\.(svg|png|jpe?g|gif)$", "", stem, flags=re.IGNORECASE)
    meaningful = [w for w in words(stem.replace(".", " ")) if w not in VENDOR_WORDS]
    if not meaningful:
        return None
    found = guess_from_words(" ".join(meaningful))
    return None if found is None else Guess(found.kind, f"shape {name}")


def vocabulary_markdown() -> str:
    """The guessing table of docs/interop.md (a test keeps the two the same)."""
    by_kind: dict[str, list[str]] = {}
    for phrase, (_strength, key) in sorted(_vocabulary().items()):
        by_kind.setdefault(key, []).append(" ".join(phrase))
    shapes: dict[str, list[str]] = {}
    for name, key in SHAPE_KINDS.items():
        shapes.setdefault(key, []).append(name)
    rows = ["| Kind | Label words | draw.io shapes |", "| --- | --- | --- |"]
    for kind in KINDS:
        if kind.key == "box":
            continue
        label_words = ", ".join(f"`{w}`" for w in by_kind.get(kind.key, []))
        shape_names = ", ".join(f"`{s}`" for s in shapes.get(kind.key, []))
        if kind.key == "sql_db":
            shape_names += ", `cylinder*`"
        rows.append(f"| {kind.label} (`{kind.key}`) | {label_words} | {shape_names.strip(', ')} |")
    return "\n".join(rows) + "\n"
