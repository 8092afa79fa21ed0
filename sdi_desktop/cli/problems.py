"""``sdi-desktop problems list [--json]`` and ``sdi-desktop problems check PATH``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from sdi_desktop import paths


def _library(data_dir: Path):
    from sdi_desktop.domain.problems import load_library

    return load_library(paths.resource_root("problems"), paths.user_problems_dir(data_dir))


def list_problems(data_dir: Path, as_json: bool, out: TextIO = sys.stdout, err=sys.stderr) -> int:
    """Print the built-in and the user's problems; skipped files go to stderr."""
    library = _library(data_dir)
    problems = library.sorted_problems()
    if as_json:
        rows = []
        for problem in problems:
            origin = library.origin(problem.id)
            rows.append(
                {
                    "id": problem.id,
                    "title": problem.title,
                    "difficulty": problem.difficulty,
                    "tags": list(problem.tags),
                    "prompt": problem.prompt,
                    "source": "user" if origin.user else "built-in",
                    "file": str(origin.path),
                }
            )
        json.dump(rows, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        id_width = max((len(p.id) for p in problems), default=2)
        for problem in problems:
            source = "  (yours)" if library.is_user(problem.id) else ""
            out.write(
                f"{problem.id:<{id_width}}  {problem.difficulty:<6}  {problem.title}"
                f"  [{', '.join(problem.tags)}]{source}\n"
            )
        user = sum(1 for p in problems if library.is_user(p.id))
        out.write(f"{len(problems)} problems ({len(problems) - user} built-in, {user} yours)\n")
    for error in library.errors:
        err.write(f"skipped {error}\n")
    return 0


def _builtin_clash(problem_id: str, path: Path) -> str | None:
    """Why a file outside the built-in folder cannot use this id (the library would skip it)."""
    builtin = paths.resource_root("problems")
    same = builtin / f"{problem_id}.toml"
    try:
        if path.resolve().parent == builtin.resolve():
            return None
    except OSError:
        return None
    if same.is_file():
        return (
            f"'{problem_id}' is the id of a built-in problem, so the library would skip "
            "this file; give it another id"
        )
    return None


def check_problems(path: str, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Validate one file or every ``*.toml`` in a folder; stop at the first invalid one."""
    from sdi_desktop.domain.problems import ProblemFileError, load_folders, read_problem_file
    from sdi_desktop.domain.problems.loader import SUFFIX, problem_files

    target = Path(path)
    if target.is_file():
        try:
            problem = read_problem_file(target, str(target))
        except ProblemFileError as exc:
            err.write(f"{exc.line()}\n")
            return 1
        clash = _builtin_clash(problem.id, target)
        if clash:
            err.write(f"{target}: field 'id': {clash}\n")
            return 1
        out.write("1 problem OK\n")
        return 0
    if target.is_dir():
        if not problem_files(target):
            err.write(f"{target}: no problem files (*{SUFFIX}) in this folder\n")
            return 1
        library = load_folders([(target, True)])
        if library.errors:
            err.write(f"{library.errors[0]}\n")
            return 1
        out.write(f"{len(library)} problems OK\n")
        return 0
    err.write(f"{target}: no such file or folder\n")
    return 2


def add_show_parser(actions, add_common) -> None:
    """``problems show ID [--reference]`` (kept here, beside its handler)."""
    show = actions.add_parser(
        "show",
        help="print a problem (and with --reference its reference answer) as Markdown",
        description="Print one problem of the library as Markdown; with --reference, its "
        "reference answer too (what a strong answer looks like: read it after your attempt).",
    )
    show.add_argument("id", metavar="ID", help="the problem id (see 'problems list')")
    show.add_argument("--reference", action="store_true", help="add the reference answer")
    add_common(show, sub=True)


def show_problem(
    data_dir: Path, problem_id: str, reference: bool, out: TextIO = sys.stdout, err=sys.stderr
) -> int:
    """Print one problem as Markdown; an unknown id is one line on stderr and exit 1."""
    from sdi_desktop.domain.reference.markdown import problem_markdown

    library = _library(data_dir)
    problem = library.get(problem_id)
    if problem is None:
        err.write(f"sdi-desktop: no problem has id {problem_id!r} (see 'problems list')\n")
        return 1
    out.write(problem_markdown(problem, with_reference=reference))
    return 0


def estimate_problem(
    data_dir: Path, problem_id: str, as_json: bool, out: TextIO = sys.stdout, err=sys.stderr
) -> int:
    """Print the estimation panel's results for a problem's ``[estimation]`` figures."""
    from sdi_desktop.domain.estimation.problem_figures import as_json as rows_json
    from sdi_desktop.domain.estimation.problem_figures import estimate

    library = _library(data_dir)
    problem = library.get(problem_id)
    if problem is None:
        err.write(f"no problem '{problem_id}' (see 'sdi-desktop problems list')\n")
        return 1
    if problem.estimation is None:
        err.write(f"{problem_id}: the problem gives no [estimation] figures\n")
        return 1
    rows = estimate(problem)
    if as_json:
        json.dump(
            {
                "problem": problem.id,
                "inputs": problem.estimation.figures(),
                "results": rows_json(rows),
            },
            out,
            indent=2,
            ensure_ascii=False,
        )
        out.write("\n")
        return 0
    out.write(f"{problem.title} ({problem.id})\n\nInputs\n")
    for name, text in problem.estimation.figures().items():
        out.write(f"  {name:<18} {text}\n")
    out.write("\nResults\n")
    width = max(len(r.label) for r in rows)
    for row in rows:
        if row.value is None:
            out.write(f"  {row.label:<{width}}  -  {row.formula}: {row.problem}\n")
        else:
            numbers = "" if row.numbers == row.formula else f" = {row.numbers}"
            out.write(f"  {row.label:<{width}}  {row.text:>12}  = {row.formula}{numbers}\n")
    return 0
