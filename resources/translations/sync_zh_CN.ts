<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>sync</name>
    <message>
      <source>Sync finished.</source>
      <translation>同步完成。</translation>
    </message>
    <message>
      <source>Conflict resolved.</source>
      <translation>冲突已处理。</translation>
    </message>
    <message>
      <source>Cannot reach the county server ({detail}). Nothing was lost: the records wait on this PC and are sent next time.</source>
      <translation>无法连接县级服务器（{detail}）。数据没有丢失：记录保存在本机，下次联网时自动上传。</translation>
    </message>
    <message>
      <source>Enrolled as hall {code} ({name}).</source>
      <translation>已登记为服务中心 {code}（{name}）。</translation>
    </message>
    <message>
      <source>Sent {sent}, acknowledged {acknowledged}, rejected {rejected}.</source>
      <translation>已发送 {sent} 条，服务器已确认 {acknowledged} 条，被拒绝 {rejected} 条。</translation>
    </message>
    <message>
      <source>Received {received} changes, applied {applied}, waiting {parked}, new conflicts {conflicts}.</source>
      <translation>收到 {received} 条更新，已应用 {applied} 条，暂存待处理 {parked} 条，新冲突 {conflicts} 条。</translation>
    </message>
    <message>
      <source>Pending {pending}, rejected {rejected}, conflicts {conflicts}.</source>
      <translation>待上传 {pending} 条，被拒绝 {rejected} 条，冲突 {conflicts} 条。</translation>
    </message>
    <message>
      <source>Removed {n} acknowledged operations.</source>
      <translation>已清理 {n} 条早已确认的上传记录。</translation>
    </message>
    <message>
      <source>The county server refused the request: {detail}</source>
      <translation>县级服务器拒绝了请求：{detail}</translation>
    </message>
    <message>
      <source>This PC has already sent records to the county server; it cannot enroll again as a new device.</source>
      <translation>本机已向县级服务器上传过记录，不能再作为新设备重新登记。</translation>
    </message>
    <message>
      <source>This PC is already enrolled with {url}.</source>
      <translation>本机已在 {url} 登记。</translation>
    </message>
    <message>
      <source>Cannot reach the county server ({detail}). Check the network and try again; nothing was changed.</source>
      <translation>无法连接县级服务器（{detail}）。请检查网络后重试；本机数据没有任何改动。</translation>
    </message>
    <message>
      <source>The county server refused the enrollment: {detail}</source>
      <translation>县级服务器拒绝登记：{detail}</translation>
    </message>
    <message>
      <source>Only the hall administrator may resolve sync problems.</source>
      <translation>只有服务中心管理员可以处理同步问题。</translation>
    </message>
    <message>
      <source>Choose keep hall, take county or edit.</source>
      <translation>请选择：保留本中心的值、采用县里的值，或手工修改。</translation>
    </message>
    <message>
      <source>This conflict is already resolved or does not exist.</source>
      <translation>该冲突已处理或不存在。</translation>
    </message>
    <message>
      <source>There is no rejected operation with this number.</source>
      <translation>没有这个编号的被拒绝记录。</translation>
    </message>
    <message>
      <source>Changed both here and by the county: {field}</source>
      <translation>本中心和县里都修改了：{field}</translation>
    </message>
    <message>
      <source>This PC is not enrolled with a county server yet. Run: villagedesk sync enroll --server URL --code CODE</source>
      <translation>本机尚未在县级服务器登记。请运行：villagedesk sync enroll --server 服务器地址 --code 登记码</translation>
    </message>
    <message>
      <source>Enter the value to keep.</source>
      <translation>请填写要保留的值。</translation>
    </message>
  </context>
  <context>
    <name>SyncServer</name>
    <message>
      <source>This device may only write its own hall's data.</source>
      <translation>本设备只能写入本服务中心的数据。</translation>
    </message>
    <message>
      <source>The device public key is invalid.</source>
      <translation>设备公钥无效。</translation>
    </message>
    <message>
      <source>Malformed request: {where}: {msg}</source>
      <translation>请求格式错误：{where}：{msg}</translation>
    </message>
    <message>
      <source>Operation {seq} was already received with different content; nothing was changed.</source>
      <translation>第 {seq} 条记录此前已收到，但内容不同；服务器未做任何改动。</translation>
    </message>
    <message>
      <source>The request is too large.</source>
      <translation>请求过大。</translation>
    </message>
    <message>
      <source>Unsupported content encoding.</source>
      <translation>不支持的内容编码。</translation>
    </message>
    <message>
      <source>The request body is cut off.</source>
      <translation>请求内容不完整。</translation>
    </message>
    <message>
      <source>The request is not signed by an enrolled device.</source>
      <translation>请求没有已登记设备的签名。</translation>
    </message>
    <message>
      <source>The request timestamp is too far from the server's time.</source>
      <translation>请求时间与服务器时间相差太大。</translation>
    </message>
    <message>
      <source>This device is not enrolled with the county server.</source>
      <translation>该设备未在县级服务器登记。</translation>
    </message>
    <message>
      <source>The request signature does not match this device.</source>
      <translation>请求签名与该设备不符。</translation>
    </message>
    <message>
      <source>The request body is not valid gzip.</source>
      <translation>请求内容不是有效的 gzip 数据。</translation>
    </message>
    <message>
      <source>The request timestamp is invalid.</source>
      <translation>请求时间戳无效。</translation>
    </message>
    <message>
      <source>A hall code is 1 to 40 characters.</source>
      <translation>服务中心代码应为 1 到 40 个字符。</translation>
    </message>
    <message>
      <source>Unknown enrollment code.</source>
      <translation>登记码不存在。</translation>
    </message>
    <message>
      <source>This enrollment code has already been used.</source>
      <translation>该登记码已经使用过。</translation>
    </message>
    <message>
      <source>This enrollment code has expired; ask the county for a new one.</source>
      <translation>该登记码已过期，请向县里申请新的登记码。</translation>
    </message>
    <message>
      <source>The operation's fields are not a JSON object.</source>
      <translation>该记录的字段不是 JSON 对象。</translation>
    </message>
    <message>
      <source>The server does not have this record (its creation was never received or was rejected).</source>
      <translation>服务器上没有这条记录（新建记录从未收到或已被拒绝）。</translation>
    </message>
    <message>
      <source>Unknown kind of record: {entity}</source>
      <translation>未知的记录类型：{entity}</translation>
    </message>
    <message>
      <source>The county server is older than this hall's program; the operation waits on the hall until the server is upgraded.</source>
      <translation>县级服务器版本低于本中心程序；记录保留在本机，待服务器升级后再上传。</translation>
    </message>
    <message>
      <source>Schema revision {rev} is too old for this server.</source>
      <translation>数据格式版本 {rev} 过旧，服务器无法接收。</translation>
    </message>
    <message>
      <source>Hall code</source>
      <translation>服务中心代码</translation>
    </message>
    <message>
      <source>Hall name</source>
      <translation>服务中心名称</translation>
    </message>
    <message>
      <source>Devices</source>
      <translation>设备数</translation>
    </message>
    <message>
      <source>Last contact</source>
      <translation>最近联系</translation>
    </message>
    <message>
      <source>Pending at hall</source>
      <translation>本地待上传</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>被拒绝</translation>
    </message>
    <message>
      <source>Operations</source>
      <translation>已收记录</translation>
    </message>
    <message>
      <source>Village service halls</source>
      <translation>村级党群服务中心</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>No halls yet.</source>
      <translation>还没有服务中心。</translation>
    </message>
    <message>
      <source>Unknown hall code: {code}</source>
      <translation>未知的服务中心代码：{code}</translation>
    </message>
    <message>
      <source>Operations received</source>
      <translation>已收到的记录</translation>
    </message>
    <message>
      <source>Records per kind</source>
      <translation>各类数据条数</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Records</source>
      <translation>条数</translation>
    </message>
    <message>
      <source>All halls</source>
      <translation>全部服务中心</translation>
    </message>
    <message>
      <source>Rejected operations</source>
      <translation>被拒绝的记录</translation>
    </message>
    <message>
      <source>The reference file needs a list named "changes".</source>
      <translation>参考数据文件需要一个名为 "changes" 的列表。</translation>
    </message>
    <message>
      <source>Entry {n}: "entity" is missing or invalid.</source>
      <translation>第 {n} 项：缺少 "entity" 或其值无效。</translation>
    </message>
    <message>
      <source>Entry {n}: "data" must be an object.</source>
      <translation>第 {n} 项："data" 必须是对象。</translation>
    </message>
    <message>
      <source>Entry {n}: a correction names its hall.</source>
      <translation>第 {n} 项：更正必须注明服务中心。</translation>
    </message>
    <message>
      <source>Entry {n}: the hall record to correct is not on the server.</source>
      <translation>第 {n} 项：要更正的记录不在服务器上。</translation>
    </message>
    <message>
      <source>Households</source>
      <translation>户</translation>
    </message>
    <message>
      <source>Residents</source>
      <translation>村民</translation>
    </message>
    <message>
      <source>Staff accounts</source>
      <translation>工作人员账号</translation>
    </message>
    <message>
      <source>The operation is malformed (kind or record id).</source>
      <translation>该记录格式错误（操作类型或记录编号）。</translation>
    </message>
  </context>
</TS>
