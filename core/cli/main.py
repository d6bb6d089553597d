"""``alley-ledger``: every core job headless, with ``--json`` output for scripts.

Exit status: 0 success, 1 input refused (message on stderr, in Chinese), 2 usage error, 3 ``check
--strict`` found errors, 70 a bug (its traceback in the log, core.messages), 141 the reader of the
output stopped early (``… | head``, as for tools a broken pipe ends). A file argument ``-`` means standard input or output.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import __version__
from core.cli import argparse_zh, streams
from core.cli.streams import input_path, is_stdio, output_path
from core.errors import LedgerError
from core.paths import default_db_path

if TYPE_CHECKING:  # imported by the commands that use them: `alley-ledger --version` starts in 0.05 s
    from core.rules import Dataset, HolidayCalendar
    from core.store import Ledger

argparse_zh.install()

LIST_KINDS = ("alleys", "surveys", "plans", "progress", "acceptances", "filings", "problems")
EXIT_STRICT = 3
EXIT_READER_GONE = 141  # 128 + SIGPIPE: what a shell reports for a tool whose pipe's reader left
EXIT_BUG = 70  # EX_SOFTWARE: the program's own fault, logged

DELETE_KINDS = (
    ("alley", "alleys", "街巷（还有调查、方案或问题时不能删除）"),
    ("survey", "surveys", "调查摸底"),
    ("plan", "plans", "改造方案（还有验收、备案或月调度进度时不能删除；只是移出年度清单的，请撤销方案）"),
    ("progress", None, "月调度进度"),
    ("acceptance", "acceptances", "竣工验收（已有备案归档时不能删除）"),
    ("filing", "filings", "备案归档（连同卷内文件）"),
    ("problem", "problems", "问题台账中的一个问题"),
)
"""(kind, the plural ``list`` uses if it differs, help) of the records ``delete`` names."""

# Placeholders in --help (argparse would show the option's name in capitals, in English).
METAVARS = {
    "db": "文件", "user": "姓名", "county": "名称", "code": "代码", "profile": "配置名",
    "lead_department": "部门", "clerk": "姓名", "alleys": "条数", "seed": "种子", "year": "年度",
    "as_of": "日期", "rule": "规则", "date": "日期", "days": "天数", "file": "文件", "rejects": "文件",
    "out": "输出文件", "alley_code": "街巷编码", "screenshot": "图片.png", "page": "页面", "size": "宽x高",
    "kind": "种类", "format": "格式", "reason": "原因", "on": "日期", "amendment": "原因",
    "backup": "备份文件", "backup_folder": "文件夹", "problem_id": "编号", "record_id": "编号",
}


class Output:
    """Where a command's result goes: one JSON document, or lines of Chinese text.

    When the command's file itself goes to standard output (``-``), the report goes to stderr.
    """

    def __init__(self, as_json: bool):
        self.as_json = as_json
        self.stream = sys.stdout

    def report_to_stderr(self) -> None:
        """Keep standard output for the file the command writes there."""
        self.stream = sys.stderr

    def emit(self, document: dict[str, Any], text: Callable[[], str]) -> None:
        if self.as_json:
            # No indent: json's C encoder only runs without one (10,000 plans: 0.2 s instead of 1.2 s).
            self.stream.write(json.dumps(document, ensure_ascii=False, default=str))
            self.stream.write("\n")
        else:
            self.stream.write(text().rstrip("\n") + "\n")


def _date_arg(value: str) -> date:
    from core.exchange.values import parse_date

    try:
        parsed = parse_date(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise argparse.ArgumentTypeError(f"「{value}」不是日期（例如 2025-09-26）")
    return parsed


def _common() -> argparse.ArgumentParser:
    """Options every subcommand also accepts after its name (``--db`` before or after)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="数据库文件（默认：程序的默认数据库）")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="输出一个 JSON 文档")
    common.add_argument("--user", default=argparse.SUPPRESS, help="操作人姓名（记入操作日志）")
    return common


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and the documentation)."""
    common = _common()
    parser = argparse.ArgumentParser(
        prog="alley-ledger",
        description="巷账：城市背街小巷整治改造提升台账（命令行）",
    )
    parser.add_argument("--version", action="version", version=f"巷账 alley-ledger {__version__}",
                        help="显示版本号并退出")
    parser.add_argument("--self-check", action="store_true", default=False,
                        help="自检：在临时文件夹里演示数据、检查、导出、导入、打印、备份，一行结果，成功退出码为 0")
    parser.add_argument("--db", type=Path, default=None, help="数据库文件（默认：程序的默认数据库）")
    parser.add_argument("--json", action="store_true", default=False, help="输出一个 JSON 文档")
    parser.add_argument("--user", default=None, help="操作人姓名（记入操作日志）")
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("init", parents=[common], help="建立数据库并填写县（区）信息")
    p.add_argument("--county", required=True, help="县（区）名称")
    p.add_argument("--code", default="", help="行政区划代码（6 位）")
    p.add_argument("--profile", default=None, help="政策配置名称（默认 guangxi-2022）")
    p.add_argument("--lead-department", default=None, help="牵头部门")
    p.add_argument("--clerk", default=None, help="经办人")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", parents=[common], help="装入演示数据（只能装入空数据库）")
    p.add_argument("--alleys", type=int, default=300, help="街巷条数（默认 300）")
    p.add_argument("--seed", type=int, default=1, help="随机种子（相同种子生成相同数据）")
    p.add_argument("--if-empty", action="store_true", help="数据库已有街巷时什么也不做（不报错）")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("list", parents=[common], help="列出记录")
    p.add_argument("kind", choices=LIST_KINDS, help="记录种类")
    p.add_argument("--year", type=int, default=None, help="只列出该年度")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("check", parents=[common], help="按政策规则检查（R1–R11）")
    p.add_argument("--year", type=int, default=None, help="只检查该年度")
    p.add_argument("--as-of", type=_date_arg, default=None, help="按哪一天判断期限（默认今天）")
    p.add_argument("--rule", action="append", default=None, help="只运行这些规则，如 R7（可重复）")
    p.add_argument("--strict", action="store_true",
                   help=f"有“错误”级别的问题时以退出码 {EXIT_STRICT} 结束（供脚本判断；警告和提示不算）")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("funding", parents=[common], help="计算自治区补助、奖励、扣回和精品奖补（R7）")
    p.add_argument("--year", type=int, default=None, help="只计算该年度")
    p.add_argument("--as-of", type=_date_arg, default=None, help="按哪一天判断是否扣回（默认今天）")
    p.set_defaults(handler=cmd_funding)

    p = sub.add_parser("workdays", parents=[common], help="工作日计算和节假日表")
    wsub = p.add_subparsers(dest="workdays_command", metavar="操作", required=True)
    w = wsub.add_parser("add", parents=[common], help="从某日起算 N 个工作日后的日期（次日起算）")
    w.add_argument("date", type=_date_arg, help="起算日期，如 2025-09-26")
    w.add_argument("days", type=int, help="工作日天数")
    w.add_argument("--calendar-days", action="store_true", help="按自然日而不是工作日计算")
    w.set_defaults(handler=cmd_workdays_add)
    w = wsub.add_parser("load", parents=[common], help="导入某一年的官方节假日表（CSV 或 Excel：日期,类型,名称）")
    w.add_argument("file", type=Path, help="CSV 或 Excel 文件（- 为标准输入）；类型填“休”或“班”")
    w.set_defaults(handler=cmd_workdays_load)

    p = sub.add_parser("import", parents=[common], help="导入工作台账（Excel、WPS、CSV）")
    p.add_argument("file", type=Path, help=".xlsx / .xls / .ods / .csv 文件（- 为标准输入）")
    p.add_argument("--dry-run", action="store_true", help="只检查、预览，不写入")
    p.add_argument("--rejects", type=Path, default=None,
                   help="把拒收的行和有单元格留空的行连同原因另存为 .xlsx（原表头，改好后可直接再导入；- 为标准输出）")
    p.add_argument("--all-or-nothing", action="store_true", help="有任何一行拒收就什么也不导入")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", parents=[common], help="导出 Excel 或 CSV（工作台账、年度清单）")
    esub = p.add_subparsers(dest="export_command", metavar="表格", required=True)
    w = esub.add_parser("ledger", parents=[common], help="工作台账（每条街巷每个年度一行）")
    w.add_argument("out", type=Path, help="输出的 .xlsx 文件（或 .csv：UTF-8 带 BOM；- 为标准输出）")
    w.add_argument("--format", choices=("xlsx", "csv"), default=None, help="写到标准输出（-）时的格式（默认 xlsx）")
    w.set_defaults(handler=cmd_export_ledger)
    w = esub.add_parser("annual-list", parents=[common], help="年度改造项目清单")
    w.add_argument("--year", type=int, required=True, help="年度")
    w.add_argument("out", type=Path, help="输出的 .xlsx 文件（或 .csv：UTF-8 带 BOM；- 为标准输出）")
    w.add_argument("--format", choices=("xlsx", "csv"), default=None, help="写到标准输出（-）时的格式（默认 xlsx）")
    w.set_defaults(handler=cmd_export_annual_list)
    w = esub.add_parser("findings", parents=[common], help="规则检查结果（与程序“检查结果”页相同）")
    w.add_argument("--year", type=int, default=None, help="只导出该年度")
    w.add_argument("--as-of", type=_date_arg, default=None, help="按哪一天判断期限（默认今天）")
    w.add_argument("out", type=Path, help="输出的 .xlsx 文件（或 .csv：UTF-8 带 BOM；- 为标准输出）")
    w.add_argument("--format", choices=("xlsx", "csv"), default=None, help="写到标准输出（-）时的格式（默认 xlsx）")
    w.set_defaults(handler=cmd_export_findings)

    p = sub.add_parser("print", parents=[common], help="打印文件（生成 PDF）")
    psub = p.add_subparsers(dest="print_command", metavar="文件", required=True)
    w = psub.add_parser("annual-list", parents=[common], help="年度改造项目清单（A4 横向）")
    w.add_argument("--year", type=int, required=True, help="年度")
    w.add_argument("out", type=Path, help="输出的 PDF 文件（- 为标准输出）")
    w.set_defaults(handler=cmd_print_annual_list)
    w = psub.add_parser("filing-packet", parents=[common], help="某条街巷的备案归档案卷")
    w.add_argument("alley_code", help="街巷编码")
    w.add_argument("out", type=Path, help="输出的 PDF 文件（- 为标准输出）")
    w.add_argument("--year", type=int, default=None, help="方案年度（默认最近一年）")
    w.set_defaults(handler=cmd_print_filing_packet)
    w = psub.add_parser("survey-form", parents=[common], help="空白调查摸底表（可预填某条街巷的基本情况）")
    w.add_argument("out", type=Path, help="输出的 PDF 文件（- 为标准输出）")
    w.add_argument("alley_code", nargs="?", default=None, help="街巷编码（可选）")
    w.set_defaults(handler=cmd_print_survey_form)
    w = psub.add_parser("findings", parents=[common], help="规则检查结果（A4 横向）")
    w.add_argument("--year", type=int, default=None, help="只打印该年度")
    w.add_argument("--as-of", type=_date_arg, default=None, help="按哪一天判断期限（默认今天）")
    w.add_argument("out", type=Path, help="输出的 PDF 文件（- 为标准输出）")
    w.set_defaults(handler=cmd_print_findings)
    w = psub.add_parser("manual", parents=[common], help="使用说明（安装、第一次打开、导入台账、备份、节假日表、换电脑）")
    w.add_argument("out", type=Path, help="输出的 PDF 文件（- 为标准输出）")
    w.set_defaults(handler=cmd_print_manual)

    p = sub.add_parser("withdraw", parents=[common], help="撤销某条街巷某年度的方案（保留记录，移出年度清单）")
    p.add_argument("alley_code", help="街巷编码")
    p.add_argument("--year", type=int, required=True, help="方案年度")
    p.add_argument("--reason", default="", help="撤销原因（撤销时必须填写）")
    p.add_argument("--on", type=_date_arg, default=None, help="撤销日期（默认今天）")
    p.add_argument("--amendment", default="", help="方案已归档锁定时的更正原因")
    p.add_argument("--undo", action="store_true", help="恢复已撤销的方案")
    p.set_defaults(handler=cmd_withdraw)

    p = sub.add_parser("delete", parents=[common], help="删除一条录错或录重的记录（原记录留在操作日志中）")
    dsub = p.add_subparsers(dest="delete_kind", metavar="种类", required=True)
    deleting = argparse.ArgumentParser(add_help=False)
    deleting.add_argument("--reason", default="", help="删除原因（记入操作日志；已归档锁定方案的记录必须填写）")
    deleting.add_argument("--yes", action="store_true", help="不再询问（在脚本、管道中运行时必须加）")
    for kind, alias, text in DELETE_KINDS:
        w = dsub.add_parser(kind, aliases=[alias] if alias else [], parents=[common, deleting], help=text)
        if kind == "problem":
            w.add_argument("problem_id", type=int, help="问题编号（列出问题时的“编号”一列）")
        else:
            w.add_argument("alley_code", help="街巷编码")
        if kind in ("plan", "progress", "acceptance", "filing"):
            w.add_argument("--year", type=int, required=True, help="方案年度")
        if kind in ("survey", "progress"):
            day, only = ("调查日期", "该街巷只有一份") if kind == "survey" else ("填报日期", "该方案只有一条")
            w.add_argument("--on", type=_date_arg, default=None, help=f"{day}（{only}时可省略）")
            w.add_argument("--id", type=int, default=None, dest="record_id", help="编号（同一天有两份时用它区分）")
        w.set_defaults(handler=cmd_delete, record_kind=kind, delete_parser=w)

    p = sub.add_parser("backup", parents=[common], help="把数据库（含附件）完整备份到一个文件")
    p.add_argument("out", type=Path, help="备份文件路径（- 为标准输出）")
    p.add_argument("--overwrite", action="store_true", help="覆盖已存在的备份文件")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", parents=[common],
                       help="从备份恢复数据库（先检查备份、把当前数据库另行备份，再安全替换）")
    p.add_argument("backup", type=Path, help="备份文件（.db）")
    p.add_argument("--backup-folder", type=Path, default=None,
                   help="当前数据库恢复前的备份放在哪个文件夹（默认：数据库旁的“备份”文件夹）")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("doctor", parents=[common],
                       help="检查数据库：文件完整性、记录关联、操作日志校验链、归档封存、附件")
    p.add_argument("--quick", action="store_true", help="快速检查（打开程序时做的那种，不逐个读附件）")
    p.set_defaults(handler=cmd_doctor)

    p = sub.add_parser("diagnostics", parents=[common],
                       help="打包诊断信息（版本、日志、数据库检查结果；默认不含数据）给技术人员")
    p.add_argument("out", type=Path, help="输出的压缩包（文件名以 .zip 结尾）")
    p.add_argument("--include-data", action="store_true", help="连同数据库（含全部记录和附件）一起打包")
    p.set_defaults(handler=cmd_diagnostics)

    p = sub.add_parser("info", parents=[common], help="显示数据库位置、版本和记录数")
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("gui", parents=[common], help="打开桌面程序")
    p.add_argument("--screenshot", type=Path, default=None, help="打开窗口、等数据显示后存为 PNG 并退出")
    p.add_argument("--page", default=None, help="截图前切换到的页面，如 alleys、plans、annual")
    p.add_argument("--size", default=None, help="截图时的窗口大小，如 1400x860")
    p.set_defaults(handler=cmd_gui)
    _chinese_metavars(parser)
    return parser


def _chinese_metavars(parser: argparse.ArgumentParser) -> None:
    """Give every option and argument a Chinese placeholder in --help, in all subcommands."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in set(action.choices.values()):
                _chinese_metavars(subparser)
        elif action.metavar is None and action.nargs != 0 and action.choices is None and action.dest in METAVARS:
            action.metavar = METAVARS[action.dest]


