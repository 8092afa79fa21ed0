"""Every undoable whiteboard edit as a QUndoCommand around a domain edit.

``redo()`` applies the edit to the document and ``undo()`` reverts it; the
scene follows the document's events. Consecutive moves of the same elements
merge into one undo step, as in Qt's undo framework example.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from sdi_desktop.domain.board.document import BoardDocument
from sdi_desktop.domain.board.edits import ChangeElements, Edit

MOVE_ID = 1


class EditCommand(QUndoCommand):
    def __init__(
        self,
        document: BoardDocument,
        edit: Edit,
        on_done: Callable[[list[str]], None] | None = None,
        select_after: list[str] | None = None,
    ) -> None:
        super().__init__(edit.text)
        self.document = document
        self.edit = edit
        self._on_done = on_done
        self._select_after = select_after  # None: leave the selection alone

    def redo(self) -> None:
        self.edit.apply(self.document)
        if self._on_done is not None and self._select_after is not None:
            self._on_done(self._select_after)

    def undo(self) -> None:
        self.edit.revert(self.document)


class MoveCommand(EditCommand):
    """A change of x/y (or stroke points); merges with the next move of the same elements."""

    def id(self) -> int:
        return MOVE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, MoveCommand):
            return False
        assert isinstance(self.edit, ChangeElements) and isinstance(other.edit, ChangeElements)
        if not self.edit.merge(other.edit):
            return False
        if self.edit.is_noop:
            self.setObsolete(True)
        return True
