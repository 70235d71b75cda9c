<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>nav</name>
    <message>
      <source>Party affairs</source>
      <translation>党务</translation>
    </message>
    <message>
      <source>Village affairs</source>
      <translation>村务</translation>
    </message>
    <message>
      <source>Commerce</source>
      <translation>商务</translation>
    </message>
    <message>
      <source>Affairs</source>
      <translation>事务</translation>
    </message>
    <message>
      <source>Services</source>
      <translation>服务</translation>
    </message>
    <message>
      <source>Residents</source>
      <translation>村民信息</translation>
    </message>
    <message>
      <source>Find a resident</source>
      <translation>查找村民</translation>
    </message>
    <message>
      <source>Households</source>
      <translation>户籍管理</translation>
    </message>
    <message>
      <source>Add a resident</source>
      <translation>新增村民</translation>
    </message>
    <message>
      <source>Resident</source>
      <translation>村民详情</translation>
    </message>
    <message>
      <source>Household</source>
      <translation>户详情</translation>
    </message>
    <message>
      <source>Add a household</source>
      <translation>新增一户</translation>
    </message>
    <message>
      <source>Import a roster from Excel…</source>
      <translation>从 Excel 导入花名册…</translation>
    </message>
    <message>
      <source>Export residents to Excel…</source>
      <translation>导出村民到 Excel…</translation>
    </message>
    <message>
      <source>Staff accounts</source>
      <translation>工作人员</translation>
    </message>
  </context>
  <context>
    <name>common</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>VillageDesk</source>
      <translation>VillageDesk 党群服务中心</translation>
    </message>
    <message>
      <source>Something went wrong, but your data is safe. You can keep working. If it happens again, tell the county support and give them the log file:
{path}</source>
      <translation>出了点问题，但您的数据是安全的，可以继续工作。如果再次出现，请联系县里的技术支持，并把日志文件交给他们：
{path}</translation>
    </message>
  </context>
  <context>
    <name>auth</name>
    <message>
      <source>Set up this service hall</source>
      <translation>初始化服务中心</translation>
    </message>
    <message>
      <source>This is asked only once. The administrator can add the other staff members afterwards.</source>
      <translation>此设置只需填写一次。之后管理员可以添加其他工作人员。</translation>
    </message>
    <message>
      <source>Hall name</source>
      <translation>服务中心名称</translation>
    </message>
    <message>
      <source>Hall code</source>
      <translation>服务中心编码</translation>
    </message>
    <message>
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <source>County</source>
      <translation>县（市、区）</translation>
    </message>
    <message>
      <source>Administrator's name</source>
      <translation>管理员姓名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Password again</source>
      <translation>再次输入密码</translation>
    </message>
    <message>
      <source>Set up</source>
      <translation>完成设置</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Locked</source>
      <translation>已锁定</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>解锁</translation>
    </message>
    <message>
      <source>Welcome. Set up this service hall</source>
      <translation>欢迎使用，请先设置本服务中心</translation>
    </message>
    <message>
      <source>The full name, as on the sign at the door</source>
      <translation>填写全称，与门牌一致</translation>
    </message>
    <message>
      <source>6 letters or digits, from the county</source>
      <translation>6 位字母或数字，由县里分配</translation>
    </message>
    <message>
      <source>At least 6 characters</source>
      <translation>至少 6 位</translation>
    </message>
    <message>
      <source>The two passwords differ. Type them again.</source>
      <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
      <source>Choose your name.</source>
      <translation>请选择您的姓名。</translation>
    </message>
    <message>
      <source>The window was locked after a pause. {name}, enter your password to go on. What you typed is kept.</source>
      <translation>长时间未操作，窗口已锁定。{name}，请输入密码继续工作，之前填写的内容都还在。</translation>
    </message>
    <message>
      <source>--demo-login works only on a demo database. Sign in with your name and password.</source>
      <translation>--demo-login 只能用于演示数据库。请用您的姓名和密码登录。</translation>
    </message>
    <message>
      <source>This PC's number</source>
      <translation>本机编号</translation>
    </message>
    <message>
      <source>01 on the hall's first PC, 02 on a second one; receipt numbers carry it</source>
      <translation>本中心第一台电脑填 01，第二台填 02；回执编号中含此编号</translation>
    </message>
  </context>
  <context>
    <name>home</name>
    <message>
      <source>Monday</source>
      <translation>星期一</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translation>星期二</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translation>星期三</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translation>星期四</translation>
    </message>
    <message>
      <source>Friday</source>
      <translation>星期五</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translation>星期六</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translation>星期日</translation>
    </message>
    <message>
      <source>Click or press Enter to open the list</source>
      <translation>单击或按回车键打开清单</translation>
    </message>
    <message>
      <source>Today's work</source>
      <translation>今日工作</translation>
    </message>
    <message>
      <source>{date}, {weekday}. Hello, {name}.</source>
      <translation>{date}　{weekday}　　{name}，您好！</translation>
    </message>
    <message>
      <source>{y}-{m}-{d}</source>
      <translation>{y}年{m}月{d}日</translation>
    </message>
    <message>
      <source>Counting…</source>
      <translation>正在统计…</translation>
    </message>
  </context>
  <context>
    <name>main</name>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Go</source>
      <translation>前往(&amp;G)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>有未保存的修改</translation>
    </message>
    <message>
      <source>A form has changes that are not saved. Leave anyway?</source>
      <translation>有表单的修改尚未保存。仍要离开吗？</translation>
    </message>
    <message>
      <source>Today's work</source>
      <translation>今日工作</translation>
    </message>
    <message>
      <source>Settings…</source>
      <translation>设置…</translation>
    </message>
    <message>
      <source>Open the data folder</source>
      <translation>打开数据文件夹</translation>
    </message>
    <message>
      <source>Lock</source>
      <translation>锁定</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出程序</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>查找</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Open the log folder</source>
      <translation>打开日志文件夹</translation>
    </message>
    <message>
      <source>About VillageDesk</source>
      <translation>关于 VillageDesk</translation>
    </message>
    <message>
      <source>Demo data</source>
      <translation>演示数据</translation>
    </message>
    <message>
      <source>VillageDesk — {hall}</source>
      <translation>VillageDesk — {hall}</translation>
    </message>
    <message>
      <source>Staff: {name} ({role})</source>
      <translation>工作人员：{name}（{role}）</translation>
    </message>
    <message>
      <source>Hall: {name} ({code})</source>
      <translation>服务中心：{name}（{code}）</translation>
    </message>
    <message>
      <source>Database: {size}</source>
      <translation>数据库：{size}</translation>
    </message>
    <message>
      <source>Back up now</source>
      <translation>立即备份</translation>
    </message>
    <message>
      <source>The database was copied to {path}.</source>
      <translation>数据库已备份到 {path}。</translation>
    </message>
    <message>
      <source>Backing up…</source>
      <translation>正在备份…</translation>
    </message>
  </context>
  <context>
    <name>ResidentsUi</name>
    <message>
      <source>Registered residents</source>
      <translation>在册村民</translation>
    </message>
    <message>
      <source>Ctrl+F to find a resident</source>
      <translation>按 Ctrl+F 查找村民</translation>
    </message>
    <message>
      <source>Export residents to Excel</source>
      <translation>导出村民到 Excel</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Exporting residents…</source>
      <translation>正在导出村民…</translation>
    </message>
    <message>
      <source>residents-{date}.xlsx</source>
      <translation>村民名册-{date}.xlsx</translation>
    </message>
    <message>
      <source>{count} residents were written to {path}. The file holds full ID numbers and phone numbers: keep it safe and delete it when it is no longer needed.</source>
      <translation>已将 {count} 名村民导出到 {path}。此文件含完整的身份证号和电话号码，请妥善保管，不再需要时请删除。</translation>
    </message>
    <message>
      <source>Head of household</source>
      <translation>户主</translation>
    </message>
    <message>
      <source>Village group, hamlet, grid</source>
      <translation>组、湾、网格</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>住址</translation>
    </message>
    <message>
      <source>Add a member</source>
      <translation>添加家庭成员</translation>
    </message>
    <message>
      <source>Back (Esc)</source>
      <translation>返回 (Esc)</translation>
    </message>
    <message>
      <source>Add a household</source>
      <translation>新增一户</translation>
    </message>
    <message>
      <source>Village group, e.g. 三组 (empty: all)</source>
      <translation>输入所属组，如：三组（留空显示全部），按回车</translation>
    </message>
    <message>
      <source>Household no.</source>
      <translation>户号</translation>
    </message>
    <message>
      <source>Village group</source>
      <translation>所属组</translation>
    </message>
    <message>
      <source>Hamlet</source>
      <translation>湾</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>家庭成员</translation>
    </message>
    <message>
      <source>(no head recorded)</source>
      <translation>（未登记户主）</translation>
    </message>
    <message>
      <source>Households</source>
      <translation>户籍管理</translation>
    </message>
    <message>
      <source>Leave empty and a number is given</source>
      <translation>留空则自动编号</translation>
    </message>
    <message>
      <source>Household {no}</source>
      <translation>户号 {no}</translation>
    </message>
    <message>
      <source>{count} households shown (at most 500). Enter opens one.</source>
      <translation>显示 {count} 户（最多 500 户）。按回车键打开。</translation>
    </message>
    <message>
      <source>1. Choose the roster workbook</source>
      <translation>第 1 步：选择花名册文件</translation>
    </message>
    <message>
      <source>An Excel file (.xlsx) with one row per resident. The columns are found by their headings.</source>
      <translation>Excel 文件（.xlsx），每位村民一行。程序按表头文字识别各列。</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择文件…</translation>
    </message>
    <message>
      <source>Choose the roster workbook</source>
      <translation>选择花名册文件</translation>
    </message>
    <message>
      <source>2. Check the columns</source>
      <translation>第 2 步：核对各列</translation>
    </message>
    <message>
      <source>For each item, the column of the workbook it is read from. Correct a wrong one; name and ID number are needed.</source>
      <translation>每一项从表格的哪一列读取。如有不对请改正；姓名和身份证号必须有。</translation>
    </message>
    <message>
      <source>3. Check the rows (nothing is saved yet)</source>
      <translation>第 3 步：检查数据（尚未保存）</translation>
    </message>
    <message>
      <source>Import only the valid rows; the rows with errors are listed in an error report beside the workbook</source>
      <translation>只导入正确的行；有错误的行另存为错误报告，放在花名册文件旁边</translation>
    </message>
    <message>
      <source>Reading the workbook…</source>
      <translation>正在读取花名册…</translation>
    </message>
    <message>
      <source>4. Import</source>
      <translation>第 4 步：导入</translation>
    </message>
    <message>
      <source>Cancel the import</source>
      <translation>取消导入</translation>
    </message>
    <message>
      <source>Importing… You can cancel; then nothing is imported.</source>
      <translation>正在导入… 可以取消，取消后不会导入任何数据。</translation>
    </message>
    <message>
      <source>Import a roster from Excel</source>
      <translation>从 Excel 导入花名册</translation>
    </message>
    <message>
      <source>There is no file at this place. Choose it again.</source>
      <translation>找不到该文件，请重新选择。</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Column in the workbook</source>
      <translation>表格中的列</translation>
    </message>
    <message>
      <source>First values</source>
      <translation>前几行内容</translation>
    </message>
    <message>
      <source>— not in the workbook —</source>
      <translation>— 表格中没有 —</translation>
    </message>
    <message>
      <source>The workbook could not be read. Details are in the log file.</source>
      <translation>无法读取花名册，详细信息已写入日志文件。</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <source>Done: {imported} residents imported, {households} new households, {present} were registered already.</source>
      <translation>完成：导入村民 {imported} 人，新建 {households} 户，已在册 {present} 人（未改动）。</translation>
    </message>
    <message>
      <source>The import failed and nothing was imported. Details are in the log file.</source>
      <translation>导入失败，没有导入任何数据。详细信息已写入日志文件。</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>行号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>列</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>What to do</source>
      <translation>处理办法</translation>
    </message>
    <message>
      <source>{rows} rows read: {valid} can be imported, {errors} have errors, {present} are registered already and will be left as they are.</source>
      <translation>共读取 {rows} 行：可导入 {valid} 行，有错误 {errors} 行，已在册 {present} 人（保持不变）。</translation>
    </message>
    <message>
      <source>Choose the column for: {fields}.</source>
      <translation>请为以下项目选择列：{fields}。</translation>
    </message>
    <message>
      <source>The rows with errors are listed in {path}.</source>
      <translation>有错误的行已列在 {path}。</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>男</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>女</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>在册</translation>
    </message>
    <message>
      <source>Moved out</source>
      <translation>迁出</translation>
    </message>
    <message>
      <source>Deceased</source>
      <translation>死亡</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Age</source>
      <translation>年龄</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Relation to head</source>
      <translation>与户主关系</translation>
    </message>
    <message>
      <source>Open the resident to see the full number</source>
      <translation>打开村民详情可查看完整号码</translation>
    </message>
    <message>
      <source>Party member</source>
      <translation>党员</translation>
    </message>
    <message>
      <source>Minimum-income support</source>
      <translation>低保</translation>
    </message>
    <message>
      <source>Extreme poverty support</source>
      <translation>特困</translation>
    </message>
    <message>
      <source>Disability</source>
      <translation>残疾</translation>
    </message>
    <message>
      <source>Living alone</source>
      <translation>独居</translation>
    </message>
    <message>
      <source>Sex, birth date</source>
      <translation>性别、出生日期</translation>
    </message>
    <message>
      <source>Ethnicity</source>
      <translation>民族</translation>
    </message>
    <message>
      <source>Start a new household</source>
      <translation>新立一户（本人为户主）</translation>
    </message>
    <message>
      <source>Join an existing household</source>
      <translation>加入已有的户</translation>
    </message>
    <message>
      <source>Household</source>
      <translation>所在户</translation>
    </message>
    <message>
      <source>Marks</source>
      <translation>标记</translation>
    </message>
    <message>
      <source>Remark</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Open the household</source>
      <translation>查看本户</translation>
    </message>
    <message>
      <source>Mark as moved out…</source>
      <translation>标记迁出…</translation>
    </message>
    <message>
      <source>Mark as deceased…</source>
      <translation>标记死亡…</translation>
    </message>
    <message>
      <source>Save (Ctrl+S)</source>
      <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
      <source>Add a resident</source>
      <translation>新增村民</translation>
    </message>
    <message>
      <source>head of household</source>
      <translation>户主</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <source>Please confirm</source>
      <translation>请确认</translation>
    </message>
    <message>
      <source>18 characters; sex and birth date come from it</source>
      <translation>18 位；性别和出生日期自动从中读出</translation>
    </message>
    <message>
      <source>Mobile or landline; may stay empty</source>
      <translation>手机或座机，可不填</translation>
    </message>
    <message>
      <source>The number of the household to join</source>
      <translation>要加入的户的户号</translation>
    </message>
    <message>
      <source>{sex} · born {birth} · {age} years</source>
      <translation>{sex} · 出生于 {birth} · {age} 岁</translation>
    </message>
    <message>
      <source>Enter the name.</source>
      <translation>请填写姓名。</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>有未保存的修改</translation>
    </message>
    <message>
      <source>Leave without saving the changes?</source>
      <translation>不保存修改就离开吗？</translation>
    </message>
    <message>
      <source>Status: {status}. The record is kept; it is not deleted.</source>
      <translation>状态：{status}。记录仍然保留，没有删除。</translation>
    </message>
    <message>
      <source>Mark {name} as moved out? The record is kept and can be found later; it is not deleted.</source>
      <translation>确定将 {name} 标记为迁出吗？记录会保留，以后仍可查到，不会删除。</translation>
    </message>
    <message>
      <source>Mark {name} as deceased? This cannot be undone by a clerk. The record is kept; it is not deleted.</source>
      <translation>确定将 {name} 标记为死亡吗？标记后工作人员不能撤销。记录会保留，不会删除。</translation>
    </message>
    <message>
      <source>Enter the household number.</source>
      <translation>请填写户号。</translation>
    </message>
    <message>
      <source>No. {no}</source>
      <translation>户号 {no}</translation>
    </message>
    <message>
      <source>Name, pinyin initials (e.g. zs), last digits of the ID number, or phone</source>
      <translation>输入姓名、拼音首字母（如 zs）、身份证号后几位或电话</translation>
    </message>
    <message>
      <source>Type to search. Results appear as you type.</source>
      <translation>边输入边查找，结果会立即显示。</translation>
    </message>
    <message>
      <source>Find a resident</source>
      <translation>查找村民</translation>
    </message>
    <message>
      <source>Import from Excel</source>
      <translation>从 Excel 导入</translation>
    </message>
    <message>
      <source>{count} found ({ms} ms). ↓ to choose, Enter to open.</source>
      <translation>找到 {count} 人（{ms} 毫秒）。按 ↓ 选择，按回车打开。</translation>
    </message>
    <message>
      <source>The first {count} shown ({ms} ms). Type more to narrow down.</source>
      <translation>只显示前 {count} 人（{ms} 毫秒）。请多输入几个字缩小范围。</translation>
    </message>
    <message>
      <source>Search ({key}); ↓ moves into the results, Enter opens</source>
      <translation>查找（{key}）；按 ↓ 进入结果列表，按回车打开</translation>
    </message>
    <message>
      <source>Nobody found for “{query}”. Check the spelling, or add the resident with Ctrl+N.</source>
      <translation>没有找到“{query}”。请检查输入，或按 Ctrl+N 新增村民。</translation>
    </message>
    <message>
      <source>The new resident form holds what you typed. Discard it and start again?</source>
      <translation>新增村民表单中有您已填写的内容。要放弃这些内容重新开始吗？</translation>
    </message>
  </context>
  <context>
    <name>settings</name>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <source>Font size</source>
      <translation>字号</translation>
    </message>
    <message>
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>Never</source>
      <translation>从不</translation>
    </message>
    <message>
      <source>Lock after a pause of</source>
      <translation>无操作多久后锁定</translation>
    </message>
    <message>
      <source>Takes effect at the next sign-in</source>
      <translation>重新登录后生效</translation>
    </message>
    <message>
      <source>Standard</source>
      <translation>标准</translation>
    </message>
    <message>
      <source>Large</source>
      <translation>大</translation>
    </message>
    <message>
      <source>Extra large</source>
      <translation>特大</translation>
    </message>
    <message>
      <source>Unlocking needs the password</source>
      <translation>解锁需要输入密码</translation>
    </message>
  </context>
  <context>
    <name>about</name>
    <message>
      <source>About VillageDesk</source>
      <translation>关于 VillageDesk</translation>
    </message>
    <message>
      <source>Counter software for village service halls: party affairs, village affairs, commerce, affairs and services in one.</source>
      <translation>村级党群服务中心窗口软件：党务、村务、商务、事务、服务“五务合一”。</translation>
    </message>
    <message>
      <source>Hall</source>
      <translation>服务中心</translation>
    </message>
    <message>
      <source>Data folder</source>
      <translation>数据文件夹</translation>
    </message>
    <message>
      <source>Database file</source>
      <translation>数据库文件</translation>
    </message>
    <message>
      <source>Schema revision</source>
      <translation>数据库版本</translation>
    </message>
    <message>
      <source>Log file</source>
      <translation>日志文件</translation>
    </message>
    <message>
      <source>VillageDesk {version}</source>
      <translation>VillageDesk {version}</translation>
    </message>
    <message>
      <source>{revisions} (sync format {rev})</source>
      <translation>{revisions}（同步格式 {rev}）</translation>
    </message>
    <message>
      <source>not the newest: {heads}</source>
      <translation>不是最新版本：{heads}</translation>
    </message>
    <message>
      <source>Backups</source>
      <translation>备份文件夹</translation>
    </message>
    <message>
      <source>Python / Qt</source>
      <translation>Python / Qt</translation>
    </message>
    <message>
      <source>This PC's number</source>
      <translation>本机编号</translation>
    </message>
  </context>
  <context>
    <name>roles</name>
    <message>
      <source>Administrator</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>Proxy clerk</source>
      <translation>代办员</translation>
    </message>
    <message>
      <source>Elder-care worker</source>
      <translation>养老服务员</translation>
    </message>
    <message>
      <source>Supply keeper</source>
      <translation>农资管理员</translation>
    </message>
    <message>
      <source>Party affairs</source>
      <translation>党务</translation>
    </message>
  </context>
  <context>
    <name>StaffUi</name>
    <message>
      <source>Active</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>岗位</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>账号状态</translation>
    </message>
    <message>
      <source>Add a staff member</source>
      <translation>添加工作人员</translation>
    </message>
    <message>
      <source>Reset the password</source>
      <translation>重设密码</translation>
    </message>
    <message>
      <source>Change the role</source>
      <translation>更改岗位</translation>
    </message>
    <message>
      <source>Staff member</source>
      <translation>工作人员</translation>
    </message>
    <message>
      <source>Each role sees only its own affairs</source>
      <translation>每个岗位只能看到自己负责的业务</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>At least 6 characters; tell it to the staff member</source>
      <translation>至少 6 位；请当面告诉本人</translation>
    </message>
    <message>
      <source>Staff accounts</source>
      <translation>工作人员账号</translation>
    </message>
    <message>
      <source>An account is never deleted, because the records it made point at it. Disable it instead.</source>
      <translation>账号不能删除，因为它办理过的记录都指向它。不再使用时请停用。</translation>
    </message>
    <message>
      <source>Disable / enable</source>
      <translation>停用 / 启用</translation>
    </message>
  </context>
</TS>
