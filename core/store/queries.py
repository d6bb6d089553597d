"""The reads behind the program's screens and listings, in SQL: a few columns of every record in one
query per table (10,000 alleys in about 0.05 s), and the audit log a page at a time. Each returns
plain rows as SQLite gives them (dates as ISO text); :mod:`core.browse` and :mod:`core.audit_view`
turn them into typed rows and words. Screens never build full records for a table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.store.ledger import Ledger

Row = tuple[Any, ...]

_ALLEY_SQL = """
WITH latest AS (
    SELECT p.* FROM plans p
    WHERE p.year = (SELECT MAX(year) FROM plans q WHERE q.alley_id = p.alley_id)
)
SELECT a.id, a.code, a.name, a.subdistrict, a.community, a.area_type, a.length_m,
       l.year, l.category, l.start_on, l.completion_on,
       (SELECT 1 FROM acceptances x WHERE x.plan_id = l.id),
       (SELECT f.filed_on IS NOT NULL OR f.locked_at IS NOT NULL FROM filings f WHERE f.plan_id = l.id),
       EXISTS (SELECT 1 FROM surveys s WHERE s.alley_id = a.id),
       a.chief
FROM alleys a LEFT JOIN latest l ON l.alley_id = a.id
"""

_PLAN_SQL = """
SELECT p.id, a.code, a.name, a.subdistrict, a.community, p.year, p.category, p.total_investment_yuan,
       p.start_on, p.completion_on,
       (SELECT 1 FROM acceptances x WHERE x.plan_id = p.id),
       (SELECT f.filed_on IS NOT NULL OR f.locked_at IS NOT NULL FROM filings f WHERE f.plan_id = p.id),
       p.contract_on
FROM plans p JOIN alleys a ON a.id = p.alley_id
"""

_SURVEY_SQL = """
SELECT s.id, a.code, a.name, a.subdistrict, a.community, s.surveyed_on, s.surveyor, s.lamp_positions,
       s.lamps_working,
       (SELECT COUNT(*) FROM survey_pipes sp WHERE sp.survey_id = s.id AND sp.condition != '良好')
FROM surveys s JOIN alleys a ON a.id = s.alley_id
ORDER BY a.code, s.surveyed_on
"""

_ACCEPTANCE_SQL = """
SELECT p.id, a.code, a.name, a.subdistrict, a.community, p.year, p.category, p.completion_on, x.accepted_on,
       x.result
FROM plans p JOIN alleys a ON a.id = p.alley_id LEFT JOIN acceptances x ON x.plan_id = p.id
ORDER BY p.year, a.code
"""

_FILING_SQL = """
SELECT p.id, a.code, a.name, a.subdistrict, a.community, p.year, p.category, x.accepted_on, x.result,
       f.filed_on, f.locked_at, f.id,
       (SELECT COUNT(*) FROM filing_documents d WHERE d.filing_id = f.id)
FROM plans p JOIN alleys a ON a.id = p.alley_id
     LEFT JOIN acceptances x ON x.plan_id = p.id LEFT JOIN filings f ON f.plan_id = p.id
WHERE x.id IS NOT NULL OR f.id IS NOT NULL
ORDER BY p.year, a.code
"""




def alley_rows(ledger: Ledger) -> list[Row]:
    """(id, code, name, 街道, 社区, area type, length, then the latest plan's year, category, start,
    completion, accepted?, filed?, then has-survey? and the alley chief) of every alley, by code."""
    return ledger.db.execute(_ALLEY_SQL + " ORDER BY a.code").fetchall()


def plan_rows(ledger: Ledger) -> list[Row]:
    """(id, code, name, 街道, 社区, year, category, investment, start, completion, accepted?, filed?,
    contract) of every plan, by year and code."""
    return ledger.db.execute(_PLAN_SQL + " ORDER BY p.year, a.code").fetchall()


def survey_rows(ledger: Ledger) -> list[Row]:
    """(id, code, name, 街道, 社区, date, surveyor, lamp positions, lamps working, pipes with defects)
    of every survey, by code and date."""
    return ledger.db.execute(_SURVEY_SQL).fetchall()


def acceptance_rows(ledger: Ledger) -> list[Row]:
    """(plan id, code, name, 街道, 社区, year, category, completion, accepted on, result) of every plan."""
    return ledger.db.execute(_ACCEPTANCE_SQL).fetchall()


def filing_rows(ledger: Ledger) -> list[Row]:
    """(plan id, code, name, 街道, 社区, year, category, accepted on, result, filed on, locked at,
    filing id, documents) of every accepted or filed plan."""
    return ledger.db.execute(_FILING_SQL).fetchall()


def document_kinds(ledger: Ledger) -> dict[int, set[str]]:
    """The kinds of document each filing holds, by filing id."""
    kinds: dict[int, set[str]] = {}
    for filing_id, kind in ledger.db.execute("SELECT filing_id, kind FROM filing_documents WHERE kind != ''"):
        kinds.setdefault(filing_id, set()).add(kind)
    return kinds


def problem_places(ledger: Ledger) -> dict[int, Row]:
    """(alley code, name, 街道, 社区, source, ticket number) of every problem, by problem id: what
    the 问题台账 shows beside the problem's facts."""
    return {r[0]: r[1:] for r in ledger.db.execute(
        "SELECT r.id, a.code, a.name, a.subdistrict, a.community, r.source, r.ticket_no "
        "FROM problems r JOIN alleys a ON a.id = r.alley_id")}


