"""The welcome page of a new database: set up the county, load demo data, or import a ledger."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from core.actions import Done, load_demo
from core.browse import county_size
from core.demo import DemoResult
from gui.pages.records import Page
from gui.session import Session
from gui.workers import run_job


class WelcomePage(Page):
    name = "welcome"
    title = "开始"
    shows = frozenset({"alleys", "settings"})

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(self.tr("欢迎使用巷账"), self)
        heading.setStyleSheet("font-size: 24px; font-weight: bold;")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setMaximumWidth(560)
        layout.addWidget(heading)
        layout.addWidget(self.intro)
        self.setup_button = QPushButton(self.tr("设置本县（区）信息"), self)
        self.demo_button = QPushButton(self.tr("装入演示数据（300 条街巷）"), self)
        self.import_button = QPushButton(self.tr("导入 Excel 工作台账…"), self)
        for button in (self.setup_button, self.demo_button, self.import_button):
            button.setMinimumHeight(40)
            button.setMaximumWidth(560)
            layout.addWidget(button)
        self.setup_button.setObjectName("welcome_setup")
        self.demo_button.setObjectName("welcome_demo")
        self.import_button.setObjectName("welcome_import")
        self.setup_button.clicked.connect(lambda: self.window().go_to("settings"))
        self.demo_button.clicked.connect(self.load_demo)
        self.import_button.clicked.connect(lambda: self.window().import_ledger())
        self.job = None

    def refresh(self) -> None:
        alleys = county_size(self.session.ledger)
        county = self.session.county_name()
        self.intro.setText(self.tr(
            "数据库：{0}\n县（区）：{1}；街巷 {2} 条。\n\n"
            "第一次使用，请先设置本县（区）信息；想先看看程序怎么用，可以装入演示数据（之后另建数据库再正式录入）；"
            "已有 Excel 工作台账的，可以直接导入。"
        ).format(self.session.path, county or self.tr("未设置"), alleys))
        self.demo_button.setEnabled(alleys == 0)

    def load_demo(self, alleys: int = 300) -> None:
        path, user = self.session.path, self.session.user

        def job(progress, cancelled):
            from core.store import Ledger

            with Ledger.open(path, user=user) as ledger:
                return load_demo(ledger, alleys=alleys, seed=1, progress=progress, cancel=cancelled)

        def done(result: Done[DemoResult]) -> None:
            self.status_message.emit(self.tr("已装入演示数据：街巷 {0} 条").format(result.result.counts["alleys"]))
            self.announce(result.changes)
            self.window().go_to("alleys")

        self.job = run_job(self, self.tr("装入演示数据"), job, done)
