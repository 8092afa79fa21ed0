"""Reading what people type: ``100M``, ``1.5 KB``, ``10 years``, ``2.5M s``, ``100:1``.

``parse_quantity(text, expected)`` returns a ``Quantity`` or raises ``InputError`` with
a message fit to show beside the field. ``expected`` (a dimension) decides what an
ambiguous ``B`` means: a billion in a count field (``36.5 B`` links), bytes elsewhere.
Bits are spelt out (``Gbit``, ``Gbps``); ``kb``, ``mb`` and ``gb`` are read as bytes,
which is what people mean when they type them.
"""

from __future__ import annotations

import math
import re

from sdi_desktop.domain.estimation.units import (
    BYTES,
    COUNT,
    DAY,
    DIM_EXAMPLES,
    MONTH,
    RATE,
    SECONDS,
    YEAR,
    Dim,
    Quantity,
    dim_name,
)

MAX_TEXT = 80


class InputError(ValueError):
    """What is wrong with one typed value, in words for the user."""


_NUMBER = re.compile(
    r"^(?P<sign>[-+−])?\s*(?P<num>(?:\d[\d,_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*(?P<rest>.*)$"
)
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d*)?([eE][-+]?\d+)?$")
_RATIO = re.compile(r"^\s*([\d.,_]+)\s*:\s*([\d.,_]+)\s*$")

MULTIPLIERS: dict[str, float] = {
    "k": 1e3,
    "K": 1e3,
    "thousand": 1e3,
    "M": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "B": 1e9,
    "bn": 1e9,
    "G": 1e9,
    "billion": 1e9,
    "T": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
}

_BYTE_UNITS: dict[str, float] = {"B": 1, "byte": 1, "bytes": 1}
for _i, _p in enumerate("KMGTPE", start=1):
    for _spelling in (f"{_p}B", f"{_p.lower()}B", f"{_p.lower()}b", f"{_p}b"):
        _BYTE_UNITS[_spelling] = 1000.0**_i
    _BYTE_UNITS[f"{_p}iB"] = 1024.0**_i
    _BYTE_UNITS[f"{_p}bit"] = 1000.0**_i / 8
    _BYTE_UNITS[f"{_p.lower()}bit"] = 1000.0**_i / 8
_BYTE_UNITS.update({"bit": 1 / 8, "bits": 1 / 8})

_TIME_UNITS: dict[str, float] = {
    "ns": 1e-9,
    "us": 1e-6,
    "µs": 1e-6,
    "ms": 1e-3,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "d": DAY,
    "day": DAY,
    "days": DAY,
    "week": 7 * DAY,
    "weeks": 7 * DAY,
    "month": MONTH,
    "months": MONTH,
    "y": YEAR,
    "yr": YEAR,
    "yrs": YEAR,
    "year": YEAR,
    "years": YEAR,
}

# Words that name what is counted; they change nothing ("100 M users" is 100 M).
_NOUN_TEXT = """users user requests request req reqs reads read writes write ops op operations
messages message msgs msg events event items item links link posts post clicks click orders
order queries query calls call ids id pages page files file rows row entries entry points
point mails mail jobs job connections devices times x ×"""
_NOUNS = frozenset(_NOUN_TEXT.split())
_PER_SECOND = {"qps": 1.0, "rps": 1.0, "tps": 1.0, "ops/s": 1.0}
_BITS_PER_SECOND = {"bps": 1 / 8, "Kbps": 1e3 / 8, "Mbps": 1e6 / 8, "Gbps": 1e9 / 8}
_BITS_PER_SECOND["Tbps"] = 1e12 / 8


def _lookup_time(word: str) -> float | None:
    return _TIME_UNITS.get(word) or _TIME_UNITS.get(word.lower())


