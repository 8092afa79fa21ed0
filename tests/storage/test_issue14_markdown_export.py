"""Issue 14, item 13: the Markdown export puts a pane's headings under the pane's own
section and includes the self-assessment (run as the user runs it, in a subprocess)."""

from __future__ import annotations

import re

from sdi_desktop.domain.writeup import demote_headings
from sdi_desktop.storage.store import Store
from tests.storage.conftest import full_record
from tests.storage.test_cli_sessions import cli

PANE = "# Functional\n\n- shorten\n\n## Detail\n\n```python\n# not a heading\n```\n"


def _headings(markdown: str) -> list[tuple[int, str]]:
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
            continue
        if not fenced and (m := re.match(r"^(#{1,6}) (.*)$", line)):
            out.append((len(m.group(1)), m.group(2)))
    return out


def test_item13_markdown_export_demotes_pane_headings_and_has_the_self_assessment(tmp_path):
    data_dir = tmp_path / "data"
    record = full_record()
    record.notes["requirements"] = PANE
    with Store.open(data_dir) as store:
        session_id = store.sessions.create(record)
        store.sessions.save_assessment(
            session_id,
            {
                "rubric_version": 1,
                "scores": {"scoping": 3, "deep_dive": 2},
                "reviewer_points": ["Asks about read/write ratio"],
                "note": "Ran over in the deep dive.",
            },
        )
    target = tmp_path / "url.md"
    out = cli(
        "sessions",
        "export",
        str(session_id),
        "--format",
        "md",
        "-o",
        str(target),
        "--data-dir",
        str(data_dir),
    )
    assert out.returncode == 0, out.stderr
    md = target.read_text(encoding="utf-8")
    headings = _headings(md)
    pane = headings.index((3, "Requirements"))
    assert headings[pane + 1 : pane + 3] == [(4, "Functional"), (5, "Detail")]
    # no heading inside a pane's section is as shallow as the section itself
    following = headings.index((3, "Estimates"))
    assert all(level > 3 for level, _ in headings[pane + 1 : following])
    assert "# not a heading" in md  # code is left alone
    assert (2, "Self-assessment") in headings
    assert "| Scoping and requirements | 3 / 4 |" in md
    assert "| Deep dive | 2 / 4 |" in md
    assert "- Asks about read/write ratio" in md
    assert "> Ran over in the deep dive." in md


def test_item13_demoting_stops_at_level_six_and_leaves_shallow_panes_alone():
    assert demote_headings("# a\n###### b", under=3) == "#### a\n###### b"
    assert demote_headings("#### a\n##### b", under=3) == "#### a\n##### b"
    assert demote_headings("no headings", under=3) == "no headings"
