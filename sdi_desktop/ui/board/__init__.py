"""The whiteboard: scene, items, tools, view, undo commands and the editor facade."""
