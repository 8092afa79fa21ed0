"""What the features of the window keep with the session, registered as parts.

Each feature that stores something with the session (``SessionRecord.extras``) is one
part of the session controller (see ``parts.py``): the estimation panel's inputs and
rows, the design review's "Intended" marks and its findings at each phase, and the
follow-up questions asked. The part saves what the feature holds, gives back what a
session stored when it opens (``None`` for a new one), and the feature says when it
changed; in review each feature shows its data read-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdi_desktop.ui.main_window import MainWindow
    from sdi_desktop.ui.session.controller import SessionController


def register_feature_parts(window: MainWindow, controller: SessionController) -> None:
    _estimation(window, controller)
    _design_review(window, controller)
    _follow_ups(window, controller)


def _estimation(window: MainWindow, controller: SessionController) -> None:
    hooks = getattr(window, "estimation", None)
    if hooks is None:
        return
    part = controller.register_part("estimation", hooks.state_dict, hooks.restore)
    hooks.changed.connect(part.changed)
    controller.gate.changed.connect(lambda editable: hooks.set_read_only(not editable))
    hooks.set_read_only(not controller.gate.editable)


def _design_review(window: MainWindow, controller: SessionController) -> None:
    review = getattr(window, "design_review", None)
    if review is None:
        return
    checks = review.controller

    def restore(data) -> None:
        error = checks.load_state(data)
        if error:
            controller.warn("Design review", f"The design review of this session: {error}")

    part = controller.register_part("design_review", checks.state_dict, restore)
    checks.stateChanged.connect(part.changed)


def _follow_ups(window: MainWindow, controller: SessionController) -> None:
    reference = getattr(window, "reference", None)
    if reference is None:
        return
    from sdi_desktop.domain.reference.follow_ups import EXTRAS_KEY, FollowUpLog

    def snapshot():
        return reference.extras().get(EXTRAS_KEY)

    def restore(data) -> None:
        if data is None:
            reference.set_log(FollowUpLog())
            return
        error = reference.restore_extras({EXTRAS_KEY: data})
        if error:
            controller.warn("Follow-up questions", error)

    part = controller.register_part(EXTRAS_KEY, snapshot, restore)
    reference.logChanged.connect(part.changed)
