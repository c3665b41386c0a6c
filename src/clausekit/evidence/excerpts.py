"""Excerpt matching: does a short quotation occur in a source text, damage and all?

Seed articles are news, partly machine-translated, and one is damaged: seed
001 reads ``auĂźer`` for ``außer`` and ``fĂĽr`` for ``für`` (UTF-8 bytes read
as cp1250). Excerpts keep such characters exactly as they stand, and
:func:`excerpt_occurs` matches them robustly: it folds whitespace, typographic
quotes and dashes, Unicode normal forms and mojibake on both sides, and
nothing else, so an excerpt that is not in the text is not found.

Examples:
    >>> excerpt_occurs("andere Anbieter außer Contoso", "andere Anbieter auĂźer Contoso")
    True
    >>> excerpt_occurs("andere Anbieter ausser Contoso", "andere Anbieter auĂźer Contoso")
    False
"""

from __future__ import annotations

import functools
import re

__all__ = ["excerpt_occurs", "repair_mojibake"]

# Typographic quotes, apostrophes and dashes, folded to their ASCII forms.
_PUNCTUATION = str.maketrans(
    {
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2039": "'",  # ‹
        "\u203a": "'",  # ›
        "\u00b4": "'",  # ´
        "\u2010": "-",  # ‐
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # ‒
        "\u2013": "-",  # –
        "\u2014": "-",  # —
        "\u2212": "-",  # minus sign
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u2060": None,  # word joiner
        "\ufeff": None,  # byte order mark
    }
)


def _mojibake_pattern(encoding: str) -> re.Pattern[str]:
    """A pattern for UTF-8 byte sequences that were wrongly decoded as ``encoding``."""

    def chars(low: int, high: int) -> str:
        found = []
        for byte in range(low, high + 1):
            try:
                found.append(bytes([byte]).decode(encoding))
            except UnicodeDecodeError:
                continue
        return "[" + "".join(re.escape(c) for c in found) + "]"

    cont = chars(0x80, 0xBF)
    lead2, lead3, lead4 = chars(0xC2, 0xDF), chars(0xE0, 0xEF), chars(0xF0, 0xF4)
    return re.compile(f"{lead2}{cont}|{lead3}{cont}{{2}}|{lead4}{cont}{{3}}")


@functools.cache
def _mojibake() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The patterns, built on first use: building them loads codecs ``import clausekit`` need not."""
    return tuple((enc, _mojibake_pattern(enc)) for enc in ("cp1250", "cp1252", "latin-1"))


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text decoded as cp1250, cp1252 or latin-1, where that decodes cleanly.

    Each suspicious run (a would-be UTF-8 lead byte followed by its
    continuation bytes) is encoded back to bytes and decoded as UTF-8; a run
    that does not decode cleanly is left as it stands.

    Examples:
        >>> repair_mojibake("auĂźer, fĂĽr, Ă¤")
        'außer, für, ä'
        >>> repair_mojibake("fÃ¼r")
        'für'
        >>> repair_mojibake("Äß und é")
        'Äß und é'
    """
    for encoding, pattern in _mojibake():

        def fix(match: re.Match[str], encoding: str = encoding) -> str:
            run = match.group()
            try:
                return run.encode(encoding).decode("utf-8")
            except UnicodeError:
                return run

        text = pattern.sub(fix, text)
    return text


def _fold_whitespace(text: str) -> str:
    return " ".join(text.split())


def _fold(text: str) -> str:
    """NFC, repaired mojibake, ASCII quotes and dashes, single spaces."""
    import unicodedata  # on first use, not by `import clausekit`

    text = unicodedata.normalize("NFC", text)
    text = unicodedata.normalize("NFC", repair_mojibake(text))
    return _fold_whitespace(text.translate(_PUNCTUATION))


def excerpt_occurs(excerpt: str, text: str) -> bool:
    """Tell whether ``excerpt`` occurs in ``text``, tolerating damage to either.

    Both sides are compared after folding runs of whitespace to one space,
    and again after also NFC-normalising, folding typographic quotes and
    dashes to ASCII (``„“”’–`` to ``"'-``), dropping soft hyphens and
    zero-width characters, and repairing mojibake (UTF-8 bytes wrongly
    decoded as cp1250, cp1252 or latin-1, such as ``auĂźer`` for
    ``außer``). So an excerpt stored with the broken characters as they stand
    and one with the repaired characters both match the damaged article.
    Case matters, and so does every other character: an excerpt that is not in
    the text is not found. An empty or blank excerpt proves nothing and never
    occurs.

    Args:
        excerpt: the words claimed to be in the text.
        text: the source text, possibly damaged.

    Returns:
        True when the excerpt occurs in the text.

    Examples:
        >>> excerpt_occurs("500 Milliarden für Stargate", "500 Milliarden fĂĽr Stargate\\n")
        True
        >>> excerpt_occurs("500 Milliarden fĂĽr Stargate", "500 Milliarden für  Stargate")
        True
        >>> excerpt_occurs('"Hunderttausende" Nvidia', "– „Hunderttausende“ Nvidia-Prozessoren")
        True
        >>> excerpt_occurs("600 Milliarden für Stargate", "500 Milliarden fĂĽr Stargate")
        False
    """
    if not excerpt.strip():
        return False
    if _fold_whitespace(excerpt) in _folded(text, damaged=False):
        return True
    folded = _fold(excerpt)
    return bool(folded) and folded in _folded(text, damaged=True)


@functools.lru_cache(maxsize=16)
def _folded(text: str, *, damaged: bool) -> str:
    """The text as :func:`excerpt_occurs` compares it, kept for the next excerpt of the same
    article: an article with many excerpts is folded once, not once per excerpt."""
    return _fold(text) if damaged else _fold_whitespace(text)
