"""Files a clerk adds to a record (photos, scans): read safely, named safely, pictures kept sane.

- Only a regular file is read: not a folder, a device, a pipe (FIFO) or a symbolic link (a link to
  a system file would store that file; a link to a device would read without end), and never more
  than :data:`MAX_BYTES`.
- A stored name is reduced to a safe base name before it is ever used as a file name (a crafted
  database naming a file ``../../x`` or ``C:\\x`` writes nothing outside the program's folder).
- A picture is opened with a limit on its pixels (:data:`MAX_PIXELS`): a "picture bomb" (a 48 KB
  PNG of 20000×20000 pixels that decodes to 1.6 GB) is refused in Chinese, and a large photo is
  scaled down before it is printed.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import LedgerError, os_cause

if TYPE_CHECKING:
    from core.store import Ledger

MAX_BYTES = 50 * 1024 * 1024
"""The largest file a clerk may add (a scanned acceptance report runs to tens of MB)."""
MAX_PIXELS = 80_000_000
"""The most pixels a picture may have (an A3 scan at 600 dpi has 70 million; a phone photo 12–50)."""
PRINT_SIDE = 2400
"""The longest side of a photo as printed: 180 mm at 340 dpi, more than a printer shows."""
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp")
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def safe_name(name: str, fallback: str = "附件") -> str:
    """``name`` as a plain file name for any system: its last part only (no folders, no drive),
    without characters Windows forbids or control characters, not a device name (CON, NUL …),
    not ending in a dot or space, at most 120 characters (suffix kept)."""
    text = unicodedata.normalize("NFC", str(name or ""))
    text = re.split(r"[/\\]", text)[-1]
    text = _FORBIDDEN.sub("_", text).strip().rstrip(". ")
    stem, dot, suffix = text.rpartition(".")
    if not dot:
        stem, suffix = text, ""
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    if len(suffix) > 10:
        stem, suffix = f"{stem}.{suffix}", ""
    stem = stem[: 120 - len(suffix) - 1] if suffix else stem[:120]
    result = f"{stem}.{suffix}" if suffix and stem else (stem or "")
    return result if result.strip("._ ") else fallback + (f".{suffix}" if suffix else "")


@dataclass(frozen=True)
class FileRead:
    """A file read for storing: its safe name and bytes."""

    name: str
    data: bytes


def read_for_storing(path: Path | str, *, max_bytes: int = MAX_BYTES) -> FileRead:
    """The bytes of the file at ``path`` for storing with a record, refused in Chinese when it is
    not a regular file, is larger than ``max_bytes``, or is a picture too large to open safely."""
    path = Path(path)
    shown = path.name or str(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise LedgerError(f"找不到文件「{shown}」") from None
    except OSError as error:
        raise LedgerError(f"无法读取「{shown}」：{os_cause(error, writing=False)}") from None
    if stat.S_ISLNK(info.st_mode):
        raise LedgerError(f"「{shown}」是一个链接（快捷方式），不是文件本身；请选择它指向的文件")
    if stat.S_ISDIR(info.st_mode):
        raise LedgerError(f"「{shown}」是一个文件夹；请选择其中的文件")
    if not stat.S_ISREG(info.st_mode):
        raise LedgerError(f"「{shown}」不是普通文件（是设备或管道），不能作为附件")
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise LedgerError(f"无法读取「{shown}」：{os_cause(error, writing=False)}") from None
    with os.fdopen(fd, "rb") as handle:
        opened = os.fstat(handle.fileno())
        if not stat.S_ISREG(opened.st_mode):  # swapped for something else since it was looked at
            raise LedgerError(f"「{shown}」不是普通文件（是设备或管道），不能作为附件")
        if opened.st_size > max_bytes:
            raise LedgerError(f"文件「{shown}」有 {opened.st_size / 1024 / 1024:.0f} MB，超过 "
                              f"{max_bytes / 1024 / 1024:.0f} MB，未添加；请压缩或分开扫描")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise LedgerError(f"文件「{shown}」超过 {max_bytes / 1024 / 1024:.0f} MB，未添加；请压缩或分开扫描")
    if looks_like_image(path.name, data):
        check_picture(data, shown)
    return FileRead(safe_name(path.name), data)


def looks_like_image(name: str, data: bytes) -> bool:
    """Whether the file is a picture, by its name or its first bytes."""
    head = data[:12]
    return (Path(name).suffix.lower() in IMAGE_SUFFIXES or head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM"))
            or head[:4] in (b"II*\x00", b"MM\x00*") or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"))


def picture_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a picture from its header alone, or None when it is not one Pillow reads."""
    from PIL import Image, UnidentifiedImageError

    try:
        with _limits_off(), Image.open(io.BytesIO(data)) as picture:
            return picture.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None


