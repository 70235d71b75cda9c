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
    <message>
      <source>PC number {code} is already used by another PC of this hall ({other}): receipt numbers would repeat. Give this PC another number when enrolling (villagedesk sync enroll ... --device-code 02).</source>
      <translation>本机编号 {code} 已被本服务中心的另一台电脑（{other}）使用，回执编号会重复。请在登记时给本机换一个编号（villagedesk sync enroll ... --device-code 02）。</translation>
    </message>
  </context>
  <context>
    <name>nav</name>
    <message>
      <source>Sync</source>
      <translation>同步</translation>
    </message>
    <message>
      <source>Sync problems</source>
      <translation>同步问题</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>立即同步</translation>
    </message>
  </context>
  <context>
    <name>SyncUi</name>
    <message>
      <source>USB sync</source>
      <translation>U盘同步</translation>
    </message>
    <message>
      <source>Only the hall administrator may use USB sync.</source>
      <translation>只有服务中心管理员可以使用U盘同步。</translation>
    </message>
    <message>
      <source>This PC is not connected to the county platform</source>
      <translation>本机未接入县平台</translation>
    </message>
    <message>
      <source>never synced</source>
      <translation>从未同步成功</translation>
    </message>
    <message>
      <source>Waiting to upload to the county</source>
      <translation>待上传到县平台</translation>
    </message>
    <message>
      <source>Sync problems</source>
      <translation>同步问题</translation>
    </message>
    <message>
      <source>last synced {when}</source>
      <translation>上次同步 {when}</translation>
    </message>
    <message>
      <source>{conflicts} conflicts to settle, {rejected} rejected records; {pending} waiting to upload</source>
      <translation>{conflicts} 处冲突待处理，{rejected} 条被退回；待上传 {pending} 条</translation>
    </message>
    <message>
      <source>Settle a conflict</source>
      <translation>处理冲突</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Value here</source>
      <translation>本中心的值</translation>
    </message>
    <message>
      <source>County's value</source>
      <translation>县里的值</translation>
    </message>
    <message>
      <source>Mark as looked at</source>
      <translation>标记为已查看</translation>
    </message>
    <message>
      <source>The record stays on this PC and in this list; it is never deleted. The mark only says that someone has read the reason.</source>
      <translation>这条记录仍保留在本机和本列表中，不会被删除。标记只表示已经有人看过退回原因。</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Note (optional)</source>
      <translation>备注（可不填）</translation>
    </message>
    <message>
      <source>Enter the right value</source>
      <translation>填写正确的值</translation>
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
      <source>New value</source>
      <translation>新的值</translation>
    </message>
    <message>
      <source>e.g. told the county by phone</source>
      <translation>例如：已电话告知县里</translation>
    </message>
    <message>
      <source>Enter a whole number.</source>
      <translation>请输入整数。</translation>
    </message>
    <message>
      <source>Records are saved on this PC first and then go to the county platform by themselves. Here are the records it rejected and the conflicts you decide.</source>
      <translation>记录先保存在本机，再自动上传到县平台。这里列出县平台退回的记录，以及需要您决定的冲突。</translation>
    </message>
    <message>
      <source>Only the hall administrator may resolve sync problems. You can look at them here.</source>
      <translation>只有服务中心管理员可以处理同步问题。您可以在这里查看，但不能修改。</translation>
    </message>
    <message>
      <source>Link to the county platform</source>
      <translation>与县平台的连接</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>立即同步</translation>
    </message>
    <message>
      <source>Conflicts</source>
      <translation>冲突</translation>
    </message>
    <message>
      <source>The county corrected a record that was also changed here. Choose which value is right; your choice goes to the county too.</source>
      <translation>县里更正了一条记录，而本中心也改过同一项。请选择哪个值是对的；您的选择也会上传到县里。</translation>
    </message>
    <message>
      <source>No conflicts to settle.</source>
      <translation>没有需要处理的冲突。</translation>
    </message>
    <message>
      <source>Keep the value here</source>
      <translation>保留本中心的值</translation>
    </message>
    <message>
      <source>Take the county's value</source>
      <translation>采用县里的值</translation>
    </message>
    <message>
      <source>Enter another value…</source>
      <translation>改成其他值…</translation>
    </message>
    <message>
      <source>Rejected by the county platform</source>
      <translation>县平台退回的记录</translation>
    </message>
    <message>
      <source>The county platform could not take these records. They stay on this PC and are never deleted. Read the reason, tell the county if needed, then mark them as looked at.</source>
      <translation>县平台无法接收这些记录。它们保留在本机，不会被删除。请查看原因，必要时告知县里，然后标记为已查看。</translation>
    </message>
    <message>
      <source>No rejected records.</source>
      <translation>没有被退回的记录。</translation>
    </message>
    <message>
      <source>Mark as looked at…</source>
      <translation>标记为已查看…</translation>
    </message>
    <message>
      <source>Not connected to the county platform. Ask the county for an enrollment code, or enroll with a file through USB sync.</source>
      <translation>未接入县平台。请向县里索取登记码，或通过U盘同步用登记文件登记本机。</translation>
    </message>
    <message>
      <source>Kept the value here for {record}, {field}.</source>
      <translation>已保留本中心的值：{record} 的{field}。</translation>
    </message>
    <message>
      <source>Took the county's value for {record}, {field}.</source>
      <translation>已采用县里的值：{record} 的{field}。</translation>
    </message>
    <message>
      <source>Saved the value you entered for {record}, {field}.</source>
      <translation>已保存您填写的值：{record} 的{field}。</translation>
    </message>
    <message>
      <source>Marked as looked at: {record}.</source>
      <translation>已标记为已查看：{record}。</translation>
    </message>
    <message>
      <source>USB sync…</source>
      <translation>U盘同步…</translation>
    </message>
    <message>
      <source>Enrolled; records go to the township on a USB stick (this PC has no network).</source>
      <translation>已登记；记录用U盘带到乡镇上传（本机不联网）。</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>{pending} waiting to upload, {rejected} rejected, {conflicts} conflicts</source>
      <translation>待上传 {pending} 条，被退回 {rejected} 条，冲突 {conflicts} 处</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>正在同步…</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>退回时间</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>发现时间</translation>
    </message>
    <message>
      <source>Looked at</source>
      <translation>已查看</translation>
    </message>
    <message>
      <source>Not yet</source>
      <translation>未查看</translation>
    </message>
    <message>
      <source>Connection</source>
      <translation>连接状态</translation>
    </message>
    <message>
      <source>Server</source>
      <translation>服务器</translation>
    </message>
    <message>
      <source>Last attempt</source>
      <translation>上次尝试</translation>
    </message>
    <message>
      <source>Last success</source>
      <translation>上次成功</translation>
    </message>
    <message>
      <source>Waiting</source>
      <translation>待处理</translation>
    </message>
    <message>
      <source>Last error</source>
      <translation>上次错误</translation>
    </message>
    <message>
      <source>Conflicts ({n})</source>
      <translation>冲突（{n}）</translation>
    </message>
    <message>
      <source>Rejected by the county platform ({n})</source>
      <translation>县平台退回的记录（{n}）</translation>
    </message>
    <message>
      <source>{n} wait until the county platform is upgraded</source>
      <translation>{n} 条等待县平台升级</translation>
    </message>
    <message>
      <source>{n} county updates not applied yet</source>
      <translation>{n} 条县里的更新尚未应用</translation>
    </message>
    <message>
      <source>{no} (head: {head})</source>
      <translation>{no}（户主 {head}）</translation>
    </message>
    <message>
      <source>Offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <source>Sync: reading…</source>
      <translation>同步：读取中…</translation>
    </message>
    <message>
      <source>Not connected to the county platform</source>
      <translation>未接入县平台</translation>
    </message>
    <message>
      <source>USB sync (no network)</source>
      <translation>U盘同步（无网络）</translation>
    </message>
    <message>
      <source>Connecting to the county…</source>
      <translation>正在连接县平台…</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>已联网</translation>
    </message>
    <message>
      <source>Sync error</source>
      <translation>同步出错</translation>
    </message>
    <message>
      <source>Click to open the sync problems page.</source>
      <translation>点击打开同步问题页面。</translation>
    </message>
    <message>
      <source>All uploaded</source>
      <translation>已全部上传</translation>
    </message>
    <message>
      <source>Never synced</source>
      <translation>从未同步成功</translation>
    </message>
    <message>
      <source>This PC is not connected to the county platform yet. Records wait on this PC; they can also go to the township on a USB stick.</source>
      <translation>本机尚未接入县平台。记录保存在本机，也可以用U盘带到乡镇上传。</translation>
    </message>
    <message>
      <source>{n} sync problems</source>
      <translation>同步问题 {n} 项</translation>
    </message>
    <message>
      <source>{n} waiting to upload</source>
      <translation>待上传 {n} 条</translation>
    </message>
    <message>
      <source>Last synced {when}</source>
      <translation>上次同步 {when}</translation>
    </message>
    <message>
      <source>Server: {url}</source>
      <translation>服务器：{url}</translation>
    </message>
    <message>
      <source>Resident</source>
      <translation>居民</translation>
    </message>
    <message>
      <source>Household</source>
      <translation>户</translation>
    </message>
    <message>
      <source>Staff account</source>
      <translation>工作人员账号</translation>
    </message>
    <message>
      <source>Proxy application</source>
      <translation>代办申请</translation>
    </message>
    <message>
      <source>Proxy application step</source>
      <translation>代办进度</translation>
    </message>
    <message>
      <source>Elder profile</source>
      <translation>老人档案</translation>
    </message>
    <message>
      <source>Home visit</source>
      <translation>上门探访</translation>
    </message>
    <message>
      <source>Meal service</source>
      <translation>助餐</translation>
    </message>
    <message>
      <source>Pension eligibility check</source>
      <translation>养老金资格认证</translation>
    </message>
    <message>
      <source>Elder-care setting</source>
      <translation>居家养老设置</translation>
    </message>
    <message>
      <source>Supply product</source>
      <translation>农资商品</translation>
    </message>
    <message>
      <source>Stock movement</source>
      <translation>出入库</translation>
    </message>
    <message>
      <source>Supply sale</source>
      <translation>农资销售</translation>
    </message>
    <message>
      <source>Supply credit</source>
      <translation>赊销</translation>
    </message>
    <message>
      <source>Supply order</source>
      <translation>农资订单</translation>
    </message>
    <message>
      <source>Supply order line</source>
      <translation>订单明细</translation>
    </message>
    <message>
      <source>Delivery run</source>
      <translation>配送批次</translation>
    </message>
    <message>
      <source>Something other than the county server answered, perhaps a Wi-Fi sign-in page. Check the network connection.</source>
      <translation>应答的不是县平台，可能是上网认证页面。请检查网络连接。</translation>
    </message>
    <message>
      <source>Cannot reach the county server. The network may be down, or the server is switched off.</source>
      <translation>无法连接县平台：可能网络不通，或服务器没有开机。</translation>
    </message>
    <message>
      <source>The county server did not answer in time. The network may be slow.</source>
      <translation>县平台没有及时应答，可能网络太慢。</translation>
    </message>
    <message>
      <source>The connection broke off during sync. It is tried again by itself; nothing is lost.</source>
      <translation>同步时连接中断。会自动重试，数据不会丢失。</translation>
    </message>
    <message>
      <source>The county server had a fault. It is tried again by itself.</source>
      <translation>县平台出现故障，会自动重试。</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>（空）</translation>
    </message>
    <message>
      <source>The county server does not recognise this PC. Ask the county to check this PC's enrollment.</source>
      <translation>县平台不认识本机。请联系县里核对本机的登记。</translation>
    </message>
    <message>
      <source>This PC's clock is far off. Set the date and time correctly, then sync again.</source>
      <translation>本机时间相差太大。请把日期和时间调准，再同步。</translation>
    </message>
    <message>
      <source>The county server refused: this PC may only send its own hall's records.</source>
      <translation>县平台拒绝接收：本机只能上传本服务中心的记录。</translation>
    </message>
    <message>
      <source>The county server already holds a different version of a record from this PC. Call the county support.</source>
      <translation>县平台已有本机同一条记录的不同内容。请联系县里技术支持。</translation>
    </message>
    <message>
      <source>An upload was too large for the county server. Call the county support.</source>
      <translation>上传的数据太大，县平台无法接收。请联系县里技术支持。</translation>
    </message>
    <message>
      <source>Sync failed. Tell the county support: {detail}</source>
      <translation>同步失败。请把以下内容告诉县里技术支持：{detail}</translation>
    </message>
    <message>
      <source>today {time}</source>
      <translation>今天 {time}</translation>
    </message>
    <message>
      <source>yesterday {time}</source>
      <translation>昨天 {time}</translation>
    </message>
    <message>
      <source>{month}/{day} {time}</source>
      <translation>{month}月{day}日 {time}</translation>
    </message>
    <message>
      <source>The county server refused the request: {detail}</source>
      <translation>县平台拒绝了请求：{detail}</translation>
    </message>
    <message>
      <source>The county server gave an unexpected answer (code {code}).</source>
      <translation>县平台的应答不正常（代码 {code}）。</translation>
    </message>
    <message>
      <source>{record}: {reason}</source>
      <translation>{record}：{reason}</translation>
    </message>
  </context>
</TS>