def alley_count(ledger: Ledger) -> int:
    """How many alleys the county has."""
    return ledger.db.table("alleys").count


def plan_years(ledger: Ledger) -> list[int]:
    """The programme years that have plans, in order."""
    return [r[0] for r in ledger.db.execute("SELECT DISTINCT year FROM plans ORDER BY year")]


def alley_choices(ledger: Ledger) -> list[tuple[int, str, str, str]]:
    """(id, code, name, sub-district) of every alley, for pickers."""
    return [(r[0], r[1], r[2], r[3]) for r in ledger.db.execute(
        "SELECT id, code, name, subdistrict FROM alleys ORDER BY code")]


def alley_places(ledger: Ledger) -> dict[str, tuple[str, str, str]]:
    """(name, 街道, 社区) of every alley, by code."""
    return {code: (name, sub, com) for code, name, sub, com in
            ledger.db.execute("SELECT code, name, subdistrict, community FROM alleys")}


def plans_of_records(ledger: Ledger) -> dict[tuple[str, int], int]:
    """The plan of each acceptance and filing: {("acceptances" | "filings", id): plan id}."""
    found = {("acceptances", i): p for i, p in ledger.db.execute("SELECT id, plan_id FROM acceptances")}
    found |= {("filings", i): p for i, p in ledger.db.execute("SELECT id, plan_id FROM filings")}
    return found


def highest_code_number(ledger: Ledger, prefix: str) -> int:
    """The highest number after ``prefix`` among the alley codes (0 for none), counted in SQLite:
    10,000 codes, no Python loop over them."""
    highest = ledger.db.execute(
        "SELECT MAX(CAST(substr(code, :n + 1) AS INTEGER)) FROM alleys WHERE substr(code, 1, :n) = :prefix "
        "AND length(code) > :n AND substr(code, :n + 1) NOT GLOB '*[^0-9]*'",
        {"n": len(prefix), "prefix": prefix}).fetchone()[0]
    return highest or 0


# ---------------------------------------------------------------- the audit log, a page at a time
AUDIT_COLUMNS = "id, at, who, action, table_name, record_id, record_key, changes, reason, source"


def audit_people(ledger: Ledger) -> list[str]:
    """Everyone who appears in the audit log, sorted."""
    return [r[0] for r in ledger.db.execute("SELECT DISTINCT who FROM audit_log ORDER BY who")]


def audit_where(ledger: Ledger, *, table: str | None, record: str, who: str, since: str | None,
                until: str | None) -> tuple[list[str] | None, list[Any]]:
    """SQL conditions and parameters for the audit entries of a filter (``since`` inclusive and
    ``until`` exclusive as ISO dates); None when nothing can match.

    The date range is turned into a range of ids through the ``audit_by_time`` index first, and the
    kind of record uses ``audit_by_record``; filters without an index (who, the alley) scan the log
    in about 20–30 ms."""
    where: list[str] = []
    params: list[Any] = []
    if since is not None or until is not None:
        since, until = since or "", until or "9999"
        # The ids of the first and last entry in the range come from the time index; the page is then
        # read along the row ids (newest first) instead of sorting every entry of the range.
        low, high = ledger.db.execute("SELECT MIN(id), MAX(id) FROM audit_log WHERE at >= ? AND at < ?",
                                      [since, until]).fetchone()
        if low is None:
            return None, []
        where += ["id BETWEEN ? AND ?", "+at >= ?", "+at < ?"]
        params += [low, high, since, until]
    if table:
        where.append("table_name = ?")
        params.append(table)
    if who.strip():
        where.append("who = ?")
        params.append(who.strip())
    text = record.strip()
    if text:
        exact = ledger.db.execute("SELECT 1 FROM alleys WHERE code = ?", [text]).fetchone()
        if exact:
            where.append("(record_key = ? OR record_key LIKE ? ESCAPE '\\')")
            params += [text, _like(text) + "/%"]
        else:
            codes = [r[0] for r in ledger.db.execute(
                "SELECT code FROM alleys WHERE name LIKE ? ESCAPE '\\' ORDER BY code LIMIT 1000",
                [f"%{_like(text)}%"])]
            clause = "record_key LIKE ? ESCAPE '\\'"
            params.append(f"%{_like(text)}%")
            if codes:
                # an alley's own key is its code; its plans' records are keyed code/year
                marks = ",".join("?" * len(codes))
                clause += (f" OR record_key IN ({marks})"
                           f" OR substr(record_key, 1, instr(record_key, '/') - 1) IN ({marks})")
                params += codes + codes
            where.append(f"({clause})")
    return where, params


def audit_rows(ledger: Ledger, where: list[str], params: list[Any], *, before: int | None, limit: int) -> list[Row]:
    """Up to ``limit`` entries matching ``where``, newest first, older than entry ``before``."""
    page_where, page_params = list(where), list(params)
    if before is not None:
        page_where.append("id < ?")
        page_params.append(before)
    sql = f"SELECT {AUDIT_COLUMNS} FROM audit_log" + _joined(page_where) + " ORDER BY id DESC LIMIT ?"
    return ledger.db.execute(sql, [*page_params, limit]).fetchall()


def audit_count(ledger: Ledger, where: list[str], params: list[Any]) -> int:
    """How many entries match ``where``."""
    return ledger.db.table("audit_log").count_where(" AND ".join(where) or None, params)


def _joined(where: list[str]) -> str:
    return " WHERE " + " AND ".join(where) if where else ""


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
