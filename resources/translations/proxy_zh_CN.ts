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
      <source>Application {number} is already completed.</source>
      <translation>申请 {number} 已经办结。</translation>
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
      <source>Application {number} is already completed. Tell the applicant to collect the result.</source>
      <translation>申请 {number} 已经办结，请通知申请人领取结果。</translation>
    </message>
  </context>
</TS>
