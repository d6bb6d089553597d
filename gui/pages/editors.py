"""Table-like editors inside forms: a survey's pipes and a plan's measures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, get_args

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.money import wan, wan_exact
from core.profile import Measure, Profile
from core.records.survey import PIPE_KINDS, PipeCondition
from gui.fields import Editor

CONDITIONS: tuple[str, ...] = get_args(PipeCondition)
GROUPS: tuple[str, ...] = get_args(Measure.model_fields["group"].annotation)


class PipesEditor(Editor):
    """The survey's underground pipes: one row per kind, ticked when the alley has that pipe."""

    def __init__(self, parent: QWidget | None = None):
        table = QTableWidget(len(PIPE_KINDS), 4, parent)
        table.setHorizontalHeaderLabels(["管线种类", "敷设年份", "管线状况", "雨污分流"])
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        table.setFixedHeight(30 + 26 * len(PIPE_KINDS))
        super().__init__(table)
        self._quiet = False
        self.conditions: list[QComboBox] = []
        self.separated: list[QComboBox] = []
        for row, kind in enumerate(PIPE_KINDS):
            item = QTableWidgetItem(kind)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            table.setItem(row, 0, item)
            table.setItem(row, 1, QTableWidgetItem(""))
            condition = QComboBox(table)
            condition.addItems(CONDITIONS)
            separated = QComboBox(table)
            separated.addItems(["", "是", "否"])
            separated.setEnabled(kind == "排水")
            for box in (condition, separated):
                box.currentIndexChanged.connect(lambda _, row=row: self._cell_changed(row))
            table.setCellWidget(row, 2, condition)
            table.setCellWidget(row, 3, separated)
            self.conditions.append(condition)
            self.separated.append(separated)
        table.itemChanged.connect(lambda item: self._cell_changed(item.row(), item.column()))

    def _cell_changed(self, row: int, column: int = 2) -> None:
        if self._quiet:
            return
        tick = self.widget.item(row, 0)
        filled = (column == 1 and self.widget.item(row, 1).text().strip()) or (
            column >= 2 and (self.conditions[row].currentText() != "良好" or self.separated[row].currentText()))
        if filled and tick.checkState() != Qt.CheckState.Checked:
            # a year or a condition typed into a row means the alley has that pipe
            with QSignalBlocker(self.widget):
                tick.setCheckState(Qt.CheckState.Checked)
        self.edited.emit()

    def raw(self) -> tuple[tuple[str, str, str, str], ...]:
        rows = []
        for row, kind in enumerate(PIPE_KINDS):
            if self.widget.item(row, 0).checkState() == Qt.CheckState.Checked:
                rows.append((kind, self.widget.item(row, 1).text().strip(), self.conditions[row].currentText(),
                             self.separated[row].currentText()))
        return tuple(rows)

    def set_raw(self, value: Any) -> None:
        given = {r[0]: r for r in value or ()}
        self._quiet = True
        try:
            with QSignalBlocker(self.widget):
                for row, kind in enumerate(PIPE_KINDS):
                    r = given.get(kind)
                    self.widget.item(row, 0).setCheckState(Qt.CheckState.Checked if r else Qt.CheckState.Unchecked)
                    self.widget.item(row, 1).setText(r[1] if r else "")
                    self.conditions[row].setCurrentText(r[2] if r else "良好")
                    self.separated[row].setCurrentText(r[3] if r else "")
        finally:
            self._quiet = False

    def to_input(self, raw: Any) -> list[dict[str, Any]]:
        return [{"kind": kind, "year_laid": year or None, "condition": condition,
                 "rain_sewage_separated": {"是": True, "否": False}.get(sep)} for kind, year, condition, sep in raw]

    def from_value(self, value: Any) -> tuple[tuple[str, str, str, str], ...]:
        out = []
        for p in value or ():
            sep = p.get("rain_sewage_separated")
            out.append((p["kind"], "" if p.get("year_laid") is None else str(p["year_laid"]), p.get("condition") or "良好",
                        "" if sep is None else ("是" if sep else "否")))
        return tuple(out)


QUANTITY, UNIT, AMOUNT = 1, 2, 3
"""The measures tree's editable columns, in the order Tab and Enter go through them."""


