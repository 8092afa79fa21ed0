"""Two saved sessions side by side: phase times, scores and board size in a table,
both whiteboards as images, and one notes pane of each with the differences
highlighted."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.clock import format_duration
from sdi_desktop.domain.facts import session_facts
from sdi_desktop.domain.panes import PANE_TITLES
from sdi_desktop.domain.rubric import COMPETENCIES, Assessment, AssessmentError
from sdi_desktop.ui.review.notes_diff import changed_lines, notes_diff_html

BOARD_SIZE = (1040, 600)  # drawn once at this size, shown scaled to the room there is
MIN_BOARD = (220, 130)
ROW_PADDING = 10  # pixels above and below a table row's text, together


def board_pixmap(elements: list[dict], width: int, height: int) -> QPixmap:
    """The board drawn as an export draws it (light colours), fitted to the size."""
    from sdi_desktop.domain.board.file_format import from_plain
    from sdi_desktop.ui.board.editor import BoardEditor
    from sdi_desktop.ui.board.export import render_image

    editor = BoardEditor()
    editor.load(from_plain(elements))
    image = render_image(editor.scene, scale=1.0)
    editor.deleteLater()
    return QPixmap.fromImage(image).scaled(
        width,
        height,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class BoardPicture(QLabel):
    """A board's picture that shrinks and grows with the room it is given."""

    def __init__(self) -> None:
        super().__init__()
        self._full = QPixmap()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(*MIN_BOARD)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def set_board(self, pixmap: QPixmap) -> None:
        self._full = pixmap
        self._rescale()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._full.isNull():  # no picture: what the label says (an error) stays
            return
        size = self.contentsRect().size()
        if size.width() < 10 or size.height() < 10:
            size = self.minimumSize()
        self.setPixmap(
            self._full.scaled(
                size,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )


def session_choice_text(summary, score: float | None) -> str:
    """What a picker lists for a session: title, start (date and time), time spent and
    the average self-assessment, so two attempts at one problem can be told apart."""
    started = summary.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    parts = [started, format_duration(summary.total_seconds)]
    parts.append(f"score {score:.1f}/4" if score is not None else "not assessed")
    return f"{summary.title} ({', '.join(parts)})"


class _RowsWithRoom(QStyledItemDelegate):
    """Each row a little taller than its text, however many lines a cell wraps to."""

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + ROW_PADDING)


