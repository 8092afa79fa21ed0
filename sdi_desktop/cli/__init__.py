"""The command line: argument parsing (``arguments``) and each subcommand (``problems``,
``sessions``, ``stats``, ``screenshots``).

Importing this package, the parser or the subcommands that open no window loads no Qt
(``tests/unit/test_layering.py`` checks it): ``sessions export --format png|svg|pdf``
imports Qt only when it draws a board, and ``screenshots`` (the one module here that
imports Qt at its top) is imported by ``app.main`` only when that command runs.
"""
