"""What an action changed (in the manner of Anki's ``OpChanges``), so that each screen re-reads only
when something it shows has changed.

A kind of record is unchanged (an empty set), changed for the ids given, or changed as a whole
(``True``: an import, a restore, demo data, another database opened). The county settings and the
holiday tables are one thing each: changed or not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

Ids = frozenset[int] | bool
"""The records of one kind that changed: their ids, or True for any of them."""

RECORD_KINDS = ("alleys", "surveys", "plans", "progress", "acceptances", "filings", "problems", "attachments")
KINDS = (*RECORD_KINDS, "settings", "holidays")
"""Every kind a change can concern, as pages name them in their ``shows``."""
RULE_INPUTS = frozenset(KINDS) - {"attachments"}
"""What the rules read (core.rules.Dataset): every record, the settings and the holiday tables."""

_NONE: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Changes:
    """Which kinds of record an action changed, with the ids where they are known."""

    alleys: Ids = _NONE
    surveys: Ids = _NONE
    plans: Ids = _NONE
    progress: Ids = _NONE
    acceptances: Ids = _NONE
    filings: Ids = _NONE
    problems: Ids = _NONE
    attachments: Ids = _NONE
    settings: bool = False
    holidays: bool = False

    @classmethod
    def everything(cls) -> Changes:
        """Every kind changed (a restore, demo data, another database file)."""
        return cls(**dict.fromkeys(KINDS, True))

    @classmethod
    def of(cls, kind: str, ids: Iterable[int | None] | bool = True) -> Changes:
        """``kind`` changed: for ``ids`` (None, a record not stored, left out), or as a whole."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind of change: {kind}")
        value: dict[str, Any] = {kind: bool(ids) if isinstance(ids, bool) or kind in ("settings", "holidays")
                                 else frozenset(i for i in ids if i is not None)}
        return cls(**value)

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds that changed."""
        return frozenset(f.name for f in fields(self) if getattr(self, f.name))

    def touches(self, kinds: Iterable[str]) -> bool:
        """Whether any of ``kinds`` changed (what a page shows, for whether it must re-read)."""
        return not self.kinds.isdisjoint(kinds)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        """Both changes together (an action made of several steps)."""
        merged: dict[str, Any] = {f.name: _merge(getattr(self, f.name), getattr(other, f.name)) for f in fields(self)}
        return Changes(**merged)

    def to_json(self) -> dict[str, list[int] | bool]:
        """The kinds that changed: their ids (sorted), or true for a whole kind."""
        return {kind: value if isinstance(value, bool) else sorted(value)
                for kind in sorted(self.kinds) for value in [getattr(self, kind)]}


def _merge(mine: Ids, theirs: Ids) -> Ids:
    if mine is True or theirs is True:
        return True
    if isinstance(mine, bool):  # False: unchanged
        return theirs
    if isinstance(theirs, bool):
        return mine
    return mine | theirs


NOTHING = Changes()
"""An action that changed nothing (a save with nothing new in it)."""

__all__ = ["KINDS", "NOTHING", "RECORD_KINDS", "RULE_INPUTS", "Changes", "Ids"]
