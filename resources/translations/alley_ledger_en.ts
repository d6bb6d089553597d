<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AcceptancesPage</name>
    <message>
        <location filename="../../gui/pages/later.py" line="38"/>
        <source>验收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/later.py" line="39"/>
        <source>参建单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/later.py" line="41"/>
        <source>问题和整改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/later.py" line="42"/>
        <source>路灯</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/later.py" line="43"/>
        <source>评价</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlleysPage</name>
    <message>
        <location filename="../../gui/pages/library.py" line="34"/>
        <source>基本情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="36"/>
        <source>人口和商户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="37"/>
        <source>街巷长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="38"/>
        <source>起止点坐标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="39"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="50"/>
        <source>新街巷</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnualListPage</name>
    <message>
        <location filename="../../gui/pages/annual.py" line="49"/>
        <source>年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="58"/>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="60"/>
        <source>打印预览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="91"/>
        <source>{0} 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="103"/>
        <source>正在读取……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="112"/>
        <source>读取年度清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="120"/>
        <source>县定任务 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="120"/>
        <source>未填写年度任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="121"/>
        <source>精品任务 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="124"/>
        <source>，比任务少 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="126"/>
        <source>列入清单 {0} 条（达标类 {1}，精品类 {2}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="128"/>
        <source>总投资 {0} 万元，{1}补助 {2} 万元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="132"/>
        <source>另有 {0} 个方案未批复，未列入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="140"/>
        <location filename="../../gui/pages/annual.py" line="150"/>
        <source>导出年度清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="140"/>
        <location filename="../../gui/pages/annual.py" line="182"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="151"/>
        <location filename="../../gui/pages/annual.py" line="194"/>
        <source>已导出 {0} 行到 {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="174"/>
        <source>生成年度清单 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="182"/>
        <location filename="../../gui/pages/annual.py" line="196"/>
        <source>导出工作台账</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../gui/fields.py" line="185"/>
        <source>从日历选择</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilingsPage</name>
    <message>
        <location filename="../../gui/pages/later.py" line="60"/>
        <source>备案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/later.py" line="62"/>
        <source>归档</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../gui/import_wizard.py" line="45"/>
        <source>导入 Excel 工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="56"/>
        <source>选择要导入的工作台账（.xlsx、.xls、.ods 或 .csv）。程序会先逐行检查并显示结果，确认后才写入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="60"/>
        <source>浏览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="85"/>
        <source>有拒收的行时全部不导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="96"/>
        <source>保存拒收的行…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="105"/>
        <source>上一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="106"/>
        <location filename="../../gui/import_wizard.py" line="125"/>
        <source>检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="109"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="125"/>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="126"/>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="133"/>
        <source>选择工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="134"/>
        <source>表格文件 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="151"/>
        <source>请先选择要导入的文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="159"/>
        <source>检查工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="164"/>
        <source>文件「{0}」：新增 {1} 行，更新 {2} 行，不变 {3} 行，拒收 {4} 行；跳过空行、合计行等 {5} 行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="168"/>
        <source>工作表「{0}」：{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="169"/>
        <source>已读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="169"/>
        <source>未读取（{0}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="171"/>
        <source>程序不认识的列（数值会随记录保存并在导出时带上）：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="202"/>
        <source>导入工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="208"/>
        <source>已导入：新增 {0} 行，更新 {1} 行；不变 {2} 行，拒收 {3} 行。
导入前的数据库已备份到：{4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="210"/>
        <source>（没有写入，不需要备份）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="220"/>
        <source>保存拒收的行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="220"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../gui/workers.py" line="69"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/workers.py" line="89"/>
        <source>正在取消……</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="126"/>
        <source>未设置县（区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="144"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="146"/>
        <source>最近打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="153"/>
        <source>编辑(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="161"/>
        <source>打印(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="163"/>
        <source>转到(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="191"/>
        <location filename="../../gui/main_window.py" line="199"/>
        <source>打开数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="192"/>
        <source>巷账数据库 (*.db);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../gui/pages/overview.py" line="59"/>
        <source>{0} 各年度进展（完整的统计总览在第二部分提供）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../../gui/pages/library.py" line="128"/>
        <source>方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="129"/>
        <source>改造内容（一清二拆三改四补）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="130"/>
        <source>投资（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="133"/>
        <source>参建单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="135"/>
        <source>进度节点（计划 / 实际）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="136"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="148"/>
        <source>新改造方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="159"/>
        <source>资金测算（R7）：补助 {0} 万元，奖励 {1} 万元，扣回 {2} 万元，精品奖补 {3} 万元，合计 {4} 万元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="167"/>
        <source>措施估算合计 {0} 万元，与总投资 {1} 万元不一致</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../gui/preview.py" line="54"/>
        <source>打印预览 — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="70"/>
        <source>上一页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="71"/>
        <source>下一页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="75"/>
        <source>共 {0} 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="76"/>
        <source>放大</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="77"/>
        <source>缩小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="78"/>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="80"/>
        <source>另存为 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="82"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="114"/>
        <location filename="../../gui/preview.py" line="122"/>
        <source>另存为 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="114"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="122"/>
        <source>无法保存到「{0}」：{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="161"/>
        <source>打印</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsPage</name>
    <message>
        <location filename="../../gui/pages/later.py" line="80"/>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/later.py" line="81"/>
        <source>交办和办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/later.py" line="82"/>
        <source>反馈和销号</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../gui/forms.py" line="32"/>
        <source>修改「{0}」</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../gui/pages/records.py" line="103"/>
        <source>全部{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="110"/>
        <source>搜索：名称、编码或拼音首字母（如 jfl）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="129"/>
        <source>新建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="130"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="132"/>
        <source>撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="133"/>
        <source>重做</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="234"/>
        <source>{0} / {1} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="277"/>
        <source>（未保存）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="314"/>
        <location filename="../../gui/pages/records.py" line="326"/>
        <source>不能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="314"/>
        <source>请先改正以下问题：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="322"/>
        <source>更正已归档的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="323"/>
        <source>更正原因（记入操作日志）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="330"/>
        <source>已保存：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTableView</name>
    <message>
        <location filename="../../gui/tables.py" line="260"/>
        <source>复制选中行</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../gui/pages/overview.py" line="73"/>
        <source>县（区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="78"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="91"/>
        <location filename="../../gui/pages/overview.py" line="96"/>
        <source>不能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="99"/>
        <source>已保存县（区）设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="106"/>
        <source>县（区）设置</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message>
        <location filename="../../gui/pages/library.py" line="66"/>
        <source>调查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="67"/>
        <source>规模和人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="68"/>
        <source>二拆：违法建设</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="70"/>
        <source>一清：环境卫生</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="72"/>
        <source>三改：道路</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="74"/>
        <source>三改：线缆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="75"/>
        <source>地下管网</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="76"/>
        <source>四补：安全设施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="78"/>
        <source>四补：绿化、文化、停车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="79"/>
        <source>问题和诉求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="95"/>
        <source>装灯率 {0}&#x3000;亮灯率 {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="105"/>
        <source>新调查摸底</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../gui/pages/welcome.py" line="22"/>
        <source>欢迎使用巷账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="29"/>
        <source>设置本县（区）信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="30"/>
        <source>装入演示数据（300 条街巷）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="31"/>
        <source>导入 Excel 工作台账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="48"/>
        <source>数据库：{0}
县（区）：{1}；街巷 {2} 条。

第一次使用，请先设置本县（区）信息；想先看看程序怎么用，可以装入演示数据（之后另建数据库再正式录入）；已有 Excel 工作台账的，可以直接导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="51"/>
        <source>未设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="64"/>
        <source>已装入演示数据：街巷 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="68"/>
        <source>装入演示数据</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
