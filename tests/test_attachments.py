"""Issue 16, findings 4 and 7: files added to records and pictures printed, whatever a file or a
crafted database throws at the program."""

from __future__ import annotations

import io
import os
import sqlite3
import threading
from pathlib import Path

import pytest
from PIL import Image

from core.attachments import MAX_PIXELS, printable, read_for_storing, safe_name, save_for_viewing, thumbnail
from core.errors import LedgerError
from core.printing.filing_packet import filing_packet_data, render_filing_packet
from core.store import Ledger
from tests.safety import bomb_png


def _photo(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (90, 120, 160)).save(out, "JPEG", quality=70)
    return out.getvalue()


@pytest.mark.parametrize("crafted", ["../../x.txt", "/etc/cron.d/x", "C:\\Windows\\x.dll", "..\\..\\x.pdf", "CON.txt",
                                     "a\x00b.jpg", "", ".."])
def test_4_stored_names_become_safe_base_names(crafted, tmp_path):
    name = safe_name(crafted)
    assert name and "/" not in name and "\\" not in name and ".." not in name and "\x00" not in name
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()


def test_4_opening_a_file_with_a_crafted_name_writes_only_inside_its_folder(tmp_path, demo_db):
    db = tmp_path / "county.db"
    db.write_bytes(demo_db.read_bytes())
    with Ledger.open(db) as ledger:
        attachment = ledger.add_attachment(b"%PDF-1.4 x", "scan.pdf")
    target = tmp_path / "escaped.txt"
    conn = sqlite3.connect(db)
    conn.execute("UPDATE attachments SET file_name = ? WHERE id = ?", ["../" * 8 + str(target).lstrip("/"),
                                                                       attachment.id])
    conn.commit()
    conn.close()
    folder = tmp_path / "viewer"
    folder.mkdir()
    with Ledger.open(db) as ledger:
        name = ledger.db.execute("SELECT file_name FROM attachments WHERE id = ?", [attachment.id]).fetchone()[0]
        path = save_for_viewing(ledger, attachment.id, name, folder)
    assert path.parent == folder and path.read_bytes() == b"%PDF-1.4 x" and not target.exists()


# ------------------------------------------------------------------ 7. bombs and odd files
def test_7_a_picture_bomb_in_the_database_is_named_on_the_cover_not_a_traceback(tmp_path, demo_db):
    """A 48 KB PNG of 20000×20000 pixels stopped the filing packet with a traceback."""
    db = tmp_path / "county.db"
    db.write_bytes(demo_db.read_bytes())
    bomb = bomb_png(20000, 20000)
    assert len(bomb) < 100_000
    with Ledger.open(db) as ledger:
        survey = ledger.surveys()[0]
        ledger.add_attachment(bomb, "炸弹.png", owner=survey, caption="现场", reason="测试")
        code = ledger.alley_codes_by_id()[survey.alley_id]
        data = filing_packet_data(ledger, code)
    assert any("炸弹.png" in line and "像素" in line for line in data.missing)
    pages = render_filing_packet(data, tmp_path / "packet.pdf")
    assert pages > 0 and (tmp_path / "packet.pdf").exists()


def test_7_a_picture_bomb_and_an_oversized_picture_are_refused_when_added(tmp_path):
    (tmp_path / "bomb.png").write_bytes(bomb_png(20000, 20000))
    (tmp_path / "big.png").write_bytes(bomb_png(12000, 12000))  # 144 million pixels: 1.49 GB to open
    for name in ("bomb.png", "big.png"):
        with pytest.raises(LedgerError, match="像素.*上限"):
            read_for_storing(tmp_path / name)
    assert 12000 * 12000 > MAX_PIXELS


def test_7_a_large_photo_prints_scaled_down_and_small_ones_as_they_are():
    small = _photo(1200, 900)
    assert printable(small) == (small, ".jpg")
    scaled, suffix = printable(_photo(6000, 4000))
    with Image.open(io.BytesIO(scaled)) as picture:
        assert max(picture.size) <= 2400 and suffix == ".jpg"
    assert "像素" in printable(bomb_png(20000, 20000))
    assert thumbnail(bomb_png(20000, 20000), 96) is None
    with Image.open(io.BytesIO(thumbnail(_photo(4000, 3000), 96))) as thumb:
        assert max(thumb.size) == 96


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_7_a_fifo_a_device_and_a_link_to_a_system_file_are_refused_without_hanging(tmp_path):
    from gui.attachments import read_files

    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    device = tmp_path / "zero.jpg"
    device.symlink_to("/dev/zero")
    system = tmp_path / "passwd.pdf"
    system.symlink_to("/etc/passwd")
    warnings: list[str] = []
    result: list = []
    worker = threading.Thread(target=lambda: result.extend(read_files([fifo, device, system], warnings.append)),
                              daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # let the old behaviour's open() of the FIFO return before failing
        with open(fifo, "wb"):
            pass
    assert not worker.is_alive(), "reading a FIFO hung"
    assert result == [] and len(warnings) == 3
    assert "不是普通文件" in warnings[0] and "链接" in warnings[1] and "链接" in warnings[2]


def test_7_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "scan.pdf"
    with open(big, "wb") as handle:
        handle.truncate(60 * 1024 * 1024)
    with pytest.raises(LedgerError, match="超过 50 MB"):
        read_for_storing(big)
    assert read_for_storing(tmp_path / "scan.pdf", max_bytes=70 * 1024 * 1024).name == "scan.pdf"


def test_names_are_stored_safe_whatever_the_caller_gives(file_ledger):
    attachment = file_ledger.add_attachment(b"data", "../../报告.pdf")
    assert attachment.file_name == "报告.pdf"
    assert Path(attachment.file_name).name == attachment.file_name
