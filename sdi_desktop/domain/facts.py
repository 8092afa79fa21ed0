"""Facts about a stored session, computed from what was recorded and never guessed.

Shown beside the self-assessment so the scores rest on something: time per phase
against its budget, overtime, checklist items left unticked, notes panes left
empty, the size of the board, the hints opened, and deep-dive blocks that weigh
fewer than two options.

Deep-dive blocks (the rule ``deep_dive_blocks`` applies to the deep-dive pane's
Markdown): a block starts at every heading of the shallowest heading level used
in the pane (``## Problem: hot keys``) and runs to the next one; text before the
first heading belongs to no block. Inside a block, an *option* is a deeper
heading, or a list item, whose text starts with the word "Option" (any case,
e.g. ``### Option A: hash the URL`` or ``- Option 2: counters``) and that says
something: words after its name ("Option A" is only a name), or for a heading,
text under it before the next heading. The template's empty "Option A" and
"Option B" headings are no options yet. A pane with no heading has no blocks. A block
*weighs a trade-off* when a line of text in it names one ("trade-off", "pros", "cons",
"downside", "costs", "versus", "vs"), or when a heading that does is followed by some
text in the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sdi_desktop.domain.clock import format_duration
from sdi_desktop.domain.hints import HINTS, REFERENCE_ANSWER
from sdi_desktop.domain.panes import PANE_TITLES
from sdi_desktop.domain.phases import PHASES

if TYPE_CHECKING:
    from sdi_desktop.domain.record import SessionRecord

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$")
_OPTION = re.compile(r"^\W*option\b", re.IGNORECASE)
# "Option", its name (a letter, a number or a short word) and punctuation: what is left
# after them is what the option says.
_OPTION_NAME = re.compile(r"^\W*option\b\s*(?:[A-Za-z]\b|\d+\b)?\s*[:.)\-\u2013\u2014]*\s*", re.I)
_FENCE = re.compile(r"^\s*(```|~~~)")
_TRADE_OFF = re.compile(
    r"trade[- ]?offs?|\bpros\b|\bcons\b|downsides?|drawbacks?|\bcosts?\b|\bversus\b|\bvs\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PhaseTime:
    key: str
    title: str
    spent: float  # seconds
    budget: float  # seconds

    @property
    def overtime(self) -> float:
        return max(0.0, self.spent - self.budget)


@dataclass(frozen=True)
class DeepDiveBlock:
    title: str
    options: int
    trade_off: bool = False


@dataclass(frozen=True)
class SessionFacts:
    phases: tuple[PhaseTime, ...]
    unchecked: tuple[tuple[str, str], ...]  # (phase title, checklist item)
    empty_panes: tuple[str, ...]  # pane titles
    components: int
    connectors: int
    hints_opened: tuple[str, ...]  # hint labels, in the order they were opened
    deep_dive_blocks: tuple[DeepDiveBlock, ...] = field(default=())

    @property
    def total_spent(self) -> float:
        return sum(p.spent for p in self.phases)

    @property
    def total_budget(self) -> float:
        return sum(p.budget for p in self.phases)

    @property
    def overtime(self) -> float:
        """Seconds over budget, summed over the phases that ran over."""
        return sum(p.overtime for p in self.phases)

    @property
    def phases_over(self) -> tuple[str, ...]:
        return tuple(p.title for p in self.phases if p.overtime > 0)

    @property
    def thin_deep_dives(self) -> tuple[DeepDiveBlock, ...]:
        """Deep-dive blocks with fewer than two options."""
        return tuple(b for b in self.deep_dive_blocks if b.options < 2)


def session_facts(record: SessionRecord) -> SessionFacts:
    """Everything the self-assessment shows beside the scores, from one stored session."""
    phases = tuple(
        PhaseTime(phase.key, phase.short_title, spent, budget)
        for phase, spent, budget in zip(PHASES, record.phase_seconds, record.budgets, strict=True)
    )
    unchecked = tuple(
        (phase.short_title, item)
        for phase in PHASES
        for index, item in enumerate(phase.checklist)
        if index not in set(record.checklist.get(phase.key, ()))
    )
    empty = tuple(
        title for key, title in PANE_TITLES.items() if not record.notes.get(key, "").strip()
    )
    kinds = [element.get("type") for element in record.board]
    labels = {h.key: h.label for h in (*HINTS, REFERENCE_ANSWER)}
    hints = tuple(labels.get(str(h.get("key")), str(h.get("key"))) for h in record.hints_opened)
    return SessionFacts(
        phases=phases,
        unchecked=unchecked,
        empty_panes=empty,
        components=kinds.count("component"),
        connectors=kinds.count("connector"),
        hints_opened=hints,
        deep_dive_blocks=deep_dive_blocks(record.notes.get("deep_dive", "")),
    )


def deep_dive_blocks(markdown: str) -> tuple[DeepDiveBlock, ...]:
    """The blocks of a deep-dive pane and how many options each weighs (rule above)."""
    lines = _outside_code(markdown.splitlines())
    headings = [m for line in lines if (m := _HEADING.match(line))]
    if not headings:
        return ()
    top = min(len(m.group(1)) for m in headings)
    blocks: list[list] = []  # [title, options, trade-off named, trade-off heading seen]
    for index, line in enumerate(lines):
        heading = _HEADING.match(line)
        if heading and len(heading.group(1)) == top:
            title = heading.group(2)
            blocks.append([title, 0, False, bool(_TRADE_OFF.search(title))])
            continue
        if not blocks:
            continue
        block = blocks[-1]
        text = heading.group(2) if heading else None
        if heading is None and line.strip():
            if block[3] or _TRADE_OFF.search(line):
                block[2] = True
        elif heading is not None and _TRADE_OFF.search(text):
            block[3] = True
        if text is None and (item := _LIST_ITEM.match(line)):
            text = item.group(1)
        if text is None or not _OPTION.match(text):
            continue
        said = bool(_OPTION_NAME.sub("", text, count=1).strip())
        if not said and heading:
            said = _has_body(lines, index + 1)
        if said:
            block[1] += 1
    return tuple(DeepDiveBlock(title, count, named) for title, count, named, _ in blocks)


def _has_body(lines: list[str], start: int) -> bool:
    """Whether any text stands between ``lines[start]`` and the next heading."""
    for line in lines[start:]:
        if _HEADING.match(line):
            return False
        if line.strip():
            return True
    return False


def _outside_code(lines: list[str]) -> list[str]:
    """The lines with fenced code blanked out (a ``# comment`` there is no heading)."""
    out, fenced = [], False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
            out.append("")
        else:
            out.append("" if fenced else line)
    return out


def describe(facts: SessionFacts) -> list[str]:
    """The facts as short sentences, for the rubric dialog and the Markdown of a review."""
    lines = []
    for phase in facts.phases:
        text = f"{phase.title}: {format_duration(phase.spent)} of {format_duration(phase.budget)}"
        if phase.overtime > 0:
            text += f" ({format_duration(phase.overtime)} over)"
        lines.append(text)
    lines.append(
        f"Total: {format_duration(facts.total_spent)} of {format_duration(facts.total_budget)}"
        + (f", {format_duration(facts.overtime)} over" if facts.overtime > 0 else "")
    )
    lines.append(f"Board: {facts.components} components, {facts.connectors} connections")
    lines.append(
        "Hints opened: " + (", ".join(facts.hints_opened) if facts.hints_opened else "none")
    )
    lines.append(
        "Empty notes panes: " + (", ".join(facts.empty_panes) if facts.empty_panes else "none")
    )
    lines.append(f"Checklist items left unticked: {len(facts.unchecked)}")
    blocks = facts.deep_dive_blocks
    thin = facts.thin_deep_dives
    if not blocks:
        lines.append("Deep dive: no blocks (no headings in the deep-dive pane)")
    else:
        lines.append(
            f"Deep dive: {len(blocks)} blocks, {len(thin)} with fewer than two options"
            + (": " + ", ".join(b.title for b in thin) if thin else "")
        )
    return lines
