"""The command line's manners: Chinese help, a Chinese Windows console, pipes, ``-`` for standard
input and output, ``check --strict`` and ``--self-check``."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core import __version__
from core.cli.main import EXIT_READER_GONE, EXIT_STRICT, build_parser, main
from tests.rules.helpers import holiday_csv

# What may stay Latin in --help: the command's own words (commands, options, choices), file kinds
# and names, and examples.
ALLOWED = {"alley", "ledger", "json", "db", "user", "help", "version", "self", "check", "JSON", "Excel", "WPS",
           "CSV", "PDF", "BOM", "UTF", "xlsx", "xls", "ods", "csv", "png", "jfl", "annual", "alleys", "plans",
           "guangxi", "R1", "R11", "R7", "LibreOffice", "A4", "PNG", "zip"}


ALLEY_LEDGER = [sys.executable, "-c", "from core.cli.main import run; run()"]


def _command(*argv: object, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*ALLEY_LEDGER, *map(str, argv)], input=stdin, capture_output=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def _all_parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from _all_parsers(sub)


def test_help_of_every_command_is_chinese_apart_from_what_is_typed():
    for parser in _all_parsers(build_parser()):
        text = parser.format_help()
        typed = set()
        for action in parser._actions:
            typed.update(action.option_strings)
            typed.update(map(str, action.choices or ()))
        typed.add(parser.prog)
        for word in sorted(typed, key=len, reverse=True):
            text = text.replace(word, " ")
        words = set(re.findall(r"\b[A-Za-z][A-Za-z0-9]+\b", text, re.ASCII)) - ALLOWED
        assert not words, f"{parser.prog} --help has English: {sorted(words)}\n{text}"


def test_version_line_is_chinese_and_names_the_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"巷账 alley-ledger {__version__}"
    assert "显示版本号并退出" in build_parser().format_help()


@pytest.fixture
def guangxi_db(tmp_path):
    """A database holding an alley whose name has 㟖 (CJK Extension A, not in GBK/cp936)."""
    path = tmp_path / "gx.db"
    ledger_csv = tmp_path / "台账.csv"
    ledger_csv.write_text("街巷名称,所在街道,年度,类别,长度(米)\n㟖村巷,城北街道,2023,达标类,120\n", encoding="utf-8")
    assert main(["--db", str(path), "init", "--county", "示例县"]) == 0
    assert main(["--db", str(path), "import", str(ledger_csv)]) == 0
    return path


def test_json_list_on_a_chinese_windows_console_escapes_what_cp936_lacks(guangxi_db, capsys):
    capsys.readouterr()
    result = _command("--db", guangxi_db, "list", "alleys", "--json", env={"PYTHONIOENCODING": "cp936"})
    assert result.returncode == 0, result.stderr.decode("cp936", "replace")
    document = json.loads(result.stdout.decode("cp936"))
    assert document["alleys"][0]["name"] == "㟖村巷"
    assert "城北街道".encode("cp936") in result.stdout  # the rest stays GBK, readable as it is


def test_text_list_on_a_chinese_windows_console_does_not_crash(guangxi_db, capsys):
    capsys.readouterr()
    result = _command("--db", guangxi_db, "list", "alleys", env={"PYTHONIOENCODING": "cp936"})
    assert result.returncode == 0 and not result.stderr
    assert "\\u37d6村巷" in result.stdout.decode("cp936")


def test_a_reader_that_stops_early_ends_the_command_quietly(demo_db):
    command = subprocess.Popen([*ALLEY_LEDGER, "--db", str(demo_db), "list", "plans", "--json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert command.stdout.read(100).startswith(b'{"plans"')
    command.stdout.close()  # like `| head -c 100`
    stderr = command.stderr.read()
    assert command.wait(timeout=60) == EXIT_READER_GONE
    assert stderr == b""


def test_export_to_stdout_imports_back_from_stdin(demo_db, tmp_path):
    exported = _command("--db", demo_db, "export", "ledger", "-", "--json")
    assert exported.returncode == 0, exported.stderr.decode()
    assert exported.stdout.startswith(b"PK")  # the workbook itself; the report went to stderr
    report = json.loads(exported.stderr.decode())
    assert report["path"] == "-" and report["rows"] > 0
    copy = tmp_path / "copy.db"
    assert _command("--db", copy, "init", "--county", "示例县").returncode == 0
    imported = _command("--db", copy, "import", "-", "--json", stdin=exported.stdout)
    assert imported.returncode == 0, imported.stderr.decode()
    assert json.loads(imported.stdout)["new"] == report["rows"]


def test_csv_export_to_stdout_is_what_a_file_export_holds(demo_db, tmp_path):
    piped = _command("--db", demo_db, "export", "annual-list", "--year", "2023", "-", "--format", "csv")
    assert piped.returncode == 0
    assert _command("--db", demo_db, "export", "annual-list", "--year", "2023", tmp_path / "a.csv").returncode == 0
    assert piped.stdout == (tmp_path / "a.csv").read_bytes()


def test_print_to_stdout_writes_the_pdf_and_reports_on_stderr(demo_db):
    printed = _command("--db", demo_db, "print", "survey-form", "-")
    assert printed.returncode == 0
    assert printed.stdout.startswith(b"%PDF") and printed.stdout.rstrip().endswith(b"%%EOF")
    assert "已生成" in printed.stderr.decode()


def test_format_is_refused_when_a_file_name_says_otherwise(demo_db, tmp_path, capsys):
    code = main(["--db", str(demo_db), "export", "ledger", str(tmp_path / "a.xlsx"), "--format", "csv"])
    assert code == 1 and "--format" in capsys.readouterr().err
    assert not (tmp_path / "a.xlsx").exists()


def test_holiday_table_is_read_from_stdin(tmp_path):
    # a whole year: a table without every statutory holiday is refused (issue 14)
    holiday_csv(tmp_path / "2030.csv")
    table = (tmp_path / "2030.csv").read_bytes()
    result = _command("--db", tmp_path / "h.db", "workdays", "load", "-", "--json", stdin=table)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout) == {"year": 2030, "days_off": 26, "make_up_workdays": 3}


def test_check_strict_exits_non_zero_only_when_errors_are_found(tmp_path, demo_db, capsys):
    db = tmp_path / "x.db"
    shutil.copy(demo_db, db)
    assert main(["--db", str(db), "check", "--json", "--as-of", "2024-12-31"]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["error"] > 0  # the demo county has real mistakes in it
    assert main(["--db", str(db), "check", "--strict", "--as-of", "2024-12-31"]) == EXIT_STRICT
    clean = [r for r, n in summary["by_rule"].items()
             if not any(f["rule"] == r and f["severity"] == "error" for f in _findings(db, capsys))]
    assert clean, "some rule should find no errors in the demo county"
    capsys.readouterr()
    assert main(["--db", str(db), "check", "--strict", "--rule", clean[0], "--as-of", "2024-12-31"]) == 0


def _findings(db: Path, capsys) -> list[dict]:
    capsys.readouterr()
    main(["--db", str(db), "check", "--json", "--as-of", "2024-12-31"])
    return json.loads(capsys.readouterr().out)["findings"]


def test_self_check_does_a_whole_year_in_a_temporary_folder(capsys):
    assert main(["--self-check", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["passed"] and document["version"] == __version__
    assert document["imported_rows"] == document["exported_rows"] > 0
    assert document["pages"] >= 3 and document["backup_bytes"] > 0


def test_self_check_prints_one_line(capsys):
    assert main(["--self-check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("自检通过")


def test_no_command_is_a_chinese_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        main([])
    assert stop.value.code == 2
    assert "缺少参数：命令" in capsys.readouterr().err
