"""The calculator: inputs -> the derived figures, each with its formula and numbers.

The built-in results are formulas like the user's own rows (``write_rate = dau *
writes_per_user / day``), chosen from the inputs given: daily users straight or from
monthly users, reads per user straight or from the read:write ratio, the read size or
the write size. ``evaluate`` computes the inputs' values, the built-in rows and the
user's rows in dependency order; a row that cannot be computed says why (what it
needs, a unit mismatch, a cycle) instead of raising.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sdi_desktop.domain.estimation.expression import (
    CONSTANTS,
    Formula,
    FormulaError,
    parse_formula,
    suggest,
)
from sdi_desktop.domain.estimation.format import format_exact, format_round
from sdi_desktop.domain.estimation.inputs import SPECS
from sdi_desktop.domain.estimation.units import Quantity


@dataclass(frozen=True, slots=True)
class RowSpec:
    name: str
    label: str


RESULTS: tuple[RowSpec, ...] = (
    RowSpec("daily_users", "Daily active users (from monthly)"),
    RowSpec("writes_per_day", "Writes per day"),
    RowSpec("reads_per_day", "Reads per day"),
    RowSpec("write_rate", "Writes per second (average)"),
    RowSpec("read_rate", "Reads per second (average)"),
    RowSpec("peak_write_rate", "Writes per second at peak"),
    RowSpec("peak_read_rate", "Reads per second at peak"),
    RowSpec("storage_per_day", "New storage per day"),
    RowSpec("storage_per_year", "New storage per year"),
    RowSpec("storage_retention", "Storage over the retention"),
    RowSpec("storage_replicated", "Storage over the retention, replicated"),
    RowSpec("bandwidth_in", "Bandwidth in (average)"),
    RowSpec("bandwidth_out", "Bandwidth out (average)"),
    RowSpec("cache_memory", "Cache for the hot set of a day's reads"),
    RowSpec("servers_at_peak", "Servers at peak"),
)
RESULT_NAMES = frozenset(r.name for r in RESULTS)
RESERVED = frozenset(SPECS) | RESULT_NAMES | frozenset(CONSTANTS) | {"ceil", "min", "max"}


@dataclass(frozen=True, slots=True)
class Row:
    """One computed figure: value (None when it cannot be computed) and how it was had."""

    name: str
    label: str
    formula: str  # symbolic: "dau × writes_per_user / day"
    value: Quantity | None
    problem: str = ""  # why there is no value
    user: bool = False
    broken: bool = False  # the formula itself is wrong (not merely waiting for an input)
    # what ``numbers`` is written from, only when asked (a keystroke shows a few rows)
    source: tuple | None = field(default=None, compare=False, repr=False)

    def same_as(self, other: Row) -> bool:
        """Equal and shown with the same numbers (the values its formula reads)."""
        if self != other:
            return False
        if self.source is None or other.source is None:
            return self.source is other.source
        (formula, env), (other_formula, other_env) = self.source, other.source
        if formula is not other_formula:
            return formula.text == other_formula.text and self.numbers == other.numbers
        return all(env.get(n) == other_env.get(n) for n in formula.names)

    @property
    def numbers(self) -> str:
        """The formula with the numbers put in: ``100 M × 1 / 86,400 s``."""
        if self.source is None:
            return self.formula if self.value is None else ""
        formula, env = self.source
        return formula.with_numbers(env)

    @property
    def text(self) -> str:
        return format_round(self.value) if self.value is not None else ""

    @property
    def exact(self) -> str:
        return format_exact(self.value) if self.value is not None else ""

    @property
    def line(self) -> str:
        """``100 M × 1 / 86,400 s ≈ 1,160 /s``."""
        if self.value is None:
            return f"{self.formula}: {self.problem}"
        return f"{self.numbers} ≈ {self.text}"


@lru_cache(maxsize=256)
def _formula(text: str) -> Formula:
    return parse_formula(text)


@lru_cache(maxsize=256)
def _symbolic(formula: Formula) -> str:
    return formula.symbolic()


def builtin_formulas(given: Mapping[str, Quantity]) -> list[tuple[RowSpec, str]]:
    """The built-in rows' formulas for the inputs that are given.

    Writes: ``total_writes`` when given, else users x writes per user. Reads:
    ``total_reads``, else users x reads per user, else writes x the read:write ratio.
    Users: daily users, else monthly users x the daily share.
    """
    users = "dau" if "dau" in given or "mau" not in given else "daily_users"
    if "total_writes" in given:
        writes_per_day, write_rate = "total_writes * day", "total_writes"
    else:
        writes_per_day = f"{users} * writes_per_user"
        write_rate = f"{users} * writes_per_user / day"
    if "total_reads" in given:
        read_rate = "total_reads"
    elif "reads_per_user" in given or "read_write_ratio" not in given:
        read_rate = f"{users} * reads_per_user / day"
    else:
        read_rate = "write_rate * read_write_ratio"
    read_size = "read_size" if "read_size" in given else "write_size"
    formulas = {
        "daily_users": "mau * dau_share",
        "writes_per_day": writes_per_day,
        "reads_per_day": "read_rate * day",
        "write_rate": write_rate,
        "read_rate": read_rate,
        "peak_write_rate": "write_rate * peak_factor",
        "peak_read_rate": "read_rate * peak_factor",
        "storage_per_day": "writes_per_day * write_size",
        "storage_per_year": "storage_per_day * 365",
        "storage_retention": "storage_per_day * retention / day",
        "storage_replicated": "storage_retention * replication",
        "bandwidth_in": "write_rate * write_size",
        "bandwidth_out": f"read_rate * {read_size}",
        "cache_memory": f"reads_per_day * hot_share * {read_size}",
        "servers_at_peak": "ceil((peak_read_rate + peak_write_rate) / server_capacity)",
    }
    rows = [(spec, formulas[spec.name]) for spec in RESULTS]
    if users == "dau":
        rows = rows[1:]
    return rows


@dataclass(frozen=True, slots=True)
class UserRow:
    name: str
    formula: str


def evaluate(values: Mapping[str, Quantity], user_rows: Sequence[UserRow] = ()) -> list[Row]:
    """Every built-in row, then the user's rows, computed from the inputs' ``values``."""
    env: dict[str, Quantity] = dict(CONSTANTS)
    env.update(values)
    plan: list[tuple[str, str, str, bool]] = [
        (spec.name, spec.label, text, False) for spec, text in builtin_formulas(values)
    ]
    plan += [(row.name, row.name, row.formula, True) for row in user_rows]
    parsed: dict[str, Formula | FormulaError] = {}
    for name, _label, text, _user in plan:
        try:
            parsed[name] = _formula(text)
        except FormulaError as exc:
            parsed[name] = exc
    problems: dict[str, str] = {}
    order = _order(parsed, problems)
    known = set(env) | set(parsed) | set(SPECS)
    broken = set(problems)
    needs: dict[str, set[str]] = {}  # rows waiting for inputs -> those inputs
    for name in order:
        if name in problems:
            continue
        formula = parsed[name]
        if isinstance(formula, FormulaError):
            problems[name] = str(formula)
            broken.add(name)
            continue
        missing = sorted(n for n in formula.names if n not in env)
        if missing:
            problems[name], inputs = _missing(missing, known, problems, needs)
            if any(n not in SPECS and n not in problems for n in missing):
                broken.add(name)  # an unknown name: the formula itself is wrong
            elif inputs and all(n in SPECS or n in needs for n in missing):
                needs[name] = inputs
            continue
        try:
            env[name] = formula.evaluate(env)
        except FormulaError as exc:
            problems[name] = str(exc)
            broken.add(name)
    out = []
    for name, label, text, user in plan:
        formula = parsed[name]
        value = env.get(name) if name not in problems else None
        if isinstance(formula, FormulaError):
            out.append(Row(name, label, text, None, problems[name], user, True))
            continue
        source = (formula, env) if value is not None else None
        problem = problems.get(name, "")
        out.append(
            Row(name, label, _symbolic(formula), value, problem, user, name in broken, source)
        )
    return out


_INPUT_ORDER = {name: i for i, name in enumerate(SPECS)}


def _missing(
    missing: list[str], known, problems: Mapping[str, str], needs: dict[str, set[str]]
) -> tuple[str, set[str]]:
    """Why a row has no value, naming the inputs it waits for (through other rows too)."""
    inputs: set[str] = set()
    others = []
    for name in missing:
        if name in SPECS:
            inputs.add(name)
        elif name in needs:
            inputs |= needs[name]
        elif name in problems:
            others.append(f"uses {name}, which cannot be computed")
        else:
            others.append(f"unknown name '{name}'{suggest(name, known)}")
    parts = []
    if inputs:
        labels = [SPECS[n].label.lower() for n in sorted(inputs, key=_INPUT_ORDER.get)]
        parts.append("needs " + ", ".join(labels))
    return "; ".join(parts + others), inputs


def _order(parsed: Mapping[str, Formula | FormulaError], problems: dict[str, str]) -> list[str]:
    """The rows in dependency order; rows on a cycle get a problem naming it."""
    order: list[str] = []
    state: dict[str, int] = {}  # 1: in progress, 2: done

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            cycle = [*path[path.index(name) :], name]
            for member in cycle[:-1]:
                problems[member] = "cycle: " + " → ".join(cycle)
            return
        state[name] = 1
        formula = parsed[name]
        if isinstance(formula, Formula):
            for dep in sorted(formula.names):
                if dep in parsed:
                    visit(dep, [*path, name])
        state[name] = 2
        order.append(name)

    for name in parsed:
        visit(name, [])
    return order
