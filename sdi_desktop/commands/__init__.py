"""Handlers of the subcommands that open no window (imported only when one runs)."""
