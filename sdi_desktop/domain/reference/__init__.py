"""Reference answers after an attempt: the reference as text, the structural comparison of
a candidate's board with the reference board, what the notes cover, and the interviewer's
follow-up questions in solo practice. Pure Python (no Qt, no storage)."""
