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

SUFFIX = ".toml"
KNOWN_FIELDS = sorted(
    {
        f
        for m in (Problem, Scale, DeepDive, Option, Estimation, EstimationRow)
        for f in m.model_fields
    }
)


def parse_problem_text(text: str, name: str) -> Problem:
    """Validate the TOML text of one problem; ``name`` is the file named in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProblemFileError(ProblemError(name, "", f"not valid TOML: {exc}")) from None
    version = data.get("format", FORMAT_VERSION)
    if version != FORMAT_VERSION:
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
    except ValidationError as exc:
        # An unknown key explains a missing one (a misspelling), so it is reported first.
        errors = sorted(exc.errors(include_url=False), key=lambda e: e["type"] != "extra_forbidden")
        first = errors[0]
        raise ProblemFileError(
            ProblemError(name, field_path(first["loc"]), _explain(first)), len(errors) - 1
        ) from None
    if problem.estimation is not None:
        from sdi_desktop.domain.estimation.problem_figures import check_table

        problems = check_table(problem.estimation)
        if problems:
            where, message = problems[0]
            raise ProblemFileError(
                ProblemError(name, f"estimation.{where}", message), len(problems) - 1
            )
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
