"""A rule: its card (data) and the pure function that looks for it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from sdi_desktop.domain.checks.cards import RuleCard
from sdi_desktop.domain.checks.findings import Hit
from sdi_desktop.domain.checks.inputs import CheckInput


class Rule(NamedTuple):
    card: RuleCard
    check: Callable[[CheckInput], Iterable[Hit]]
