<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>nav</name>
    <message>
      <source>Party affairs</source>
      <translation>党务</translation>
    </message>
    <message>
      <source>Village affairs</source>
      <translation>村务</translation>
    </message>
    <message>
      <source>Commerce</source>
      <translation>商务</translation>
    </message>
    <message>
      <source>Affairs</source>
      <translation>事务</translation>
    </message>
    <message>
      <source>Services</source>
      <translation>服务</translation>
    </message>
  </context>
  <context>
    <name>common</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>VillageDesk</source>
      <translation>VillageDesk 党群服务中心</translation>
    </message>
    <message>
      <source>Something went wrong, but your data is safe. You can keep working. If it happens again, tell the county support and give them the log file:
{path}</source>
      <translation>出了点问题，但您的数据是安全的，可以继续工作。如果再次出现，请联系县里的技术支持，并把日志文件交给他们：
{path}</translation>
    </message>
  </context>
</TS>