class _EnterMovesOn(QStyledItemDelegate):
    """Enter in a cell being edited commits it and goes on to the next cell, as Tab does."""

    editor: QWidget | None = None
    """The editor opened last (the tree types the first key into it)."""

    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:  # noqa: N802
        self.editor = super().createEditor(parent, option, index)
        return self.editor

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        # A tree asks its rows' heights without saying how wide the column is, so a long measure name
        # would never wrap (and end in "…" on a narrow screen): tell it.
        view = self.parent()
        width = view.columnWidth(index.column())
        if index.column() == 0:
            width -= view.indentation() * 2 + view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 8
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, max(width, 20), option.fontMetrics.height())  # valid, or it is not used
        return super().sizeHint(sized, index)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)


class MeasuresTree(QTreeWidget):
    """The measures as a tree in which the keyboard works like a form: a measure's name is never
    edited; typing on it (or Enter, F2, a double click) goes to its 数量; Right reaches 数量; Tab and
    Enter go 数量 → 单位 → 估算投资 → the next measure's 数量 (Shift+Tab back)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.delegate = _EnterMovesOn(self)
        self.setItemDelegate(self.delegate)
        self.header().sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())  # rewrap the names

    def cells(self) -> list[QModelIndex]:
        """The editable cells in keyboard order: each measure's quantity, unit and amount."""
        out = []
        for g in range(self.topLevelItemCount()):
            group = self.topLevelItem(g)
            for m in range(group.childCount()):
                index = self.indexFromItem(group.child(m))
                out += [index.siblingAtColumn(c) for c in (QUANTITY, UNIT, AMOUNT)]
        return out

    def _is_measure(self, index: QModelIndex) -> bool:
        return index.isValid() and index.parent().isValid()

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:  # noqa: N802
        current = self.currentIndex()
        Move = QAbstractItemView.CursorAction
        if self._is_measure(current) and action in (Move.MoveNext, Move.MovePrevious):
            cells = self.cells()
            here = current if current.column() else current.siblingAtColumn(QUANTITY)
            n = cells.index(here) if here in cells else 0
            if here is not current and action == Move.MoveNext:
                return here  # from a name, Tab goes to its quantity
            step = 1 if action == Move.MoveNext else -1
            return cells[max(0, min(len(cells) - 1, n + step))]
        if self._is_measure(current) and action == Move.MoveRight and current.column() < AMOUNT:
            return current.siblingAtColumn(current.column() + 1)
        if self._is_measure(current) and action == Move.MoveLeft and current.column() > 0:
            return current.siblingAtColumn(current.column() - 1)
        return super().moveCursor(action, modifiers)

    def edit(self, index: QModelIndex, trigger: Any = None, event: QEvent | None = None) -> bool:  # noqa: D102
        if trigger is None:  # the public edit(index)
            return super().edit(index)
        Trigger = QAbstractItemView.EditTrigger
        if self._is_measure(index) and index.column() == 0:
            space = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Space
            if trigger == Trigger.CurrentChanged or space:
                # arriving on a name edits nothing; Space ticks or unticks the measure
                return super().edit(index, trigger, event) if space else False
            if trigger in (Trigger.AnyKeyPressed, Trigger.EditKeyPressed, Trigger.DoubleClicked):
                quantity = index.siblingAtColumn(QUANTITY)
                self.setCurrentIndex(quantity)  # editing starts there (the current-changed trigger)
                if self.state() != QAbstractItemView.State.EditingState:
                    super().edit(quantity, Trigger.AllEditTriggers, None)
                editor = self.delegate.editor
                if (trigger == Trigger.AnyKeyPressed and isinstance(event, QKeyEvent) and event.text()
                        and hasattr(editor, "setText")):
                    editor.setText(event.text())  # the key typed is the quantity's first character
                return True
        return super().edit(index, trigger, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState
                and self._is_measure(self.currentIndex())):
            self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.EditKeyPressed, event)
            return
        super().keyPressEvent(event)


