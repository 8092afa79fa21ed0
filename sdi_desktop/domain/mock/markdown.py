"""A mock with a peer in the session's Markdown write-up: what was handed over, the hints
given, the remarks, and the assessments side by side (self and each other assessor)."""

from __future__ import annotations

from typing import Any

from sdi_desktop.domain.clock import format_duration
from sdi_desktop.domain.mock.log import EXTRAS_KEY, MockLog, MockLogError, differences
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.rubric import COMPETENCIES

KIND_TITLES = {"answer": "Answer", "scale": "Scale figure", "hint": "Hint", "remark": "Remark"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def mock_markdown(
    extras: dict[str, Any], own: dict | None = None, others: dict[str, dict] | None = None
) -> str:
    """The ``## Mock with a peer`` section, or "" for a session that was no mock."""
    others = others or {}
    try:
        log = MockLog.from_dict(extras[EXTRAS_KEY]) if EXTRAS_KEY in extras else None
    except MockLogError as exc:
        return f"## Mock with a peer\n\n(the mock's log cannot be read: {exc})\n"
    if log is None and not others:
        return ""
    log = log or MockLog()
    lines = ["## Mock with a peer", ""]
    if log.candidate or log.interviewer:
        lines += [f"- **Candidate:** {log.candidate or '?'}"]
        lines += [f"- **Interviewer:** {log.interviewer or '?'}"]
    if log.partner_session is not None:
        lines += [f"- **Roles swapped:** the partner's session is #{log.partner_session}"]
    lines.append("")
    if log.entries:
        lines += ["| Time | Phase | What | Text |", "| ---: | --- | --- | --- |"]
        for e in sorted(log.entries, key=lambda e: e.at):
            lines.append(
                f"| {format_duration(e.at)} | {PHASES[e.phase].short_title} "
                f"| {KIND_TITLES[e.kind]} | {_cell(e.text)} |"
            )
        lines.append("")
    if own or others:
        names = list(others)
        lines += ["### Assessments", ""]
        lines.append("| Competency | Self | " + " | ".join(n for n in names) + " |")
        lines.append("| --- | ---: |" + " ---: |" * len(names))
        own_scores = (own or {}).get("scores") or {}
        differing = set()
        for name in names:
            differing |= set(differences(own_scores, others[name].get("scores") or {}))
        for c in COMPETENCIES:
            cells = [str(own_scores.get(c.key, "–"))]
            cells += [str((others[n].get("scores") or {}).get(c.key, "–")) for n in names]
            title = f"**{c.title}** (differs)" if c.key in differing else c.title
            lines.append(f"| {title} | " + " | ".join(cells) + " |")
        lines.append("")
        for name in names:
            data = others[name]
            if data.get("facts"):
                lines += [f"**{name}, facts:** {data['facts']}", ""]
            for c in COMPETENCIES:
                note = (data.get("notes") or {}).get(c.key)
                if note:
                    lines.append(f"- {c.title}: {note}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
