"""A griffe extension for the API reference: the reStructuredText bits of docstrings, as Markdown.

clausekit's docstrings are Google style, and they read well in ``help()`` and in
an editor. A few of their parts are reStructuredText, which mkdocstrings would
show as written. This extension rewrites them before rendering:

- roles such as ``:class:`~clausekit.time.Period``` become code, linked to the
  API reference where the name is documented there;
- simple tables (columns under ``====  ====`` rules) become Markdown tables;
- a paragraph ending in ``::`` (an indented literal block follows) ends in ``:``.

Registered in mkdocs.yml under the Python handler's ``extensions``; not a page
of the site (see ``exclude_docs``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(?:class|func|meth|mod|attr|data|exc|obj|const):`(~?)([^`]+)`")
RULE = re.compile(r"^(\s*)(=+)((?:\s+=+)+)\s*$")


def _role(match: re.Match[str]) -> str:
    short, target = match.group(1), match.group(2).strip()
    text = target.rsplit(".", 1)[-1] if short else target
    if target.startswith("clausekit."):
        # An optional cross-reference: linked when the target is documented, plain code if not.
        return f'<autoref identifier="{target}" optional><code>{text}</code></autoref>'
    return f"`{text}`"


def _columns(rule: str) -> list[tuple[int, int | None]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"=+", rule)]
    return [
        (start, spans[i + 1][0] if i + 1 < len(spans) else None)
        for i, (start, _) in enumerate(spans)
    ]


def _cells(line: str, columns: list[tuple[int, int | None]]) -> list[str]:
    return [line[start:end].strip() for start, end in columns]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _tables(text: str) -> str:
    """Turn every reST simple table into a Markdown table."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not RULE.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        indent = RULE.match(lines[i]).group(1)  # type: ignore[union-attr]
        columns = _columns(lines[i])
        rules = [i]
        j = i + 1
        while j < len(lines) and len(rules) < 3:
            if RULE.match(lines[j]):
                rules.append(j)
            j += 1
        if len(rules) < 2:
            out.append(lines[i])
            i += 1
            continue
        if len(rules) == 2:  # no header row: top rule, body, bottom rule
            header_lines: list[str] = []
            body_lines = lines[rules[0] + 1 : rules[1]]
        else:
            header_lines = lines[rules[0] + 1 : rules[1]]
            body_lines = lines[rules[1] + 1 : rules[2]]
        rows: list[list[str]] = []
        for line in body_lines:
            if not line.strip():
                continue
            cells = _cells(line, columns)
            if rows and not cells[0]:  # a continuation line: join it to the row above
                rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
            else:
                rows.append(cells)
        header = [
            " ".join(c) for c in zip(*(_cells(h, columns) for h in header_lines), strict=True)
        ]
        if not header:
            header = [""] * len(columns)
        out.append(indent + "| " + " | ".join(_cell(h) for h in header) + " |")
        out.append(indent + "|" + "---|" * len(columns))
        out += [indent + "| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
        i = rules[-1] + 1
    return "\n".join(out)


def _literal_blocks(text: str) -> str:
    """A paragraph ending in ``::`` and the indented block after it: the block, fenced as code.

    The fence keeps the block from being read as Markdown (or, under a line
    ending in a colon, as a Google-style section).
    """
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.rstrip().endswith("::"):
            out.append(line)
            i += 1
            continue
        head = line.rstrip()[:-2].rstrip()
        indent = len(line) - len(line.lstrip())
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        block: list[str] = []
        while j < len(lines) and (
            not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > indent
        ):
            block.append(lines[j])
            j += 1
        while block and not block[-1].strip():
            block.pop()
        if not block:
            out.append(line)
            i += 1
            continue
        cut = min(len(b) - len(b.lstrip()) for b in block if b.strip())
        if head:
            out += [head + ".", ""]
        pad = " " * indent
        out += [
            pad + "```text",
            *(pad + b[cut:] if b.strip() else "" for b in block),
            pad + "```",
            "",
        ]
        i = j
    return "\n".join(out)


def rst_to_markdown(text: str) -> str:
    return ROLE.sub(_role, _literal_blocks(_tables(text)))


class RstToMarkdown(griffe.Extension):
    """Rewrite the reST parts of every docstring as Markdown."""

    def on_instance(self, *, node: Any, obj: griffe.Object, agent: Any, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = rst_to_markdown(obj.docstring.value)
