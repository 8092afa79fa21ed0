"""The session library (``sessionLibrary``): find, open, rename, practise again, delete.

Search is full-text over titles and notes; filters narrow by problem, tag and
date; deleting moves a session to the trash, from which "Undo" or the trash
view brings it back.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.ui.library.model import SORT_KEYS, SUMMARY_ROLE, SessionTableModel
from sdi_desktop.ui.library.phase_balance import PhaseBalanceDelegate

SEARCH_DELAY_MS = 150


class SessionLibrary(QDialog):
    openRequested = Signal(int)
    message = Signal(str)
    sessionEdited = Signal(int)  # its title or tags changed here
    compareRequested = Signal(int)  # compare this session with an earlier attempt

    def __init__(self, store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionLibrary")
        self.setWindowTitle("Session library")
        self.setAccessibleName("Session library")
        self.resize(980, 560)
        self.store = store
        self._sort = ("started", True)
        self._last_trashed: int | None = None

        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText("Search titles and notes…")
        self.search.setClearButtonEnabled(True)
        self.problem_filter = QComboBox()
        self.problem_filter.setObjectName("libraryProblemFilter")
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("libraryTagFilter")
        self.since = QDateEdit()
        self.since.setObjectName("librarySince")
        self.since.setCalendarPopup(True)
        self.since.setSpecialValueText("any date")
        self.since.setMinimumDate(QDate(2000, 1, 1))
        self.since.setDate(self.since.minimumDate())
        self.show_trash = QCheckBox("Trash")
        self.show_trash.setObjectName("libraryShowTrash")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(QLabel("Problem"))
        filters.addWidget(self.problem_filter, 1)
        filters.addWidget(QLabel("Tag"))
        filters.addWidget(self.tag_filter)
        filters.addWidget(QLabel("Since"))
        filters.addWidget(self.since)
        filters.addWidget(self.show_trash)

        self.model = SessionTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setItemDelegateForColumn(4, PhaseBalanceDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self._sort_by)
        for column, width in ((1, 200), (2, 130), (3, 70), (4, 150), (5, 80)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.open_button = QPushButton("Open")
        self.open_button.setObjectName("libraryOpen")
        self.open_button.setDefault(True)
        self.rename_button = QPushButton("Rename…")
        self.rename_button.setObjectName("libraryRename")
        self.tags_button = QPushButton("Tags…")
        self.tags_button.setObjectName("libraryTags")
        self.again_button = QPushButton("Practise again")
        self.again_button.setObjectName("libraryAgain")
        self.compare_button = QPushButton("Compare…")
        self.compare_button.setObjectName("libraryCompare")
        self.compare_button.setToolTip("Side by side with the previous attempt at the same problem")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("libraryDelete")
        self.undo_button = QPushButton("Undo delete")
        self.undo_button.setObjectName("libraryUndoDelete")
        self.undo_button.hide()
        self.count_label = QLabel()
        self.count_label.setObjectName("libraryCount")
        # the buttons that act on the selected session (not in the trash)
        self._session_buttons = (
            self.open_button,
            self.rename_button,
            self.tags_button,
            self.again_button,
            self.compare_button,
        )
        buttons = QHBoxLayout()
        for button in (*self._session_buttons, self.delete_button):
            buttons.addWidget(button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        for combo in (self.problem_filter, self.tag_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.since.dateChanged.connect(lambda _d: self.refresh())
        self.show_trash.toggled.connect(self._trash_toggled)
        self.open_button.clicked.connect(self.open_selected)
        self.rename_button.clicked.connect(lambda: self.rename_selected())
        self.tags_button.clicked.connect(lambda: self.edit_tags())
        self.again_button.clicked.connect(self.practise_again)
        self.compare_button.clicked.connect(self._compare_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.reload()

    # -- data ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Refill the filter choices, then the table (one query when nothing is filtered)."""
        unfiltered = not (
            self.search.text().strip()
            or self.problem_filter.currentData()
            or self.tag_filter.currentData()
            or self.show_trash.isChecked()
            or self.since.date() != self.since.minimumDate()
        )
        everything = self.store.sessions.list(self.query() if unfiltered else None)
        self._fill(
            self.problem_filter,
            "All problems",
            sorted(
                {(s.problem_id or "", s.problem_title or "Custom prompt") for s in everything},
                key=lambda p: p[1].lower(),
            ),
        )
        tags = sorted({t for s in everything for t in s.tags})
        self._fill(self.tag_filter, "All tags", [(t, t) for t in tags])
        self.refresh(everything if unfiltered else None)

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for key, text in items:
            combo.addItem(text, key)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def query(self):
        from sdi_desktop.storage.sessions import SessionQuery

        since = None
        if self.since.date() != self.since.minimumDate():
            since = datetime.combine(self.since.date().toPython(), time.min).astimezone(UTC)
        key, descending = self._sort
        return SessionQuery(
            text=self.search.text().strip(),
            problem_id=self.problem_filter.currentData(),
            tag=self.tag_filter.currentData(),
            since=since,
            sort=key,
            descending=descending,
        )

    def refresh(self, rows: list | None = None) -> None:
        if rows is not None:
            pass
        elif self.show_trash.isChecked():
            rows = self.store.sessions.trashed()
        else:
            rows = self.store.sessions.list(self.query())
        self.model.set_rows(rows)
        self.count_label.setText(f"{len(rows)} session{'s' if len(rows) != 1 else ''}")
        if rows:
            self.table.selectRow(0)
        self._update_buttons()

    def _sort_by(self, column: int) -> None:
        key = SORT_KEYS[column]
        if key is None:
            return
        descending = not self._sort[1] if self._sort[0] == key else key in ("started", "total")
        self._sort = (key, descending)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)
        self.refresh()

    def _trash_toggled(self, on: bool) -> None:
        self.delete_button.setText("Restore" if on else "Delete")
        self.refresh()

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        trash = self.show_trash.isChecked()
        for button in self._session_buttons:
            button.setEnabled(has and not trash)
        self.delete_button.setEnabled(has)

    # -- actions -----------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(SUMMARY_ROLE).id

    def select_id(self, session_id: int) -> None:
        for row, summary in enumerate(self.model.rows):
            if summary.id == session_id:
                self.table.selectRow(row)
                return

    def _compare_selected(self) -> None:
        session_id = self.selected_id()
        if session_id is not None:
            self.compareRequested.emit(session_id)

    def open_selected(self) -> None:
        session_id = self.selected_id()
        if session_id is not None and not self.show_trash.isChecked():
            self.openRequested.emit(session_id)
            self.accept()

    def rename_selected(self, title: str | None = None) -> None:
        session_id = self.selected_id()
        if session_id is None:
            return
        if title is None:
            current = self.model.summary(self.table.currentIndex().row()).title
            title, ok = QInputDialog.getText(self, "Rename session", "Title", text=current)
            if not ok:
                return
        if title.strip():
            self.store.sessions.rename(session_id, title.strip())
            self.sessionEdited.emit(session_id)
            self.refresh()
            self.select_id(session_id)

    def edit_tags(self, tags: list[str] | None = None) -> None:
        """Tags are free words ("mock with Sam", "weak: estimates") to filter by later."""
        session_id = self.selected_id()
        if session_id is None:
            return
        record = self.store.sessions.get(session_id)
        if tags is None:
            text, ok = QInputDialog.getText(
                self, "Tags", "Tags, separated by commas", text=", ".join(record.tags)
            )
            if not ok:
                return
            tags = [t.strip() for t in text.split(",")]
        record.tags = sorted({t for t in tags if t})
        self.store.sessions.save(record)
        self.sessionEdited.emit(session_id)
        self.reload()
        self.select_id(session_id)

    def practise_again(self) -> None:
        session_id = self.selected_id()
        if session_id is None:
            return
        new_id = self.store.sessions.duplicate(session_id)
        self.message.emit("A fresh session on the same problem is ready.")
        self.openRequested.emit(new_id)
        self.accept()

    def delete_selected(self) -> None:
        session_id = self.selected_id()
        if session_id is None:
            return
        if self.show_trash.isChecked():
            self.store.sessions.restore(session_id)
            self.message.emit("Session restored.")
        else:
            self.store.sessions.trash(session_id)
            self._last_trashed = session_id
            self.undo_button.show()
            self.message.emit("Session moved to the trash.")
        self.refresh()

    def undo_delete(self) -> None:
        if self._last_trashed is not None:
            self.store.sessions.restore(self._last_trashed)
            restored, self._last_trashed = self._last_trashed, None
            self.undo_button.hide()
            self.refresh()
            self.select_id(restored)
