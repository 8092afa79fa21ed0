"""The progress dashboard (``progressDashboard``): six charts over the saved sessions,
filtered by date range, problem and tag.

- scores per competency over time: a moving-average line each, and the session's
  own scores as points (hover names the session, a click opens it);
- time per phase against budget, averaged per week (stacked bars, budget line);
- overtime per session (points, hover and click as above) with a moving average;
- sessions per week, with the current streak in the title;
- attempts per problem and per tag, never-practised ones included.

The figures come from ``domain.progress.build_report``; re-filtering rebuilds the
report and updates the existing plot items in place. pyqtgraph is imported here
(through ``charts``), and this module is imported only when the dashboard opens.
"""

from __future__ import annotations

from datetime import date, tzinfo

import pyqtgraph as pg
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.progress import ProgressEntry, ProgressFilter, build_report, date_cache
from sdi_desktop.domain.rubric import COMPETENCIES
from sdi_desktop.ui.review.charts import Chart, colour

WEEK = 7 * 86400.0
ATTEMPT_ROWS = 16  # rows an attempts chart shows at most
POINT_LIMIT = 400
LINE_POINTS = 500  # beyond this many sessions, score points give way to the averages alone
CHARTS = (
    ("scores", "Self-assessment per competency (moving average of 5)"),
    ("overtime", "Minutes over budget per session"),
    ("phases", "Minutes per phase, weekly average (line: budget)"),
    ("weeks", "Sessions per week"),
    ("problems", "Attempts per problem"),
    ("tags", "Attempts per tag"),
)
CHART_TITLES = dict(CHARTS)


def short_title(title: str) -> str:
    for prefix in ("Design a ", "Design an ", "Design "):
        if title.startswith(prefix):
            return title[len(prefix) :]
    return title


