; Installer for 巷账 (Windows, NSIS 3). Installs the one-folder build (dist\alley-ledger, made by
; `pyinstaller build.spec`) for the current user only, without administrator rights, into
; %LOCALAPPDATA%\Programs\AlleyLedger, with Start-menu and desktop shortcuts and an uninstaller.
;
; Build (README, "Windows build"):  makensis /DVERSION=0.1.0 packaging\installer.nsi
; Compile-time paths are relative to this script (makensis works in its folder) and use "/", so the
; same script compiles with makensis on Linux (scripts/build checks it).
;   VERSION   the program's version (core/__init__.py; scripts/build passes it)
;   DIST      the folder to install (default: ..\dist\alley-ledger beside this script)
;   OUTFILE   the installer to write (default: ..\dist\AlleyLedger-<VERSION>-setup.exe)
;
; The clerk's data (database, backups) lives in %LOCALAPPDATA%\AlleyLedger, outside the program
; folder: installing a new version or uninstalling never touches it. The uninstaller removes only
; the files this installer put in place.

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "VERSION is not defined: makensis /DVERSION=x.y.z packaging\installer.nsi (the version is in core/__init__.py)"
!endif
!ifndef DIST
  !define DIST "../dist/alley-ledger"
!endif
!ifndef OUTFILE
  !define OUTFILE "../dist/AlleyLedger-${VERSION}-setup.exe"
!endif

!define APPNAME "巷账"
!define APPKEY "AlleyLedger"
!define GUI_EXE "AlleyLedger.exe"
!define CLI_EXE "alley-ledger.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPKEY}"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPKEY}"
InstallDirRegKey HKCU "Software\${APPKEY}" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma
ManifestDPIAware true
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT License"

!define MUI_ICON "../resources/icons/alley-ledger.ico"
!define MUI_UNICON "../resources/icons/alley-ledger.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "将为当前用户安装 ${APPNAME} ${VERSION}（城市背街小巷整治改造提升台账），不需要管理员权限。$\r$\n$\r$\n已有的数据库和备份保存在 %LOCALAPPDATA%\${APPKEY}，安装新版本不会改动它们。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开 ${APPNAME}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "将删除 ${APPNAME} 程序文件和快捷方式。数据库和备份（%LOCALAPPDATA%\${APPKEY}）会保留，不会删除。"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

; Refuse to go on while either program runs from $INSTDIR: Windows keeps a running program's
; .exe open without write sharing, so opening it for writing fails exactly then.
!macro REFUSE_WHILE_RUNNING
  !define _LABEL ${__LINE__}
  check_${_LABEL}:
    ClearErrors
    IfFileExists "$INSTDIR\${GUI_EXE}" 0 cli_${_LABEL}
    FileOpen $0 "$INSTDIR\${GUI_EXE}" a
    IfErrors running_${_LABEL}
    FileClose $0
  cli_${_LABEL}:
    ClearErrors
    IfFileExists "$INSTDIR\${CLI_EXE}" 0 done_${_LABEL}
    FileOpen $0 "$INSTDIR\${CLI_EXE}" a
    IfErrors running_${_LABEL}
    FileClose $0
    Goto done_${_LABEL}
  running_${_LABEL}:
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APPNAME} 正在运行。请先保存并关闭 ${APPNAME}（包括命令行窗口），再点“重试”。" /SD IDCANCEL IDRETRY check_${_LABEL}
    Abort
  done_${_LABEL}:
  !undef _LABEL
!macroend

Section "${APPNAME}" SecMain
  SectionIn RO
  !insertmacro REFUSE_WHILE_RUNNING
  SetOutPath "$INSTDIR"
  ; A previous version's libraries go first, so no stale module is left beside the new ones.
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0
  IfFileExists "$INSTDIR\使用说明.pdf" 0 +2
    CreateShortcut "$SMPROGRAMS\${APPNAME}\使用说明.lnk" "$INSTDIR\使用说明.pdf"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\卸载 ${APPNAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0

  WriteRegStr HKCU "Software\${APPKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APPNAME}（背街小巷整治改造台账）"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "巷账 Alley Ledger"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  !insertmacro REFUSE_WHILE_RUNNING
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  ; Only what the installer put here: never a recursive delete of $INSTDIR itself, which the
  ; clerk may have pointed at a folder holding other files.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\使用说明.pdf"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APPKEY}"
  ; %LOCALAPPDATA%\AlleyLedger (database and backups) is left as it is, on purpose.
SectionEnd
