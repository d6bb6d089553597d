"""Chinese messages for argparse's own usage errors (argparse looks its texts up through gettext)."""

from __future__ import annotations

import argparse

_ZH = {
    "usage: ": "用法：",
    "the following arguments are required: %s": "缺少参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "expected one argument": "需要一个值",
    "show this help message and exit": "显示帮助并退出",
    "positional arguments": "位置参数",
    "options": "选项",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是 %(matches)s",
}


def install() -> None:
    """Make argparse print its usage errors in Chinese."""
    original = argparse._  # type: ignore[attr-defined]

    def translate(message: str) -> str:
        return _ZH.get(message, original(message))

    argparse._ = translate  # type: ignore[attr-defined]
