"""The few questions the program asks a clerk, in one place (tests answer them by replacing these)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
RELOAD, OVERWRITE = "reload", "overwrite"


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the clerk something was refused or went wrong, and why."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def confirm_delete(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before deleting a record: 删除 or 取消, with 取消 the default (Enter and Esc keep it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    delete = box.addButton("删除", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def ask_unsaved(parent: QWidget | None, what: str) -> str:
    """SAVE, DISCARD or CANCEL for a record with unsaved changes."""
    box = QMessageBox(QMessageBox.Icon.Question, "未保存的修改", f"{what}有未保存的修改，是否保存？", parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def settle_unsaved(parent: QWidget | None, what: str, save: Callable[[], bool], discard: Callable[[], None]) -> bool:
    """Ask about unsaved changes and act on the answer: True when the clerk may go on."""
    answer = ask_unsaved(parent, what)
    if answer == SAVE:
        return save()
    if answer == DISCARD:
        discard()
        return True
    return False


def resolve_conflict(parent: QWidget | None, text: str) -> str:
    """The record was changed by someone else since the clerk opened it (``text`` names each field
    with both values): RELOAD (take theirs, drop mine), OVERWRITE (keep mine over theirs) or CANCEL."""
    box = QMessageBox(QMessageBox.Icon.Warning, "记录已被他人修改", text, parent=parent)
    reload = box.addButton("重新读取（放弃我的修改）", QMessageBox.ButtonRole.AcceptRole)
    overwrite = box.addButton("仍然保存我的修改", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(reload)
    box.exec()
    clicked = box.clickedButton()
    if clicked is reload:
        return RELOAD
    if clicked is overwrite:
        return OVERWRITE
    return CANCEL


def ask_reason(parent: QWidget | None, title: str, label: str) -> str | None:
    """A reason the clerk types: the text, stripped ("" for an empty box or spaces), or None when he
    cancels. :func:`amendment_reason` asks it until it is given."""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, "")
    return text.strip() if ok else None


def amendment_reason(parent: QWidget | None, label: str) -> str | None:
    """The reason for amending a filed (归档锁定) plan's record, for the audit log: asked again while
    it is empty or only spaces (OK on an empty box is not a cancel); None when the clerk cancels."""
    title = QCoreApplication.translate("dialogs", "更正已归档的记录")
    prompt = label
    while True:
        answer = ask_reason(parent, title, prompt)
        if answer is None:
            return None
        if answer.strip():
            return answer.strip()
        prompt = QCoreApplication.translate("dialogs", "更正原因不能为空（也不能只有空格），请填写：") + "\n" + label


# ------------------------------------------------------------------ file dialogs
QT_GAPS = {
    "zh_CN": {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
        ("QAbstractFileIconProvider", "Folder"): "文件夹",
        ("QAbstractFileIconProvider", "File"): "文件",
        ("QAbstractFileIconProvider", "Drive"): "驱动器",
        ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
    },
}
"""Texts of Qt's own file dialog that Qt's Chinese translation lacks (it has "Look in:" but the
dialog asks for "&Look in:"): on Linux, where Qt draws the dialog itself, they showed in English."""


class QtGapsTranslator(QTranslator):
    """Translates the few Qt texts of :data:`QT_GAPS`; every other text goes on to Qt's own files."""

    def __init__(self, texts: dict[tuple[str, str], str], parent: QObject):
        super().__init__(parent)
        self.texts = texts

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return self.texts.get((context, source))  # None: not ours, the next translator answers

    def isEmpty(self) -> bool:  # noqa: N802
        return False


@contextmanager
def qt_texts_filled() -> Iterator[None]:
    """While a file dialog is open, the texts of :data:`QT_GAPS` for the program's language. Only then:
    a translator written in Python would otherwise be asked about every text the program shows."""
    app = QCoreApplication.instance()
    texts = QT_GAPS.get(QLocale().name())
    if app is None or not texts:
        yield
        return
    translator = QtGapsTranslator(texts, app)
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)
        translator.deleteLater()


