"""The columns of the annual project list (domain.md §2), shared by the PDF, the Excel export and the
program's 年度清单 page. Kept apart from the PDF layout so that reading them does not load reportlab."""

from __future__ import annotations

# (header, width in mm, alignment) of the §2 columns; 277 mm fit between 10 mm margins.
COLUMNS: tuple[tuple[str, float, str], ...] = (
    ("序号", 9, "center"), ("街巷名称", 22, "left"), ("所在街道", 18, "left"), ("所在社区", 18, "left"),
    ("起止点", 28, "left"), ("长度(米)", 13, "right"), ("宽度(米)", 12, "right"), ("类别", 11, "center"),
    ("主要改造内容", 40, "left"), ("总投资(万元)", 17, "right"), ("{region}补助(万元)", 17, "right"),
    ("计划开工", 16, "center"), ("计划完工", 16, "center"), ("建设单位", 26, "left"), ("备注", 14, "left"),
)
