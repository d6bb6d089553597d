<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AcceptancesPage</name>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="72"/>
        <source>验收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="73"/>
        <source>参建单位和代表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="75"/>
        <source>存在问题和整改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="76"/>
        <source>精品类安全设施：路灯</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="77"/>
        <source>达标、精品评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/acceptance.py" line="95"/>
        <source>不能保存：</source>
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
        <location filename="../../gui/pages/library.py" line="45"/>
        <source>基本情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="47"/>
        <source>人口和商户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="48"/>
        <source>街巷长和网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="49"/>
        <source>起止点坐标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="50"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="65"/>
        <source>新街巷</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnualListPage</name>
    <message>
        <location filename="../../gui/pages/annual.py" line="44"/>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="46"/>
        <source>打印预览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="80"/>
        <source>县定任务 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="80"/>
        <source>未填写年度任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="81"/>
        <source>精品任务 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="82"/>
        <source>，比任务少 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="83"/>
        <source>达标类 {0}，精品类 {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="85"/>
        <source>，未填类别 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="87"/>
        <source>列入清单 {0} 条（{1}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="93"/>
        <source>另有 {0} 个方案已撤销，未列入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="89"/>
        <source>总投资 {0} 万元，{1}补助 {2} 万元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="105"/>
        <source>导出年度清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="106"/>
        <location filename="../../gui/pages/annual.py" line="134"/>
        <source>已导出 {0} 行到 {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/annual.py" line="125"/>
        <source>导出工作台账</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <location filename="../../gui/attachments.py" line="82"/>
        <source>读取照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/attachments.py" line="107"/>
        <source>打开文件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../gui/pages/audit.py" line="125"/>
        <source>全部记录类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="133"/>
        <source>街巷编码或名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="144"/>
        <location filename="../../gui/pages/audit.py" line="251"/>
        <source>全部操作人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="147"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="150"/>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="153"/>
        <source>清除筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="163"/>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="183"/>
        <source>选中一条记录，这里显示修改的全部内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="198"/>
        <source>不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="236"/>
        <source>共 {0} 条（{1}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="267"/>
        <source>原因：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="269"/>
        <source>来源：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="288"/>
        <source>导出操作日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/audit.py" line="289"/>
        <source>已导出 {0} 条到 {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../gui/banner.py" line="29"/>
        <source>重新尝试</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../gui/pages/overview.py" line="105"/>
        <source>{0} {1} 年 {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="110"/>
        <source>正在统计……</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountyChart</name>
    <message>
        <location filename="../../gui/pages/overview.py" line="178"/>
        <source>年度任务 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="182"/>
        <source>精品任务 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="188"/>
        <source>未填写年度任务（设置 → 年度任务）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataSafety</name>
    <message>
        <location filename="../../gui/data_safety.py" line="56"/>
        <source>上次使用这个数据库的 {0} 没有正常关闭（可能是程序崩溃或停电）；已自动接管，正在检查数据库……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/data_safety.py" line="90"/>
        <source>（另有 {0} 个问题）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/data_safety.py" line="92"/>
        <source>检查数据库发现问题：{0}{1}。详见 帮助 → 检查数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/data_safety.py" line="94"/>
        <location filename="../../gui/data_safety.py" line="106"/>
        <location filename="../../gui/data_safety.py" line="108"/>
        <source>检查数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/data_safety.py" line="121"/>
        <location filename="../../gui/data_safety.py" line="130"/>
        <source>诊断信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/data_safety.py" line="122"/>
        <source>诊断信息包含程序版本、出错日志和数据库检查结果，不含台账数据。

是否连同数据库（全部记录和附件）一起打包？只有技术人员需要查看数据时才选“是”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/data_safety.py" line="125"/>
        <source>保存诊断信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/data_safety.py" line="126"/>
        <source>压缩包 (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/data_safety.py" line="133"/>
        <source>诊断信息已保存到 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/data_safety.py" line="149"/>
        <location filename="../../gui/data_safety.py" line="153"/>
        <location filename="../../gui/data_safety.py" line="180"/>
        <source>从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/data_safety.py" line="150"/>
        <source>巷账备份 (*.db);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/data_safety.py" line="154"/>
        <source>用备份「{0}」替换当前数据库「{1}」？

当前数据库会先备份到「{2}」，恢复后仍可找回。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/data_safety.py" line="177"/>
        <source>已从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/data_safety.py" line="178"/>
        <source>；恢复前的数据库在 {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../gui/fields.py" line="257"/>
        <source>从日历选择</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../gui/exporting.py" line="24"/>
        <source>Excel 工作簿 (*.xlsx);;CSV 文本，UTF-8 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exporting.py" line="25"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilingsPage</name>
    <message>
        <location filename="../../gui/pages/filing.py" line="63"/>
        <source>备案资料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="85"/>
        <source>卷内文件（双击可修改文件编号、责任者、题名、日期、页数）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="88"/>
        <location filename="../../gui/pages/filing.py" line="188"/>
        <source>打开附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="90"/>
        <source>移出所选文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="104"/>
        <source>资料类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="112"/>
        <source>其他文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="114"/>
        <source>添加文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="119"/>
        <source>也可以把扫描件、照片直接拖到上面的框里；双击打开。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="124"/>
        <location filename="../../gui/pages/filing.py" line="356"/>
        <source>归档锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="127"/>
        <source>打印案卷…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="140"/>
        <source>竣工验收备案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="143"/>
        <source>城建档案归档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="170"/>
        <source>（附件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="188"/>
        <source>这件文件只有纸质原件，没有扫描件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="205"/>
        <source>资料齐全</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="206"/>
        <source>缺少 {0} 份必备资料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="209"/>
        <source>；已于 {0} 归档锁定，修改须填写更正原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="214"/>
        <location filename="../../gui/pages/filing.py" line="233"/>
        <location filename="../../gui/pages/filing.py" line="351"/>
        <source>归档锁定前还需：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="230"/>
        <source>可以归档锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="246"/>
        <location filename="../../gui/pages/filing.py" line="248"/>
        <source>不能添加文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="259"/>
        <source>该方案已归档锁定，{0}须填写更正原因（记入操作日志）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="267"/>
        <location filename="../../gui/pages/filing.py" line="294"/>
        <source>添加备案资料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="274"/>
        <source>补充资料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="288"/>
        <source>添加文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="291"/>
        <source>已添加 {0} 个文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="310"/>
        <source>卷内目录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="306"/>
        <source>修改卷内目录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="325"/>
        <location filename="../../gui/pages/filing.py" line="330"/>
        <source>移出卷内文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="325"/>
        <source>把第 {0} 件「{1}」移出卷内吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="327"/>
        <source>移出文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="347"/>
        <location filename="../../gui/pages/filing.py" line="351"/>
        <location filename="../../gui/pages/filing.py" line="359"/>
        <source>不能归档锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="357"/>
        <source>归档锁定后，该街巷本年度的方案、验收和备案记录不能再直接修改，更正须填写原因并记入操作日志。确定锁定吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="364"/>
        <source>已归档锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/filing.py" line="376"/>
        <source>备案归档案卷</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBox</name>
    <message>
        <location filename="../../gui/pages/records.py" line="682"/>
        <source>全部{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <location filename="../../gui/pages/findings.py" line="83"/>
        <source>搜索：街巷名称、编码或拼音首字母</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="96"/>
        <source>转到记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="98"/>
        <source>打开这条检查结果所说的记录（也可双击表中的行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="100"/>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="103"/>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="124"/>
        <source>选中一条检查结果，这里显示它说的是什么、怎么办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="142"/>
        <source>正在检查 {0} 年……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="165"/>
        <source>{0} {1} 年：{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="172"/>
        <source>{0} / {1} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="216"/>
        <source>{0}年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="217"/>
        <source>怎么办：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="218"/>
        <source>记录在“{0}”页：双击或点“转到记录”打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="249"/>
        <source>导出检查结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/findings.py" line="250"/>
        <source>已导出 {0} 条到 {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FundingChart</name>
    <message>
        <location filename="../../gui/pages/overview.py" line="241"/>
        <source>{0} 个方案，总投资 {1} 万元（金额单位：万元）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../gui/help_menu.py" line="29"/>
        <source>生成使用说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="37"/>
        <source>&lt;h3&gt;巷账 {0}&lt;/h3&gt;&lt;p&gt;城市背街小巷整治改造提升台账&lt;/p&gt;&lt;p&gt;本程序采用 MIT 许可证。随程序提供的 Qt（LGPL-3.0）、Python 及各软件库、文泉驿微米黑字体各有其许可，见 THIRD-PARTY-NOTICES.txt{1}。&lt;/p&gt;&lt;p&gt;数据文件夹：{2}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="49"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="50"/>
        <source>使用说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="54"/>
        <source>关于巷账</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../gui/import_wizard.py" line="128"/>
        <source>导入 Excel 工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="143"/>
        <source>选择要导入的工作台账（.xlsx、.xls、.ods 或 .csv）。程序会先逐行检查并显示结果，确认后才写入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="147"/>
        <source>浏览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="189"/>
        <source>表头</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="189"/>
        <source>单元格内容（双击更正）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="205"/>
        <source>有拒收的行或留空的单元格时全部不导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="216"/>
        <source>保存需要处理的行…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="225"/>
        <source>上一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="226"/>
        <location filename="../../gui/import_wizard.py" line="245"/>
        <source>检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="229"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="245"/>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="246"/>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="253"/>
        <source>选择工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="254"/>
        <source>表格文件 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="271"/>
        <source>请先选择要导入的文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="281"/>
        <source>检查工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="286"/>
        <source>文件「{0}」：新增 {1} 行，更新 {2} 行，不变 {3} 行，拒收 {4} 行；跳过空行、合计行、签字行等 {5} 行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="289"/>
        <source>{0} {1} 处</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="292"/>
        <source>单元格：{0}。留空的单元格不导入，该行其余内容照常导入；可在下方更正。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="293"/>
        <source>，</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="295"/>
        <source>已在预览中更正 {0} 处（导入时记入操作日志）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="298"/>
        <source>已读取，{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="337"/>
        <source>单元格内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="432"/>
        <source>已导入：新增 {0} 行，更新 {1} 行；不变 {2} 行，拒收 {3} 行，留空的单元格 {4} 处。
导入前的数据库已备份到：{5}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="444"/>
        <location filename="../../gui/import_wizard.py" line="447"/>
        <source>保存需要处理的行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="297"/>
        <source>工作表「{0}」：{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="164"/>
        <source>只看有问题的行（拒收、留空、约数、未识别、待核对）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="299"/>
        <source>未读取，{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="301"/>
        <source>程序不认识的列（数值会随记录保存并在导出时带上）：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="333"/>
        <source>工作表「{0}」第 {1} 行：{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="336"/>
        <source>没有问题。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="347"/>
        <source>第{0}列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="390"/>
        <location filename="../../gui/import_wizard.py" line="405"/>
        <source>重新检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="425"/>
        <source>导入工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="434"/>
        <source>（没有写入，不需要备份）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_wizard.py" line="444"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../gui/workers.py" line="65"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/workers.py" line="87"/>
        <source>正在取消……</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="172"/>
        <source>未设置县（区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="173"/>
        <source>巷账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="191"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="193"/>
        <source>最近打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="202"/>
        <source>编辑(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="212"/>
        <source>打印(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="214"/>
        <source>转到(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="268"/>
        <location filename="../../gui/main_window.py" line="276"/>
        <location filename="../../gui/main_window.py" line="280"/>
        <location filename="../../gui/main_window.py" line="285"/>
        <source>打开数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="269"/>
        <source>巷账数据库 (*.db);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="274"/>
        <source>找不到数据库文件「{0}」：它可能已被移走、改名或删除，或者所在的 U 盘、网络盘没有连接。没有打开，也没有新建任何文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="277"/>
        <source>要把它从“最近打开”中去掉吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="297"/>
        <source>现在可以修改了</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="300"/>
        <source>只能查看</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../gui/pages/overview.py" line="298"/>
        <source>近期期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="305"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="305"/>
        <source>期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="305"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="305"/>
        <source>情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="344"/>
        <source>群众满意度（按承办部门、按月，每轮办理评价一次）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="347"/>
        <source>承办部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="347"/>
        <source>月份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="350"/>
        <source>评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="350"/>
        <source>满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="350"/>
        <source>基本满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="351"/>
        <source>不满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="351"/>
        <source>满意率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="357"/>
        <source>满意率 = （满意 + 基本满意）÷ 评价次数；不满意后再次办理的，再次评价另计一次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="386"/>
        <source>本年度还没有群众评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="393"/>
        <source>导出图片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="395"/>
        <source>把这张图保存为 PNG 图片，可插入报告或通报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="413"/>
        <source>正在统计 {0} 年……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="418"/>
        <source>统计总览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="422"/>
        <source>{0} {1} 年背街小巷改造进展（统计至 {2}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="431"/>
        <source>未填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="432"/>
        <source>条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="432"/>
        <source>设置 → 年度任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="435"/>
        <source>占任务 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="437"/>
        <source>不合格 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="442"/>
        <source>评为精品 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="444"/>
        <source>{0} 条不具备条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="447"/>
        <source>扣回 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="459"/>
        <source>未交办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="461"/>
        <source>（暂定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="462"/>
        <source>问题：{0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="476"/>
        <source>未办结问题 {0} 条，其中超期 {1} 条，即将到期 {2} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="479"/>
        <source>；部分期限所在年份尚无节假日安排，按周一至周五暂定，请在“设置”中导入该年节假日表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="490"/>
        <location filename="../../gui/pages/overview.py" line="496"/>
        <location filename="../../gui/pages/overview.py" line="499"/>
        <source>导出图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="490"/>
        <source>PNG 图片 (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="499"/>
        <source>无法写入「{0}」，请换一个位置或文件名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="501"/>
        <source>已导出图片到 {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoBox</name>
    <message>
        <location filename="../../gui/attachments.py" line="167"/>
        <source>添加照片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/attachments.py" line="176"/>
        <location filename="../../gui/attachments.py" line="179"/>
        <location filename="../../gui/attachments.py" line="200"/>
        <location filename="../../gui/attachments.py" line="205"/>
        <source>添加照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/attachments.py" line="202"/>
        <source>已添加 {0} 张照片</source>
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
    <message>
        <location filename="../../gui/pages/acceptance.py" line="57"/>
        <source>{0}年</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../../gui/pages/library.py" line="211"/>
        <source>方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="212"/>
        <source>改造内容（一清二拆三改四补）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="213"/>
        <source>投资（万元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="216"/>
        <source>参建单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="218"/>
        <source>进度节点（计划 / 实际）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="219"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="220"/>
        <source>撤销（移出本年度清单，记录保留）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="240"/>
        <source>新改造方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="242"/>
        <source>（未填类别）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="243"/>
        <source>（已撤销）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="244"/>
        <source>{0}年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="254"/>
        <source>资金测算（R7）：补助 {0} 万元，奖励 {1} 万元，扣回 {2} 万元，精品奖补 {3} 万元，合计 {4} 万元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="273"/>
        <source>备案归档案卷</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../gui/preview.py" line="58"/>
        <source>打印预览 — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="74"/>
        <source>上一页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="75"/>
        <source>下一页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="79"/>
        <source>共 {0} 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="80"/>
        <source>放大</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="81"/>
        <source>缩小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="82"/>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="84"/>
        <source>另存为 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="86"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="119"/>
        <location filename="../../gui/preview.py" line="123"/>
        <source>另存为 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="119"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="211"/>
        <source>生成 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preview.py" line="167"/>
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
        <location filename="../../gui/pages/problems.py" line="51"/>
        <location filename="../../gui/pages/problems.py" line="68"/>
        <source>销号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="62"/>
        <location filename="../../gui/pages/problems.py" line="96"/>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="63"/>
        <source>反映人（回复群众用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="64"/>
        <source>交办和办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="66"/>
        <source>反馈和评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="67"/>
        <source>不满意的再次办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="94"/>
        <source>登记新问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="114"/>
        <source>下一步：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="117"/>
        <source>网格员：{0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="128"/>
        <source>不能销号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/problems.py" line="47"/>
        <source>请先保存问题，再添加照片</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressBox</name>
    <message>
        <location filename="../../gui/pages/progress.py" line="46"/>
        <source>月调度进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="81"/>
        <source>添加…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="83"/>
        <source>修改…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="85"/>
        <source>删除…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="122"/>
        <source>请先保存改造方案，再填写月调度进度。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="124"/>
        <source>还没有月调度进度。每月填报一次：形象进度、累计完成投资和存在问题。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="126"/>
        <source>共 {0} 次填报，按填报日期排列；双击一行修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="169"/>
        <location filename="../../gui/pages/progress.py" line="176"/>
        <source>不能删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="171"/>
        <source>删除月调度进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="173"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="180"/>
        <source>已删除：{0}（原记录在操作日志中）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="189"/>
        <source>该方案已于 {0} 归档锁定，{1}月调度进度须作为“更正”并填写原因（记入操作日志）：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../gui/pages/progress.py" line="203"/>
        <source>修改月调度进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="203"/>
        <source>添加月调度进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="211"/>
        <source>月调度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="216"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="218"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="242"/>
        <location filename="../../gui/pages/progress.py" line="251"/>
        <source>不能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="245"/>
        <source>请核对月调度进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="246"/>
        <source>仍然保存吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="248"/>
        <source>修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="248"/>
        <source>添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/progress.py" line="256"/>
        <source>已保存：{0} 的月调度进度</source>
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
    <message>
        <location filename="../../build/translations/record_fields.py" line="5"/>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="6"/>
        <source>修改时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="7"/>
        <source>修改人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="8"/>
        <source>改造方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="9"/>
        <source>验收日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="10"/>
        <source>建设单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="11"/>
        <source>建设单位代表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="12"/>
        <source>设计单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="13"/>
        <source>设计单位代表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="14"/>
        <source>施工单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="15"/>
        <source>施工单位代表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="16"/>
        <source>监理单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="17"/>
        <source>监理单位代表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="18"/>
        <source>验收结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="19"/>
        <source>存在问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="20"/>
        <source>整改情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="21"/>
        <source>整改完成日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="22"/>
        <source>竣工结算(元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="23"/>
        <source>应设路灯(盏)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="24"/>
        <source>已装路灯(盏)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="25"/>
        <source>亮灯(盏)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="26"/>
        <source>达标评价单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="27"/>
        <source>达标评价日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="28"/>
        <source>达标评价结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="29"/>
        <source>精品评价单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="30"/>
        <source>精品评价日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="31"/>
        <source>精品评价结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="32"/>
        <source>街巷编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="33"/>
        <source>街巷名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="34"/>
        <source>所在街道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="35"/>
        <source>所在社区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="36"/>
        <source>区域类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="37"/>
        <source>起点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="38"/>
        <source>终点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="39"/>
        <source>走向</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="40"/>
        <source>长度(米)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="41"/>
        <source>红线宽度(米)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="42"/>
        <source>道路等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="43"/>
        <source>户数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="44"/>
        <source>人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="45"/>
        <source>商户数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="46"/>
        <source>街巷长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="47"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="48"/>
        <source>网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="49"/>
        <source>网格员电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="50"/>
        <source>起点经度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="51"/>
        <source>起点纬度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="52"/>
        <source>终点经度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="53"/>
        <source>终点纬度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="54"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="55"/>
        <source>其他列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="56"/>
        <source>县（区）名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="57"/>
        <source>行政区划代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="58"/>
        <source>牵头部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="59"/>
        <source>政策配置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="60"/>
        <source>经办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="61"/>
        <source>年度任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="62"/>
        <source>备案编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="63"/>
        <source>备案日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="64"/>
        <source>备案机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="65"/>
        <source>建设单位联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="66"/>
        <source>工程地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="67"/>
        <source>合同价格(元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="68"/>
        <source>施工许可证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="69"/>
        <source>规划许可证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="70"/>
        <source>质量监督机构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="71"/>
        <source>参建单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="72"/>
        <source>档号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="73"/>
        <source>编制单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="74"/>
        <source>盒号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="75"/>
        <source>卷次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="76"/>
        <source>保管期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="77"/>
        <source>密级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="78"/>
        <source>存放位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="79"/>
        <source>移交城建档案日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="80"/>
        <source>立卷人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="81"/>
        <source>立卷日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="82"/>
        <source>检查人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="83"/>
        <source>检查日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="84"/>
        <source>卷内文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="85"/>
        <source>锁定时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="86"/>
        <source>序号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="87"/>
        <source>文件类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="88"/>
        <source>文件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="89"/>
        <source>责任者</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="90"/>
        <source>文件题名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="91"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="92"/>
        <source>页数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="93"/>
        <source>载体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="94"/>
        <source>附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="95"/>
        <source>单位类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="96"/>
        <source>单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="97"/>
        <source>资质等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="98"/>
        <source>项目负责人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="99"/>
        <source>管线种类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="100"/>
        <source>敷设年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="101"/>
        <source>管线状况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="102"/>
        <source>雨污分流</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="103"/>
        <source>街巷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="104"/>
        <source>年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="105"/>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="106"/>
        <source>改造内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="107"/>
        <source>改造内容（台账原文）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="108"/>
        <source>只写了类别的措施组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="109"/>
        <source>总投资(元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="110"/>
        <source>中央资金(元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="111"/>
        <source>自治区(省)资金(元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="112"/>
        <source>市级资金(元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="113"/>
        <source>县级资金(元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="114"/>
        <source>社会资本(元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="115"/>
        <source>招标方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="116"/>
        <source>中标单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="117"/>
        <source>合同编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="118"/>
        <source>合同金额(元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="119"/>
        <source>计划方案批复日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="120"/>
        <source>方案批复日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="121"/>
        <source>计划招标完成日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="122"/>
        <source>招标完成日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="123"/>
        <source>计划合同签订日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="124"/>
        <source>合同签订日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="125"/>
        <source>计划开工日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="126"/>
        <source>开工日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="127"/>
        <source>计划完工日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="128"/>
        <source>竣工日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="129"/>
        <source>撤销日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="130"/>
        <source>撤销原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="131"/>
        <source>改造措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="132"/>
        <source>数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="133"/>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="134"/>
        <source>估算投资(元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="135"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="136"/>
        <source>问题来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="137"/>
        <source>12345工单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="138"/>
        <source>反映人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="139"/>
        <source>反映人电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="140"/>
        <source>问题类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="141"/>
        <source>问题描述</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="142"/>
        <source>发现日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="143"/>
        <source>紧急程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="144"/>
        <source>承办部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="145"/>
        <source>交办日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="146"/>
        <source>无法办理，上报县级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="147"/>
        <source>上报县级日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="148"/>
        <source>县级承办单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="149"/>
        <source>办结日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="150"/>
        <source>办理结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="151"/>
        <source>反馈日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="152"/>
        <source>满意度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="153"/>
        <source>再次交办日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="154"/>
        <source>再次办结日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="155"/>
        <source>再次办理结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="156"/>
        <source>再次反馈日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="157"/>
        <source>再次评价满意度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="158"/>
        <source>情况说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="159"/>
        <source>销号日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="160"/>
        <source>填报日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="161"/>
        <source>形象进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="162"/>
        <source>累计完成投资(元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="163"/>
        <source>调查日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="164"/>
        <source>调查人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="165"/>
        <source>平均宽度(米)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="166"/>
        <source>面积(平方米)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="167"/>
        <source>违法建筑(处)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="168"/>
        <source>违法建筑面积(平方米)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="169"/>
        <source>逾期临时构筑物(处)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="170"/>
        <source>违规广告牌(块)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="171"/>
        <source>私设地锁地桩石墩(个)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="172"/>
        <source>卫生死角(处)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="173"/>
        <source>垃圾裸露点(处)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="174"/>
        <source>公共厕所(座)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="175"/>
        <source>有异味的厕所(座)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="176"/>
        <source>分类投放设施(处)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="177"/>
        <source>路面已硬化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="178"/>
        <source>路面破损(平方米)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="179"/>
        <source>坑洼(处)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="180"/>
        <source>积水点(处)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="181"/>
        <source>人行道破损(处)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="182"/>
        <source>井盖雨箅缺失(个)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="183"/>
        <source>标识标线完好</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="184"/>
        <source>无障碍设施完好</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="185"/>
        <source>断头路</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="186"/>
        <source>架空线缆乱拉乱挂(档)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="187"/>
        <source>线缆可入地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="188"/>
        <source>监控(个)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="189"/>
        <source>消防通道已标线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="190"/>
        <source>消防栓(个)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="191"/>
        <source>灭火器(具)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="192"/>
        <source>绿地(平方米)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="193"/>
        <source>缺绿点(处)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="194"/>
        <source>历史文化元素</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="195"/>
        <source>停车位(个)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="196"/>
        <source>发现问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="197"/>
        <source>群众诉求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="198"/>
        <source>地下管网</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="199"/>
        <source>改造任务(条)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/record_fields.py" line="200"/>
        <source>精品任务(条)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../gui/pages/records.py" line="139"/>
        <source>搜索：名称、编码或拼音首字母（如 jfl）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="157"/>
        <location filename="../../gui/pages/records.py" line="178"/>
        <source>删除…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="177"/>
        <source>新建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="180"/>
        <source>删除这条记录（Ctrl+Del；在表格中按 Del），先询问；原记录保留在操作日志中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="181"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="183"/>
        <source>撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="184"/>
        <source>重做</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="313"/>
        <source>读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="348"/>
        <source>{0} / {1} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="409"/>
        <source>（未保存）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="425"/>
        <source>填写有误，不能保存：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="427"/>
        <source>规则检查：没有发现问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="515"/>
        <source>不能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="515"/>
        <source>请先改正以下问题：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="545"/>
        <source>更正原因（记入操作日志）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="554"/>
        <source>已保存：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="572"/>
        <location filename="../../gui/pages/records.py" line="577"/>
        <location filename="../../gui/pages/records.py" line="603"/>
        <source>不能删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="579"/>
        <source>删除记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="592"/>
        <location filename="../../gui/pages/records.py" line="599"/>
        <source>没有删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="616"/>
        <source>{0}属于 {1} 归档锁定的案卷，删除须作为“更正”并填写原因（记入操作日志）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/records.py" line="607"/>
        <source>已删除：{0}（原记录在操作日志中）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTableView</name>
    <message>
        <location filename="../../gui/tables.py" line="275"/>
        <source>复制选中行</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../gui/pages/settings.py" line="49"/>
        <source>县（区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="50"/>
        <source>年度任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="60"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="67"/>
        <source>数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="73"/>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="74"/>
        <source>打开其他数据库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="80"/>
        <source>备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="86"/>
        <source>选择…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="90"/>
        <source>备份文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="94"/>
        <source> 份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="96"/>
        <source>保留最近</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="97"/>
        <source>立即备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="106"/>
        <source>节假日表（问题办理期限按工作日计算）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="111"/>
        <source>已有</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="112"/>
        <source>导入某年节假日表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="145"/>
        <source>一个数据库只属于一个县（区），名称设置后不能修改；另一个县（区）请另建数据库文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="150"/>
        <source>{0}—{1} 年：国务院公布的放假安排（随程序提供）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="152"/>
        <source>另已导入：{0} 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="153"/>
        <source>没有节假日表的年份按周一至周五估算，期限标“暂估”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="156"/>
        <source>选择备份文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="184"/>
        <source>已备份到 {0}（{1:.1f} MB）{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="186"/>
        <source>；删除了 {0} 份较早的备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="189"/>
        <source>备份数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="195"/>
        <location filename="../../gui/pages/settings.py" line="199"/>
        <source>导入节假日表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="196"/>
        <source>节假日表 (*.csv *.xlsx *.xls);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="203"/>
        <source>已导入 {0} 年节假日表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="209"/>
        <location filename="../../gui/pages/settings.py" line="211"/>
        <source>不能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="216"/>
        <source>已保存县（区）设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="222"/>
        <source>县（区）设置</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubdistrictChart</name>
    <message>
        <location filename="../../gui/pages/overview.py" line="211"/>
        <source>本年度没有改造方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/overview.py" line="213"/>
        <source>开工 {0} · 竣工 {1} · 验收 {2} · 备案 {3} / 计划 {4}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyForm</name>
    <message>
        <location filename="../../gui/pages/library.py" line="80"/>
        <source>调查摸底表</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message>
        <location filename="../../gui/pages/library.py" line="111"/>
        <source>现场照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="112"/>
        <source>可以把照片直接拖到上面的框里；双击打开。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="111"/>
        <source>请先保存调查摸底记录，再添加照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="133"/>
        <source>这份调查摸底印在 {0} 归档锁定的案卷里，添加照片须作为“更正”并填写原因（记入操作日志）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="138"/>
        <location filename="../../gui/pages/library.py" line="180"/>
        <source>调查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="139"/>
        <source>规模和人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="140"/>
        <source>二拆：违法建设</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="142"/>
        <source>一清：环境卫生</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="144"/>
        <source>三改：道路</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="146"/>
        <source>三改：线缆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="147"/>
        <source>地下管网</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="148"/>
        <source>四补：安全设施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="150"/>
        <source>四补：绿化、文化、停车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="151"/>
        <source>问题和诉求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="168"/>
        <source>装灯率 {0}&#x3000;亮灯率 {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/library.py" line="178"/>
        <source>新调查摸底</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../gui/pages/welcome.py" line="25"/>
        <source>欢迎使用巷账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="32"/>
        <source>设置本县（区）信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="33"/>
        <source>装入演示数据（300 条街巷）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="34"/>
        <source>导入 Excel 工作台账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="51"/>
        <source>数据库：{0}
县（区）：{1}；街巷 {2} 条。

第一次使用，请先设置本县（区）信息；想先看看程序怎么用，可以装入演示数据（之后另建数据库再正式录入）；已有 Excel 工作台账的，可以直接导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="54"/>
        <source>未设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="67"/>
        <source>已装入演示数据：街巷 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="71"/>
        <source>装入演示数据</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YearChoice</name>
    <message>
        <location filename="../../gui/pages/year_page.py" line="82"/>
        <source>{0} 年</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YearPage</name>
    <message>
        <location filename="../../gui/pages/year_page.py" line="44"/>
        <source>年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pages/year_page.py" line="63"/>
        <source>正在读取……</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../gui/dialogs.py" line="97"/>
        <source>更正已归档的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="105"/>
        <source>更正原因不能为空（也不能只有空格），请填写：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
