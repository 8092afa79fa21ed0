"""The side panel: the current phase's purpose, checklist and tips."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.clock import format_duration
from sdi_desktop.domain.edit_gate import EditGate
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.session import Checklist

if TYPE_CHECKING:  # annotations only: the first paint need not wait on them
    from PySide6.QtGui import QMouseEvent


class WrappingCheckBox(QWidget):
    """A check box whose text wraps (QCheckBox's own text never does).

    Clicking the text toggles the box, as it would with a plain QCheckBox.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox()
        self.box.setAccessibleName(text)
        # Keyboard users reach the box with Tab; a mouse click does not take focus,
        # so Space keeps starting and pausing the clock after ticking an item.
        self.box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setBuddy(self.box)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def text(self) -> str:
        return self.label.text()

    def add_link(self, text: str, slot) -> QLabel:
        """A link under the text that opens what the item asks for (e.g. the design review)."""
        link = QLabel(f'<a href="open">{text}</a>')
        link.setObjectName("checklistLink")
        link.setWordWrap(True)  # else a long link widens the column past the panel
        link.linkActivated.connect(lambda _href: slot())
        self.layout().removeWidget(self.label)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(self.label)
        column.addWidget(link)
        self.layout().addLayout(column, 1)
        return link

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.label.geometry().contains(
            event.position().toPoint()
        ):
            self.box.toggle()
            event.accept()
            return
        super().mouseReleaseEvent(event)


class PhaseChecklistPanel(QScrollArea):
    """Shows one phase at a time; ticking a box updates the session's checklist."""

    itemToggled = Signal(str, int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gate = EditGate()  # the open session's: the window passes it
        self.setObjectName("phaseChecklist")
        self.setAccessibleName("Phase guidance and checklist")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(240)
        self._checklist = Checklist()
        self._index = 0
        self._boxes: list[QCheckBox] = []
        self._rows: list[WrappingCheckBox] = []
        # (phase key, item index) -> (link text, slot): a link shown under that item
        self.item_links: dict[tuple[str, int], tuple[str, object]] = {}

        body = QWidget()
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self._layout.setSpacing(8)
        self._step = QLabel()
        self._step.setObjectName("phaseStep")
        self._title = QLabel()
        self._title.setObjectName("phaseTitle")
        self._title.setWordWrap(True)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self._title.setFont(font)
        self._purpose = QLabel()
        self._purpose.setObjectName("phasePurpose")
        self._purpose.setWordWrap(True)
        self._progress = QLabel()
        self._progress.setObjectName("checklistProgress")
        heading = QFont(self.font())
        heading.setBold(True)
        self._checklist_heading = QLabel("Checklist")
        self._checklist_heading.setFont(heading)
        self._boxes_holder = QVBoxLayout()
        self._boxes_holder.setSpacing(6)
        self._tips_heading = QLabel("Tips")
        self._tips_heading.setFont(heading)
        self._tips = QLabel()
        self._tips.setObjectName("phaseTips")
        self._tips.setWordWrap(True)
        self._tips.setTextFormat(Qt.TextFormat.RichText)
        for w in (self._step, self._title, self._purpose, self._checklist_heading):
            self._layout.addWidget(w)
        self._layout.addLayout(self._boxes_holder)
        self._layout.addWidget(self._progress)
        self._layout.addSpacing(6)
        self._layout.addWidget(self._tips_heading)
        self._layout.addWidget(self._tips)
        self._layout.addStretch(1)
        self.setWidget(body)

    @property
    def boxes(self) -> list[QCheckBox]:
        return list(self._boxes)

    @property
    def phase_index(self) -> int:
        return self._index

    def show_phase(self, index: int, checklist: Checklist, budget_seconds: float) -> None:
        self._checklist = checklist
        self._index = index
        phase = PHASES[index]
        self._step.setText(
            f"Step {index + 1} of {len(PHASES)} · budget {format_duration(budget_seconds)}"
        )
        self._title.setText(phase.title)
        self._purpose.setText(phase.purpose)
        for row in self._rows:
            self._boxes_holder.removeWidget(row)
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self._rows = []
        self._boxes = []
        for item, text in enumerate(phase.checklist):
            row = WrappingCheckBox(text)
            row.setObjectName(f"checklistItem{item}")
            box = row.box
            box.setChecked(checklist.is_checked(phase.key, item))
            box.toggled.connect(lambda value, i=item: self._on_toggled(i, value))
            if (phase.key, item) in self.item_links:
                row.add_link(*self.item_links[(phase.key, item)])
            self._boxes_holder.addWidget(row)
            self._rows.append(row)
            self._boxes.append(box)
        self._tips.setText("".join(f"<p style='margin:0 0 4px 0'>• {t}</p>" for t in phase.tips))
        self._update_progress()

    def _on_toggled(self, item: int, value: bool) -> None:
        key = PHASES[self._index].key
        if not self.gate.allows_edit():  # a finished session: the tick does not hold
            box = self._boxes[item]
            box.blockSignals(True)
            box.setChecked(not value)
            box.blockSignals(False)
            return
        self._checklist.set_checked(key, item, value)
        self._update_progress()
        self.itemToggled.emit(key, item, value)

    def _update_progress(self) -> None:
        phase = PHASES[self._index]
        done = self._checklist.done_count(phase.key)
        self._progress.setText(f"{done} of {len(phase.checklist)} done")
