"""The panel's model: the texts as typed, the last good values, the messages, the results.

Every edit goes through a method that either takes the new text (and recomputes) or
keeps the last good value and returns a message for the field: a bad keystroke never
loses the figures on screen. ``to_dict``/``from_dict`` are the stored form (JSON-able,
validated on reading), kept under the session's ``"estimation"`` entry.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sdi_desktop.domain.estimation.calculator import RESERVED, Row, UserRow, evaluate
from sdi_desktop.domain.estimation.inputs import INPUTS, SPECS
from sdi_desktop.domain.estimation.parse import InputError, parse_quantity
from sdi_desktop.domain.estimation.units import Quantity

STATE_VERSION = 1
MAX_ROWS = 100
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,39}$")


class EstimationStateError(ValueError):
    """A stored state that cannot be read, with the reason."""


def check_row_name(name: str, others: set[str]) -> str:
    """A message when ``name`` cannot name a row, else ''."""
    name = name.strip()
    if not name:
        return "a row needs a name, like feed_cache"
    if not NAME.match(name):
        return "a name is letters, digits and _ (not starting with a digit), up to 40"
    if name.startswith("__"):
        return "a name may not start with __"
    if name in RESERVED:
        return f"'{name}' is taken by the calculator; choose another name"
    if name in others:
        return f"another row is already called '{name}'"
    return ""


class EstimationState:
    """Inputs and user rows as typed, with the results of the last good values."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {spec.name: spec.default for spec in INPUTS}
        self.good: dict[str, Quantity] = {}
        self.good_texts: dict[str, str] = {}
        self.messages: dict[str, str] = {}  # "dau", "row 2 name", "row 2 formula"
        self.row_texts: list[list[str]] = []  # [name, formula] as typed
        self.rows: list[UserRow] = []  # the rows the results were computed from
        self.row_good: list[tuple[str, str] | None] = []  # each row's last good form
        for spec in INPUTS:
            if spec.default:
                self.good[spec.name] = parse_quantity(spec.default, spec.dim)
                self.good_texts[spec.name] = spec.default
        self._results: list[Row] | None = None

    # ----------------------------------------------------------------- inputs
    def set_input(self, name: str, text: str) -> str:
        """Take ``text`` for input ``name``; returns the field's message ('' when fine)."""
        spec = SPECS[name]
        self.texts[name] = text
        message = ""
        if not text.strip():
            if name not in self.good_texts or (spec.optional and self._replaced(name)):
                self._forget(name)  # nothing to keep, or another input takes its place
            else:
                message = f"empty: the results keep {self.good_texts[name]}"
        else:
            try:
                value = parse_quantity(text, spec.dim)
            except InputError as exc:
                message = str(exc)
            else:
                if self.good.get(name) != value:
                    self._results = None
                self.good[name] = value
                self.good_texts[name] = text.strip()
        self._message("input", name, message)
        return message

    def _replaced(self, name: str) -> bool:
        """Whether an emptied optional input has another that does its work."""
        has = self.good.__contains__
        if name == "read_size":
            return True  # empty means the size of a write
        if name in ("dau", "mau"):
            return has("mau" if name == "dau" else "dau")
        if name in ("reads_per_user", "read_write_ratio", "total_reads"):
            others = {"reads_per_user", "read_write_ratio", "total_reads"} - {name}
            return any(has(n) for n in others)
        if name == "total_writes":
            return has("writes_per_user") and (has("dau") or has("mau"))
        return False

    def _forget(self, name: str) -> None:
        if name in self.good:
            del self.good[name]
            self._results = None
        self.good_texts.pop(name, None)

    def _message(self, kind: str, key: str, message: str) -> None:
        full = key if kind == "input" else f"{kind} {key}"
        if message:
            self.messages[full] = message
        else:
            self.messages.pop(full, None)

    # ----------------------------------------------------------------- rows
    def add_row(self, name: str = "", formula: str = "") -> int:
        if len(self.row_texts) >= MAX_ROWS:
            raise EstimationStateError(f"at most {MAX_ROWS} rows")
        if not name:
            taken = {r[0] for r in self.row_texts}
            n = len(self.row_texts) + 1
            while f"row{n}" in taken:
                n += 1
            name = f"row{n}"
        self.row_texts.append([name, formula])
        self.row_good.append(None)
        self._apply_rows(len(self.row_texts) - 1)
        return len(self.row_texts) - 1

    def set_row(self, index: int, name: str | None = None, formula: str | None = None) -> str:
        texts = self.row_texts[index]
        if name is not None:
            texts[0] = name
        if formula is not None:
            texts[1] = formula
        return self._apply_rows(index)

    def remove_row(self, index: int) -> None:
        del self.row_texts[index]
        del self.row_good[index]
        self.messages = {k: v for k, v in self.messages.items() if not k.startswith("row ")}
        self._apply_rows(None)

    def _apply_rows(self, edited: int | None) -> str:
        """Take the edited row if everything still computes; else keep its last good form.

        The other rows count with their last good name and formula, so one row being
        wrong never changes another's figure.
        """
        candidate: list[UserRow] = []
        names: set[str] = set()
        message = ""
        mine = ""
        for i, typed in enumerate(self.row_texts):
            pair = typed if i == edited else (self.row_good[i] or typed)
            name, formula = pair[0].strip(), pair[1]
            problem = check_row_name(name, names)
            if problem:
                if i == edited:
                    message = problem
                continue
            names.add(name)
            if i == edited:
                mine = name
            candidate.append(UserRow(name, formula))
        key = str(edited)
        if message:
            self._message("row", key, message)
            return message
        results = evaluate(self.good, candidate)
        if edited is not None:
            row = next((r for r in results if r.user and r.name == mine), None)
            if row is not None and row.broken and self.row_good[edited] is not None:
                self._message("row", key, row.problem)
                return row.problem
            self.row_good[edited] = (mine, self.row_texts[edited][1])
            self._message("row", key, row.problem if row is not None and row.broken else "")
        self.rows = candidate
        self._results = results
        by_name = {r.name: r for r in results if r.user}
        for i, typed in enumerate(self.row_texts):
            if i != edited:
                row = by_name.get((self.row_good[i] or typed)[0].strip())
                self._message("row", str(i), row.problem if row and row.broken else "")
        return self.messages.get(f"row {key}", "")

    # ----------------------------------------------------------------- results
    def results(self) -> list[Row]:
        if self._results is None:
            self._results = evaluate(self.good, self.rows)
        return self._results

    def result(self, name: str) -> Row | None:
        return next((r for r in self.results() if r.name == name), None)

    def figures(self) -> dict[str, float]:
        """The computed values in base units (per second, bytes, seconds), by name."""
        return {r.name: r.value.value for r in self.results() if r.value is not None}

    # ----------------------------------------------------------------- stored form
    def to_dict(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "inputs": dict(self.texts),
            "last_good": {k: v for k, v in self.good_texts.items() if self.texts.get(k) != v},
            "rows": [{"name": n, "formula": f} for n, f in self.row_texts],
        }

    @classmethod
    def from_dict(cls, data: Any) -> EstimationState:
        if not isinstance(data, Mapping):
            raise EstimationStateError("the estimation state should be an object")
        if data.get("version") != STATE_VERSION:
            raise EstimationStateError(
                f"estimation state version {data.get('version')!r} is not known "
                f"(this app reads version {STATE_VERSION})"
            )
        inputs = _texts(data.get("inputs", {}), "inputs")
        last_good = _texts(data.get("last_good", {}), "last_good")
        rows = data.get("rows", [])
        if not isinstance(rows, list) or len(rows) > MAX_ROWS:
            raise EstimationStateError(f"'rows' should be a list of at most {MAX_ROWS}")
        state = cls()
        for name, text in last_good.items():
            state.set_input(name, text)
        for name, text in inputs.items():
            state.set_input(name, text)
        for i, row in enumerate(rows):
            if not isinstance(row, Mapping) or set(row) != {"name", "formula"}:
                raise EstimationStateError(f"rows[{i}] should have a name and a formula")
            if not all(isinstance(row[k], str) and len(row[k]) <= 300 for k in row):
                raise EstimationStateError(f"rows[{i}]: name and formula should be short text")
            state.add_row(row["name"], row["formula"])
        return state

    @classmethod
    def from_problem(cls, figures: Mapping[str, str], rows=()) -> EstimationState:
        """A state holding a problem's figures (its ``[estimation]`` table)."""
        state = cls()
        state.apply_figures(figures, rows)
        return state

    def apply_figures(self, figures: Mapping[str, str], rows=()) -> None:
        """Replace inputs and rows with ``figures`` (absent inputs go back to defaults)."""
        for spec in INPUTS:
            self._forget(spec.name)
            self.messages.pop(spec.name, None)
            self.set_input(spec.name, figures.get(spec.name, spec.default))
        self.row_texts = []
        self.row_good = []
        self.rows = []
        self.messages = {k: v for k, v in self.messages.items() if not k.startswith("row ")}
        for name, formula in rows:
            self.add_row(name, formula)
        self._results = None


def _texts(value: Any, field: str) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise EstimationStateError(f"'{field}' should be an object")
    for key, text in value.items():
        if key not in SPECS:
            raise EstimationStateError(f"'{field}': unknown input '{key}'")
        if not isinstance(text, str) or len(text) > 200:
            raise EstimationStateError(f"'{field}.{key}' should be short text")
    return dict(value)
