"""Hostile problem files (issue 15, items 5, 8 and 12): one line naming the file, never a
traceback, and the rest of the library (and every session that uses it) still loads."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdi_desktop import paths
from sdi_desktop.domain.problems import ProblemFileError, load_library
from sdi_desktop.domain.problems.loader import parse_problem_text

BUILTIN = paths.resource_root("problems")
EXAMPLE = (BUILTIN / "pastebin.toml").read_text(encoding="utf-8")
MINE = EXAMPLE.replace('id = "pastebin"', 'id = "my-pastebin"')

HOSTILE = {
    "nested-1000": "x = " + "[" * 1000 + "]" * 1000,
    "nested-200": "x = " + "[" * 200 + "]" * 200,
    "inline-tables-deep": "x = " + "{a = " * 300 + "1" + "}" * 300,
    "int-5000-digits": "x = " + "9" * 5000,
    "format-true": "format = true\n" + MINE,
    "format-2": "format = 2\n" + MINE,
    "nul-bytes": MINE.replace("title", "ti\x00tle", 1),
    "huge": MINE + "\n# " + "x" * 1_100_000,
    "not-toml": "id = ",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_problem_file_is_one_line(name):
    with pytest.raises(ProblemFileError) as info:
        parse_problem_text(HOSTILE[name], f"{name}.toml")
    line = info.value.line()
    assert line.startswith(f"{name}.toml")
    assert "\n" not in line and len(line) < 400, line


def test_a_byte_order_mark_is_read_as_the_text_it_starts():
    problem = parse_problem_text("\ufeff" + MINE, "bom.toml")
    assert problem.id == "my-pastebin"


@pytest.mark.parametrize("name", ["nested-1000", "int-5000-digits"])
def test_one_bad_user_file_leaves_the_library_whole(tmp_path, name):
    user = tmp_path / "problems"
    user.mkdir()
    (user / "bad.toml").write_text(HOSTILE[name], encoding="utf-8")
    (user / "mine.toml").write_text(MINE, encoding="utf-8")
    library = load_library(BUILTIN, user)
    assert library.get("url-shortener") is not None  # sessions on built-ins still open
    assert library.get("my-pastebin") is not None
    assert [str(e).split(":")[0] for e in library.errors] == [str(user / "bad.toml")]


FUZZ_EXAMPLES = int(os.environ.get("SDI_FUZZ_EXAMPLES", "150"))
LINES = MINE.splitlines()


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.integers(min_value=0, max_value=len(LINES) - 1),
    st.one_of(
        st.text(max_size=40),
        st.sampled_from(["x = 1e999", "x = inf", "[[deep_dives]]", "= =", "id = 5", "[a.b.c]"]),
        st.integers(min_value=1, max_value=400).map(lambda n: "x = " + "[" * n + "]" * n),
    ),
)
def test_fuzz_a_mutated_problem_file_is_refused_in_one_line_or_loads(index, line):
    lines = list(LINES)
    lines[index] = line
    try:
        problem = parse_problem_text("\n".join(lines), "fuzz.toml")
    except ProblemFileError as exc:
        assert "\n" not in exc.line()
        return
    assert problem.search_text()
