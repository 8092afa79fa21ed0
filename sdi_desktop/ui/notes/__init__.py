"""The rich-text notes panes: editor, toolbar, Markdown reading and writing, paste, find."""
