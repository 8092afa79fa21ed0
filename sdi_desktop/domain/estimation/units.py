"""Quantities with units: a value in base units (bytes, seconds) and its dimension.

A dimension is a pair of exponents ``(bytes, seconds)``: a count is ``(0, 0)``, a size
``(1, 0)``, a duration ``(0, 1)``, a rate ``(0, -1)`` and a bandwidth ``(1, -1)``.
Requests, users and links are all counts: the calculator cannot tell them apart, and
does not need to. A small module of our own rather than pint: see
``docs/estimation.md`` (pint costs ~0.2 s to import and build its registry, and knows
neither ``100M`` nor ``100:1``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Dim = tuple[int, int]

COUNT: Dim = (0, 0)
BYTES: Dim = (1, 0)
SECONDS: Dim = (0, 1)
RATE: Dim = (0, -1)
BANDWIDTH: Dim = (1, -1)

DIM_NAMES: dict[Dim, str] = {
    COUNT: "a plain number",
    BYTES: "a size",
    SECONDS: "a duration",
    RATE: "a rate per second",
    BANDWIDTH: "bytes per second",
}

DIM_EXAMPLES: dict[Dim, str] = {
    COUNT: "100 M",
    BYTES: "500 B or 1.5 KB",
    SECONDS: "10 years or 2.5M s",
    RATE: "10K /s",
    BANDWIDTH: "100 MB/s",
}

DAY = 86_400.0
YEAR = 365 * DAY  # the back-of-the-envelope year: 365 days, ~31.5 M s
MONTH = 30 * DAY  # ~2.6 M s


class UnitMismatch(ValueError):
    """Two quantities of different dimensions were added, subtracted or compared."""


def dim_name(dim: Dim) -> str:
    known = DIM_NAMES.get(dim)
    if known is not None:
        return known
    parts = []
    for symbol, exp in (("B", dim[0]), ("s", dim[1])):
        if exp:
            parts.append(symbol if exp == 1 else f"{symbol}^{exp}")
    return "·".join(parts)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value in base units (bytes, seconds) with its dimension."""

    value: float
    dim: Dim = COUNT

    def _same(self, other: Quantity, verb: str) -> None:
        if self.dim != other.dim:
            raise UnitMismatch(
                f"cannot {verb} {dim_name(other.dim)} and {dim_name(self.dim)} (their units differ)"
            )

    def __add__(self, other: Quantity) -> Quantity:
        self._same(other, "add")
        return Quantity(self.value + other.value, self.dim)

    def __sub__(self, other: Quantity) -> Quantity:
        self._same(other, "subtract")
        return Quantity(self.value - other.value, self.dim)

    def __mul__(self, other: Quantity) -> Quantity:
        a, b = self.dim, other.dim
        return Quantity(self.value * other.value, (a[0] + b[0], a[1] + b[1]))

    def __truediv__(self, other: Quantity) -> Quantity:
        if other.value == 0:
            raise ZeroDivisionError("division by zero")
        a, b = self.dim, other.dim
        return Quantity(self.value / other.value, (a[0] - b[0], a[1] - b[1]))

    def __neg__(self) -> Quantity:
        return Quantity(-self.value, self.dim)

    def power(self, exponent: Quantity) -> Quantity:
        if exponent.dim != COUNT:
            raise UnitMismatch("an exponent must be a plain number")
        n = exponent.value
        if self.dim != COUNT and n != int(n):
            raise UnitMismatch("a quantity with a unit can only be raised to a whole power")
        if abs(n) > 1000:
            raise OverflowError("the exponent is too large")
        value = self.value**n
        if isinstance(value, complex):
            raise ValueError("a negative number to a fractional power")
        return Quantity(float(value), (self.dim[0] * int(n), self.dim[1] * int(n)))

    @property
    def finite(self) -> bool:
        return math.isfinite(self.value)
