"""A problem, and its reference answer, as Markdown (``sdi-desktop problems show``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sdi_desktop.domain.reference.estimates import estimate_lines, scale_lines

if TYPE_CHECKING:
    from sdi_desktop.domain.problems.model import Problem
    from sdi_desktop.domain.problems.reference import Reference

QUALITY_TITLES = {
    "scale": "Scale",
    "performance": "Performance",
    "availability": "Availability",
    "consistency": "Consistency",
    "accuracy": "Accuracy",
    "freshness": "Freshness",
    "security": "Security",
    "durability": "Durability",
}


def esc(text: str) -> str:
    """Plain text made safe in Markdown: "~1,200/s ... ~115,000" is no strike-through,
    "p99 <50 ms" no tag, "*" no emphasis."""
    for ch in "\\~*<":
        text = text.replace(ch, "\\" + ch)
    return text


def cell(text: str) -> str:
    """Text that is safe inside a Markdown table cell."""
    return " ".join(esc(text).replace("|", "\\|").split())


def _bullets(items) -> list[str]:
    return [f"- {esc(item)}" for item in items]


def problem_markdown(problem: Problem, with_reference: bool = False) -> str:
    """The problem as an interviewer's brief; with ``with_reference`` its reference too."""
    lines = [f"# {esc(problem.title)}", ""]
    lines += [f"`{problem.id}` · {problem.difficulty} · {', '.join(problem.tags)}", ""]
    lines += [*(f"> {esc(line)}" for line in problem.prompt.strip().splitlines()), ""]
    lines += ["## Clarifying questions", "", *_bullets(problem.clarifying_questions), ""]
    lines += ["## Suggested scale", ""]
    lines += [f"- **{name}:** {esc(text)}" for name, text in scale_lines(problem)] + [""]
    lines += ["## Functional requirements", "", *_bullets(problem.functional_requirements), ""]
    lines += ["## Non-functional requirements", ""]
    lines += [*_bullets(problem.non_functional_requirements), ""]
    lines += ["## Components", "", *_bullets(problem.components), ""]
    lines += ["## Deep dives", ""]
    for dive in problem.deep_dives:
        lines += [f"### {esc(dive.topic)}", "", esc(dive.concern), ""]
        lines += [f"- **{esc(o.name)}:** {esc(o.trade_offs)}" for o in dive.options] + [""]
    lines += ["## Follow-up questions", "", *_bullets(problem.follow_up_questions), ""]
    lines += ["## Pitfalls", "", *_bullets(problem.pitfalls), ""]
    lines += ["## What a reviewer listens for", "", *_bullets(problem.reviewer_points), ""]
    if with_reference:
        if problem.reference is None:
            lines += ["## Reference answer", "", "This problem has no reference answer yet.", ""]
        else:
            lines += reference_markdown_lines(problem, level=2)
    return "\n".join(lines).rstrip() + "\n"


def reference_markdown_lines(problem: Problem, level: int = 2) -> list[str]:
    """The reference answer, its headings starting at ``level``."""
    ref = problem.reference
    assert ref is not None
    h, hh = "#" * level, "#" * (level + 1)
    lines = [f"{h} Reference answer", "", esc(ref.summary), ""]
    lines += [f"{hh} Requirements", "", *requirements_lines(ref), ""]
    lines += [f"{hh} Estimates", "", *estimates_lines(problem), ""]
    lines += [f"{hh} API", "", *api_lines(ref), ""]
    lines += [f"{hh} Data model", "", *data_model_lines(ref), ""]
    lines += [f"{hh} Board", "", *board_lines(ref), ""]
    lines += [f"{hh} Deep dives", "", *deep_dive_lines(ref), ""]
    lines += [f"{hh} Wrap-up", "", *wrap_up_lines(ref), ""]
    lines += [f"{hh} Expected at each level", "", *levels_lines(ref), ""]
    return lines


