"""The reference answer beside the candidate's work (``referencePanel``), in review.

Tabs: the comparison first (the two boards drawn side by side and the structural
comparison in words), then one tab per notes pane with the candidate's text on the left
and the reference's section on the right, and the levels. The estimates come from
``domain.reference.estimates`` (the calculator, once plugged in).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.ui.reference.board_view import ReadOnlyBoardView, board_editor

if TYPE_CHECKING:
    from sdi_desktop.domain.problems.model import Problem
    from sdi_desktop.domain.reference.follow_ups import FollowUpLog
    from sdi_desktop.ui.board.editor import BoardEditor

# (pane key, tab title); the reference's side of each comes from _reference_section
PANE_TABS = (
    ("requirements", "Requirements"),
    ("estimates", "Estimates"),
    ("api", "API"),
    ("data_model", "Data model"),
    ("deep_dive", "Deep dive"),
    ("wrap_up", "Wrap-up"),
)
EMPTY_PANE = "*You wrote nothing in this pane.*"
RECOMPARE_MS = 300


def _browser(name: str, markdown: str) -> QTextBrowser:
    browser = QTextBrowser()
    browser.setObjectName(name)
    browser.setOpenExternalLinks(False)
    browser.setMarkdown(markdown)
    return browser


def _captioned(caption: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    label = QLabel(f"<b>{caption}</b>")
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box


def _reference_section(problem: Problem, key: str) -> str:
    from sdi_desktop.domain.reference import markdown as md

    ref = problem.reference
    assert ref is not None
    if key == "requirements":
        return "\n".join(md.requirements_lines(ref))
    if key == "estimates":
        return "\n".join(md.estimates_lines(problem))
    if key == "api":
        return "\n".join(md.api_lines(ref))
    if key == "data_model":
        return "\n".join(md.data_model_lines(ref))
    if key == "deep_dive":
        lines = ["**The picks a strong answer usually makes**", "", *md.deep_dive_lines(ref)]
        lines += ["", "**Every topic and its options**", ""]
        for dive in problem.deep_dives:
            lines.append(f"- **{dive.topic}:** {', '.join(o.name for o in dive.options)}")
        return "\n".join(lines)
    return "\n".join(md.wrap_up_lines(ref))


class ReferencePanel(QWidget):
    """The problem's reference answer beside the candidate's notes and board."""

    closed = Signal()

    def __init__(
        self,
        problem: Problem,
        board: list[Any],
        notes: dict[str, str],
        dark: bool = False,
        follow_ups: FollowUpLog | None = None,
        revealed_early: bool = False,
        parent: QWidget | None = None,
        board_editor_in_use: BoardEditor | None = None,
    ) -> None:
        """``board_editor_in_use``: the whiteboard's editor when it holds ``board``; the
        panel then shows its scene read-only instead of drawing the board again."""
        super().__init__(parent)
        from sdi_desktop.domain.problems.reference import reference_board
        from sdi_desktop.domain.reference.compare import compare_boards
        from sdi_desktop.domain.reference.coverage import notes_coverage
        from sdi_desktop.domain.reference.summary import (
            GUESS_NOTE,
            coverage_lines,
            requirement_lines,
            topic_lines,
        )

        assert problem.reference is not None
        self.setObjectName("referencePanel")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(f"Reference answer — {problem.title}")
        self.problem = problem
        reference_elements = reference_board(problem)
        self.comparison = compare_boards(reference_elements, board)
        self.coverage = notes_coverage(problem, notes)

        intro = problem.reference.summary
        if revealed_early:
            intro = "*Revealed before the end of the attempt (recorded like a hint).* " + intro
        self.summary = QLabel()
        self.summary.setObjectName("referenceSummary")
        self.summary.setTextFormat(Qt.TextFormat.MarkdownText)
        self.summary.setWordWrap(True)
        self.summary.setText(intro)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("referenceTabs")
        if board_editor_in_use is not None:
            self.mine_board = ReadOnlyBoardView(
                board_editor_in_use, "referenceBoardMine", shared=True
            )
        else:
            self.mine_board = ReadOnlyBoardView(board_editor(board, dark), "referenceBoardMine")
        self.reference_board = ReadOnlyBoardView(
            board_editor(reference_elements, dark), "referenceBoardReference"
        )
        self.mine_board.setAccessibleName("Your board")
        self.reference_board.setAccessibleName("Reference board")
        boards = QSplitter(Qt.Orientation.Horizontal)
        boards.setObjectName("referenceBoards")
        boards.addWidget(_captioned("Your board", self.mine_board))
        boards.addWidget(_captioned("Reference board", self.reference_board))
        covered = coverage_lines(problem, self.coverage)
        self._notes_part = ["", "### Your notes", "", *covered] if covered else []
        if follow_ups is not None and follow_ups.asked:
            from sdi_desktop.domain.reference.follow_ups import follow_up_lines

            self._notes_part += ["", "### Follow-up questions", ""]
            self._notes_part += follow_up_lines(follow_ups, notes)
        self.comparison_text = _browser("referenceComparison", self._comparison_markdown())
        self._reference_elements = reference_elements
        self._watched = None
        if board_editor_in_use is not None:
            self._follow(board_editor_in_use.document)
        page = QSplitter(Qt.Orientation.Vertical)
        page.addWidget(boards)
        page.addWidget(self.comparison_text)
        page.setStretchFactor(0, 3)
        page.setStretchFactor(1, 2)
        page.setSizes([480, 320])
        self.tabs.addTab(page, "&Comparison")

        self.mine: dict[str, QTextBrowser] = {}
        self.theirs: dict[str, QTextBrowser] = {}
        for key, title in PANE_TABS:
            text = notes.get(key, "").strip()
            mine = _browser(f"referenceMine_{key}", text or EMPTY_PANE)
            section = _reference_section(problem, key)
            found = {"requirements": requirement_lines, "deep_dive": topic_lines}.get(key)
            if found is not None and found(self.coverage):
                section += "\n\n---\n\n" + "\n".join([*found(self.coverage), GUESS_NOTE])
            theirs = _browser(f"referenceTheirs_{key}", section)
            self.mine[key], self.theirs[key] = mine, theirs
            split = QSplitter(Qt.Orientation.Horizontal)
            split.setObjectName(f"referenceSplit_{key}")
            split.addWidget(_captioned("Your notes", mine))
            split.addWidget(_captioned("Reference", theirs))
            self.tabs.addTab(split, title)
        from sdi_desktop.domain.reference.markdown import board_lines as reference_outline
        from sdi_desktop.domain.reference.markdown import levels_lines

        levels = ["**Expected at each level**", "", *levels_lines(problem.reference)]
        levels += [
            "",
            "**The reference board in words**",
            "",
            *reference_outline(problem.reference),
        ]
        self.levels = _browser("referenceLevels", "\n".join(levels))
        self.tabs.addTab(self.levels, "Levels")

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, activated=self.close)
        self.resize(1400, 880)

    def _comparison_markdown(self) -> str:
        from sdi_desktop.domain.reference.summary import board_lines

        lines = ["### The two boards", "", *board_lines(self.comparison), *self._notes_part]
        return "\n".join(lines)

    # -- a shared whiteboard: the comparison follows its board ------------------------------
    def _follow(self, document) -> None:
        """Compare again, a moment after the last change (the candidate drawing on after
        an early reveal, or the replay in review showing another phase's board)."""
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.setInterval(RECOMPARE_MS)
        self._again.timeout.connect(self._recompare)
        self._watched = document
        for event in self._events():
            event.connect(self._board_changed)

    def _events(self):
        d = self._watched
        return (d.added, d.removed, d.changed, d.reset) if d is not None else ()

    def _board_changed(self, *_args) -> None:
        self._again.start()

    def _recompare(self) -> None:
        from sdi_desktop.domain.reference.compare import compare_boards

        if self._watched is None:
            return
        board = [e.to_dict() for e in self._watched]
        self.comparison = compare_boards(self._reference_elements, board)
        bar = self.comparison_text.verticalScrollBar()
        where = bar.value()
        self.comparison_text.setMarkdown(self._comparison_markdown())
        bar.setValue(where)

    def _unfollow(self) -> None:
        for event in self._events():
            event.disconnect(self._board_changed)
        self._watched = None

    def changeEvent(self, event) -> None:
        """A theme change while open: the boards drawn here follow it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # after the whiteboard has followed the theme too (its scene may be shown here)
            QTimer.singleShot(0, self, self._follow_theme)

    def _follow_theme(self) -> None:
        from sdi_desktop.ui.board.style import DARK_BOARD, LIGHT_BOARD

        dark = self.palette().window().color().lightness() < 128
        for view in (self.mine_board, self.reference_board):
            if not view.shared:
                view.editor.scene.set_colors(DARK_BOARD if dark else LIGHT_BOARD)
            view.setBackgroundBrush(view.editor.scene.colors.paper)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        self._unfollow()
        super().closeEvent(event)
        self.closed.emit()

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i).replace("&", "") for i in range(self.tabs.count())]

    def show_tab(self, title: str) -> None:
        self.tabs.setCurrentIndex(self.tab_titles().index(title))
