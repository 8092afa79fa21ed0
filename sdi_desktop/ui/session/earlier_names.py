"""The session controller's earlier names, from before the library, compare, dashboard
and rubric windows had openers of their own (``ui/library/opener.py``,
``ui/review/windows.py``): scripts and tests written against them keep working."""

from __future__ import annotations


class EarlierNames:
    """Mixed into ``SessionController``; each name hands over to the opener."""

    library_opener: object
    reviews: object

    @property
    def library(self):
        return self.library_opener.library

    @property
    def dashboard(self):
        return self.reviews.dashboard

    @property
    def rubric(self):
        return self.reviews.rubric

    def open_library(self) -> None:
        self.library_opener.open()

    def open_compare(self, left_id: int | None = None, right_id: int | None = None):
        return self.reviews.open_compare(left_id, right_id)

    def open_dashboard(self):
        return self.reviews.open_dashboard()

    def show_assessment(self, session_id: int):
        return self.reviews.show_assessment(session_id)
