<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>eldercare</name>
    <message>
      <source>A check cannot be recorded for a future date.</source>
      <translation>不能登记未来日期的认证。</translation>
    </message>
    <message>
      <source>A meal is served at the canteen (堂食) or delivered (送餐).</source>
      <translation>用餐方式为堂食或送餐。</translation>
    </message>
    <message>
      <source>A proxy application for this year's check was already started.</source>
      <translation>本年度认证的代办申请已经发起。</translation>
    </message>
    <message>
      <source>A visit cannot be recorded for a future date.</source>
      <translation>不能登记未来日期的探访。</translation>
    </message>
    <message>
      <source>Aged 80+</source>
      <translation>80岁以上</translation>
    </message>
    <message>
      <source>An elder is either disabled or partly disabled, not both.</source>
      <translation>失能与半失能只能选一项。</translation>
    </message>
    <message>
      <source>An emergency contact needs both a name and a phone number.</source>
      <translation>紧急联系人需同时填写姓名和电话。</translation>
    </message>
    <message>
      <source>At home</source>
      <translation>上门</translation>
    </message>
    <message>
      <source>At the canteen</source>
      <translation>堂食</translation>
    </message>
    <message>
      <source>At the hall</source>
      <translation>现场</translation>
    </message>
    <message>
      <source>Beacon household</source>
      <translation>明灯户</translation>
    </message>
    <message>
      <source>By proxy</source>
      <translation>代办</translation>
    </message>
    <message>
      <source>Choose at least one elder.</source>
      <translation>请至少选择一位老人。</translation>
    </message>
    <message>
      <source>Choose the carer.</source>
      <translation>请选择联系人（照护人）。</translation>
    </message>
    <message>
      <source>Cleaning help</source>
      <translation>助洁</translation>
    </message>
    <message>
      <source>Delivered</source>
      <translation>送餐</translation>
    </message>
    <message>
      <source>Dibao/Tekun</source>
      <translation>低保/特困</translation>
    </message>
    <message>
      <source>Dinner</source>
      <translation>晚餐</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>失能</translation>
    </message>
    <message>
      <source>Empty nest</source>
      <translation>空巢</translation>
    </message>
    <message>
      <source>Enter who made the visit.</source>
      <translation>请填写探访人。</translation>
    </message>
    <message>
      <source>Home visit</source>
      <translation>探访</translation>
    </message>
    <message>
      <source>Level 1</source>
      <translation>一级</translation>
    </message>
    <message>
      <source>Level 2</source>
      <translation>二级</translation>
    </message>
    <message>
      <source>Level 3</source>
      <translation>三级</translation>
    </message>
    <message>
      <source>Lives alone</source>
      <translation>独居</translation>
    </message>
    <message>
      <source>Lunch</source>
      <translation>午餐</translation>
    </message>
    <message>
      <source>Meals cannot be registered for a future date.</source>
      <translation>不能登记未来日期的用餐。</translation>
    </message>
    <message>
      <source>Medical help</source>
      <translation>助医</translation>
    </message>
    <message>
      <source>No resident with this ID number is registered.</source>
      <translation>没有登记此身份证号的村民。</translation>
    </message>
    <message>
      <source>No such meal.</source>
      <translation>没有这条用餐记录。</translation>
    </message>
    <message>
      <source>No such visit.</source>
      <translation>没有这条探访记录。</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Other elders</source>
      <translation>其他老人</translation>
    </message>
    <message>
      <source>Partly disabled</source>
      <translation>半失能</translation>
    </message>
    <message>
      <source>Say whether the carer is staff, a volunteer or a beacon household.</source>
      <translation>请选择联系人类型：工作人员、志愿者或明灯户。</translation>
    </message>
    <message>
      <source>Shopping errand</source>
      <translation>代购</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>工作人员</translation>
    </message>
    <message>
      <source>Started from the elder roster</source>
      <translation>由老人名册发起</translation>
    </message>
    <message>
      <source>The care level is 0 (none) to 3.</source>
      <translation>护理等级为0（无）至3级。</translation>
    </message>
    <message>
      <source>The carer is a staff member, a volunteer or a beacon household.</source>
      <translation>联系人类型只能是工作人员、志愿者或明灯户。</translation>
    </message>
    <message>
      <source>The check method is 现场 (at the hall), 上门 (at home) or 代办 (by proxy).</source>
      <translation>认证方式为现场、上门或代办。</translation>
    </message>
    <message>
      <source>The meal is lunch (午餐) or dinner (晚餐).</source>
      <translation>餐次为午餐或晚餐。</translation>
    </message>
    <message>
      <source>The service catalogue has no item 养老金资格认证.</source>
      <translation>代办事项目录中没有“养老金资格认证”。</translation>
    </message>
    <message>
      <source>This elder had no meals in {month}.</source>
      <translation>该老人在{month}没有用餐记录。</translation>
    </message>
    <message>
      <source>This follow-up is already closed.</source>
      <translation>该跟进事项已经办结。</translation>
    </message>
    <message>
      <source>Unknown elder-care setting: {key}</source>
      <translation>未知的养老服务设置：{key}</translation>
    </message>
    <message>
      <source>Unknown flag in a visit rule: {flag}</source>
      <translation>探访规则中有未知标记：{flag}</translation>
    </message>
    <message>
      <source>Unknown flag {flag}. Use one of: 独居 空巢 失能 半失能 高龄 低保.</source>
      <translation>未知标记“{flag}”，可用：独居 空巢 失能 半失能 高龄 低保。</translation>
    </message>
    <message>
      <source>Unknown visit type {type}. Use one of: 探访 助洁 助医 代购 其他.</source>
      <translation>未知探访类型“{type}”，可用：探访 助洁 助医 代购 其他。</translation>
    </message>
    <message>
      <source>Very old (80+)</source>
      <translation>高龄</translation>
    </message>
    <message>
      <source>Volunteer</source>
      <translation>志愿者</translation>
    </message>
    <message>
      <source>Write the month as YYYY-MM, for example 2026-03.</source>
      <translation>月份请写成 YYYY-MM，例如 2026-03。</translation>
    </message>
    <message>
      <source>Write what was done before closing the follow-up.</source>
      <translation>请先填写处理结果，再办结跟进事项。</translation>
    </message>
    <message>
      <source>{name} is no longer on the roster (moved out or deceased).</source>
      <translation>{name}已不在老人名册中（已迁出或已故）。</translation>
    </message>
    <message>
      <source>{name} is {age} and not yet on the elder roster.</source>
      <translation>{name}今年{age}岁，尚未进入老人名册（60岁起）。</translation>
    </message>
    <message>
      <source>{name} was already checked on {date} this year.</source>
      <translation>{name}本年度已于{date}完成认证。</translation>
    </message>
    <message>
      <source>{what} must be a whole number above zero.</source>
      <translation>{what}必须是大于零的整数。</translation>
    </message>
  </context>
  <context>
    <name>EldercareDoc</name>
    <message>
      <source>Address</source>
      <translation>住址</translation>
    </message>
    <message>
      <source>Age</source>
      <translation>年龄</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>By category</source>
      <translation>分类汇总</translation>
    </message>
    <message>
      <source>Care level</source>
      <translation>护理等级</translation>
    </message>
    <message>
      <source>Carer</source>
      <translation>结对照护人</translation>
    </message>
    <message>
      <source>Carer type</source>
      <translation>照护人类型</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Checked by</source>
      <translation>审核人</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已办结</translation>
    </message>
    <message>
      <source>Current prices: lunch {lunch}, dinner {dinner} yuan. Subsidy per meal: dibao/tekun {dibao}, aged 80+ {age80}, other elders {other} yuan. Amounts in yuan; each meal is charged at the price of its day.</source>
      <translation>现行标准：午餐{lunch}元，晚餐{dinner}元；每餐补贴：低保/特困{dibao}元，80岁以上{age80}元，其他老人{other}元。金额单位为元，每餐按当日标准计价。</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>出生日期</translation>
    </message>
    <message>
      <source>Delivered</source>
      <translation>送餐</translation>
    </message>
    <message>
      <source>Dinner</source>
      <translation>晚餐</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已认证</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>应访</translation>
    </message>
    <message>
      <source>Elder</source>
      <translation>老人</translation>
    </message>
    <message>
      <source>Elder's signature</source>
      <translation>老人签字</translation>
    </message>
    <message>
      <source>Elders in this carer's care</source>
      <translation>结对照护的老人</translation>
    </message>
    <message>
      <source>Emergency contacts</source>
      <translation>紧急联系人</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>女</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>探访情况</translation>
    </message>
    <message>
      <source>Flags</source>
      <translation>标记</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>跟进</translation>
    </message>
    <message>
      <source>Hall seal</source>
      <translation>中心盖章</translation>
    </message>
    <message>
      <source>Health notes</source>
      <translation>健康情况</translation>
    </message>
    <message>
      <source>Home elder care file card</source>
      <translation>居家养老老人档案卡</translation>
    </message>
    <message>
      <source>Home visit sheet</source>
      <translation>上门探访登记表</translation>
    </message>
    <message>
      <source>Home visit sheet, {year}-{month}</source>
      <translation>上门探访登记表（{year}年{month}月）</translation>
    </message>
    <message>
      <source>Household no.</source>
      <translation>户号</translation>
    </message>
    <message>
      <source>How</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Last visit</source>
      <translation>最近探访</translation>
    </message>
    <message>
      <source>Lunch</source>
      <translation>午餐</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>男</translation>
    </message>
    <message>
      <source>Meal</source>
      <translation>餐次</translation>
    </message>
    <message>
      <source>Meal service statement</source>
      <translation>助餐服务结算表</translation>
    </message>
    <message>
      <source>Meal service statement, {year}-{month}</source>
      <translation>助餐服务月度结算表（{year}年{month}月）</translation>
    </message>
    <message>
      <source>Meal statement of {name}, {year}-{month}</source>
      <translation>{name}助餐结算单（{year}年{month}月）</translation>
    </message>
    <message>
      <source>Meals</source>
      <translation>餐数</translation>
    </message>
    <message>
      <source>Meals one by one</source>
      <translation>用餐明细</translation>
    </message>
    <message>
      <source>Meals this month</source>
      <translation>本月用餐</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>None recorded</source>
      <translation>暂无记录</translation>
    </message>
    <message>
      <source>Not yet eligible</source>
      <translation>未达领取年龄</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Old-age allowance</source>
      <translation>高龄津贴</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>待跟进</translation>
    </message>
    <message>
      <source>Paid by elder</source>
      <translation>个人自付</translation>
    </message>
    <message>
      <source>Pension eligibility checks</source>
      <translation>养老金资格认证</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Prepared by</source>
      <translation>制表人</translation>
    </message>
    <message>
      <source>Printed on {date}</source>
      <translation>打印日期：{date}</translation>
    </message>
    <message>
      <source>Printed on {date} by {clerk}</source>
      <translation>打印日期：{date}　经办人：{clerk}</translation>
    </message>
    <message>
      <source>Recent home visits</source>
      <translation>近期上门探访</translation>
    </message>
    <message>
      <source>Relation</source>
      <translation>关系</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>已发起代办</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Subsidy</source>
      <translation>补贴</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Village group</source>
      <translation>所属组</translation>
    </message>
    <message>
      <source>Visitor</source>
      <translation>探访人</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>探访频次</translation>
    </message>
    <message>
      <source>Visits this month</source>
      <translation>本月探访记录</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>every {days} days</source>
      <translation>每{days}天一次</translation>
    </message>
    <message>
      <source>{age}+ tier, {amount} a month</source>
      <translation>{age}岁档，每月{amount}元</translation>
    </message>
    <message>
      <source>{n} elders</source>
      <translation>{n}人</translation>
    </message>
    <message>
      <source>{n} meals</source>
      <translation>{n}餐</translation>
    </message>
    <message>
      <source>age {age}</source>
      <translation>{age}岁</translation>
    </message>
    <message>
      <source>Visited</source>
      <translation>已访</translation>
    </message>
  </context>
  <context>
    <name>EldercareCli</name>
    <message>
      <source>--start-proxy goes with the method 代办.</source>
      <translation>--start-proxy 只能与认证方式“代办”一起使用。</translation>
    </message>
    <message>
      <source>Carer: {name}</source>
      <translation>结对照护人：{name}</translation>
    </message>
    <message>
      <source>Follow-up closed.</source>
      <translation>跟进事项已办结。</translation>
    </message>
    <message>
      <source>No open follow-ups.</source>
      <translation>没有待跟进的事项。</translation>
    </message>
    <message>
      <source>Not on the active roster.</source>
      <translation>不在当前老人名册中。</translation>
    </message>
    <message>
      <source>Pension check recorded: {name} {date} {method}</source>
      <translation>已登记养老金资格认证：{name} {date} {method}</translation>
    </message>
    <message>
      <source>Proxy application {number} started for {name}.</source>
      <translation>已为{name}发起代办申请，受理编号 {number}。</translation>
    </message>
    <message>
      <source>Total: {meals} meals, amount {amount}, subsidy {subsidy}, paid {paid}</source>
      <translation>合计：{meals}餐，金额{amount}元，补贴{subsidy}元，自付{paid}元</translation>
    </message>
    <message>
      <source>Visit recorded: {name} {date} {type}</source>
      <translation>已登记探访：{name} {date} {type}</translation>
    </message>
    <message>
      <source>Write a contact as NAME,RELATION,PHONE.</source>
      <translation>紧急联系人请写成：姓名,关系,电话。</translation>
    </message>
    <message>
      <source>Write dates as YYYY-MM-DD, for example 2026-03-02.</source>
      <translation>日期请写成 YYYY-MM-DD，例如 2026-03-02。</translation>
    </message>
    <message>
      <source>Write the value as JSON, e.g. visit_default_days=21.</source>
      <translation>值请写成 JSON，例如 visit_default_days=21。</translation>
    </message>
    <message>
      <source>age {age}</source>
      <translation>{age}岁</translation>
    </message>
    <message>
      <source>already registered</source>
      <translation>已登记过</translation>
    </message>
    <message>
      <source>last {last}, every {days} days, {overdue} days overdue</source>
      <translation>上次 {last}，每{days}天一次，逾期{overdue}天</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未探访</translation>
    </message>
    <message>
      <source>open {days} days</source>
      <translation>已挂{days}天</translation>
    </message>
    <message>
      <source>{n} elders</source>
      <translation>共{n}位老人</translation>
    </message>
    <message>
      <source>{n} elders due for a visit</source>
      <translation>共{n}位老人待探访</translation>
    </message>
    <message>
      <source>{n} elders not checked yet</source>
      <translation>共{n}位老人本年度尚未认证</translation>
    </message>
    <message>
      <source>{n} meals registered</source>
      <translation>已登记{n}餐</translation>
    </message>
    <message>
      <source>Demo records added for {n} elders.</source>
      <translation>已为{n}位老人添加演示记录。</translation>
    </message>
    <message>
      <source>never visited, every {days} days, {overdue} days overdue</source>
      <translation>从未探访，每{days}天一次，逾期{overdue}天</translation>
    </message>
  </context>
  <context>
    <name>nav</name>
    <message>
      <source>Elder</source>
      <translation>老人详情</translation>
    </message>
    <message>
      <source>Elder roster</source>
      <translation>老人名册</translation>
    </message>
    <message>
      <source>Elder-care statements</source>
      <translation>养老月报表</translation>
    </message>
    <message>
      <source>Home elder care</source>
      <translation>居家养老</translation>
    </message>
    <message>
      <source>Meal register</source>
      <translation>助餐登记</translation>
    </message>
    <message>
      <source>Pension check and allowance</source>
      <translation>认证与高龄津贴</translation>
    </message>
    <message>
      <source>Register today's meals</source>
      <translation>登记今日用餐</translation>
    </message>
    <message>
      <source>Visits due</source>
      <translation>待探访</translation>
    </message>
    <message>
      <source>Elder-care rules</source>
      <translation>养老服务规则</translation>
    </message>
  </context>
  <context>
    <name>EldercareUi</name>
    <message>
      <source>Age</source>
      <translation>年龄</translation>
    </message>
    <message>
      <source>Age reached</source>
      <translation>达到年龄</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Carer</source>
      <translation>结对照护人</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Days overdue</source>
      <translation>逾期天数</translation>
    </message>
    <message>
      <source>Delivered</source>
      <translation>送餐</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Dinners</source>
      <translation>晚餐</translation>
    </message>
    <message>
      <source>Elders due for a visit</source>
      <translation>待探访老人</translation>
    </message>
    <message>
      <source>Every (days)</source>
      <translation>频次（天）</translation>
    </message>
    <message>
      <source>Flags</source>
      <translation>标记</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>发现情况</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Last visit</source>
      <translation>最近探访</translation>
    </message>
    <message>
      <source>Lunches</source>
      <translation>午餐</translation>
    </message>
    <message>
      <source>Monthly allowance</source>
      <translation>每月津贴</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Open (days)</source>
      <translation>已挂（天）</translation>
    </message>
    <message>
      <source>Open follow-ups</source>
      <translation>待跟进事项</translation>
    </message>
    <message>
      <source>Paid by elder</source>
      <translation>个人自付</translation>
    </message>
    <message>
      <source>Pension checks not done this year</source>
      <translation>本年度未认证</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Qualifies on</source>
      <translation>达标日期</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Subsidy</source>
      <translation>补贴</translation>
    </message>
    <message>
      <source>Visit date</source>
      <translation>探访日期</translation>
    </message>
    <message>
      <source>Visitor</source>
      <translation>探访人</translation>
    </message>
    <message>
      <source>What</source>
      <translation>事项</translation>
    </message>
    <message>
      <source> days ahead</source>
      <translation> 天内</translation>
    </message>
    <message>
      <source>Add someone else: name or end of ID number, Enter</source>
      <translation>添加其他老人：输入姓名或身份证尾号，按回车</translation>
    </message>
    <message>
      <source>All elders</source>
      <translation>全部老人</translation>
    </message>
    <message>
      <source>Also show elders due within</source>
      <translation>同时显示即将到期：</translation>
    </message>
    <message>
      <source>Before printing</source>
      <translation>打印前请注意</translation>
    </message>
    <message>
      <source>Care level</source>
      <translation>护理等级</translation>
    </message>
    <message>
      <source>Carer type</source>
      <translation>照护人类型</translation>
    </message>
    <message>
      <source>Carer's phone</source>
      <translation>照护人电话</translation>
    </message>
    <message>
      <source>Check recorded for {name}.</source>
      <translation>已登记{name}的认证。</translation>
    </message>
    <message>
      <source>Choose the elder first.</source>
      <translation>请先选择老人。</translation>
    </message>
    <message>
      <source>Choose the follow-up to close.</source>
      <translation>请选择要办结的跟进事项。</translation>
    </message>
    <message>
      <source>Close follow-up</source>
      <translation>办结跟进</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>失能</translation>
    </message>
    <message>
      <source>Eats at the canteen</source>
      <translation>助餐常客</translation>
    </message>
    <message>
      <source>Elder roster</source>
      <translation>老人名册</translation>
    </message>
    <message>
      <source>Elder-care profile</source>
      <translation>养老档案</translation>
    </message>
    <message>
      <source>Emergency contacts</source>
      <translation>紧急联系人</translation>
    </message>
    <message>
      <source>Empty nest</source>
      <translation>空巢</translation>
    </message>
    <message>
      <source>Every resident aged 60 or over appears here by themselves; moved-out and deceased elders leave the list.</source>
      <translation>年满60周岁的村民自动列入名册；迁出和已故的老人自动移出，历史记录保留。</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>探访情况</translation>
    </message>
    <message>
      <source>Follow-up closed</source>
      <translation>跟进已办结</translation>
    </message>
    <message>
      <source>Follow-up closed.</source>
      <translation>跟进事项已办结。</translation>
    </message>
    <message>
      <source>Follow-up needed</source>
      <translation>需要跟进</translation>
    </message>
    <message>
      <source>Follow-up open</source>
      <translation>待跟进</translation>
    </message>
    <message>
      <source>Health notes</source>
      <translation>健康情况</translation>
    </message>
    <message>
      <source>Home visits due</source>
      <translation>待上门探访</translation>
    </message>
    <message>
      <source>Lives alone</source>
      <translation>独居</translation>
    </message>
    <message>
      <source>Meal</source>
      <translation>餐次</translation>
    </message>
    <message>
      <source>Meal register</source>
      <translation>助餐登记</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Monthly statements</source>
      <translation>养老月报表</translation>
    </message>
    <message>
      <source>Name or end of ID number</source>
      <translation>姓名或身份证尾号</translation>
    </message>
    <message>
      <source>Newly qualifying for the old-age allowance in</source>
      <translation>本月新增高龄津贴人员：</translation>
    </message>
    <message>
      <source>Not yet checked this year</source>
      <translation>本年度尚未认证</translation>
    </message>
    <message>
      <source>One per line: name relation phone</source>
      <translation>每行一人：姓名 关系 电话</translation>
    </message>
    <message>
      <source>Open (Enter)</source>
      <translation>打开（回车）</translation>
    </message>
    <message>
      <source>Open follow-ups (they stay here until closed)</source>
      <translation>待跟进事项（办结前一直保留）</translation>
    </message>
    <message>
      <source>Partly disabled</source>
      <translation>半失能</translation>
    </message>
    <message>
      <source>Pension check and old-age allowance</source>
      <translation>养老金资格认证与高龄津贴</translation>
    </message>
    <message>
      <source>Print file card</source>
      <translation>打印档案卡</translation>
    </message>
    <message>
      <source>Print meal statement</source>
      <translation>打印助餐结算表</translation>
    </message>
    <message>
      <source>Print visit sheet</source>
      <translation>打印探访登记表</translation>
    </message>
    <message>
      <source>Profile saved.</source>
      <translation>档案已保存。</translation>
    </message>
    <message>
      <source>Proxy application {number} started for {name}.</source>
      <translation>已为{name}发起代办申请，受理编号 {number}。</translation>
    </message>
    <message>
      <source>Record a home visit</source>
      <translation>登记上门探访</translation>
    </message>
    <message>
      <source>Record check (Ctrl+S)</source>
      <translation>登记认证（Ctrl+S）</translation>
    </message>
    <message>
      <source>Record visit (Ctrl+S)</source>
      <translation>保存探访（Ctrl+S）</translation>
    </message>
    <message>
      <source>Register ticked meals (Ctrl+Enter)</source>
      <translation>登记已勾选用餐（Ctrl+Enter）</translation>
    </message>
    <message>
      <source>Save profile</source>
      <translation>保存档案</translation>
    </message>
    <message>
      <source>Space: ate · D: delivered · Ctrl+Enter: register</source>
      <translation>空格：已用餐 · D：送餐 · Ctrl+Enter：登记</translation>
    </message>
    <message>
      <source>Start as proxy application</source>
      <translation>发起代办申请</translation>
    </message>
    <message>
      <source>Tick who ate first (Space).</source>
      <translation>请先勾选用餐的老人（空格键）。</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Visit recorded.</source>
      <translation>探访已登记。</translation>
    </message>
    <message>
      <source>Visits and meals, newest first</source>
      <translation>探访和用餐记录（最新在前）</translation>
    </message>
    <message>
      <source>Voided</source>
      <translation>已作废</translation>
    </message>
    <message>
      <source>What was done</source>
      <translation>处理结果</translation>
    </message>
    <message>
      <source>What you found</source>
      <translation>探访发现的情况</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>[delivered]</source>
      <translation>[送餐]</translation>
    </message>
    <message>
      <source>e.g. blood pressure 150/95</source>
      <translation>例如：血压 150/95</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未探访</translation>
    </message>
    <message>
      <source>no longer on the roster</source>
      <translation>已不在名册中</translation>
    </message>
    <message>
      <source>pays {paid}</source>
      <translation>自付 {paid}</translation>
    </message>
    <message>
      <source>registered</source>
      <translation>已登记</translation>
    </message>
    <message>
      <source>visit every {days} days</source>
      <translation>每{days}天探访一次</translation>
    </message>
    <message>
      <source>{age} years</source>
      <translation>{age}岁</translation>
    </message>
    <message>
      <source>{category}: {meals} meals, subsidy {subsidy}</source>
      <translation>{category}：{meals}餐，补贴{subsidy}元</translation>
    </message>
    <message>
      <source>{elders} elders, {meals} meals. Amount {amount}, subsidy {subsidy}, paid by elders {paid}.</source>
      <translation>共{elders}位老人，{meals}餐；金额{amount}元，补贴{subsidy}元，个人自付{paid}元。</translation>
    </message>
    <message>
      <source>{mode}, paid {paid} (subsidy {subsidy})</source>
      <translation>{mode}，自付{paid}元（补贴{subsidy}元）</translation>
    </message>
    <message>
      <source>{n} due now, {m} listed</source>
      <translation>已到期{n}人，共列出{m}人</translation>
    </message>
    <message>
      <source>{n} elders</source>
      <translation>共{n}位老人</translation>
    </message>
    <message>
      <source>{n} elders match; type more of the name or the ID number.</source>
      <translation>有{n}位老人符合，请多输入几个字或身份证号。</translation>
    </message>
    <message>
      <source>{n} elders not checked yet</source>
      <translation>{n}位老人尚未认证</translation>
    </message>
    <message>
      <source>{n} meals registered.</source>
      <translation>已登记{n}餐。</translation>
    </message>
    <message>
      <source>{n} ticked, {paid} to collect; {m} already registered</source>
      <translation>已勾选{n}人，应收{paid}元；已登记{m}人</translation>
    </message>
    <message>
      <source>Back to the county defaults</source>
      <translation>恢复县级默认规则</translation>
    </message>
    <message>
      <source>Changed for this hall: {keys}</source>
      <translation>本中心已调整：{keys}</translation>
    </message>
    <message>
      <source>Choose the entry to void.</source>
      <translation>请先选择要作废的记录。</translation>
    </message>
    <message>
      <source>Elder-care rules of this hall</source>
      <translation>本中心养老服务规则</translation>
    </message>
    <message>
      <source>Entry voided.</source>
      <translation>记录已作废。</translation>
    </message>
    <message>
      <source>Everyone else: every</source>
      <translation>其他老人：每</translation>
    </message>
    <message>
      <source>From age</source>
      <translation>年满</translation>
    </message>
    <message>
      <source>Home visits: the shortest matching interval applies</source>
      <translation>上门探访频次（符合多项时取最短）</translation>
    </message>
    <message>
      <source>Meals (yuan)</source>
      <translation>助餐（元）</translation>
    </message>
    <message>
      <source>Old-age allowance (age 0: no tier)</source>
      <translation>高龄津贴（年龄填0表示不设此档）</translation>
    </message>
    <message>
      <source>Price of {meal}</source>
      <translation>{meal}价格</translation>
    </message>
    <message>
      <source>Rules saved.</source>
      <translation>规则已保存。</translation>
    </message>
    <message>
      <source>Save rules</source>
      <translation>保存规则</translation>
    </message>
    <message>
      <source>Subsidy per meal: {category}</source>
      <translation>每餐补贴：{category}</translation>
    </message>
    <message>
      <source>The county defaults apply again.</source>
      <translation>已恢复县级默认规则。</translation>
    </message>
    <message>
      <source>Void the selected entry (typed by mistake)</source>
      <translation>作废所选记录（录错时使用）</translation>
    </message>
    <message>
      <source>days</source>
      <translation>天一次</translation>
    </message>
    <message>
      <source>days (0: no rule)</source>
      <translation>天一次（0表示不单独规定）</translation>
    </message>
    <message>
      <source>yuan a month</source>
      <translation>元/月</translation>
    </message>
    <message>
      <source>roster age</source>
      <translation>入册年龄</translation>
    </message>
    <message>
      <source>usual visit interval</source>
      <translation>一般探访频次</translation>
    </message>
    <message>
      <source>visit intervals by flag</source>
      <translation>分类探访频次</translation>
    </message>
    <message>
      <source>meal prices</source>
      <translation>餐价</translation>
    </message>
    <message>
      <source>meal subsidies</source>
      <translation>助餐补贴</translation>
    </message>
    <message>
      <source>old-age allowance</source>
      <translation>高龄津贴</translation>
    </message>
  </context>
</TS>
