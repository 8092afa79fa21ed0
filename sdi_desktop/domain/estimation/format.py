"""Writing quantities for people: round (``1,160 /s``, ``18.3 TB``) and exact.

``format_round`` keeps three significant figures in the largest unit that leaves a
number of at least 1; counts below a million are written in full with grouping
(``116,000``), larger ones with M, B or T. ``format_exact`` writes every digit Python
needs to read the same float back, so ``parse_quantity(format_exact(q), q.dim) == q``.
"""

from __future__ import annotations

import math

from sdi_desktop.domain.estimation.units import (
    BANDWIDTH,
    BYTES,
    COUNT,
    DAY,
    RATE,
    SECONDS,
    YEAR,
    Quantity,
    dim_name,
)

_COUNT_STEPS = ((1e12, "T"), (1e9, "B"), (1e6, "M"))
_BYTE_STEPS = tuple((1000.0**i, p + "B") for i, p in reversed(list(enumerate("KMGTPE", 1))))
_TIME_STEPS = ((YEAR, "years"), (DAY, "days"), (3600.0, "h"), (60.0, "min"), (1.0, "s"))


def round3(value: float) -> float:
    """``value`` to three significant figures."""
    if value == 0 or not math.isfinite(value):
        return value
    return float(f"{value:.3g}")


def _digits(value: float) -> str:
    """Three significant figures, grouped: 1157.4 -> '1,160', 0.2 -> '0.2'.

    Whole numbers below 10,000 are written in full (1,024, not 1,020).
    """
    if value == int(value) and abs(value) < 10_000:
        return f"{int(value):,}"
    value = round3(value)
    if value == 0:
        return "0"
    if abs(value) >= 1e21 or abs(value) < 1e-4:
        return f"{value:.3g}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    decimals = 2 - math.floor(math.log10(abs(value)))
    text = f"{value:.{max(decimals, 0)}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _scaled(value: float, steps, base: str, sep: str = " ") -> str:
    magnitude = abs(round3(value))
    if steps is _COUNT_STEPS and magnitude >= 1e15:
        return f"{value:.3g}"  # past trillions, powers of ten read better than "1,000 T"
    for size, name in steps:
        if magnitude >= size:
            return f"{_digits(value / size)}{sep}{name}"
    return f"{_digits(value)}{sep}{base}" if base else _digits(value)


def format_round(quantity: Quantity) -> str:
    """The value in round human units."""
    value, dim = quantity.value, quantity.dim
    if not math.isfinite(value):
        return "too large"
    if dim == COUNT:
        return _scaled(value, _COUNT_STEPS, "")
    if dim == RATE:
        return _scaled(value, _COUNT_STEPS, "") + " /s"
    if dim == BYTES:
        return _scaled(value, _BYTE_STEPS, "B")
    if dim == BANDWIDTH:
        return _scaled(value, _BYTE_STEPS, "B") + "/s"
    if dim == SECONDS:
        if 0 < abs(value) < 1:
            return f"{_digits(value * 1000)} ms"
        text = _scaled(value, _TIME_STEPS, "s")
        return text[:-1] if text in ("1 days", "1 years") else text
    return f"{_digits(value)} {dim_name(dim)}"


_BASE = {COUNT: "", RATE: " /s", BYTES: " B", BANDWIDTH: " B/s", SECONDS: " s"}


def format_exact(quantity: Quantity) -> str:
    """Every digit, in base units (grouped); reads back as the same float."""
    value, dim = quantity.value, quantity.dim
    if not math.isfinite(value):
        return "too large"
    text = repr(float(value))
    if "e" not in text and "inf" not in text:
        whole, _, frac = text.partition(".")
        sign = "-" if whole.startswith("-") else ""
        whole = f"{int(whole.lstrip('-')):,}"
        text = sign + whole + ("" if frac in ("", "0") else "." + frac)
    suffix = _BASE.get(dim)
    if suffix is None:
        return f"{text} {dim_name(dim)}"
    return text + suffix
