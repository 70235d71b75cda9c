<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>cli</name>
    <message>
      <source>Interrupted.</source>
      <translation>已中断。</translation>
    </message>
    <message>
      <source>Error: {message}</source>
      <translation>错误:{message}</translation>
    </message>
    <message>
      <source>An unexpected error occurred. Details are in the log file: {path}</source>
      <translation>发生了意外错误。详细信息已写入日志文件:{path}</translation>
    </message>
    <message>
      <source>Database is at revision {rev}.</source>
      <translation>数据库版本:{rev}。</translation>
    </message>
    <message>
      <source>Integrity: {detail}; revision {rev}; newest {head}.</source>
      <translation>完整性检查:{detail};当前版本 {rev};最新版本 {head}。</translation>
    </message>
    <message>
      <source>Backup written: {path}</source>
      <translation>备份已保存:{path}</translation>
    </message>
    <message>
      <source>Restored from {file}. The previous database was saved as {saved}.</source>
      <translation>已从 {file} 恢复。恢复前的数据库已另存为 {saved}。</translation>
    </message>
    <message>
      <source>There is no database yet at {path}.</source>
      <translation>{path} 还没有数据库。</translation>
    </message>
    <message>
      <source>Demo data: {r} residents in {h} households ({s} s). Sign in as {a} / {p}.</source>
      <translation>演示数据:{h} 户 {r} 人(用时 {s} 秒)。登录账号 {a},密码 {p}。</translation>
    </message>
    <message>
      <source>Imported {n} residents ({h} new households); {p} were registered already.</source>
      <translation>已导入 {n} 人(新建 {h} 户);另有 {p} 人此前已登记,未重复导入。</translation>
    </message>
    <message>
      <source>Exported {n} residents to {path}. The file holds personal data: keep it safe.</source>
      <translation>已导出 {n} 人到 {path}。文件含个人信息,请妥善保管。</translation>
    </message>
    <message>
      <source>Registered:</source>
      <translation>已登记:</translation>
    </message>
    <message>
      <source>{count} found in {ms} ms</source>
      <translation>找到 {count} 人,用时 {ms} 毫秒</translation>
    </message>
    <message>
      <source>Dry run: {rows} data rows, {valid} valid, {errors} with errors. Nothing was written.</source>
      <translation>试导入:共 {rows} 行数据,{valid} 行有效,{errors} 行有错误。未写入任何数据。</translation>
    </message>
    <message>
      <source>Row {row}: {message}</source>
      <translation>第 {row} 行:{message}</translation>
    </message>
    <message>
      <source>Rows with errors are listed in {path}</source>
      <translation>有错误的行已列在 {path}</translation>
    </message>
    <message>
      <source>Hall {name} ({code}) is set up. Administrator: {admin}</source>
      <translation>服务中心“{name}”({code})已初始化。管理员:{admin}</translation>
    </message>
    <message>
      <source>Hall {name} ({code}) is set up on PC number {device}. Administrator: {admin}</source>
      <translation>服务中心 {name}（{code}）已在 {device} 号电脑上初始化。管理员：{admin}</translation>
    </message>
    <message>
      <source>Error: the command is not complete or not right ({detail}). Add --help to see how to use it.</source>
      <translation>错误：命令不完整或有误（{detail}）。在命令后加 --help 可查看用法。</translation>
    </message>
  </context>
  <context>
    <name>backup</name>
    <message>
      <source>The file is not a VillageDesk database.</source>
      <translation>该文件不是 VillageDesk 数据库。</translation>
    </message>
    <message>
      <source>The file {path} does not exist.</source>
      <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
      <source>The file is damaged and cannot be restored.</source>
      <translation>该文件已损坏,不能用于恢复。</translation>
    </message>
    <message>
      <source>The file holds no hall; it cannot be restored.</source>
      <translation>该文件中没有服务中心信息,不能用于恢复。</translation>
    </message>
    <message>
      <source>The backup could not be written ({error}). Check that the disk has free space, then try again.</source>
      <translation>备份未能写入({error})。请检查磁盘是否还有空间,然后重试。</translation>
    </message>
  </context>
  <context>
    <name>store</name>
    <message>
      <source>This hall is not set up yet. Run: villagedesk setup --hall-name NAME --hall-code CODE --admin-name NAME --admin-password PASSWORD</source>
      <translation>本服务中心尚未初始化。请先运行:villagedesk setup --hall-name 名称 --hall-code 编码 --admin-name 管理员姓名 --admin-password 密码</translation>
    </message>
  </context>
  <context>
    <name>auth</name>
    <message>
      <source>Your role may not do this. Ask the hall administrator.</source>
      <translation>您的岗位无权进行此操作,请联系本中心管理员。</translation>
    </message>
    <message>
      <source>The password needs at least 6 characters.</source>
      <translation>密码至少需要 6 位。</translation>
    </message>
    <message>
      <source>This hall is already set up.</source>
      <translation>本服务中心已经初始化过了。</translation>
    </message>
    <message>
      <source>The hall code must be 6 letters or digits, for example XG0203.</source>
      <translation>服务中心编码必须是 6 位字母或数字,例如 XG0203。</translation>
    </message>
    <message>
      <source>Enter the hall name.</source>
      <translation>请填写服务中心名称。</translation>
    </message>
    <message>
      <source>Enter the administrator's name.</source>
      <translation>请填写管理员姓名。</translation>
    </message>
    <message>
      <source>Unknown role.</source>
      <translation>未知的岗位。</translation>
    </message>
    <message>
      <source>Enter the staff member's name.</source>
      <translation>请填写工作人员姓名。</translation>
    </message>
    <message>
      <source>No such staff member.</source>
      <translation>没有这位工作人员。</translation>
    </message>
    <message>
      <source>You cannot disable your own account.</source>
      <translation>不能停用自己的账号。</translation>
    </message>
    <message>
      <source>A staff member with this name already exists.</source>
      <translation>已有同名的工作人员。</translation>
    </message>
    <message>
      <source>Wrong name or password.</source>
      <translation>姓名或密码不正确。</translation>
    </message>
    <message>
      <source>No active staff member named {name}.</source>
      <translation>没有名为 {name} 的在用工作人员账号。</translation>
    </message>
    <message>
      <source>Too many wrong passwords. Try again in {seconds} seconds.</source>
      <translation>密码错误次数过多,请 {seconds} 秒后再试。</translation>
    </message>
    <message>
      <source>This PC's number must be 01 to 99. The hall's first PC is 01, the second 02, and so on: no two PCs of a hall may share a number.</source>
      <translation>本机编号应为 01 到 99。本中心第一台电脑为 01，第二台为 02，依此类推：同一中心的两台电脑不能使用相同编号。</translation>
    </message>
  </context>
  <context>
    <name>residents</name>
    <message>
      <source>Enter the name.</source>
      <translation>请填写姓名。</translation>
    </message>
    <message>
      <source>The name is too long.</source>
      <translation>姓名太长。</translation>
    </message>
    <message>
      <source>Unknown status.</source>
      <translation>未知的状态。</translation>
    </message>
    <message>
      <source>No such household.</source>
      <translation>没有这一户。</translation>
    </message>
    <message>
      <source>No resident with this ID number is registered.</source>
      <translation>没有登记这个身份证号码的村民。</translation>
    </message>
    <message>
      <source>No such resident.</source>
      <translation>没有这位村民。</translation>
    </message>
    <message>
      <source>A resident recorded as deceased cannot be changed back. If this was a mistake, ask the administrator to correct it.</source>
      <translation>已登记为死亡的村民不能改回。如确属登记错误,请联系管理员更正。</translation>
    </message>
    <message>
      <source>This ID number is already registered for {name} (household {no}).</source>
      <translation>这个身份证号码已登记在 {name} 名下(户号 {no}),不能重复登记。</translation>
    </message>
    <message>
      <source>Household number {no} already exists.</source>
      <translation>户号 {no} 已存在。</translation>
    </message>
    <message>
      <source>The head must be a member of the household.</source>
      <translation>户主必须是本户成员。</translation>
    </message>
    <message>
      <source>Import cancelled. Nothing was imported.</source>
      <translation>已取消导入,没有导入任何数据。</translation>
    </message>
    <message>
      <source>{count} rows have errors, so nothing was imported. Correct them in the workbook, or import only the valid rows.</source>
      <translation>有 {count} 行存在错误,因此没有导入任何数据。请在表格中改正,或选择只导入无误的行。</translation>
    </message>
  </context>
</TS>