# ------------------------------------------------------------------ helpers
def _db_path(args: argparse.Namespace) -> Path:
    return args.db if args.db is not None else default_db_path()


def _open(args: argparse.Namespace, *, create: bool = False, mode: str = "shared") -> Ledger:
    """The database of ``args``: ``mode="write"`` for commands that change data (they become its one
    writer, or are refused naming who writes now), ``shared`` for those that read."""
    from core.store import Ledger

    path = _db_path(args)
    if not create and not path.exists():
        raise LedgerError(f"数据库文件「{path}」不存在；请先运行 init 建立，或 demo 装入演示数据")
    if create and path.exists() and path.stat().st_size == 0 and args.command not in ("init", "demo"):
        # A 0-byte file is a database whose copy or save broke off: made into an empty new one, the
        # clerk would not notice the data is gone.
        create = False
    return Ledger.open(path, user=args.user, create=create, mode=mode, program=f"巷账命令行（{args.command}）")


def _check_out(path: Path | None) -> None:
    """Refuse an output file before any work is done (never over a database or a file in use)."""
    from core.outputs import check_output

    if path is not None and not is_stdio(path):
        check_output(path)


def _dataset(ledger: Ledger, as_of: date | None) -> Dataset:
    from core.rules import Dataset

    # The records live until the command ends and form no cycles: without the collector rescanning
    # the growing heap, `check` over 10,000 alleys takes a third less time.
    gc.disable()
    return Dataset.from_ledger(ledger, as_of=as_of)


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain text table that lines up Chinese (two columns wide) and Latin characters."""
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(width(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


COUNT_LABELS = {"alleys": "街巷", "surveys": "调查摸底", "plans": "改造方案", "progress_reports": "月调度进度",
                "acceptances": "竣工验收", "filings": "备案归档", "problems": "问题", "attachments": "附件",
                "audit_log": "操作日志"}


def _counts_table(counts: dict[str, int]) -> str:
    return _table(["记录", "条数"], [(COUNT_LABELS.get(k, k), v) for k, v in counts.items()])


def _wan(yuan: int) -> str:
    from core.money import wan

    return wan(yuan, thousands=True)


# ------------------------------------------------------------------ commands
def cmd_init(args: argparse.Namespace, out: Output) -> int:
    from core.actions import save_settings
    from core.records import CountySettings
    from core.records.common import build

    with _open(args, create=True, mode="write") as ledger:
        current = ledger.settings()
        data = current.model_dump() if current else {}
        data.update({"name": args.county})
        if args.code:
            data["code"] = args.code
        for field in ("profile", "lead_department", "clerk"):
            value = getattr(args, field)
            if value is not None:
                data[field] = value
        settings = save_settings(ledger, build(CountySettings, data)).result
        document = {"db": str(ledger.path), "county": settings.model_dump(), "schema_version": ledger.schema_version,
                    "created": current is None}
    out.emit(document, lambda: f"{'已建立' if current is None else '已更新'}数据库：{document['db']}\n"
                                f"县（区）：{settings.name}  代码：{settings.code or '未填'}  政策配置：{settings.profile}")
    return 0


def cmd_demo(args: argparse.Namespace, out: Output) -> int:
    from core.actions import load_demo

    def progress(percent: int, text: str) -> None:
        if not out.as_json and sys.stderr.isatty():
            sys.stderr.write(f"\r{percent:3d}% {text}    ")
            sys.stderr.flush()

    with _open(args, create=True, mode="write") as ledger:
        existing = ledger.counts()
        if args.if_empty and existing["alleys"]:
            document: dict[str, Any] = {"db": str(ledger.path), "seed": None, "counts": existing, "skipped": True}
            out.emit(document, lambda: f"数据库 {document['db']} 已有 {existing['alleys']} 条街巷，未装入演示数据")
            return 0
        result = load_demo(ledger, alleys=args.alleys, seed=args.seed, progress=progress).result
        if not out.as_json and sys.stderr.isatty():
            sys.stderr.write("\n")
        document = {"db": str(ledger.path), "seed": result.seed, "counts": result.counts, "skipped": False}
    out.emit(document, lambda: f"已装入演示数据（随机种子 {result.seed}）到 {document['db']}：\n" + _counts_table(result.counts))
    return 0


def cmd_list(args: argparse.Namespace, out: Output) -> int:
    from core.listing import list_records

    with _open(args) as ledger:
        rows, headers = list_records(ledger, args.kind, year=args.year)
    out.emit({args.kind: rows}, lambda: _table([h for _, h in headers], [[r.get(k) for k, _ in headers] for r in rows])
             + f"\n共 {len(rows)} 条")
    return 0


def cmd_check(args: argparse.Namespace, out: Output) -> int:
    from core.rules import RULES, check

    unknown = [r for r in (args.rule or []) if r.upper() not in RULES]
    if unknown:
        raise LedgerError(f"没有规则「{'、'.join(unknown)}」（可选：{'、'.join(RULES)}）")
    with _open(args) as ledger:
        ds = _dataset(ledger, args.as_of)
        findings = check(ds, year=args.year, rules=[r.upper() for r in args.rule] if args.rule else None)
    counts = Counter(f.severity for f in findings)
    document = {
        "as_of": ds.as_of.isoformat(),
        "year": args.year,
        "summary": {"error": counts["error"], "warning": counts["warning"], "info": counts["info"],
                    "by_rule": dict(sorted(Counter(f.rule for f in findings).items(), key=lambda kv: int(kv[0][1:])))},
        "findings": [f.to_json() for f in findings],
    }

    def text() -> str:
        rows = [(f.rule, f.severity_label, f.alley_code or "全县", f.year or "", f.message) for f in findings]
        summary = f"共 {len(findings)} 条：错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}（按 {ds.as_of} 判断期限）"
        return (_table(["规则", "级别", "街巷编码", "年度", "问题"], rows) + "\n" + summary) if rows else summary
    out.emit(document, text)
    return EXIT_STRICT if args.strict and counts["error"] else 0


def cmd_funding(args: argparse.Namespace, out: Output) -> int:
    from core.rules import funding, totals, totals_by_year

    with _open(args) as ledger:
        ds = _dataset(ledger, args.as_of)
        lines = funding(ds, year=args.year)
        names = {a.code: a.name for a in ds.alleys}
    plans = [
        {"alley_code": code, "alley_name": names.get(code, ""), **line.to_json()}
        for line, code in lines
    ]
    only = [line for line, _ in lines]
    document = {
        "as_of": ds.as_of.isoformat(),
        "year": args.year,
        "plans": plans,
        "totals": totals(only),
        "by_year": {str(y): t for y, t in totals_by_year(only).items()},
    }

    def text() -> str:
        rows = [(p["alley_code"], p["alley_name"], p["year"], p["category"], _wan(p["total_investment_yuan"]),
                 _wan(p["subsidy_yuan"]), _wan(p["bonus_yuan"]), _wan(p["clawback_yuan"]),
                 _wan(p["boutique_award_yuan"]), _wan(p["total_yuan"])) for p in plans]
        t = document["totals"]
        rows.append(("合计", f"{t['plans']} 个方案", "", "", _wan(t["total_investment_yuan"]), _wan(t["subsidy_yuan"]),
                     _wan(t["bonus_yuan"]), _wan(t["clawback_yuan"]), _wan(t["boutique_award_yuan"]), _wan(t["total_yuan"])))
        return "金额单位：万元\n" + _table(
            ["街巷编码", "街巷名称", "年度", "类别", "总投资", "补助", "奖励", "扣回", "精品奖补", "合计"], rows)
    out.emit(document, text)
    return 0


def _calendar(args: argparse.Namespace) -> HolidayCalendar:
    """The holiday calendar, with tables loaded into the database if there is one (none is needed)."""
    from core.rules import HolidayCalendar

    path = _db_path(args)
    if not path.exists():
        return HolidayCalendar()
    with _open(args) as ledger:
        return HolidayCalendar.from_ledger(ledger)


def cmd_workdays_add(args: argparse.Namespace, out: Output) -> int:
    if not 0 <= args.days <= 3650:
        raise LedgerError(f"天数应在 0 到 3650 之间：{args.days}")
    calendar = _calendar(args)
    due = calendar.add(args.date, args.days, "calendar" if args.calendar_days else "working")
    document = {
        "date": due.date.isoformat(),
        "provisional": due.provisional,
        "start": args.date.isoformat(),
        "days": args.days,
        "unit": "calendar" if args.calendar_days else "working",
        "missing_years": list(due.missing_years),
    }
    weekday = "一二三四五六日"[due.date.weekday()]
    note = (f"\n注意：{'、'.join(map(str, due.missing_years))}年尚无官方节假日安排，按周一至周五估算（暂定），"
            "可用 workdays load 导入该年节假日表") if due.provisional else ""
    unit = "个自然日" if args.calendar_days else "个工作日"
    out.emit(document, lambda: f"{args.date} 起 {args.days} {unit}：{due.date}（星期{weekday}）{note}")
    return 0


def cmd_workdays_load(args: argparse.Namespace, out: Output) -> int:
    from core.actions import load_holidays
    from core.exchange.holidays import read_holiday_file

    with input_path(args.file) as path:
        _, days, _ = read_holiday_file(path)  # a file that is not a holiday table makes no database
        with _open(args, create=True, mode="write") as ledger:
            year = load_holidays(ledger, path).result
    document = {"year": year, "days_off": sum(1 for w in days.values() if not w),
                "make_up_workdays": sum(1 for w in days.values() if w)}
    out.emit(document, lambda: f"已导入 {year} 年节假日表：放假 {document['days_off']} 天，调休上班 {document['make_up_workdays']} 天")
    return 0


def cmd_import(args: argparse.Namespace, out: Output) -> int:
    from core.actions import import_ledger
    from core.exchange.importer import KIND_TEXT, KINDS, preview_import, write_rejects
    from core.outputs import holding

    if is_stdio(args.rejects):
        out.report_to_stderr()
    _check_out(args.rejects)
    mode = "shared" if args.dry_run else "write"
    with input_path(args.file) as source, holding(source), _open(args, create=True, mode=mode) as ledger:
        preview = preview_import(ledger, source)
        if not args.dry_run:
            import_ledger(ledger, preview, all_or_nothing=args.all_or_nothing)
    if args.rejects is not None:
        with output_path(args.rejects, ".xlsx") as rejects:
            write_rejects(preview, rejects)
    document = preview.to_json()

    def text() -> str:
        lines = [f"{'预览（未写入）' if args.dry_run else '已导入'} {preview.file}：新增 {document['new']} 行，"
                 f"更新 {document['updated']} 行，未变 {document['unchanged']} 行，拒收 {document['rejected']} 行，"
                 f"跳过空行、合计行、签字行等 {document['skipped_rows']} 行"]
        lines += [f"  工作表「{s['name']}」：{'使用' if s['used'] else '跳过'}（{s['reason']}）" for s in document["sheets"]]
        if document["unknown_columns"]:
            lines.append(f"  未识别的列（已随记录保存）：{'、'.join(document['unknown_columns'])}")
        label = KIND_TEXT
        notices = [n for r in preview.rows for n in r.notices]
        counts = Counter(n.kind for n in preview.warnings)
        if counts:
            lines.append("  单元格：" + "，".join(f"{label[k]} {counts[k]} 处" for k in KINDS if counts[k]))
        lines += [f"  {label[n.kind]}：{n.message()}" for n in notices[:50]]
        if len(notices) > 50:
            lines.append(f"  ……另有 {len(notices) - 50} 处，请用 --rejects 导出需要处理的行")
        if preview.backup:
            lines.append(f"  导入前已备份数据库：{preview.backup}")
        return "\n".join(lines)

    out.emit(document, text)
    return 1 if preview.needs_attention else 0


def cmd_withdraw(args: argparse.Namespace, out: Output) -> int:
    from core.actions import reinstate_plan, withdraw_plan

    with _open(args, mode="write") as ledger:
        alley = ledger.alley(args.alley_code)
        plan = next((p for p in ledger.plans(alley_id=alley.id) if p.year == args.year), None)
        if plan is None:
            raise LedgerError(f"街巷「{alley.name}」（{alley.code}）没有 {args.year} 年的方案")
        if args.undo:
            plan = reinstate_plan(ledger, plan, amendment=args.amendment).result
        else:
            plan = withdraw_plan(ledger, plan, on=args.on, reason=args.reason, amendment=args.amendment).result
    document = {"alley_code": alley.code, "year": plan.year, "withdrawn": plan.withdrawn,
                "withdrawn_on": plan.withdrawn_on.isoformat() if plan.withdrawn_on else None,
                "withdrawn_reason": plan.withdrawn_reason}
    out.emit(document, lambda: (f"已撤销 {alley.name} {plan.year} 年方案（{plan.withdrawn_on}：{plan.withdrawn_reason}），"
                                "不再列入年度清单") if plan.withdrawn else f"已恢复 {alley.name} {plan.year} 年方案")
    return 0


def cmd_delete(args: argparse.Namespace, out: Output) -> int:
    from core.actions import delete_record
    from core.errors import LockedRecord
    from core.lookup import find_record

    # Asked before anything is opened: a script must say --yes, a clerk at the console is asked.
    interactive = not args.yes and sys.stdin is not None and sys.stdin.isatty()
    if not args.yes and not interactive:
        args.delete_parser.error("删除前须确认：不在终端中运行（脚本、管道）时请加 --yes")
    reason = args.reason.strip()
    # Shared, not the write lock: while the clerk reads the question, the window and other commands
    # may go on writing; the delete takes the lock for its moment only, and refuses a record
    # changed since it was found here (core.errors.Conflict).
    with _open(args, mode="shared") as ledger:
        problem_id = getattr(args, "problem_id", None)
        record = find_record(ledger, args.record_kind, alley_code=getattr(args, "alley_code", None),
                             year=getattr(args, "year", None), on=getattr(args, "on", None),
                             record_id=problem_id if problem_id is not None else getattr(args, "record_id", None))
        refused = ledger.delete_refusal(record)
        if refused:
            raise LedgerError(refused)
        locked = ledger.locked_by(record)
        if locked and not reason:  # refused before the question, not after the clerk said yes
            raise LedgerError(f"{ledger.record_title(record)}属于 {locked[:10]} 归档锁定的案卷，删除须作为“更正”"
                              "并填写原因（记入操作日志）。请加 --reason 写明更正原因")
        if interactive:
            sys.stderr.write(f"{ledger.delete_question(record)}[y/N] ")
            sys.stderr.flush()
            if sys.stdin.readline().strip().lower() not in ("y", "yes", "是", "删除"):
                raise LedgerError("没有删除任何记录")
        try:
            deleted = delete_record(ledger, record, reason=reason, source="命令行").result
        except LockedRecord as error:
            raise LedgerError(f"{error}。请加 --reason 写明更正原因") from None
    document = {"deleted": deleted.identity, "title": deleted.title, "reason": reason,
                "audit_id": deleted.audit_id, "unlocked_plan": deleted.unlocked_plan}
    unlocked = f"；{deleted.unlocked_text()}" if deleted.unlocked_plan else ""
    out.emit(document, lambda: f"已删除{deleted.title}；原记录保存在操作日志第 {deleted.audit_id} 条{unlocked}")
    return 0


def cmd_export_ledger(args: argparse.Namespace, out: Output) -> int:
    from core.exchange.export import export_ledger

    with _open(args) as ledger, _output(args, out) as target:
        result = export_ledger(ledger, target)
    document = {"path": _shown(args.out, result.path), "rows": result.rows, "extra_columns": result.extra_columns}
    out.emit(document, lambda: f"已导出工作台账 {document['path']}（{result.rows} 行）")
    return 0


def cmd_export_annual_list(args: argparse.Namespace, out: Output) -> int:
    from core.annual import annual_list_data
    from core.exchange.export import export_annual_list

    with _open(args) as ledger, _output(args, out) as target:
        result = export_annual_list(annual_list_data(ledger, args.year), target)
    document = {"path": _shown(args.out, result.path), "rows": result.rows, "year": args.year}
    out.emit(document, lambda: f"已导出 {args.year} 年改造项目清单 {document['path']}（{result.rows} 行）")
    return 0


def cmd_export_findings(args: argparse.Namespace, out: Output) -> int:
    from core.exchange.lists import export_findings
    from core.findings_view import gather_findings

    with _open(args) as ledger:
        data = gather_findings(ledger, args.year, as_of=args.as_of)
    with _output(args, out) as target:
        result = export_findings(data, target)
    document = {"path": _shown(args.out, result.path), "rows": result.rows, "year": args.year,
                "as_of": data.as_of.isoformat()}
    out.emit(document, lambda: f"已导出检查结果 {document['path']}（{result.rows} 条）")
    return 0


def _printed(out: Output, path: Path, render: Callable[[], int], extra: dict[str, Any] | None = None,
             *, shown: Path | None = None) -> int:
    """Run ``render`` (which writes the PDF at ``path`` and returns its pages) and report it, with
    the characters the font could not draw (printed blank); ``shown`` is the path the clerk gave."""
    from core.printing.base import missing_glyphs, missing_text

    with missing_glyphs() as missing:
        pages = render()
    name = _shown(shown, path) if shown is not None else str(path)
    document = {"path": name, "pages": pages, "bytes": path.stat().st_size, **(extra or {}),
                "missing_characters": list(missing)}
    out.emit(document, lambda: "\n".join(filter(None, [f"已生成 {name}（共 {pages} 页）", missing_text(missing)])))
    return 0


@contextlib.contextmanager
def _printing(args: argparse.Namespace, out: Output) -> Iterator[Path]:
    """The PDF's path: ``args.out``, or a temporary file that goes to standard output (``-``)."""
    if is_stdio(args.out):
        out.report_to_stderr()
    _check_out(args.out)
    with output_path(args.out, ".pdf") as path:
        yield path


