"""What a check reports: one finding per thing wrong, naming the elements concerned."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sdi_desktop.domain.checks.cards import SEVERITIES, Severity, severity_rank


@dataclass(frozen=True)
class Finding:
    rule: str  # the rule card's id
    severity: Severity
    message: str
    elements: tuple[str, ...] = ()  # board element ids; empty for notes findings
    pane: str | None = None  # the notes pane concerned, for process rules

    @property
    def key(self) -> tuple[str, tuple[str, ...], str | None]:
        """What a dismissal remembers: the rule and the items (not the wording)."""
        return (self.rule, tuple(sorted(self.elements)), self.pane)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "elements": list(self.elements),
        }
        if self.pane is not None:
            data["pane"] = self.pane
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        severity = data.get("severity")
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity!r}")
        pane = data.get("pane")
        return cls(
            rule=str(data["rule"]),
            severity=severity,
            message=str(data.get("message", "")),
            elements=tuple(str(e) for e in data.get("elements", ())),
            pane=None if pane is None else str(pane),
        )


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Problems first, then warnings, then notes; stable within a severity."""
    return sorted(findings, key=lambda f: severity_rank(f.severity))


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts


@dataclass(frozen=True)
class Hit:
    """What a rule function yields; the registry adds the card's id and severity."""

    message: str
    elements: tuple[str, ...] = ()
    pane: str | None = None
