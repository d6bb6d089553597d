"""What a clerk does, one function each, for the desktop program and the command line alike.

Each action applies the rules of :mod:`core.workflow` before it writes, writes through the store,
and returns :class:`Done`: what it made (the record as stored, the import's result …) and the
:class:`~core.changes.Changes` it made, so that each screen re-reads only when something it shows
has changed — the shape of Anki's ``CollectionOp`` returning ``OpChanges``. A refusal is a
:class:`~core.errors.LedgerError` with the Chinese reason; nothing is written then.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from core import workflow
from core.changes import NOTHING, Changes
from core.errors import LedgerError, NotFound
from core.records import (
    Acceptance,
    Alley,
    CountySettings,
    Filing,
    Plan,
    Problem,
    ProgressEntry,
    Record,
    Survey,
    build,
)

if TYPE_CHECKING:
    from core.demo import DemoResult
    from core.exchange.importer import ImportPreview
    from core.store import Ledger

T = TypeVar("T")
R = TypeVar("R", bound=Record)

Progress = Callable[[int, str], None]
Cancel = Callable[[], bool]

KIND_OF: dict[type[Record], str] = {
    Alley: "alleys", Survey: "surveys", Plan: "plans", ProgressEntry: "progress", Acceptance: "acceptances",
    Filing: "filings", Problem: "problems",
}
"""The kind of change (:data:`core.changes.KINDS`) each record is."""
IMPORTED_KINDS = {"alley": "alleys", "plan": "plans", "acceptance": "acceptances", "filing": "filings"}
"""The records an imported row writes (``RowResult.records``), as kinds of change."""


@dataclass(frozen=True)
class Done(Generic[T]):
    """What an action did: its ``result`` and what it ``changes``."""

    result: T
    changes: Changes


def changed(record: Record) -> Changes:
    """The change of one stored record."""
    return Changes.of(KIND_OF[type(record)], [record.id])


# ------------------------------------------------------------------ records
def save_record(ledger: Ledger, record: R, *, reason: str = "", source: str = "界面") -> Done[R]:
    """Save an alley, survey, plan, acceptance, filing or problem (new or changed), refused with the
    rule of its kind (:func:`core.workflow.save_refusal`). A record of a filed plan needs ``reason``
    (:class:`~core.errors.LockedRecord` otherwise: see :func:`amend_record`); one changed by someone
    else since it was read is refused with :class:`~core.errors.Conflict`."""
    refused = workflow.save_refusal(ledger, record)
    if refused:
        raise LedgerError(refused)
    stored = ledger.save(record, reason=reason, source=source)
    unchanged = record.id is not None and stored.changed_at == record.changed_at
    return Done(stored, NOTHING if unchanged else changed(stored))


def amend_record(ledger: Ledger, record: R, reason: str, *, source: str = "界面") -> Done[R]:
    """Correct a record of a filed (locked) plan: the amendment's reason goes to the audit log."""
    if not reason.strip():
        raise LedgerError("更正已归档的记录须填写更正原因")
    return save_record(ledger, record, reason=reason.strip(), source=source)


@dataclass(frozen=True)
class Deleted:
    """A record deleted: as it was stored, how it is known (``identity``: see
    :meth:`~core.store.Ledger.record_identity`; ``title``, in Chinese), the audit entry that keeps
    it (``audit_id``; :mod:`core.store.history` rebuilds it from there), and whether its plan left
    the archive with it (``unlocked_plan``: a locked filing deleted, see
    :meth:`~core.store.Ledger.delete_unlocks`)."""

    record: Record
    identity: dict[str, Any]
    title: str
    audit_id: int
    unlocked_plan: bool = False

    def unlocked_text(self) -> str:
        """What became of the plan of a locked filing deleted (said after the delete), else ""."""
        if not self.unlocked_plan:
            return ""
        return (f"改造方案「{self.identity.get('alley_name') or ''} {self.identity.get('year')}年」已解除归档锁定，"
                "不再算作已备案归档；改正后须重新备案并归档锁定")


