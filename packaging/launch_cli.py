"""Entry script of the console program alley-ledger(.exe) in the frozen build (build.spec): the
whole command line. Its own file name, because PyInstaller keys each program's script by it."""

from core.cli.main import run

run()
