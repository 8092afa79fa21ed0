"""Presentation mode: the board, the timeline and the timer full screen, with a laser
pointer and a spotlight drawn over the board as pure view overlays."""