def _output(args: argparse.Namespace, out: Output) -> contextlib.AbstractContextManager[Path]:
    """An export's target: ``args.out``, or for ``-`` a temporary file of ``--format`` whose bytes
    go to standard output."""
    if not is_stdio(args.out):
        if args.format and args.out.suffix.lower() != f".{args.format}":
            raise LedgerError(f"--format {args.format} 只用于输出到标准输出（-）；写文件时由扩展名决定格式")
        return contextlib.nullcontext(args.out)
    out.report_to_stderr()
    fmt = args.format or "xlsx"
    return output_path(args.out, f".{fmt}", binary=fmt != "csv")


def _shown(given: Path, written: str | Path) -> str:
    """The path a report names: ``-`` for standard output."""
    return streams.STDIO if is_stdio(given) else str(written)


def cmd_print_annual_list(args: argparse.Namespace, out: Output) -> int:
    from core.annual import annual_list_data
    from core.printing.annual_list import render_annual_list

    _check_out(args.out)
    with _open(args) as ledger:
        data = annual_list_data(ledger, args.year)
    with _printing(args, out) as path:
        return _printed(out, path, lambda: render_annual_list(data, path),
                        {"year": args.year, "rows": len(data.rows), "total_investment_yuan": data.total_investment_yuan,
                         "withdrawn": data.withdrawn}, shown=args.out)


