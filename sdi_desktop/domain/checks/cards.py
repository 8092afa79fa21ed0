"""Rule cards: what each design check looks for, why, how to fix it, when it is wrong.

A card is data. The checks attach their card's id and severity to every finding,
the review panel shows the card under "Why", and ``docs/design-checks.md`` is
generated from the cards (``python -m sdi_desktop.domain.checks.docs_page``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["problem", "warning", "note"]
SEVERITIES: tuple[Severity, ...] = ("problem", "warning", "note")  # most serious first
SEVERITY_TITLES = {"problem": "Problems", "warning": "Warnings", "note": "Notes"}


@dataclass(frozen=True)
class RuleCard:
    id: str  # stable, kebab-case: stored with dismissals and printed by the CLI
    title: str
    scope: Literal["board", "process"]  # the whiteboard, or the notes panes
    severity: Severity
    detects: str
    why: str
    fix: str
    false_positives: str
    # the phase whose work it checks: the live review skips phases not reached yet
    phase: str = "high_level"

    def as_text(self) -> str:
        """The card as plain paragraphs (tooltips, the panel's Why)."""
        return "\n\n".join(
            (
                f"{self.title} ({self.severity})",
                f"What it detects: {self.detects}",
                f"Why it matters: {self.why}",
                f"How to fix it: {self.fix}",
                f"Known false positives: {self.false_positives}",
            )
        )


def severity_rank(severity: str) -> int:
    """0 for a problem, 1 for a warning, 2 for a note (sort key)."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)
