"""Random cell values thrown at the import: it never crashes, never half-writes, and every
rejection says where."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from core.exchange.importer import commit_import, preview_import
from core.records import CountySettings
from core.store import Ledger

HEADERS = ["街巷名称", "所在街道", "年度", "类别", "总投资(万元)", "长度(米)", "合同签订日期", "竣工日期", "验收结果", "户数"]

cell = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=20),  # what a cell can hold
    st.sampled_from(["达标", "精品类", "合格", "通过", "2023年6月15日", "2023.6.15", "20230615", "2023-13-45",
                     "1,234.5", "１２３", "120米", "1.2公里", "35万元", "=1+1", "合计", " ", "\n", ",", "，"]),
    st.booleans(),  # a TRUE/FALSE cell
    st.integers(min_value=-10**6, max_value=10**9),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cell, min_size=len(HEADERS), max_size=len(HEADERS)), min_size=1, max_size=6))
def test_random_cells_never_crash_or_half_write(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("prop")
    wb = Workbook()
    wb.active.append(HEADERS)
    for row in rows:
        wb.active.append([v.replace(tzinfo=None) if isinstance(v, datetime) else v for v in row])
    wb.save(folder / "random.xlsx")
    with Ledger.open(folder / "p.db") as ledger:
        ledger.save_settings(CountySettings(name="示例县", code="450123"))
        preview = preview_import(ledger, folder / "random.xlsx")
        for result in preview.rows:
            assert result.status in ("new", "updated", "unchanged", "rejected")
            if result.status == "rejected":
                assert result.rejections
                for rejection in result.rejections:
                    assert rejection.sheet and rejection.row >= 2 and rejection.reason
                    assert "第" in rejection.message()
        before = ledger.counts()
        try:
            commit_import(ledger, preview)
        except Exception:
            assert ledger.counts() == before, "a failed import left records behind"
            raise
        written = ledger.counts()
        assert written["alleys"] - before["alleys"] == sum(
            1 for r in preview.rows if r.status == "new" and any(k == "alley" for k, _ in r.records))