def cmd_print_filing_packet(args: argparse.Namespace, out: Output) -> int:
    from core.printing.filing_packet import filing_packet_data, render_filing_packet

    _check_out(args.out)
    with _open(args) as ledger:
        data = filing_packet_data(ledger, args.alley_code, year=args.year)
    with _printing(args, out) as path:
        return _printed(out, path, lambda: render_filing_packet(data, path),
                        {"alley_code": data.alley.code, "year": data.plan.year, "complete": not data.missing,
                         "missing": data.missing, "photos": len(data.photos)}, shown=args.out)


def cmd_print_survey_form(args: argparse.Namespace, out: Output) -> int:
    from core.printing.survey_form import render_survey_form, survey_form_data

    _check_out(args.out)
    if args.alley_code:
        with _open(args) as ledger:
            data = survey_form_data(ledger, args.alley_code)
    elif _db_path(args).exists():
        with _open(args) as ledger:
            data = survey_form_data(ledger)
    else:
        from core.printing.survey_form import SurveyForm

        data = SurveyForm(county="", alley=None)
    with _printing(args, out) as path:
        return _printed(out, path, lambda: render_survey_form(data, path), {"alley_code": args.alley_code},
                        shown=args.out)


def cmd_print_manual(args: argparse.Namespace, out: Output) -> int:
    from core.printing.manual import render_manual

    with _printing(args, out) as path:
        return _printed(out, path, lambda: render_manual(path), shown=args.out)


