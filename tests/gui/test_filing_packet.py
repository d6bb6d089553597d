"""Issue 15: the filing packet as the clerk files it — a JPG scan prints as its document, a PDF scan
is catalogued with its real page count, 归档锁定 says what is missing before anything is saved."""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader

from core.records import Filing
from tests.gui.test_window_small_screens import _pdf


def _jpg(path: Path) -> Path:
    """A scanned form as phones and office scanners save it: a portrait JPEG."""
    picture = Image.new("RGB", (1240, 1754), "white")
    drawing = ImageDraw.Draw(picture)
    drawing.rectangle((100, 100, 1140, 1654), outline="black", width=6)
    picture.save(path, "JPEG", quality=80)
    return path


def _open_plan_without_filing(qtbot, window):
    ledger = window.session.ledger
    filed = {f.plan_id for f in ledger.filings()}
    plan_id = next(a.plan_id for a in ledger.acceptances() if a.passed and a.plan_id not in filed)
    window.go_to("filings")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    assert page.table.select_record(plan_id) and page.record_id == plan_id
    return page, plan_id


def _packet_text(qtbot, page) -> list[str]:
    job = page.print_current()
    qtbot.waitUntil(lambda: job.done and getattr(page, "preview", None) is not None, timeout=30_000)
    reader = PdfReader(str(page.preview.path))
    texts = [re.sub(r"\s+", "", p.extract_text() or "") for p in reader.pages]
    images = [len(p.images) for p in reader.pages]
    page.preview.accept()
    page.preview = None
    return texts, images


def _photos_counted(texts: list[str]) -> int:
    return int(re.search(r"照片(\d+)张", texts[-1]).group(1))


def test_a_jpg_scan_prints_as_its_document_and_a_pdf_scan_counts_its_pages(qtbot, window, answers, tmp_path):
    page, plan_id = _open_plan_without_filing(qtbot, window)
    ledger = window.session.ledger
    before, _ = _packet_text(qtbot, page)
    photos_before = _photos_counted(before)
    # the clerk chooses 竣工验收备案表 and adds the JPG the scanner made
    page.kind.setCurrentIndex(page.kind.findData("filing_form"))
    job = page.add_files([_jpg(tmp_path / "IMG_20231025_0001.jpg")])
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert job.ok, answers.warnings
    # and a two-page PDF as 质量保修书
    page.kind.setCurrentIndex(page.kind.findData("warranty"))
    (tmp_path / "保修书.pdf").write_bytes(_pdf(2))
    job = page.add_files([tmp_path / "保修书.pdf"])
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    filing = ledger.filing_for(plan_id)
    assert [(d.kind, d.pages) for d in filing.documents] == [("filing_form", 1), ("warranty", 2)]
    pages_column = [h for h in range(page.catalogue.columnCount())
                    if page.catalogue.horizontalHeaderItem(h).text() == "页数"][0]
    assert [page.catalogue.item(r, pages_column).text() for r in range(2)] == ["1", "2"]
    # one audit entry for each file added, naming it
    entries = [e for e in ledger.audit() if "IMG_20231025_0001.jpg" in str(e.changes) or
               e.table_name == "attachments"]
    assert len(entries) == 1 and entries[0].table_name == "filings"

    texts, images = _packet_text(qtbot, page)
    scan_page = next(n for n, t in enumerate(texts) if t.startswith("竣工验收备案表") and images[n])
    assert "照片" not in texts[scan_page]
    assert not any("IMG_20231025_0001" in t for t in texts)  # never a photo caption
    catalogue = texts[next(n for n, t in enumerate(texts) if "卷内目录" in t)]
    assert re.search(rf"竣工验收备案表\d*{scan_page + 1}本案卷打印", catalogue), catalogue
    total = len(texts)
    assert f"质量保修书{total + 1}–{total + 2}" in catalogue  # two pages, after the printed packet
    assert _photos_counted(texts) == photos_before


def test_lock_is_offered_before_the_first_save_and_says_what_is_missing(qtbot, window, answers):
    page, plan_id = _open_plan_without_filing(qtbot, window)
    assert page.form.record is None and page.lock_button.isEnabled()
    assert "归档锁定前还需" in page.lock_button.toolTip()
    assert not page.lock()
    title, text = answers.warnings[-1]
    assert title == "不能归档锁定" and "备案资料不全，缺少：" in text and "竣工验收备案表" in text
    assert window.session.ledger.filing_for(plan_id) is None  # nothing saved by asking
    assert isinstance(page.form.current, Filing)
