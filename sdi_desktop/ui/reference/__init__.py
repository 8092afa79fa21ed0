"""Reference answers in the window: the reveal action, the review panel beside the
candidate's work, and the interviewer's follow-up questions during practice."""
