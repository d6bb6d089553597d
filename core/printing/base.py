"""What every printed document shares: the embedded CJK font, styles, and "第 X 页 共 Y 页"."""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from core import errors
from core.errors import LedgerError
from core.outputs import check_output, write_failure
from core.paths import resources_dir

FONT = "WenQuanYiMicroHei"
FONT_FILE = "fonts/wqy-microhei.ttc"


@lru_cache(maxsize=1)
def register_font() -> str:
    """Register the bundled WenQuanYi Micro Hei (TrueType outlines, embedded as a subset); its name."""
    path = resources_dir() / FONT_FILE
    if not path.exists():
        raise LedgerError(f"找不到打印用的中文字体文件「{path}」，请重新安装程序")
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    return FONT


@lru_cache(maxsize=1)
def _drawable() -> frozenset[str]:
    """Every character the bundled font has a glyph for."""
    register_font()
    return frozenset(chr(c) for c in pdfmetrics.getFont(FONT).face.charToGlyph)


_MISSING: ContextVar[dict[str, str] | None] = ContextVar("missing_glyphs", default=None)


@contextlib.contextmanager
def missing_glyphs() -> Iterator[dict[str, str]]:
    """Collect, while documents are laid out inside, the characters of record text the bundled
    font has no glyph for, each with the first text it was found in: they print blank (rare
    characters of CJK Extension A such as 㟖 in some Guangxi place names, or characters a county
    made itself in the private-use area), so the caller tells the clerk which, to write them in."""
    found: dict[str, str] = {}
    token = _MISSING.set(found)
    try:
        yield found
    finally:
        _MISSING.reset(token)


def _note_missing(text: str) -> None:
    found = _MISSING.get()
    if found is None or not text:
        return
    for ch in set(text) - _drawable():
        if ch not in found and _is_character(ch):
            found[ch] = _around(text, ch)


def _is_character(ch: str) -> bool:
    """A character a reader would miss: letters, digits, punctuation and symbols, and private-use
    characters (造字); not marks, spaces, controls or variation selectors, which draw nothing."""
    category = unicodedata.category(ch)
    return category[0] in "LNPS" or category == "Co"


def _around(text: str, ch: str, width: int = 6) -> str:
    """A few characters either side of ``ch`` in ``text``, on one line, to find it by."""
    at = text.index(ch)
    start, end = max(at - width, 0), at + width + 1
    part = " ".join(text[start:end].split())
    return ("…" if start else "") + part + ("…" if end < len(text) else "")


def missing_text(found: dict[str, str], limit: int = 10) -> str:
    """The warning for characters that print blank (the word each is in, and its code), or ""."""
    if not found:
        return ""
    shown = [f"「{ch}」（U+{ord(ch):04X}，见“{where}”）" for ch, where in list(found.items())[:limit]]
    more = f"等 {len(found)} 个字" if len(found) > limit else ""
    return f"注意：打印字体中没有以下字，打印出来是空白，请在纸上手写补全：{'、'.join(shown)}{more}"