def cmd_print_findings(args: argparse.Namespace, out: Output) -> int:
    from core.findings_view import gather_findings
    from core.printing.findings_report import render_findings

    with _open(args) as ledger:
        data = gather_findings(ledger, args.year, as_of=args.as_of)
    with _printing(args, out) as path:
        return _printed(out, path, lambda: render_findings(data, path),
                        {"year": args.year, "as_of": data.as_of.isoformat(), "findings": len(data.rows),
                         **data.counts()}, shown=args.out)


def cmd_backup(args: argparse.Namespace, out: Output) -> int:
    if is_stdio(args.out):
        out.report_to_stderr()
    with _open(args) as ledger, output_path(args.out, ".db") as target:
        document = ledger.backup(target, overwrite=args.overwrite)
        document["path"] = _shown(args.out, document["path"])
    out.emit(document, lambda: f"已备份到 {document['path']}（{document['bytes'] / 1024 / 1024:.1f} MB，校验值 {document['sha256'][:16]}…）")
    return 0


def cmd_restore(args: argparse.Namespace, out: Output) -> int:
    from core.actions import restore_backup

    document = restore_backup(_db_path(args), args.backup, backup_folder=args.backup_folder, user=args.user).result
    previous = f"；恢复前的数据库已备份到 {document['previous']}" if document["previous"] else ""
    out.emit(document, lambda: f"已从备份 {document['restored_from']} 恢复数据库 {document['db']}"
                                f"（{document['counts']['alleys']} 条街巷）{previous}")
    return 0


