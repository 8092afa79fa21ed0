"""The estimation panel and the numbers card through real key presses and clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from sdi_desktop.domain.formats import standard
from sdi_desktop.ui.problems.picker import load_app_library

URL_FIGURES = (
    ("dau", "100M"),
    ("writes_per_user", "1"),
    ("read_write_ratio", "100:1"),
    ("write_size", "500 B"),
    ("retention", "10 years"),
)


def _open_panel(window, qtbot):
    window.activateWindow()
    window.estimation.action_estimation.trigger()
    panel = window.estimation.panel
    qtbot.waitUntil(panel.isVisible)
    return panel


def _type(qtbot, panel, name: str, text: str) -> None:
    field = panel.fields[name]
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def _paste(qtbot, panel, name: str, text: str) -> None:
    field = panel.fields[name]
    QApplication.clipboard().setText(text)
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def _value(panel, name: str) -> str:
    model = panel.model
    return model.data(model.index(model.row_of(name), 1))


def saved(window):
    store, binding = window.persistence.store, window.persistence.binding
    return None if binding.record_id is None else store.sessions.get(binding.record_id)


def test_typing_the_url_shortener_figures_and_inserting_the_table(open_app, qtbot):
    window = open_app()
    panel = _open_panel(window, qtbot)
    for name, text in URL_FIGURES:
        _type(qtbot, panel, name, text)
    assert _value(panel, "write_rate") == "1,160 /s"
    assert _value(panel, "read_rate") == "116,000 /s"
    row = panel.model.row_of("write_rate")
    panel.resize(1200, 640)  # wide: the formula has a column of its own
    assert panel.model.data(panel.model.index(row, 2)) == "100 M × 1 / 86,400 s ≈ 1,160 /s"
    panel.resize(820, 640)  # narrow, beside the notes: it goes under the figure's name
    assert panel.model.columnCount() == 2
    shown = panel.model.data(panel.model.index(row, 0))
    assert shown.splitlines()[1].strip() == "100 M × 1 / 86,400 s ≈ 1,160 /s"
    tip = panel.model.data(
        panel.model.index(panel.model.row_of("write_rate"), 1), Qt.ItemDataRole.ToolTipRole
    )
    assert "exact: 1,157.4074074074074 /s" in tip
    qtbot.mouseClick(panel.insert_button, Qt.MouseButton.LeftButton)
    pane = window.notes.panes["estimates"]
    markdown = pane.to_markdown()
    assert "Writes per second (average)" in markdown and "~1,160 /s" in markdown
    assert "`dau × writes_per_user / day`" in markdown
    qtbot.waitUntil(
        lambda: saved(window) is not None and "~116,000 /s" in saved(window).notes["estimates"],
        timeout=3000,
    )
    data_dir = window.data_dir
    window.close()
    again = open_app(data_dir)
    assert "~1,160 /s" in again.notes.panes["estimates"].to_markdown()


def test_the_panel_comes_back_as_it_was_after_a_restart(open_app, qtbot):
    window = open_app()
    panel = _open_panel(window, qtbot)
    for name, text in URL_FIGURES:
        _type(qtbot, panel, name, text)
    panel.add_row("feed_cache", "dau * 0.2 * 500 B")
    qtbot.waitUntil(
        lambda: (
            saved(window) is not None
            and bool((saved(window).extras or {}).get("estimation", {}).get("rows"))
        ),
        timeout=3000,
    )
    data_dir = window.data_dir
    window.close()
    again = open_app(data_dir)
    restored = again.estimation.state_dict()
    assert restored is not None and restored["inputs"]["dau"] == "100M"
    again.estimation.open_panel()
    assert _value(again.estimation.panel, "feed_cache") == "10 GB"


def test_bad_input_shows_a_message_beside_the_field_and_keeps_the_results(window, qtbot):
    panel = _open_panel(window, qtbot)
    for name, text in URL_FIGURES:
        _type(qtbot, panel, name, text)
    for bad, words in (
        ("-100M", "negative"),
        ("1e400", "too large"),
        ("100 MB", "wrong unit"),
        ("lots", "does not start with a number"),
    ):
        _paste(qtbot, panel, "dau", bad)
        message = panel.messages["dau"]
        assert message.isVisible() and words in message.text()
        assert _value(panel, "write_rate") == "1,160 /s"  # the last good results stay
        assert panel.fields["dau"].text() == bad  # nothing typed is lost
    _type(qtbot, panel, "write_size", "")
    assert "the results keep 500 B" in panel.messages["write_size"].text()
    inserted = []
    panel._insert = inserted.append
    panel.insert_table()  # the table shows what the results were computed from
    size = next(line for line in inserted[0].splitlines() if line.startswith("| Size of one"))
    assert size.split("|")[2].strip() == "500 B"
    _type(qtbot, panel, "dau", "200M")
    assert not panel.messages["dau"].isVisible()
    assert _value(panel, "write_rate") == "2,310 /s"


def test_rows_of_ones_own_with_unknown_names_and_cycles(window, qtbot):
    panel = _open_panel(window, qtbot)
    for name, text in URL_FIGURES:
        _type(qtbot, panel, name, text)
    qtbot.mouseClick(panel.add_row_button, Qt.MouseButton.LeftButton)
    row = panel.row_widgets[-1]
    row.name_edit.selectAll()
    qtbot.keyClicks(row.name_edit, "feed_cache")
    qtbot.keyClicks(row.formula_edit, "dau * 0.2 * 500 B")
    assert _value(panel, "feed_cache") == "10 GB"
    qtbot.keyClicks(row.formula_edit, " + write_rate")
    assert "cannot add" in row.message.text() and row.message.isVisible()
    assert _value(panel, "feed_cache") == "10 GB"
    second = panel.add_row("other", "feed_cache * daus")
    assert "unknown name 'daus' (did you mean 'dau'?)" in second.message.text()
    second.formula_edit.clear()
    qtbot.keyClicks(second.formula_edit, "feed_cache * 2")
    assert _value(panel, "other") == "20 GB"


def test_use_the_problems_figures_and_restore(window, qtbot):
    problem = load_app_library(window.data_dir).get("news-feed")
    window.start_session(problem.title, standard(), problem)
    panel = _open_panel(window, qtbot)
    assert panel.use_problem_button.isEnabled()
    qtbot.mouseClick(panel.use_problem_button, Qt.MouseButton.LeftButton)
    assert panel.fields["dau"].text() == "300 M"
    assert _value(panel, "feed_inserts") == "694,000 /s"
    stored = panel.state_dict()
    panel.restore(None)
    assert _value(panel, "feed_inserts") is None or panel.model.row_of("feed_inserts") == -1
    assert panel.restore(stored) and _value(panel, "feed_cache") == "1.2 TB"
    assert not panel.restore({"version": 99})
    assert "could not be read" in panel.status.text()
    assert _value(panel, "feed_cache") == "1.2 TB"  # what was on screen stays


def test_a_state_restored_before_the_panel_opens_is_shown_when_it_does(window, qtbot):
    from sdi_desktop.domain.estimation import EstimationState

    state = EstimationState.from_problem({"dau": "1 M", "writes_per_user": "10"})
    window.estimation.restore(state.to_dict())
    assert window.estimation.state_dict()["inputs"]["dau"] == "1 M"
    panel = _open_panel(window, qtbot)
    assert panel.fields["dau"].text() == "1 M"
    assert _value(panel, "writes_per_day") == "10 M"


def test_scope_guidance_and_estimates_pane_open_the_tools(window, qtbot):
    box = window.findChild(type(window.phase_panel.widget()), "scopeEstimationTools")
    assert box is not None and box.isVisible()
    window.session.clock.start()
    window.next_phase()
    QApplication.processEvents()
    assert not box.isVisible()
    window.previous_phase()
    assert box.isVisible()
    pane_button = window.notes.findChild(object, "notesEstimationButton")
    assert pane_button is not None
    pane_button.click()
    qtbot.waitUntil(lambda: window.estimation.panel is not None)
    assert window.estimation.panel.objectName() == "estimationPanel"
    assert window.estimation.action_estimation.shortcut().toString() == "Ctrl+Shift+B"
    assert window.estimation.action_numbers.shortcut().toString() == "Ctrl+Shift+L"


def test_the_numbers_card_searches(window, qtbot):
    window.estimation.action_numbers.trigger()
    card = window.estimation.card
    qtbot.waitUntil(card.isVisible)
    assert card.objectName() == "numbersCard"
    assert "Disk seek" in card.visible_labels() and "2^32" in card.visible_labels()
    qtbot.keyClicks(card.search, "redis")
    assert card.visible_labels() == ["In-memory key-value store (Redis)"]
    card.search.clear()
    qtbot.keyClicks(card.search, "zebra")
    assert card.visible_labels() == [] and card.empty.isVisible()
    card.search.clear()
    assert len(card.visible_labels()) > 30


def test_another_session_starts_a_fresh_panel_and_review_is_read_only(window, qtbot):
    panel = _open_panel(window, qtbot)
    _type(qtbot, panel, "dau", "5 M")
    assert window.estimation.state_dict()["inputs"]["dau"] == "5 M"
    problem = load_app_library(window.data_dir).get("pastebin")
    window.start_session(problem.title, standard(), problem)
    assert panel.fields["dau"].text() == ""
    assert window.estimation.state_dict()["inputs"]["dau"] == ""
    window.estimation.set_read_only(True)
    assert panel.fields["dau"].isReadOnly() and not panel.insert_button.isVisible()
    window.estimation.set_read_only(False)
    assert not panel.fields["dau"].isReadOnly() and panel.insert_button.isVisible()


def test_the_scope_tools_fit_the_guidance_column_at_its_narrowest(window, qtbot):
    """A tool button does not wrap: too long a text made the column scroll sideways."""
    window.resize(1280, 800)
    panel = window.phase_panel
    box = window.findChild(type(panel.widget()), "scopeEstimationTools")
    for width in (270, panel.minimumWidth()):  # the default width, the narrowest
        window.splitter.setSizes([width, 640, 1280 - 640 - width])
        QApplication.processEvents()
        assert box.isVisible()
        assert panel.widget().width() <= panel.viewport().width(), width  # no sideways scroll
        assert panel.horizontalScrollBar().maximum() == 0, width


def test_the_tool_buttons_keep_their_own_words_when_their_actions_change(window):
    box = window.findChild(type(window.phase_panel.widget()), "scopeEstimationTools")
    buttons = box.findChildren(QToolButton)
    assert [b.text() for b in buttons] == ["Estimation calculator…", "Numbers card…"]
    assert "powers of two" in buttons[1].toolTip()
    before = [(b.text(), b.toolTip()) for b in buttons]
    for action in (window.estimation.action_estimation, window.estimation.action_numbers):
        action.setEnabled(False)  # what review mode or a shortcut change would do
        action.setEnabled(True)
    assert [(b.text(), b.toolTip()) for b in buttons] == before
