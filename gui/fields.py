"""Editors for single record fields, chosen from the pydantic model's field types.

Every editor shows one field and exposes its value as a *raw* value (what the clerk typed: text,
a bool, a tuple), which the form turns into model input. Raw values are plain and comparable, so
undo/redo can store them and the form can tell when anything changed.
"""

from __future__ import annotations

import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel
from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from core.browse import search_text
from core.exchange.values import parse_date
from core.money import wan_exact

LONG_TEXT = 1000
"""Text fields allowed this many characters or more get a multi-line editor."""


class UndoKeysToForm(QObject):
    """Let Ctrl+Z / Ctrl+Shift+Z reach the form's undo stack instead of a text box's own undo.

    A focused QLineEdit claims those keys for its private undo, which would bypass the form's
    history (and the form would then record the box's undo as a new edit).
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.ignore()
            return True
        return False


_UNDO_FILTER: UndoKeysToForm | None = None


def _route_undo_keys(widget: QWidget) -> None:
    global _UNDO_FILTER
    if _UNDO_FILTER is None:
        _UNDO_FILTER = UndoKeysToForm()
    widget.installEventFilter(_UNDO_FILTER)


class Editor(QObject):
    """One field's editor: ``widget`` to place in a layout, ``raw()``/``set_raw()``, ``edited`` on user edits."""

    edited = Signal()

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.widget = widget

    def raw(self) -> Any:
        raise NotImplementedError

    def set_raw(self, value: Any) -> None:
        raise NotImplementedError

    def to_input(self, raw: Any) -> Any:
        """Model input for a raw value; :data:`OMIT` to leave the field at its default."""
        return raw

    def from_value(self, value: Any) -> Any:
        """Raw value showing a record's value."""
        return value

    def problem(self, raw: Any) -> str | None:
        """What is wrong with a raw value that the record model never sees (the editor could not read
        it), in Chinese without the field's name; None when nothing is."""
        return None

    def set_read_only(self, on: bool) -> None:
        self.widget.setEnabled(not on)


OMIT = object()


MIN_CHARACTERS = 6
"""A text box is never squeezed below this many characters (a narrow form scrolls sideways instead)."""


class TextEditor(Editor):
    def __init__(self, parent: QWidget | None = None, placeholder: str = ""):
        edit = QLineEdit(parent)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("中" * MIN_CHARACTERS) + 10)
        super().__init__(edit)
        _route_undo_keys(edit)
        edit.textEdited.connect(lambda _: self.edited.emit())

    def raw(self) -> str:
        return self.widget.text()

    def set_raw(self, value: Any) -> None:
        self.widget.setText(value or "")

    def from_value(self, value: Any) -> str:
        return "" if value is None else str(value)

    def set_read_only(self, on: bool) -> None:
        self.widget.setReadOnly(on)


class LongTextEditor(Editor):
    def __init__(self, parent: QWidget | None = None):
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(62)
        super().__init__(edit)
        _route_undo_keys(edit)
        self._quiet = False
        edit.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._quiet:
            self.edited.emit()

    def raw(self) -> str:
        return self.widget.toPlainText()

    def set_raw(self, value: Any) -> None:
        self._quiet = True
        try:
            if self.widget.toPlainText() != (value or ""):
                self.widget.setPlainText(value or "")
        finally:
            self._quiet = False

    def from_value(self, value: Any) -> str:
        return value or ""

    def set_read_only(self, on: bool) -> None:
        self.widget.setReadOnly(on)


READERS: dict[str, str] = {
    "money": "yuan_from_text",
    "metres": "metres_from_text",
    "area": "area_from_text",
    "count": "count_from_text",
    "number": "number_from_text",
}
"""The function of core.entry that reads each kind of number field (the import's parser and units;
imported when first used: the unit tables are not needed to show the window)."""

PLACEHOLDERS = {"money": "万元", "metres": "米", "area": "平方米"}


