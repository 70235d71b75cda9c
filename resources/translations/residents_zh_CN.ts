<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>IdCard</name>
    <message>
      <source>An ID number has only digits and, at the end, possibly X. Remove the other characters and compare it with the ID card.</source>
      <translation>身份证号码只能由数字组成,最后一位可以是X。请去掉其他字符,并对照身份证核对。</translation>
    </message>
    <message>
      <source>X may only be the last character of an ID number.</source>
      <translation>X只能出现在身份证号码的最后一位。</translation>
    </message>
    <message>
      <source>An ID number has 18 characters (or 15 digits on old cards); this one has {count}.</source>
      <translation>身份证号码应为18位(老证件为15位数字),这里是{count}位。</translation>
    </message>
    <message>
      <source>Enter the ID number.</source>
      <translation>请填写身份证号码。</translation>
    </message>
    <message>
      <source>Excel stored this ID number as a number, so its last digits are lost. Format the column as text and type the number again from the ID card.</source>
      <translation>Excel把这个身份证号码存成了数字,后几位已经丢失。请把该列设为“文本”格式,再对照身份证重新录入。</translation>
    </message>
    <message>
      <source>The ID number fails its check. Compare it digit by digit with the ID card; the mistake may be in any digit.</source>
      <translation>身份证号码校验未通过,请对照身份证逐位核对,错误可能在任何一位。</translation>
    </message>
    <message>
      <source>Region code {region} is not in the list for {year}; this is normal for numbers issued later, check it only if in doubt.</source>
      <translation>地区代码{region}不在{year}年的行政区划中;证件晚于出生年份办理时这很常见,有疑问时再核对。</translation>
    </message>
    <message>
      <source>The ID number starts with {code}, which is not a province code. Compare it with the ID card.</source>
      <translation>身份证号码前两位{code}不是有效的省份代码,请对照身份证核对。</translation>
    </message>
    <message>
      <source>The birth date {digits} in the ID number is not a real date. Compare the number digit by digit with the ID card.</source>
      <translation>身份证号码中的出生日期{digits}不是有效日期,请对照身份证逐位核对。</translation>
    </message>
    <message>
      <source>The birth date {date} in the ID number is in the future. Compare the number digit by digit with the ID card.</source>
      <translation>身份证号码中的出生日期{date}晚于今天,请对照身份证逐位核对。</translation>
    </message>
  </context>
  <context>
    <name>Phone</name>
    <message>
      <source>A landline needs its area code, written like 0712-2345678.</source>
      <translation>座机号码请带区号,写成 0712-2345678 的形式。</translation>
    </message>
    <message>
      <source>This is not a phone number. A mobile number is 11 digits starting with 13-19; a landline is an area code and 7-8 digits, like 0712-2345678.</source>
      <translation>电话号码格式不对:手机号为11位,以13–19开头;座机为区号加7–8位号码,如 0712-2345678。</translation>
    </message>
    <message>
      <source>A mobile number has 11 digits; this one has {count}. Check it with the resident.</source>
      <translation>手机号应为11位,这里是{count}位,请向本人核实。</translation>
    </message>
  </context>
  <context>
    <name>Roster</name>
    <message>
      <source>Errors</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>Roster</source>
      <translation>花名册</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Household no.</source>
      <translation>户号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Relation to head</source>
      <translation>与户主关系</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Ethnicity</source>
      <translation>民族</translation>
    </message>
    <message>
      <source>Birth date</source>
      <translation>出生日期</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号码</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>联系电话</translation>
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
      <source>Address</source>
      <translation>住址</translation>
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
      <source>Remark</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>check character wrong</source>
      <translation>校验位不符</translation>
    </message>
    <message>
      <source>birth date wrong</source>
      <translation>出生日期错误</translation>
    </message>
    <message>
      <source>wrong format</source>
      <translation>格式错误</translation>
    </message>
    <message>
      <source>province code wrong</source>
      <translation>省份代码错误</translation>
    </message>
    <message>
      <source>duplicate</source>
      <translation>号码重复</translation>
    </message>
    <message>
      <source>stored as a number</source>
      <translation>被存成数字</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>未填写</translation>
    </message>
    <message>
      <source>sex differs from ID</source>
      <translation>性别与身份证不符</translation>
    </message>
    <message>
      <source>birth date differs from ID</source>
      <translation>出生日期与身份证不符</translation>
    </message>
    <message>
      <source>birth date unreadable</source>
      <translation>出生日期无法识别</translation>
    </message>
    <message>
      <source>region code unknown</source>
      <translation>地区代码未知</translation>
    </message>
    <message>
      <source>sex unreadable</source>
      <translation>性别无法识别</translation>
    </message>
    <message>
      <source>male</source>
      <translation>男</translation>
    </message>
    <message>
      <source>female</source>
      <translation>女</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>行号</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>填写内容</translation>
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
      <source>No roster found: no sheet has a header row with both a name column (姓名) and an ID number column (身份证号码).</source>
      <translation>没有找到花名册:没有哪个工作表的表头同时含有“姓名”和“身份证号码”两列。</translation>
    </message>
    <message>
      <source>Enter the name.</source>
      <translation>请填写姓名。</translation>
    </message>
    <message>
      <source>Village roster: names, ID numbers and phone numbers of residents. Keep it safe.</source>
      <translation>村民花名册:含村民姓名、身份证号码和联系电话,请妥善保管,不得外传。</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>提醒</translation>
    </message>
    <message>
      <source>File not found: {path}</source>
      <translation>找不到文件:{path}</translation>
    </message>
    <message>
      <source>{path} is not an Excel workbook (.xlsx) that can be read.</source>
      <translation>{path} 不是可以读取的Excel工作簿(.xlsx)。</translation>
    </message>
    <message>
      <source>Unknown roster field: {name}</source>
      <translation>未知的花名册字段:{name}</translation>
    </message>
    <message>
      <source>The roster has no column for: {fields}. Choose the columns by hand.</source>
      <translation>花名册中找不到这些列:{fields}。请手动指定对应的列。</translation>
    </message>
    <message>
      <source>This does not look like a name: {name}</source>
      <translation>这不像是姓名:{name},请核对。</translation>
    </message>
    <message>
      <source>This ID number is already on row {row} ({name}); one ID number belongs to one person.</source>
      <translation>该身份证号码与第{row}行({name})重复,一个身份证号码只能属于一个人。</translation>
    </message>
    <message>
      <source>Sex "{value}" is not understood; the ID number's sex is used.</source>
      <translation>性别“{value}”无法识别,以身份证号码为准。</translation>
    </message>
    <message>
      <source>Birth date "{value}" is not understood; the ID number's date is used.</source>
      <translation>出生日期“{value}”无法识别,以身份证号码为准。</translation>
    </message>
    <message>
      <source>The sex column says {stated} but the ID number says {derived}; the ID number is used.</source>
      <translation>性别一栏填的是{stated},身份证号码显示为{derived},以身份证号码为准。</translation>
    </message>
    <message>
      <source>The birth date column says {stated} but the ID number says {derived}; the ID number is used.</source>
      <translation>出生日期一栏填的是{stated},身份证号码显示为{derived},以身份证号码为准。</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>{path} is not an .xlsx workbook. Open it in Excel or WPS, choose Save As, pick the .xlsx type, then import that file.</source>
      <translation>{path} 不是 .xlsx 工作簿。请用 Excel 或 WPS 打开它,选择“另存为”,文件类型选 .xlsx,再导入另存的文件。</translation>
    </message>
  </context>
</TS>
