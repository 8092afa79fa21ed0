"""The tabbed notes area: one rich-text pane per part of the write-up."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabWidget, QWidget

from sdi_desktop.domain.panes import PANES as DOMAIN_PANES
from sdi_desktop.domain.panes import Pane
from sdi_desktop.ui.notes.pane import NotesPane
from sdi_desktop.ui.notes.rich_text_edit import RichTextEdit


class PaneSpec(NamedTuple):
    """A pane as the window shows it: the domain's pane, its object name and its hint."""

    pane: Pane
    object_name: str
    placeholder: str

    @property
    def key(self) -> str:
        return self.pane.key

    @property
    def title(self) -> str:
        return self.pane.title

    @property
    def phase_key(self) -> str:
        return self.pane.phase_key


_UI = {  # key -> (object name, hint shown while empty)
    "requirements": (
        "notesRequirements",
        "Functional requirements (3-4 core ones), non-functional requirements that matter "
        "most, what is out of scope, assumptions. Type # for a heading, - for a list.",
    ),
    "estimates": (
        "notesEstimates",
        "Back-of-the-envelope numbers: users, requests per second, storage, bandwidth.",
    ),
    "api": (
        "notesApi",
        "The endpoints or calls the core features need: method, path, request, response.",
    ),
    "data_model": (
        "notesDataModel",
        "Entities, their fields and keys, and which store holds each.",
    ),
    "deep_dive": (
        "notesDeepDive",
        "For each issue: the problem, at least two options, their trade-offs, the decision.",
    ),
    "wrap_up": (
        "notesWrapUp",
        "Summary, what makes this problem special, how the design answers it, its limits.",
    ),
}
PANES: tuple[PaneSpec, ...] = tuple(PaneSpec(p, *_UI[p.key]) for p in DOMAIN_PANES)


class NotesArea(QTabWidget):
    """Holds the six notes panes; brings forward the pane of the current phase.

    ``panes[key]`` is the pane's text edit (the object carrying the contract's
    name); ``containers[key]`` is the widget around it (toolbar, find bar, footer).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesTabs")
        self.setDocumentMode(True)
        self.follow_action = QAction("Follow phase", self)
        self.follow_action.setObjectName("actionNotesFollowPhase")
        self.follow_action.setCheckable(True)
        self.follow_action.setChecked(True)
        self.follow_action.setToolTip(
            "Bring the current phase's pane forward when the phase changes"
        )
        self.panes: dict[str, RichTextEdit] = {}
        self.containers: dict[str, NotesPane] = {}
        for spec in PANES:
            container = NotesPane(spec.key, self.follow_action)
            edit = container.edit
            edit.setObjectName(spec.object_name)
            edit.setAccessibleName(f"{spec.title} notes")
            edit.setPlaceholderText(spec.placeholder)
            self.panes[spec.key] = edit
            self.containers[spec.key] = container
            self.addTab(container, spec.title)
        self.containers[PANES[0].key].defer_chrome = True

    def follow_gate(self, gate) -> None:
        """Every pane follows the open session's ``EditGate`` (read-only in review)."""
        for container in self.containers.values():
            container.follow_gate(gate)

    def minimumSizeHint(self):
        """One minimum width, whatever the panes hold (see ui/workspace/panels.py)."""
        from PySide6.QtCore import QSize

        from sdi_desktop.ui.workspace.panels import NOTES_MIN_WIDTH

        return QSize(NOTES_MIN_WIDTH, super().minimumSizeHint().height())

    @property
    def follows_phase(self) -> bool:
        return self.follow_action.isChecked()

    def show_phase(self, phase_key: str) -> None:
        """Bring forward the first pane that belongs to ``phase_key`` (unless turned off)."""
        if not self.follows_phase:
            return
        for index, spec in enumerate(PANES):
            if spec.phase_key == phase_key:
                self.setCurrentIndex(index)
                return

    def current_pane(self) -> RichTextEdit:
        return self.currentWidget().edit

    # -- stored form (Markdown per pane) ------------------------------------------------------
    def to_markdown_dict(self) -> dict[str, str]:
        return {key: edit.to_markdown() for key, edit in self.panes.items()}

    def load_markdown_dict(self, texts: dict[str, str]) -> None:
        """Fill the panes from ``texts``; panes missing from it are emptied."""
        for key, edit in self.panes.items():
            edit.set_markdown(texts.get(key, ""))

    def export_markdown(self) -> str:
        """All non-empty panes, one ``##`` section each; a pane's top headings become ``###``."""
        from sdi_desktop.ui.notes.markdown_writer import top_heading_level

        sections = []
        for spec in PANES:
            edit = self.panes[spec.key]
            offset = 3 - top_heading_level(edit.document())
            body = edit.to_markdown(heading_offset=offset).strip()
            if body:
                sections.append(f"## {spec.title}\n\n{body}\n")
        return "\n".join(sections)
