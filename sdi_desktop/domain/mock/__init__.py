"""A mock with a peer: what the interviewer hands over, the hints given, remarks and
feedback (pure Python, stored in the session's extras under ``"mock"``)."""
