"""The design review in the main window, driven as a user drives it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QPushButton

from sdi_desktop.ui.board import export
from sdi_desktop.ui.design_review.panel import DesignReviewPanel

SHORTCUT_TIMEOUT = 5000


def open_review(qtbot, window):
    window.findChild(type(window.design_review.action), "actionDesignReview").trigger()
    panel = window.findChild(DesignReviewPanel, "designReviewPanel")
    qtbot.waitUntil(panel.isVisible)
    return panel


def rules(panel):
    return [(group, f.rule) for group, f in panel.rows()]


def test_client_to_database_is_found_with_its_badge_and_goes_once_fixed(qtbot, window):
    editor = window.board.editor
    client = editor.add_component("client", QPointF(0, 0), "Browser")
    db = editor.add_component("sql_db", QPointF(400, 0), "Orders DB")
    link = editor.connect(client, db)
    panel = open_review(qtbot, window)
    review = window.design_review.controller

    assert ("Problems", "client-to-database") in rules(panel)
    assert "1 problem" in panel.summary.text()
    markers = review.markers.markers
    assert set(markers) >= {client, db}
    badge = markers[client]
    assert badge.parentItem() is editor.scene.item_for(client) and badge.isVisible()
    assert "Client talks straight to a database" in badge.toolTip()  # the card's text

    # fix the design: a service between them
    editor.delete([link])
    api = editor.add_component("service", QPointF(200, 200), "Orders API")
    editor.connect(client, api)
    editor.connect(api, db)
    qtbot.waitUntil(lambda: not review.pending, timeout=SHORTCUT_TIMEOUT)
    assert "client-to-database" not in [r for _g, r in rules(panel)]
    assert client not in review.markers.markers  # its badge went with the finding
    assert "no problem" in panel.summary.text() or "problem" not in panel.summary.text()


def test_show_selects_and_centres_and_why_shows_the_card(qtbot, window):
    editor = window.board.editor
    far = editor.add_component("cache", QPointF(3000, 2000), "Lonely cache")
    panel = open_review(qtbot, window)
    panel.select(next(f for _g, f in panel.rows() if f.rule == "isolated-component"))
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert editor.scene.selected_ids() == [far]
    view = window.board.view
    centre = view.mapToScene(view.viewport().rect().center())
    item_centre = editor.scene.item_for(far).sceneBoundingRect().center()
    assert abs(centre.x() - item_centre.x()) < 40 and abs(centre.y() - item_centre.y()) < 40

    assert not panel.card.isVisible()
    qtbot.mouseClick(panel.why_button, Qt.MouseButton.LeftButton)
    assert panel.card.isVisible() and "Known false positives" in panel.card.toPlainText()

    # a notes finding brings its pane forward
    panel.select(next(f for _g, f in panel.rows() if f.pane == "estimates"))
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert window.notes.current_pane() is window.notes.panes["estimates"]


def test_intended_dismisses_for_these_items_and_undoes(qtbot, window):
    editor = window.board.editor
    a = editor.add_component("cache", QPointF(0, 0), "A")
    editor.add_component("cache", QPointF(300, 0), "B")
    panel = open_review(qtbot, window)
    review = window.design_review.controller
    finding = next(
        f for _g, f in panel.rows() if f.rule == "isolated-component" and a in f.elements
    )
    panel.select(finding)
    qtbot.mouseClick(panel.intended_button, Qt.MouseButton.LeftButton)
    assert ("Marked intended", "isolated-component") in rules(panel)
    assert (
        sum(1 for g, r in rules(panel) if r == "isolated-component" and g != "Marked intended") == 1
    )
    assert a not in review.markers.markers
    state = review.state_dict()
    assert state["dismissed"] == [{"rule": "isolated-component", "elements": [a], "pane": None}]

    editor.undo_stack.undo()
    assert ("Marked intended", "isolated-component") not in rules(panel)
    assert a in review.markers.markers
    editor.undo_stack.redo()
    assert ("Marked intended", "isolated-component") in rules(panel)

    # the stored form brings the choice back (what the session store keeps)
    review.reset()
    assert review.load_state(state) is None
    qtbot.waitUntil(lambda: not review.pending, timeout=SHORTCUT_TIMEOUT)
    review.run_now()
    assert ("Marked intended", "isolated-component") in rules(panel)
    assert "malformed" in review.load_state({"version": 1, "dismissed": [1]})


def test_markers_stay_out_of_exports_and_the_panel_closes_with_its_shortcut(qtbot, window):
    editor = window.board.editor
    editor.add_component("cache", QPointF(0, 0), "Lonely")
    open_review(qtbot, window)
    review = window.design_review.controller
    [marker] = review.markers.markers.values()
    hidden_during = []
    original = export._paint

    def spy(*args, **kwargs):
        hidden_during.append(marker.isVisible())
        return original(*args, **kwargs)

    export._paint = spy
    try:
        export.render_image(editor.scene)
    finally:
        export._paint = original
    assert hidden_during in ([], [False]) and marker.isVisible()

    dock = window.findChild(QDockWidget, "designReviewDock")
    window.design_review.action.trigger()
    assert not dock.isVisible() and not review.active and review.markers.markers == {}


def test_typing_waits_for_a_pause_before_checking(qtbot, window):
    panel = open_review(qtbot, window)
    review = window.design_review.controller
    runs = review.runs
    pane = window.notes.panes["requirements"]
    pane.setFocus()
    qtbot.keyClicks(pane, "## Functional")
    assert review.runs == runs and review.pending  # nothing checked mid-typing
    qtbot.waitUntil(lambda: review.runs == runs + 1, timeout=SHORTCUT_TIMEOUT)
    assert panel.isVisible()


def test_the_end_of_the_high_level_design_offers_the_review(qtbot, window):
    window.session.clock.start()
    window.next_phase()  # into the high-level design
    link = window.phase_panel.findChild(type(window.phase_panel._step), "checklistLink")
    assert link is not None and "design review" in link.text()
    window.next_phase()  # high-level design done
    offer = window.statusBar().findChild(QPushButton, "designReviewOffer")
    assert offer is not None and offer.isVisible()
    assert not window.design_review.dock.isVisible()  # offered, never forced
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.design_review.dock.isVisible)
    qtbot.waitUntil(lambda: window.statusBar().findChild(QPushButton, "designReviewOffer") is None)
    # the snapshot of the phase just ended was kept for the session
    assert 1 in window.design_review.controller.state.snapshots


def test_the_checklist_link_wraps_inside_the_guidance_column(qtbot, window):
    window.resize(1280, 800)
    window.splitter.setSizes([270, 640, 370])  # the column's default width
    window.session.clock.start()
    window.next_phase()
    panel = window.phase_panel
    link = panel.findChild(type(panel._step), "checklistLink")
    qtbot.waitUntil(lambda: link.isVisible())
    QApplication.processEvents()
    assert panel.widget().width() <= panel.viewport().width()  # nothing to scroll sideways
    assert link.geometry().right() <= panel.viewport().width()


def test_checklist_link_opens_the_review(qtbot, window):
    window.session.clock.start()
    window.next_phase()
    link = window.phase_panel.findChild(type(window.phase_panel._step), "checklistLink")
    link.linkActivated.emit("open")
    qtbot.waitUntil(window.design_review.dock.isVisible)


def test_the_shortcut_opens_the_review_from_the_board_and_from_a_notes_pane(qtbot, window):
    dock = window.design_review.dock
    window.board.view.setFocus()
    qtbot.keyClick(
        window.board.view,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(dock.isVisible)
    qtbot.keyClick(
        window.board.view,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: not dock.isVisible())
    pane = window.notes.panes["api"]
    window.notes.setCurrentWidget(window.notes.containers["api"])
    pane.setFocus()
    qtbot.keyClick(
        pane, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(dock.isVisible)
    assert pane.toPlainText() == ""  # the key went to the action, not into the text


def test_deleting_a_marked_component_and_undoing_it(qtbot, window):
    editor = window.board.editor
    lonely = editor.add_component("cache", QPointF(0, 0), "Lonely")
    open_review(qtbot, window)
    review = window.design_review.controller
    assert lonely in review.markers.markers
    editor.delete([lonely])
    review.run_now()
    assert lonely not in review.markers.markers
    editor.undo_stack.undo()  # the delete
    review.run_now()
    marker = review.markers.markers[lonely]
    assert marker.parentItem() is editor.scene.item_for(lonely)
    editor.load([])  # another board replaces every item
    review.run_now()
    assert review.markers.markers == {}


def test_the_review_reads_the_estimate_typed_into_the_calculator(qtbot, window):
    """A single database is fine at 1,160 writes a second; the review says so when the
    user's own estimate in the calculator puts twenty times that on it."""
    editor = window.board.editor
    client = editor.add_component("client", QPointF(0, 0), "Browser")
    api = editor.add_component("service", QPointF(200, 0), "API x3")
    db = editor.add_component("sql_db", QPointF(400, 0), "Orders DB")
    editor.connect(client, api)
    editor.connect(api, db)
    panel = open_review(qtbot, window)
    review = window.design_review.controller
    assert "write-rate-beyond-one-database" not in [r for _g, r in rules(panel)]

    window.estimation.action_estimation.trigger()
    calculator = window.estimation.panel
    qtbot.waitUntil(calculator.isVisible)
    for name, text in (("dau", "1B"), ("writes_per_user", "1")):  # 11,574 /s, 23,148 at peak
        field = calculator.fields[name]
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, text)
    qtbot.waitUntil(
        lambda: "write-rate-beyond-one-database" in [r for _g, r in rules(panel)],
        timeout=SHORTCUT_TIMEOUT,
    )
    finding = next(f for _g, f in panel.rows() if f.rule == "write-rate-beyond-one-database")
    assert finding.elements == (db,)
    assert "Your estimate sends about 23,148 writes per second" in finding.message

    field = calculator.fields["writes_per_user"]  # a tenth of that: one node copes
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "0.1")
    qtbot.waitUntil(
        lambda: "write-rate-beyond-one-database" not in [r for _g, r in rules(panel)],
        timeout=SHORTCUT_TIMEOUT,
    )
    assert review.figures is not None and round(review.figures.peak_write_per_s) == 2315
