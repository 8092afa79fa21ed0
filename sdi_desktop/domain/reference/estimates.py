"""The estimates section of a reference answer: a pluggable source.

A reference does not write its estimates down: they are computed from the problem's
structured ``[estimation]`` inputs by the estimation calculator, so that every figure has
one source. This module is the one place the reference views ask for them.
``estimate_lines(problem)`` returns the calculator's figures as ``EstimateLine`` rows, or
``None`` when none can be computed (a problem without inputs, or a build without the
calculator); the views then show the problem's suggested scale instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from sdi_desktop.domain.problems.model import Problem


class EstimateLine(NamedTuple):
    """One computed figure: what it is, the arithmetic, and the result."""

    name: str
    formula: str
    value: str


EstimateSource = Callable[["Problem"], "list[EstimateLine] | None"]


def calculator_lines(problem: Problem) -> list[EstimateLine] | None:
    """The estimation calculator's results for the problem's ``[estimation]`` inputs,
    each with its formula and the numbers put in (the same as ``problems estimate``)."""
    if getattr(problem, "estimation", None) is None:
        return None
    from sdi_desktop.domain.estimation.problem_figures import estimate

    lines = []
    for row in estimate(problem):
        if row.value is None:
            continue
        formula = row.formula if row.numbers == row.formula else f"{row.formula} = {row.numbers}"
        lines.append(EstimateLine(row.label, formula, row.text))
    return lines or None


_source: EstimateSource | None = calculator_lines


def set_estimate_source(source: EstimateSource | None) -> None:
    """Plug in the calculator (``None`` unplugs it); see the module docstring."""
    global _source
    _source = source


def estimate_lines(problem: Problem) -> list[EstimateLine] | None:
    if _source is None:
        return None
    lines = _source(problem)
    return list(lines) if lines else None


def scale_lines(problem: Problem) -> list[tuple[str, str]]:
    """The problem's suggested scale, the fallback when no figures are computed."""
    scale = problem.suggested_scale
    rows = [("Users", scale.users), ("Requests", scale.requests), ("Data", scale.data)]
    rows += [("Note", note) for note in scale.notes]
    return rows