def delete_record(ledger: Ledger, record: Record, *, reason: str = "", source: str = "界面") -> Done[Deleted]:
    """Delete a record, which the audit log keeps whole (``source`` says from where, as for a save).
    Refused while other records depend on it (:meth:`~core.store.Ledger.delete_refusal` says which,
    and where to delete them first), for a filed plan's records unless ``reason`` names the
    amendment (:class:`~core.errors.LockedRecord`), for one changed since it was read
    (:class:`~core.errors.Conflict`) and for one deleted already (:class:`~core.errors.NotFound`,
    saying by whom and when)."""
    try:
        stored = ledger.get(type(record), record.id)
    except NotFound:
        raise ledger.gone(record) from None
    identity, title = ledger.record_identity(stored), ledger.record_title(stored)
    unlocks = ledger.delete_unlocks(stored)
    audit_id = ledger.delete(record, reason=reason.strip(), source=source)
    changes = changed(stored)
    if unlocks and isinstance(stored, Filing):
        changes |= Changes.of("plans", [stored.plan_id])  # the plan is no longer filed: its pages unlock
    return Done(Deleted(stored, identity, title, audit_id, unlocks), changes)


def withdraw_plan(ledger: Ledger, plan: Plan, *, on: date | None = None, reason: str, amendment: str = ""
                  ) -> Done[Plan]:
    """撤销: take a plan out of its year's programme (:func:`core.workflow.withdraw_plan`)."""
    stored = workflow.withdraw_plan(ledger, plan, on=on, reason=reason, amendment=amendment)
    return Done(stored, changed(stored))


def reinstate_plan(ledger: Ledger, plan: Plan, *, amendment: str = "") -> Done[Plan]:
    """Put a withdrawn plan back on its year's programme."""
    stored = workflow.reinstate_plan(ledger, plan, amendment=amendment)
    return Done(stored, changed(stored))


def close_problem(ledger: Ledger, problem: Problem, *, today: date | None = None, reason: str = "",
                  source: str = "界面") -> Done[Problem]:
    """销号: close a handled problem whose result was fed back (R10), dated today (or the day of the
    last feedback, if that is later); refused with what is still missing."""
    if problem.id is not None:
        stored = ledger.get(Problem, problem.id)
        if stored.closed_on is not None:
            raise LedgerError(f"该问题已于 {stored.closed_on} 销号")
    day = max(d for d in (today or date.today(), problem.feedback_on, problem.second_feedback_on) if d is not None)
    closing = build(Problem, {**problem.model_dump(), "closed_on": day})
    refused = workflow.close_refusal(closing)
    if refused:
        raise LedgerError(refused)
    return save_record(ledger, closing, reason=reason, source=source)


# ------------------------------------------------------------------ filing and archive
def file_and_lock(ledger: Ledger, filing: Filing, *, today: date | None = None) -> Done[Filing]:
    """归档锁定: file the record and lock the plan's records (:func:`core.workflow.file_and_lock`)."""
    locked = workflow.file_and_lock(ledger, filing, today=today)
    return Done(locked, changed(locked))


def attach_documents(ledger: Ledger, filing: Filing, files: Sequence[tuple[str, bytes]], *, kind: str = "",
                     reason: str = "", progress: Progress | None = None) -> Done[Filing]:
    """Store scans and photos in the filing's 卷内目录, all of them or none: the first as the document
    of ``kind`` (one of the profile's required documents), the others as its further papers. A
    locked filing needs ``reason`` (an amendment)."""
    stored, first, added = filing, kind, []
    with ledger.transaction():
        for n, (name, data) in enumerate(files):
            if progress is not None:
                progress(int(100 * n / len(files)), name)
            stored = workflow.attach_document(ledger, stored, data, name, kind=first, reason=reason)
            added.append(stored.documents[-1].attachment_id)
            first = ""
    return Done(stored, changed(stored) | Changes.of("attachments", added))


def correct_document(ledger: Ledger, filing: Filing, seq: int, field: str, text: str, *, reason: str = ""
                     ) -> Done[Filing]:
    """Correct one field of a 卷内目录 entry as the clerk typed it (文件编号, 责任者, 题名, 日期, 页数);
    a date is read as the import reads one."""
    typed = text.strip()
    value: Any = typed
    if field == "doc_date":
        from core.exchange.values import parse_date

        try:
            value = parse_date(typed) if typed else None
        except ValueError:
            value = None
        if typed and value is None:
            raise LedgerError(f"「{typed}」无法识别为日期")
    stored = workflow.update_document(ledger, filing, seq, {field: value}, reason=reason)
    return Done(stored, changed(stored))