class CompareDialog(QDialog):
    def __init__(self, store, left_id: int, right_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle("Compare sessions")
        self.store = store
        self.records: list = [None, None]
        self.assessments: list[Assessment | None] = [None, None]
        self.choices = [QComboBox(), QComboBox()]
        summaries = store.sessions.list()
        scores = {
            entry.id: sum(entry.scores.values()) / len(entry.scores)
            for entry in store.sessions.progress_entries()
            if entry.scores
        }
        for side, combo in enumerate(self.choices):
            combo.setObjectName(f"compare{'Left' if side == 0 else 'Right'}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(24)
            for summary in summaries:
                combo.addItem(session_choice_text(summary, scores.get(summary.id)), summary.id)
        self.pane_choice = QComboBox()
        self.pane_choice.setObjectName("comparePane")
        for key, title in PANE_TITLES.items():
            self.pane_choice.addItem(title, key)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("compareTable")
        self.table.setHorizontalHeaderLabels(["", "Left", "Right"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # The labels keep their width; the two sides share the rest and wrap when the
        # window is narrow (1024 px), rather than the table scrolling sideways.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegate(_RowsWithRoom(self.table))
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setMinimumWidth(280)
        self.table.setWordWrap(True)
        self.boards = [BoardPicture(), BoardPicture()]
        self.notes = [QTextBrowser(), QTextBrowser()]
        self.diff_label = QLabel()
        self.diff_label.setObjectName("compareDiffSummary")
        for side in (0, 1):
            self.boards[side].setObjectName(f"compareBoard{side}")
            self.notes[side].setObjectName(f"compareNotes{side}")
            self.notes[side].setMinimumSize(*MIN_BOARD)

        top = QHBoxLayout()
        top.addWidget(QLabel("Left"))
        top.addWidget(self.choices[0], 1)
        top.addWidget(QLabel("Right"))
        top.addWidget(self.choices[1], 1)
        # Everything shrinks to fit a 1024 x 700 screen: the boards are drawn to the room
        # they get, and splitters let the user give the table or the pictures more.
        boards = QWidget()
        board_row = QHBoxLayout(boards)
        board_row.setContentsMargins(0, 0, 0, 0)
        notes = QWidget()
        grid = QGridLayout(notes)
        grid.setContentsMargins(0, 0, 0, 0)
        for side in (0, 1):
            board_row.addWidget(self.boards[side], 1)
            grid.addWidget(self.notes[side], 1, side)
        notes_bar = QHBoxLayout()
        notes_bar.addWidget(QLabel("Notes pane"))
        notes_bar.addWidget(self.pane_choice)
        notes_bar.addWidget(self.diff_label, 1)
        grid.addLayout(notes_bar, 0, 0, 1, 2)
        grid.setRowStretch(1, 1)
        self.diff_label.setWordWrap(True)
        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("compareRightSplitter")
        right.addWidget(boards)
        right.addWidget(notes)
        right.setChildrenCollapsible(False)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.setObjectName("compareSplitter")
        body.addWidget(self.table)
        body.addWidget(right)
        body.setStretchFactor(0, 0)
        body.setStretchFactor(1, 1)
        body.setChildrenCollapsible(False)
        self.splitter = body
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        self._fit_to_screen(parent)

        for side, session_id in enumerate((left_id, right_id)):
            self.choices[side].setCurrentIndex(max(0, self.choices[side].findData(session_id)))
            self.choices[side].currentIndexChanged.connect(lambda _i, s=side: self._load(s))
        self.pane_choice.currentIndexChanged.connect(lambda _i: self._show_notes())
        self._load(0, refresh=False)
        self._load(1)

    def _fit_to_screen(self, parent: QWidget | None) -> None:
        screen = (parent.screen() if parent is not None else None) or (
            QGuiApplication.primaryScreen()
        )
        room = screen.availableGeometry() if screen is not None else None
        width, height = 1500, 900
        if room is not None:
            width = min(width, room.width() - 40)
            height = min(height, room.height() - 60)
        self.resize(max(width, self.minimumSizeHint().width()), height)

    # -- loading -------------------------------------------------------------------------------
    def _load(self, side: int, refresh: bool = True) -> None:
        session_id = self.choices[side].currentData()
        if session_id is None:
            return
        from sdi_desktop.storage.errors import StorageError

        try:
            record = self.store.sessions.get(session_id)
        except StorageError as exc:  # a corrupt board, or one from a newer app
            self.records[side] = None
            self.boards[side].set_board(QPixmap())
            self.boards[side].setPixmap(QPixmap())
            self.boards[side].setWordWrap(True)
            self.boards[side].setText(str(exc))
            return
        self.records[side] = record
        stored = self.store.sessions.get_assessment(session_id)
        try:
            self.assessments[side] = Assessment.from_dict(stored) if stored else None
        except AssessmentError:
            self.assessments[side] = None
        self.boards[side].set_board(board_pixmap(record.board, *BOARD_SIZE))
        if refresh:
            self._fill_table()
            self._show_notes()

    def _fill_table(self) -> None:
        if None in self.records:
            return
        rows: list[tuple[str, str, str]] = []
        facts = [session_facts(r) for r in self.records]
        records = self.records
        rows.append(("Problem", *(r.problem_title or "(own prompt)" for r in records)))
        rows.append(
            ("Started", *(r.started_at.astimezone().strftime("%Y-%m-%d %H:%M") for r in records))
        )
        rows.append(
            (
                "Total time",
                *(
                    f"{format_duration(f.total_spent)} / {format_duration(f.total_budget)}"
                    for f in facts
                ),
            )
        )
        for index, phase in enumerate(facts[0].phases):
            cells = []
            for f in facts:
                p = f.phases[index]
                over = f"  (+{format_duration(p.overtime)})" if p.overtime > 0 else ""
                cells.append(f"{format_duration(p.spent)} / {format_duration(p.budget)}{over}")
            rows.append((phase.title, *cells))
        for competency in COMPETENCIES:
            cells = []
            for assessment in self.assessments:
                score = assessment.scores.get(competency.key) if assessment else None
                cells.append("–" if score is None else f"{score} / 4")
            rows.append((competency.title, *cells))
        rows.append(("Components", *(str(f.components) for f in facts)))
        rows.append(("Connections", *(str(f.connectors) for f in facts)))
        rows.append(("Hints opened", *(str(len(f.hints_opened)) for f in facts)))
        rows.append(("Empty panes", *(str(len(f.empty_panes)) for f in facts)))
        from sdi_desktop.domain.checks.session_review import check_record
        from sdi_desktop.domain.checks.texts import summary

        rows.append(("Design review", *(summary(check_record(r).open) for r in self.records)))
        used = ("used" if (r.extras or {}).get("estimation") else "not used" for r in self.records)
        rows.append(("Estimation panel", *used))
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self._share_width()

    def _share_width(self) -> None:
        """The table gets the width its columns need unwrapped, up to 45 % of the window."""
        table = self.table
        needed = sum(table.sizeHintForColumn(column) for column in range(3))
        needed += 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width() + 4
        total = sum(self.splitter.sizes()) or self.width()
        left = max(self.table.minimumWidth(), min(needed, int(total * 0.45)))
        self.splitter.setSizes([left, max(1, total - left)])

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._share_width()

    def _show_notes(self) -> None:
        if None in self.records:
            return
        key = self.pane_choice.currentData()
        left, right = (r.notes.get(key, "") for r in self.records)
        dark = self.palette().window().color().lightness() < 128
        html_left, html_right = notes_diff_html(left, right, dark)
        self.notes[0].setHtml(html_left)
        self.notes[1].setHtml(html_right)
        removed, added = changed_lines(left, right)
        self.diff_label.setText(
            "Same text on both sides."
            if not (removed or added)
            else f"{removed} line(s) only on the left, {added} only on the right"
        )

    def table_text(self, label: str) -> tuple[str, str]:
        """The two cells of the row with this label (for tests and screen readers)."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == label:
                return self.table.item(row, 1).text(), self.table.item(row, 2).text()
        raise KeyError(label)
