"""A problem's ``[estimation]`` table: checked, turned into a state, into plain figures.

``figures_for(problem)`` and ``figures_from_dict(session_extras["estimation"])`` are what
a design check reads: a dict of plain floats in base units (per second, bytes, seconds,
counts), e.g. ``figures["peak_write_rate"]`` against one database's writes per second.
``estimate(problem)`` is what ``sdi-desktop problems estimate`` prints. Both take any
object with an ``estimation`` attribute holding ``figures()`` and ``rows`` (the
pydantic model of ``domain/problems/model.py``), so this module imports no pydantic.
"""

from __future__ import annotations

from typing import Any

from sdi_desktop.domain.estimation.calculator import Row, UserRow, evaluate
from sdi_desktop.domain.estimation.inputs import SPECS
from sdi_desktop.domain.estimation.parse import InputError, parse_quantity
from sdi_desktop.domain.estimation.state import EstimationState, check_row_name


def check_table(table: Any) -> list[tuple[str, str]]:
    """Every (field, message) wrong in a problem's ``[estimation]`` table."""
    problems: list[tuple[str, str]] = []
    values = {}
    for name, text in table.figures().items():
        try:
            values[name] = parse_quantity(text, SPECS[name].dim)
        except InputError as exc:
            problems.append((name, str(exc)))
    names: set[str] = set()
    rows = []
    for i, row in enumerate(table.rows):
        message = check_row_name(row.name, names)
        if message:
            problems.append((f"rows[{i}].name", message))
            continue
        names.add(row.name)
        rows.append(UserRow(row.name, row.formula))
    if not problems:
        results = evaluate(values, rows)
        for i, row in enumerate(r for r in results if r.user):
            if row.value is None:
                problems.append((f"rows[{i}].formula", row.problem))
    return problems


def state_for(problem: Any) -> EstimationState:
    """The panel's state filled with the problem's figures ("Use the problem's figures")."""
    table = problem.estimation
    if table is None:
        return EstimationState()
    return EstimationState.from_problem(
        table.figures(), [(row.name, row.formula) for row in table.rows]
    )


def estimate(problem: Any) -> list[Row]:
    """Every result for the problem's figures, each with its formula."""
    return state_for(problem).results()


def figures_for(problem: Any) -> dict[str, float]:
    """The derived figures as plain data (base units), for the design checks."""
    return state_for(problem).figures()


def figures_from_dict(data: Any) -> dict[str, float]:
    """The figures of a stored panel state (a session's ``extras["estimation"]``), for
    the design checks; ``{}`` when there is none or it cannot be read."""
    from sdi_desktop.domain.estimation.state import EstimationStateError

    if not data:
        return {}
    try:
        return EstimationState.from_dict(data).figures()
    except EstimationStateError:
        return {}


def as_json(rows: list[Row]) -> list[dict[str, Any]]:
    """The results as JSON-able objects (``problems estimate --json``)."""
    out = []
    for row in rows:
        item: dict[str, Any] = {
            "name": row.name,
            "label": row.label,
            "formula": row.formula,
            "user_row": row.user,
        }
        if row.value is not None:
            item.update(
                value=row.value.value,
                unit=_UNITS.get(row.value.dim, str(row.value.dim)),
                text=row.text,
                numbers=row.numbers,
            )
        else:
            item["problem"] = row.problem
        out.append(item)
    return out


_UNITS = {(0, 0): "count", (1, 0): "B", (0, 1): "s", (0, -1): "/s", (1, -1): "B/s"}
