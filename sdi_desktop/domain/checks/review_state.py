"""What the design review keeps with a session: the findings marked "Intended"
and the findings as they stood at each phase snapshot.

Stored as plain JSON-able data (``to_dict`` / ``from_dict``) under the key
``"design_review"`` of the session's per-feature store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sdi_desktop.domain.checks.findings import Finding

STATE_VERSION = 1
STORE_KEY = "design_review"  # the key in SessionRecord.extras

Key = tuple[str, tuple[str, ...], str | None]


class ReviewStateError(ValueError):
    """Stored review data that cannot be read; the message says what is wrong."""


@dataclass
class DesignReviewState:
    dismissed: set[Key] = field(default_factory=set)
    snapshots: dict[int, list[Finding]] = field(default_factory=dict)  # phase index -> findings

    # -- dismissals ----------------------------------------------------------------------
    def is_dismissed(self, finding: Finding) -> bool:
        return finding.key in self.dismissed

    def set_dismissed(self, finding: Finding, dismissed: bool) -> bool:
        """Mark or unmark one finding as intended; returns whether anything changed."""
        present = finding.key in self.dismissed
        if dismissed == present:
            return False
        if dismissed:
            self.dismissed.add(finding.key)
        else:
            self.dismissed.discard(finding.key)
        return True

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(still open, marked intended), each in the order given."""
        active: list[Finding] = []
        intended: list[Finding] = []
        for finding in findings:
            (intended if finding.key in self.dismissed else active).append(finding)
        return active, intended

    # -- snapshots ------------------------------------------------------------------------
    def record_snapshot(self, phase_index: int, findings: Iterable[Finding]) -> None:
        """The open findings when a phase ended (what review mode and comparisons show)."""
        self.snapshots[phase_index] = self.split(findings)[0]

    def latest_snapshot(self) -> list[Finding] | None:
        return self.snapshots[max(self.snapshots)] if self.snapshots else None

    # -- stored form ------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "dismissed": [
                {"rule": rule, "elements": list(elements), "pane": pane}
                for rule, elements, pane in sorted(
                    self.dismissed, key=lambda k: (k[0], k[1], k[2] or "")
                )
            ],
            "snapshots": {
                str(index): [f.to_dict() for f in findings]
                for index, findings in sorted(self.snapshots.items())
            },
        }

    @classmethod
    def from_dict(cls, data: Any) -> DesignReviewState:
        if not isinstance(data, dict):
            raise ReviewStateError("design review data must be a JSON object")
        if data.get("version") != STATE_VERSION:
            raise ReviewStateError(
                f"design review data version {data.get('version')!r} is not supported "
                f"(this app reads {STATE_VERSION})"
            )
        try:
            dismissed = {
                (
                    str(item["rule"]),
                    tuple(sorted(str(e) for e in item.get("elements", ()))),
                    None if item.get("pane") is None else str(item["pane"]),
                )
                for item in data.get("dismissed", ())
            }
            snapshots = {
                int(index): [Finding.from_dict(f) for f in findings]
                for index, findings in dict(data.get("snapshots", {})).items()
            }
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ReviewStateError(f"design review data is malformed: {exc}") from None
        return cls(dismissed, snapshots)
