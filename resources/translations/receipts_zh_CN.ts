<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>receipts</name>
    <message>
      <source>No font can print {chars}; it will show as {codes} in "{where}". Check the name and write the character in by hand.</source>
      <translation>没有字体能打印“{chars}”，打印出来将是 {codes}（见“{where}”）。请核对姓名，打印后手写补上这个字。</translation>
    </message>
    <message>
      <source>Page {page} of {pages}</source>
      <translation>第 {page} 页 共 {pages} 页</translation>
    </message>
    <message>
      <source>REPRINT</source>
      <translation>补打</translation>
    </message>
  </context>
  <context>
    <name>money</name>
    <message>
      <source>"{text}" is not an amount; type it like 1005.50</source>
      <translation>“{text}”不是金额，请按 1005.50 这样的格式填写</translation>
    </message>
    <message>
      <source>An amount has at most two decimal places (fen): {text}</source>
      <translation>金额最多两位小数（到分）：{text}</translation>
    </message>
    <message>
      <source>The amount cannot be negative: {text}</source>
      <translation>金额不能为负数：{text}</translation>
    </message>
    <message>
      <source>An amount in Chinese capitals cannot be negative: {amount}</source>
      <translation>负数金额不能写成大写金额：{amount}</translation>
    </message>
    <message>
      <source>The amount is too large: {amount}</source>
      <translation>金额过大：{amount}</translation>
    </message>
  </context>
</TS>
