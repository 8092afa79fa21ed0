"""`sdi-desktop problems list|check` run as a user would, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sdi_desktop import paths

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (paths.resource_root("problems") / "pastebin.toml").read_text(encoding="utf-8")


def run(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if data_dir is not None:
        env[paths.DATA_DIR_ENV] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "sdi_desktop", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def test_every_shipped_problem_passes_check():
    out = run("problems", "check", "problems/")
    assert out.returncode == 0, out.stderr
    count = len(list((ROOT / "problems").glob("*.toml")))
    assert count >= 30
    assert out.stdout.strip() == f"{count} problems OK"
    assert out.stderr == ""


def test_check_one_file_and_a_folder_with_a_broken_file(tmp_path):
    good = tmp_path / "a-good.toml"
    good.write_text(EXAMPLE.replace('id = "pastebin"', 'id = "my-pastebin"'), encoding="utf-8")
    assert run("problems", "check", str(good)).stdout.strip() == "1 problem OK"
    broken = tmp_path / "b-broken.toml"
    broken.write_text(EXAMPLE.replace('difficulty = "easy"', "difficulty = 2"), encoding="utf-8")
    out = run("problems", "check", str(tmp_path))
    assert out.returncode == 1
    assert out.stdout == ""
    assert out.stderr.strip().startswith(f"{broken}: field 'difficulty': ")
    assert len(out.stderr.strip().splitlines()) == 1


def test_check_refuses_a_file_that_reuses_a_built_in_id(tmp_path):
    """The library would skip it, so 'OK' would be a lie (issue 15, item 12)."""
    copy = tmp_path / "pastebin.toml"
    copy.write_text(EXAMPLE, encoding="utf-8")
    out = run("problems", "check", str(copy))
    assert out.returncode == 1
    assert out.stderr.strip() == (
        f"{copy}: field 'id': 'pastebin' is the id of a built-in problem, so the library "
        "would skip this file; give it another id"
    )
    assert run("problems", "check", str(ROOT / "problems" / "pastebin.toml")).returncode == 0


def test_check_reports_duplicate_ids_inside_a_folder(tmp_path):
    (tmp_path / "one.toml").write_text(EXAMPLE, encoding="utf-8")
    (tmp_path / "two.toml").write_text(EXAMPLE, encoding="utf-8")
    out = run("problems", "check", str(tmp_path))
    assert out.returncode == 1
    assert f"{tmp_path / 'two.toml'}: field 'id': 'pastebin' is already used by" in out.stderr


def test_check_missing_path_and_empty_folder(tmp_path):
    out = run("problems", "check", str(tmp_path / "nope"))
    assert out.returncode == 2
    assert "no such file or folder" in out.stderr
    out = run("problems", "check", str(tmp_path))
    assert out.returncode == 1
    assert "no problem files" in out.stderr


def test_list_shows_builtin_and_user_problems_and_names_broken_files(tmp_path):
    user = tmp_path / "problems"
    user.mkdir()
    mine = EXAMPLE.replace('id = "pastebin"', 'id = "my-pastebin"')
    (user / "my-pastebin.toml").write_text(mine, encoding="utf-8")
    (user / "broken.toml").write_text('id = "broken"\n', encoding="utf-8")
    out = run("problems", "list", "--json", data_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    by_id = {row["id"]: row for row in rows}
    assert by_id["my-pastebin"]["source"] == "user"
    assert by_id["url-shortener"]["source"] == "built-in"
    assert by_id["url-shortener"]["title"] == "Design a URL shortener"
    assert "broken" not in by_id
    assert f"skipped {user / 'broken.toml'}: field 'title': missing" in out.stderr

    text = run("problems", "list", "--data-dir", str(tmp_path))
    assert text.returncode == 0
    assert "my-pastebin" in text.stdout and "(yours)" in text.stdout
    assert text.stdout.strip().splitlines()[-1] == (
        f"{len(rows)} problems ({len(rows) - 1} built-in, 1 yours)"
    )


def test_problems_commands_import_no_qt():
    code = (
        "import sys\nfrom sdi_desktop.app import main\n"
        "main(['problems', 'list', '--json'])\n"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NO-QT', "
        "file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stderr.strip().endswith("NO-QT")


def test_estimate_prints_each_result_with_its_formula():
    out = run("problems", "estimate", "url-shortener")
    assert out.returncode == 0, out.stderr
    assert "100 M × 1 / 86,400 s" in out.stdout
    assert "1,160 /s" in out.stdout and "116,000 /s" in out.stdout
    as_json = json.loads(run("problems", "estimate", "url-shortener", "--json").stdout)
    rows = {r["name"]: r for r in as_json["results"]}
    assert rows["peak_write_rate"]["unit"] == "/s"
    assert abs(rows["write_rate"]["value"] - 1157.4) < 0.1
    assert rows["write_rate"]["formula"] == "daily_users × writes_per_user / day"
    missing = run("problems", "estimate", "no-such-problem")
    assert missing.returncode == 1 and "no problem 'no-such-problem'" in missing.stderr


def test_check_names_the_estimation_field_at_fault(tmp_path):
    bad = tmp_path / "p.toml"
    bad.write_text(EXAMPLE.replace('write_size = "10 KB"', 'write_size = "10"'), encoding="utf-8")
    out = run("problems", "check", str(bad))
    assert out.returncode == 1
    assert f"{bad}: field 'estimation.write_size': needs a unit" in out.stderr
    cycle = EXAMPLE.replace(
        'retention = "5 years"\n',
        'retention = "5 years"\nrows = [\n  { name = "a", formula = "b * 2" },\n'
        '  { name = "b", formula = "a + 1" },\n]\n',
    )
    bad.write_text(cycle, encoding="utf-8")
    out = run("problems", "check", str(bad))
    assert out.returncode == 1
    assert "field 'estimation.rows[0].formula': cycle: a → b → a" in out.stderr
    typo = EXAMPLE.replace('peak_factor = "8"', 'peek_factor = "8"')
    bad.write_text(typo, encoding="utf-8")
    out = run("problems", "check", str(bad))
    assert (
        "field 'estimation.peek_factor': unknown field (did you mean 'peak_factor'?)" in out.stderr
    )
