"""Wrapping text to a width: :func:`textwrap.fill`, without its cost on plain sentences.

An explanation wraps some twenty paragraphs (reasons, conditions, claims,
sources). :class:`textwrap.TextWrapper` splits each with a regular expression
into chunks and fills lines chunk by chunk, which made up three quarters of the
first ``explain()`` of an answer. Most of those paragraphs are plain sentences:
words separated by single spaces, each word shorter than a line. For such a
text each line ends at the last space it can hold (``str.rfind``), so
:func:`fill` costs a few string operations per line, not per word; any other
text (tabs, newlines, runs of spaces, a word longer than a line) goes to
:func:`textwrap.fill` itself. Either way the result is the same string, which
``tests/render/test_wrap.py`` checks against :mod:`textwrap` on arbitrary text.
"""

from __future__ import annotations

import textwrap

__all__ = ["fill"]


def fill(
    text: str,
    *,
    width: int,
    initial_indent: str = "",
    subsequent_indent: str = "",
    break_long_words: bool = True,
) -> str:
    """``textwrap.fill(text, width, ..., break_on_hyphens=False)``, the same string.

    Args:
        text: the paragraph.
        width: the widest a line may be, its indent included.
        initial_indent: put before the first line.
        subsequent_indent: put before every other line.
        break_long_words: as in :class:`textwrap.TextWrapper`; it only matters for
            a word longer than a line, which this function leaves to :mod:`textwrap`.

    Examples:
        >>> fill("one two three four", width=9, initial_indent="- ", subsequent_indent="  ")
        '- one two\\n  three\\n  four'
    """
    lines = _plain_lines(text, width, initial_indent, subsequent_indent, break_long_words)
    if lines is not None:
        return "\n".join(lines)
    return textwrap.fill(
        text,
        width=width,
        initial_indent=initial_indent,
        subsequent_indent=subsequent_indent,
        break_long_words=break_long_words,
        break_on_hyphens=False,
    )


def _plain_lines(
    text: str, width: int, initial: str, subsequent: str, break_long_words: bool
) -> list[str] | None:
    """The lines of a plain text, as textwrap fills them; None for any other text.

    Plain: not empty, printable (no tab or line break for textwrap to turn into a
    space), words separated by single spaces, and, unless long words are kept whole,
    no word longer than a line (textwrap breaks those).
    """
    if not text or not text.isprintable() or "  " in text:
        return None
    if text.startswith(" ") or text.endswith(" "):
        return None
    lines = []
    indent = initial
    limit = width - len(indent)
    pos = 0
    end = len(text)
    while end - pos > limit:
        # The last space the line can hold: the words before it fill the line, and
        # the word after it would not fit.
        cut = text.rfind(" ", pos, pos + limit + 1) if limit > 0 else -1
        if cut < 0:  # the line's first word is longer than the line
            if break_long_words:
                return None
            cut = text.find(" ", pos)  # kept whole, on a line of its own
            if cut < 0:
                break
        elif break_long_words:
            # textwrap breaks a word longer than the line to fill the line's end with it.
            after = text.find(" ", cut + 1)
            if (after if after >= 0 else end) - cut - 1 > limit:
                return None
        lines.append(indent + text[pos:cut])
        pos = cut + 1
        indent = subsequent
        limit = width - len(indent)
    lines.append(indent + text[pos:])
    return lines
