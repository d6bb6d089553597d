"""统计总览 and 设置. Part 1 gives the overview's year-by-year counts and the county settings form."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from core import browse
from gui.pages.records import Page
from gui.session import Session

STAGES = ("已列入计划", "在建", "已竣工", "已验收", "已归档")


class OverviewPage(Page):
    """Plans of each year by where they stand, against the county's target."""

    name = "overview"
    title = "统计总览"

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(self.heading)
        self.table = QTableWidget(self)
        self.table.setObjectName("overview_table")
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        settings = self.session.settings()
        table = browse.plan_table(self.session.ledger)
        year_i, cat_i, status_i = table.index("year"), table.index("category"), table.index("status")
        years = sorted({r[year_i] for r in table.rows})
        headers = ["年度", "任务(条)", "列入计划", "其中精品类", "精品任务", *STAGES[1:]]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in headers])
        self.table.setRowCount(len(years))
        reached = {"在建": 1, "已竣工": 2, "已验收": 3, "已归档": 4}
        for row, year in enumerate(years):
            rows = [r for r in table.rows if r[year_i] == year]
            stage = Counter(r[status_i] for r in rows)
            target = settings.target_for(year) if settings else None
            values = [year, target.alleys if target else "", len(rows),
                      sum(1 for r in rows if r[cat_i] == "精品类"), target.boutique if target else ""]
            # "started" counts everything that got at least that far
            for name in STAGES[1:]:
                values.append(sum(n for s, n in stage.items() if reached.get(s, 0) >= reached[name]))
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(str(value)))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.heading.setText(self.tr("{0} 各年度改造进展").format(
            settings.name if settings else ""))
