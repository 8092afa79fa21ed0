"""Choosing and editing problems, and the New Session dialog."""
