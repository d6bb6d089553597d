"""The user manual (使用说明) as an A4 PDF, laid out by the same printing code as the documents.

The text is data: ``resources/manual/manual.md``, a small subset of Markdown (``#`` title, ``##``
sections, ``-`` items, fenced example lines, paragraphs), so it can be corrected without touching
code. The CLI prints it (``print manual``), the build puts it beside the programs, and the
program's 帮助 menu opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from core import __version__
from core.errors import LedgerError
from core.paths import resource
from core.printing.base import FONT, NumberedCanvas, checker, para, plain, style, wrap_text, write_atomically

# The text's width: A4 less 20 mm margins, less the frame's own 6 pt padding on each side.
WIDTH = A4[0] - 40 * mm - 12
BULLET = 6 * mm
CELL_PADDING = 6  # reportlab's default right padding of a table cell


@dataclass
class Block:
    """One piece of the manual: ``kind`` is title, section, item, example or text."""

    kind: str
    text: str


def manual_source() -> Path:
    """The manual's text as shipped with the program."""
    return resource("resources", "manual", "manual.md")


def manual_blocks(text: str | None = None) -> list[Block]:
    """The manual's text split into blocks (consecutive example lines form one block)."""
    if text is None:
        try:
            text = manual_source().read_text(encoding="utf-8")
        except OSError:
            raise LedgerError(f"找不到使用说明的文字（{manual_source()}），程序安装不完整") from None
    blocks: list[Block] = []
    fenced: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("```"):
            if fenced is None:
                fenced = []
            else:
                blocks.append(Block("example", "\n".join(fenced)))
                fenced = None
        elif fenced is not None:
            fenced.append(line)
        elif line.startswith("## "):
            blocks.append(Block("section", line[3:].strip()))
        elif line.startswith("# "):
            blocks.append(Block("title", line[2:].strip()))
        elif line.startswith("- "):
            blocks.append(Block("item", line[2:].strip()))
        elif line.strip():
            blocks.append(Block("text", line.strip()))
    return blocks


def _lines(text: str, width: float, size: float) -> str:
    """Paragraph markup broken into lines beforehand, so no line starts with punctuation (避头);
    a little narrower than the frame so reportlab keeps our breaks."""
    return plain(wrap_text(text, width - 4, size))


def _flowable(block: Block) -> Any:
    if block.kind == "title":
        return para(plain(block.text), style(20, align="center", leading=28, space_after=2))
    if block.kind == "section":
        heading = style(14, leading=22, space_after=2)
        heading.keepWithNext = True  # a heading never ends a page
        return para(plain(block.text), heading)
    if block.kind == "item":
        text = para(_lines(block.text, WIDTH - BULLET - CELL_PADDING, 10.5), style(10.5, leading=17))
        table = Table([["•", text]], colWidths=[BULLET, WIDTH - BULLET])
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10.5), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        return table
    if block.kind == "example":
        table = Table([[para(plain(block.text), style(10, leading=15))]], colWidths=[WIDTH - 12 * mm])
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10),
                                   ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F2F2F2")),
                                   ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999"))]))
        return table
    return para(_lines(block.text, WIDTH, 10.5), style(10.5, leading=17, space_after=4))


def render_manual(out: Path, *, progress: Callable[[int, str], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> int:
    """Lay out the manual on portrait A4 and write it to ``out``; returns the number of pages."""
    step = checker(progress, cancel)
    step(0, "排版使用说明")
    blocks = manual_blocks()
    story: list[Any] = []
    for block in blocks:
        if block.kind == "section":
            story.append(Spacer(1, 3 * mm))
        story.append(_flowable(block))
        if block.kind == "title":
            story.append(para(plain(f"巷账 {__version__}"), style(10, align="center", leading=16, space_after=6)))
    pages = [0]

    def build(tmp: Path) -> None:
        document = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                                     topMargin=18 * mm, bottomMargin=18 * mm, title="巷账 使用说明",
                                     author="巷账", creator="巷账 Alley Ledger", initialFontName=FONT)
        document.build(story, canvasmaker=NumberedCanvas)
        pages[0] = document.page

    step(50, "生成 PDF")
    write_atomically(out, build)
    step.report(100, "完成")
    return pages[0]


__all__ = ["Block", "manual_blocks", "manual_source", "render_manual"]
