"""Marking a finding as intended (or not) as an undo step on the board's stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from sdi_desktop.domain.checks.findings import Finding


class MarkIntendedCommand(QUndoCommand):
    def __init__(
        self, finding: Finding, intended: bool, apply: Callable[[Finding, bool], None]
    ) -> None:
        super().__init__("Mark finding intended" if intended else "Mark finding not intended")
        self.finding = finding
        self.intended = intended
        self._apply = apply

    def redo(self) -> None:
        self._apply(self.finding, self.intended)

    def undo(self) -> None:
        self._apply(self.finding, not self.intended)