def _unit(rest: str) -> list[tuple[float, Dim]]:
    """Every reading of a unit text as (factor to base units, dimension)."""
    rest = rest.strip()
    if rest in ("", "x", "×") or rest.lower() in _NOUNS:
        return [(1.0, COUNT)]
    if rest == "%":
        return [(0.01, COUNT)]
    out: list[tuple[float, Dim]] = []
    if rest in _BYTE_UNITS:
        out.append((_BYTE_UNITS[rest], BYTES))
    if rest.lower() in _PER_SECOND:
        out.append((1.0, RATE))
    if rest in _BITS_PER_SECOND:
        out.append((_BITS_PER_SECOND[rest], (1, -1)))
    seconds = _lookup_time(rest)
    if seconds is not None:
        out.append((seconds, SECONDS))
    if out:
        return out
    # A rate: "<bytes or a noun or nothing> / <time>" or "... per <time>".
    parts = re.split(r"\s*/\s*|(?:^|\s+)per\s+", rest, maxsplit=1)
    if len(parts) == 2:
        top, bottom = parts
        per = _lookup_time(bottom.strip())
        if per is None:
            return []
        for factor, dim in _unit(top) if top.strip() else [(1.0, COUNT)]:
            if dim in (COUNT, BYTES):
                out.append((factor / per, (dim[0], -1)))
    return out


def _readings(rest: str) -> list[tuple[float, Dim]]:
    """The unit readings, then a multiplier (K, M, B...) followed by a unit."""
    out = list(_unit(rest))
    for word, factor in MULTIPLIERS.items():
        if rest.startswith(word):
            after = rest[len(word) :]
            if after and word.isalpha() and len(word) > 1 and after[0].isalpha():
                continue  # "bnx" is not "bn" + "x"
            for unit_factor, dim in _unit(after):
                out.append((factor * unit_factor, dim))
    return out


def _number(text: str) -> float:
    if "," in text:
        if not _GROUPED.match(text):
            raise InputError(
                f"'{text}' is not a number: put commas every three digits (1,000) or none"
            )
        text = text.replace(",", "")
    if "_" in text:
        text = text.replace("_", "")
    try:
        return float(text)
    except ValueError:
        raise InputError(f"'{text}' is not a number") from None


def _ratio(text: str) -> Quantity | None:
    match = _RATIO.match(text)
    if not match:
        return None
    left, right = _number(match.group(1)), _number(match.group(2))
    if right == 0:
        raise InputError("a ratio's second number cannot be 0 (write 100:1)")
    return Quantity(left / right, COUNT)


def parse_quantity(text: str, expected: Dim | None = None) -> Quantity:
    """The quantity in ``text``; ``expected`` is the field's dimension (None: any)."""
    if not isinstance(text, str):
        raise InputError("expected text")
    text = text.strip()
    if not text:
        raise InputError("empty: type a value" + _example(expected))
    if len(text) > MAX_TEXT:
        raise InputError(f"too long (at most {MAX_TEXT} characters)")
    ratio = _ratio(text) if ":" in text else None
    if ratio is not None:
        return _check(ratio, expected, text)
    match = _NUMBER.match(text)
    if not match:
        raise InputError(f"'{text}' does not start with a number" + _example(expected))
    if match.group("sign") in ("-", "−"):
        raise InputError("must not be negative")
    value = _number(match.group("num"))
    if not math.isfinite(value):
        raise InputError(f"{match.group('num')} is too large to compute with")
    rest = match.group("rest").strip()
    readings = _readings(rest)
    if not readings:
        raise InputError(f"unknown unit '{rest}'" + _example(expected))
    if expected is not None:
        fitting = [r for r in readings if r[1] == expected]
        if not fitting:
            got = readings[0][1]
            if got == COUNT:
                raise InputError(f"needs a unit: this is {dim_name(expected)}" + _example(expected))
            raise InputError(
                f"wrong unit: '{rest}' is {dim_name(got)}, this field takes "
                f"{dim_name(expected)}" + _example(expected)
            )
        readings = fitting
    factor, dim = readings[0]
    quantity = Quantity(value * factor, dim)
    if not quantity.finite:
        raise InputError(f"'{text}' is too large to compute with")
    return quantity


def _check(quantity: Quantity, expected: Dim | None, text: str) -> Quantity:
    if expected is not None and expected != quantity.dim:
        raise InputError(f"'{text}' is a ratio; this field takes {dim_name(expected)}")
    return quantity


def _example(expected: Dim | None) -> str:
    if expected is None or expected not in DIM_EXAMPLES:
        return ""
    return f", like {DIM_EXAMPLES[expected]}"


__all__ = ["BYTES", "COUNT", "RATE", "SECONDS", "InputError", "parse_quantity"]
