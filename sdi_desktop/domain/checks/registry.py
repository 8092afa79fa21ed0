"""Every rule, and running them: ``run_checks(CheckInput) -> [Finding]``."""

from __future__ import annotations

from collections.abc import Iterable

from sdi_desktop.domain.checks.board_rules import BOARD_RULES
from sdi_desktop.domain.checks.cards import RuleCard
from sdi_desktop.domain.checks.findings import Finding, sort_findings
from sdi_desktop.domain.checks.inputs import CheckInput
from sdi_desktop.domain.checks.process_rules import PROCESS_RULES
from sdi_desktop.domain.checks.rule import Rule
from sdi_desktop.domain.phases import PHASES

RULES: tuple[Rule, ...] = BOARD_RULES + PROCESS_RULES
CARDS: dict[str, RuleCard] = {rule.card.id: rule.card for rule in RULES}


def run_checks(
    inp: CheckInput, rules: Iterable[Rule] = RULES, reached: str | None = None
) -> list[Finding]:
    """Every finding of ``rules`` on ``inp``: problems first, then warnings, then notes.

    ``reached``: the key of the phase the interview has reached; rules about the work
    of later phases are skipped (a live session is not told its wrap-up is empty while
    it is still in the scope phase). ``None`` runs them all.
    """
    if reached is not None:
        order = [p.key for p in PHASES]
        limit = order.index(reached) if reached in order else len(order)
        rules = [r for r in rules if order.index(r.card.phase) <= limit]
    findings = [
        Finding(rule.card.id, rule.card.severity, hit.message, hit.elements, hit.pane)
        for rule in rules
        for hit in rule.check(inp)
    ]
    return sort_findings(findings)


def card(rule_id: str) -> RuleCard | None:
    return CARDS.get(rule_id)
