"""A page of records: filter bar and search over a table, the selected record's form beside it."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication, QSettings, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core import actions
from core.actions import Done
from core.browse import Column, Table, county_size
from core.changes import KINDS, Changes
from core.errors import Conflict, LedgerError, LockedRecord, NotFound
from gui import dialogs
from gui.buttons import Button
from gui.forms import RecordForm
from gui.operations import tell
from gui.session import Session
from gui.tables import RecordTableModel, RecordTableView
from gui.workers import run_job

SEVERITY_COLOUR = {"error": "#b00020", "warning": "#a65f00", "info": "#35607f"}


class FilterBox(QComboBox):
    """A filter drop-down: narrow in the bar, its list as wide as the longest choice when it opens."""

    def showPopup(self) -> None:  # noqa: N802
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)
        super().showPopup()


class Page(QWidget):
    """One module of the program (街巷库, 调查摸底, …); ``name`` is its id for --page and settings."""

    name = ""
    title = ""
    shows: frozenset[str] = frozenset(KINDS)
    """The kinds of change (:data:`core.changes.KINDS`) after which the page re-reads what it shows."""
    status_message = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.loaded = False

    def refresh(self) -> None:
        """Re-read what the page shows from the ledger."""

    def announce(self, changes: Changes) -> None:
        """Tell the window what an action of this page changed: the pages that show a changed kind
        re-read it, this one at once."""
        if changes.touches(self.shows):
            self.loaded = False
        self.session.notify(changes)
        self.ensure_loaded()

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.refresh()

    def may_leave(self) -> bool:
        """False when the clerk chose to stay (unsaved changes)."""
        return True

    def is_ready(self) -> bool:
        """True once the page shows its data (screenshots wait for this)."""
        return self.loaded

    def shutdown(self) -> None:
        """The window is closing: stop timers and wait for this page's jobs before the ledger closes."""
        from gui.workers import finish_jobs

        finish_jobs(self)

    # standard actions; pages that have them override
    def new_record(self) -> None: ...
    def save(self) -> bool: return True
    def delete_current(self) -> bool: return False
    def undo(self) -> None: ...
    def redo(self) -> None: ...
    def focus_search(self) -> None: ...
    def print_current(self) -> None: ...


