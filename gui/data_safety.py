"""What the window does for the database's safety: the banner's messages (read-only and why, a
network folder, a crash recovered), the watch on the file while it is open, the short check at
opening, and the menu items 从备份恢复, 检查数据库 and 诊断信息. Every decision is core's
(core.store.access, core.store.doctor, core.store.restore, core.diagnostics)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer

from core.backups import DEFAULT_KEEP, clean_parts
from gui import dialogs
from gui.workers import Job, finish_jobs, run_job

WATCH_MS = 2000
"""How often the database file is looked at (a stat call: nothing to notice)."""
CHECK_AFTER_MS = 1500
"""The short check runs this long after the window opens, on a worker."""


class DataSafety(QObject):
    """The window's side of data safety; ``window`` has ``session``, ``banner`` and the pages."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.job: Job | None = None
        self.last_report: Any = None
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self.look_at_file)
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_AFTER_MS)
        self.check_timer.timeout.connect(self.quick_check)

    @property
    def session(self) -> Any:
        return self.window.session

    # ---------------------------------------------------------------- state
    def opened(self) -> None:
        """A database was opened (or became writable): say what the clerk must know, start watching."""
        banner = self.window.banner
        for key in ("read_only", "network", "recovered", "file", "check"):
            banner.clear(key)
        ledger = self.session.ledger
        if ledger.read_only:
            banner.show_message("read_only", ledger.read_only, "warning",
                                retry=ledger.access.persistent is False and not ledger.access.detached)
        for warning in ledger.warnings:
            banner.show_message("network", warning, "warning")
        if ledger.access.recovered is not None:
            banner.show_message("recovered", self.tr("上次使用这个数据库的 {0} 没有正常关闭（可能是程序崩溃或停电）；"
                                                     "已自动接管，正在检查数据库……").format(ledger.access.recovered.describe()),
                                "info")
        if not ledger.read_only:
            clean_parts(self.backup_folder())  # a backup a crash broke off, in the folder 设置 chose
        self.watch.start()
        self.check_timer.start()

    def stop(self) -> None:
        """The window closes (or the file is about to be replaced): no more looking at the file."""
        self.watch.stop()
        self.check_timer.stop()
        finish_jobs(self)

    def look_at_file(self) -> str:
        """Compare the file with what this program left; once replaced or deleted, say so and stop."""
        change = self.session.file_change()
        if change:
            self.watch.stop()
            self.window.banner.show_message("file", change, "error")
        return change

    # ---------------------------------------------------------------- checks
    def quick_check(self) -> Job:
        """The short check at opening (core.store.doctor, quick), on a worker; problems go to the banner."""
        from core.store.doctor import examine

        path = self.session.path

        def done(report: Any) -> None:
            self.last_report = report
            self.window.banner.clear("recovered")
            if not report.ok:
                first = report.findings[0].message
                more = self.tr("（另有 {0} 个问题）").format(len(report.findings) - 1) if len(report.findings) > 1 else ""
                self.window.banner.show_message(
                    "check", self.tr("检查数据库发现问题：{0}{1}。详见 帮助 → 检查数据库").format(first, more), "error")

        self.job = run_job(self, self.tr("检查数据库"), lambda progress, cancel: examine(path, quick=True), done,
                           quiet=True, on_error=lambda message: None)
        return self.job

    def examine(self) -> Job:
        """帮助 → 检查数据库: the full check, its report shown to the clerk."""
        from core.store.doctor import examine

        path = self.session.path

        def done(report: Any) -> None:
            self.last_report = report
            dialogs.inform(self.window, self.tr("检查数据库"), report.text())

        self.job = run_job(self.window, self.tr("检查数据库"),
                           lambda progress, cancel: examine(path, progress=progress, cancel=cancel), done)
        return self.job

    def diagnostics(self, out: Path | None = None, include_data: bool | None = None) -> Job | None:
        """帮助 → 诊断信息: versions, log and check report in one zip; the data only when the clerk says so."""
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        from core.diagnostics import pack

        if include_data is None:
            include_data = dialogs.confirm(
                self.window, self.tr("诊断信息"),
                self.tr("诊断信息包含程序版本、出错日志和数据库检查结果，不含台账数据。\n\n"
                        "是否连同数据库（全部记录和附件）一起打包？只有技术人员需要查看数据时才选“是”。"))
        if out is None:
            out = dialogs.save_file(self.window, self.tr("保存诊断信息"), str(Path.home() / "巷账诊断信息.zip"),
                                    self.tr("压缩包 (*.zip)"), suffix=".zip")
            if out is None:
                return None
        path, extra = self.session.path, {"Qt": qVersion(), "PySide6": pyside_version}
        self.job = run_job(self.window, self.tr("诊断信息"),
                           lambda progress, cancel: pack(out, path, include_data=include_data, extra=extra),
                           lambda result: self.window.statusBar().showMessage(
                               self.tr("诊断信息已保存到 {0}").format(result["path"]), 10000))
        return self.job

    # ---------------------------------------------------------------- restore
    def backup_folder(self) -> Path:
        """The one backup folder: the one 设置 shows."""
        return self.session.backup_folder()

    def restore(self, backup: Path | None = None) -> Job | None:
        """文件 → 从备份恢复: choose a backup, confirm, and let core put it in place (the current
        database is backed up first); the window then shows the restored data."""
        window = self.window
        if not window.current_page().may_leave():
            return None
        folder = self.backup_folder()
        if backup is None:
            backup = dialogs.open_file(window, self.tr("从备份恢复"), str(folder if folder.is_dir() else Path.home()),
                                       self.tr("巷账备份 (*.db);;所有文件 (*)"))
            if backup is None:
                return None
        if not dialogs.confirm(window, self.tr("从备份恢复"), self.tr(
                "用备份「{0}」替换当前数据库「{1}」？\n\n当前数据库会先备份到「{2}」，恢复后仍可找回。").format(
                Path(backup).name, self.session.path.name, folder)):
            return None
        from core.actions import restore_backup

        self.stop()
        for page in window.pages.values():
            finish_jobs(page)
        finish_jobs(window)
        self.session.close_for_restore()
        db, user = self.session.path, self.session.user
        keep = int(QSettings().value("backup/count", DEFAULT_KEEP))

        def job(progress: Any, cancel: Any) -> Any:
            return restore_backup(db, backup, backup_folder=folder, keep=keep, user=user, progress=progress)

        def finished(ok: bool, payload: Any) -> None:
            # the restored database, or the old one when the restore was refused: every page re-reads
            self.session.reopen()
            window._update_title()
            self.opened()
            if ok:
                previous = payload.result["previous"]
                window.statusBar().showMessage(self.tr("已从备份恢复") + (
                    self.tr("；恢复前的数据库在 {0}").format(previous) if previous else ""), 15000)

        running = run_job(window, self.tr("从备份恢复"), job, cancellable=False)
        running.finished.connect(finished)
        self.job = running
        return running