class NumberEditor(TextEditor):
    """Numbers typed as text, read as the import reads a ledger cell ("180万", "1.2公里", "1,200");
    a half-typed or wrong number is shown, explained and kept as typed. When the clerk leaves the
    field, the text becomes the number as understood (180万 → 180.00), so he sees how it was read.

    ``kind`` is one of :data:`READERS`; money is typed and shown in 万元 and kept in whole 元.
    Money that has no "unknown" (the model's default is 0) shows 0 as blank: an amount of nothing is
    an amount nobody entered yet, and a blank is stored as that default. (A new record's counts are
    not pre-filled with 0 either: see :meth:`gui.forms.RecordForm.load`.)
    """

    def __init__(self, parent: QWidget | None = None, *, optional: bool, kind: str = "number",
                 zero_blank: bool = False):
        super().__init__(parent, PLACEHOLDERS.get(kind, ""))
        self.optional = optional
        self.kind = kind
        self.zero_blank = zero_blank
        self.widget.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.widget.editingFinished.connect(self._tidy)

    def read(self, raw: str) -> Any:
        """The value ``raw`` stands for (None: blank); ValueError with a Chinese message."""
        from core import entry

        value = getattr(entry, READERS[self.kind])(raw)
        return float(value) if self.kind == "number" and value is not None else value

    def to_input(self, raw: str) -> Any:
        try:
            value = self.read(raw)
        except ValueError:
            return OMIT  # explained by problem()
        if value is None:
            return None if self.optional else OMIT
        return value

    def problem(self, raw: str) -> str | None:
        try:
            self.read(raw)
        except ValueError as error:
            return str(error)
        return None

    def from_value(self, value: Any) -> str:
        if value is None or (self.zero_blank and self.kind == "money" and value == 0):
            return ""
        if self.kind == "money":
            return wan_exact(int(value))
        if isinstance(value, float):
            return f"{value:.6f}".rstrip("0").rstrip(".")
        if isinstance(value, Decimal):
            return format(value.normalize(), "f")
        return str(value)

    def _tidy(self) -> None:
        """Show the number as it was read once the clerk leaves the field."""
        raw = self.raw()
        try:
            value = self.read(raw)
        except ValueError:
            return
        if value is None:
            return
        tidy = self.from_value(value) or "0"
        if tidy != raw:
            self.widget.setText(tidy)
            self.edited.emit()