class RecordPage(Page):
    """Table of one kind of record with filters and search, and the selected record's form."""

    model: type[BaseModel]
    columns: tuple[Column, ...]
    filters: Sequence[tuple[str, str]] = ()
    """(column key, label) of the filter bar's drop-downs."""
    wide_columns = 2
    read_only = False
    print_label = ""
    """Text of the page's print button (Ctrl+P does the same); empty: no button."""
    can_create = True
    """False where a record comes with a row chosen in the table (an acceptance with its plan)."""
    required: tuple[str, ...] = ()
    """Fields the model leaves optional that this page needs before saving (e.g. the alley)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.record_id: int | None = None
        self._generation = 0
        self._loading = False
        self.loaded_once = False
        self._saved_on_leave = False
        self.table_model = RecordTableModel(self.columns, self)

        # filter bar
        bar = QHBoxLayout()
        self.filter_boxes: dict[str, QComboBox] = {}
        # Many filters are shared between the filter line and the search line: six in one line made
        # the table column wider than a 1024-pixel screen leaves it.
        first_line = len(self.filters) if len(self.filters) <= 4 else (len(self.filters) + 1) // 2
        for key, label in self.filters[:first_line]:
            self.filter_boxes[key] = filter_box(self, key, label, self.apply_filters)
            bar.addWidget(self.filter_boxes[key])
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("搜索：名称、编码或拼音首字母（如 jfl）"))
        self.search.textChanged.connect(lambda _: self.apply_filters())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        search_bar = bar
        if len(self.filters) > 4:  # many filters: the search box gets a line of its own
            bar.addStretch(1)
            search_bar = QHBoxLayout()
            for key, label in self.filters[first_line:]:
                self.filter_boxes[key] = filter_box(self, key, label, self.apply_filters)
                search_bar.addWidget(self.filter_boxes[key])
        search_bar.addWidget(self.search, 1)
        search_bar.addWidget(self.count_label)
        self._bars = [bar] if search_bar is bar else [bar, search_bar]

        self.table = RecordTableView(self.table_model, self.name, self)
        self.table.current_record_changed.connect(self._selection_changed)
        # Del in the table and its right-click menu delete the record on screen (the row chosen)
        self.delete_action = QAction(self.tr("删除…"), self.table)
        self.delete_action.setObjectName("delete_row")
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(lambda *_: self.delete_current())
        self.table.addAction(self.delete_action)  # under 复制选中行 in the menu
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        # the form side
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 0, 0, 0)
        buttons = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        # on a line of its own, above the buttons: a long heading wraps, and neither is cut on a small screen
        self.heading.setWordWrap(True)
        side_layout.addWidget(self.heading)
        buttons.addStretch(1)
        self.new_button = Button(self.tr("新建"), self)
        self.delete_button = Button(self.tr("删除…"), self)
        self.delete_button.setObjectName("delete")
        self.delete_button.setToolTip(self.tr("删除这条记录（Ctrl+Del；在表格中按 Del），先询问；原记录保留在操作日志中"))
        self.save_button = Button(self.tr("保存"), self)
        self.save_button.setObjectName("save")
        self.undo_button = Button(self.tr("撤销"), self)
        self.redo_button = Button(self.tr("重做"), self)
        for b in (self.new_button, self.delete_button, self.undo_button, self.redo_button, self.save_button):
            buttons.addWidget(b)
        self.new_button.clicked.connect(self.new_record)
        self.delete_button.clicked.connect(self.delete_current)
        if self.print_label:
            self.print_button = Button(self.tr(self.print_label), self)
            self.print_button.setObjectName("print")
            self.print_button.clicked.connect(self.print_current)
            buttons.insertWidget(1, self.print_button)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        side_layout.addLayout(buttons)

        self.form = self.make_form()
        self.form.required = set(self.required)
        self.form.dirty_changed.connect(self._dirty_changed)
        self.form.changed.connect(lambda _: self._review_timer.start())
        self.form.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.form.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scrolled = QWidget(scroll)
        scrolled_layout = QVBoxLayout(scrolled)
        scrolled_layout.setContentsMargins(0, 0, 0, 0)
        scrolled_layout.addWidget(self.form)
        self.below_form = QVBoxLayout()
        """Where a page adds its own parts under the form (documents, photos); they scroll with it."""
        scrolled_layout.addLayout(self.below_form)
        self.form_column = scrolled_layout
        """The scrolled column holding the form: a page may put its own parts above the form too."""
        scroll.setWidget(scrolled)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the form fits the width
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_scroll = scroll
        side_layout.addWidget(scroll, 1)
        self.actions = QVBoxLayout()
        """The page's own buttons (添加文件, 归档锁定, 销号 …): under the form, never scrolled out of
        reach, whatever the height of the screen."""
        side_layout.addLayout(self.actions)
        self.findings = QTextBrowser(self)
        self.findings.setObjectName("findings")
        self.findings.setOpenLinks(False)
        self.findings.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.findings.document().documentLayout().documentSizeChanged.connect(self._findings_laid_out)
        side_layout.addWidget(self.findings)
        self.side = side
        self._review_timer = QTimer(self)
        self._review_timer.setSingleShot(True)
        self._review_timer.setInterval(150)
        self._review_timer.timeout.connect(self._show_review)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName(f"splitter_{self.name}")
        splitter.setChildrenCollapsible(False)  # a dragged-away form would look like a missing one
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        for line in self._bars:
            left_layout.addLayout(line)
        left_layout.addWidget(self.table, 1)
        splitter.addWidget(left)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        state = QSettings().value(f"splitters/{self.name}")
        self._splitter_chosen = state is not None and splitter.restoreState(state)
        """True once the clerk has placed the divider himself (then it stays where he put it)."""
        splitter.splitterMoved.connect(lambda *_: self._splitter_moved())
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        if not self.can_create:
            self.new_button.hide()
        if self.read_only:
            for b in (self.new_button, self.delete_button, self.save_button, self.undo_button, self.redo_button):
                b.hide()
            self.table.removeAction(self.delete_action)
            self.findings.hide()  # these pages show records; their rules come with their forms
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self._dirty_changed(False)

    # ---------------------------------------------------------------- to be provided by each page
    def make_form(self) -> RecordForm:
        raise NotImplementedError

    def load_table(self, ledger: Any) -> Table:
        raise NotImplementedError

    def new_defaults(self) -> dict[str, Any]:
        return {}

    def review_html(self, record: BaseModel | None) -> str:
        """Rule findings (and money) for the record as typed, as HTML; empty when there is nothing."""
        return ""

    def describe(self, record: BaseModel | None) -> str:
        """The heading above the form."""
        return self.model.label

    # ---------------------------------------------------------------- data
    SYNC_ALLEYS = 3000
    """Up to this many alleys a page reads its table at once (tens of ms); a bigger county's tables
    are read on a worker so that no page freezes the window while 10,000 rows come in."""

    def gather(self, ledger: Any) -> dict[str, Any]:
        """What the page shows, read from ``ledger`` (any thread: no widgets here)."""
        return {"table": self.load_table(ledger)}

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        if county_size(self.session.ledger) <= self.SYNC_ALLEYS:
            self.apply(self.gather(self.session.ledger))
            return
        self._loading = True
        session, gather = self.session, self.gather

        def job(progress, cancelled):
            with session.worker_ledger() as ledger:
                return generation, gather(ledger)

        def failed(message: str) -> None:
            self._loading = False
            self.count_label.setText(message)

        run_job(self, self.tr("读取"), job, self._gathered, quiet=True, on_error=failed)

    def _gathered(self, result: tuple[int, dict[str, Any]]) -> None:
        generation, data = result
        if generation == self._generation:  # a later refresh overtook this one: its data is newer
            self._loading = False
            self.apply(data)

    def apply(self, data: dict[str, Any]) -> None:
        """Show freshly read data, keeping the filters, the sort and the record on screen."""
        keep = self.record_id
        self.table_model.set_table(data["table"])
        for key, box in self.filter_boxes.items():
            current = box.currentData()
            with QSignalBlocker(box):
                while box.count() > 1:
                    box.removeItem(1)
                for value in self.table_model.distinct(key):
                    box.addItem(str(value), value)
                box.setCurrentIndex(max(box.findData(current), 0) if current is not None else 0)
        self.apply_filters()
        if keep is not None and not self.form.is_dirty():
            self.show_record(keep)
        elif self.record_id is None and not self.form.is_dirty():
            if self.table_model.rowCount() and not self.loaded_once:
                self.show_record(self.table_model.record_id(0))  # open on the first record, not a blank form
            else:
                self.form.load(None, self.new_defaults())
                self.after_load(None)
                self._update_heading()
        self.loaded_once = True

    def apply_filters(self) -> None:
        filters = {key: box.currentData() for key, box in self.filter_boxes.items()}
        self.table_model.set_filters(filters, self.search.text())
        self.count_label.setText(self.tr("{0} / {1} 条").format(self.table_model.matching(), self.table_model.total()))
        if self.record_id is not None:
            with QSignalBlocker(self.table):
                self.table.select_record(self.record_id)

    def _selection_changed(self, record_id: int | None) -> None:
        if record_id is None or record_id == self.record_id:
            return
        self._saved_on_leave = False
        if not self.may_leave():
            with QSignalBlocker(self.table):
                self.table.select_record(self.record_id)
            return
        if self._saved_on_leave:
            # The save re-read and re-sorted the table while the view was still handling the click:
            # open the chosen record once the view is done, so the highlighted row is that record.
            QTimer.singleShot(0, lambda: self.show_record(record_id))
        else:
            self.show_record(record_id)

    def load_record(self, row_id: int) -> tuple[BaseModel | None, dict[str, Any]]:
        """The record a table row stands for (None: not stored yet) and the defaults of a new one."""
        try:
            return self.session.ledger.get(self.model, row_id), {}  # a stored record needs no defaults
        except LedgerError:
            return None, self.new_defaults()

    def row_id_of(self, record: BaseModel) -> int | None:
        """The table row showing ``record`` (its own id; pages keyed by plan give the plan's)."""
        return record.id

    def show_record(self, record_id: int) -> None:
        """Load the record of row ``record_id`` into the form (and select its row if it is shown)."""
        record, defaults = self.load_record(record_id)
        self.record_id = self.row_id_of(record) if record is not None else self.empty_row_id(record_id)
        self.form.load(record, defaults)
        self.after_load(record)
        self._update_heading()
        self._review_timer.stop()  # a record just opened: its findings at once, not after a pause
        self._show_review()
        with QSignalBlocker(self.table):
            self.table.select_record(self.record_id)

    def empty_row_id(self, row_id: int) -> int | None:
        """The row still selected when its record does not exist yet (pages keyed by plan keep it)."""
        return None

    def after_load(self, record: BaseModel | None) -> None:
        """Hook: adjust the form for the record just shown (e.g. codes read-only once saved)."""

    def is_ready(self) -> bool:
        return self.loaded and not self._loading and not self._review_timer.isActive()

    def shutdown(self) -> None:
        self._review_timer.stop()
        self.form.changed.disconnect()
        super().shutdown()

    def _update_heading(self) -> None:
        text = self.describe(self.form.record)
        if self.form.is_dirty():
            text += self.tr("（未保存）")
        self.heading.setText(text)
        # only a stored record can be deleted (a new one is simply not saved)
        stored = self.form.record is not None and not self.read_only
        self.delete_button.setEnabled(stored)
        self.delete_action.setEnabled(stored)

    def _dirty_changed(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty and not self.read_only)
        self._update_heading()

    def _show_review(self) -> None:
        record = self.form.current
        text = self.review_html(record) if record is not None else ""
        if record is None and self.form.problems:
            items = "".join(f"<li>{html.escape(m)}</li>" for ms in self.form.problems.values() for m in ms)
            wrong = self.tr("填写有误，不能保存：")
            text = f"<b style='color:{SEVERITY_COLOUR['error']}'>{wrong}</b><ul>{items}</ul>"
        clean = self.tr("规则检查：没有发现问题")
        self.findings.setHtml(text or f"<span style='color:#2e7d32'>{clean}</span>")

    FINDINGS_SHARE = 0.4
    """The findings box grows with what it says, up to this share of the form column's height."""

    def fit_findings(self) -> None:
        """Size the findings box to its text (every finding shown), within :data:`FINDINGS_SHARE` of
        the column; beyond that it scrolls."""
        document = self.findings.document()  # laid out by the box itself, at its width
        frame = 2 * self.findings.frameWidth() + 4
        wanted = int(document.size().height()) + frame
        limit = max(60, int(self.side.height() * self.FINDINGS_SHARE))
        self.findings.setFixedHeight(max(min(wanted, limit), self.fontMetrics().height() + frame + 6))

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        # The form scrolls up and down only: its column is never narrower than the form and the parts
        # a page added under it (else the splitter would squeeze it and cut the form's right edge off).
        scroll = self.form_scroll
        scroll.setMinimumWidth(scroll.widget().minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width() + 2 * scroll.frameWidth())
        self.place_divider()

    def _findings_laid_out(self, _size: Any) -> None:
        self.fit_findings()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.findings.isVisible():
            self.fit_findings()
        self.place_divider()

    TABLE_SHARE = 5 / 9
    """About this much of the page is the table's, the rest the form's."""

    def place_divider(self) -> None:
        """Until the clerk moves it, put the divider between table and form on a column boundary near
        :data:`TABLE_SHARE`, so the table never ends in a header cut in half (总投资(万)."""
        if self._splitter_chosen:
            return
        total = self.splitter.width() - self.splitter.handleWidth()
        lowest = self.splitter.widget(0).minimumSizeHint().width()
        highest = total - self.side.minimumSizeHint().width()
        if highest < lowest:
            return  # narrower than the page's minimum: the layout decides
        wanted = min(max(int(total * self.TABLE_SHARE), lowest), highest)
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        header = self.table.horizontalHeader()
        edges, edge = [], frame
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                edge += header.sectionSize(logical)
                if lowest <= edge <= highest:
                    edges.append(edge)
        below = [e for e in edges if e <= wanted]
        left = max(below) if below else min(edges, default=wanted, key=lambda e: abs(e - wanted))
        if self.splitter.sizes()[0] != left:
            self.splitter.setSizes([left, total - left])

    def _splitter_moved(self) -> None:
        self._splitter_chosen = True
        QSettings().setValue(f"splitters/{self.name}", self.splitter.saveState())

    # ---------------------------------------------------------------- actions
    def new_record(self) -> None:
        if self.read_only or not self.can_create or not self.may_leave():
            return
        self.record_id = None
        with QSignalBlocker(self.table):
            self.table.clearSelection()
            self.table.setCurrentIndex(self.table.model().index(-1, -1))
        self.form.load(None, self.new_defaults())
        self.after_load(None)
        self._update_heading()
        self._review_timer.stop()
        self._show_review()
        first = next(iter(self.form.editors.values()))
        (first.widget.focusProxy() or first.widget).setFocus()

    def save(self) -> bool:
        self.form.finish_editing()
        if self.read_only or not self.form.is_dirty():
            return True
        record = self.form.current
        if record is None:
            self.form.reveal()
            dialogs.warn(self, self.tr("不能保存"), self.tr("请先改正以下问题：") + "\n" + self.form.problem_text())
            return False
        return self.write(record)

    def save_action(self, record: Any, reason: str) -> Done[Any]:
        """The core action that stores the record on screen (a page with its own, e.g. 销号, calls
        :meth:`write` with another)."""
        if reason:
            return actions.amend_record(self.session.ledger, record, reason)
        return actions.save_record(self.session.ledger, record)

    def write(self, record: BaseModel, reason: str = "", action: Callable[[Any, str], Done[Any]] | None = None,
              *, title: str = "不能保存") -> bool:
        """Store ``record`` through ``action`` (:meth:`save_action` unless given); a record changed by
        someone else meanwhile, or one of a filed plan, is settled with the clerk, a refusal is told
        under ``title``; the pages that show what changed re-read it (this one too)."""
        action = action or self.save_action
        try:
            done = action(record, reason)
        except Conflict as error:
            # Changed by someone else since it was opened (an import, another window): the clerk
            # sees both values of each field and decides; nothing is overwritten silently.
            answer = dialogs.resolve_conflict(self, str(error))
            if answer == dialogs.OVERWRITE and error.stored is not None:
                return self.write(record.model_copy(update={"changed_at": error.stored.changed_at}), reason, action,
                                  title=title)
            if answer == dialogs.RELOAD and self.record_id is not None:
                self.show_record(self.record_id)
            return False
        except LockedRecord as error:
            why = dialogs.amendment_reason(self, str(error) + "\n\n" + self.tr("更正原因（记入操作日志）："))
            return self.write(record, why, action, title=title) if why else False
        except Exception as error:  # noqa: BLE001 - a refusal, or a failure said the one way (core.messages)
            tell(self, self.tr(title), error)
            return False
        stored = done.result
        self.record_id = self.row_id_of(stored)
        self.form.mark_saved(stored)
        self.after_load(stored)
        self.status_message.emit(self.tr("已保存：{0}").format(self.describe(stored)))
        self.announce(done.changes)
        return True

    def delete_current(self) -> bool:
        """删除 the record on screen (the 删除 button, Ctrl+Del, Del or the right-click menu in the
        table): refused while another program writes, and with what still depends on it; else asked
        first (取消 the default; what else changes is said, e.g. a locked filing's plan leaves the
        archive) and, for a record of a filed plan, the amendment reason asked; deleted by
        :func:`core.actions.delete_record` (the audit log keeps it whole). A record changed or
        deleted meanwhile elsewhere is told and shown as it is now. Afterwards the next row is
        chosen (the one before, for the last), and every page that shows the kind re-reads.
        True once deleted."""
        record = self.form.record
        if self.read_only or record is None:
            return False
        self.form.finish_editing()
        if self.session.read_only:  # another program writes: refused before asking, as a save is
            dialogs.warn(self, self.tr("不能删除"), self.session.read_only)
            return False
        ledger = self.session.ledger
        refused = ledger.delete_refusal(record)
        if refused:
            dialogs.warn(self, self.tr("不能删除"), refused)
            return False
        if not dialogs.confirm_delete(self, self.tr("删除记录"), ledger.delete_question(record)):
            return False
        reason = ""
        locked = ledger.locked_by(record)
        if locked:
            reason = self._delete_reason(ledger.record_title(record), locked)
            if reason is None:
                return False
        neighbour = self._neighbour(self.record_id)
        try:
            done = actions.delete_record(ledger, record, reason=reason)
        except Conflict as error:
            # changed elsewhere since it was opened: the clerk sees what changed, and decides again
            dialogs.warn(self, self.tr("没有删除"), str(error))
            if self.record_id is not None:
                self.show_record(self.record_id)
            self.announce(actions.changed(record))
            return False
        except NotFound as error:
            # deleted elsewhere already (the message says by whom): the page catches up
            dialogs.warn(self, self.tr("没有删除"), str(error))
            self._record_left(neighbour, actions.changed(record))
            return False
        except Exception as error:  # noqa: BLE001 - a refusal, or a failure said the one way (core.messages)
            tell(self, self.tr("不能删除"), error)
            return False
        self._record_left(neighbour, done.changes)
        deleted = done.result
        said = self.tr("已删除：{0}（原记录在操作日志中）").format(deleted.title)
        if deleted.unlocked_plan:
            said += "；" + deleted.unlocked_text()
        self.status_message.emit(said)
        return True

    def _delete_reason(self, name: str, locked: str) -> str | None:
        """The amendment reason for deleting a filed plan's record (None: the clerk cancelled)."""
        return dialogs.amendment_reason(self, self.tr(
            "{0}属于 {1} 归档锁定的案卷，删除须作为“更正”并填写原因（记入操作日志）：").format(name, locked[:10]))

    def _neighbour(self, row_id: int | None) -> int | None:
        """The row shown after ``row_id``'s (before it, for the last row), or None."""
        model = self.table_model
        n = model.row_of(row_id) if row_id is not None else None
        if n is None:
            return None
        if n + 1 < model.matching():
            return model.record_id(n + 1)
        return model.record_id(n - 1) if n > 0 else None

    def _record_left(self, neighbour: int | None, changes: Changes) -> None:
        """The record on screen is gone: show the row that stays (a plan-keyed page keeps the plan's
        row, now with a new record to fill in), else ``neighbour``, else a new record; then tell
        the pages what changed."""
        kept = self.empty_row_id(self.record_id) if self.record_id is not None else None
        target = kept if kept is not None else neighbour
        if target is not None:
            self.show_record(target)
        else:
            self.record_id = None
            self.form.load(None, self.new_defaults())
            self.after_load(None)
            self._update_heading()
            self._show_review()
        self.announce(changes)

    def may_leave(self) -> bool:
        self.form.finish_editing()
        if not self.form.is_dirty():
            return True
        saved = []

        def save() -> bool:
            saved.append(True)
            return self.save()

        def discard() -> None:
            if self.record_id is not None:
                self.show_record(self.record_id)
            else:
                self.form.load(None, self.new_defaults())

        leaving = dialogs.settle_unsaved(self, self.describe(self.form.record), save, discard)
        self._saved_on_leave = bool(saved)
        return leaving

    def undo(self) -> None:
        self.form.undo_stack.undo()

    def redo(self) -> None:
        self.form.undo_stack.redo()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()


def filter_box(page: QWidget, key: str, label: str, changed: Callable[[], None]) -> QComboBox:
    """A drop-down of the filter bar: 全部<label>, then the values the page adds (data: the value)."""
    box = FilterBox(page)
    box.setObjectName(f"filter_{key}")
    # narrow enough for a 1024-pixel screen; the list that drops down is as wide as its longest entry
    box.setMinimumContentsLength(4)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.addItem(QCoreApplication.translate("FilterBox", "全部{0}").format(label), None)
    box.currentIndexChanged.connect(lambda _: changed())
    return box


def findings_html(findings: Sequence[Any], extra: str = "", *, tr: Callable[[str], str] = str) -> str:
    """Findings as a short HTML list: severity, message and the advice in Chinese."""
    parts = []
    for f in findings:
        colour = SEVERITY_COLOUR.get(f.severity, "#333")
        parts.append(
            f"<p style='margin:2px 0'><b style='color:{colour}'>【{html.escape(f.severity_label)}】{f.rule}</b> "
            f"{html.escape(f.message)}<br><span style='color:#555'>{tr('建议：')}{html.escape(f.advice)}</span></p>"
        )
    return extra + "".join(parts)
