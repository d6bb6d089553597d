"""Backups into a folder keep the newest N and are whole, readable databases."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from core.backups import backup_to_folder, backups_in
from core.errors import LedgerError
from core.store import Ledger
from tests.conftest import make_alley


def test_backups_keep_the_newest_and_open_as_copies(file_ledger, tmp_path):
    make_alley(file_ledger)
    folder = tmp_path / "备份"
    start = datetime(2026, 11, 23, 9, 0, 0)
    for n in range(4):
        result = backup_to_folder(file_ledger, folder, keep=3, now=start + timedelta(minutes=n))
    names = [p.name for p in backups_in(folder, "ledger")]
    assert names == [f"ledger-备份-20261123-09{m:02d}00.db" for m in (1, 2, 3)]
    assert result["removed"] == [str(folder / "ledger-备份-20261123-090000.db")]
    with Ledger.open(folder / names[-1], create=False) as copy:
        assert copy.counts()["alleys"] == 1 and copy.settings().name == "示例县"


def test_two_backups_in_one_second_both_kept(file_ledger, tmp_path):
    now = datetime(2026, 11, 23, 9, 0, 0)
    backup_to_folder(file_ledger, tmp_path, keep=5, now=now)
    backup_to_folder(file_ledger, tmp_path, keep=5, now=now)
    assert len(backups_in(tmp_path, "ledger")) == 2


def test_keeping_no_backup_is_refused(file_ledger, tmp_path):
    with pytest.raises(LedgerError, match="至少要保留 1 份"):
        backup_to_folder(file_ledger, tmp_path, keep=0)
