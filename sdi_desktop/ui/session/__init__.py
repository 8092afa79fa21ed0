"""The open session: its controller, autosave, the window binding and the instance lock."""