class DateEditor(Editor):
    """A date typed in any common form (2025-9-26, 2025.9.26, 2025年9月26日) or picked from a calendar."""

    def __init__(self, parent: QWidget | None = None):
        box = QWidget(parent)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit(box)
        self.edit.setPlaceholderText("年-月-日")
        # a whole date stays readable however narrow the form gets
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("2026-12-31") + 14)
        _route_undo_keys(self.edit)
        self.button = QToolButton(box)
        self.button.setText("▾")
        self.button.setToolTip(self.tr("从日历选择"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        super().__init__(box)
        box.setFocusProxy(self.edit)
        self.edit.textEdited.connect(lambda _: self.edited.emit())
        self.button.clicked.connect(self._pick)

    def _pick(self) -> None:
        menu = QMenu(self.widget)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        current = self.current_date()
        if current is not None:
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(day: QDate) -> None:
            self.edit.setText(day.toString("yyyy-MM-dd"))
            self.edited.emit()
            menu.close()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        menu.exec(self.button.mapToGlobal(self.button.rect().bottomLeft()))

    def current_date(self) -> date | None:
        try:
            return parse_date(self.edit.text())
        except ValueError:
            return None

    def raw(self) -> str:
        return self.edit.text()

    def set_raw(self, value: Any) -> None:
        self.edit.setText(value or "")

    def to_input(self, raw: str) -> Any:
        text = raw.strip()
        if text == "":
            return None
        try:
            parsed = parse_date(text)
        except ValueError:
            parsed = None
        return parsed if parsed is not None else text

    def from_value(self, value: Any) -> str:
        return value.isoformat() if isinstance(value, date) else ""

    def set_read_only(self, on: bool) -> None:
        self.edit.setReadOnly(on)
        self.button.setEnabled(not on)


class ChoiceEditor(Editor):
    def __init__(self, choices: list[str], parent: QWidget | None = None, *, optional: bool):
        combo = QComboBox(parent)
        self.optional = optional
        if optional:
            combo.addItem("")
        combo.addItems(choices)
        super().__init__(combo)
        combo.activated.connect(lambda _: self.edited.emit())

    def raw(self) -> str:
        return self.widget.currentText()

    def set_raw(self, value: Any) -> None:
        i = self.widget.findText(value or "")
        self.widget.setCurrentIndex(max(i, 0))

    def to_input(self, raw: str) -> Any:
        if raw == "":
            return None if self.optional else OMIT
        return raw

    def from_value(self, value: Any) -> str:
        return "" if value is None else str(value)


class LabelledChoiceEditor(Editor):
    """One of several values, each shown by its Chinese title (e.g. a policy profile by its name)."""

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None):
        combo = QComboBox(parent)
        for value, title in choices:
            combo.addItem(title, value)
        super().__init__(combo)
        combo.activated.connect(lambda _: self.edited.emit())

    def raw(self) -> str:
        return self.widget.currentData() or ""

    def set_raw(self, value: Any) -> None:
        i = self.widget.findData(value)
        if i < 0 and value:  # a value no longer on offer is still shown, as itself
            self.widget.addItem(str(value), value)
            i = self.widget.count() - 1
        self.widget.setCurrentIndex(max(i, 0))

    def from_value(self, value: Any) -> str:
        return "" if value is None else str(value)


class BoolEditor(Editor):
    def __init__(self, text: str, parent: QWidget | None = None):
        box = QCheckBox(text, parent)
        super().__init__(box)
        box.clicked.connect(lambda _: self.edited.emit())

    def raw(self) -> bool:
        return self.widget.isChecked()

    def set_raw(self, value: Any) -> None:
        self.widget.setChecked(bool(value))


class YesNoEditor(ChoiceEditor):
    """A yes/no that may also be unknown (blank)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(["是", "否"], parent, optional=True)

    def to_input(self, raw: str) -> Any:
        return {"是": True, "否": False}.get(raw)

    def from_value(self, value: Any) -> str:
        return "" if value is None else ("是" if value else "否")


class ManyEditor(Editor):
    """Several of a fixed set of choices (e.g. 古建筑、古树), as check boxes in a row."""

    def __init__(self, choices: list[str], parent: QWidget | None = None):
        box = QWidget(parent)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = [QCheckBox(c, box) for c in choices]
        self._stored: tuple[str, ...] = ()
        for b in self.boxes:
            layout.addWidget(b)
            b.clicked.connect(lambda _: self.edited.emit())
        layout.addStretch(1)
        super().__init__(box)

    def raw(self) -> tuple[str, ...]:
        return tuple(b.text() for b in self.boxes if b.isChecked())

    def set_raw(self, value: Any) -> None:
        for b in self.boxes:
            b.setChecked(b.text() in (value or ()))

    def to_input(self, raw: tuple[str, ...]) -> list[str]:
        order = {v: n for n, v in enumerate(self._stored)}  # the stored order first, new ones after
        return sorted(raw, key=lambda v: order.get(v, len(order)))

    def from_value(self, value: Any) -> tuple[str, ...]:
        self._stored = tuple(value or ())
        return self._stored


SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
"""An alley choice's search key: code, name, sub-district and their pinyin initials (as the tables')."""


class _KeyCompleter(QCompleter):
    """Completes on the search keys but puts the alley's own text in the box when one is picked."""

    def pathFromIndex(self, index: Any) -> str:  # noqa: N802
        return index.data(Qt.ItemDataRole.DisplayRole) or ""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802
        return [path.strip().lower()]


