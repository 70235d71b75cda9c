; VillageDesk Windows installer (Inno Setup 6.3 or newer), Chinese interface.
;
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\..\build\dist\villagedesk /O..\..\dist villagedesk.iss
;
; Installs the PyInstaller one-dir bundle for all users under Program Files, with Start-menu
; and desktop shortcuts. Installing a newer version over an older one replaces the program
; files only. The hall's data (database, backups, printed-document archive, settings, logs)
; lives in each user's %LOCALAPPDATA%\VillageDesk (platformdirs), never under {app}: neither
; an upgrade nor an uninstall touches it, unless the person uninstalling asks for it to be
; deleted (or passes /DELETEDATA to a silent uninstall).
; This file is UTF-8 with a byte-order mark: keep it so, Inno Setup needs the BOM for Chinese.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\dist\villagedesk"
#endif
#define AppName "VillageDesk"
#define AppNameZh "村级党群服务中心"
#define AppExe "villagedesk.exe"

[Setup]
; Never change the AppId: it is how a new version finds and replaces the installed one.
AppId={{6C1F4E52-7A0B-4C8E-9D3B-2E5A41F0B7D9}
AppName={#AppName} {#AppNameZh}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppNameZh} {#AppVersion}
AppPublisher=VillageDesk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName} {#AppNameZh}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; Per-machine install: needs an administrator once; every Windows account can then use it.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 1809 (build 17763) or newer.
MinVersion=10.0.17763
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\villagedesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppNameZh}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running VillageDesk is closed (after asking) before its files are replaced.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no

[Languages]
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[CustomMessages]
chs.DesktopIcon=在桌面上创建快捷方式
chs.AdditionalIcons=快捷方式：
chs.LaunchApp=现在启动 VillageDesk
chs.DeleteDataQuestion=是否同时删除本机当前用户的 VillageDesk 数据？%n%n数据文件夹：%1%n其中有村民信息、代办件、台账、备份和打印存档。%n%n选“否”（推荐）会保留全部数据，重新安装后可以继续使用。
chs.DeleteDataFailed=有些数据文件未能删除，请手动删除文件夹：%1

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle, so no file of the old version is left behind.
; Only program files are here; the data folder is elsewhere (see the top of this file).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName} {#AppNameZh}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName} {#AppNameZh}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files the program itself may leave in its own folder (Python caches of the migrations).
Type: filesandordirs; Name: "{app}\_internal\villagedesk\db\migrations\__pycache__"
Type: filesandordirs; Name: "{app}\_internal\villagedesk\db\migrations\versions\__pycache__"

[Code]
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\VillageDesk');
end;

function WantsDataDeleted(): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), '/DELETEDATA') = 0 then
      Result := True;
  if (not Result) and (not UninstallSilent) and DirExists(DataDir()) then
    Result := MsgBox(FmtMessage(CustomMessage('DeleteDataQuestion'), [DataDir()]),
                     mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataDir()) and WantsDataDeleted() then
    if not DelTree(DataDir(), True, True, True) then
      MsgBox(FmtMessage(CustomMessage('DeleteDataFailed'), [DataDir()]), mbError, MB_OK);
end;