def requirements_lines(ref: Reference) -> list[str]:
    lines = ["**Core features**", "", *_bullets(ref.core_features), ""]
    lines += ["**Out of scope**", "", *_bullets(ref.out_of_scope), ""]
    lines += ["**Qualities, most important first**", ""]
    for rank, q in enumerate(ref.qualities, 1):
        target = f" (**{esc(q.target)}**)" if q.target else ""
        lines.append(f"{rank}. **{QUALITY_TITLES[q.quality]}:** {esc(q.requirement)}{target}")
    return lines


def estimates_lines(problem: Problem) -> list[str]:
    computed = estimate_lines(problem)
    if computed:
        rows = ["| Figure | Arithmetic | Result |", "| --- | --- | ---: |"]
        rows += [f"| {cell(e.name)} | {cell(e.formula)} | {cell(e.value)} |" for e in computed]
        return rows
    lines = ["The figures to design for (from the problem's suggested scale):", ""]
    return lines + [f"- **{name}:** {esc(text)}" for name, text in scale_lines(problem)]


def api_lines(ref: Reference) -> list[str]:
    rows = ["| Call | Purpose | Request | Response |", "| --- | --- | --- | --- |"]
    for e in ref.api:
        rows.append(
            f"| `{e.method} {cell(e.path)}` | {cell(e.purpose)} | {cell(e.request or '')} "
            f"| {cell(e.response or '')} |"
        )
    return rows


def data_model_lines(ref: Reference) -> list[str]:
    from sdi_desktop.domain.board.kinds import kind

    rows = ["| Entity | Key | Fields | Store | Why |", "| --- | --- | --- | --- | --- |"]
    for e in ref.data_model:
        rows.append(
            f"| {cell(e.entity)} | {cell(e.key)} | {cell(', '.join(e.fields))} "
            f"| {kind(e.store).label} | {cell(e.why)} |"
        )
    return rows


def board_lines(ref: Reference) -> list[str]:
    """The reference board in words: zones, components, then connections."""
    from sdi_desktop.domain.board.elements import Component, Connector, Zone
    from sdi_desktop.domain.board.file_format import from_data
    from sdi_desktop.domain.board.kinds import kind

    elements = from_data(ref.board)
    names = {e.id: e.label or kind(e.kind).label for e in elements if isinstance(e, Component)}
    lines = []
    zones = [e.title for e in elements if isinstance(e, Zone)]
    if zones:
        lines += [f"Zones: {esc(', '.join(zones))}.", ""]
    lines += ["**Components**", ""]
    for e in elements:
        if isinstance(e, Component):
            note = f": {esc(e.note)}" if e.note else ""
            label = kind(e.kind).label
            what = "" if names[e.id].lower() == label.lower() else f" ({label})"
            lines.append(f"- **{esc(names[e.id])}**{what}{note}")
    lines += ["", "**Connections**", ""]
    for e in elements:
        if isinstance(e, Connector):
            arrow = {"both": "↔", "none": "—"}.get(e.arrows, "→")
            label = f": {esc(e.label)}" if e.label else ""
            style = "async" if e.style == "async" else "sync"
            ends = f"{esc(names[e.source])} {arrow} {esc(names[e.target])}"
            lines.append(f"- {ends} ({style}){label}")
    return lines


def deep_dive_lines(ref: Reference) -> list[str]:
    return [f"- **{esc(p.topic)}:** {esc(p.pick)}. {esc(p.why)}" for p in ref.deep_dives]


def wrap_up_lines(ref: Reference) -> list[str]:
    w = ref.wrap_up
    lines = [f"**What is special here:** {esc(w.special)}", "", "**How the design meets it**"]
    lines.append("")
    lines += [*_bullets(w.how_met), "", "**Its limits**", "", *_bullets(w.limits)]
    return lines


def levels_lines(ref: Reference) -> list[str]:
    lv = ref.levels
    return [f"- **{title}:** {esc(text)}" for title, text in
            (("Mid", lv.mid), ("Senior", lv.senior), ("Staff", lv.staff))]  # fmt: skip
