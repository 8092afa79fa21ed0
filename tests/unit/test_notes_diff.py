"""Notes differences as HTML (no Qt)."""

from __future__ import annotations

from sdi_desktop.ui.review.notes_diff import changed_lines, notes_diff_html


def test_removed_and_added_lines_are_marked_on_their_side():
    left = "## API\n- GET /a\n- GET /b\n"
    right = "## API\n- GET /a\n- POST /c\n- GET <d>\n"
    html_left, html_right = notes_diff_html(left, right)
    assert '<div class="removed"' in html_left and "GET /b" in html_left
    assert '<div class="added"' not in html_left
    assert html_right.count('class="added"') == 2
    assert "GET &lt;d&gt;" in html_right  # escaped
    assert changed_lines(left, right) == (1, 2)


def test_same_text_has_no_marks_and_empty_text_says_so():
    same_left, same_right = notes_diff_html("a\nb", "a\nb")
    assert "class=" not in same_left + same_right
    assert "(empty)" in notes_diff_html("", "x")[0]
    assert changed_lines("a", "a") == (0, 0)
