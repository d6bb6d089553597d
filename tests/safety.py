"""Helpers for the data-safety tests (issue 16): another program holding a database, hostile files."""

from __future__ import annotations

import struct
import subprocess
import sys
import zlib
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def other_program(db: Path, *, user: str = "李四", program: str = "巷账桌面程序"):
    """Another process that opens ``db`` as its one writer (as a second PC on a shared folder would)
    and keeps it open until the block ends."""
    code = ("import sys; from core.store import Ledger; "
            f"ledger = Ledger.open({str(db)!r}, user={user!r}, mode='write', program={program!r}); "
            "print('ready', flush=True); sys.stdin.readline(); ledger.close()")
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = proc.stdout.readline()
        assert line.strip() == "ready", proc.stderr.read()
        yield proc
    finally:
        if proc.poll() is None:
            proc.stdin.write("\n")
            proc.stdin.flush()
            proc.wait(timeout=30)


def crashed_program(db: Path, *, user: str = "王五") -> None:
    """A process that opens ``db`` as its writer and dies without closing (a crash, a power cut)."""
    code = ("import os; from core.store import Ledger; "
            f"ledger = Ledger.open({str(db)!r}, user={user!r}, mode='write', program='巷账桌面程序'); os._exit(9)")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False, timeout=60)


def bomb_png(width: int, height: int) -> bytes:
    """A PNG of ``width`` × ``height`` black pixels (1 bit each) that is tiny on disk: what Pillow,
    Qt and reportlab would decode to hundreds of MB."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def immutable(path: Path, on: bool = True) -> bool:
    """Make ``path`` read-only even for root (chattr +i); False where the system does not allow it."""
    try:
        result = subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True, check=False)
    except OSError:
        return False
    return result.returncode == 0


def edited_ledger(book: Path, out: Path, changes: dict[str, object], *, code: str | None = None,
                  drop: str | None = None) -> Path:
    """The exported ledger ``book`` saved as ``out``: ``changes`` ({header: value}) written into
    every data row (only the rows of alley ``code`` when given), column ``drop`` taken out."""
    import openpyxl

    workbook = openpyxl.load_workbook(book)
    sheet = workbook.active
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "街巷编码")
    titles = [c.value for c in sheet[header]]
    for row in range(header + 1, sheet.max_row + 1):
        given = sheet.cell(row, 1).value
        if given and (code is None or given == code):
            for title, value in changes.items():
                sheet.cell(row, titles.index(title) + 1).value = value
    if drop is not None:
        sheet.delete_cols(titles.index(drop) + 1)
    workbook.save(out)
    return out
