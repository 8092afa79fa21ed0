"""The comparison with the reference in sentences, as Markdown: the review panel shows
it, and ``sessions export --format md`` appends it to the write-up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sdi_desktop.domain.reference.compare import Comparison, compare_boards
from sdi_desktop.domain.reference.coverage import Coverage, notes_coverage
from sdi_desktop.domain.reference.graph import Node
from sdi_desktop.domain.reference.markdown import QUALITY_TITLES, esc
from sdi_desktop.domain.reference.roles import role_title

if TYPE_CHECKING:
    from sdi_desktop.domain.problems.model import Problem

LIST_LIMIT = 4  # names shown before "and N more"


def name(node: Node) -> str:
    """“Code cache” (cache): the label, and the role when the label does not say it."""
    label = esc(node.name())
    role = role_title(node.role)
    return f"“{label}”" if role.lower() in label.lower() else f"“{label}” ({role})"


def _a(label: str) -> str:
    """“a message queue”, “an SQL database”: a kind's label with its article."""
    phrase = label if any(c.isupper() for c in label[1:]) else label.lower()
    vowel = phrase[0] in "aeiou" or phrase[:3] in ("SQL", "API")
    return f"{'an' if vowel else 'a'} {phrase}"


def _names(nodes: list[Node], limit: int = LIST_LIMIT) -> str:
    shown = ", ".join(f"“{esc(n.name())}”" for n in nodes[:limit])
    rest = len(nodes) - limit
    return shown + (f" and {rest} more" if rest > 0 else "")


def _role_phrase(comparison: Comparison, role: str) -> str:
    ref = comparison.reference
    if role == "replica":
        replicated = [n for n in ref.nodes.values() if n.replicated]
        where = f" ({_names(replicated)})" if replicated else ""
        return f"replicas{where}"
    nodes = [n for n in ref.nodes.values() if n.role == role]
    return f"{role_title(role)} ({_names(nodes)})"


def board_lines(comparison: Comparison) -> list[str]:
    """Markdown bullets: what the two boards share and where they differ."""
    ref, mine = comparison.reference, comparison.mine
    if comparison.empty:
        return [
            f"- Your board has no components, so the whole reference design is missing from "
            f"it: {len(ref.nodes)} components and {len(ref.edges)} connections."
        ]
    lines: list[str] = []
    if comparison.only_generic:
        lines.append(
            "- Every component on your board is a generic box, so their roles below are "
            "guessed from the labels. Give each its kind (Ctrl+K) for a sure comparison."
        )
    if comparison.missing_roles:
        phrases = [_role_phrase(comparison, r) for r in comparison.missing_roles]
        lines.append(f"- **In the reference, not on your board:** {'; '.join(phrases)}.")
    if comparison.unmatched:
        lines.append(
            "- **Reference components with no counterpart on your board:** "
            + ", ".join(name(n) for n in comparison.unmatched)
            + "."
        )
    if comparison.extra_roles:
        phrases = [
            f"{role_title(role)} ({_names(nodes)})"
            for role, nodes in comparison.extra_roles.items()
        ]
        lines.append(
            f"- **On your board, not in the reference:** {'; '.join(phrases)}. Not wrong in "
            "itself: be ready to say what each one is for."
        )
    from sdi_desktop.domain.board.kinds import kind

    for pair in comparison.other_kind:
        lines.append(
            f"- **Same role, another kind:** the reference's “{esc(pair.reference.name())}” is "
            f"{_a(kind(pair.reference.kind).label)}; your “{esc(pair.mine.name())}” is "
            f"{_a(kind(pair.mine.kind).label)}."
        )
    for path in comparison.missing_paths:
        chain = " → ".join(name(n) for n in path.nodes)
        why = ""
        if path.missing_components:
            why = f"; your board has no {', '.join(name(n) for n in path.missing_components)}"
        lines.append(f"- **Reference path missing from yours:** {chain}{why}.")
    for gap in comparison.async_gaps:
        label = f" ({esc(gap.reference.label)})" if gap.reference.label else ""
        lines.append(
            f"- **Asynchronous in the reference, synchronous on your board:** "
            f"{esc(gap.source.name())} → {esc(gap.target.name())}{label}. The reference keeps it "
            "off the "
            "request path (a dashed connector)."
        )
    guesses = comparison.guesses
    if guesses and not comparison.only_generic:
        taken = "; ".join(
            f"your {'box ' if p.mine.guessed else ''}{name(p.mine)} taken for the reference's "
            f"{name(p.reference)}"
            for p in guesses
        )
        lines.append(f"- **Guessed from labels:** {taken}. A matching kind would make it sure.")
    unknown = comparison.unrecognised
    if unknown:
        lines.append(
            f"- {len(unknown)} of your boxes have labels the comparison does not recognise: "
            f"{_names(unknown)}."
        )
    if not (comparison.missing_roles or comparison.unmatched or comparison.missing_paths):
        lines.append(
            "- Every component and connection of the reference has a counterpart on your board."
        )
    lines.append(
        f"- Sizes: the reference has {len(ref.nodes)} components and {len(ref.edges)} "
        f"connections; yours {len(mine.nodes)} and {len(mine.edges)}."
    )
    return lines


