<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>proxy</name>
    <message>
      <source>Township convenience service centre</source>
      <translation>乡镇便民服务中心</translation>
    </message>
    <message>
      <source>Materials incomplete; please supply the missing material.</source>
      <translation>材料不全，请补齐所缺材料。</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已办结</translation>
    </message>
    <message>
      <source>Enter the agent's name as well as their ID number.</source>
      <translation>填写了代办人身份证号，请同时填写代办人姓名。</translation>
    </message>
    <message>
      <source>The rating must be 满意, 基本满意 or 不满意.</source>
      <translation>满意度只能是：满意、基本满意或不满意。</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>已受理</translation>
    </message>
    <message>
      <source>Forwarded</source>
      <translation>已报送</translation>
    </message>
    <message>
      <source>Returned for correction</source>
      <translation>退回补正</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>已办结</translation>
    </message>
    <message>
      <source>Collected</source>
      <translation>已领取</translation>
    </message>
    <message>
      <source>Satisfied</source>
      <translation>满意</translation>
    </message>
    <message>
      <source>Fairly satisfied</source>
      <translation>基本满意</translation>
    </message>
    <message>
      <source>Not satisfied</source>
      <translation>不满意</translation>
    </message>
    <message>
      <source>Not rated</source>
      <translation>未评价</translation>
    </message>
    <message>
      <source>Forwarded again with the missing material</source>
      <translation>补正后重新报送</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>打印</translation>
    </message>
    <message>
      <source>The agent's ID number is not valid.</source>
      <translation>代办人身份证号不正确。</translation>
    </message>
    <message>
      <source>No such resident. Search the resident again or add them.</source>
      <translation>找不到该村民，请重新查找或先登记。</translation>
    </message>
    <message>
      <source>This resident is recorded as deceased. Enter the agent who applies on their behalf.</source>
      <translation>该村民已登记为死亡，请填写代为申请的代办人。</translation>
    </message>
    <message>
      <source>Application {number} is closed: the result was collected on {date}.</source>
      <translation>申请 {number} 已办理完毕：结果已于 {date} 领取。</translation>
    </message>
    <message>
      <source>Application {number} was already forwarded to {office}. Wait for the result, or record that it was returned or completed.</source>
      <translation>申请 {number} 已报送至{office}，请等待结果，或登记退回补正、办结。</translation>
    </message>
    <message>
      <source>Application {number} is already completed; it cannot be forwarded again. Hand the result to the applicant.</source>
      <translation>申请 {number} 已办结，不能再报送，请通知申请人领取结果。</translation>
    </message>
    <message>
      <source>Application {number} has not been forwarded yet, so the office cannot have returned it. Forward it first.</source>
      <translation>申请 {number} 还没有报送，部门不可能退回，请先报送。</translation>
    </message>
    <message>
      <source>Application {number} is already returned and waits for the missing material.</source>
      <translation>申请 {number} 已退回补正，正在等待补交材料。</translation>
    </message>
    <message>
      <source>Application {number} is already completed; a completed application cannot be returned.</source>
      <translation>申请 {number} 已办结，办结后不能退回。</translation>
    </message>
    <message>
      <source>Application {number} has not been forwarded to the office yet. Forward it first.</source>
      <translation>申请 {number} 还没有报送到部门，请先报送。</translation>
    </message>
    <message>
      <source>Application {number} was returned for missing material. Forward it again once the material has arrived.</source>
      <translation>申请 {number} 已退回补正，请在材料补齐后重新报送。</translation>
    </message>
    <message>
      <source>Application {number} is already completed. Tell the applicant to collect the result.</source>
      <translation>申请 {number} 已经办结，请通知申请人领取结果。</translation>
    </message>
    <message>
      <source>Application {number} is not completed yet (it has not even been forwarded); there is no result to collect.</source>
      <translation>申请 {number} 尚未办结（还没有报送），没有可领取的结果。</translation>
    </message>
    <message>
      <source>Application {number} is still with the office; there is no result to collect yet.</source>
      <translation>申请 {number} 还在部门办理中，暂无结果可领取。</translation>
    </message>
    <message>
      <source>Application {number} was returned for missing material; there is no result to collect.</source>
      <translation>申请 {number} 已退回补正，没有可领取的结果。</translation>
    </message>
    <message>
      <source>Application {number} is {status}; this step is not possible now.</source>
      <translation>申请 {number} 当前状态为“{status}”，现在不能进行这一步。</translation>
    </message>
    <message>
      <source>No application with receipt number {number}.</source>
      <translation>没有受理编号为 {number} 的申请。</translation>
    </message>
    <message>
      <source>The service item {name} is no longer offered.</source>
      <translation>事项“{name}”已停止受理。</translation>
    </message>
    <message>
      <source>{township} convenience service centre</source>
      <translation>{township}便民服务中心</translation>
    </message>
    <message>
      <source>"{word}" is not one of this service's materials: {materials}</source>
      <translation>“{word}”不是本事项的申请材料，本事项材料为：{materials}</translation>
    </message>
    <message>
      <source>"{word}" matches more than one material; type more of its name.</source>
      <translation>“{word}”对应多项材料，请输入更完整的材料名称。</translation>
    </message>
    <message>
      <source>free</source>
      <translation>免费</translation>
    </message>
    <message>
      <source>No service item with code {code}. Run: villagedesk proxy catalogue --search ...</source>
      <translation>没有编码为 {code} 的服务事项。可运行：villagedesk proxy catalogue --search 关键字</translation>
    </message>
    <message>
      <source>Unknown status {status}; use one of: {statuses}</source>
      <translation>未知状态 {status}，可用状态：{statuses}</translation>
    </message>
    <message>
      <source>Paper must be a5 or roll80.</source>
      <translation>纸张只能是 a5 或 roll80。</translation>
    </message>
    <message>
      <source>Application {number} is not completed yet; there is no completion notice to print.</source>
      <translation>申请 {number} 尚未办结，没有可打印的办结通知。</translation>
    </message>
    <message>
      <source>Write the month as YYYY-MM, for example 2026-03.</source>
      <translation>月份请写成 年-月，例如 2026-03。</translation>
    </message>
  </context>
  <context>
    <name>ProxyDocuments</name>
    <message>
      <source>{year}-{month:02d}-{day:02d}</source>
      <translation>{year}年{month:02d}月{day:02d}日</translation>
    </message>
    <message>
      <source>({relation})</source>
      <translation>（{relation}）</translation>
    </message>
    <message>
      <source>Receipt no.</source>
      <translation>受理编号</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>代办人</translation>
    </message>
    <message>
      <source>Agent ID number</source>
      <translation>代办人身份证号</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>办理事项</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>承办部门</translation>
    </message>
    <message>
      <source>Accepted at</source>
      <translation>受理时间</translation>
    </message>
    <message>
      <source>Promised time</source>
      <translation>承诺时限</translation>
    </message>
    <message>
      <source>{days} working days</source>
      <translation>{days}个工作日</translation>
    </message>
    <message>
      <source>Due by</source>
      <translation>预计办结</translation>
    </message>
    <message>
      <source>Fee</source>
      <translation>收费</translation>
    </message>
    <message>
      <source>Clerk</source>
      <translation>受理人</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>received</source>
      <translation>已收</translation>
    </message>
    <message>
      <source>MISSING</source>
      <translation>缺，待补交</translation>
    </message>
    <message>
      <source>Material</source>
      <translation>申请材料</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>收取情况</translation>
    </message>
    <message>
      <source>Materials</source>
      <translation>申请材料</translation>
    </message>
    <message>
      <source>Please bring the missing material to the hall as soon as possible; the application goes to the department once it is complete.</source>
      <translation>请尽快将所缺材料送到本中心，材料齐全后即报送承办部门。</translation>
    </message>
    <message>
      <source>Keep this receipt; show it to ask about or collect the result. Phone: {phone}</source>
      <translation>请妥善保管本回执，查询进度和领取结果时出示。咨询电话：{phone}</translation>
    </message>
    <message>
      <source>Applicant's signature: ____________</source>
      <translation>申请人（代办人）签字：____________</translation>
    </message>
    <message>
      <source>Acceptance receipt for proxy services</source>
      <translation>代办服务受理回执</translation>
    </message>
    <message>
      <source>Acceptance receipt {number}</source>
      <translation>受理回执 {number}</translation>
    </message>
    <message>
      <source>{name}: the application for "{service}" that you made at this hall on {accepted} (receipt no. {number}) was completed on {completed}. Please bring your resident ID card and the acceptance receipt to {hall} to collect the result.</source>
      <translation>{name}：您于{accepted}在本中心申请代办的“{service}”（受理编号 {number}）已于{completed}办结。请携带本人居民身份证和受理回执到{hall}领取办理结果。</translation>
    </message>
    <message>
      <source>Completed on</source>
      <translation>办结日期</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>办理结果</translation>
    </message>
    <message>
      <source>Collect at</source>
      <translation>领取地点</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>咨询电话</translation>
    </message>
    <message>
      <source>Notice of completion</source>
      <translation>代办事项办结通知</translation>
    </message>
    <message>
      <source>Scan to check that this notice is genuine.</source>
      <translation>扫码可核验本通知真伪。</translation>
    </message>
    <message>
      <source>{hall} (seal)</source>
      <translation>{hall}（盖章）</translation>
    </message>
    <message>
      <source>Notice of completion {number}</source>
      <translation>办结通知 {number}</translation>
    </message>
    <message>
      <source>Public notice of proxy services completed in {year}-{month:02d}</source>
      <translation>{year}年{month:02d}月代办事项办理结果公示</translation>
    </message>
    <message>
      <source>{total} applications completed, {on_time} of them on time ({rate}).</source>
      <translation>本月共办结{total}件，其中按时办结{on_time}件，按时办结率{rate}。</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>受理日期</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>办结日期</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>按时</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <source>No application was completed this month.</source>
      <translation>本月没有办结的代办事项。</translation>
    </message>
    <message>
      <source>Public notice {year}-{month:02d}</source>
      <translation>代办事项公示 {year}年{month:02d}月</translation>
    </message>
    <message>
      <source>The proxy-service applications this hall completed in {year}-{month:02d} are listed below for public supervision, for {days} days.</source>
      <translation>现将本中心{year}年{month:02d}月代办事项办理结果公示如下，公示期{days}天，接受群众监督。</translation>
    </message>
    <message>
      <source>Questions or objections: {phone}</source>
      <translation>如有疑问或异议，请拨打监督电话：{phone}</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>缺</translation>
    </message>
  </context>
  <context>
    <name>ProxyCli</name>
    <message>
      <source>Write dates as YYYY-MM-DD, for example 2026-03-02.</source>
      <translation>日期请写成 年-月-日，例如 2026-03-02。</translation>
    </message>
    <message>
      <source>{days} working days</source>
      <translation>{days}个工作日</translation>
    </message>
    <message>
      <source>(no longer offered)</source>
      <translation>（已停办）</translation>
    </message>
    <message>
      <source>No service item matches.</source>
      <translation>没有符合的服务事项。</translation>
    </message>
    <message>
      <source>No resident with this ID number is registered. Add --name NAME (and --phone) to register them now.</source>
      <translation>该身份证号的村民尚未登记。加上 --name 姓名（和 --phone 电话）即可同时登记。</translation>
    </message>
    <message>
      <source>OVERDUE</source>
      <translation>已超期</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>办理事项</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>受理日期</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>承诺办结</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>代办人</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>缺少材料</translation>
    </message>
    <message>
      <source>No applications.</source>
      <translation>没有申请记录。</translation>
    </message>
    <message>
      <source>This is not a VillageDesk receipt code.</source>
      <translation>这不是 VillageDesk 回执上的二维码内容。</translation>
    </message>
    <message>
      <source>Genuine receipt of this hall: {number}</source>
      <translation>本中心开具的真实回执：{number}</translation>
    </message>
    <message>
      <source>NOT a receipt of this hall: {number}</source>
      <translation>不是本中心开具的回执：{number}</translation>
    </message>
  </context>
  <context>
    <name>nav</name>
    <message>
      <source>Proxy service</source>
      <translation>代办服务</translation>
    </message>
    <message>
      <source>Accept an application</source>
      <translation>代办受理</translation>
    </message>
    <message>
      <source>Proxy applications</source>
      <translation>代办件查询</translation>
    </message>
    <message>
      <source>Application</source>
      <translation>代办件详情</translation>
    </message>
  </context>
  <context>
    <name>ProxyColumns</name>
    <message>
      <source>Receipt no.</source>
      <translation>受理编号</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>办理事项</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>受理日期</translation>
    </message>
    <message>
      <source>Due by</source>
      <translation>承诺办结</translation>
    </message>
    <message>
      <source>Clerk</source>
      <translation>受理人</translation>
    </message>
  </context>
  <context>
    <name>ProxyUi</name>
    <message>
      <source>Proxy applications overdue</source>
      <translation>代办件已超期</translation>
    </message>
    <message>
      <source>past the promised date, not completed</source>
      <translation>超过承诺时限仍未办结</translation>
    </message>
    <message>
      <source>Proxy applications due soon</source>
      <translation>代办件即将到期</translation>
    </message>
    <message>
      <source>due within 2 working days</source>
      <translation>2个工作日内到期</translation>
    </message>
    <message>
      <source>Register a resident</source>
      <translation>登记新村民</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>No resident chosen yet.</source>
      <translation>尚未选择申请人。</translation>
    </message>
    <message>
      <source>Register new resident (F4)</source>
      <translation>登记新村民 (F4)</translation>
    </message>
    <message>
      <source>No service chosen yet.</source>
      <translation>尚未选择办理事项。</translation>
    </message>
    <message>
      <source>A5 sheet</source>
      <translation>A5 纸</translation>
    </message>
    <message>
      <source>80 mm receipt roll</source>
      <translation>80 毫米热敏纸</translation>
    </message>
    <message>
      <source>Preview before printing</source>
      <translation>打印前预览</translation>
    </message>
    <message>
      <source>Accept and print receipt (Ctrl+Enter)</source>
      <translation>受理并打印回执 (Ctrl+Enter)</translation>
    </message>
    <message>
      <source>1 Applicant</source>
      <translation>① 申请人</translation>
    </message>
    <message>
      <source>2 Service</source>
      <translation>② 办理事项</translation>
    </message>
    <message>
      <source>3 Materials brought (Space ticks)</source>
      <translation>③ 已收材料（空格键勾选）</translation>
    </message>
    <message>
      <source>Name, pinyin initials, ID number (or its last digits) or phone</source>
      <translation>姓名、拼音首字母、身份证号（或后几位）、电话</translation>
    </message>
    <message>
      <source>Service name, code or pinyin, e.g. ylbx</source>
      <translation>事项名称、编码或拼音，如 ylbx</translation>
    </message>
    <message>
      <source>Agent (if someone came on their behalf)</source>
      <translation>代办人（他人代为申请时填写）</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Receipt paper</source>
      <translation>回执纸张</translation>
    </message>
    <message>
      <source>Accept an application</source>
      <translation>代办受理</translation>
    </message>
    <message>
      <source>Nobody found. Press F4 to register the resident.</source>
      <translation>没有找到。按 F4 登记新村民。</translation>
    </message>
    <message>
      <source>Choose the applicant first.</source>
      <translation>请先选择申请人。</translation>
    </message>
    <message>
      <source>Choose the service first.</source>
      <translation>请先选择办理事项。</translation>
    </message>
    <message>
      <source>Relation</source>
      <translation>关系</translation>
    </message>
    <message>
      <source> yrs</source>
      <translation>岁</translation>
    </message>
    <message>
      <source>Applicant: {name}  {id}</source>
      <translation>申请人：{name}  {id}</translation>
    </message>
    <message>
      <source>{name} · {department} · {days} working days (due {due}) · {fee}</source>
      <translation>{name} · {department} · {days}个工作日（{due} 前办结） · {fee}</translation>
    </message>
    <message>
      <source>Accepted: receipt no. {number}, due by {due}. Next applicant, please.</source>
      <translation>受理成功：受理编号 {number}，承诺 {due} 前办结。请下一位。</translation>
    </message>
    <message>
      <source>Application</source>
      <translation>代办件</translation>
    </message>
    <message>
      <source>to {office}</source>
      <translation>报送至{office}</translation>
    </message>
    <message>
      <source>&amp;Forward to office</source>
      <translation>报送(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Returned for correction</source>
      <translation>退回补正(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Completed</source>
      <translation>办结(&amp;C)</translation>
    </message>
    <message>
      <source>Co&amp;llected</source>
      <translation>领取(&amp;L)</translation>
    </message>
    <message>
      <source>Re&amp;print receipt</source>
      <translation>补打回执(&amp;P)</translation>
    </message>
    <message>
      <source>Print completion &amp;notice</source>
      <translation>打印办结通知(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Back to list</source>
      <translation>返回列表(&amp;B)</translation>
    </message>
    <message>
      <source>History</source>
      <translation>办理过程</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>办理事项</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>受理</translation>
    </message>
    <message>
      <source>Due by</source>
      <translation>承诺办结</translation>
    </message>
    <message>
      <source>Forward to office</source>
      <translation>报送</translation>
    </message>
    <message>
      <source>Returned for correction</source>
      <translation>退回补正</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>办结</translation>
    </message>
    <message>
      <source>Collected</source>
      <translation>领取</translation>
    </message>
    <message>
      <source>reason: {reason}</source>
      <translation>原因：{reason}</translation>
    </message>
    <message>
      <source>Application {number}</source>
      <translation>代办件 {number}</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>代办人</translation>
    </message>
    <message>
      <source>OVERDUE</source>
      <translation>已超期</translation>
    </message>
    <message>
      <source>Materials: {received}</source>
      <translation>已收材料：{received}</translation>
    </message>
    <message>
      <source>Office</source>
      <translation>报送部门</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>退回原因</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>办理结果</translation>
    </message>
    <message>
      <source>Collected by</source>
      <translation>领取人</translation>
    </message>
    <message>
      <source>Satisfaction</source>
      <translation>满意度</translation>
    </message>
    <message>
      <source>collected by {name}, {rating}</source>
      <translation>领取人 {name}，{rating}</translation>
    </message>
    <message>
      <source>Missing: {missing}</source>
      <translation>缺少材料：{missing}</translation>
    </message>
    <message>
      <source>receipt</source>
      <translation>受理回执</translation>
    </message>
    <message>
      <source>completion notice</source>
      <translation>办结通知</translation>
    </message>
    <message>
      <source>(reprint)</source>
      <translation>（补打）</translation>
    </message>
    <message>
      <source>missing: {materials}</source>
      <translation>缺：{materials}</translation>
    </message>
    <message>
      <source>All applications</source>
      <translation>全部代办件</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已超期</translation>
    </message>
    <message>
      <source>Due within 2 working days</source>
      <translation>2个工作日内到期</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Any service</source>
      <translation>全部事项</translation>
    </message>
    <message>
      <source>Accepted between</source>
      <translation>受理日期</translation>
    </message>
    <message>
      <source>Open (Enter)</source>
      <translation>打开 (Enter)</translation>
    </message>
    <message>
      <source>Monthly public notice…</source>
      <translation>月度公示…</translation>
    </message>
    <message>
      <source>Accept new (Ctrl+N)</source>
      <translation>新受理 (Ctrl+N)</translation>
    </message>
    <message>
      <source>Monthly public notice</source>
      <translation>月度公示</translation>
    </message>
    <message>
      <source>Month (YYYY-MM):</source>
      <translation>月份（年-月）：</translation>
    </message>
    <message>
      <source>Receipt no.</source>
      <translation>受理编号</translation>
    </message>
    <message>
      <source>Proxy applications</source>
      <translation>代办件查询</translation>
    </message>
    <message>
      <source>{count} applications</source>
      <translation>共 {count} 件</translation>
    </message>
    <message>
      <source>Public notice {month}</source>
      <translation>代办事项公示 {month}</translation>
    </message>
    <message>
      <source>Acceptance receipt {number}</source>
      <translation>受理回执 {number}</translation>
    </message>
    <message>
      <source>Completion notice {number}</source>
      <translation>办结通知 {number}</translation>
    </message>
    <message>
      <source>The printer did not accept the document. Check that it is switched on and has paper, then print again.</source>
      <translation>打印机没有接收文档。请检查打印机是否开机、有纸，然后重新打印。</translation>
    </message>
    <message>
      <source>No printer is set up on this PC. The document was saved as a PDF and opens in the viewer now; print it from there.
{path}</source>
      <translation>本机没有设置打印机。文档已保存为 PDF，现在用阅读器打开，请从阅读器打印。
{path}</translation>
    </message>
    <message>
      <source>Material that arrived</source>
      <translation>已补交的材料</translation>
    </message>
    <message>
      <source>Material the office asks for</source>
      <translation>部门要求补正的材料</translation>
    </message>
    <message>
      <source>Tick the material that has arrived; the application goes back to the office only with it.</source>
      <translation>请勾选已补交的材料，材料补齐后才能重新报送。</translation>
    </message>
  </context>
</TS>
