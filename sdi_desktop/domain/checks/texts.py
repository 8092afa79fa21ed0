"""The design review in words: for the facts beside the self-assessment, the
comparison of two attempts and the Markdown write-up of a session."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sdi_desktop.domain.checks.cards import SEVERITIES
from sdi_desktop.domain.checks.findings import Finding, count_by_severity, sort_findings
from sdi_desktop.domain.checks.registry import CARDS

_NAMES = {
    "problem": ("problem", "problems"),
    "warning": ("warning", "warnings"),
    "note": ("note", "notes"),
}


def _plural(count: int, severity: str) -> str:
    one, many = _NAMES[severity]
    return f"{count} {one if count == 1 else many}"


def summary(findings: Iterable[Finding]) -> str:
    """'1 problem, 2 warnings, no notes' (or 'no findings')."""
    counts = count_by_severity(list(findings))
    if not any(counts.values()):
        return "no findings"
    return ", ".join(_plural(counts[s], s) for s in SEVERITIES if counts[s])


def facts_line(findings: Iterable[Finding], intended: int = 0) -> str:
    """One line for the facts beside the self-assessment."""
    text = f"Design review: {summary(findings)}"
    if intended:
        text += f" ({intended} marked intended)"
    return text


def compare_line(before: Iterable[Finding], after: Iterable[Finding]) -> str:
    """'3 problems then, 1 now; 2 warnings then, 2 now' for two attempts."""
    then, now = count_by_severity(list(before)), count_by_severity(list(after))
    parts = [f"{_plural(then[s], s)} then, {now[s]} now" for s in SEVERITIES if then[s] or now[s]]
    return "Design review: " + ("; ".join(parts) if parts else "no findings then or now")


def markdown_section(findings: Iterable[Finding], intended: Iterable[Finding] = ()) -> str:
    """A '## Design review' section: each open finding with its rule, then the intended ones."""
    open_ = sort_findings(list(findings))
    marked = sort_findings(list(intended))
    lines = ["## Design review", "", f"{summary(open_).capitalize()}.", ""]
    for finding in open_:
        card = CARDS.get(finding.rule)
        title = card.title if card is not None else finding.rule
        lines.append(f"- **{finding.severity}** ({title}, `{finding.rule}`): {finding.message}")
        if card is not None:
            lines.append(f"  How to fix it: {card.fix}")
    if marked:
        lines += ["", "Marked intended:", ""]
        lines += [f"- {f.severity} `{f.rule}`: {f.message}" for f in marked]
    return "\n".join(lines).rstrip() + "\n"


def findings_json(findings: Iterable[Finding]) -> str:
    """A JSON array: rule, severity, message, elements (and pane, title) per finding."""
    out = []
    for finding in sort_findings(list(findings)):
        data = finding.to_dict()
        card = CARDS.get(finding.rule)
        data["title"] = card.title if card is not None else finding.rule
        out.append(data)
    return json.dumps(out, indent=2, ensure_ascii=False)


def findings_text(title: str, findings: Iterable[Finding], intended: Iterable[Finding] = ()) -> str:
    """The findings as lines for a terminal, most serious first."""
    open_ = sort_findings(list(findings))
    marked = list(intended)
    lines = [f"{title}: {summary(open_)}"]
    for finding in open_:
        where = ", ".join(finding.elements) if finding.elements else finding.pane or ""
        lines.append(
            f"  {finding.severity:<8} {finding.rule}: {finding.message}"
            + (f" [{where}]" if where else "")
        )
    if marked:
        lines.append(f"  ({len(marked)} marked intended, not shown)")
    return "\n".join(lines)
