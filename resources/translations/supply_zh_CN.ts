<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Supply</name>
    <message>
      <source>Enter the product name.</source>
      <translation>请填写商品名称。</translation>
    </message>
    <message>
      <source>Enter the unit it is sold in, such as 袋, 瓶 or 公斤.</source>
      <translation>请填写销售单位，如袋、瓶、公斤。</translation>
    </message>
    <message>
      <source>A pesticide needs its registration number (农药登记证号), as printed on the label, e.g. PD20080349.</source>
      <translation>农药必须填写农药登记证号(见标签)，如PD20080349。</translation>
    </message>
    <message>
      <source>Only a pesticide can be marked restricted.</source>
      <translation>只有农药才能标为限制使用。</translation>
    </message>
    <message>
      <source>Registration number "{value}" does not look right; it reads like PD20080349.</source>
      <translation>登记证号“{value}”格式不对，应类似PD20080349。</translation>
    </message>
    <message>
      <source>Product code {code} is already used.</source>
      <translation>商品编码{code}已被使用。</translation>
    </message>
    <message>
      <source>This product and its price are set by the county; the hall cannot change them.</source>
      <translation>该商品及价格由县里统一发布，服务中心不能修改。</translation>
    </message>
    <message>
      <source>Seeds</source>
      <translation>种子</translation>
    </message>
    <message>
      <source>Fertiliser</source>
      <translation>化肥</translation>
    </message>
    <message>
      <source>Pesticide</source>
      <translation>农药</translation>
    </message>
    <message>
      <source>Plastic film</source>
      <translation>农膜</translation>
    </message>
    <message>
      <source>Feed</source>
      <translation>饲料</translation>
    </message>
    <message>
      <source>Farm tools</source>
      <translation>农机具</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>现金</translation>
    </message>
    <message>
      <source>Mobile payment</source>
      <translation>移动支付</translation>
    </message>
    <message>
      <source>On credit</source>
      <translation>赊销</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>入库</translation>
    </message>
    <message>
      <source>Sale</source>
      <translation>销售</translation>
    </message>
    <message>
      <source>Delivery out</source>
      <translation>配送出库</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>退货</translation>
    </message>
    <message>
      <source>Stock-take adjustment</source>
      <translation>盘点调整</translation>
    </message>
    <message>
      <source>Write-off</source>
      <translation>报损</translation>
    </message>
    <message>
      <source>Correction</source>
      <translation>更正</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>登记</translation>
    </message>
    <message>
      <source>Preparing</source>
      <translation>备货</translation>
    </message>
    <message>
      <source>Out for delivery</source>
      <translation>配送中</translation>
    </message>
    <message>
      <source>Delivered</source>
      <translation>已送达</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Payment must be cash, mobile or credit.</source>
      <translation>付款方式只能是现金、移动支付或赊销。</translation>
    </message>
    <message>
      <source>Quantity must be more than zero.</source>
      <translation>数量必须大于零。</translation>
    </message>
    <message>
      <source>Choose a product.</source>
      <translation>请选择商品。</translation>
    </message>
    <message>
      <source>Unknown category "{value}". Use one of: {choices}.</source>
      <translation>没有“{value}”这个类别，请从以下选择：{choices}。</translation>
    </message>
    <message>
      <source>Quantity "{value}" must be a whole number of units.</source>
      <translation>数量“{value}”必须是整数。</translation>
    </message>
    <message>
      <source>"{value}" is not a month; type it like 2026-03 (or 2026 for a year).</source>
      <translation>“{value}”不是月份，请按2026-03填写(全年填2026)。</translation>
    </message>
    <message>
      <source>No product with code {code}. Search the catalogue for its code.</source>
      <translation>没有编码为{code}的商品，请在商品目录中查找编码。</translation>
    </message>
    <message>
      <source>"{value}" is not a date; type it like 2026-03-15.</source>
      <translation>“{value}”不是日期，请按2026-03-15填写。</translation>
    </message>
    <message>
      <source>Agricultural supplies</source>
      <translation>农资</translation>
    </message>
    <message>
      <source>The ledger is either purchase or sales.</source>
      <translation>台账只有进货台账和销售台账两种。</translation>
    </message>
    <message>
      <source>{what} purchase ledger</source>
      <translation>{what}进货台账</translation>
    </message>
    <message>
      <source>{what} sales ledger</source>
      <translation>{what}销售台账</translation>
    </message>
    <message>
      <source>of row {no}</source>
      <translation>第{no}行</translation>
    </message>
    <message>
      <source>of the entry of {date}</source>
      <translation>{date}的记录</translation>
    </message>
    <message>
      <source>Walk-in customer</source>
      <translation>散客</translation>
    </message>
    <message>
      <source>Add at least one product to the order.</source>
      <translation>订单至少要有一种商品。</translation>
    </message>
    <message>
      <source>The date wanted is in the past.</source>
      <translation>需要日期已经过去了。</translation>
    </message>
    <message>
      <source>Choose delivery or pickup.</source>
      <translation>请选择送货上门或自提。</translation>
    </message>
    <message>
      <source>A pickup order is not delivered; mark it delivered when it is picked up.</source>
      <translation>自提订单不配送，取货时直接标为已送达。</translation>
    </message>
    <message>
      <source>No order {ref}.</source>
      <translation>没有订单{ref}。</translation>
    </message>
    <message>
      <source>Say why the order is cancelled.</source>
      <translation>请填写取消原因。</translation>
    </message>
    <message>
      <source>No delivery run {ref}.</source>
      <translation>没有配送批次{ref}。</translation>
    </message>
    <message>
      <source>{name} is no longer on the register.</source>
      <translation>{name}已不在册。</translation>
    </message>
    <message>
      <source>An order that is {now} cannot become {new}.</source>
      <translation>订单状态为“{now}”，不能改为“{new}”。</translation>
    </message>
    <message>
      <source>No delivery orders are waiting for {day}.</source>
      <translation>{day}没有待配送的订单。</translation>
    </message>
    <message>
      <source>Not delivered</source>
      <translation>未送达</translation>
    </message>
    <message>
      <source>{names} is a restricted pesticide: enter the crop or use it is bought for.</source>
      <translation>{names}是限制使用农药：请填写用于什么作物或用途。</translation>
    </message>
    <message>
      <source>Order cancelled: {reason}</source>
      <translation>订单取消：{reason}</translation>
    </message>
    <message>
      <source>Order {no} ({farmer}): {message}</source>
      <translation>订单{no}({farmer}):{message}</translation>
    </message>
    <message>
      <source>Add at least one product to the sale.</source>
      <translation>请至少添加一种商品。</translation>
    </message>
    <message>
      <source>A sale on credit needs the buyer: choose the farmer (a resident).</source>
      <translation>赊销必须选定购买农户(村民)。</translation>
    </message>
    <message>
      <source>Say why the goods come back.</source>
      <translation>请填写退货原因。</translation>
    </message>
    <message>
      <source>Enter the amount paid back.</source>
      <translation>请填写还款金额。</translation>
    </message>
    <message>
      <source>A repayment is paid in cash or by mobile payment.</source>
      <translation>还款只能用现金或移动支付。</translation>
    </message>
    <message>
      <source>No resident {ref}. Register the farmer first.</source>
      <translation>没有村民{ref}，请先登记该农户。</translation>
    </message>
    <message>
      <source>No sale {ref}.</source>
      <translation>没有销售单{ref}。</translation>
    </message>
    <message>
      <source>Several residents are called {name}; give the ID number.</source>
      <translation>有多位村民叫{name}，请填写身份证号码。</translation>
    </message>
    <message>
      <source>{name} is no longer sold.</source>
      <translation>{name}已停售。</translation>
    </message>
    <message>
      <source>{names} is a restricted pesticide: enter the buyer's ID number (real-name purchase).</source>
      <translation>{names}是限制使用农药，实行实名购买：请填写购买人身份证号码。</translation>
    </message>
    <message>
      <source>The buyer's ID number is not valid: {message}</source>
      <translation>购买人身份证号码不正确：{message}</translation>
    </message>
    <message>
      <source>Only {left} {unit} of {name} from this sale can be returned.</source>
      <translation>这笔销售中的{name}最多只能退{left}{unit}。</translation>
    </message>
    <message>
      <source>{name} owes only ¥{owed}.</source>
      <translation>{name}只欠¥{owed}。</translation>
    </message>
    <message>
      <source>Return: {reason}</source>
      <translation>退货：{reason}</translation>
    </message>
    <message>
      <source>The expiry date must be after the production date.</source>
      <translation>有效期必须晚于生产日期。</translation>
    </message>
    <message>
      <source>Say why the goods are written off.</source>
      <translation>请填写报损原因。</translation>
    </message>
    <message>
      <source>A stock-take adjustment needs a reason.</source>
      <translation>盘点调整必须填写原因。</translation>
    </message>
    <message>
      <source>A correction needs a reason.</source>
      <translation>更正必须填写原因。</translation>
    </message>
    <message>
      <source>Only {left} {unit} of {name} left; cannot take {qty}.</source>
      <translation>{name}库存只剩{left}{unit}，不够{qty}。</translation>
    </message>
    <message>
      <source>The pesticide purchase ledger needs the supplier (供货人).</source>
      <translation>农药进货台账必须填写供货人。</translation>
    </message>
    <message>
      <source>No such stock move.</source>
      <translation>没有这条出入库记录。</translation>
    </message>
    <message>
      <source>Correct the original move, not a correction.</source>
      <translation>请更正原始记录，而不是更正记录。</translation>
    </message>
    <message>
      <source>Not enough stock for this move.</source>
      <translation>库存不足。</translation>
    </message>
    <message>
      <source> ({expired} more are past their expiry date and may not be sold.)</source>
      <translation>(另有{expired}已过期，不得销售。)</translation>
    </message>
    <message>
      <source>No such lot of this product.</source>
      <translation>该商品没有这个批次。</translation>
    </message>
    <message>
      <source>This correction would take the stock below zero: part of that lot has already left.</source>
      <translation>更正后库存会小于零：该批次已有部分出库。</translation>
    </message>
    <message>
      <source>The move already says {qty}.</source>
      <translation>该记录的数量已经是{qty}。</translation>
    </message>
  </context>
  <context>
    <name>SupplyReceipt</name>
    <message>
      <source>Agricultural supplies sales receipt</source>
      <translation>农资销售单</translation>
    </message>
    <message>
      <source>Sale No.</source>
      <translation>单号</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Buyer</source>
      <translation>购买人</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Crop / use</source>
      <translation>作物/用途</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>品名</translation>
    </message>
    <message>
      <source>Qty</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Specification</source>
      <translation>规格</translation>
    </message>
    <message>
      <source>Registration No.</source>
      <translation>登记证号</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>In words</source>
      <translation>大写</translation>
    </message>
    <message>
      <source>RMB {capital}</source>
      <translation>人民币{capital}</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>付款方式</translation>
    </message>
    <message>
      <source>Cashier</source>
      <translation>收款人</translation>
    </message>
    <message>
      <source>Use pesticides only as the label says; keep them away from children and food.</source>
      <translation>请按标签说明使用农药，远离儿童和食品。</translation>
    </message>
    <message>
      <source>Bought on credit. Buyer's signature:</source>
      <translation>赊销购买，购买人签字：</translation>
    </message>
    <message>
      <source>Keep this receipt. Hall phone: {phone}</source>
      <translation>请妥善保管本单。服务中心电话：{phone}</translation>
    </message>
    <message>
      <source>Sales receipt {no}</source>
      <translation>销售单 {no}</translation>
    </message>
  </context>
  <context>
    <name>SupplyDocs</name>
    <message>
      <source>Delivery run sheet</source>
      <translation>农资配送单</translation>
    </message>
    <message>
      <source>Run No.</source>
      <translation>批次号</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Village groups</source>
      <translation>配送村组</translation>
    </message>
    <message>
      <source>Driver</source>
      <translation>配送员</translation>
    </message>
    <message>
      <source>Stops / money to collect</source>
      <translation>户数/应收</translation>
    </message>
    <message>
      <source>{stops} stops, {money} to collect</source>
      <translation>共{stops}户，应收{money}</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Group / address</source>
      <translation>组别/地址</translation>
    </message>
    <message>
      <source>Farmer / phone</source>
      <translation>农户/电话</translation>
    </message>
    <message>
      <source>Hand over</source>
      <translation>交付物品</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Collect</source>
      <translation>收款</translation>
    </message>
    <message>
      <source>Signature</source>
      <translation>签收</translation>
    </message>
    <message>
      <source>Credit, nothing to collect</source>
      <translation>赊销，不收款</translation>
    </message>
    <message>
      <source>Total to collect: {money}. Driver's signature: ________  Received back by: ________</source>
      <translation>应收合计：{money}。配送员签字：________  交回核收人：________</translation>
    </message>
    <message>
      <source>Product name</source>
      <translation>农药名称</translation>
    </message>
    <message>
      <source>Registration No.</source>
      <translation>登记证号</translation>
    </message>
    <message>
      <source>Specification</source>
      <translation>规格</translation>
    </message>
    <message>
      <source>Manufacturer</source>
      <translation>生产企业</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Supplier</source>
      <translation>供货人</translation>
    </message>
    <message>
      <source>Lot No.</source>
      <translation>批号</translation>
    </message>
    <message>
      <source>Production date</source>
      <translation>生产日期</translation>
    </message>
    <message>
      <source>Expiry</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>Unit cost</source>
      <translation>进价</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Buyer</source>
      <translation>购买人</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Crop / use</source>
      <translation>作物/用途</translation>
    </message>
    <message>
      <source> (restricted)</source>
      <translation>(限用)</translation>
    </message>
    <message>
      <source>Dealer: {hall}    Rows: {count}</source>
      <translation>经营单位：{hall}    共{count}行</translation>
    </message>
    <message>
      <source>No entries in this period.</source>
      <translation>本期无记录。</translation>
    </message>
    <message>
      <source>Rows are never changed or removed; a correction is a new row that names the row it corrects. Kept for at least two years.</source>
      <translation>台账记录不得修改或删除；更正另起一行并注明所更正的行。台账至少保存二年。</translation>
    </message>
    <message>
      <source>Contains buyers' ID numbers: keep it safe.</source>
      <translation>本台账含购买人身份证号码，请妥善保管。</translation>
    </message>
    <message>
      <source>Kept by: ________    Checked by: ________</source>
      <translation>记账人：________    审核人：________</translation>
    </message>
  </context>
  <context>
    <name>SupplyCli</name>
    <message>
      <source>Give one --qty for each --product.</source>
      <translation>每个 --product 都要对应一个 --qty。</translation>
    </message>
    <message>
      <source>stock</source>
      <translation>库存</translation>
    </message>
    <message>
      <source>[restricted]</source>
      <translation>[限用]</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>Received {qty} of {name}; stock now {stock}.</source>
      <translation>已入库{name} {qty}，现有库存{stock}。</translation>
    </message>
    <message>
      <source>No change.</source>
      <translation>无变动。</translation>
    </message>
    <message>
      <source>to collect</source>
      <translation>应收</translation>
    </message>
    <message>
      <source>EXPIRED</source>
      <translation>已过期</translation>
    </message>
    <message>
      <source>{days} days left</source>
      <translation>还有{days}天到期</translation>
    </message>
    <message>
      <source>LOW</source>
      <translation>库存不足</translation>
    </message>
    <message>
      <source>Still owed: ¥{amount}</source>
      <translation>尚欠：¥{amount}</translation>
    </message>
  </context>
  <context>
    <name>nav</name>
    <message>
      <source>Agricultural supply</source>
      <translation>农资配送</translation>
    </message>
    <message>
      <source>Counter sale</source>
      <translation>柜台销售</translation>
    </message>
    <message>
      <source>Stock</source>
      <translation>库存</translation>
    </message>
    <message>
      <source>Orders and delivery</source>
      <translation>需求与配送</translation>
    </message>
    <message>
      <source>Products</source>
      <translation>商品目录</translation>
    </message>
    <message>
      <source>Ledgers and reports</source>
      <translation>台账与报表</translation>
    </message>
    <message>
      <source>Quick sale</source>
      <translation>快速销售</translation>
    </message>
  </context>
  <context>
    <name>SupplyUi</name>
    <message>
      <source>Low stock</source>
      <translation>库存不足</translation>
    </message>
    <message>
      <source>Orders due in 2 days</source>
      <translation>两天内要交付的订单</translation>
    </message>
    <message>
      <source>Expired or expiring stock</source>
      <translation>过期或临期库存</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>商品</translation>
    </message>
    <message>
      <source>Specification</source>
      <translation>规格</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>Stock</source>
      <translation>库存</translation>
    </message>
    <message>
      <source>Restricted</source>
      <translation>限用</translation>
    </message>
    <message>
      <source>In stock</source>
      <translation>库存</translation>
    </message>
    <message>
      <source>Low at</source>
      <translation>预警线</translation>
    </message>
    <message>
      <source>Expired</source>
      <translation>已过期</translation>
    </message>
    <message>
      <source>Lot</source>
      <translation>批号</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>剩余</translation>
    </message>
    <message>
      <source>Expiry</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>Days left</source>
      <translation>剩余天数</translation>
    </message>
    <message>
      <source>All products in stock</source>
      <translation>全部有库存商品</translation>
    </message>
    <message>
      <source>Expired or expiring within 30 days</source>
      <translation>已过期或30天内到期</translation>
    </message>
    <message>
      <source>Product code</source>
      <translation>商品编码</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Supplier</source>
      <translation>供货人</translation>
    </message>
    <message>
      <source>Lot No.</source>
      <translation>批号</translation>
    </message>
    <message>
      <source>Production date</source>
      <translation>生产日期</translation>
    </message>
    <message>
      <source>Unit cost</source>
      <translation>进价</translation>
    </message>
    <message>
      <source>Receive into stock</source>
      <translation>入库</translation>
    </message>
    <message>
      <source>Receive</source>
      <translation>入库</translation>
    </message>
    <message>
      <source>Counted</source>
      <translation>实盘数</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Record the count</source>
      <translation>记录盘点</translation>
    </message>
    <message>
      <source>Stock-take</source>
      <translation>盘点</translation>
    </message>
    <message>
      <source>Write off</source>
      <translation>报损</translation>
    </message>
    <message>
      <source>Write-off</source>
      <translation>报损</translation>
    </message>
    <message>
      <source>Received.</source>
      <translation>已入库。</translation>
    </message>
    <message>
      <source>Stock-take recorded.</source>
      <translation>盘点已记录。</translation>
    </message>
    <message>
      <source>Written off.</source>
      <translation>已报损。</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>单号</translation>
    </message>
    <message>
      <source>Farmer</source>
      <translation>农户</translation>
    </message>
    <message>
      <source>Group</source>
      <translation>组别</translation>
    </message>
    <message>
      <source>Wanted</source>
      <translation>需要日期</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>物品</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>付款方式</translation>
    </message>
    <message>
      <source>Delivery</source>
      <translation>送货上门</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Open orders</source>
      <translation>未完成订单</translation>
    </message>
    <message>
      <source>All orders</source>
      <translation>全部订单</translation>
    </message>
    <message>
      <source>Reason for cancelling</source>
      <translation>取消原因</translation>
    </message>
    <message>
      <source>Register an order</source>
      <translation>需求登记</translation>
    </message>
    <message>
      <source>Wanted on</source>
      <translation>需要日期</translation>
    </message>
    <message>
      <source>Pickup</source>
      <translation>自提</translation>
    </message>
    <message>
      <source>How</source>
      <translation>交付方式</translation>
    </message>
    <message>
      <source>Crop / use</source>
      <translation>作物/用途</translation>
    </message>
    <message>
      <source>Register</source>
      <translation>登记</translation>
    </message>
    <message>
      <source>Delivery run</source>
      <translation>配送批次</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Village groups</source>
      <translation>村组</translation>
    </message>
    <message>
      <source>Driver</source>
      <translation>配送员</translation>
    </message>
    <message>
      <source>Order registered.</source>
      <translation>需求已登记。</translation>
    </message>
    <message>
      <source>The goods on the run have left stock.</source>
      <translation>本批配送货物已出库。</translation>
    </message>
    <message>
      <source>Run finished.</source>
      <translation>配送已完成。</translation>
    </message>
    <message>
      <source>Search by name, pinyin, code or registration number</source>
      <translation>按名称、拼音、编码或登记证号查找</translation>
    </message>
    <message>
      <source>Add a product of the hall's own</source>
      <translation>新增本中心自有商品</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Manufacturer</source>
      <translation>生产企业</translation>
    </message>
    <message>
      <source>Registration No.</source>
      <translation>登记证号</translation>
    </message>
    <message>
      <source>Add product</source>
      <translation>新增商品</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Qty</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Supplier / buyer</source>
      <translation>供货人/购买人</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Owed</source>
      <translation>欠款</translation>
    </message>
    <message>
      <source>Last entry</source>
      <translation>最近记录</translation>
    </message>
    <message>
      <source>Purchase ledger</source>
      <translation>进货台账</translation>
    </message>
    <message>
      <source>Sales ledger</source>
      <translation>销售台账</translation>
    </message>
    <message>
      <source>All products (not only pesticides)</source>
      <translation>全部商品(不只农药)</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>查看</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>打印</translation>
    </message>
    <message>
      <source>Export to Excel</source>
      <translation>导出Excel</translation>
    </message>
    <message>
      <source>Amount paid back</source>
      <translation>还款金额</translation>
    </message>
    <message>
      <source>Record repayment</source>
      <translation>记录还款</translation>
    </message>
    <message>
      <source>Repayment recorded.</source>
      <translation>还款已记录。</translation>
    </message>
    <message>
      <source>e.g. 2026-01-15</source>
      <translation>如 2026-01-15</translation>
    </message>
    <message>
      <source>e.g. 2028-01-14</source>
      <translation>如 2028-01-14</translation>
    </message>
    <message>
      <source>Farmer orders and delivery</source>
      <translation>农户需求与配送</translation>
    </message>
    <message>
      <source>Preparing</source>
      <translation>备货</translation>
    </message>
    <message>
      <source>Out for delivery</source>
      <translation>配送中</translation>
    </message>
    <message>
      <source>Delivered</source>
      <translation>已送达</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>ID number or name</source>
      <translation>身份证号或姓名</translation>
    </message>
    <message>
      <source>e.g. C0202×3, C0101×1</source>
      <translation>如 C0202×3, C0101×1</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>现金</translation>
    </message>
    <message>
      <source>Mobile payment</source>
      <translation>移动支付</translation>
    </message>
    <message>
      <source>On credit</source>
      <translation>赊销</translation>
    </message>
    <message>
      <source>comma separated; empty: all</source>
      <translation>用逗号分隔；不填为全部</translation>
    </message>
    <message>
      <source>Choose an order in the list first.</source>
      <translation>请先在列表中选择订单。</translation>
    </message>
    <message>
      <source>Products</source>
      <translation>商品目录</translation>
    </message>
    <message>
      <source>Pesticides: e.g. PD20080349</source>
      <translation>农药填写，如 PD20080349</translation>
    </message>
    <message>
      <source>Restricted pesticide</source>
      <translation>限制使用农药</translation>
    </message>
    <message>
      <source>Ledgers and reports</source>
      <translation>台账与报表</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Outstanding credit</source>
      <translation>赊销欠款</translation>
    </message>
    <message>
      <source>Choose a farmer in the credit list first.</source>
      <translation>请先在欠款列表中选择农户。</translation>
    </message>
    <message>
      <source>Plan and print run sheet</source>
      <translation>生成并打印配送单</translation>
    </message>
    <message>
      <source>Van leaves</source>
      <translation>出车(出库)</translation>
    </message>
    <message>
      <source>Van back: all delivered</source>
      <translation>回车：全部送达</translation>
    </message>
    <message>
      <source>Sales in {period}: {total}</source>
      <translation>{period}销售额：{total}</translation>
    </message>
    <message>
      <source>Stock value at cost: {cost}; at retail: {retail}</source>
      <translation>库存金额 按进价：{cost}；按售价：{retail}</translation>
    </message>
    <message>
      <source>Run {no}: {stops} stops, {money} to collect.</source>
      <translation>配送批次{no}：共{stops}户，应收{money}。</translation>
    </message>
    <message>
      <source>Added with code {code}.</source>
      <translation>已新增，编码{code}。</translation>
    </message>
    <message>
      <source>Saved: {path}</source>
      <translation>已保存：{path}</translation>
    </message>
    <message>
      <source>Type a code, pinyin initials or a name; Enter picks it, type the quantity, Enter adds it. F9 checks out.</source>
      <translation>输入编码、拼音首字母或名称，回车选中；输入数量，回车加入；F9结账。</translation>
    </message>
    <message>
      <source>No product chosen</source>
      <translation>未选商品</translation>
    </message>
    <message>
      <source>Add (Enter)</source>
      <translation>加入(回车)</translation>
    </message>
    <message>
      <source>Buyer's ID</source>
      <translation>购买人身份证</translation>
    </message>
    <message>
      <source>Buyer's name</source>
      <translation>购买人姓名</translation>
    </message>
    <message>
      <source>80 mm roll</source>
      <translation>80毫米小票</translation>
    </message>
    <message>
      <source>A5 sheet</source>
      <translation>A5单据</translation>
    </message>
    <message>
      <source>Receipt</source>
      <translation>票据</translation>
    </message>
    <message>
      <source>Check out and print (F9)</source>
      <translation>结账并打印(F9)</translation>
    </message>
    <message>
      <source>Counter sale</source>
      <translation>柜台销售</translation>
    </message>
    <message>
      <source>Search product (e.g. ns for 尿素)</source>
      <translation>查找商品(如 ns 查尿素)</translation>
    </message>
    <message>
      <source>Basket (Delete removes a line)</source>
      <translation>购物清单(Delete 删除一行)</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>ID number or name; needed for credit</source>
      <translation>身份证号或姓名；赊销必填</translation>
    </message>
    <message>
      <source>Restricted pesticides only</source>
      <translation>仅限制使用农药需填</translation>
    </message>
    <message>
      <source>Restricted pesticide: real-name sale. Enter the buyer's ID number and the crop or use.</source>
      <translation>含限制使用农药：实名销售，请填写购买人身份证号和作物/用途。</translation>
    </message>
    <message>
      <source>The basket is empty.</source>
      <translation>购物清单是空的。</translation>
    </message>
    <message>
      <source>Cash (F5)</source>
      <translation>现金(F5)</translation>
    </message>
    <message>
      <source>Mobile (F6)</source>
      <translation>移动支付(F6)</translation>
    </message>
    <message>
      <source>Credit (F7)</source>
      <translation>赊销(F7)</translation>
    </message>
    <message>
      <source>In words: {capital}</source>
      <translation>大写：{capital}</translation>
    </message>
    <message>
      <source>Sold: {no}, {total} ({pay}).</source>
      <translation>已售：{no}，{total}（{pay}）。</translation>
    </message>
    <message>
      <source>in stock: {qty}</source>
      <translation>库存：{qty}</translation>
    </message>
    <message>
      <source> (pickup)</source>
      <translation>(自提)</translation>
    </message>
    <message>
      <source>Sale No.</source>
      <translation>销售单号</translation>
    </message>
    <message>
      <source>as on the receipt; the last digits are enough</source>
      <translation>见小票；输后几位即可</translation>
    </message>
    <message>
      <source>Take back</source>
      <translation>退货入库</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>退货</translation>
    </message>
    <message>
      <source>Taken back into stock.</source>
      <translation>已退货入库。</translation>
    </message>
    <message>
      <source>bought on credit</source>
      <translation>赊购</translation>
    </message>
    <message>
      <source>paid back</source>
      <translation>还款</translation>
    </message>
    <message>
      <source>returned</source>
      <translation>退货冲减</translation>
    </message>
    <message>
      <source>Delivery run {no}</source>
      <translation>配送单 {no}</translation>
    </message>
    <message>
      <source>Sales receipt {no}</source>
      <translation>销售单 {no}</translation>
    </message>
    <message>
      <source>Reprint a receipt (F10)</source>
      <translation>补打小票(F10)</translation>
    </message>
    <message>
      <source>Reprint a receipt</source>
      <translation>补打小票</translation>
    </message>
    <message>
      <source>Sale number (the last digits are enough):</source>
      <translation>销售单号(输入末几位即可):</translation>
    </message>
  </context>
</TS>