def cmd_doctor(args: argparse.Namespace, out: Output) -> int:
    from core.store.doctor import examine

    path = _db_path(args)
    if not path.exists():
        raise LedgerError(f"数据库文件「{path}」不存在")
    report = examine(path, quick=args.quick)
    out.emit(report.to_json(), report.text)
    return 0 if report.ok else EXIT_STRICT


def cmd_diagnostics(args: argparse.Namespace, out: Output) -> int:
    from core.diagnostics import pack

    document = pack(args.out, _db_path(args), include_data=args.include_data)
    out.emit(document, lambda: f"已打包诊断信息 {document['path']}（{document['bytes'] / 1024:.0f} KB，"
                                f"{'含' if args.include_data else '不含'}数据库）：" + "、".join(document["files"]))
    return 0


def cmd_info(args: argparse.Namespace, out: Output) -> int:
    with _open(args) as ledger:
        settings = ledger.settings()
        counts = ledger.counts()
        document = {"db": str(ledger.path), "schema_version": ledger.schema_version,
                    "county": settings.model_dump() if settings else None,
                    "profile": ledger.profile().id, "counts": counts}
    out.emit(document, lambda: f"数据库：{document['db']}\n结构版本：{document['schema_version']}\n"
                                f"县（区）：{settings.name if settings else '未设置'}\n" + _counts_table(counts))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    streams.never_fail_to_encode(sys.stdout)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None and not args.self_check:
        parser.error(argparse._("the following arguments are required: %s") % "命令")  # type: ignore[attr-defined]
    out = Output(bool(args.json))
    try:
        if args.command is None:
            from core.cli.selfcheck import self_check

            return self_check(out)
        status = args.handler(args, out)
        if sys.stdout is not None:
            sys.stdout.flush()  # here, where a reader that left can be told apart from a bug
        return status
    except LedgerError as error:
        return _refused(out, str(error))
    except KeyboardInterrupt:
        sys.stderr.write("已取消\n")
        return 130
    except OSError as error:
        if sys.stdout is not None and streams.reader_gone(error):
            streams.silence_stdout()
            return EXIT_READER_GONE
        return _failed(out, error, args)
    except Exception as error:  # noqa: BLE001 - the one place failures are caught: said, bugs logged
        return _failed(out, error, args)