class MeasuresEditor(Editor):
    """The plan's measures from the profile's catalogue, grouped 一清/二拆/三改/四补, with quantities
    and estimated investment in 万元 (typed as a ledger writes it, read by core.entry); the sum of
    the estimates is shown below as the clerk types."""

    def __init__(self, profile: Profile, parent: QWidget | None = None):
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        tree = MeasuresTree(box)
        tree.setObjectName("measures_tree")
        tree.setColumnCount(4)
        tree.setHeaderLabels(["改造措施", "数量", "单位", "估算投资(万元)"])
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = tree.header().fontMetrics()
        for c, width in ((QUANTITY, 70), (UNIT, 50), (AMOUNT, 110)):
            title = tree.headerItem().text(c)
            tree.setColumnWidth(c, max(width, metrics.horizontalAdvance(title) + 16))
        tree.header().setStretchLastSection(False)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        tree.setMinimumHeight(260)
        tree.setWordWrap(True)  # long measure names wrap rather than end in "…" on a narrow screen
        tree.setUniformRowHeights(False)
        self.tree = tree
        self.total_label = QLabel(box)
        self.total_label.setObjectName("measures_total")
        layout.addWidget(tree)
        layout.addWidget(self.total_label)
        super().__init__(box)
        box.setFocusProxy(tree)
        self.items: dict[str, QTreeWidgetItem] = {}
        self.units: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self._stored: dict[str, dict[str, Any]] = {}
        """The plan's measures as stored (code → fields), so saving keeps what the tree does not show."""
        for group in GROUPS:
            top = QTreeWidgetItem(tree, [group])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for m in profile.measures_in(group):
                item = QTreeWidgetItem(top, [m.name, "", m.unit, ""])
                item.setData(0, Qt.ItemDataRole.UserRole, m.code)
                item.setToolTip(0, m.wording or m.name)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
                for c in (QUANTITY, AMOUNT):
                    item.setTextAlignment(c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.items[m.code] = item
                self.units[m.code] = m.unit
                self.names[m.code] = m.name
            top.setExpanded(True)
        self._quiet = False
        tree.itemChanged.connect(self._item_changed)
        self._show_total()

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._quiet:
            return
        if column == 0 and item.text(0) != self.names.get(item.data(0, Qt.ItemDataRole.UserRole), item.text(0)):
            with QSignalBlocker(self.tree):  # a name is the catalogue's, never the clerk's
                item.setText(0, self.names[item.data(0, Qt.ItemDataRole.UserRole)])
        if column in (QUANTITY, AMOUNT) and item.text(column).strip() and item.checkState(0) != Qt.CheckState.Checked:
            with QSignalBlocker(self.tree):  # typing a quantity or an amount chooses the measure
                item.setCheckState(0, Qt.CheckState.Checked)
        self._show_total()
        self.edited.emit()

    def total(self) -> int | None:
        """Sum of the chosen measures' estimates in 元, or None when one of them cannot be read."""
        from core.entry import total_yuan_from_texts  # the unit tables: read when first needed, not at start

        return total_yuan_from_texts(amount for _code, _qty, _unit, amount in self.raw())

    def _show_total(self) -> None:
        total = self.total()
        chosen = len(self.raw())
        self.total_label.setText(
            f"已选 {chosen} 项措施，估算投资合计 {wan(total, thousands=True)} 万元" if total is not None
            else f"已选 {chosen} 项措施，估算投资有无法识别的金额"
        )

    def raw(self) -> tuple[tuple[str, str, str, str], ...]:
        out = []
        for code, item in self.items.items():
            if item.checkState(0) == Qt.CheckState.Checked:
                out.append((code, item.text(QUANTITY).strip(), item.text(UNIT).strip(), item.text(AMOUNT).strip()))
        return tuple(out)

    def set_raw(self, value: Any) -> None:
        given = {r[0]: r for r in value or ()}
        self._quiet = True
        try:
            for code, item in self.items.items():
                r = given.get(code)
                item.setCheckState(0, Qt.CheckState.Checked if r else Qt.CheckState.Unchecked)
                item.setText(QUANTITY, r[1] if r else "")
                item.setText(UNIT, (r[2] if r else "") or self.units[code])
                item.setText(AMOUNT, r[3] if r else "")
        finally:
            self._quiet = False
        self._show_total()

    def _read(self, code: str, qty: str, unit: str, amount: str) -> tuple[Any, Any]:
        """(quantity, amount in 元) of one row as typed; ValueError for the first that cannot be read."""
        from core.entry import quantity_from_text, yuan_from_text

        return quantity_from_text(qty, unit or self.units.get(code, "")), yuan_from_text(amount)

    def problem(self, raw: Any) -> str | None:
        messages = []
        for code, qty, unit, amount in raw:
            try:
                self._read(code, qty, unit, amount)
            except ValueError as error:
                messages.append(f"{self.names.get(code, code)}：{error}")
        return "；".join(messages) or None

    def to_input(self, raw: Any) -> list[dict[str, Any]]:
        """The chosen measures over the stored ones: their notes kept, measures the catalogue no longer
        has kept as they were, and the stored order kept (new ones after them)."""
        chosen = {}
        for code, qty, unit, amount in raw:
            try:
                quantity, yuan = self._read(code, qty, unit, amount)
            except ValueError:
                quantity, yuan = None, None  # explained by problem(); the record is not valid meanwhile
            chosen[code] = {**self._stored.get(code, {}), "code": code, "quantity": quantity, "unit": unit,
                            "estimated_investment_yuan": yuan}
        out = [chosen.pop(code) if code in chosen else measure
               for code, measure in self._stored.items() if code in chosen or code not in self.items]
        return out + list(chosen.values())

    def from_value(self, value: Any) -> tuple[tuple[str, str, str, str], ...]:
        self._stored = {m["code"]: dict(m) for m in value or ()}
        out = []
        for m in value or ():
            if m["code"] not in self.items:
                continue  # not in this catalogue: kept unchanged by to_input, not shown
            qty = m.get("quantity")
            amount = m.get("estimated_investment_yuan")
            out.append((m["code"], "" if qty is None else format(Decimal(qty).normalize(), "f"), m.get("unit") or "",
                        wan_exact(amount) if amount is not None else ""))
        return tuple(out)


class TargetsEditor(Editor):
    """The county's yearly targets (R8): one row per programme year — alleys to renovate, 精品 quota."""

    def __init__(self, parent: QWidget | None = None):
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        table = QTableWidget(0, 3, box)
        table.setObjectName("targets_table")
        table.setHorizontalHeaderLabels(["年度", "改造任务(条)", "精品任务(条)"])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        table.setMaximumHeight(170)
        self.table = table
        buttons = QHBoxLayout()
        self.add_button = QPushButton("添加年度", box)
        self.remove_button = QPushButton("删除所选年度", box)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addWidget(table)
        layout.addLayout(buttons)
        super().__init__(box)
        self._quiet = False
        table.itemChanged.connect(lambda _: None if self._quiet else self.edited.emit())
        self.add_button.clicked.connect(self.add_year)
        self.remove_button.clicked.connect(self.remove_year)

    def add_year(self) -> None:
        years = [int(r[0]) for r in self.raw() if r[0].isdigit()]
        self._add_row((str(max(years) + 1) if years else str(date.today().year), "", ""))
        self.edited.emit()

    def remove_year(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.edited.emit()

    def _add_row(self, values: tuple[str, str, str]) -> None:
        self._quiet = True
        try:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for col, text in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(text))
        finally:
            self._quiet = False

    def raw(self) -> tuple[tuple[str, str, str], ...]:
        def text(row: int, col: int) -> str:
            item = self.table.item(row, col)
            return item.text().strip() if item else ""
        return tuple((text(r, 0), text(r, 1), text(r, 2)) for r in range(self.table.rowCount()))

    def set_raw(self, value: Any) -> None:
        self.table.setRowCount(0)
        for row in value or ():
            self._add_row(row)

    def to_input(self, raw: Any) -> list[dict[str, Any]]:
        return [{"year": y or None, "alleys": a or None, "boutique": b or 0} for y, a, b in raw]

    def from_value(self, value: Any) -> tuple[tuple[str, str, str], ...]:
        return tuple((str(t["year"]), str(t["alleys"]), str(t.get("boutique", 0))) for t in value or ())
