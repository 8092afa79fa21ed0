"""Diagrams in and out: Excalidraw and draw.io import, Mermaid, Excalidraw and draw.io
export. Pure Python (standard library, and the board codec); see docs/interop.md."""
