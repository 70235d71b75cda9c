<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>usb</name>
    <message>
      <source>Give --server and --code (or --file with an enrollment file).</source>
      <translation>请提供 --server 和 --code（没有网络时用 --file 指定登记文件）。</translation>
    </message>
    <message>
      <source>This acknowledgement was already imported; nothing changed.</source>
      <translation>这份回执已经导入过，没有任何改动。</translation>
    </message>
    <message>
      <source>Enrolled as hall {code} ({name}) from the enrollment file. Export a bundle and take it to the township.</source>
      <translation>已用登记文件登记为服务中心 {code}（{name}）。请导出数据包并带到乡镇上传。</translation>
    </message>
    <message>
      <source>Wrote {operations} operations to {file}. Take the USB stick to the township.</source>
      <translation>已把 {operations} 条记录写入 {file}。请把U盘带到乡镇上传。</translation>
    </message>
    <message>
      <source>Acknowledged {acknowledged} operations, {rejected} rejected, {reference_changes} county updates applied; {pending} still waiting.</source>
      <translation>县里已确认 {acknowledged} 条记录，退回 {rejected} 条，已更新县里下发的资料 {reference_changes} 条；还有 {pending} 条待上传。</translation>
    </message>
    <message>
      <source>The bundle's description does not match its content; it cannot be used. Export it again at the hall.</source>
      <translation>数据包的说明与内容不一致，不能使用。请在服务中心重新导出。</translation>
    </message>
    <message>
      <source>This bundle comes from a PC that is not enrolled with this county server. Check that the hall uses the enrollment file of this county.</source>
      <translation>这个数据包来自未在本县服务器登记的电脑。请确认服务中心使用的是本县发放的登记文件。</translation>
    </message>
    <message>
      <source>The enrollment in this bundle was already used by another PC. Ask the county for a new enrollment file.</source>
      <translation>这个数据包里的登记信息已被另一台电脑用过。请向县里申请新的登记文件。</translation>
    </message>
    <message>
      <source>The enrollment in this bundle has expired. Ask the county for a new enrollment file, enroll the hall PC again and export again.</source>
      <translation>这个数据包里的登记信息已过期。请向县里申请新的登记文件，重新登记服务中心电脑后再导出。</translation>
    </message>
    <message>
      <source>Everything in this bundle was already received; nothing was added twice.</source>
      <translation>这个数据包的内容以前已经收到过，没有重复录入。</translation>
    </message>
    <message>
      <source>{n} operations come from a newer program than this server. The bundle is kept and imported when the county server is upgraded.</source>
      <translation>有 {n} 条记录来自比县服务器更新的程序版本。数据包已妥善保存，县服务器升级后会自动导入。</translation>
    </message>
    <message>
      <source>This bundle claims to belong to another hall than the PC that made it (enrolled for {code}). It cannot be used.</source>
      <translation>这个数据包声称属于别的服务中心，但生成它的电脑登记在 {code}。不能使用。</translation>
    </message>
    <message>
      <source>This bundle holds records of another hall. It cannot be used.</source>
      <translation>这个数据包里有其他服务中心的记录，不能使用。</translation>
    </message>
    <message>
      <source>Operation {seq} in this bundle was already received with different content. The bundle was not imported; tell the county.</source>
      <translation>数据包中第 {seq} 条记录以前收到过，但内容不同。整个数据包没有导入，请告知县里。</translation>
    </message>
    <message>
      <source>A user name is 1 to 40 characters, without "|".</source>
      <translation>用户名为 1 到 40 个字符，不能含“|”。</translation>
    </message>
    <message>
      <source>A password needs at least 6 characters.</source>
      <translation>密码至少需要 6 个字符。</translation>
    </message>
    <message>
      <source>The file is incomplete or damaged (perhaps the USB stick was pulled out while copying). Export it again at the hall.</source>
      <translation>文件不完整或已损坏（可能拷贝时U盘被拔出）。请在服务中心重新导出。</translation>
    </message>
    <message>
      <source>The file's content was changed after the hall PC made it. It cannot be used; export it again at the hall.</source>
      <translation>文件内容在服务中心电脑生成后被改动过，不能使用。请在服务中心重新导出。</translation>
    </message>
    <message>
      <source>The file's signature does not match the hall PC it claims to come from. It was changed or made elsewhere; it cannot be used.</source>
      <translation>文件的签名与它声称的服务中心电脑不符：文件被改动过或来自别处，不能使用。</translation>
    </message>
    <message>
      <source>This is not a VillageDesk bundle file.</source>
      <translation>这不是村务通数据包文件。</translation>
    </message>
    <message>
      <source>This file was made by a newer VillageDesk. Upgrade the county server first; keep the file.</source>
      <translation>这个文件由更新版本的村务通生成。请先升级县服务器，并保留好此文件。</translation>
    </message>
    <message>
      <source>This is a bundle from a hall, not an acknowledgement. Upload it at the township.</source>
      <translation>这是服务中心导出的数据包，不是回执。请在乡镇上传。</translation>
    </message>
    <message>
      <source>This is an acknowledgement file for a hall, not a bundle from a hall. Take it back to the hall PC.</source>
      <translation>这是发给服务中心的回执文件，不是服务中心的数据包。请带回服务中心电脑导入。</translation>
    </message>
    <message>
      <source>This acknowledgement is not signed by the county server this PC is enrolled with. It was changed or comes from elsewhere; nothing was changed.</source>
      <translation>这份回执不是本机登记的县服务器签发的：文件被改动过或来自别处。本机没有任何改动。</translation>
    </message>
    <message>
      <source>This acknowledgement has expired. Take a new bundle to the township and bring back its acknowledgement.</source>
      <translation>这份回执已过期。请重新导出数据包带到乡镇，再带回新的回执。</translation>
    </message>
    <message>
      <source>The county has not received any bundle from this PC yet, so this acknowledgement does not concern it. Nothing was changed.</source>
      <translation>县里还没有收到过本机的数据包，这份回执与本机无关。本机没有任何改动。</translation>
    </message>
    <message>
      <source>The acknowledgement file is damaged. Ask the township for a new one.</source>
      <translation>回执文件已损坏。请向乡镇重新索取。</translation>
    </message>
    <message>
      <source>This acknowledgement is older than one already imported here. Nothing was changed; use the newest acknowledgement.</source>
      <translation>这份回执比本机已导入的回执旧。本机没有任何改动，请使用最新的回执。</translation>
    </message>
    <message>
      <source>This acknowledgement is for another hall ({code}). Nothing was changed.</source>
      <translation>这份回执属于其他服务中心（{code}）。本机没有任何改动。</translation>
    </message>
    <message>
      <source>Cannot read the file {path}. Is the USB stick plugged in?</source>
      <translation>无法读取文件 {path}。U盘插好了吗？</translation>
    </message>
    <message>
      <source>This acknowledgement claims {n} operations, but this PC has only made {m}. It does not belong to this PC's data; nothing was changed.</source>
      <translation>这份回执声称已收到 {n} 条记录，但本机只产生过 {m} 条。它与本机数据不符，本机没有任何改动。</translation>
    </message>
    <message>
      <source>The USB stick is full. Delete old files from it or use another stick, then export again. Nothing at the hall was changed.</source>
      <translation>U盘已满。请删除U盘上的旧文件或换一个U盘，再重新导出。本机数据没有任何改动。</translation>
    </message>
    <message>
      <source>Could not write to the USB stick ({detail}). Was it pulled out? Plug it in again and export again. Nothing at the hall was changed.</source>
      <translation>无法写入U盘（{detail}）。U盘是否被拔出？请重新插好后再导出。本机数据没有任何改动。</translation>
    </message>
    <message>
      <source>The file read back from the USB stick is not what was written; the stick may be faulty. Try another stick.</source>
      <translation>从U盘读回的文件与写入的不一致，U盘可能有故障。请换一个U盘。</translation>
    </message>
    <message>
      <source>The folder {path} does not exist. Is the USB stick plugged in?</source>
      <translation>文件夹 {path} 不存在。U盘插好了吗？</translation>
    </message>
    <message>
      <source>This is not a valid enrollment file (it is damaged or was changed). Ask the county for a new one.</source>
      <translation>这不是有效的登记文件（已损坏或被改动过）。请向县里重新索取。</translation>
    </message>
    <message>
      <source>This enrollment file has expired. Ask the county for a new one.</source>
      <translation>这个登记文件已过期。请向县里重新索取。</translation>
    </message>
    <message>
      <source>This PC is already enrolled with the county server.</source>
      <translation>本机已经在县服务器登记过。</translation>
    </message>
    <message>
      <source>This PC has already sent records to the county server; it cannot enroll again as a new device.</source>
      <translation>本机已向县服务器发送过记录，不能再作为新设备登记。</translation>
    </message>
    <message>
      <source>Cannot read the enrollment file {path}.</source>
      <translation>无法读取登记文件 {path}。</translation>
    </message>
    <message>
      <source>Sign in as township staff first.</source>
      <translation>请先以乡镇工作人员身份登录。</translation>
    </message>
    <message>
      <source>Wrong user name or password.</source>
      <translation>用户名或密码不正确。</translation>
    </message>
    <message>
      <source>Township: upload hall data</source>
      <translation>乡镇：上传服务中心数据</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>已接收</translation>
    </message>
    <message>
      <source>Already received</source>
      <translation>重复（以前已收到）</translation>
    </message>
    <message>
      <source>Kept until the server is upgraded</source>
      <translation>已暂存，待服务器升级后导入</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>拒收</translation>
    </message>
    <message>
      <source>Uploading…</source>
      <translation>正在上传…</translation>
    </message>
    <message>
      <source>Upload failed; try again.</source>
      <translation>上传失败，请再试一次。</translation>
    </message>
    <message>
      <source>Download the acknowledgement</source>
      <translation>下载回执</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>无法识别</translation>
    </message>
    <message>
      <source>1. Plug in the USB stick the hall brought.</source>
      <translation>第一步：插入服务中心带来的U盘。</translation>
    </message>
    <message>
      <source>2. Drag the files ending in .vdbundle into the box below, or click "Choose files". Several at once are fine.</source>
      <translation>第二步：把以 .vdbundle 结尾的文件拖到下面的框里，或点“选择文件”。可以一次选多个。</translation>
    </message>
    <message>
      <source>3. Click "Upload" and read the result for each file.</source>
      <translation>第三步：点“上传”，查看每个文件的结果。</translation>
    </message>
    <message>
      <source>4. Download the acknowledgement for each hall and save it on the same USB stick. The hall imports it on its PC.</source>
      <translation>第四步：为每个服务中心下载回执，存到同一个U盘上，由服务中心在本村电脑上导入。</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Hall</source>
      <translation>服务中心</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Duplicates</source>
      <translation>重复</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Bundles accepted</source>
      <translation>已接收的数据包</translation>
    </message>
    <message>
      <source>Rejected bundles</source>
      <translation>拒收的数据包</translation>
    </message>
    <message>
      <source>Acknowledgement</source>
      <translation>回执</translation>
    </message>
    <message>
      <source>Drop bundle files here</source>
      <translation>把数据包文件拖到这里</translation>
    </message>
    <message>
      <source>Upload</source>
      <translation>上传</translation>
    </message>
    <message>
      <source>Result per file</source>
      <translation>每个文件的结果</translation>
    </message>
    <message>
      <source>Result per hall</source>
      <translation>每个服务中心的结果</translation>
    </message>
    <message>
      <source>Signed in as {user}</source>
      <translation>当前用户：{user}</translation>
    </message>
    <message>
      <source>USB sync (no network)</source>
      <translation>U盘同步（无网络）</translation>
    </message>
    <message>
      <source>This hall has no network. Once a week or once a month, carry the records to the township on a USB stick, and bring back the acknowledgement and the county's latest catalogue and prices.</source>
      <translation>本服务中心没有网络。每周或每月用U盘把记录带到乡镇上传，再把回执和县里最新的服务目录、价格带回来。</translation>
    </message>
    <message>
      <source>Step 1: plug in the USB stick and choose it</source>
      <translation>第一步：插入U盘并选中它</translation>
    </message>
    <message>
      <source>Look for USB sticks again</source>
      <translation>重新查找U盘</translation>
    </message>
    <message>
      <source>No USB stick found. Plug one in, wait a few seconds, then click "Look for USB sticks again".</source>
      <translation>没有找到U盘。请插入U盘，等几秒钟，再点“重新查找U盘”。</translation>
    </message>
    <message>
      <source>Step 2: write the records to the stick and take it to the township</source>
      <translation>第二步：把记录写入U盘，带到乡镇</translation>
    </message>
    <message>
      <source>Everything not yet confirmed by the county is written, also what an earlier stick already carried. Nothing on this PC changes.</source>
      <translation>所有县里还没有确认的记录都会写入，包括以前U盘带过的。本机数据不会有任何改动。</translation>
    </message>
    <message>
      <source>Write records to the USB stick</source>
      <translation>把记录写入U盘</translation>
    </message>
    <message>
      <source>Step 3: back from the township, import the acknowledgement</source>
      <translation>第三步：从乡镇回来后，导入回执</translation>
    </message>
    <message>
      <source>The township saves a file ending in .vdack on the stick. Importing it marks the records as received by the county and brings the county's updates.</source>
      <translation>乡镇会在U盘上存一个以 .vdack 结尾的文件。导入后，记录就标记为县里已收到，同时带回县里的更新。</translation>
    </message>
    <message>
      <source>Import the acknowledgement</source>
      <translation>导入回执</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Waiting to be sent: {pending} records. Last confirmed by the county: {when}.</source>
      <translation>等待上传：{pending} 条记录。县里最近一次确认：{when}。</translation>
    </message>
    <message>
      <source>{label} ({path}), {free} MB free</source>
      <translation>{label}（{path}），剩余 {free} MB</translation>
    </message>
    <message>
      <source>Done: {operations} records were written to {file} and checked. Take the USB stick to the township; do not delete the file before the acknowledgement is back.</source>
      <translation>完成：{operations} 条记录已写入 {file} 并核对无误。请把U盘带到乡镇；回执带回之前不要删除这个文件。</translation>
    </message>
    <message>
      <source>The county confirmed {acknowledged} records and sent {reference_changes} updates. Still waiting: {pending}.</source>
      <translation>县里已确认 {acknowledged} 条记录，并发来 {reference_changes} 条更新。仍在等待上传：{pending} 条。</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>First time only: enroll this PC with the county</source>
      <translation>仅第一次：用县里的登记文件为本机登记</translation>
    </message>
    <message>
      <source>This PC is not enrolled with the county yet. The county gives you an enrollment file ending in .vdenroll: copy it onto the USB stick, choose the stick above, then click "Enroll this PC". This is done once.</source>
      <translation>本机还没有在县里登记。县里会给一个以 .vdenroll 结尾的登记文件：把它拷到U盘上，在上面选中这个U盘，再点“为本机登记”。只需做一次。</translation>
    </message>
    <message>
      <source>Enroll this PC</source>
      <translation>为本机登记</translation>
    </message>
    <message>
      <source>This PC is now enrolled as hall {code} ({name}). Next: write the records to the USB stick (step 2).</source>
      <translation>本机已登记为服务中心 {code}（{name}）。下一步：把记录写入U盘（第二步）。</translation>
    </message>
    <message>
      <source>The acknowledgement file is damaged or was changed (perhaps the USB stick was pulled out while copying). Nothing was changed; ask the township to download it again.</source>
      <translation>回执文件已损坏或被改动过（可能拷贝时U盘被拔出），本机没有任何改动。请乡镇重新下载回执。</translation>
    </message>
    <message>
      <source>This acknowledgement was made by a newer county server. Install the newer VillageDesk on this PC first, then import it; keep the file.</source>
      <translation>这个回执由更新版本的县服务器生成。请先在本机安装新版 VillageDesk 再导入；请保留这个文件。</translation>
    </message>
  </context>
  <context>
    <name>nav</name>
    <message>
      <source>USB sync (no network)…</source>
      <translation>U盘同步（无网络）…</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>同步</translation>
    </message>
  </context>
</TS>
