"""The tabbed notes area: one pane per part of the write-up."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import QTabWidget, QTextEdit, QWidget


class PaneSpec(NamedTuple):
    key: str
    object_name: str
    title: str
    placeholder: str
    phase_key: str  # the phase this pane belongs to


PANES: tuple[PaneSpec, ...] = (
    PaneSpec(
        "requirements",
        "notesRequirements",
        "Requirements",
        "Functional requirements (3-4 core ones), non-functional requirements that matter "
        "most, what is out of scope, assumptions.",
        "scope",
    ),
    PaneSpec(
        "estimates",
        "notesEstimates",
        "Estimates",
        "Back-of-the-envelope numbers: users, requests per second, storage, bandwidth.",
        "scope",
    ),
    PaneSpec(
        "api",
        "notesApi",
        "API",
        "The endpoints or calls the core features need: method, path, request, response.",
        "high_level",
    ),
    PaneSpec(
        "data_model",
        "notesDataModel",
        "Data model",
        "Entities, their fields and keys, and which store holds each.",
        "high_level",
    ),
    PaneSpec(
        "deep_dive",
        "notesDeepDive",
        "Deep dive",
        "For each issue: the problem, at least two options, their trade-offs, the decision.",
        "deep_dive",
    ),
    PaneSpec(
        "wrap_up",
        "notesWrapUp",
        "Wrap-up",
        "Summary, what makes this problem special, how the design answers it, its limits.",
        "wrap_up",
    ),
)


class NotesArea(QTabWidget):
    """Holds the six notes panes; brings forward the pane of the current phase."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesTabs")
        self.setDocumentMode(True)
        self.panes: dict[str, QTextEdit] = {}
        for spec in PANES:
            edit = QTextEdit()
            edit.setObjectName(spec.object_name)
            edit.setAccessibleName(f"{spec.title} notes")
            edit.setPlaceholderText(spec.placeholder)
            edit.setTabChangesFocus(False)
            self.panes[spec.key] = edit
            self.addTab(edit, spec.title)

    def show_phase(self, phase_key: str) -> None:
        """Bring forward the first pane that belongs to ``phase_key``."""
        for index, spec in enumerate(PANES):
            if spec.phase_key == phase_key:
                self.setCurrentIndex(index)
                return