def style(size: float = 9, *, align: str = "left", leading: float | None = None,
          space_after: float = 0) -> ParagraphStyle:
    """A paragraph style in the CJK font that wraps Chinese anywhere (wordWrap CJK)."""
    register_font()
    return ParagraphStyle(
        name=f"s{size}{align}",
        fontName=FONT,
        fontSize=size,
        leading=leading or size * 1.3,
        alignment={"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}[align],
        wordWrap="CJK",
        spaceAfter=space_after,
        textColor=colors.black,
    )


def para(text: str, st: ParagraphStyle) -> Paragraph:
    """A paragraph wrapping CJK text inside its cell. ``text`` is reportlab markup: pass values
    from records through :func:`plain` first."""
    return Paragraph(text, st)


def plain(text: str | None) -> str:
    """Record text made safe for paragraph markup (&, <, > escaped; line breaks kept)."""
    _note_missing(text or "")
    return _escape(text or "")


def _escape(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def wrap_text(text: str, width: float, size: float) -> str:
    """``text`` broken into lines no wider than ``width`` points (CJK breaks anywhere; an ASCII run
    is kept whole when it fits on a line), joined with newlines for a reportlab table cell.

    Tables draw such strings far faster than one Paragraph per cell: 3,000 list rows took 5.0 s
    as paragraphs and 3.7 s as wrapped strings.
    """
    register_font()
    _note_missing(text)
    if "\n" not in text and pdfmetrics.stringWidth(text, FONT, size) <= width:
        return text  # most cells fit on one line: one C call, no tokenising
    lines: list[str] = []
    for source_line in (text or "").split("\n"):
        current, current_width = "", 0.0
        for token in _tokens(source_line):
            token_width = _char_widths(token, size)
            if current and current_width + token_width > width:
                carried = ""
                if token[0] in _NO_LINE_START:
                    # 避头: punctuation may not begin a line; take the character before it along, and
                    # the one before that while it is punctuation too (）。 or 」，), keeping a line.
                    back = 1
                    while back < min(len(current) - 1, 3) and current[-back] in _NO_LINE_START:
                        back += 1
                    if len(current) > back:
                        current, carried = current[:-back], current[-back:]
                lines.append(current.rstrip())
                current, current_width = carried, _char_widths(carried, size)
                if not carried:
                    token = token.lstrip()
                    token_width = _char_widths(token, size)
            if token_width > width:  # a token longer than the line: break it by character
                for ch in token:
                    ch_width = _char_width(ch, size)
                    if current and current_width + ch_width > width:
                        lines.append(current)
                        current, current_width = "", 0.0
                    current += ch
                    current_width += ch_width
                continue
            current += token
            current_width += token_width
        lines.append(current.rstrip())
    return "\n".join(lines)


_NO_LINE_START = set("、，。；：？！）」』》】〉…%,.;:?!)]}")


def _tokens(line: str) -> list[str]:
    """CJK characters one by one; runs of other characters (numbers, Latin words) together."""
    tokens: list[str] = []
    run = ""
    for ch in line:
        if ord(ch) >= 0x2E80:
            if run:
                tokens.append(run)
                run = ""
            tokens.append(ch)
        else:
            run += ch
            if ch == " ":
                tokens.append(run)
                run = ""
    if run:
        tokens.append(run)
    return tokens


@lru_cache(maxsize=8192)
def _char_width(ch: str, size: float) -> float:
    return pdfmetrics.stringWidth(ch, FONT, size)


def _char_widths(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def text_width(text: str, size: float) -> float:
    """Width of ``text`` in points in the CJK font."""
    register_font()
    return pdfmetrics.stringWidth(text, FONT, size)


class NumberedCanvas(Canvas):
    """A canvas that starts in the CJK font (no unembedded Helvetica reference) and writes
    "第 X 页 共 Y 页" at the foot of every page once the page count is known."""

    footer_size = 8

    def __init__(self, *args: Any, **kwargs: Any):
        register_font()
        kwargs.setdefault("initialFontName", FONT)
        kwargs.setdefault("initialFontSize", 9)
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(FONT, self.footer_size)
            width, _ = self._pagesize
            self.drawCentredString(width / 2, 8 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
            Canvas.showPage(self)
        Canvas.save(self)


def checker(progress: Callable[[int, str], None] | None, cancel: Callable[[], bool] | None) -> errors.Steps:
    """The progress-and-cancel step of a printing job (see :func:`core.errors.checker`)."""
    return errors.checker(progress, cancel, "打印已取消，没有生成文件")


def write_atomically(out: Path, build: Callable[[Path], None]) -> None:
    """Build the PDF into a temporary file beside ``out`` and move it into place only when complete.

    ``out`` is checked first (never over a database or a file the program holds open); a full
    disk or a read-only folder is reported in Chinese, with nothing left behind."""
    check_output(out)
    tmp = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        build(tmp)
        tmp.replace(out)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise write_failure(out, error) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def landscape_list(out: Path, story: list[Flowable], step: errors.Steps, *, title: str, author: str,
                   subject: str) -> int:
    """Write ``story`` as the A4 landscape list the county prints (the annual list, the findings):
    10 mm margins, room for "第 X 页 共 Y 页" below, the font embedded, written whole or not at all.
    Returns the number of pages."""
    pages = [0]

    def build(path: Path) -> None:
        doc = SimpleDocTemplate(
            str(path), pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
            topMargin=10 * mm, bottomMargin=14 * mm, title=title, author=author,
            subject=subject, creator="巷账 Alley Ledger", initialFontName=FONT,
        )
        step(88, "写入 PDF")
        doc.build(story, canvasmaker=NumberedCanvas)
        pages[0] = doc.page

    write_atomically(out, build)
    step.report(100, "完成")
    return pages[0]
