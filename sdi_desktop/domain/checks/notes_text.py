"""Sections and list items of a notes pane, with the heading and list rules of
``domain/facts.py`` (the same regular expressions; fenced code is skipped)."""

from __future__ import annotations

import re
from typing import NamedTuple

from sdi_desktop.domain.facts import _HEADING, _LIST_ITEM, _outside_code

_INDENT = re.compile(r"^(\s*)")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s")
_WORD = re.compile(r"[a-z][a-z0-9]*")


class Item(NamedTuple):
    text: str
    indent: int
    numbered: bool


class Section(NamedTuple):
    title: str  # "" for the text before the first heading
    level: int  # 0 for that text
    lines: tuple[str, ...]

    def items(self) -> list[Item]:
        """The list items of the section's outermost list level."""
        found = [
            Item(m.group(1).strip(), len(_INDENT.match(line).group(1)), bool(_NUMBERED.match(line)))
            for line in self.lines
            if (m := _LIST_ITEM.match(line))
        ]
        if not found:
            return []
        outer = min(item.indent for item in found)
        return [item for item in found if item.indent == outer and item.text]

    def text_lines(self) -> list[str]:
        return [line.strip() for line in self.lines if line.strip()]


def sections(markdown: str) -> list[Section]:
    """A section per heading (any level), each holding the lines up to the next one."""
    out: list[Section] = []
    title, level, lines = "", 0, []
    for line in _outside_code(markdown.splitlines()):
        heading = _HEADING.match(line)
        if heading:
            if lines or level:
                out.append(Section(title, level, tuple(lines)))
            title, level, lines = heading.group(2), len(heading.group(1)), []
        else:
            lines.append(line)
    if lines or level:
        out.append(Section(title, level, tuple(lines)))
    return out


def matching(parts: list[Section], pattern: re.Pattern[str]) -> list[Section]:
    return [s for s in parts if s.level and pattern.search(s.title)]


def stem(word: str) -> str:
    """A crude English stem: lower case, plural endings dropped."""
    word = word.lower()
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + repl
    return word


def words(text: str) -> list[str]:
    """Words split on anything but letters and digits, camelCase and snake_case included."""
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
    return [stem(w) for w in _WORD.findall(spaced.lower())]


def related(a: str, b: str) -> bool:
    """Two stems that share a prefix of five letters (or all of the shorter one)."""
    short = min(len(a), len(b), 5)
    return short >= 3 and a[:short] == b[:short]
