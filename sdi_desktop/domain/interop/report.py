"""What an import produced and what it says about it: counts, guesses and warnings.

An importer returns an ``ImportResult``: the board's own elements (built and
validated through the board codec) and an ``ImportReport`` a person can read.
Bad input never gets this far: it is an ``InteropError`` whose message names the
file and the problem.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sdi_desktop.domain.board.elements import Element


class InteropError(ValueError):
    """A diagram file that cannot be imported; the message names the file and why."""


@dataclass
class ImportReport:
    source: str = ""  # the file's name (or "clipboard")
    format: str = ""  # "excalidraw", "drawio"
    components: int = 0
    connectors: int = 0
    zones: int = 0
    notes: int = 0
    strokes: int = 0
    guessed: int = 0  # components whose kind was guessed (not stored in the file)
    kept_from_file: int = 0  # components whose kind the file itself carried
    images: int = 0  # images left out
    left_out: Counter = field(default_factory=Counter)  # other elements left out, by type
    warnings: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # draw.io page names
    page: int = 0  # the page read (0-based)
    guesses: dict[str, str] = field(default_factory=dict)  # element id -> why this kind

    @property
    def left_out_total(self) -> int:
        return self.images + sum(self.left_out.values())

    def summary(self) -> str:
        """One line: '12 components, 9 connectors (7 kinds guessed), 2 images left out'."""
        parts = [_count(self.components, "component"), _count(self.connectors, "connector")]
        if self.zones:
            parts.append(_count(self.zones, "zone"))
        if self.notes:
            parts.append(_count(self.notes, "text note"))
        if self.strokes:
            parts.append(_count(self.strokes, "drawing", "drawings"))
        text = ", ".join(parts)
        text += f"; {self.guessed} {'kind' if self.guessed == 1 else 'kinds'} guessed"
        left = []
        if self.images:
            left.append(_count(self.images, "image"))
        left += [_count(n, what) for what, n in sorted(self.left_out.items())]
        if left:
            text += f"; left out: {', '.join(left)}"
        if self.warnings:
            text += f"; {_count(len(self.warnings), 'warning')}"
        if len(self.pages) > 1:
            text += f" (page {self.page + 1} of {len(self.pages)}: {self.pages[self.page]!r})"
        return text


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


@dataclass
class ImportResult:
    elements: list[Element]
    report: ImportReport
