"""Handlers of the subcommands that open no window (no Qt imported here)."""
