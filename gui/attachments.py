"""Files kept with a record (scanned documents, photos): thumbnails, adding by dialog or drag-and-drop,
opening in the system's viewer, and the photo box under a form (调查摸底, 问题台账). The files live
inside the database (core.store attachments)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QGroupBox, QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from core.actions import Done, attach_files
from core.attachments import MAX_BYTES, read_for_storing, save_for_viewing, thumbnail
from core.errors import LedgerError
from gui import dialogs
from gui.buttons import Button
from gui.workers import Job, run_job

THUMB = 96
FILE_NAME_ROLE = Qt.ItemDataRole.UserRole + 1
IMAGE_TYPES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp")
FILE_FILTER = "扫描件和照片 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;所有文件 (*)"


class AttachmentList(QListWidget):
    """The files of one record as thumbnails (images) or file icons (PDFs and others).

    ``files_dropped(paths)`` fires when files are dragged onto it; double-click opens a file.
    Thumbnails are decoded on a worker (20 photos of a few MB would otherwise stall the window).
    """

    files_dropped = Signal(list)

    def __init__(self, session: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("attachments")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 40, THUMB + 44))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.setDragDropMode(QListWidget.DragDropMode.DropOnly)
        # setMovement(Static) above switched drops off on the viewport, where a drag lands
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setMinimumHeight(THUMB + 56)
        self.itemDoubleClicked.connect(lambda item: self.open_item(item))
        self.job: Job | None = None

    def show_files(self, owner: Any | None) -> None:
        """List the files of ``owner`` (a stored record); thumbnails follow from a worker."""
        self.clear()
        if owner is None or owner.id is None:
            return
        files = self.session.ledger.attachments_of(owner)
        placeholder = self.style().standardIcon(self.style().StandardPixmap.SP_FileIcon)
        for attachment, caption in files:
            item = QListWidgetItem(placeholder, caption or attachment.file_name, self)
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            item.setData(FILE_NAME_ROLE, attachment.file_name)
            item.setToolTip(f"{attachment.file_name}（{attachment.size / 1024:.0f} KB）")
        images = [(a.id, a.file_name) for a, _ in files if Path(a.file_name).suffix.lower() in IMAGE_TYPES]
        if images:
            session = self.session

            def job(progress, cancelled):
                thumbs = {}
                with session.worker_ledger() as ledger:
                    for attachment_id, _ in images:
                        # made by core (a pixel limit: a picture bomb gives no thumbnail, not 1.6 GB)
                        small = thumbnail(ledger.attachment_data(attachment_id), THUMB)
                        image = QImage.fromData(small) if small else QImage()
                        if not image.isNull():
                            thumbs[attachment_id] = image
                return thumbs

            self.job = run_job(self, self.tr("读取照片"), job, self._thumbnails, quiet=True)

    def _thumbnails(self, thumbs: dict[int, QImage]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            image = thumbs.get(item.data(Qt.ItemDataRole.UserRole))
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))

    def file_names(self) -> dict[int, str]:
        """The files listed: attachment id → file name."""
        return {self.item(r).data(Qt.ItemDataRole.UserRole): self.item(r).data(FILE_NAME_ROLE)
                for r in range(self.count())}

    def open_item(self, item: QListWidgetItem) -> Job:
        """Write the file to a temporary folder (on a worker: scans run to tens of MB) and open it with
        the system's viewer (PDF reader, photo viewer), under its own name."""
        attachment_id = item.data(Qt.ItemDataRole.UserRole)
        name = item.data(FILE_NAME_ROLE) or f"附件{attachment_id}"
        session = self.session

        def job(progress, cancelled):
            with session.worker_ledger() as ledger:
                return save_for_viewing(ledger, attachment_id, name)  # under a safe base name only

        self.job = run_job(self, self.tr("打开文件"), job, dialogs.open_externally, quiet=True)
        return self.job

    # drag and drop of files from the Explorer
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
        else:
            super().dropEvent(event)


def read_files(paths: list[Path], warn: Callable[[str], None], max_mb: int = MAX_BYTES // (1024 * 1024)
               ) -> list[tuple[Path, bytes]]:
    """The files' bytes (core.attachments.read_for_storing: regular files only, size and picture
    limits); a file refused is named to the clerk with the reason and skipped."""
    out = []
    for path in paths:
        try:
            out.append((path, read_for_storing(path, max_bytes=max_mb * 1024 * 1024).data))
        except LedgerError as error:
            warn(str(error))
    return out


class PhotoBox(QGroupBox):
    """The photos of the record on a page's form, for under the form: thumbnails (``list``) that take
    the files dragged onto them, and 添加照片… (``add_button``, for the page to put where it stays in
    view). The record must have been saved once; ``unsaved`` says so to the clerk. ``amendment(record)``
    is the reason its photos change for ("" for none, None when the clerk cancels), for a record
    that prints in a filed plan's packet."""

    def __init__(self, page: Any, title: str, unsaved: str, *, hint: str = "",
                 amendment: Callable[[Any], str | None] | None = None):
        super().__init__(title, page)
        self.page = page
        self.unsaved = unsaved
        self.amendment = amendment
        layout = QVBoxLayout(self)
        self.list = AttachmentList(page.session, self)
        self.list.files_dropped.connect(self.add)
        layout.addWidget(self.list)
        if hint:
            label = QLabel(hint, self)
            label.setStyleSheet("color:#666")
            label.setWordWrap(True)
            layout.addWidget(label)
        self.add_button = Button(self.tr("添加照片…"), page)
        self.add_button.setObjectName("add_photos")
        self.add_button.clicked.connect(lambda: self.add())

    def add(self, paths: list[Path] | None = None) -> Job | None:
        """Store photos (``paths``, else those the clerk picks) with the record on the form, on a worker;
        None when there is nothing to store."""
        page, record = self.page, self.page.form.record
        if record is None:
            dialogs.warn(page, self.tr("添加照片"), self.unsaved)
            return None
        if paths is None:
            paths = dialogs.open_files(page, self.tr("添加照片"), "", self.tr(FILE_FILTER), purpose=dialogs.PHOTOS)
        if not paths:
            return None
        reason = self.amendment(record) if self.amendment is not None else ""
        if reason is None:
            return None
        page.job = self._store(record, paths, reason)
        return page.job

    def _store(self, owner: Any, paths: list[Path], reason: str) -> Job:
        """Store the photos on a worker (a phone's photos run to several MB each), all of them or, on
        a refusal, none (core.actions.attach_files); then list them, say how many and tell the pages."""
        page, session, problems = self.page, self.page.session, []

        def job(progress, cancelled):
            files = [(path.name, data) for path, data in read_files(paths, problems.append)]
            with session.worker_ledger() as ledger:
                return attach_files(ledger, owner, files, reason=reason, progress=progress)

        def done(result: Done[int]) -> None:
            if problems:
                dialogs.warn(page, self.tr("添加照片"), "\n".join(problems))
            self.list.show_files(owner)
            page.status_message.emit(self.tr("已添加 {0} 张照片").format(result.result))
            page.announce(result.changes)

        return run_job(page, self.tr("添加照片"), job, done)
