"""Print preview of the PDFs the program makes: the same file the CLI writes, shown page by page.

Pages are drawn by PDFium (pypdfium2): 4 MB, independent of the Qt version, and it draws the
embedded Chinese font exactly as a PDF reader will. Only the page on screen is rendered, so a
200-page annual list opens at once. Printing renders each page at the printer's resolution on a
worker thread (QPainter may paint on a QPrinter outside the GUI thread).
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.errors import LedgerError
from core.outputs import save_copy
from gui import dialogs
from gui.operations import run_action
from gui.screen import fit_to_screen
from gui.workers import Job, finish_jobs, run_job

PDFIUM_LOCK = threading.Lock()
"""PDFium is not thread-safe: one page rendered at a time, whichever thread asks."""


def render_page(pdf: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """Page ``index`` as an image at ``dpi`` (white background)."""
    with PDFIUM_LOCK:
        page = pdf[index]
        bitmap = page.render(scale=dpi / 72, rev_byteorder=True, fill_color=(255, 255, 255, 255))
        # An opaque page comes as RGB (3 bytes a pixel), one with transparency as RGBA.
        fmt = QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBA8888
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt)
        return image.copy()  # own the pixels before PDFium frees the bitmap


class PreviewDialog(QDialog):
    """Page-by-page preview of a PDF with 打印 and 另存为."""

    def __init__(self, pdf_path: Path, title: str, parent: QWidget | None = None, *, suggested_name: str = ""):
        super().__init__(parent)
        self.setObjectName("print_preview")
        self.setWindowTitle(self.tr("打印预览 — {0}").format(title))
        self.path = pdf_path
        self.suggested_name = suggested_name or pdf_path.name
        self.pdf = pdfium.PdfDocument(str(pdf_path))
        self.pages = len(self.pdf)
        self.zoom_dpi = 80

        self.image = QLabel(self)
        self.image.setObjectName("page_image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setStyleSheet("background: #808080; padding: 12px;")
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)

        bar = QHBoxLayout()
        self.previous = QPushButton(self.tr("上一页"), self)
        self.next = QPushButton(self.tr("下一页"), self)
        self.number = QSpinBox(self)
        self.number.setObjectName("page_number")
        self.number.setRange(1, max(self.pages, 1))
        self.of = QLabel(self.tr("共 {0} 页").format(self.pages), self)
        self.zoom_in = QPushButton(self.tr("放大"), self)
        self.zoom_out = QPushButton(self.tr("缩小"), self)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setObjectName("print")
        self.save_button = QPushButton(self.tr("另存为 PDF…"), self)
        self.save_button.setObjectName("save_pdf")
        close = QPushButton(self.tr("关闭"), self)
        for w in (self.previous, self.number, self.of, self.next, self.zoom_out, self.zoom_in):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.save_button, self.print_button, close):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.previous.clicked.connect(lambda: self.number.setValue(self.number.value() - 1))
        self.next.clicked.connect(lambda: self.number.setValue(self.number.value() + 1))
        self.number.valueChanged.connect(lambda _: self.show_page())
        self.zoom_in.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self._zoom(0.8))
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        close.clicked.connect(self.accept)
        self.resize(1100, 820)
        fit_to_screen(self, (parent or self).screen().availableGeometry())
        self.show_page()

    def _zoom(self, factor: float) -> None:
        self.zoom_dpi = max(40, min(200, int(self.zoom_dpi * factor)))
        self.show_page()

    def show_page(self) -> None:
        index = self.number.value() - 1
        if 0 <= index < self.pages:
            self.image.setPixmap(QPixmap.fromImage(render_page(self.pdf, index, self.zoom_dpi)))
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < self.pages - 1)

    def save_as(self) -> Path | None:
        target = dialogs.save_file(self, self.tr("另存为 PDF"), self.suggested_name, self.tr("PDF 文件 (*.pdf)"),
                                   suffix=".pdf", purpose=dialogs.PDFS)
        if target is None:
            return None
        return run_action(self, self.tr("另存为 PDF"), lambda: save_copy(self.path, target))

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(self.orientation())
        printer.setFromTo(1, self.pages)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def orientation(self) -> QPageLayout.Orientation:
        """Landscape when the document's first page is wider than tall (the annual list)."""
        with PDFIUM_LOCK:
            width, height = self.pdf[0].get_size() if self.pages else (595, 842)
        return QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait

    def print_to(self, printer: QPrinter):
        """Print every page (or the range chosen in the print dialog) on a worker; returns the job."""
        first, last = printer.fromPage() or 1, printer.toPage() or self.pages
        pdf = self.pdf
        dpi = min(printer.resolution(), 300)

        def job(progress, cancelled):
            painter = QPainter()
            if not painter.begin(printer):
                raise LedgerError("无法开始打印：打印机不可用（没有连接、没有开机或驱动有问题）")
            try:
                for n in range(first - 1, last):
                    if cancelled():
                        break
                    progress(int(100 * (n - first + 1) / (last - first + 1)), f"第 {n + 1} 页")
                    if n > first - 1:
                        printer.newPage()
                    image = render_page(pdf, n, dpi)
                    target = painter.viewport()
                    size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                    painter.drawImage(target.x(), target.y(), image.scaled(size))
            finally:
                painter.end()
            return last - first + 1

        self.print_button.setEnabled(False)
        self.printing = run_job(self, self.tr("打印"), job)
        self.printing.finished.connect(lambda *_: self.print_button.setEnabled(True))
        return self.printing

    def done(self, result: int) -> None:
        # closing while pages are still being sent to the printer: stop after the page in hand
        finish_jobs(self)
        with PDFIUM_LOCK:
            self.pdf.close()
        super().done(result)


def preview_document(parent: QWidget, title: str, gather, render, *, file_name: str) -> Job:
    """Make a PDF on a worker — ``gather(ledger)`` reads what it shows (or ``gather`` is that data
    already), ``render(data, out, progress=, cancel=)`` lays it out (the same core functions as
    ``alley-ledger print``) — then open the preview.

    The preview dialog is kept as ``parent.preview`` (tests look at it).
    """
    session = parent.session
    folder = Path(tempfile.mkdtemp(prefix="alley-ledger-"))
    out = folder / file_name

    def job(progress, cancelled):
        from core.printing.base import missing_glyphs

        if callable(gather):
            with session.worker_ledger() as ledger:
                data = gather(ledger)
        else:
            data = gather  # gathered already (the 年度清单 page has its list)
        with missing_glyphs() as missing:
            render(data, out, progress=progress, cancel=cancelled)
        return out, missing

    def done(result: tuple[Path, dict[str, str]]) -> None:
        from core.printing.base import missing_text

        path, missing = result
        if missing:  # before the preview: these characters print blank
            dialogs.warn(parent, title, missing_text(missing))
        parent.preview = PreviewDialog(path, title, parent, suggested_name=path.name)
        parent.preview.open()

    return run_job(parent, QCoreApplication.translate("PreviewDialog", "生成 {0}").format(title), job, done)
