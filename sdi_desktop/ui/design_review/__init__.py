"""The design review panel, its markers on the board and its wiring (``review.install``)."""
