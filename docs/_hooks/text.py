"""Markdown helpers shared by the documentation hooks."""

from __future__ import annotations

import html


def cell(text: str) -> str:
    """Text safe in a Markdown table cell: HTML-escaped, no pipes, one line."""
    return " ".join(html.escape(text, quote=False).replace("|", "&#124;").split())


def code(text: str) -> str:
    return f"`{text}`"


def fence(text: str, language: str, *, indent: str = "") -> str:
    body = "\n".join((indent + line) if line else "" for line in text.rstrip("\n").split("\n"))
    return f"{indent}```{language}\n{body}\n{indent}```"
