"""The calculator's results as a Markdown table, for the Estimates pane ("Insert as table")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sdi_desktop.domain.estimation.calculator import Row
from sdi_desktop.domain.estimation.inputs import INPUTS


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"]
    out.append("| " + " | ".join("-" * w for w in widths) + " |")
    for row in rows:
        out.append("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    return out


def results_markdown(texts: Mapping[str, str], rows: Sequence[Row]) -> str:
    """An inputs table, then every computed result with its formula and numbers."""
    inputs = []
    monthly = not texts.get("dau", "").strip() and texts.get("mau", "").strip()
    for spec in INPUTS:
        text = texts.get(spec.name, "").strip()
        if spec.name == "dau_share" and not monthly:
            continue  # only used to turn monthly users into daily ones
        if text:
            label = spec.label + (" (assumption)" if spec.assumption else "")
            inputs.append((_cell(label), _cell(text)))
    results = []
    for row in rows:
        if row.value is None:
            continue
        formula = f"`{row.formula}`"
        if row.numbers and row.numbers != row.formula:
            formula += f" = {_cell(row.numbers)}"
        results.append((_cell(row.label), formula, f"~{row.text}"))
    lines = ["### Back of the envelope", ""]
    if inputs:
        lines += [*_table(("Input", "Value"), inputs), ""]
    if results:
        lines += [*_table(("Figure", "Formula", "Result"), results), ""]
    return "\n".join(lines)


def state_markdown(data) -> str:
    """The Markdown of a stored state (``EstimationState.to_dict()``), for exports;
    '' when there is none or it cannot be read."""
    from sdi_desktop.domain.estimation.state import EstimationState, EstimationStateError

    if not data:
        return ""
    try:
        state = EstimationState.from_dict(data)
    except EstimationStateError:
        return ""
    return results_markdown(state.good_texts, state.results())
