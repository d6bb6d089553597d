"""The command line's manners with its streams: ``-`` for standard input and output, text that never
fails to encode, and a reader that stops early (``… | head``).

Chinese Windows writes redirected output in GBK (cp936), which has no 㟖 and other characters of
CJK Extension A that Guangxi place names use: such characters are written as JSON escapes
(``\\u3f16``), so a JSON document stays valid JSON with every character recoverable, and nothing
crashes. A console shows every character (Python writes to it in UTF-16).
"""

from __future__ import annotations

import codecs
import contextlib
import io
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from core.errors import LedgerError

STDIO = "-"
ESCAPE = "alley-ledger-escape"

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each character the encoding lacks as ``\\uXXXX`` (a surrogate pair
    beyond the BMP), which JSON reads back as the character itself."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    parts = []
    for ch in error.object[error.start:error.end]:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            parts.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            parts.append(f"\\u{code:04x}")
    return "".join(parts), error.end


codecs.register_error(ESCAPE, _json_escape)


def never_fail_to_encode(stream: object) -> None:
    """Make ``stream`` (stdout) escape what its encoding cannot write instead of raising."""
    if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
        stream.reconfigure(errors=ESCAPE)


def is_stdio(path: Path | str | None) -> bool:
    """Whether a file argument is ``-`` (standard input or output)."""
    return path is not None and str(path) == STDIO


def _sniff_suffix(head: bytes, data: bytes) -> str:
    """The file suffix the reader needs for bytes that came without a name."""
    if head.startswith(_OLE):
        return ".xls"
    if head.startswith(_ZIP):
        with contextlib.suppress(zipfile.BadZipFile, KeyError):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
                    return ".ods"
        return ".xlsx"
    return ".csv"


@contextlib.contextmanager
def input_path(path: Path) -> Iterator[Path]:
    """``path`` itself, or for ``-`` the whole of standard input in a temporary file named
    标准输入.xlsx/.xls/.ods/.csv by its content (removed afterwards)."""
    if not is_stdio(path):
        yield path
        return
    if sys.stdin is None or sys.stdin.isatty():
        raise LedgerError("「-」表示从标准输入读取文件，但没有输入（请用 < 文件 或管道传入）")
    data = sys.stdin.buffer.read()
    with tempfile.TemporaryDirectory(prefix="alley-ledger-") as folder:
        temporary = Path(folder) / f"标准输入{_sniff_suffix(data[:8], data)}"
        temporary.write_bytes(data)
        yield temporary


@contextlib.contextmanager
def output_path(path: Path, suffix: str, *, binary: bool = True) -> Iterator[Path]:
    """``path`` itself, or for ``-`` a temporary file (named 标准输出 + ``suffix``) whose bytes go to
    standard output once the job has written it whole. A half-written file never reaches stdout:
    when the job fails, nothing is written there."""
    if not is_stdio(path):
        yield path
        return
    if binary and sys.stdout is not None and sys.stdout.isatty():
        raise LedgerError(f"不能把 {suffix.lstrip('.').upper()} 文件写到终端上；请用 > 文件名 重定向，或给出输出文件名")
    with tempfile.TemporaryDirectory(prefix="alley-ledger-") as folder:
        temporary = Path(folder) / f"标准输出{suffix}"
        yield temporary
        sys.stdout.flush()
        with temporary.open("rb") as handle:
            shutil.copyfileobj(handle, sys.stdout.buffer)
        sys.stdout.buffer.flush()


def reader_gone(error: OSError) -> bool:
    """Whether a write failed because the reading end of a pipe closed (``… | head``): EPIPE on
    POSIX; Windows reports a closed pipe as EINVAL."""
    return isinstance(error, BrokenPipeError) or (sys.platform == "win32" and error.errno == 22)


def silence_stdout() -> None:
    """Point stdout at the null device, so the flush at interpreter exit has nowhere to fail."""
    import os

    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
