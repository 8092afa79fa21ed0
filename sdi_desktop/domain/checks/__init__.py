"""The offline design review: rule cards, board and process rules, findings.

``run_checks(CheckInput(board=BoardView.from_elements(...), notes=..., problem=...))``
returns the findings; ``review_state`` keeps dismissals and per-phase findings;
``texts`` words them for the facts, the comparison and the Markdown export.
"""
