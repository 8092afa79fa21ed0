"""Importing Excalidraw and draw.io diagrams onto the board, and the report after."""
