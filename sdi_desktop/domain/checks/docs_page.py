"""``docs/design-checks.md``, generated from the rule cards.

``python -m sdi_desktop.domain.checks.docs_page`` prints the page;
``python -m sdi_desktop.domain.checks.docs_page --write`` writes it (a test fails
when the committed page differs from what the cards say).
"""

from __future__ import annotations

import sys
from pathlib import Path

from sdi_desktop.domain.checks.cards import SEVERITY_TITLES
from sdi_desktop.domain.checks.registry import RULES
from sdi_desktop.domain.phases import PHASES

PAGE = Path(__file__).resolve().parents[3] / "docs" / "design-checks.md"

INTRO = """# Design checks

<!-- Generated from the rule cards in sdi_desktop/domain/checks/ by
     `python -m sdi_desktop.domain.checks.docs_page --write`; do not edit by hand. -->

The design review (Board > Design review, `Ctrl+Shift+D`, or `sdi-desktop sessions check
ID`) runs these checks over the whiteboard and the notes, offline and deterministically.
Each finding names its rule and the board items or notes pane it concerns. Severities:

- **problem**: almost always a flaw in the design; `sessions check` exits 1 when one is found.
- **warning**: often a flaw, sometimes a choice left to the words (mark it "Intended").
- **note**: a guess worth a second look.

A check can be wrong: each card lists its known false positives. "Intended" dismisses one
finding for the items it concerns; the choice is kept with the session and can be undone.

A plain, sensible design (clients, a CDN and a load balancer, services, a cache, a
database, asynchronous work through a queue) raises no problem. Drawn without instance
counts it still raises warnings: `single-point-of-failure` on the load balancer, the
services or the database, and `single-database-writes`. They are acceptable where the
replication is said in words rather than drawn; set the instance count (right-click a
component, Instances) or name it in the label ("primary + 2 replicas") and they go.
"""


_PHASE_TITLES = {p.key: p.short_title for p in PHASES}


def render() -> str:
    parts = [INTRO]
    for scope, heading in (("board", "Board rules"), ("process", "Process rules (notes)")):
        rules = [r.card for r in RULES if r.card.scope == scope]
        parts.append(f"## {heading}\n")
        parts.append("| Rule | Severity | Detects |\n| --- | --- | --- |")
        parts.extend(f"| [`{c.id}`](#{c.id}) | {c.severity} | {c.title} |" for c in rules)
        parts.append("")
        for c in rules:
            parts.append(
                f'### {c.title}\n\n<a id="{c.id}"></a>`{c.id}`: '
                f"**{SEVERITY_TITLES[c.severity][:-1].lower()}**\n\n"
                f"- **What it detects**: {c.detects}\n"
                f"- **Why it matters**: {c.why}\n"
                f"- **How to fix it**: {c.fix}\n"
                f"- **Known false positives**: {c.false_positives}\n"
                f"- **Checked from the phase**: {_PHASE_TITLES[c.phase]}\n"
            )
    return "\n".join(parts).rstrip() + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--write" in argv:
        PAGE.write_text(text, encoding="utf-8")
        print(PAGE)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
