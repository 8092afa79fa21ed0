"""Pasting and dropping: keep structure, drop scripts, remote images and foreign fonts.

Rich text from a browser is cleaned in two steps. First an allow-list HTML
filter keeps structural tags (headings, lists, tables, code, emphasis, links)
and throws away scripts, styles, images, frames, forms and every attribute but
a link's web address. Then the cleaned page goes through the notes' own
Markdown form, so what lands in a pane is exactly what a pane can store: no
fonts, colours or sizes from the page survive.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument

from sdi_desktop.ui.notes.blocks import Marker

MARKDOWN_MIME = "text/markdown"
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_BOX_OPEN, _BOX_DONE = "\u2610", "\u2611"
_LANG_OPEN, _LANG_CLOSE = "\ue002", "\ue003"  # a code block's language, through setHtml
_LANG_CLASS = re.compile(r"(?:^|\s)(?:language|lang|highlight-source)-([\w+#.-]+)")

_KEEP = {
    "p", "br", "h1", "h2", "h3", "b", "strong", "i", "em", "u", "s", "strike", "del",
    "code", "pre", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
    "a", "blockquote", "div", "kbd", "samp", "tt", "sub", "sup",
}  # fmt: skip
_RENAME = {"h4": "h3", "h5": "h3", "h6": "h3", "ins": "u", "section": "div", "article": "div"}
_DROP_WITH_CONTENT = {
    "script", "style", "noscript", "iframe", "object", "embed", "template", "head", "title",
    "svg", "math", "canvas", "video", "audio", "select", "textarea", "button", "frameset",
}  # fmt: skip
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "#")
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "area", "col", "base"}


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip_depth = 0
        self.stack: list[list[str]] = []  # the closing tags each open element owes
        self.language = ""  # from class="language-python" and the like
        self.in_pre = False
        self.pre_started = False

    def handle_starttag(self, tag: str, attrs) -> None:
        tag = tag.lower()
        if self.skip_depth or tag in _DROP_WITH_CONTENT:
            if tag not in _VOID:
                self.skip_depth += 1
            return
        attributes = dict(attrs)
        found = _LANG_CLASS.search(attributes.get("class") or "")
        if found and not self.pre_started:
            self.language = found.group(1)
        if tag == "pre":
            self.in_pre, self.pre_started = True, False
        if tag == "input" and (attributes.get("type") or "").lower() == "checkbox":
            self.out.append(_BOX_DONE if "checked" in attributes else _BOX_OPEN)
            return
        if tag in _VOID and tag != "br":
            return  # images (remote or not), rules, metadata
        opened: list[str] = []
        name = _RENAME.get(tag, tag)
        if name in _KEEP:
            if name == "a":
                href = (attributes.get("href") or "").strip()
                if href.lower().startswith(_SAFE_SCHEMES):
                    self.out.append(f'<a href="{escape(href)}">')
                    opened.append("a")
            else:
                self.out.append(f"<{name}>")
                opened.append(name)
        opened.extend(self._styled(attributes.get("style") or ""))
        if tag != "br":
            self.stack.append(opened)

    def _styled(self, style: str) -> list[str]:
        """Emphasis that pages express with CSS (``font-weight: 700``) becomes tags."""
        style = style.replace(" ", "").lower()
        tags = []
        if "font-weight:bold" in style or "font-weight:700" in style:
            tags.append("b")
        if "font-style:italic" in style:
            tags.append("i")
        if "underline" in style:
            tags.append("u")
        if "line-through" in style:
            tags.append("s")
        for tag in tags:
            self.out.append(f"<{tag}>")
        return tags

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if tag == "pre" and not self.skip_depth:
            self.in_pre, self.language = False, ""
        if self.skip_depth:
            if tag not in _VOID:
                self.skip_depth -= 1
            return
        if tag in _VOID or tag in _DROP_WITH_CONTENT or not self.stack:
            return
        for name in reversed(self.stack.pop()):
            self.out.append(f"</{name}>")

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.in_pre and not self.pre_started and data.strip():
            self.pre_started = True
            if self.language:
                self.out.append(f"{_LANG_OPEN}{escape(self.language)}{_LANG_CLOSE}")
        self.out.append(escape(data, quote=False))


def sanitize_html(html: str) -> str:
    """The allow-listed skeleton of ``html`` (see the module's docstring)."""
    parser = _Sanitizer()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def html_to_markdown(html: str) -> str:
    """Clean ``html`` and write it in the notes' Markdown form."""
    from sdi_desktop.ui.notes.blocks import set_code_block
    from sdi_desktop.ui.notes.markdown_writer import document_to_markdown

    scratch = QTextDocument()
    scratch.setHtml(sanitize_html(html))
    cursor = QTextCursor(scratch)
    block = scratch.begin()
    language = ""
    while block.isValid():
        text = block.text()
        if block.blockFormat().nonBreakableLines():  # <pre>: a code block
            if text.startswith(_LANG_OPEN) and _LANG_CLOSE in text:
                language = text[1 : text.index(_LANG_CLOSE)]
                cursor.setPosition(block.position())
                cursor.setPosition(
                    block.position() + len(language) + 2, QTextCursor.MoveMode.KeepAnchor
                )
                cursor.removeSelectedText()
            cursor.setPosition(block.position())
            set_code_block(cursor, language)
        elif block.textList() is not None and text[:1] in (_BOX_OPEN, _BOX_DONE):
            cursor.setPosition(block.position())
            fmt = QTextBlockFormat(block.blockFormat())
            fmt.setMarker(Marker.Checked if text[0] == _BOX_DONE else Marker.Unchecked)
            cursor.setBlockFormat(fmt)
            cursor.setPosition(block.position())
            cursor.movePosition(
                QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor
            )
            if text[1:2] == " ":
                cursor.movePosition(
                    QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor
                )
            cursor.removeSelectedText()
        if not block.blockFormat().nonBreakableLines():
            language = ""
        block = block.next()
    return document_to_markdown(scratch)


def markdown_files(source: QMimeData) -> list[Path]:
    """The local Markdown files among the dropped or pasted URLs."""
    if not source.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in source.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(MARKDOWN_SUFFIXES)
    ]


def markdown_from_mime(source: QMimeData) -> str | None:
    """What to paste, as Markdown; None when only plain text is on offer."""
    files = markdown_files(source)
    if files:
        return "\n\n".join(path.read_text(encoding="utf-8", errors="replace") for path in files)
    if source.hasFormat(MARKDOWN_MIME):
        return bytes(source.data(MARKDOWN_MIME).data()).decode("utf-8", errors="replace")
    if source.hasHtml():
        return html_to_markdown(source.html())
    return None
