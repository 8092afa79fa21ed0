"""Demo data: realistic sessions, their notes and board (screenshots, tests, trying the app)."""