def _failed(out: Output, error: BaseException, args: argparse.Namespace) -> int:
    """Tell the clerk what failed (core.messages: the same words as the desktop program); a bug's
    traceback goes to the log, and the exit status says it was one."""
    from core.messages import SEND_FROM_COMMAND_LINE, message_for

    db = _db_path(args) if getattr(args, "command", None) else None
    message = message_for(error, db=db, where="命令行", send=SEND_FROM_COMMAND_LINE)
    if message.is_bug:
        sys.stderr.write(f"错误：{message.text}\n")
        return EXIT_BUG
    return _refused(out, message.text)


def _refused(out: Output, text: str) -> int:
    """Tell the clerk why the command refused (stderr; and a JSON document with --json)."""
    sys.stderr.write(f"错误：{text}\n")
    if out.as_json:
        json.dump({"error": text}, out.stream, ensure_ascii=False)
        out.stream.write("\n")
    return 1


def cmd_gui(args: argparse.Namespace, out: Output) -> int:
    # The desktop program lives in gui/ (PySide6); core never imports Qt, so it is loaded by name
    # only when this command runs. The frozen build finds it because build.spec builds the
    # windowed program from gui/__main__.py in the same analysis (and collects gui's submodules).
    import importlib

    argv = [] if args.db is None else ["--db", str(args.db)]
    if args.user:
        argv += ["--user", args.user]
    for option in ("screenshot", "page", "size"):
        value = getattr(args, option)
        if value is not None:
            argv += [f"--{option}", str(value)]
    return importlib.import_module("gui.app").main(argv)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
