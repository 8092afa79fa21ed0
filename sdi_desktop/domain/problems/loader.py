"""Reading problem files: TOML text -> plain data -> a validated ``Problem``.

A broken file never stops the rest: ``load_library`` skips it and reports one
line naming the file and the field at fault.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from sdi_desktop.domain.problems.errors import (
    ProblemError,
    ProblemFileError,
    describe,
    display_name,
    field_path,
)
from sdi_desktop.domain.problems.interviewer import InterviewerNotes, interviewer_errors
from sdi_desktop.domain.problems.library import ProblemLibrary, ProblemOrigin
from sdi_desktop.domain.problems.model import (
    FORMAT_VERSION,
    DeepDive,
    Estimation,
    EstimationRow,
    Option,
    Problem,
    Scale,
)
from sdi_desktop.domain.problems.reference import (
    DeepDivePick,
    Endpoint,
    Entity,
    Levels,
    Quality,
    Reference,
    WrapUp,
    reference_errors,
)

SUFFIX = ".toml"
MAX_FILE_CHARS = 1_000_000
MAX_DEPTH = 12  # a problem nests 6 levels deep (reference.board.elements[i].points[j])


def _depth(value, level: int = 0) -> int:
    """How deep tables and arrays nest; stops counting past MAX_DEPTH (no recursion limit)."""
    deepest = level
    stack = [(value, level)]
    while stack:
        item, at = stack.pop()
        deepest = max(deepest, at)
        if at > MAX_DEPTH:
            break
        if isinstance(item, dict):
            stack.extend((v, at + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, at + 1) for v in item)
    return deepest


_MODELS = (Problem, Scale, DeepDive, Option, Reference, Quality, Endpoint, Entity, DeepDivePick)
_MODELS = (*_MODELS, Estimation, EstimationRow)
KNOWN_FIELDS = sorted(
    {f for m in (*_MODELS, WrapUp, Levels, InterviewerNotes) for f in m.model_fields}
)


def parse_problem_text(text: str, name: str) -> Problem:
    """Validate the TOML text of one problem; ``name`` is the file named in errors."""
    if len(text) > MAX_FILE_CHARS:
        raise ProblemFileError(
            ProblemError(
                name,
                "",
                f"is {len(text):,} characters; a problem file is at most {MAX_FILE_CHARS:,}",
            )
        )
    text = text.removeprefix("\ufeff")  # a byte order mark some editors write
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProblemFileError(ProblemError(name, "", f"not valid TOML: {exc}")) from None
    except RecursionError:
        raise ProblemFileError(
            ProblemError(name, "", "nested too deeply to be a problem")
        ) from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise ProblemFileError(ProblemError(name, "", f"not valid TOML: {exc}")) from None
    depth = _depth(data)
    if depth > MAX_DEPTH:
        raise ProblemFileError(
            ProblemError(
                name, "", f"nests {depth} levels deep; a problem nests at most {MAX_DEPTH}"
            )
        )
    version = data.get("format", FORMAT_VERSION)
    if type(version) is not int or version != FORMAT_VERSION:
        raise ProblemFileError(
            ProblemError(
                name,
                "format",
                f"format {version!r} is not known to this version of the app "
                f"(it reads format {FORMAT_VERSION})",
            )
        )
    try:
        problem = Problem.model_validate(data)
    except RecursionError:
        raise ProblemFileError(
            ProblemError(name, "", "nested too deeply to be a problem")
        ) from None
    except ValidationError as exc:
        # An unknown key explains a missing one (a misspelling), so it is reported first.
        errors = sorted(exc.errors(include_url=False), key=lambda e: e["type"] != "extra_forbidden")
        first = errors[0]
        raise ProblemFileError(
            ProblemError(name, field_path(first["loc"]), _explain(first)), len(errors) - 1
        ) from None
    problems = reference_errors(problem) + interviewer_errors(problem)
    if problem.estimation is not None:
        from sdi_desktop.domain.estimation.problem_figures import check_table

        problems += [
            (f"estimation.{where}", message) for where, message in check_table(problem.estimation)
        ]
    if problems:
        field, message = problems[0]
        raise ProblemFileError(ProblemError(name, field, message), len(problems) - 1)
    return problem


def _explain(error) -> str:
    loc = error["loc"]
    if error["type"] == "extra_forbidden" and len(loc) > 1 and loc[-1] in Problem.model_fields:
        # The usual TOML slip: a top-level key written below a [table] header.
        return (
            "belongs at the top level; TOML puts every key below a [table] header into "
            "that table, so move it above [suggested_scale] and [[deep_dives]]"
        )
    if error["type"] == "extra_forbidden":
        close = difflib.get_close_matches(str(loc[-1]), KNOWN_FIELDS, n=1)
        if close:
            return f"unknown field (did you mean '{close[0]}'?)"
    return describe(error)


def read_problem_file(path: Path, name: str | None = None) -> Problem:
    """Read and validate one file; raises ``ProblemFileError`` with a one-line reason."""
    name = name or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProblemFileError(ProblemError(name, "", f"cannot be read ({exc.strerror})")) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemFileError(
            ProblemError(
                name, "", f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
            )
        ) from None
    if "\x00" in text:
        raise ProblemFileError(ProblemError(name, "", "is not a text file (it holds NUL bytes)"))
    return parse_problem_text(text, name)


def problem_files(folder: Path) -> list[Path]:
    """The problem files directly inside ``folder``, sorted by name (none if it is missing)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == SUFFIX and p.is_file())


def load_folders(folders: Iterable[tuple[Path, bool]]) -> ProblemLibrary:
    """Load every ``(folder, is_user)`` in order; a later duplicate id is skipped."""
    library = ProblemLibrary()
    for folder, user in folders:
        root = None if user else folder
        for path in problem_files(folder):
            name = display_name(path, root)
            origin = ProblemOrigin(path, name, user)
            try:
                problem = read_problem_file(path, name)
            except ProblemFileError as exc:
                library.add_error(exc.error, origin)
                continue
            existing = library.origin(problem.id)
            if existing is not None:
                library.add_error(
                    ProblemError(
                        name,
                        "id",
                        f"'{problem.id}' is already used by {existing.name}; "
                        "give this problem another id",
                    ),
                    origin,
                )
                continue
            library.add(problem, origin)
    return library


def load_library(builtin_dir: Path | None, user_dir: Path | None) -> ProblemLibrary:
    """The built-in problems, then the user's; built-in ids win over the user's copies."""
    folders: list[tuple[Path, bool]] = []
    if builtin_dir is not None:
        folders.append((builtin_dir, False))
    if user_dir is not None:
        folders.append((user_dir, True))
    return load_folders(folders)
