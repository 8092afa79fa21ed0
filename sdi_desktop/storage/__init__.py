"""Persistence (SQLModel over SQLite). Imports the domain, never Qt widgets."""
