"""Parts of a session's Markdown write-up: a pane's headings put under its section,
and the self-assessment as a section of its own.

Pure text: the write-up (``storage/exchange.py``) and anything else that prints a
session share these rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sdi_desktop.domain.rubric import COMPETENCIES

if TYPE_CHECKING:
    from sdi_desktop.domain.rubric import Assessment

_ATX = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
MAX_LEVEL = 6


def demote_headings(markdown: str, under: int) -> str:
    """Shift the headings of ``markdown`` so that its shallowest one sits one level
    below a heading of level ``under`` (a pane's ``#`` under the write-up's ``###``
    becomes ``####``). Levels past six stay at six; fenced code is left alone."""
    lines = markdown.split("\n")
    fenced = _fenced_lines(lines)
    levels = [
        len(m.group(2)) for i, line in enumerate(lines) if not fenced[i] and (m := _ATX.match(line))
    ]
    if not levels:
        return markdown
    shift = under + 1 - min(levels)
    if shift <= 0:
        return markdown
    out = []
    for i, line in enumerate(lines):
        match = None if fenced[i] else _ATX.match(line)
        if match:
            level = min(MAX_LEVEL, len(match.group(2)) + shift)
            line = match.group(1) + "#" * level + line[match.end() :]
        out.append(line)
    return "\n".join(out)


def _fenced_lines(lines: list[str]) -> list[bool]:
    inside, fence, out = False, "", []
    for line in lines:
        match = _FENCE.match(line)
        if inside:
            out.append(True)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                inside = False
        elif match:
            inside, fence = True, match.group(1)
            out.append(True)
        else:
            out.append(False)
    return out


def assessment_markdown(assessment: Assessment | None, facts: list[str]) -> list[str]:
    """The "Self-assessment" section: a score per competency (with what it means), the
    reviewer points ticked, the note, and the facts the scores rest on."""
    lines = ["## Self-assessment", ""]
    if assessment is None:
        lines += ["Not assessed yet.", ""]
    else:
        lines += ["| Competency | Score | What it means |", "| --- | ---: | --- |"]
        for competency in COMPETENCIES:
            score = assessment.scores.get(competency.key)
            meaning = competency.levels[score - 1] if score else ""
            shown = f"{score} / 4" if score else "–"
            lines.append(f"| {competency.title} | {shown} | {meaning} |")
        average = assessment.average()
        if average is not None:
            lines += ["", f"Average: {average:.1f} / 4"]
        lines.append("")
        if assessment.reviewer_points:
            lines += ["Reviewer points covered:", ""]
            lines += [f"- {point}" for point in assessment.reviewer_points]
            lines.append("")
        if assessment.note.strip():
            lines += ["Note:", "", *(f"> {line}" for line in assessment.note.splitlines()), ""]
    if facts:
        lines += ["Facts from the session:", "", *(f"- {fact}" for fact in facts), ""]
    return lines
