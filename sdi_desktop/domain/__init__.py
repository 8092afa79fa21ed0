"""Pure-Python core: no Qt, no database. Everything here runs in plain pytest."""
