<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AcceptancesPage</name>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="70"/>
        <source>验收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="71"/>
        <source>参建单位和代表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="73"/>
        <source>存在问题和整改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="74"/>
        <source>精品类安全设施：路灯</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="75"/>
        <source>达标、精品评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="111"/>
        <source>竣工验收记录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlleysPage</name>
    <message>
        <location filename="../../gui/pages/library.py" line="44"/>
        <source>基本情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="46"/>
        <source>人口和商户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="47"/>
        <source>街巷长和网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="48"/>
        <source>起止点坐标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="49"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="64"/>
        <source>新街巷</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnualListPage</name>
    <message>
        <location filename="../../gui/pages/annual.py" line="43"/>
        <source>年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="53"/>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="55"/>
        <source>打印预览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="88"/>
        <source>正在读取……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="97"/>
        <source>读取年度清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="112"/>
        <source>县定任务 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="112"/>
        <source>未填写年度任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="113"/>
        <source>精品任务 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="116"/>
        <source>，比任务少 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="117"/>
        <source>达标类 {0}，精品类 {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="119"/>
        <source>，未填类别 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="121"/>
        <source>列入清单 {0} 条（{1}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="127"/>
        <source>另有 {0} 个方案已撤销，未列入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="123"/>
        <source>总投资 {0} 万元，{1}补助 {2} 万元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="135"/>
        <location filename="../../gui/pages/annual.py" line="145"/>
        <source>导出年度清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="136"/>
        <location filename="../../gui/pages/annual.py" line="166"/>
        <source>Excel 工作簿 (*.xlsx);;CSV 文本，UTF-8 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="146"/>
        <location filename="../../gui/pages/annual.py" line="178"/>
        <source>已导出 {0} 行到 {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="165"/>
        <source>导出工作台账</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <location filename="../../gui/attachments.py" line="77"/>
        <source>读取照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/attachments.py" line="105"/>
        <source>打开文件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../gui/pages/audit.py" line="126"/>
        <source>全部记录类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="134"/>
        <source>街巷编码或名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="145"/>
        <location filename="../../gui/pages/audit.py" line="258"/>
        <source>全部操作人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="148"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="151"/>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="154"/>
        <source>清除筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="164"/>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="186"/>
        <source>选中一条记录，这里显示修改的全部内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="205"/>
        <source>不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="243"/>
        <source>共 {0} 条（{1}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="274"/>
        <source>原因：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="276"/>
        <source>来源：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="287"/>
        <location filename="../../gui/pages/audit.py" line="298"/>
        <source>导出操作日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="287"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="299"/>
        <source>已导出 {0} 条到 {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../gui/pages/overview.py" line="106"/>
        <source>{0} {1} 年 {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="111"/>
        <source>正在统计……</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountyChart</name>
    <message>
        <location filename="../../gui/pages/overview.py" line="179"/>
        <source>年度任务 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="183"/>
        <source>精品任务 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="189"/>
        <source>未填写年度任务（设置 → 年度任务）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../gui/fields.py" line="250"/>
        <source>从日历选择</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilingsPage</name>
    <message>
        <location filename="../../gui/pages/filing.py" line="69"/>
        <source>备案资料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="91"/>
        <source>卷内文件（双击可修改文件编号、责任者、题名、日期、页数）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="94"/>
        <location filename="../../gui/pages/filing.py" line="194"/>
        <source>打开附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="96"/>
        <source>移出所选文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="110"/>
        <source>资料类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="118"/>
        <source>其他文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="120"/>
        <source>添加文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="125"/>
        <source>也可以把扫描件、照片直接拖到上面的框里；双击打开。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="130"/>
        <location filename="../../gui/pages/filing.py" line="378"/>
        <source>归档锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="133"/>
        <source>打印案卷…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="146"/>
        <source>竣工验收备案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="149"/>
        <source>城建档案归档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="176"/>
        <source>（附件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="194"/>
        <source>这件文件只有纸质原件，没有扫描件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="211"/>
        <source>资料齐全</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="212"/>
        <source>缺少 {0} 份必备资料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="215"/>
        <source>；已于 {0} 归档锁定，修改须填写更正原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="220"/>
        <location filename="../../gui/pages/filing.py" line="373"/>
        <source>归档锁定前还需：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="250"/>
        <source>不能添加文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="260"/>
        <source>更正已归档的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="261"/>
        <source>该方案已归档锁定，{0}须填写更正原因（记入操作日志）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="269"/>
        <location filename="../../gui/pages/filing.py" line="302"/>
        <source>添加备案资料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="276"/>
        <source>补充资料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="295"/>
        <source>添加文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="298"/>
        <source>已添加 {0} 个文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="321"/>
        <location filename="../../gui/pages/filing.py" line="331"/>
        <source>卷内目录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="321"/>
        <source>「{0}」无法识别为日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="324"/>
        <source>修改卷内目录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="344"/>
        <location filename="../../gui/pages/filing.py" line="352"/>
        <source>移出卷内文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="344"/>
        <source>把第 {0} 件「{1}」移出卷内吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="346"/>
        <source>移出文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="369"/>
        <location filename="../../gui/pages/filing.py" line="373"/>
        <location filename="../../gui/pages/filing.py" line="384"/>
        <source>不能归档锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="379"/>
        <source>归档锁定后，该街巷本年度的方案、验收和备案记录不能再直接修改，更正须填写原因并记入操作日志。确定锁定吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="388"/>
        <source>已归档锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="402"/>
        <source>备案归档案卷</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <location filename="../../gui/pages/findings.py" line="79"/>
        <source>年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="91"/>
        <source>搜索：街巷名称、编码或拼音首字母</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="103"/>
        <source>转到记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="105"/>
        <source>打开这条检查结果所说的记录（也可双击表中的行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="107"/>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="110"/>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="134"/>
        <source>选中一条检查结果，这里显示它说的是什么、怎么办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="161"/>
        <source>正在检查 {0} 年……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="170"/>
        <source>检查结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="201"/>
        <source>{0} {1} 年：{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="209"/>
        <source>{0} / {1} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="279"/>
        <location filename="../../gui/pages/findings.py" line="289"/>
        <source>导出检查结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="280"/>
        <source>Excel 工作簿 (*.xlsx);;CSV 文本，UTF-8 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="290"/>
        <source>已导出 {0} 条到 {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FundingChart</name>
    <message>
        <location filename="../../gui/pages/overview.py" line="242"/>
        <source>{0} 个方案，总投资 {1} 万元（金额单位：万元）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../gui/import_wizard.py" line="127"/>
        <source>导入 Excel 工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="139"/>
        <source>选择要导入的工作台账（.xlsx、.xls、.ods 或 .csv）。程序会先逐行检查并显示结果，确认后才写入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="143"/>
        <source>浏览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="160"/>
        <source>只看有问题的行（拒收、留空、约数、未识别）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="185"/>
        <source>表头</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="185"/>
        <source>单元格内容（双击更正）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="201"/>
        <source>有拒收的行或留空的单元格时全部不导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="212"/>
        <source>保存需要处理的行…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="221"/>
        <source>上一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="222"/>
        <location filename="../../gui/import_wizard.py" line="241"/>
        <source>检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="225"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="241"/>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="242"/>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="249"/>
        <source>选择工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="250"/>
        <source>表格文件 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="267"/>
        <source>请先选择要导入的文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="276"/>
        <source>检查工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="281"/>
        <source>文件「{0}」：新增 {1} 行，更新 {2} 行，不变 {3} 行，拒收 {4} 行；跳过空行、合计行、签字行等 {5} 行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="284"/>
        <source>{0} {1} 处</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="287"/>
        <source>单元格：{0}。留空的单元格不导入，该行其余内容照常导入；可在下方更正。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="288"/>
        <source>，</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="290"/>
        <source>已在预览中更正 {0} 处（导入时记入操作日志）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="293"/>
        <source>已读取，{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="393"/>
        <source>已导入：新增 {0} 行，更新 {1} 行；不变 {2} 行，拒收 {3} 行，留空的单元格 {4} 处。
导入前的数据库已备份到：{5}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="405"/>
        <location filename="../../gui/import_wizard.py" line="411"/>
        <source>保存需要处理的行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="292"/>
        <source>工作表「{0}」：{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="294"/>
        <source>未读取，{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="296"/>
        <source>程序不认识的列（数值会随记录保存并在导出时带上）：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="328"/>
        <source>工作表「{0}」第 {1} 行：{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="331"/>
        <source>没有问题。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="341"/>
        <source>第{0}列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="371"/>
        <source>重新检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="386"/>
        <source>导入工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="395"/>
        <source>（没有写入，不需要备份）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="405"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../gui/workers.py" line="70"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/workers.py" line="92"/>
        <source>正在取消……</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="148"/>
        <source>未设置县（区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="166"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="168"/>
        <source>最近打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="175"/>
        <source>编辑(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="183"/>
        <source>打印(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="185"/>
        <source>转到(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="220"/>
        <location filename="../../gui/main_window.py" line="228"/>
        <location filename="../../gui/main_window.py" line="232"/>
        <location filename="../../gui/main_window.py" line="241"/>
        <source>打开数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="221"/>
        <source>巷账数据库 (*.db);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="226"/>
        <source>找不到数据库文件「{0}」：它可能已被移走、改名或删除，或者所在的 U 盘、网络盘没有连接。没有打开，也没有新建任何文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="229"/>
        <source>要把它从“最近打开”中去掉吗？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../gui/pages/overview.py" line="271"/>
        <source>年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="306"/>
        <source>近期期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="313"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="313"/>
        <source>期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="313"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="313"/>
        <source>情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="349"/>
        <source>群众满意度（按承办部门、按月，每轮办理评价一次）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="352"/>
        <source>承办部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="352"/>
        <source>月份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="355"/>
        <source>评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="355"/>
        <source>满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="355"/>
        <source>基本满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="356"/>
        <source>不满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="356"/>
        <source>满意率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="362"/>
        <source>满意率 = （满意 + 基本满意）÷ 评价次数；不满意后再次办理的，再次评价另计一次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="391"/>
        <source>本年度还没有群众评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="398"/>
        <source>导出图片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="400"/>
        <source>把这张图保存为 PNG 图片，可插入报告或通报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="424"/>
        <source>正在统计 {0} 年……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="433"/>
        <source>统计总览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="441"/>
        <source>{0} {1} 年背街小巷改造进展（统计至 {2}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="450"/>
        <source>未填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="451"/>
        <source>条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="451"/>
        <source>设置 → 年度任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="454"/>
        <source>占任务 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="456"/>
        <source>不合格 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="461"/>
        <source>评为精品 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="463"/>
        <source>{0} 条不具备条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="466"/>
        <source>扣回 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="480"/>
        <source>（暂定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="481"/>
        <source>问题：{0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="500"/>
        <source>未办结问题 {0} 条，其中超期 {1} 条，即将到期 {2} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="503"/>
        <source>；部分期限所在年份尚无节假日安排，按周一至周五暂定，请在“设置”中导入该年节假日表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="514"/>
        <location filename="../../gui/pages/overview.py" line="518"/>
        <source>导出图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="514"/>
        <source>PNG 图片 (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="518"/>
        <source>无法写入「{0}」，请换一个位置或文件名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="520"/>
        <source>已导出图片到 {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanKeyedPage</name>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="44"/>
        <source>不能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="44"/>
        <source>请先在左边的表中选择一个改造方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="56"/>
        <source>（新）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../../gui/pages/library.py" line="216"/>
        <source>方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="217"/>
        <source>改造内容（一清二拆三改四补）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="218"/>
        <source>投资（万元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="221"/>
        <source>参建单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="223"/>
        <source>进度节点（计划 / 实际）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="224"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="225"/>
        <source>撤销（移出本年度清单，记录保留）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="239"/>
        <source>新改造方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="241"/>
        <source>（未填类别）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="242"/>
        <source>（已撤销）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="252"/>
        <source>资金测算（R7）：补助 {0} 万元，奖励 {1} 万元，扣回 {2} 万元，精品奖补 {3} 万元，合计 {4} 万元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="260"/>
        <source>措施估算合计 {0} 万元，与总投资 {1} 万元不一致</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="272"/>
        <source>备案归档案卷</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../gui/preview.py" line="56"/>
        <source>打印预览 — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="72"/>
        <source>上一页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="73"/>
        <source>下一页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="77"/>
        <source>共 {0} 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="78"/>
        <source>放大</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="79"/>
        <source>缩小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="80"/>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="82"/>
        <source>另存为 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="84"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="117"/>
        <location filename="../../gui/preview.py" line="124"/>
        <source>另存为 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="117"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="124"/>
        <source>无法保存到「{0}」：{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="170"/>
        <source>打印</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsPage</name>
    <message>
        <location filename="../../gui/pages/problems.py" line="47"/>
        <source>照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="54"/>
        <source>添加照片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="57"/>
        <location filename="../../gui/pages/problems.py" line="74"/>
        <source>销号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="68"/>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="69"/>
        <source>反映人（回复群众用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="70"/>
        <source>交办和办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="72"/>
        <source>反馈和评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="73"/>
        <source>不满意的再次办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="101"/>
        <source>登记新问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="123"/>
        <source>下一步：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="126"/>
        <source>网格员：{0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="136"/>
        <location filename="../../gui/pages/problems.py" line="141"/>
        <source>不能销号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="152"/>
        <location filename="../../gui/pages/problems.py" line="155"/>
        <location filename="../../gui/pages/problems.py" line="170"/>
        <location filename="../../gui/pages/problems.py" line="174"/>
        <source>添加照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="152"/>
        <source>请先保存问题，再添加照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="172"/>
        <source>已添加 {0} 张照片</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../gui/forms.py" line="41"/>
        <source>修改「{0}」</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../gui/pages/records.py" line="120"/>
        <source>搜索：名称、编码或拼音首字母（如 jfl）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="147"/>
        <source>新建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="148"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="150"/>
        <source>撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="151"/>
        <source>重做</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="278"/>
        <source>读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="313"/>
        <source>{0} / {1} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="374"/>
        <source>（未保存）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="474"/>
        <location filename="../../gui/pages/records.py" line="485"/>
        <location filename="../../gui/pages/records.py" line="494"/>
        <source>不能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="474"/>
        <source>请先改正以下问题：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="490"/>
        <source>更正已归档的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="491"/>
        <source>更正原因（记入操作日志）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="499"/>
        <source>已保存：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTableView</name>
    <message>
        <location filename="../../gui/tables.py" line="274"/>
        <source>复制选中行</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../gui/pages/settings.py" line="48"/>
        <source>县（区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="49"/>
        <source>年度任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="59"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="66"/>
        <source>数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="72"/>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="73"/>
        <source>打开其他数据库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="79"/>
        <source>备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="85"/>
        <source>选择…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="89"/>
        <source>备份文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="93"/>
        <source> 份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="95"/>
        <source>保留最近</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="96"/>
        <source>立即备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="105"/>
        <source>节假日表（问题办理期限按工作日计算）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="110"/>
        <source>已有</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="111"/>
        <source>导入某年节假日表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="141"/>
        <source>{0}—{1} 年：国务院公布的放假安排（随程序提供）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="143"/>
        <source>另已导入：{0} 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="144"/>
        <source>没有节假日表的年份按周一至周五估算，期限标“暂估”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="147"/>
        <source>选择备份文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="175"/>
        <source>已备份到 {0}（{1:.1f} MB）{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="177"/>
        <source>；删除了 {0} 份较早的备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="180"/>
        <source>备份数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="186"/>
        <location filename="../../gui/pages/settings.py" line="193"/>
        <source>导入节假日表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="187"/>
        <source>节假日表 (*.csv *.xlsx *.xls);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="196"/>
        <source>已导入 {0} 年节假日表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="203"/>
        <location filename="../../gui/pages/settings.py" line="208"/>
        <source>不能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="211"/>
        <source>已保存县（区）设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="218"/>
        <source>县（区）设置</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubdistrictChart</name>
    <message>
        <location filename="../../gui/pages/overview.py" line="212"/>
        <source>本年度没有改造方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="214"/>
        <source>开工 {0} · 竣工 {1} · 验收 {2} · 备案 {3} / 计划 {4}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message>
        <location filename="../../gui/pages/library.py" line="109"/>
        <source>现场照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="114"/>
        <source>可以把照片直接拖到上面的框里；双击打开。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="120"/>
        <source>添加照片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="134"/>
        <location filename="../../gui/pages/library.py" line="137"/>
        <source>添加照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="134"/>
        <source>请先保存调查摸底记录，再添加照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="146"/>
        <source>调查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="147"/>
        <source>规模和人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="148"/>
        <source>二拆：违法建设</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="150"/>
        <source>一清：环境卫生</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="152"/>
        <source>三改：道路</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="154"/>
        <source>三改：线缆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="155"/>
        <source>地下管网</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="156"/>
        <source>四补：安全设施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="158"/>
        <source>四补：绿化、文化、停车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="159"/>
        <source>问题和诉求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="176"/>
        <source>装灯率 {0}&#x3000;亮灯率 {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="186"/>
        <source>新调查摸底</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../gui/pages/welcome.py" line="23"/>
        <source>欢迎使用巷账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="30"/>
        <source>设置本县（区）信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="31"/>
        <source>装入演示数据（300 条街巷）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="32"/>
        <source>导入 Excel 工作台账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="49"/>
        <source>数据库：{0}
县（区）：{1}；街巷 {2} 条。

第一次使用，请先设置本县（区）信息；想先看看程序怎么用，可以装入演示数据（之后另建数据库再正式录入）；已有 Excel 工作台账的，可以直接导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="52"/>
        <source>未设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="65"/>
        <source>已装入演示数据：街巷 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="69"/>
        <source>装入演示数据</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YearChoice</name>
    <message>
        <location filename="../../gui/fields.py" line="521"/>
        <source>{0} 年</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <location filename="../../gui/pages/library.py" line="79"/>
        <source>调查摸底表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="542"/>
        <source>全部{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/attachments.py" line="160"/>
        <location filename="../../gui/attachments.py" line="164"/>
        <source>添加照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/attachments.py" line="162"/>
        <source>已添加 {0} 张照片</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../gui/preview.py" line="214"/>
        <source>生成 {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../gui/help_menu.py" line="26"/>
        <source>生成使用说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="35"/>
        <source>&lt;h3&gt;巷账 {0}&lt;/h3&gt;&lt;p&gt;城市背街小巷整治改造提升台账&lt;/p&gt;&lt;p&gt;本程序采用 MIT 许可证。随程序提供的 Qt（LGPL-3.0）、Python 及各软件库、文泉驿微米黑字体各有其许可，见 THIRD-PARTY-NOTICES.txt{1}。&lt;/p&gt;&lt;p&gt;数据文件夹：{2}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="45"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="46"/>
        <source>使用说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="50"/>
        <location filename="../../gui/help_menu.py" line="52"/>
        <source>关于巷账</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
