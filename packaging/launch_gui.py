"""Entry script of the windowed program AlleyLedger(.exe) in the frozen build (build.spec): opens
the desktop program. A plain import, so PyInstaller follows it to every module of the program."""

from gui.app import run

run()
