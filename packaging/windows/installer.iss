; Inno Setup 6 script for Voucher Kiosk on Windows (x64). NOT built in CI: it needs Windows.
; 1. On Windows, in the project venv:  pyinstaller --noconfirm packaging\kiosk.spec
;    (gives dist\kiosk\kiosk.exe for the command line and dist\kiosk\VoucherKiosk.exe for the GUI)
; 2. Fetch the Microsoft Visual C++ 2013 Redistributable (x64) as packaging\windows\vcredist_x64_2013.exe
;    (https://aka.ms/highdpimfc2013x64enu). pyzbar 0.1.9's libzbar-64.dll and libiconv.dll are
;    built with Visual Studio 2013 and need its runtime (msvcr120.dll); without it pyzbar fails
;    to import and `kiosk doctor` reports zbar unavailable. Python's and Qt's own MSVC 2015+
;    runtime DLLs (vcruntime140*.dll, msvcp140*.dll) are already inside the PyInstaller bundle.
; 3. iscc /DAppVersion=0.1.0 packaging\windows\installer.iss  -> dist\voucher-kiosk-0.1.0-windows-x64-setup.exe
; Data (settings, offline queue) lives in %LOCALAPPDATA%\voucher-kiosk, outside {app}: upgrades
; and uninstalls never touch it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Voucher Kiosk"
#define Root "..\.."

[Setup]
AppId={{6F1C3E2A-8B7D-4C55-9A0E-5D3B2F7A1C90}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Voucher Kiosk team
DefaultDirName={autopf}\Voucher Kiosk
DefaultGroupName={#AppName}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=voucher-kiosk-{#AppVersion}-windows-x64-setup
SetupIconFile=voucher-kiosk.ico
UninstallDisplayIcon={app}\VoucherKiosk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
PrivilegesRequired=admin
; An upgrade closes the running kiosk, replaces {app} and keeps the user's data.
CloseApplications=yes
ChangesEnvironment=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "addtopath"; Description: "Add the kiosk command to PATH (for IT scripts)"; Flags: unchecked

[InstallDelete]
; Remove the previous version's bundle first so no stale DLL survives an upgrade.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\dist\kiosk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "vcredist_x64_2013.exe"; DestDir: "{tmp}"; Flags: deleteafterinstall

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\VoucherKiosk.exe"
Name: "{group}\{#AppName} (demo)"; Filename: "{app}\VoucherKiosk.exe"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\VoucherKiosk.exe"; Tasks: desktopicon

[Registry]
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; \
    ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; \
    Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{tmp}\vcredist_x64_2013.exe"; Parameters: "/install /quiet /norestart"; \
    StatusMsg: "Installing the Microsoft Visual C++ 2013 runtime (for ZBar)..."; Flags: waituntilterminated
Filename: "{app}\kiosk.exe"; Parameters: "doctor"; Flags: runhidden nowait skipifsilent
Filename: "{app}\VoucherKiosk.exe"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKEY_LOCAL_MACHINE,
    'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;