def requirement_lines(coverage: Coverage) -> list[str]:
    """Markdown bullets: the core features and qualities the requirements pane mentions."""
    lines = []
    if coverage.features:
        found = [m for m in coverage.features if m.found]
        missing = [esc(m.text) for m in coverage.features if not m.found]
        text = f"{len(found)} of {len(coverage.features)} core features"
        if missing:
            text += ". Not found: " + "; ".join(missing)
        lines.append(f"- **Your requirements pane mentions** {text}.")
    if coverage.qualities:
        ranked = ", ".join(QUALITY_TITLES[q.quality].lower() for q in coverage.qualities)
        yours = sorted((q for q in coverage.qualities if q.found), key=lambda q: q.order or 0)
        text = f"- **Qualities:** the reference ranks {ranked}."
        if yours:
            text += " Yours come in the order " + ", ".join(
                QUALITY_TITLES[q.quality].lower() for q in yours
            )
            text += "."
        not_found = [QUALITY_TITLES[q.quality].lower() for q in coverage.qualities if not q.found]
        if not_found:
            text += " Not found: " + ", ".join(not_found) + "."
        lines.append(text)
    return lines


def topic_lines(coverage: Coverage) -> list[str]:
    """Markdown bullets: the deep-dive topics the deep-dive pane covers."""
    if not coverage.topics:
        return []
    covered = [t for t in coverage.topics if t.covered]
    text = f"- **Deep-dive topics your deep-dive pane covers:** {len(covered)} of "
    text += f"{len(coverage.topics)}"
    if covered:
        text += " (" + "; ".join(esc(t.topic) for t in covered) + ")"
    picked = [t for t in coverage.topics if t.pick_named]
    if picked:
        text += ". You name the reference's pick for " + "; ".join(esc(t.topic) for t in picked)
    return [text + "."]


GUESS_NOTE = "- These are guesses from shared words: read the reference beside your notes."


def coverage_lines(problem: Problem, coverage: Coverage) -> list[str]:
    """Markdown bullets: requirements and deep-dive topics the notes mention (guesses)."""
    lines = requirement_lines(coverage) + topic_lines(coverage)
    return [*lines, GUESS_NOTE] if lines else []


def comparison_markdown(
    problem: Problem,
    board: list[Any],
    notes: dict[str, str],
    follow_up_lines: list[str] | None = None,
    heading: str = "##",
) -> str:
    """The whole comparison with the problem's reference ("" when it has none)."""
    if problem.reference is None:
        return ""
    from sdi_desktop.domain.problems.reference import reference_board

    comparison = compare_boards(reference_board(problem), board)
    lines = [f"{heading} Compared with the reference answer", ""]
    lines += [f"{heading}# Board", "", *board_lines(comparison), ""]
    covered = coverage_lines(problem, notes_coverage(problem, notes))
    if covered:
        lines += [f"{heading}# Notes", "", *covered, ""]
    if follow_up_lines:
        lines += [f"{heading}# Follow-up questions", "", *follow_up_lines, ""]
    return "\n".join(lines)


def session_comparison_markdown(problem: Problem | None, record: Any) -> str:
    """The comparison for a saved session (a ``SessionRecord``): its board and notes against
    the problem's reference, with the follow-up questions asked if the session stored them
    (``record.extras["follow_ups"]``). "" without a problem or a reference."""
    if problem is None or problem.reference is None:
        return ""
    from sdi_desktop.domain.reference.follow_ups import (
        EXTRAS_KEY,
        FollowUpLog,
        FollowUpLogError,
        follow_up_lines,
    )

    notes = dict(record.notes)
    lines = None
    stored = (getattr(record, "extras", None) or {}).get(EXTRAS_KEY)
    if stored is not None:
        try:
            lines = follow_up_lines(FollowUpLog.from_dict(stored), notes)
        except FollowUpLogError as exc:
            lines = [f"- The follow-up log of this session cannot be read: {exc}."]
    return comparison_markdown(problem, record.board, notes, lines)