def check_picture(data: bytes, shown: str) -> None:
    """Refuse a picture with more than :data:`MAX_PIXELS` pixels (a picture bomb), in Chinese."""
    size = picture_size(data)
    if size is None:
        return
    width, height = size
    if width * height > MAX_PIXELS:
        raise LedgerError(
            f"图片「{shown}」有 {width}×{height} 像素（约 {width * height / 1e6:.0f} 百万像素），超过 "
            f"{MAX_PIXELS / 1e6:.0f} 百万像素的上限，打开它会占用过多内存（可能是损坏或恶意的“图片炸弹”），未添加；"
            "请缩小后再添加")


def printable(data: bytes, *, side: int = PRINT_SIDE) -> tuple[bytes, str] | str:
    """A picture ready to print: (bytes, suffix), scaled down to ``side`` pixels on its longest
    side when larger (JPEG as it is when already small); or, when it cannot be printed, why not
    (Chinese)."""
    from PIL import Image, UnidentifiedImageError

    size = picture_size(data)
    if size is None:
        return "格式不支持或文件已损坏"
    width, height = size
    if width * height > MAX_PIXELS:
        return f"有 {width}×{height} 像素，超过 {MAX_PIXELS / 1e6:.0f} 百万像素的上限（可能是损坏或恶意的“图片炸弹”）"
    try:
        with _limits_off(), Image.open(io.BytesIO(data)) as picture:
            if max(width, height) <= side and picture.format in ("JPEG", "PNG", "GIF"):
                picture.verify()
                return data, "." + picture.format.lower().replace("jpeg", "jpg")
            picture.draft("RGB", (side, side))  # JPEG decodes at 1/2, 1/4 or 1/8 size directly
            picture.thumbnail((side, side))
            rgb = _flattened(picture)
            out = io.BytesIO()
            rgb.save(out, "JPEG", quality=88)
            return out.getvalue(), ".jpg"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return "格式不支持或文件已损坏"


def thumbnail(data: bytes, side: int) -> bytes | None:
    """A small PNG of a picture for the screen (None when it cannot be opened safely)."""
    from PIL import Image, UnidentifiedImageError

    size = picture_size(data)
    if size is None or size[0] * size[1] > MAX_PIXELS:
        return None
    try:
        with _limits_off(), Image.open(io.BytesIO(data)) as picture:
            picture.draft("RGB", (side * 2, side * 2))
            picture.thumbnail((side, side))
            out = io.BytesIO()
            _flattened(picture).save(out, "PNG")
            return out.getvalue()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None


def _flattened(picture: Any) -> Any:
    """The picture in RGB, transparency on white paper."""
    from PIL import Image

    if picture.mode in ("RGBA", "LA", "P"):
        picture = picture.convert("RGBA")
        paper = Image.new("RGB", picture.size, "white")
        paper.paste(picture, mask=picture.getchannel("A"))
        return paper
    return picture.convert("RGB") if picture.mode != "RGB" else picture


class _limits_off:
    """Pillow's own bomb check (a warning at 89 million pixels, a refusal at twice that) is off
    while a picture is opened here: :data:`MAX_PIXELS` is always checked first, from the header
    alone, and Pillow's refusal would hide the size the clerk is told about."""

    _lock = threading.Lock()
    _inside = 0
    _saved: Any = None

    def __enter__(self) -> None:
        from PIL import Image

        with _limits_off._lock:
            if _limits_off._inside == 0:
                _limits_off._saved = Image.MAX_IMAGE_PIXELS
                Image.MAX_IMAGE_PIXELS = None
            _limits_off._inside += 1

    def __exit__(self, *exc: object) -> None:
        from PIL import Image

        with _limits_off._lock:
            _limits_off._inside -= 1
            if _limits_off._inside == 0:
                Image.MAX_IMAGE_PIXELS = _limits_off._saved


def save_for_viewing(ledger: Ledger, attachment_id: int, file_name: str, folder: Path | None = None) -> Path:
    """Write a stored file into a new temporary folder of the program's own (or ``folder``) under
    its safe name, for the system's viewer; returns its path. Nothing is written anywhere else."""
    data = ledger.attachment_data(attachment_id)
    base = Path(folder) if folder is not None else Path(tempfile.mkdtemp(prefix="alley-ledger-"))
    path = base / safe_name(file_name, f"附件{attachment_id}")
    if path.resolve().parent != base.resolve():  # unreachable after safe_name; the last word is this check
        raise LedgerError(f"附件名「{file_name}」不是有效的文件名")
    try:
        path.write_bytes(data)
    except OSError as error:
        from core.outputs import write_failure

        raise write_failure(path, error) from None
    if sys.platform != "win32":
        os.chmod(path, 0o600)
    return path


__all__ = ["FileRead", "IMAGE_SUFFIXES", "MAX_BYTES", "MAX_PIXELS", "PRINT_SIDE", "check_picture", "looks_like_image",
           "picture_size", "printable", "read_for_storing", "safe_name", "save_for_viewing", "thumbnail"]