# Each kind of file has its own remembered folder: the scans of a filing sit in one folder, the
# exports go to another; one filing used to take seven trips back to the scans folder.
SCANS, PHOTOS, EXPORTS, PDFS = "scans", "photos", "exports", "pdfs"


def documents_folder() -> Path:
    """The user's Documents folder (文档), where a clerk looks first; the home folder if there is none."""
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def start_folder(purpose: str, fallback: str | Path = "") -> Path:
    """Where a file dialog for ``purpose`` opens: the folder last used for it (if it still exists),
    else ``fallback``, else the Documents folder — never the program's own folder."""
    from PySide6.QtCore import QSettings

    for candidate in (QSettings().value(f"folders/{purpose}") or "", fallback):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return documents_folder()


def remember_folder(purpose: str, chosen: Path) -> None:
    """The folder of a file just chosen for ``purpose`` is where the next dialog for it opens."""
    from PySide6.QtCore import QSettings

    QSettings().setValue(f"folders/{purpose}", str(chosen.parent))


def save_file(parent: QWidget | None, title: str, suggested: str, filter_text: str, *,
              suffix: str | tuple[str, ...] = "", purpose: str = EXPORTS) -> Path | None:
    """Where to save a file (the clerk picks), or None when cancelled.

    The dialog opens in the folder last used for ``purpose`` with ``suggested`` as the name.
    ``suffix`` (".xlsx", or several such as (".xlsx", ".csv") for a filter of several kinds) is
    added when the clerk typed a name without one of them: the suffix of the kind chosen in the
    dialog, else the first.
    """
    from PySide6.QtWidgets import QFileDialog

    start = start_folder(purpose) / Path(suggested).name
    with qt_texts_filled():
        chosen, kind = QFileDialog.getSaveFileName(parent, title, str(start), filter_text)
    if not chosen:
        return None
    remember_folder(purpose, Path(chosen))
    return with_suffix(Path(chosen), suffix, kind)


def with_suffix(path: Path, suffix: str | tuple[str, ...], kind: str = "") -> Path:
    """``path`` as :func:`save_file` returns it for the file kind ``kind`` ("Excel 工作簿 (*.xlsx)")."""
    suffixes = (suffix,) if isinstance(suffix, str) else suffix
    if not suffixes or not suffixes[0] or path.suffix.lower() in suffixes:
        return path
    offered = [s.lower() for s in re.findall(r"\*(\.\w+)", kind)]
    wanted = next((s for s in offered if s in suffixes), suffixes[0])
    return path.with_name(path.name.rstrip(".") + wanted)  # Windows drops trailing dots anyway


def open_file(parent: QWidget | None, title: str, folder: str, filter_text: str, *,
              purpose: str = "files") -> Path | None:
    """A file to open (the clerk picks), or None when cancelled. The dialog opens in the folder last
    used for ``purpose``; ``folder`` is where to start before there is one (empty: Documents)."""
    from PySide6.QtWidgets import QFileDialog

    with qt_texts_filled():
        chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(purpose, folder)), filter_text)
    if not chosen:
        return None
    remember_folder(purpose, Path(chosen))
    return Path(chosen)


def open_files(parent: QWidget | None, title: str, folder: str, filter_text: str, *,
               purpose: str = SCANS) -> list[Path]:
    """Files to add (the clerk picks one or several); empty when cancelled. Folders as :func:`open_file`."""
    from PySide6.QtWidgets import QFileDialog

    with qt_texts_filled():
        chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(purpose, folder)), filter_text)
    if chosen:
        remember_folder(purpose, Path(chosen[0]))
    return [Path(c) for c in chosen]


def choose_folder(parent: QWidget | None, title: str, current: str) -> Path | None:
    """A folder (e.g. for backups), starting at ``current``; None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    start = current if current and Path(current).is_dir() else str(documents_folder())
    with qt_texts_filled():
        chosen = QFileDialog.getExistingDirectory(parent, title, start)
    return Path(chosen) if chosen else None


def open_externally(path: Path) -> None:
    """Open a file with the program the system uses for it (PDF reader, photo viewer)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
