"""Undoable edits of a board document, in plain Python.

Each edit knows how to ``apply`` itself and how to ``revert``; the ui wraps
them in QUndoCommands (``ui/board/commands.py``), and the property tests drive
them directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sdi_desktop.domain.board.document import BoardDocument
from sdi_desktop.domain.board.elements import Component, Connector, Element


class Edit:
    text = "Edit"

    def apply(self, doc: BoardDocument) -> None:
        raise NotImplementedError

    def revert(self, doc: BoardDocument) -> None:
        raise NotImplementedError


class AddElements(Edit):
    """Add elements on top (components before the connectors that need them)."""

    def __init__(self, elements: Iterable[Element], text: str = "Add") -> None:
        items = list(elements)
        # connectors go last so their ends exist when they are added
        self.elements = [e for e in items if not isinstance(e, Connector)] + [
            e for e in items if isinstance(e, Connector)
        ]
        self.text = text

    def apply(self, doc: BoardDocument) -> None:
        for element in self.elements:
            doc.add(element.copy())

    def revert(self, doc: BoardDocument) -> None:
        for element in reversed(self.elements):
            doc.remove(element.id)


class RemoveElements(Edit):
    """Remove elements; a component takes its connectors with it."""

    def __init__(self, doc: BoardDocument, ids: Iterable[str], text: str = "Delete") -> None:
        wanted = list(dict.fromkeys(ids))
        for element_id in list(wanted):
            if isinstance(doc.get(element_id), Component):
                wanted.extend(c.id for c in doc.connectors_of(element_id) if c.id not in wanted)
        # connectors first, so components are free when their turn comes
        wanted.sort(key=lambda i: 0 if isinstance(doc.get(i), Connector) else 1)
        self.ids = wanted
        self.text = text
        self._removed: list[tuple[Element, int]] = []

    def apply(self, doc: BoardDocument) -> None:
        self._removed = [doc.remove(element_id) for element_id in self.ids]

    def revert(self, doc: BoardDocument) -> None:
        for element, index in reversed(self._removed):
            doc.add(element, index)


class ChangeElements(Edit):
    """Set fields of elements: ``after[id]`` on apply, ``before[id]`` on revert."""

    def __init__(
        self,
        doc: BoardDocument,
        after: dict[str, dict[str, Any]],
        text: str = "Change",
        before: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        self.after = {i: dict(v) for i, v in after.items()}
        if before is None:
            before = {}
            for element_id, values in self.after.items():
                element = doc.get(element_id)
                before[element_id] = {name: getattr(element, name) for name in values}
        self.before = {i: dict(v) for i, v in before.items()}
        self.text = text

    def apply(self, doc: BoardDocument) -> None:
        for element_id, values in self.after.items():
            doc.update(element_id, **values)

    def revert(self, doc: BoardDocument) -> None:
        for element_id, values in self.before.items():
            doc.update(element_id, **values)

    def merge(self, later: ChangeElements) -> bool:
        """Fold a later change of the same elements and fields into this one."""
        if set(later.after) != set(self.after):
            return False
        if any(set(later.after[i]) != set(self.after[i]) for i in self.after):
            return False
        self.after = later.after
        return True

    @property
    def is_noop(self) -> bool:
        return self.before == self.after


class Reorder(Edit):
    """Bring elements to the front or send them to the back of their layer."""

    def __init__(self, doc: BoardDocument, ids: Iterable[str], to_front: bool) -> None:
        self.ids = [i for i in ids if i in doc]
        self.to_front = to_front
        self.text = "Bring to front" if to_front else "Send to back"
        self._before: list[str] = []

    def apply(self, doc: BoardDocument) -> None:
        self._before = doc.order
        moving = set(self.ids)
        rest = [i for i in self._before if i not in moving]
        picked = [i for i in self._before if i in moving]
        doc.set_order(picked + rest if not self.to_front else rest + picked)

    def revert(self, doc: BoardDocument) -> None:
        doc.set_order(self._before)
