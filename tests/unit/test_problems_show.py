"""`sdi-desktop problems show ID [--reference]`: a problem, and its reference, as Markdown."""

from __future__ import annotations

import io
from pathlib import Path

from sdi_desktop.cli.problems import show_problem
from sdi_desktop.domain.reference.estimates import EstimateLine, set_estimate_source
from sdi_desktop.domain.reference.markdown import problem_markdown
from tests.unit.test_problems_command import run


def _show(tmp_path: Path, problem_id: str, reference: bool) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = show_problem(tmp_path, problem_id, reference, out, err)
    return code, out.getvalue(), err.getvalue()


def test_show_prints_the_problem_without_its_reference(tmp_path):
    code, text, err = _show(tmp_path, "url-shortener", reference=False)
    assert code == 0 and err == ""
    assert text.startswith("# Design a URL shortener\n")
    assert "## Deep dives" in text and "### Generating unique short codes" in text
    assert "Reference answer" not in text and "Range allocator" not in text


def test_show_with_reference_adds_every_section_in_order(tmp_path):
    code, text, _ = _show(tmp_path, "url-shortener", reference=True)
    assert code == 0
    sections = [
        "## Reference answer",
        "### Requirements",
        "### Estimates",
        "### API",
        "### Data model",
        "### Board",
        "### Deep dives",
        "### Wrap-up",
        "### Expected at each level",
    ]
    places = [text.index(s) for s in sections]
    assert places == sorted(places)
    assert "1. **Availability:**" in text  # qualities ranked, most important first
    assert "| `GET /{code}` | Redirect to the long URL |" in text
    assert "- API servers → Click events (async): click event" in text
    assert "**Generating unique short codes:** Global counter encoded in base62." in text


def test_an_unknown_id_is_one_line_and_exit_1(tmp_path):
    code, text, err = _show(tmp_path, "no-such-problem", reference=True)
    assert code == 1 and text == ""
    assert err.count("\n") == 1 and "'no-such-problem'" in err


def test_the_estimates_section_shows_the_plugged_calculator(tmp_path):
    from sdi_desktop.domain.problems import load_library
    from sdi_desktop.domain.reference.estimates import calculator_lines
    from sdi_desktop.paths import resource_root

    problem = load_library(resource_root("problems"), tmp_path).get("url-shortener")
    set_estimate_source(None)  # unplugged: the suggested scale stands in
    try:
        assert "The figures to design for" in problem_markdown(problem, True)
        set_estimate_source(lambda p: [EstimateLine("Writes", "100 M / 86,400 s", "~1,160/s")])
        text = problem_markdown(problem, True)
    finally:
        set_estimate_source(calculator_lines)
    assert "| Writes | 100 M / 86,400 s | \\~1,160/s |" in text  # "~" escaped: no strike-through


def test_show_runs_from_the_command_line(tmp_path):
    out = run("problems", "show", "url-shortener", "--reference", data_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "## Reference answer" in out.stdout
    bad = run("problems", "show", "nope", data_dir=tmp_path)
    assert bad.returncode == 1 and "nope" in bad.stderr


def test_problems_check_names_file_and_field_of_a_bad_reference_board(tmp_path):
    from sdi_desktop import paths

    text = (paths.resource_root("problems") / "url-shortener.toml").read_text(encoding="utf-8")
    bad = tmp_path / "bad-ref.toml"
    robot = text.replace('kind = "worker", label = "Click', 'kind = "robot", label = "Click')
    bad.write_text(robot, encoding="utf-8")
    out = run("problems", "check", str(bad))
    assert out.returncode == 1
    assert out.stderr.startswith(f"{bad}: field 'reference.board.elements[")
    assert "'robot' is not a component kind" in out.stderr
    ghost = text.replace('source = "agg", target = "dw"', 'source = "agg", target = "nowhere"')
    bad.write_text(ghost, encoding="utf-8")
    out = run("problems", "check", str(bad))
    assert out.returncode == 1 and "field 'reference.board'" in out.stderr
    assert "'nowhere'" in out.stderr


def test_every_reference_takes_its_estimates_from_the_calculator():
    """One source for every figure: the reference's estimates are the calculator's
    results for the problem's [estimation] inputs (issues 17 and 19)."""
    from sdi_desktop import paths
    from sdi_desktop.domain.estimation.problem_figures import estimate
    from sdi_desktop.domain.problems import load_library
    from sdi_desktop.domain.reference.estimates import estimate_lines

    library = load_library(paths.resource_root("problems"), None)
    for problem in library.sorted_problems():
        lines = estimate_lines(problem)
        assert lines, problem.id
        computed = {r.label: r.text for r in estimate(problem) if r.value is not None}
        assert {line.name: line.value for line in lines} == computed, problem.id
        assert lines[0].value in problem_markdown(problem, with_reference=True)
