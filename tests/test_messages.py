"""One path from an exception to what the clerk reads (core.messages): refusals say themselves, the
system's and SQLite's failures are said in Chinese with the file, a bug is logged with its
traceback and told in one sentence naming the log — the same words in the window and the console."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from core.cli.main import EXIT_BUG, main
from core.errors import Cancelled, LedgerError, os_cause
from core.messages import SEND_FROM_COMMAND_LINE, message_for
from core.outputs import write_failure


@pytest.fixture
def log(tmp_path, monkeypatch):
    path = tmp_path / "logs" / "alley-ledger.log"
    monkeypatch.setenv("ALLEY_LEDGER_LOG", str(path))
    return path


def test_a_refusal_and_a_cancel_say_themselves(log):
    assert message_for(LedgerError("街巷编码不能为空")).text == "街巷编码不能为空"
    cancelled = message_for(Cancelled("导出已取消，没有生成文件"))
    assert cancelled.cancelled and not cancelled.is_bug and cancelled.text == "导出已取消，没有生成文件"
    assert not log.exists()


@pytest.mark.parametrize(("error", "words"), [
    (PermissionError(errno.EACCES, "Permission denied", "D:/台账/清单.xlsx"), "正在 Excel、WPS 或 PDF 阅读器中打开"),
    (OSError(errno.ENOSPC, "No space left on device", "D:/台账/清单.xlsx"), "磁盘空间不足"),
    (IsADirectoryError(errno.EISDIR, "Is a directory", "D:/台账/清单.xlsx"), "这是一个文件夹"),
    (NotADirectoryError(errno.ENOTDIR, "Not a directory", "D:/台账/清单.xlsx"), "同名的文件挡住了"),
    (OSError(errno.EROFS, "Read-only file system", "D:/台账/清单.xlsx"), "只读"),
])
def test_the_systems_refusals_name_the_file_and_the_cause_in_the_one_wording(log, error, words):
    message = message_for(error)
    assert not message.is_bug and words in message.text and "「D:/台账/清单.xlsx」" in message.text
    # the same words a writer of the program reports (an export, the rejects file, a backup)
    assert str(write_failure("D:/台账/清单.xlsx", error)) == message.text
    assert os_cause(error) in message.text
    assert not log.exists()


def test_a_full_disk_under_the_database_is_said_of_the_database(tmp_path, log):
    db = tmp_path / "county.db"
    message = message_for(sqlite3.OperationalError("database or disk is full"), db=db)
    assert not message.is_bug and "磁盘空间不足" in message.text and "「county.db」" in message.text
    assert "撤销" in message.text
    unnamed = message_for(OSError(errno.ENOSPC, "No space left on device"))
    assert not unnamed.is_bug and "磁盘空间不足" in unnamed.text
    assert not log.exists()


def test_a_bug_goes_to_the_log_with_its_traceback_and_the_clerk_reads_one_sentence(log):
    def deep():
        return {}["missing"]

    try:
        deep()
    except KeyError as error:
        message = message_for(error, where="测试")
    assert message.is_bug and message.log == log
    assert message.text.startswith("程序内部出错（KeyError: 'missing'）")
    assert f"详细信息已记入日志「{log}」" in message.text and "帮助 → 诊断信息" in message.text
    assert "Traceback" not in message.text and "\n" not in message.text
    logged = log.read_text(encoding="utf-8")
    assert "测试" in logged and "Traceback" in logged and "in deep" in logged


def test_a_long_bug_message_is_cut_and_a_log_that_cannot_be_written_is_said(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("ALLEY_LEDGER_LOG", str(blocker / "alley-ledger.log"))
    message = message_for(RuntimeError("x" * 1000))
    assert message.is_bug and message.log is None
    assert "日志文件无法写入" in message.text and len(message.text) < 300


def test_the_command_line_says_a_bug_in_the_same_words_and_exits_70(tmp_path, log, capsys, monkeypatch):
    import importlib

    cli = importlib.import_module("core.cli.main")

    db = tmp_path / "county.db"
    assert main(["--db", str(db), "init", "--county", "示例县"]) == 0
    capsys.readouterr()

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli, "_table", broken)
    assert main(["--db", str(db), "info"]) == EXIT_BUG
    err = capsys.readouterr().err
    assert err.startswith("错误：程序内部出错（ZeroDivisionError: division by zero）")
    assert SEND_FROM_COMMAND_LINE in err and str(log) in err and "Traceback" not in err
    assert "Traceback" in log.read_text(encoding="utf-8") and "命令行" in log.read_text(encoding="utf-8")


def test_the_command_line_says_an_unwritable_file_as_the_window_does(tmp_path, log, capsys, demo_db):
    blocker = tmp_path / "文件"
    blocker.write_text("")
    out = blocker / "清单.xlsx"  # a folder that is a file: the system refuses the write
    code = main(["--db", str(demo_db), "export", "annual-list", "--year", "2023", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "同名的文件挡住了" in err and str(out) in err
    assert not log.exists()
