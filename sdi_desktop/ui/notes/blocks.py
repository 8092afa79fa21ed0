"""What a block or a character is, in the notes' own terms, and how to make one.

The notes use a small set of structures (headings, lists, check-lists, code
blocks, tables, inline code, links). Their formats are set and recognised here
only, so that the editor, the Markdown writer and the Markdown reader agree.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextListFormat,
)

CODE_LANGUAGE = QTextFormat.Property.BlockCodeLanguage
CODE_FENCE = QTextFormat.Property.BlockCodeFence
SIZE_ADJUSTMENT = QTextFormat.Property.FontSizeAdjustment
BOLD = QFont.Weight.Bold
NORMAL = QFont.Weight.Normal

Marker = QTextBlockFormat.MarkerType
BULLET_STYLES = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)
NUMBER_STYLES = (
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListLowerRoman,
)

_mono_families: list[str] | None = None


def mono_families() -> list[str]:
    """The font families for code: the system's fixed font, then the generic name."""
    global _mono_families
    if _mono_families is None:
        family = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        _mono_families = [family, "monospace"] if family != "monospace" else ["monospace"]
    return _mono_families


# -- characters -------------------------------------------------------------------------
def is_code_char(fmt: QTextCharFormat) -> bool:
    return fmt.fontFixedPitch() or "monospace" in (fmt.fontFamilies() or ())


def code_shade() -> QColor:
    """A grey that shows behind code on light and dark themes alike."""
    return QColor(127, 127, 127, 38)


def link_char_format(url: str) -> QTextCharFormat:
    """A link: its address, underlined, in a blue that reads on light and dark themes."""
    fmt = QTextCharFormat()
    fmt.setAnchor(True)
    fmt.setAnchorHref(url)
    fmt.setForeground(QColor(47, 123, 216))
    fmt.setFontUnderline(True)
    return fmt


def shade_code(cursor: QTextCursor, block: QTextBlock) -> None:
    """Give a code block read from Markdown the same shade as one made here."""
    fmt = QTextBlockFormat(block.blockFormat())
    fmt.setBackground(code_shade())
    cursor.setPosition(block.position())
    cursor.setBlockFormat(fmt)


def code_char_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontFamilies(mono_families())
    fmt.setFontFixedPitch(True)
    fmt.setBackground(code_shade())
    return fmt


def body_font_families() -> list[str]:
    """The body text's font families. Merging an *empty* family list does not clear a
    code span's monospace font: Qt then falls back to a default, often a serif face."""
    from PySide6.QtGui import QGuiApplication

    font = QGuiApplication.font()
    return font.families() or [font.family()]


def plain_char_format() -> QTextCharFormat:
    """Body text: no code font, no link, no emphasis, no heading size."""
    fmt = QTextCharFormat()
    fmt.setFontFamilies(body_font_families())
    fmt.setFontFixedPitch(False)
    fmt.setFontWeight(NORMAL)
    fmt.setFontItalic(False)
    fmt.setFontUnderline(False)
    fmt.setFontStrikeOut(False)
    fmt.setAnchor(False)
    fmt.setAnchorHref("")
    fmt.setProperty(SIZE_ADJUSTMENT, 0)
    fmt.clearForeground()
    fmt.clearBackground()
    return fmt


def heading_char_format(level: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(BOLD if level else NORMAL)
    fmt.setProperty(SIZE_ADJUSTMENT, 4 - level if level else 0)
    return fmt


# -- blocks -----------------------------------------------------------------------------
def is_code_block(block: QTextBlock) -> bool:
    fmt = block.blockFormat()
    return fmt.hasProperty(CODE_FENCE) or fmt.hasProperty(CODE_LANGUAGE)


def code_language(block: QTextBlock) -> str:
    value = block.blockFormat().property(CODE_LANGUAGE)
    return value if isinstance(value, str) else ""


def heading_level(block: QTextBlock) -> int:
    return block.blockFormat().headingLevel()


def set_heading(cursor: QTextCursor, level: int) -> None:
    """Make the cursor's blocks headings of ``level`` (0 is body text)."""
    cursor.beginEditBlock()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    walker = QTextCursor(cursor.document())
    walker.setPosition(start)
    while True:
        block = walker.block()
        if block.textList() is not None:
            block.textList().remove(block)
        if is_code_block(block):
            set_code_block(walker, None)
        fmt = QTextBlockFormat(block.blockFormat())
        fmt.setHeadingLevel(level)
        fmt.setIndent(0)
        fmt.setMarker(Marker.NoMarker)
        walker.setBlockFormat(fmt)
        walker.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        walker.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        walker.mergeCharFormat(heading_char_format(level))
        walker.setBlockCharFormat(heading_char_format(level))
        if walker.block().position() + walker.block().length() > end or not walker.movePosition(
            QTextCursor.MoveOperation.NextBlock
        ):
            break
    cursor.endEditBlock()


def set_code_block(cursor: QTextCursor, language: str | None) -> None:
    """Make the cursor's blocks a fenced code block (``language`` None: back to text)."""
    cursor.beginEditBlock()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    walker = QTextCursor(cursor.document())
    walker.setPosition(start)
    while True:
        block = walker.block()
        fmt = QTextBlockFormat(block.blockFormat())
        if language is None:
            fmt.clearProperty(CODE_FENCE)
            fmt.clearProperty(CODE_LANGUAGE)
            fmt.setNonBreakableLines(False)
            fmt.clearBackground()
            char = plain_char_format()
        else:
            if block.textList() is not None:
                block.textList().remove(block)
            fmt.setProperty(CODE_FENCE, "`")
            fmt.setProperty(CODE_LANGUAGE, language)
            fmt.setNonBreakableLines(True)
            fmt.setBackground(code_shade())
            fmt.setHeadingLevel(0)
            fmt.setIndent(0)
            fmt.setMarker(Marker.NoMarker)
            char = code_char_format()
        walker.setBlockFormat(fmt)
        walker.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        walker.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        walker.setCharFormat(char)
        walker.setBlockCharFormat(char)
        if walker.block().position() + walker.block().length() > end or not walker.movePosition(
            QTextCursor.MoveOperation.NextBlock
        ):
            break
    cursor.endEditBlock()


def list_style(numbered: bool, depth: int) -> QTextListFormat.Style:
    styles = NUMBER_STYLES if numbered else BULLET_STYLES
    return styles[(max(depth, 1) - 1) % len(styles)]


def is_numbered(style: QTextListFormat.Style) -> bool:
    return style in NUMBER_STYLES or style in (
        QTextListFormat.Style.ListUpperAlpha,
        QTextListFormat.Style.ListUpperRoman,
    )