def remove_document(ledger: Ledger, filing: Filing, seq: int, *, reason: str = "") -> Done[Filing]:
    """Take one entry (and its file) out of the 卷内目录; the audit log keeps both."""
    entry = next((d for d in filing.documents if d.seq == seq), None)
    stored = workflow.remove_document(ledger, filing, seq, reason=reason)
    files = [entry.attachment_id] if entry is not None else []
    return Done(stored, changed(stored) | Changes.of("attachments", files))


def attach_files(ledger: Ledger, owner: Record, files: Sequence[tuple[str, bytes]], *, reason: str = "",
                 progress: Progress | None = None) -> Done[int]:
    """Keep photos (or any files) with a stored record — a survey's, a problem's — all of them or
    none; ``reason`` when the record prints in a filed plan's packet. Returns how many."""
    added = []
    with ledger.transaction():
        for n, (name, data) in enumerate(files):
            if progress is not None:
                progress(int(100 * n / len(files)), name)
            added.append(ledger.add_attachment(data, name, owner=owner, caption=name, reason=reason).id)
    return Done(len(added), Changes.of("attachments", added))  # the record itself is as it was


# ------------------------------------------------------------------ the county
def save_settings(ledger: Ledger, settings: CountySettings) -> Done[CountySettings]:
    """Store the county's settings (name, code, lead department, profile, clerk, yearly targets);
    a database belongs to one county: its name, once set, is refused another."""
    refused = workflow.settings_refusal(ledger, settings)
    if refused:
        raise LedgerError(refused)
    ledger.save_settings(settings)
    return Done(settings, Changes(settings=True))


def load_holidays(ledger: Ledger, path: Path) -> Done[int]:
    """Load a year's official holiday table (CSV or Excel: 日期, 类型 休/班, 名称); returns the year."""
    from core.exchange.holidays import load_holiday_file

    year, _ = load_holiday_file(ledger, path)
    return Done(year, Changes(holidays=True))


# ------------------------------------------------------------------ whole databases
def import_ledger(ledger: Ledger, preview: ImportPreview, *, all_or_nothing: bool = False,
                  backup_dir: Path | None = None, progress: Progress | None = None) -> Done[ImportPreview]:
    """Write an import's previewed rows in one transaction after a backup
    (:func:`core.exchange.importer.commit_import`)."""
    from core.exchange.importer import commit_import

    result = commit_import(ledger, preview, all_or_nothing=all_or_nothing, backup_dir=backup_dir, progress=progress)
    kinds = {IMPORTED_KINDS[kind] for row in result.rows if row.status in ("new", "updated") for kind, _ in row.records}
    return Done(result, Changes(**dict.fromkeys(kinds, True)))


def load_demo(ledger: Ledger, *, alleys: int = 300, seed: int = 1, progress: Progress | None = None,
              cancel: Cancel | None = None) -> Done[DemoResult]:
    """Fill an empty database with a demo county (refused for one that holds alleys)."""
    from core.demo import make_demo

    return Done(make_demo(ledger, alleys=alleys, seed=seed, progress=progress, cancel=cancel), Changes.everything())


def restore_backup(db: Path, backup: Path, *, backup_folder: Path | None = None, keep: int | None = None,
                   user: str | None = None, progress: Progress | None = None) -> Done[dict[str, Any]]:
    """Put a backup in place of the database at ``db``, the current one backed up first
    (:func:`core.store.restore.restore`)."""
    from core.store.restore import restore

    options: dict[str, Any] = {} if keep is None else {"keep": keep}
    return Done(restore(db, backup, backup_folder=backup_folder, user=user, progress=progress, **options),
                Changes.everything())


__all__ = ["KIND_OF", "Deleted", "Done", "amend_record", "attach_documents", "attach_files", "changed",
           "close_problem", "correct_document", "delete_record", "file_and_lock", "import_ledger", "load_demo",
           "load_holidays", "reinstate_plan", "remove_document", "restore_backup", "save_record", "save_settings",
           "withdraw_plan"]
