"""Record tables: a lazily filled table model over the rows of :mod:`core.browse`, with filters and search;
and a table with the selected row in full below it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QSplitter, QTableView, QTextBrowser, QWidget

from core.browse import Column, Table, search_text
from core.money import wan

KEY_DELAY_MS = 400
"""Search keys are built this long after a table is filled (the window shows first)."""

BATCH = 256
"""Rows handed to the view at a time; the rest are added as the clerk scrolls (canFetchMore/fetchMore)."""

_Index = QModelIndex | QPersistentModelIndex


def shown(value: Any, kind: str) -> str:
    """How a cell value reads in a table."""
    if value is None or value == "":
        return ""
    if kind == "wan":
        return wan(int(value))
    if kind == "metres":
        return f"{value:g}"
    return str(value)


class RecordTableModel(QAbstractTableModel):
    """Rows of one kind of record: filtered and sorted in memory, handed to the view in batches.

    The rows are plain tuples (record id first) read by one query of :mod:`core.browse`; a table of
    10,000 alleys loads in about 0.05 s and filtering it takes milliseconds, so every key typed in the
    search box refilters the whole list.
    """

    rows_replaced = Signal()
    """The rows shown changed as a whole (new data, filter or sort)."""

    def __init__(self, columns: tuple[Column, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = columns
        self._all: list[tuple[Any, ...]] = []
        self._keys: dict[int, str] | None = None
        self._key_builder = _KeyBuilder([])
        self._rows: list[tuple[Any, ...]] = []
        self._shown = 0
        self._filters: dict[str, Any] = {}
        self._text = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.row_colour: Callable[[tuple[Any, ...]], Any] | None = None
        """Background of a whole row from its values (e.g. overdue problems in red), or None."""

    # ---------------------------------------------------------------- content
    def set_table(self, table: Table) -> None:
        """Replace every row (after a save or an import), keeping the filter and sort order.

        The search keys (text and pinyin initials of every row: 0.4 s for 10,000 alleys, most of
        it loading the pinyin dictionary) are built on a background thread once the window has had
        time to show, so neither the start nor the first key typed in the search box waits for them.
        """
        self._all = table.rows
        self._keys = None
        self._key_builder = _KeyBuilder(table.rows, _place_positions(table.columns))
        QTimer.singleShot(KEY_DELAY_MS, self._key_builder.start)
        self._refilter()

    def _search_keys(self) -> dict[int, str]:
        if self._keys is None:
            self._keys = self._key_builder.result()
        return self._keys

    def set_filters(self, filters: dict[str, Any], text: str = "") -> None:
        """Keep rows whose column ``key`` equals each non-empty filter value and that match ``text``."""
        self._filters = {k: v for k, v in filters.items() if v not in (None, "")}
        self._text = text.strip().lower()
        self._refilter()

    def distinct(self, key: str) -> list[Any]:
        """The different values of one column over all rows (for the filter bar's choices)."""
        i = self._position(key)
        return sorted({row[i] for row in self._all if row[i] not in (None, "")})

    def total(self) -> int:
        return len(self._all)

    def matching(self) -> int:
        return len(self._rows)

    def record_id(self, row: int) -> int:
        return self._rows[row][0]

    def row_values(self, row: int) -> tuple[Any, ...]:
        return self._rows[row]

    def row_of(self, record_id: int) -> int | None:
        """The row showing ``record_id`` (fetching further batches if needed), or None if filtered out."""
        for n, row in enumerate(self._rows):
            if row[0] == record_id:
                while self._shown <= n:
                    self.fetchMore(QModelIndex())
                return n
        return None

    def _position(self, key: str) -> int:
        return 1 + [c.key for c in self.columns].index(key)

    def _refilter(self) -> None:
        rows = self._all
        for key, value in self._filters.items():
            i = self._position(key)
            rows = [r for r in rows if r[i] == value]
        if self._text:
            keys = self._search_keys()
            words = self._text.split()
            rows = [r for r in rows if all(w in keys[id(r)] for w in words)]
        else:
            rows = list(rows)
        if self._sort is not None:
            self._sort_rows(rows, *self._sort)
        self._replace_rows(rows)

    def _replace_rows(self, rows: list[tuple[Any, ...]]) -> None:
        # Rows are removed and inserted rather than the model reset: a reset would also reset the
        # horizontal header and lose the clerk's hidden columns and widths.
        if self._shown:
            self.beginRemoveRows(QModelIndex(), 0, self._shown - 1)
            self._rows, self._shown = [], 0
            self.endRemoveRows()
        self._rows = rows
        first = min(BATCH, len(rows))
        if first:
            self.beginInsertRows(QModelIndex(), 0, first - 1)
            self._shown = first
            self.endInsertRows()
        self.rows_replaced.emit()

    def _sort_rows(self, rows: list[tuple[Any, ...]], column: int, order: Qt.SortOrder) -> None:
        i = column + 1
        empty = [r for r in rows if r[i] in (None, "")]
        full = [r for r in rows if r[i] not in (None, "")]
        full.sort(key=lambda r: r[i], reverse=order == Qt.SortOrder.DescendingOrder)
        rows[:] = full + empty  # blanks last either way

    # ---------------------------------------------------------------- Qt model
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: _Index) -> None:
        more = min(BATCH, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = self._rows[index.row()][index.column() + 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(value, column.kind)
        if role == Qt.ItemDataRole.ToolTipRole and column.width >= 200:
            return shown(value, column.kind)
        if role == Qt.ItemDataRole.BackgroundRole and self.row_colour is not None:
            return self.row_colour(self._rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("int", "wan", "metres"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (blanks last); column -1 goes back to the order the rows were read in."""
        self._sort = (column, order) if column >= 0 else None
        self._refilter()

    def as_text(self, rows: list[int], visible: list[int]) -> str:
        """The given rows as tab-separated text with a header line, as Excel and WPS paste it."""
        lines = ["\t".join(self.columns[c].title for c in visible)]
        for r in rows:
            values = self._rows[r]
            lines.append("\t".join(shown(values[c + 1], self.columns[c].kind).replace("\t", " ").replace("\n", " ")
                                   for c in visible))
        return "\n".join(lines) + "\n"


def _place_positions(columns: tuple[Column, ...]) -> tuple[int, ...]:
    """Where the alley's code, name, sub-district and community are in a row (the search matches them)."""
    keys = [c.key for c in columns]
    if "code" not in keys:  # a table of its own (the annual list): its first four columns
        return (1, 2, 3, 4)
    return tuple(1 + keys.index(k) for k in ("code", "name", "subdistrict", "community") if k in keys)


class _KeyBuilder:
    """Builds the search keys of a list of rows on a daemon thread; ``result()`` waits for them."""

    def __init__(self, rows: list[tuple[Any, ...]], positions: tuple[int, ...] = (1, 2, 3, 4)):
        self._rows = rows
        self._positions = positions
        self._keys: dict[int, str] = {}
        self._thread = threading.Thread(target=self._build, name="search-keys", daemon=True)
        self._lock = threading.Lock()
        self._started = False

    def start(self) -> None:
        with self._lock:
            if not self._started:
                self._started = True
                self._thread.start()

    def _build(self) -> None:
        code, *places = self._positions
        self._keys = {id(r): search_text(str(r[code]), *(str(r[i]) for i in places if r[i])) for r in self._rows}

    def result(self) -> dict[int, str]:
        self.start()
        self._thread.join()
        return self._keys


class RecordTableView(QTableView):
    """A record table: sortable, whole-row selection, columns chosen and sized by the clerk (remembered)."""

    current_record_changed = Signal(object)
    """The id of the record in the selected row, or None."""

    def __init__(self, model: RecordTableModel, settings_key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"table_{settings_key}")
        self._key = settings_key
        self._restoring = False
        self.setModel(model)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        metrics = header.fontMetrics()
        for n, column in enumerate(model.columns):  # wide enough for the heading and a sort arrow
            self.setColumnWidth(n, max(column.width, metrics.horizontalAdvance(column.title) + 28))
        self.restore_layout()
        # connected only now: setting the starting widths above must not overwrite the saved layout
        header.sectionResized.connect(lambda *_: self.save_layout())
        header.sectionMoved.connect(lambda *_: self.save_layout())
        self.selectionModel().currentRowChanged.connect(self._row_changed)
        copy = QAction(self.tr("复制选中行"), self)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selection)
        self.addAction(copy)

    def model(self) -> RecordTableModel:  # type: ignore[override]
        return super().model()  # type: ignore[return-value]

    def current_record_id(self) -> int | None:
        index = self.currentIndex()
        return self.model().record_id(index.row()) if index.isValid() else None

    def select_record(self, record_id: int | None) -> bool:
        """Select the row of ``record_id``; False when it is not among the rows shown."""
        row = None if record_id is None else self.model().row_of(record_id)
        if row is None:
            return False
        self.setCurrentIndex(self.model().index(row, 0))
        self.scrollTo(self.model().index(row, 0))
        return True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_record_changed.emit(self.model().record_id(current.row()) if current.isValid() else None)

    def visible_columns(self) -> list[int]:
        header = self.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return [c for c in logical if not header.isSectionHidden(c)]

    def copy_selection(self) -> None:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        if rows:
            QGuiApplication.clipboard().setText(self.model().as_text(rows, self.visible_columns()))

    # ---------------------------------------------------------------- remembered layout
    def _column_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        header = self.horizontalHeader()
        for n, column in enumerate(self.model().columns):
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(n))
            action.toggled.connect(lambda on, n=n: self.show_column(n, on))
        menu.exec(header.mapToGlobal(pos))

    def show_column(self, n: int, on: bool) -> None:
        if not on and len(self.visible_columns()) <= 1:
            return  # keep at least one column
        self.horizontalHeader().setSectionHidden(n, not on)
        self.save_layout()

    def save_layout(self) -> None:
        if not self._restoring:
            QSettings().setValue(f"tables/{self._key}", self.horizontalHeader().saveState())

    def restore_layout(self) -> None:
        state = QSettings().value(f"tables/{self._key}")
        if state is not None:
            self._restoring = True  # restoring resizes sections one by one: don't save the halfway states
            try:
                self.horizontalHeader().restoreState(state)
            finally:
                self._restoring = False


class TableWithDetails(QSplitter):
    """``table`` above ``details``, a pane that shows the selected row in full (a finding, an audit
    entry); the clerk drags the line between them. ``table_share`` parts of the height go to the table
    for one to the pane."""

    def __init__(self, table: QWidget, placeholder: str, parent: QWidget, *, table_share: int):
        super().__init__(Qt.Orientation.Vertical, parent)
        self.details = QTextBrowser(parent)
        self.details.setObjectName("details")
        self.details.setOpenLinks(False)  # what the pane shows is the row's own text: nothing to follow
        self.details.setPlaceholderText(placeholder)
        self.addWidget(table)
        self.addWidget(self.details)
        self.setStretchFactor(0, table_share)
        self.setStretchFactor(1, 1)
