"""The progress dashboard on 50 generated sessions: each chart's data, filters,
export, hover text, and a click on a point that opens the session."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sdi_desktop.demo_data import seed_demo
from sdi_desktop.domain.formats import standard
from sdi_desktop.domain.progress import ProgressFilter, week_start
from sdi_desktop.domain.rubric import COMPETENCIES
from sdi_desktop.storage.store import Store
from sdi_desktop.ui.review.dashboard import scatter_spot_position, short_title

END = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


@pytest.fixture
def demo_dir(tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        seed_demo(store, 50, end=END)
    return data


def open_dashboard(open_app, demo_dir, qtbot):
    window = open_app(demo_dir)
    window.findChild(type(window.action_new), "actionProgress").trigger()
    dashboard = window.persistence.dashboard
    qtbot.waitExposed(dashboard)
    return window, dashboard


def test_each_chart_shows_the_stored_figures(open_app, demo_dir, qtbot):
    window, dashboard = open_dashboard(open_app, demo_dir, qtbot)
    assert dashboard.objectName() == "progressDashboard" and dashboard.isVisible()
    store = window.persistence.store
    sessions = sorted(store.sessions.list(), key=lambda s: s.started_at)
    assert len(sessions) == 50 and len(dashboard.report.entries) == 50
    assessments = {s.id: store.sessions.get_assessment(s.id)["scores"] for s in sessions}

    scores = dashboard.plot_data("scores")
    for competency in COMPETENCIES:
        values = [assessments[s.id][competency.key] for s in sessions]
        assert scores[competency.key]["points"] == [s.id for s in sessions]
        last5 = values[-5:]
        assert scores[competency.key]["moving"][-1] == pytest.approx(sum(last5) / 5)

    overtime = dashboard.plot_data("overtime")
    assert overtime["ids"] == [s.id for s in sessions]
    expected = [
        sum(max(0, a - b) for a, b in zip(s.phase_seconds, s.budgets, strict=True)) / 60
        for s in sessions
    ]
    assert overtime["minutes"] == pytest.approx(expected)

    tz = dashboard.tz
    weeks = Counter(week_start(s.started_at.astimezone(tz).date()) for s in sessions)
    per_week = dashboard.plot_data("weeks")["sessions"]
    assert sum(per_week) == 50 and max(per_week) == max(weeks.values())
    assert len(per_week) == len(weeks)  # a bar per week with sessions; none for empty ones
    assert len(dashboard.report.weeks) == (max(weeks) - min(weeks)).days // 7 + 1

    phases = dashboard.plot_data("phases")
    assert list(phases) == ["scope", "high_level", "deep_dive", "wrap_up"]
    assert len(phases["scope"]) == len(weeks)  # one stacked bar per week with sessions
    total_scope = sum(s.phase_seconds[0] for s in sessions) / 60
    week_sizes = [weeks[w] for w in sorted(weeks)]
    assert sum(h * n for h, n in zip(phases["scope"], week_sizes, strict=True)) == pytest.approx(
        total_scope
    )

    problems = dashboard.plot_data("problems")
    counted = Counter(short_title(s.problem_title) for s in sessions)
    assert len(problems) == 16  # the 8 most and the 8 least practised of 31
    for title, n in counted.most_common(8):
        assert problems[title] == n
    assert list(problems.values())[-8:] == [0] * 8  # never-practised problems show too
    assert sum(n for _i, _t, n in dashboard.report.problems) == 50
    tags = dict(dashboard.report.tags)
    assert sum(1 for s in sessions if "mock" in s.tags) == tags["mock"]
    shown_tags = dashboard.plot_data("tags")
    assert all(tags[tag] == n for tag, n in shown_tags.items())
    assert list(shown_tags.values())[:8] == sorted(tags.values(), reverse=True)[:8]


def test_filters_change_every_chart(open_app, demo_dir, qtbot):
    _window, dashboard = open_dashboard(open_app, demo_dir, qtbot)
    some = dashboard.report.entries[10]
    index = dashboard.problem_filter.findData(some.problem_id)
    dashboard.problem_filter.setCurrentIndex(index)
    chosen = [e for e in dashboard.entries if e.problem_id == some.problem_id]
    assert len(dashboard.report.entries) == len(chosen) < 50
    assert dashboard.plot_data("overtime")["ids"] == [
        e.id for e in sorted(chosen, key=lambda e: e.started_at)
    ]
    assert sum(dashboard.plot_data("weeks")["sessions"]) == len(chosen)
    dashboard.set_filter(ProgressFilter(since=END.date(), until=END.date()))
    assert len(dashboard.report.entries) <= 1
    dashboard.set_filter(ProgressFilter(tag="mock"))
    assert all("mock" in e.tags for e in dashboard.report.entries)
    assert dashboard.problem_filter.currentIndex() == 0
    dashboard.set_filter(ProgressFilter())
    never = next(tag for tag, attempts in dashboard.report.tags if attempts == 0)
    dashboard.set_filter(ProgressFilter(tag=never))
    assert dashboard.report.entries == ()
    assert dashboard.empty_label.isVisibleTo(dashboard)


def test_dates_are_typed_or_stepped_within_the_sessions_range(open_app, demo_dir, qtbot):
    _window, dashboard = open_dashboard(open_app, demo_dir, qtbot)
    first_day = dashboard.report.entries[0].started_at.astimezone(dashboard.tz).date()
    assert dashboard.since.date().toPython() == first_day
    assert dashboard.until.date().toPython() == dashboard.today
    dashboard.until.setFocus()
    qtbot.keyClick(dashboard.until, Qt.Key.Key_Up)  # past today: stays today, no limit
    assert dashboard.current_filter() == ProgressFilter() and len(dashboard.report.entries) == 50
    dashboard.since.setFocus()
    qtbot.keyClick(dashboard.since, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dashboard.since, "2026-10-01")
    qtbot.keyClick(dashboard.since, Qt.Key.Key_Return)
    assert dashboard.current_filter().since == datetime(2026, 10, 1).date()
    shown = dashboard.report.entries
    assert 0 < len(shown) < 50
    assert all(e.started_at.astimezone(dashboard.tz).date() >= first_day for e in shown)
    assert all(e.started_at.astimezone(dashboard.tz).month >= 10 for e in shown)


def test_each_chart_exports_png_and_svg(open_app, demo_dir, qtbot, tmp_path):
    _window, dashboard = open_dashboard(open_app, demo_dir, qtbot)
    dashboard.resize(1000, 700)  # titles longer than a chart is wide
    qtbot.wait(50)
    for key, chart in dashboard.charts.items():
        view = chart.item.getViewBox()
        width, height = view.width(), view.height()
        png = chart.export(tmp_path / f"{key}.png")
        svg = chart.export(tmp_path / f"{key}.svg")
        on_screen = (view.width(), view.height())
        assert on_screen == pytest.approx((width, height), abs=1), key  # as it was
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert b"<svg" in svg.read_bytes()[:2000]
        words = chart.title.text().split(" · ")[0].split()[:3]  # the title goes with it
        assert " ".join(words).encode() in svg.read_bytes(), key


def test_hover_names_the_session_and_a_click_opens_it(open_app, demo_dir, qtbot):
    window, dashboard = open_dashboard(open_app, demo_dir, qtbot)
    entry = dashboard.report.entries[-3]
    assert dashboard.point_tip(entry.id).startswith(entry.title + " (")
    chart = dashboard.charts["overtime"]
    spot = next(p for p in dashboard.overtime_points.points() if p.data() == entry.id)
    assert spot.data() == entry.id
    tip = dashboard.overtime_points.opts["tip"](x=spot.pos().x(), y=spot.pos().y(), data=entry.id)
    assert entry.title in tip
    # zoom so the point is clear of its neighbours, then click it for real
    x, y = spot.pos().x(), spot.pos().y()
    chart.item.setXRange(x - 3600, x + 3600, padding=0)
    chart.item.setYRange(y - 1, y + 1, padding=0)
    qtbot.wait(50)
    position = scatter_spot_position(chart, x, y)
    with qtbot.waitSignal(dashboard.sessionActivated, timeout=2000) as signal:
        qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert signal.args == [entry.id]
    assert window.persistence.binding.record_id == entry.id
    assert window.persistence.review is not None  # a finished session opens for review


def open_dashboards() -> list:
    from PySide6.QtWidgets import QApplication

    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "progressDashboard" and w.isVisible()
    ]


def test_opening_again_replaces_the_dashboard_and_closing_lets_it_go(open_app, demo_dir, qtbot):
    from shiboken6 import isValid

    window, first = open_dashboard(open_app, demo_dir, qtbot)
    tag = first.report.tags[0][0]  # the most practised tag
    first.set_filter(ProgressFilter(tag=tag))
    _window, second = open_dashboard(lambda _d: window, demo_dir, qtbot)
    qtbot.waitUntil(lambda: not isValid(first), timeout=2000)  # deleted, not just hidden
    assert first.entries == [] and first.report is None  # its sessions let go at once
    assert second.isVisible() and window.persistence.dashboard is second
    assert open_dashboards() == [second]
    assert second.current_filter() == ProgressFilter(tag=tag)  # the filters the user chose
    assert second.report.entries and all(tag in e.tags for e in second.report.entries)
    second.reloadRequested.emit()  # Ctrl+Shift+P or F5 in the dashboard: fresh figures
    third = window.persistence.dashboard
    assert third is not second and open_dashboards() == [third]
    assert third.current_filter() == ProgressFilter(tag=tag)
    third.close()
    qtbot.waitUntil(lambda: not isValid(third), timeout=2000)
    assert window.persistence.dashboard is None and open_dashboards() == []


def test_a_clicked_point_brings_the_main_window_forward(open_app, demo_dir, qtbot):
    window, dashboard = open_dashboard(open_app, demo_dir, qtbot)
    assert dashboard.parentWidget() is None  # its own window, not kept above the main one
    entry = dashboard.report.entries[-2]
    dashboard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dashboard, timeout=2000)
    dashboard.sessionActivated.emit(entry.id)
    assert window.persistence.binding.record_id == entry.id
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def test_finishing_a_session_refreshes_an_open_dashboard(open_app, demo_dir, qtbot):
    window, dashboard = open_dashboard(open_app, demo_dir, qtbot)
    before = len(dashboard.report.entries)
    window.start_session("One more", standard())
    window.session.clock.start()
    window.finish_session()
    qtbot.waitUntil(lambda: window.persistence.rubric is not None)
    fresh = window.persistence.dashboard
    assert fresh is not dashboard and len(fresh.report.entries) == before + 1


def test_the_dashboard_closes_with_the_main_window(open_app, demo_dir, qtbot):
    from shiboken6 import isValid

    window, dashboard = open_dashboard(open_app, demo_dir, qtbot)
    window.close()
    qtbot.waitUntil(lambda: not isValid(dashboard) or not dashboard.isVisible(), timeout=2000)


def test_ctrl_q_in_the_dashboard_quits_the_app(open_app, demo_dir, qtbot):
    from PySide6.QtGui import QKeySequence

    window, dashboard = open_dashboard(open_app, demo_dir, qtbot)
    dashboard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dashboard, timeout=2000)
    quit_keys = QKeySequence(QKeySequence.StandardKey.Quit)[0]
    qtbot.keyClick(dashboard, quit_keys.key(), quit_keys.keyboardModifiers())
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_opening_and_filtering_paint_each_chart_once(demo_dir, qtbot):
    """pyqtgraph settles axis widths and ranges while painting; the dashboard settles
    them first, so a change does not flicker through two or three paints per chart."""
    from PySide6.QtCore import QEvent, QObject

    from sdi_desktop.ui.persistence import build_dashboard

    class PaintCounter(QObject):
        def __init__(self):
            super().__init__()
            self.paints = Counter()

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                self.paints[watched.parent().objectName()] += 1
            return False

    counter = PaintCounter()
    with Store.open(demo_dir) as store:
        dashboard = build_dashboard(store, demo_dir, dark=False)
    qtbot.addWidget(dashboard)
    for chart in dashboard.charts.values():
        chart.plot.viewport().installEventFilter(counter)
    every_chart_once = {f"plot_{key}": 1 for key in dashboard.charts}

    def settled() -> dict:
        """The paints once every chart has painted and no event is left to cause another."""
        qtbot.waitUntil(lambda: set(counter.paints) == set(every_chart_once), timeout=10000)
        for _ in range(20):  # a repaint that layout or a range fit would cause comes now
            QApplication.processEvents()
        return dict(counter.paints)

    dashboard.show()
    qtbot.waitExposed(dashboard)
    assert settled() == every_chart_once
    counter.paints.clear()
    some = dashboard.report.entries[10].problem_id
    dashboard.problem_filter.setCurrentIndex(dashboard.problem_filter.findData(some))
    assert settled() == every_chart_once


def test_the_axes_make_room_for_large_numbers(qtbot):
    """A clock left running for a week is 10,000 minutes over: the overtime axis widens."""
    from PySide6.QtGui import QFontMetricsF
    from PySide6.QtWidgets import QApplication

    from sdi_desktop.domain.progress import ProgressEntry
    from sdi_desktop.ui.review.dashboard import ProgressDashboard

    budgets = (300.0, 1200.0, 900.0, 300.0)
    entries = [
        ProgressEntry(i, f"S{i}", "chat", "Chat", END.replace(day=1 + i), spent, budgets)
        for i, spent in enumerate([budgets, (300.0, 1200.0, 900.0, 300.0 + 60 * 15_000)])
    ]
    dashboard = ProgressDashboard(entries, {"chat": "Chat"}, [], END.date(), UTC)
    qtbot.addWidget(dashboard)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    axis = dashboard.charts["overtime"].item.getAxis("left")
    _low, high = dashboard.charts["overtime"].item.getViewBox().viewRange()[1]
    assert high > 15_000
    needed = QFontMetricsF(QApplication.font()).horizontalAdvance(f"{high:.0f}")
    assert axis.style["tickTextWidth"] >= needed


def test_the_budget_line_leaves_weeks_without_sessions_blank(qtbot):
    import math

    from sdi_desktop.domain.progress import ProgressEntry
    from sdi_desktop.ui.review.dashboard import ProgressDashboard

    budgets = (300.0, 1200.0, 900.0, 300.0)
    days = (2, 23)  # three weeks apart: two weeks without a session between them
    entries = [
        ProgressEntry(i, f"S{i}", "chat", "Chat", END.replace(day=d), budgets, budgets)
        for i, d in enumerate(days)
    ]
    dashboard = ProgressDashboard(entries, {"chat": "Chat"}, [], END.date(), UTC)
    qtbot.addWidget(dashboard)
    _x, steps = dashboard.budget_line.getData()
    assert [round(v) for v in steps if not math.isnan(v)] == [45, 45]
    assert sum(1 for v in steps if math.isnan(v)) == 1  # the gap
    assert dashboard.plot_data("weeks")["sessions"] == [1, 1]  # no bars for empty weeks
    assert len(dashboard.report.weeks) == 4


def test_a_smaller_window_shows_fewer_attempt_rows_than_would_overlap(demo_dir, qtbot):
    from sdi_desktop.ui.persistence import build_dashboard

    with Store.open(demo_dir) as store:
        dashboard = build_dashboard(store, demo_dir, dark=False)
    qtbot.addWidget(dashboard)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    assert len(dashboard.plot_data("problems")) == 16
    dashboard.resize(1300, 700)
    qtbot.waitUntil(lambda: len(dashboard.plot_data("problems")) < 16)
    rows = len(dashboard.plot_data("problems"))
    plot = dashboard.charts["problems"].plot
    assert rows >= 6 and rows * dashboard.fontMetrics().height() * 0.95 <= plot.height()
    assert "6 most" in dashboard.charts["problems"].title.text() or rows % 2 == 0


def test_the_same_filter_gives_the_same_ranges_before_and_after_showing(qtbot):
    """Reopening applies the filter before the window shows; a filter change, after."""
    from sdi_desktop.domain.progress import ProgressEntry
    from sdi_desktop.ui.review.dashboard import ProgressDashboard

    budgets = (300.0, 1200.0, 900.0, 300.0)
    entries = [
        ProgressEntry(i, f"S{i}", pid, pid.title(), END.replace(day=d), budgets, budgets)
        for i, (pid, d) in enumerate([("chat", 2), ("kv", 9), ("kv", 16)])
    ]
    one = ProgressFilter(problem_id="chat")

    def ranges(filter_first: bool) -> dict:
        dashboard = ProgressDashboard(entries, {}, [], END.date(), UTC)
        qtbot.addWidget(dashboard)
        if filter_first:
            dashboard.set_filter(one)
        dashboard.show()
        qtbot.waitExposed(dashboard)
        dashboard.set_filter(one)
        qtbot.wait(20)
        return {k: c.item.getViewBox().viewRange() for k, c in dashboard.charts.items()}

    before, after = ranges(True), ranges(False)
    for key in ("scores", "overtime", "weeks", "phases"):
        for axis in (0, 1):
            low, high = after[key][axis]
            assert before[key][axis] == pytest.approx([low, high], abs=0.02 * (high - low)), key