class ProgressDashboard(QDialog):
    sessionActivated = Signal(int)  # a point was clicked: open this session
    reloadRequested = Signal()  # Ctrl+Shift+P or F5 here: read the sessions again

    def __init__(
        self,
        entries: list[ProgressEntry],
        catalogue: dict[str, str],
        known_tags: list[str],
        today: date,
        tz: tzinfo,
        dark: bool = False,
        parent: QWidget | None = None,
        problem_tags: dict[str, list[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressDashboard")
        self.setWindowTitle("Progress")
        self.setAccessibleName("Progress dashboard")
        self.entries = entries
        self.catalogue = catalogue
        self.known_tags = known_tags
        self.problem_tags = problem_tags  # problem id -> its tags (a problem filter's tag list)
        self.today = today
        self.tz = tz
        self.dark = dark
        self.report = None
        self._shown_rows = 0
        self._label_height = QFontMetricsF(self.font()).height()
        self._days = date_cache(tz)
        self._reports: dict[ProgressFilter, object] = {}
        self.shown_attempts: dict[str, list[tuple[str, int]]] = {}
        self._build_filters(self._report(ProgressFilter()))
        self.charts: dict[str, Chart] = {
            key: Chart(
                key,
                title,
                dark,
                time_axis=key in ("scores", "overtime", "phases", "weeks"),
                grid=key == "scores",
            )
            for key, title in CHARTS
        }
        grid = QGridLayout()
        grid.setSpacing(6)
        for index, (key, _title) in enumerate(CHARTS):
            grid.addWidget(self.charts[key], index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_bar)
        layout.addLayout(grid, 1)
        self._build_items()
        self._fit_to_screen()
        self.refresh()
        self._connect_filters()
        for keys in ("Ctrl+Shift+P", "F5"):  # the menu's shortcut works here too: fresh figures
            QShortcut(QKeySequence(keys), self, self.reloadRequested.emit)

    def _fit_to_screen(self) -> None:
        """1500 x 980, or less on a smaller screen (a 1366 x 768 laptop shows it whole)."""
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.resize(min(1500, area.width() - 40), min(980, area.height() - 60))

    def release(self) -> None:
        """Drop the sessions and figures now (called once the dashboard is gone): pyqtgraph's
        items hold reference cycles, and without this the 10,000 entries would wait for a
        full garbage collection, tens of megabytes per opening."""
        self.entries = []
        self._reports.clear()
        self.report = None
        self._days = date_cache(self.tz)

    # -- filters -----------------------------------------------------------------------------
    def _build_filters(self, everything) -> None:
        """The filter bar; its problems and tags are those of ``everything`` (the report
        without filters: the library's and every practised one)."""
        # They show the first session's day and today: "from the start" and "up to now",
        # which is what a date at or beyond either end means. Any date can be typed,
        # stepped or picked in a calendar that opens on the month shown.
        self.first_day = self.today
        if everything.entries:
            self.first_day = min(
                everything.entries[0].started_at.astimezone(self.tz).date(), self.today
            )
        self.since = QDateEdit()
        self.since.setObjectName("dashboardSince")
        self.until = QDateEdit()
        self.until.setObjectName("dashboardUntil")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
            edit.setKeyboardTracking(False)  # a typed date counts once it is whole
        self.since.setDate(QDate(self.first_day))
        self.until.setDate(QDate(self.today))
        self.since.setToolTip("Sessions from this day on (the first day: from the start)")
        self.until.setToolTip("Sessions up to this day (today: up to now)")
        self.problem_filter = QComboBox()
        self.problem_filter.setObjectName("dashboardProblem")
        self.problem_filter.addItem("All problems", None)
        for pid, title, _n in sorted(everything.problems, key=lambda r: short_title(r[1]).lower()):
            self.problem_filter.addItem(title, pid)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("dashboardTag")
        self.tag_filter.addItem("All tags", None)
        for tag in sorted(tag for tag, _n in everything.tags):
            self.tag_filter.addItem(tag, tag)
        self.summary = QLabel()
        self.summary.setObjectName("dashboardSummary")
        self.empty_label = QLabel(
            "No sessions match these filters. Practise a session, or widen the filters."
        )
        self.empty_label.setObjectName("dashboardEmpty")
        self.empty_label.hide()
        bar = QHBoxLayout()
        for label, widget in (
            ("From", self.since),
            ("to", self.until),
            ("Problem", self.problem_filter),
            ("Tag", self.tag_filter),
        ):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.empty_label)  # in the bar, so that the charts never move
        bar.addWidget(self.summary)
        self.filter_bar = bar

    def _connect_filters(self) -> None:
        for edit in (self.since, self.until):
            edit.dateChanged.connect(lambda _d: self.refresh())
        for combo in (self.problem_filter, self.tag_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def set_entries(self, entries: list[ProgressEntry]) -> None:
        """Other sessions or scores to chart (the "Assessed by" filter): figures anew."""
        self.entries = entries
        self._reports.clear()
        self.refresh()

    def current_filter(self) -> ProgressFilter:
        since, until = self.since.date().toPython(), self.until.date().toPython()
        return ProgressFilter(
            since=None if since <= self.first_day else since,
            until=None if until >= self.today else until,
            problem_id=self.problem_filter.currentData(),
            tag=self.tag_filter.currentData(),
        )

    def set_filter(self, flt: ProgressFilter) -> None:
        """Show the figures for ``flt`` (what the filter widgets do, in one refresh)."""
        if flt == self.current_filter():
            return
        widgets = (self.since, self.until, self.problem_filter, self.tag_filter)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.since.setDate(QDate(flt.since or self.first_day))
            self.until.setDate(QDate(flt.until or self.today))
            for combo, value in ((self.problem_filter, flt.problem_id), (self.tag_filter, flt.tag)):
                combo.setCurrentIndex(max(0, combo.findData(value)))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.refresh()

    # -- plot items --------------------------------------------------------------------------
    def _build_items(self) -> None:
        c = self.charts
        self.score_lines: dict[str, pg.PlotDataItem] = {}
        self.score_points: dict[str, pg.ScatterPlotItem] = {}
        legend = c["scores"].item.addLegend(offset=(8, 4), colCount=3)
        legend.setLabelTextColor(pg.mkColor(c["scores"].item.getAxis("left").textPen().color()))
        for index, competency in enumerate(COMPETENCIES):
            points = self._scatter(colour(index, 150), 6, f"{competency.title}: {{:g}} of 4")
            c["scores"].item.addItem(points)
            line = c["scores"].item.plot(pen=pg.mkPen(colour(index), width=2.5))
            legend.addItem(line, competency.title)
            self.score_lines[competency.key] = line
            self.score_points[competency.key] = points
        c["scores"].item.setYRange(0.8, 5.0, padding=0)  # room for the legend above 4
        c["scores"].item.getAxis("left").setTicks([[(v, str(v)) for v in (1, 2, 3, 4)]])

        self.overtime_points = self._scatter(colour(5, 170), 7, "{:.1f} minutes over budget")
        c["overtime"].item.addItem(self.overtime_points)
        self.overtime_line = c["overtime"].item.plot(pen=pg.mkPen(colour(0), width=2.5))
        c["overtime"].item.setLabel("left", "minutes")

        self.phase_bars: list[pg.BarGraphItem] = []
        legend = c["phases"].item.addLegend(offset=(8, 4), colCount=4)
        legend.setLabelTextColor(pg.mkColor(c["phases"].item.getAxis("left").textPen().color()))
        for index, phase in enumerate(PHASES):
            bars = pg.BarGraphItem(x=[], height=[], y0=[], width=WEEK * 0.7, brush=colour(index))
            c["phases"].item.addItem(bars)
            legend.addItem(bars, phase.short_title)
            self.phase_bars.append(bars)
        self.budget_line = c["phases"].item.plot(
            pen=pg.mkPen("#888888", width=2, style=Qt.PenStyle.DashLine), stepMode="center"
        )

        self.week_bars = pg.BarGraphItem(x=[], height=[], width=WEEK * 0.7, brush=colour(2))
        c["weeks"].item.addItem(self.week_bars)
        self.problem_bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.7, brush=colour(0))
        c["problems"].item.addItem(self.problem_bars)
        self.tag_bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.7, brush=colour(1))
        c["tags"].item.addItem(self.tag_bars)
        for key in ("problems", "tags"):
            c[key].item.invertY(True)
            c[key].item.setLabel("bottom", "attempts")

    def _scatter(self, brush, size: int, value_text: str) -> pg.ScatterPlotItem:
        points = pg.ScatterPlotItem(
            size=size,
            pen=None,
            brush=brush,
            hoverable=True,
            hoverSize=size + 4,
            tip=lambda x, y, data: self.point_tip(data, value_text.format(y)),
        )
        points.sigClicked.connect(self._points_clicked)
        return points

    def point_tip(self, session_id: int, value: str = "") -> str:
        """What hovering a point says: the session's title and date, and ``value`` (what
        the point shows, in words)."""
        entry = self.report.entry(session_id) if self.report else None
        if entry is None:
            return ""
        when = entry.started_at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M")
        shown = f"\n{value}" if value else ""
        return f"{entry.title} ({when}){shown}\nClick to open"

    def _points_clicked(self, _item, points, *_event) -> None:
        if len(points):
            self.sessionActivated.emit(int(points[0].data()))

    # -- figures -----------------------------------------------------------------------------
    def _report(self, flt: ProgressFilter):
        report = self._reports.get(flt)
        if report is None:  # the entries do not change while the dashboard is open
            report = self._reports[flt] = build_report(
                self.entries,
                flt,
                self.today,
                self.tz,
                self.catalogue,
                self.known_tags,
                cache=self._days,
                problem_tags=self.problem_tags,
            )
        return report

    def refresh(self) -> None:
        self.report = report = self._report(self.current_filter())
        self.empty_label.setVisible(not report.entries)
        count = len(report.entries)
        self.summary.setText(
            f"{count} session{'s' if count != 1 else ''} · current streak: {report.streak} "
            f"day{'s' if report.streak != 1 else ''}"
        )
        show_points = len(report.entries) <= POINT_LIMIT
        for key, series in report.scores.items():
            _thin(self.score_lines[key], len(series.times))
            self.score_lines[key].setData(series.times, series.moving)
            points = self.score_points[key]
            if show_points:
                points.setData(x=series.times, y=series.values, data=series.ids)
            else:
                points.clear()
        trend = report.overtime
        if show_points:
            self.overtime_points.setData(x=trend.times, y=trend.values, data=trend.ids)
        else:
            self.overtime_points.clear()
        hint = "" if show_points else f" · over {POINT_LIMIT} sessions: narrow the filters"
        self.charts["overtime"].title.setText(CHART_TITLES["overtime"] + hint)
        self.charts["scores"].title.setText(CHART_TITLES["scores"] + hint)
        _thin(self.overtime_line, len(trend.times))
        self.overtime_line.setData(trend.times, trend.moving)
        self._fill_phases()
        practised = [(w, n) for w, n in report.weeks if n]  # an empty week: no bar, not a line
        self.week_bars.setOpts(
            x=[_week_middle(w) for w, _ in practised],
            height=[n for _, n in practised],
            width=WEEK * 0.7,
        )
        _whole_number_ticks(self.charts["weeks"].item.getAxis("left"), practised)
        self.charts["weeks"].title.setText(
            f"Sessions per week · current streak: {report.streak} "
            f"day{'s' if report.streak != 1 else ''}"
        )
        self._fill_all_attempts()
        if self.isVisible():  # before that, showEvent fits them, at the charts' real size
            self._fit_ranges()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Now the charts have their real size: ranges fitted before (points are padded in
        # pixels) came out wider for a lone session than after a filter change.
        self._fit_ranges()

    def _fit_ranges(self) -> None:
        for key in ("overtime", "weeks"):
            self.charts[key].item.enableAutoRange()
        self.charts["scores"].item.enableAutoRange(axis="x")
        # Settle the layout (axis widths) and the ranges now: pyqtgraph would do it as it
        # paints, then paint again (two or three paints per chart and change).
        for chart in self.charts.values():
            _settle(chart)
        for key in ("scores", "overtime", "weeks"):
            if self._widen_time_range(key):
                _settle(self.charts[key])
        # Minutes over budget are never negative, and 2 minutes is no cause for alarm: the
        # axis starts at 0, however close together the values are.
        _low, high = self.charts["overtime"].item.getViewBox().viewRange()[1]
        top = max(high, 1.0)  # (a little below 0, so that points at 0 show whole)
        self.charts["overtime"].item.setYRange(-0.04 * top, top, padding=0)
        _settle(self.charts["overtime"])
        for key in ("overtime", "phases", "weeks"):  # room for the numbers of the new range
            if self.charts[key].fit_left_axis_to_range():
                _settle(self.charts[key])

    def _widen_time_range(self, key: str) -> bool:
        """At least three weeks across: one session (or one week) would otherwise fill the
        whole chart, with hours on the date axis."""
        item = self.charts[key].item
        (start, end), _ = item.getViewBox().viewRange()
        if end - start >= 3 * WEEK:
            return False
        middle = (start + end) / 2
        item.setXRange(middle - 1.5 * WEEK, middle + 1.5 * WEEK, padding=0)
        return True

    def _fill_phases(self) -> None:
        weeks = self.report.phase_weeks
        xs = [_week_middle(w.week) for w in weeks]
        base = [0.0] * len(weeks)
        for index, bars in enumerate(self.phase_bars):
            heights = [w.spent[index] / 60 for w in weeks]
            bars.setOpts(x=xs, y0=list(base), height=heights, width=WEEK * 0.7)
            base = [b + h for b, h in zip(base, heights, strict=True)]
        item = self.charts["phases"].item
        if weeks:
            # A step per week with sessions; weeks without any get a gap, not the last step.
            edges, steps = [xs[0] - WEEK / 2], []
            for x, week in zip(xs, weeks, strict=True):
                if x - WEEK / 2 > edges[-1] + 1:  # weeks were skipped: a blank step
                    steps.append(float("nan"))
                    edges.append(x - WEEK / 2)
                steps.append(sum(week.budgets) / 60)
                edges.append(x + WEEK / 2)
            self.budget_line.setData(edges, steps, connect="finite")
            middle, half = (edges[0] + edges[-1]) / 2, max(edges[-1] - edges[0], 3 * WEEK) / 2
            item.setXRange(middle - half, middle + half, padding=0.02)
            top = max([*base, *(v for v in steps if v == v)])
            item.setYRange(0, top * 1.3, padding=0)  # room for the legend
        else:
            self.budget_line.setData([], [])

    def attempt_rows(self) -> int:
        """How many rows an attempts chart shows: as many labels as fit one above the other
        (at most ATTEMPT_ROWS, at least six)."""
        plot = self.charts["problems"].plot
        height = plot.height() if plot.isVisible() else (self.height() - 60) // 3 - 30
        fit = int((height - 38) / (self._label_height * 0.95))
        return max(6, min(ATTEMPT_ROWS, fit - fit % 2))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.report is not None and self.attempt_rows() != self._shown_rows:
            self._fill_all_attempts()
            for key in ("problems", "tags"):
                _settle(self.charts[key])

    def _fill_all_attempts(self) -> None:
        report = self.report
        self._shown_rows = self.attempt_rows()
        self._fill_attempts(
            "problems", self.problem_bars, [(short_title(t), n) for _i, t, n in report.problems]
        )
        self._fill_attempts("tags", self.tag_bars, list(report.tags))

    def _fill_attempts(self, key: str, bars: pg.BarGraphItem, rows: list[tuple[str, int]]):
        """Every row if they fit; else the most and the least practised, the middle left out
        (what is avoided matters as much as what is practised)."""
        title = CHART_TITLES[key]
        limit = self._shown_rows
        if len(rows) > limit:
            half = limit // 2
            title += f" · {half} most and {half} least practised of {len(rows)}"
            rows = rows[:half] + rows[-half:]
        self.charts[key].title.setText(title)
        self.shown_attempts[key] = rows
        bars.setOpts(x0=[0] * len(rows), y=list(range(len(rows))), width=[n for _, n in rows])
        _whole_number_ticks(self.charts[key].item.getAxis("bottom"), rows)
        axis = self.charts[key].item.getAxis("left")
        axis.setTicks([[(i, label) for i, (label, _n) in enumerate(rows)]])
        self.charts[key].fit_left_axis([label for label, _n in rows])
        item = self.charts[key].item
        item.setYRange(-0.6, max(len(rows), 1) - 0.4, padding=0)
        most = max([n for _, n in rows] + [1])
        item.setXRange(-0.01 * most, most * 1.05, padding=0)  # (a hair below 0: its tick shows)

    # -- for tests and the screenshot ---------------------------------------------------------
    def plot_data(self, key: str) -> dict:
        """What a chart is showing now, as plain lists."""
        if key == "scores":
            return {
                k: {
                    "moving": _values(self.score_lines[k].getData()[1]),
                    "points": [int(p.data()) for p in self.score_points[k].points()],
                }
                for k in self.score_lines
            }
        if key == "overtime":
            return {
                "ids": [int(p.data()) for p in self.overtime_points.points()],
                "minutes": [p.pos().y() for p in self.overtime_points.points()],
            }
        if key == "phases":
            return {
                PHASES[i].key: list(bars.opts["height"]) for i, bars in enumerate(self.phase_bars)
            }
        if key == "weeks":
            return {"sessions": list(self.week_bars.opts["height"])}
        bars = self.problem_bars if key == "problems" else self.tag_bars
        labels = [label for label, _n in self.shown_attempts[key]]
        return dict(zip(labels, list(bars.opts["width"]), strict=True))


def _whole_number_ticks(axis: pg.AxisItem, rows) -> None:
    """Counts: a tick per whole number while they are small (pyqtgraph would write 0.5
    steps), pyqtgraph's own choice beyond."""
    most = max((n for _label, n in rows), default=0)
    if most <= 10:
        axis.setTickSpacing(major=1, minor=1)
    else:
        axis.setTickSpacing()


def _settle(chart: Chart) -> None:
    chart.item.layout.activate()
    chart.item.getViewBox().prepareForPaint()


def _thin(line: pg.PlotDataItem, points: int) -> None:
    """Draw at most about LINE_POINTS points of a long line (averaged): thousands of
    wide, smooth segments cost tens of milliseconds of painting and show nothing more."""
    line.setDownsampling(ds=max(1, points // LINE_POINTS), auto=False, method="mean")


def _values(array) -> list[float]:
    return [] if array is None else [float(v) for v in array]


def _week_middle(monday: date) -> float:
    from datetime import datetime, time

    return datetime.combine(monday, time(0, 0)).timestamp() + 3.5 * 86400


def scatter_spot_position(chart: Chart, x: float, y: float):
    """Where a data point is, in the coordinates of the chart's viewport (for clicks)."""
    view_box = chart.item.getViewBox()
    scene_point = view_box.mapViewToScene(pg.Point(x, y))
    return chart.plot.mapFromScene(scene_point)
