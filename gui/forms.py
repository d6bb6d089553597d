"""Record forms: fields laid out like the paper form, checked by the record model as the clerk types.

A form never decides what is valid: it hands what was typed to the pydantic model
(:func:`core.records.common.validate_fields`) and shows each Chinese message beside its field.
Every edit goes on a QUndoStack, so Ctrl+Z/Ctrl+Shift+Z step through a record's changes, and the
stack's clean state tells whether there is anything unsaved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core.records.common import validate_fields
from gui.fields import OMIT, BoolEditor, Editor, LongTextEditor, NumberEditor, editor_for

Group = tuple[str, Sequence[str]]
"""A titled group of field names, in the order of the paper form."""

ERROR_STYLE = "color: #b00020;"


class FieldEdit(QUndoCommand):
    """One change of one field; consecutive changes of the same field merge into one step."""

    def __init__(self, form: RecordForm, name: str, old: Any, new: Any):
        super().__init__(QCoreApplication.translate("RecordForm", "修改「{0}」").format(form.title_of(name)))
        self.form, self.name, self.old, self.new = form, name, old, new
        self._first = True

    def id(self) -> int:
        return 1000 + self.form.field_names.index(self.name)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEdit) or other.name != self.name or not isinstance(self.new, str):
            return False
        self.new = other.new
        if self.new == self.old:  # typed and deleted again: no change left to undo
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        if self._first:  # the editor already shows the new value
            self._first = False
            return
        self.form.apply(self.name, self.new)

    def undo(self) -> None:
        self.form.apply(self.name, self.old)


class RecordForm(QWidget):
    """A form for one kind of record, built from groups of its model's fields.

    ``changed`` fires after every edit (and undo/redo) with the record as typed, or None while some
    field is invalid; ``dirty_changed`` when the form gains or loses unsaved changes.
    """

    changed = Signal(object)
    dirty_changed = Signal(bool)

    def __init__(self, model: type[BaseModel], groups: Sequence[Group], parent: QWidget | None = None,
                 *, columns: int = 2, custom: dict[str, Editor] | None = None,
                 custom_narrow: dict[str, Editor] | None = None):
        super().__init__(parent)
        self.model = model
        self.undo_stack = QUndoStack(self)
        # bound methods, not lambdas: they are disconnected when the form goes (the stack, a child,
        # still says it is clean again while it is being destroyed)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.indexChanged.connect(self._index_changed)
        self.record: BaseModel | None = None
        self.base: dict[str, Any] = {}
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, QLabel] = {}
        self._values: dict[str, Any] = {}
        self.problems: dict[str, list[str]] = {}
        self.current: BaseModel | None = None
        self.required: set[str] = set()
        """Fields the model leaves optional but the store needs (e.g. a survey's alley)."""
        self.touched: set[str] = set()
        """Fields the clerk has edited: a new form does not greet him with 必须填写 everywhere."""
        self.reveal_all = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.form_error = QLabel(self)
        self.form_error.setObjectName("form_error")
        self.form_error.setStyleSheet(ERROR_STYLE)
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        outer.addWidget(self.form_error)
        custom = custom or {}
        narrow = custom_narrow or {}
        for title, names in groups:
            box = QGroupBox(title, self)
            grid = QGridLayout(box)
            grid.setHorizontalSpacing(8)
            grid.setVerticalSpacing(2)
            row, col = 0, 0
            for name in names:
                editor = custom.get(name) or narrow.get(name) or editor_for(model, name, box)
                editor.widget.setParent(box)
                editor.widget.setObjectName(f"field_{name}")
                self.editors[name] = editor
                error = QLabel(box)
                error.setObjectName(f"error_{name}")
                error.setStyleSheet(ERROR_STYLE)
                error.setWordWrap(True)
                error.hide()
                self.errors[name] = error
                # a check box carries its own text; a group of one field is titled by the group
                plain = isinstance(editor, BoolEditor) or (len(names) == 1 and title.startswith(self.title_of(name)))
                label = QLabel("" if plain else self.title_of(name), box)
                label.setVisible(not plain)
                label.setBuddy(editor.widget)
                wide = name in custom or isinstance(editor, LongTextEditor)
                if wide:  # wide editors (tables, long texts) take whole rows: label, editor, error
                    if col:
                        row, col = row + 2, 0
                    grid.addWidget(label, row, 0, 1, 2 * columns)
                    grid.addWidget(editor.widget, row + 1, 0, 1, 2 * columns)
                    grid.addWidget(error, row + 2, 0, 1, 2 * columns)
                    row += 3
                else:  # label and editor side by side, the field's error line below the editor
                    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    grid.addWidget(label, row, col * 2)
                    grid.addWidget(editor.widget, row, col * 2 + 1)
                    grid.addWidget(error, row + 1, col * 2 + 1)
                    col += 1
                    if col == columns:
                        row, col = row + 2, 0
                editor.edited.connect(lambda name=name: self._edited(name))
            for c in range(columns):
                grid.setColumnStretch(c * 2 + 1, 1)
            outer.addWidget(box)
        outer.addStretch(1)
        self.field_names = list(self.editors)
        self._tab_order()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(lambda: self.changed.emit(self.current))

    def _clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    def _index_changed(self, _index: int) -> None:
        self._revalidate()

    def title_of(self, name: str) -> str:
        """The field's Chinese title as the form shows it (money in 万元, as the form takes it)."""
        info = self.model.model_fields.get(name)
        title = self.tr(info.title) if info and info.title else name
        if getattr(self.editors.get(name), "kind", "") == "money":
            title = title.replace("(元)", "(万元)")
        return title

    def _tab_order(self) -> None:
        widgets = [e.widget.focusProxy() or e.widget for e in self.editors.values()]
        for a, b in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # ---------------------------------------------------------------- values
    def load(self, record: BaseModel | None, defaults: dict[str, Any] | None = None) -> None:
        """Show ``record`` (None: a new, empty record with ``defaults``) and forget the edit history."""
        self.record = record
        values = record.model_dump() if record is not None else dict(defaults or {})
        self.base = dict(values)
        """What the record holds besides the fields on the form (e.g. a new acceptance's plan)."""
        for name, editor in self.editors.items():
            if name in values:
                raw = editor.from_value(values[name])
            else:
                info = self.model.model_fields[name]
                value = None if info.is_required() else info.get_default(call_default_factory=True)
                # a new record's numbers start blank, not at a 0 nobody counted (blank saves as that 0)
                raw = "" if isinstance(editor, NumberEditor) and value == 0 else editor.from_value(value)
            self.apply(name, raw, revalidate=False)
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.touched = set()
        self.reveal_all = record is not None  # a stored record's problems are shown at once
        self._revalidate()

    def apply(self, name: str, raw: Any, *, revalidate: bool = True) -> None:
        """Show ``raw`` in field ``name`` without recording it as an edit (undo/redo and loading)."""
        editor = self.editors[name]
        with QSignalBlocker(editor):
            editor.set_raw(raw)
        self._values[name] = editor.raw()
        if revalidate:
            self._revalidate()

    def _edited(self, name: str) -> None:
        new = self.editors[name].raw()
        old = self._values.get(name)
        if new == old:
            return
        self._values[name] = new
        self.touched.add(name)
        self.undo_stack.push(FieldEdit(self, name, old, new))

    def data(self) -> dict[str, Any]:
        """Model input: the stored record's fields overlaid with what the form shows."""
        data = dict(self.base)
        for name, editor in self.editors.items():
            value = editor.to_input(self._values.get(name, editor.raw()))
            if value is OMIT:
                data.pop(name, None)
            else:
                data[name] = value
        return data

    def _revalidate(self) -> None:
        data = self.data()
        record, problems = validate_fields(self.model, data)
        for name, editor in self.editors.items():  # what the editors could not read at all
            message = editor.problem(self._values.get(name, editor.raw()))
            if message:
                problems.setdefault(name, []).insert(0, f"「{self.title_of(name)}」{message}")
                record = None
        for name in self.required:  # optional in the model, needed before the record can be stored
            if data.get(name) in (None, ""):
                problems.setdefault(name, []).append(f"「{self.title_of(name)}」必须选择")
                record = None
        self.current = record
        self.problems = problems
        self._show_problems()
        self._timer.start()

    def _show_problems(self) -> None:
        problems = self.problems
        for name, label in self.errors.items():
            messages = problems.get(name) if self.reveal_all or name in self.touched else None
            label.setText("；".join(m.split("」", 1)[-1] if m.startswith("「") else m for m in messages or ()))
            label.setVisible(bool(messages))
        others = [m for key, ms in problems.items() if key not in self.errors for m in ms]
        if not (self.reveal_all or self.touched):
            others = []
        self.form_error.setText("\n".join(others))
        self.form_error.setVisible(bool(others))

    def reveal(self) -> None:
        """Show every problem, touched or not (the clerk tried to save)."""
        self.reveal_all = True
        self._show_problems()

    def finish_editing(self) -> None:
        """Commit a cell still being typed in a table inside the form (measures, pipes)."""
        focus = QApplication.focusWidget()
        widget = focus
        while widget is not None and widget is not self:
            parent = widget.parentWidget()
            if isinstance(parent, QAbstractItemView) or (
                    parent is not None and isinstance(parent.parentWidget(), QAbstractItemView)):
                view = parent if isinstance(parent, QAbstractItemView) else parent.parentWidget()
                if view.state() == QAbstractItemView.State.EditingState:
                    view.commitData(focus)
                    view.closeEditor(focus, QAbstractItemDelegate.EndEditHint.NoHint)
                return
            widget = parent

    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, record: BaseModel) -> None:
        """The record was saved: it becomes the form's record and the clean state."""
        self.record = record
        self.base = record.model_dump()
        self.undo_stack.setClean()

    def problem_text(self) -> str:
        """Every problem of the record as typed, one per line."""
        return "\n".join(m for ms in self.problems.values() for m in ms)

    def set_read_only(self, names: Sequence[str], on: bool) -> None:
        for name in names:
            self.editors[name].set_read_only(on)
