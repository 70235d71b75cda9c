<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>about_cli</name>
    <message>
      <source>no database yet</source>
      <translation>尚无数据库</translation>
    </message>
    <message>
      <source>{revisions} (up to date)</source>
      <translation>{revisions}（已是最新）</translation>
    </message>
    <message>
      <source>{revisions}; this version upgrades it to {heads} at the next start, after a backup</source>
      <translation>{revisions}；本版本下次启动时会先备份，再升级到 {heads}</translation>
    </message>
    <message>
      <source>VillageDesk {version}</source>
      <translation>VillageDesk 村级党群服务中心 {version}</translation>
    </message>
    <message>
      <source>Hall: {hall}</source>
      <translation>服务中心：{hall}</translation>
    </message>
    <message>
      <source>Data folder: {path}</source>
      <translation>数据文件夹：{path}</translation>
    </message>
    <message>
      <source>Database: {path}</source>
      <translation>数据库：{path}</translation>
    </message>
    <message>
      <source>Schema revision: {schema}</source>
      <translation>数据库结构版本：{schema}</translation>
    </message>
    <message>
      <source>Backups: {path}</source>
      <translation>备份文件夹：{path}</translation>
    </message>
    <message>
      <source>Log file: {path}</source>
      <translation>日志文件：{path}</translation>
    </message>
    <message>
      <source>Installed in: {path}</source>
      <translation>安装位置：{path}</translation>
    </message>
  </context>
</TS>