class AlleyEditor(Editor):
    """The alley a survey or plan belongs to: type a code, a name or pinyin initials (jfl, or zyx and
    cyx for 朝阳巷) and pick, as in the search box above the tables."""

    def __init__(self, choices: list[tuple[int, str, str, str]], parent: QWidget | None = None):
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = _KeyCompleter(combo.model(), combo)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        super().__init__(combo)
        self._keyed = False
        self._choices: list[tuple[int, str, str, str]] = []
        self.set_choices(choices)
        combo.activated.connect(lambda _: self.edited.emit())
        completer.activated[QModelIndex].connect(self._completed)
        combo.lineEdit().textEdited.connect(lambda _: self._ensure_keys())
        combo.lineEdit().editingFinished.connect(self._typed)

    def set_choices(self, choices: list[tuple[int, str, str, str]]) -> None:
        """Offer these alleys (after one is added, or another database is opened), keeping the one chosen."""
        combo = self.widget
        current = combo.currentData()
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem("", None)
            for id_, code, name, sub in choices:
                combo.addItem(f"{code} {name}（{sub}）", id_)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
        self._choices = choices
        self._keyed = False

    def _ensure_keys(self) -> None:
        """Search keys are made when the clerk first types (pinyin for thousands of alleys is not free)."""
        if self._keyed:
            return
        self._keyed = True
        combo = self.widget
        for row, (_, code, name, sub) in enumerate(self._choices, start=1):
            combo.setItemData(row, search_text(code, name, sub), SEARCH_ROLE)

    def _completed(self, index: QModelIndex) -> None:
        """An alley picked from the list that drops down as the clerk types."""
        row = self.widget.findData(index.data(Qt.ItemDataRole.UserRole))
        if row >= 0:
            self.widget.setCurrentIndex(row)
        self.edited.emit()

    def matches(self, text: str) -> list[int]:
        """Rows whose code, name, sub-district or their pinyin initials contain ``text``."""
        self._ensure_keys()
        words = text.strip().lower().split()
        combo = self.widget
        return [row for row in range(1, combo.count())
                if all(w in (combo.itemData(row, SEARCH_ROLE) or "") for w in words)]

    def _typed(self) -> None:
        """A typed code, name, part of one or initials picks the alley when exactly one alley matches."""
        text = self.widget.currentText().strip()
        i = self.widget.findText(text)
        if i < 0 and text:
            hits = self.matches(text)
            i = hits[0] if len(hits) == 1 else -1
        if i >= 0 and self.widget.currentIndex() != i:
            self.widget.setCurrentIndex(i)
        elif i < 0:  # nothing (or several) matched: show the alley still chosen
            self.widget.setEditText(self.widget.itemText(self.widget.currentIndex()))
        self.edited.emit()

    def raw(self) -> int | None:
        return self.widget.currentData()

    def set_raw(self, value: Any) -> None:
        i = self.widget.findData(value) if value is not None else 0
        self.widget.setCurrentIndex(max(i, 0))

    def set_read_only(self, on: bool) -> None:
        self.widget.setEnabled(not on)


# ------------------------------------------------------------------ choosing an editor
def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner type, optional) of ``X | None`` and ``Annotated[...]``."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation, optional
        else:
            return annotation, optional


def number_kind(name: str, kind: Any) -> str:
    """Which of :data:`READERS` reads field ``name`` (of type ``kind``): by the unit its name ends in."""
    if name.endswith("_yuan"):
        return "money"
    if name.endswith("_m2"):
        return "area"
    if name.endswith("_m"):
        return "metres"
    return "count" if kind is int else "number"


def editor_for(model: type[BaseModel], name: str, parent: QWidget | None = None) -> Editor:
    """The editor that suits field ``name`` of ``model`` (by its type, title and length limit)."""
    info = model.model_fields[name]
    kind, optional = _unwrap(info.annotation)
    optional = optional or not info.is_required() and info.default is None
    title = info.title or name
    if get_origin(kind) is Literal:
        return ChoiceEditor([str(a) for a in get_args(kind)], parent, optional=optional)
    if get_origin(kind) is list:
        inner, _ = _unwrap(get_args(kind)[0])
        if get_origin(inner) is Literal:
            return ManyEditor([str(a) for a in get_args(inner)], parent)
    if kind is bool:
        return YesNoEditor(parent) if optional else BoolEditor(title, parent)
    if kind is date:
        return DateEditor(parent)
    if kind in (int, float, Decimal):
        return NumberEditor(parent, optional=optional, kind=number_kind(name, kind),
                            zero_blank=not optional and info.default == 0)
    max_length = next((m.max_length for m in info.metadata if hasattr(m, "max_length")), None)
    if max_length is not None and max_length >= LONG_TEXT:
        return LongTextEditor(parent)
    return TextEditor(parent)
