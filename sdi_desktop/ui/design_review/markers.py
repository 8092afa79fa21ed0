"""Markers on the board items a finding concerns: a small round badge in the item's
top-left corner, coloured by the worst severity, with the findings and their rule
cards as its tooltip.

A marker is a child of the component's item, so it moves with it at no cost, and is
plain C++-painted items (an ellipse and a text), with no Python paint code. Exports
leave markers out (``OVERLAY_KEY``).
"""

from __future__ import annotations

from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsSimpleTextItem

from sdi_desktop.domain.checks.cards import severity_rank
from sdi_desktop.domain.checks.findings import Finding
from sdi_desktop.domain.checks.registry import CARDS
from sdi_desktop.ui.board.items import OVERLAY_KEY, ComponentItem
from sdi_desktop.ui.board.scene import BoardScene

SEVERITY_COLORS = {"problem": "#d64545", "warning": "#d9822b", "note": "#5b7bb0"}
SEVERITY_GLYPHS = {"problem": "!", "warning": "!", "note": "i"}
RADIUS = 9.0
_FONT = QFont("DejaVu Sans", 8)
_FONT.setBold(True)


class FindingMarker(QGraphicsEllipseItem):
    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS, parent)
        self.setData(OVERLAY_KEY, True)
        self.setPos(2, 2)
        self.setZValue(100)
        self.setPen(QPen(QColor("#ffffff"), 1.5))
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks reach the component
        self.glyph = QGraphicsSimpleTextItem(self)
        self.glyph.setFont(_FONT)
        self.glyph.setBrush(QColor("#ffffff"))
        self.severity = ""

    def show_findings(self, findings: list[Finding]) -> None:
        worst = min(findings, key=lambda f: severity_rank(f.severity)).severity
        if worst != self.severity:
            self.severity = worst
            self.setBrush(QBrush(QColor(SEVERITY_COLORS[worst])))
            self.glyph.setText(SEVERITY_GLYPHS[worst])
            rect = self.glyph.boundingRect()
            self.glyph.setPos(-rect.width() / 2, -rect.height() / 2)
        self.setToolTip(tooltip(findings))


def tooltip(findings: Iterable[Finding]) -> str:
    parts = []
    for finding in findings:
        card = CARDS.get(finding.rule)
        parts.append(finding.message + ("\n\n" + card.as_text() if card is not None else ""))
    return "\n\n———\n\n".join(parts)


class FindingMarkers:
    """Keeps one marker per component that open findings concern."""

    def __init__(self, scene: BoardScene) -> None:
        self.scene = scene
        self.markers: dict[str, FindingMarker] = {}

    def show(self, findings: Iterable[Finding]) -> None:
        wanted: dict[str, list[Finding]] = {}
        for finding in findings:
            for element_id in finding.elements:
                wanted.setdefault(element_id, []).append(finding)
        for element_id, marker in list(self.markers.items()):
            item = self.scene.item_for(element_id)
            if element_id in wanted and shiboken6.isValid(marker) and marker.parentItem() is item:
                continue
            self._drop(element_id)
        for element_id, concerning in wanted.items():
            item = self.scene.item_for(element_id)
            if not isinstance(item, ComponentItem):
                continue  # connectors: their ends carry the marker
            marker = self.markers.get(element_id)
            if marker is None:
                marker = self.markers[element_id] = FindingMarker(item)
            marker.show_findings(concerning)

    def clear(self) -> None:
        for element_id in list(self.markers):
            self._drop(element_id)

    def _drop(self, element_id: str) -> None:
        marker = self.markers.pop(element_id)
        if shiboken6.isValid(marker) and marker.scene() is not None:
            marker.scene().removeItem(marker)
