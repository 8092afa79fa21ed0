"""The Design review panel (``designReviewPanel``): findings by severity, with Show,
Why and Intended."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.checks.cards import SEVERITIES, SEVERITY_TITLES
from sdi_desktop.domain.checks.findings import Finding
from sdi_desktop.domain.checks.registry import CARDS
from sdi_desktop.domain.checks.texts import summary
from sdi_desktop.ui.design_review.markers import SEVERITY_COLORS

ROLE = Qt.ItemDataRole.UserRole  # the Finding of a row
INTENDED_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
INTENDED_GROUP = "Marked intended"
EMPTY_TEXT = (
    "No findings. The checks read the diagram's kinds and connections and the notes' "
    "headings; they cannot see everything, so review the design yourself too."
)


class DesignReviewPanel(QWidget):
    showRequested = Signal(object)  # Finding: select and centre its items
    intendedRequested = Signal(object, bool)  # Finding, intended

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("designReviewPanel")
        self.setAccessibleName("Design review findings")
        self.summary = QLabel()
        self.summary.setObjectName("designReviewSummary")
        self.summary.setWordWrap(True)
        bold = QFont(self.font())
        bold.setBold(True)
        self.summary.setFont(bold)
        self.tree = QListWidget()
        self.tree.setObjectName("designReviewFindings")
        self.tree.setWordWrap(True)
        self.tree.setResizeMode(QListView.ResizeMode.Adjust)
        self.tree.setUniformItemSizes(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setSpacing(1)
        self.tree.setItemDelegate(_WrapDelegate(self.tree))
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.itemActivated.connect(self._show)
        self.show_button = QPushButton("Sh&ow")
        self.show_button.setObjectName("designReviewShow")
        self.show_button.setToolTip("Select the items this finding concerns and centre them")
        self.why_button = QPushButton("&Why")
        self.why_button.setObjectName("designReviewWhy")
        self.why_button.setCheckable(True)
        self.why_button.setToolTip("What the rule detects, why it matters, how to fix it")
        self.intended_button = QPushButton("&Intended")
        self.intended_button.setObjectName("designReviewIntended")
        self.intended_button.setCheckable(True)
        self.intended_button.setToolTip(
            "Dismiss this finding for these items: the design is meant to be this way (undoable)"
        )
        self.show_button.clicked.connect(lambda: self._show(self.tree.currentItem()))
        self.why_button.toggled.connect(self._on_why)
        self.intended_button.clicked.connect(self._on_intended)
        self.card = QTextBrowser()
        self.card.setObjectName("designReviewCard")
        self.card.setOpenExternalLinks(False)
        self.card.hide()
        buttons = QHBoxLayout()
        for button in (self.show_button, self.why_button, self.intended_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.card, 2)
        self.set_findings([], [])

    # -- content -------------------------------------------------------------------------------
    def set_findings(self, open_: list[Finding], intended: list[Finding]) -> None:
        current = self.current_finding()
        self.tree.clear()
        marked = f" ({len(intended)} intended)" if intended else ""
        self.summary.setText("Design review: " + summary(open_) + marked)
        keep = None
        groups = [
            (v, SEVERITY_TITLES[v], [f for f in open_ if f.severity == v]) for v in SEVERITIES
        ]
        groups.append(("intended", INTENDED_GROUP, list(intended)))
        bold = QFont(self.font())
        bold.setBold(True)
        for severity, title, findings in groups:
            if not findings:
                continue
            group = QListWidgetItem(f"{title} ({len(findings)})", self.tree)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setFont(bold)
            group.setData(GROUP_ROLE, title)
            if severity in SEVERITY_COLORS:
                group.setForeground(_color(severity))
            for finding in findings:
                row = QListWidgetItem(finding.message, self.tree)
                row.setData(ROLE, finding)
                row.setData(INTENDED_ROLE, severity == "intended")
                row.setData(GROUP_ROLE, title)
                card = CARDS.get(finding.rule)
                row.setToolTip(card.as_text() if card is not None else finding.rule)
                if severity == "intended":
                    row.setForeground(self.palette().placeholderText())
                if current is not None and finding.key == current.key:
                    keep = row
        if not open_ and not intended:
            empty = QListWidgetItem(EMPTY_TEXT, self.tree)
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.setCurrentItem(keep or self._first_row())
        self._on_current(self.tree.currentItem())

    def _items(self) -> list[QListWidgetItem]:
        return [self.tree.item(i) for i in range(self.tree.count())]

    def _first_row(self) -> QListWidgetItem | None:
        return next((i for i in self._items() if i.data(ROLE) is not None), None)

    def current_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(ROLE)

    def rows(self) -> list[tuple[str, Finding]]:
        """(group title, finding) for every row, top to bottom (tests read it)."""
        return [(i.data(GROUP_ROLE), i.data(ROLE)) for i in self._items() if i.data(ROLE)]

    def select(self, finding: Finding) -> None:
        for item in self._items():
            if item.data(ROLE) is not None and item.data(ROLE).key == finding.key:
                self.tree.setCurrentItem(item)
                return

    # -- actions -------------------------------------------------------------------------------
    def _on_current(self, item: QListWidgetItem | None, _previous=None) -> None:
        finding = None if item is None else item.data(ROLE)
        intended = bool(item is not None and item.data(INTENDED_ROLE))
        self.show_button.setEnabled(finding is not None)
        self.why_button.setEnabled(finding is not None)
        self.intended_button.setEnabled(finding is not None)
        self.intended_button.setChecked(intended)
        self._fill_card(finding)

    def _fill_card(self, finding: Finding | None) -> None:
        card = None if finding is None else CARDS.get(finding.rule)
        if card is None:
            self.card.clear()
            return
        self.card.setHtml(
            f"<p><b>{card.title}</b> <span style='color:{_color(card.severity).name()}'>"
            f"({card.severity})</span></p>"
            f"<p><b>What it detects.</b> {card.detects}</p>"
            f"<p><b>Why it matters.</b> {card.why}</p>"
            f"<p><b>How to fix it.</b> {card.fix}</p>"
            f"<p><b>Known false positives.</b> {card.false_positives}</p>"
            f"<p style='color:gray'>Rule <code>{card.id}</code></p>"
        )

    def _on_why(self, on: bool) -> None:
        self.card.setVisible(on)

    def _show(self, item: QListWidgetItem | None) -> None:
        finding = None if item is None else item.data(ROLE)
        if finding is not None:
            self.showRequested.emit(finding)

    def _on_intended(self, checked: bool) -> None:
        finding = self.current_finding()
        if finding is not None:
            self.intendedRequested.emit(finding, checked)


class _WrapDelegate(QStyledItemDelegate):
    """Row heights measured a little narrower than the row, so wrapped text never elides
    (Qt's own measure and paint disagree by a few pixels)."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = max(60, self.parent().viewport().width() - 12)
        rect = opt.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), opt.text
        )
        return QSize(width, rect.height() + 6)


def _color(severity: str):
    from PySide6.QtGui import QColor

    return QColor(SEVERITY_COLORS.get(severity, "#777777"))
