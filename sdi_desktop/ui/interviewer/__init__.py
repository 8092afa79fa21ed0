"""A mock with a peer: the interviewer's window, what the candidate is handed, review."""
