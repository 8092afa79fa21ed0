"""A problem's reference answer: what a strong answer to it looks like.

It stays hidden until the candidate's attempt is done ("perform first, compare
second"). It is part of the problem file (the ``[reference]`` table, see
``docs/problem-format.md``) and validated with the rest; what a schema cannot say
(deep-dive picks naming the problem's own topics and options, a board that the
board reader accepts with only known component kinds) is checked by
``reference_errors`` once the whole problem has been read.

The estimates are not written here: they are computed from the problem's scale
inputs, so that every figure of a problem has one source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

if TYPE_CHECKING:
    from sdi_desktop.domain.problems.model import Problem

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
TextList = Annotated[list[Text], Field(min_length=1, max_length=20)]

# The qualities the interview process names, plus durability (stored data never lost).
QUALITIES: tuple[str, ...] = (
    "scale",
    "performance",
    "availability",
    "consistency",
    "accuracy",
    "freshness",
    "security",
    "durability",
)
METHODS: tuple[str, ...] = ("GET", "POST", "PUT", "PATCH", "DELETE", "WS", "RPC", "EVENT")


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Quality(_Strict):
    """One non-functional requirement; the list is in priority order, most important first."""

    quality: Literal[QUALITIES]  # type: ignore[valid-type]
    requirement: Text
    target: Text | None = None  # a number where one fits: "p99 under 50 ms", "99.99 %"


class Endpoint(_Strict):
    """One call of the API, for a core feature only."""

    method: Literal[METHODS]  # type: ignore[valid-type]
    path: Text
    purpose: Text
    request: Text | None = None
    response: Text | None = None


class Entity(_Strict):
    """One entity of the data model: its key, its fields and where it lives, and why."""

    entity: Text
    key: Text
    fields: TextList
    store: Text  # a component kind, e.g. "nosql_db"
    why: Text


class DeepDivePick(_Strict):
    """Which option of one of the problem's deep dives a strong answer usually picks."""

    topic: Text  # equals a deep_dives[].topic of the problem
    pick: Text  # equals one of that topic's option names
    why: Text


class WrapUp(_Strict):
    special: Text  # what makes this problem special
    how_met: TextList  # how the design meets its key requirements
    limits: TextList  # the limits of the design, what was sacrificed


class Levels(_Strict):
    """What is expected at each level, a few lines each."""

    mid: Text
    senior: Text
    staff: Text


class Reference(_Strict):
    summary: Text
    core_features: Annotated[list[Text], Field(min_length=3, max_length=4)]
    out_of_scope: TextList
    qualities: Annotated[list[Quality], Field(min_length=2, max_length=8)]
    api: Annotated[list[Endpoint], Field(min_length=1, max_length=20)]
    data_model: Annotated[list[Entity], Field(min_length=1, max_length=20)]
    deep_dives: Annotated[list[DeepDivePick], Field(min_length=1, max_length=5)]
    wrap_up: WrapUp
    levels: Levels
    # The reference design, in the board file format (docs/board-format.md); read and
    # validated by the board's own versioned reader (see ``reference_errors``).
    board: dict[str, Any]


def reference_errors(problem: Problem) -> list[tuple[str, str]]:
    """What is wrong with the problem's reference beyond its schema: ``(field, message)``."""
    ref = problem.reference
    if ref is None:
        return []
    errors: list[tuple[str, str]] = []
    options = {d.topic: [o.name for o in d.options] for d in problem.deep_dives}
    for i, pick in enumerate(ref.deep_dives):
        where = f"reference.deep_dives[{i}]"
        if pick.topic not in options:
            errors.append((f"{where}.topic", f"{pick.topic!r} is not one of the deep_dives topics"))
        elif pick.pick not in options[pick.topic]:
            errors.append(
                (f"{where}.pick", f"{pick.pick!r} is not an option of the topic {pick.topic!r}")
            )
    errors.extend(_board_errors(ref))
    from sdi_desktop.domain.board.kinds import KINDS_BY_KEY

    for i, entity in enumerate(ref.data_model):
        if entity.store not in KINDS_BY_KEY:
            errors.append(
                (f"reference.data_model[{i}].store", f"{entity.store!r} is not a component kind")
            )
    return errors


def _board_errors(ref: Reference) -> list[tuple[str, str]]:
    from sdi_desktop.domain.board.file_format import BoardFormatError, from_data
    from sdi_desktop.domain.board.kinds import KINDS_BY_KEY

    raw = ref.board.get("elements")
    if isinstance(raw, list):
        # The board reader loads an unknown kind as a box (for files of a newer app);
        # a reference written for this app must name real kinds.
        for i, item in enumerate(raw):
            if isinstance(item, dict) and item.get("type") == "component":
                kind = item.get("kind")
                if kind not in KINDS_BY_KEY:
                    return [
                        (
                            f"reference.board.elements[{i}].kind",
                            f"{kind!r} is not a component kind",
                        )
                    ]
    try:
        elements = from_data(ref.board)
    except BoardFormatError as exc:
        return [_board_key_error(ref.board, str(exc))]
    from sdi_desktop.domain.board.elements import Component

    if not any(isinstance(e, Component) for e in elements):
        return [("reference.board", "the reference board has no components")]
    return []


def _board_key_error(board: dict[str, Any], message: str) -> tuple[str, str]:
    """The board reader's complaint, named by field when it is about one of the board's
    own keys: a line typed at the end of the file lands in ``[reference.board]``."""
    from sdi_desktop.domain.problems.model import Problem

    key = message.split(":", 1)[0]
    if key not in board or key in ("format", "version", "elements"):
        return ("reference.board", message)
    if key in Problem.model_fields:
        return (
            f"reference.board.{key}",
            "belongs at the top level; TOML puts every key below a [table] header into "
            "that table, so move it above [suggested_scale], [[deep_dives]] and [reference]",
        )
    return (f"reference.board.{key}", "unknown field (a board holds format, version, elements)")


def reference_board(problem: Problem) -> list:
    """The reference board's elements (the problem must have passed validation)."""
    from sdi_desktop.domain.board.file_format import from_data

    return from_data(problem.reference.board) if problem.reference else []
