"""备案归档: the filing of an accepted plan — documents checklist, scans and photos, archive fields,
归档锁定 and the printed packet."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import actions, browse
from core.actions import Done
from core.browse import Table
from core.records import Alley, Filing
from core.review import review_filing
from core.workflow import completeness, filing_refusal
from gui import dialogs
from gui.attachments import FILE_FILTER, AttachmentList, read_files
from gui.buttons import Button
from gui.forms import RecordForm
from gui.operations import run_action
from gui.pages.acceptance import PlanKeyedPage
from gui.pages.library import PLACE_FILTERS
from gui.pages.records import FilterBox, findings_html
from gui.session import Session
from gui.workers import Job, run_job

# The 卷内目录 as the packet prints it: (document field, heading); the file column comes last.
# The number and issuer come last: the panel is narrow, and the title is what a clerk reads first.
CATALOGUE = (("seq", "序号"), ("title", "文件题名"), ("doc_date", "日期"), ("pages", "页数"), ("file", "附件"),
             ("doc_no", "文件编号"), ("issuer", "责任者"))
EDITABLE = {"doc_no", "issuer", "title", "doc_date", "pages"}
FILE_COLUMN = [field for field, _ in CATALOGUE].index("file")


class FilingsPage(PlanKeyedPage):
    name = "filings"
    title = "备案归档"
    shows = frozenset({"alleys", "plans", "acceptances", "filings", "settings"})
    model = Filing
    columns = browse.FILING_COLUMNS
    filters = (*PLACE_FILTERS, ("year", "年度"), ("status", "状态"), ("complete", "资料齐全"))

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.job: Job | None = None
        # documents: checklist, the files, adding and locking — below the form
        box = QGroupBox(self.tr("备案资料"), self)
        layout = QVBoxLayout(box)
        self.checklist = QLabel(box)
        self.checklist.setObjectName("checklist")
        self.checklist.setWordWrap(True)
        layout.addWidget(self.checklist)
        self.catalogue = QTableWidget(0, len(CATALOGUE), box)
        self.catalogue.setObjectName("catalogue")
        self.catalogue.setHorizontalHeaderLabels([self.tr(h) for _, h in CATALOGUE])
        header = self.catalogue.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        title_column = [field for field, _ in CATALOGUE].index("title")
        header.setSectionResizeMode(title_column, QHeaderView.ResizeMode.Interactive)
        self.catalogue.setColumnWidth(title_column, 220)
        self.catalogue.verticalHeader().setDefaultSectionSize(24)
        self.catalogue.verticalHeader().hide()
        self.catalogue.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                       | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.catalogue.itemChanged.connect(self._document_edited)
        self._filling = False
        self.catalogue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.catalogue.setMinimumHeight(150)
        layout.addWidget(QLabel(self.tr("卷内文件（双击可修改文件编号、责任者、题名、日期、页数）"), box))
        layout.addWidget(self.catalogue)
        catalogue_actions = QHBoxLayout()
        self.open_button = QPushButton(self.tr("打开附件"), box)
        self.open_button.clicked.connect(self._open_selected)
        self.remove_button = QPushButton(self.tr("移出所选文件"), box)
        self.remove_button.setObjectName("remove_document")
        self.remove_button.clicked.connect(self.remove_selected_document)
        catalogue_actions.addWidget(self.open_button)
        catalogue_actions.addWidget(self.remove_button)
        catalogue_actions.addStretch(1)
        layout.addLayout(catalogue_actions)
        self.files = AttachmentList(session, box)
        self.files.setMinimumHeight(120)
        self.files.setMaximumHeight(160)
        self.files.files_dropped.connect(self.add_files)
        layout.addWidget(self.files)
        # choosing, adding, printing and locking stay in view under the form, however small the screen
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("资料类别"), self))
        self.kind = FilterBox(self)
        self.kind.setObjectName("document_kind")
        # long titles must not widen the panel past the window: the box shows what fits
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(8)
        for document in session.ledger.profile().documents:
            self.kind.addItem(document.title, document.key)
        self.kind.addItem(self.tr("其他文件"), "")
        row.addWidget(self.kind, 1)
        self.add_button = Button(self.tr("添加文件…"), self)
        self.add_button.setObjectName("add_files")
        self.add_button.clicked.connect(lambda: self.add_files())
        row.addWidget(self.add_button)
        self.actions.addLayout(row)
        hint = QLabel(self.tr("也可以把扫描件、照片直接拖到上面的框里；双击打开。"), box)
        hint.setStyleSheet("color:#666")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        actions = QHBoxLayout()
        self.lock_button = Button(self.tr("归档锁定"), self)
        self.lock_button.setObjectName("lock")
        self.lock_button.clicked.connect(self.lock)
        self.print_button = Button(self.tr("打印案卷…"), self)
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_current)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.lock_button)
        self.actions.addLayout(actions)
        self.documents_box = box
        self.form_column.insertWidget(0, box)  # the documents are this page's main work: first
        self.findings.setMaximumHeight(90)

    def make_form(self) -> RecordForm:
        return RecordForm(Filing, [
            (self.tr("竣工验收备案"), ["filing_no", "filed_on", "receiving_department", "contract_price_yuan",
                                   "construction_permit_no", "planning_permit_no", "quality_supervisor",
                                   "builder_contact", "builder_phone", "project_location"]),
            (self.tr("城建档案归档"), ["archive_no", "box_no", "volume_no", "retention", "security", "location",
                                   "archived_on", "compiler", "compiled_on", "checker", "checked_on"]),
        ], self, columns=1)

    def load_table(self, ledger: Any) -> Table:
        return browse.filing_table(ledger)

    def plan_record(self, plan_id: int) -> BaseModel | None:
        return self.session.ledger.filing_for(plan_id)

    def plan_defaults(self, plan: Any) -> dict[str, Any]:
        settings = self.session.settings()
        return {"plan_id": plan.id, "compiled_by": settings.lead_department if settings else ""}

    def after_load(self, record: BaseModel | None) -> None:
        self.files.show_files(record)
        self._show_catalogue(record)
        self._show_checklist(record)

    def _show_catalogue(self, record: BaseModel | None) -> None:
        """The filing's 卷内目录: each document with its date, pages and the stored file, if any."""
        documents = list(record.documents) if record is not None else []
        names = self.files.file_names()  # the record's files, listed by after_load just before
        self._filling = True
        try:
            self.catalogue.setRowCount(len(documents))
            for row, d in enumerate(documents):
                attached = names.get(d.attachment_id, self.tr("（附件）") if d.attachment_id else d.medium)
                cells = [(field, attached if field == "file" else _cell(getattr(d, field))) for field, _ in CATALOGUE]
                for col, (field, text) in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, d.attachment_id)
                    item.setToolTip(text)
                    if field not in EDITABLE:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.catalogue.setItem(row, col, item)
        finally:
            self._filling = False

    def _open_document(self, item: QTableWidgetItem | None):
        """Open the document's stored file in the system's viewer (paper-only documents have none)."""
        attachment_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        for row in range(self.files.count()):
            if self.files.item(row).data(Qt.ItemDataRole.UserRole) == attachment_id:
                return self.files.open_item(self.files.item(row))
        dialogs.warn(self, self.tr("打开附件"), self.tr("这件文件只有纸质原件，没有扫描件"))
        return None

    def _open_selected(self) -> None:
        row = self.catalogue.currentRow()
        if row >= 0:
            self._open_document(self.catalogue.item(row, FILE_COLUMN))

    def _show_checklist(self, record: BaseModel | None) -> None:
        """The profile's required documents, ticked when the filing holds one (R9), live."""
        filing = record if record is not None else Filing(plan_id=self.record_id)
        state = completeness(self.session.ledger, filing)
        lines = [f"<span style='color:#2e7d32'>✔ {html.escape(d.title)}</span>" for d in state.present]
        lines += [f"<span style='color:#b00020'>✘ {html.escape(d.title)}</span>" for d in state.missing]
        kinds = filing.kinds_present()
        lines += [f"<span style='color:#555'>{'✔' if d.key in kinds else '○'} {html.escape(d.title)}（如有）</span>"
                  for d in state.optional]
        head = (self.tr("资料齐全") if state.complete else
                self.tr("缺少 {0} 份必备资料").format(len(state.missing)))
        locked = getattr(record, "locked_at", None)
        if locked is not None:
            head += self.tr("；已于 {0} 归档锁定，修改须填写更正原因").format(f"{locked:%Y-%m-%d}")
        self.checklist.setText(f"<b>{head}</b><br>" + "<br>".join(lines))
        # open to a click until locked: what is still missing is said there and then, not greyed out
        self.lock_button.setEnabled(self.record_id is not None and locked is None)
        reasons = filing_refusal(self.session.ledger, filing) if locked is None else []
        self.lock_button.setToolTip("\n".join([self.tr("归档锁定前还需："), *reasons]) if reasons else "")
        if state.missing:  # the next document to add is the first one missing
            self.kind.setCurrentIndex(max(self.kind.findData(state.missing[0].key), 0))

    def review_html(self, record: BaseModel | None) -> str:
        """What 归档锁定 still needs (R9), and R11: filed within 15 days of the acceptance, the archive
        handed over within 3 months (for a locked filing too: the archive often goes later)."""
        if record is None and self.record_id is not None:
            record = Filing(plan_id=self.record_id)  # not started yet: R11 may already be running late
        if record is None:
            return ""
        deadlines = findings_html(review_filing(self.session.ledger, record), tr=self.tr)
        if record.locked_at is not None:
            return deadlines
        reasons = filing_refusal(self.session.ledger, record)
        if not reasons:
            ready = self.tr("可以归档锁定")
            return f"<span style='color:#2e7d32'>{ready}</span>" + deadlines
        items = "".join(f"<li>{html.escape(r)}</li>" for r in reasons)
        still = self.tr("归档锁定前还需：")
        return f"<b>{still}</b><ul style='margin:0'>{items}</ul>" + deadlines

    # ---------------------------------------------------------------- documents
    def _stored_filing(self) -> Filing | None:
        """The filing to attach to: the one stored, created now if the plan has none yet."""
        if self.form.is_dirty() and not self.save():
            return None
        filing = self.form.record
        if filing is None:
            draft = self.form.current
            if draft is None:
                self.form.reveal()
                dialogs.warn(self, self.tr("不能添加文件"), self.form.problem_text())
                return None
            done = run_action(self, self.tr("不能添加文件"), lambda: actions.save_record(self.session.ledger, draft))
            if done is None:
                return None
            filing = done.result
            self.form.mark_saved(filing)
        return filing

    def _amendment_reason(self, filing: Filing, what: str) -> str | None:
        """"" for an open filing; for a locked one the amendment reason (None: the clerk cancelled)."""
        if filing.locked_at is None:
            return ""
        return dialogs.amendment_reason(self, self.tr("该方案已归档锁定，{0}须填写更正原因（记入操作日志）：").format(what))

    def add_files(self, paths: list[Path] | None = None) -> Job | None:
        """Store the files in the database and list them as documents of the chosen kind, on a worker
        (a 45 MB scan takes a quarter of a second); all of them or, on a refusal, none."""
        if self.record_id is None:
            return None
        if paths is None:
            paths = dialogs.open_files(self, self.tr("添加备案资料"), "", self.tr(FILE_FILTER),
                                       purpose=dialogs.SCANS)
        if not paths:
            return None
        filing = self._stored_filing()
        if filing is None:
            return None
        reason = self._amendment_reason(filing, self.tr("补充资料"))
        if reason is None:
            return None
        kind, plan_id, session = self.kind.currentData() or "", filing.plan_id, self.session
        problems: list[str] = []

        def job(progress, cancelled):
            files = [(path.name, data) for path, data in read_files(paths, problems.append)]
            with session.worker_ledger() as ledger:
                return actions.attach_documents(ledger, ledger.filing_for(plan_id), files, kind=kind, reason=reason,
                                                progress=progress)

        def done(result: Done[Filing]) -> None:
            if problems:
                dialogs.warn(self, self.tr("添加文件"), "\n".join(problems))
            self.form.mark_saved(result.result)
            self.after_load(result.result)
            self.status_message.emit(self.tr("已添加 {0} 个文件").format(len(paths) - len(problems)))
            self.announce(result.changes)

        self.job = run_job(self, self.tr("添加备案资料"), job, done)
        return self.job

    def _document_edited(self, item: QTableWidgetItem) -> None:
        """A 卷内目录 cell corrected by the clerk (number, issuer, title, date, pages), checked by the model."""
        if self._filling or self.form.record is None:
            return
        seq = int(self.catalogue.item(item.row(), 0).text())
        field = CATALOGUE[item.column()][0]
        if field not in EDITABLE:
            return
        filing = self.form.record
        reason = self._amendment_reason(filing, self.tr("修改卷内目录"))
        if reason is None:
            self._show_catalogue(filing)
            return
        done = run_action(self, self.tr("卷内目录"), lambda: actions.correct_document(
            self.session.ledger, filing, seq, field, item.text(), reason=reason))
        if done is None:
            self._show_catalogue(filing)
            return
        self.form.mark_saved(done.result)
        self.after_load(done.result)

    def remove_selected_document(self) -> bool:
        """Take the selected document out of the 卷内目录 (its file too); the audit log keeps it."""
        filing, row = self.form.record, self.catalogue.currentRow()
        if filing is None or row < 0:
            return False
        seq = int(self.catalogue.item(row, 0).text())
        title = self.catalogue.item(row, [f for f, _ in CATALOGUE].index("title")).text()
        if not dialogs.confirm(self, self.tr("移出卷内文件"), self.tr("把第 {0} 件「{1}」移出卷内吗？").format(seq, title)):
            return False
        reason = self._amendment_reason(filing, self.tr("移出文件"))
        if reason is None:
            return False
        done = run_action(self, self.tr("移出卷内文件"), lambda: actions.remove_document(
            self.session.ledger, filing, seq, reason=reason))
        if done is None:
            return False
        self.form.mark_saved(done.result)
        self.after_load(done.result)
        return True

    def lock(self) -> bool:
        """归档锁定: file the record and lock the plan's records for the year; refused with every reason
        while anything is missing (nothing is saved then, not even a new filing)."""
        if self.record_id is None:
            return False
        self.form.finish_editing()
        draft = self.form.current
        if draft is None:
            self.form.reveal()
            dialogs.warn(self, self.tr("不能归档锁定"), self.form.problem_text())
            return False
        reasons = filing_refusal(self.session.ledger, draft)
        if reasons:
            dialogs.warn(self, self.tr("不能归档锁定"), self.tr("归档锁定前还需：") + "\n" + "\n".join(reasons))
            return False
        filing = self._stored_filing()
        if filing is None:
            return False
        if not dialogs.confirm(self, self.tr("归档锁定"), self.tr(
                "归档锁定后，该街巷本年度的方案、验收和备案记录不能再直接修改，更正须填写原因并记入操作日志。确定锁定吗？")):
            return False
        done = run_action(self, self.tr("不能归档锁定"), lambda: actions.file_and_lock(self.session.ledger, filing))
        if done is None:
            return False
        self.form.mark_saved(done.result)
        self.show_record(self.record_id)
        self.status_message.emit(self.tr("已归档锁定"))
        return True

    def print_current(self):
        """The filing packet (cover, catalogue, acceptance record, survey, photos, 备考表), previewed first."""
        from core.printing.filing_packet import filing_packet_data, render_filing_packet
        from gui.preview import preview_document

        plan = self.plan_of_row()
        if plan is None:
            return None
        code = self.session.ledger.get(Alley, plan.alley_id).code
        return preview_document(self, self.tr("备案归档案卷"),
                                lambda ledger: filing_packet_data(ledger, code, year=plan.year),
                                render_filing_packet, file_name=f"备案归档案卷{code}-{plan.year}.pdf")


def _cell(value: Any) -> str:
    """A document field as the catalogue shows it."""
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
