"""Checking the arguments of the public functions: each wrong one is named, with the fix.

Examples:
    >>> check_format("yml", where="loads()")
    Traceback (most recent call last):
    ...
    clausekit.errors.ContractFileError: <string>: 1 problem found
      <string>: unknown file format 'yml'; did you mean 'yaml'? Or use one of 'toml', 'yaml', 'json'.
    >>> check_path(None, where="load()")
    Traceback (most recent call last):
    ...
    clausekit.errors.ArgumentTypeError: Expected a file path (str or os.PathLike) for path but got NoneType path=None. Pass load() the path of a .toml, .yaml or .json file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from clausekit.errors import ArgumentTypeError
from clausekit.io.formats import FORMATS, SUFFIXES, Format, error

__all__ = [
    "check_evidence",
    "check_format",
    "check_path",
    "check_source",
    "check_text",
    "describe_mode",
    "format_for",
]


def check_path(path: object, *, where: str) -> Path:
    """``path`` as a :class:`~pathlib.Path`; refuses anything but ``str`` and ``os.PathLike[str]``."""
    if isinstance(path, str) and path:
        return Path(path)
    if isinstance(path, os.PathLike) and isinstance(os.fspath(path), str):
        return Path(path)
    raise ArgumentTypeError.for_value(
        path,
        argument="path",
        expected="a file path (str or os.PathLike)",
        fix=f"Pass {where} the path of a .toml, .yaml or .json file.",
    )


def check_format(format: object, *, where: str, source: str = "<string>") -> Format:
    """``format`` if it is one of ``"toml"``, ``"yaml"``, ``"json"``."""
    if format in FORMATS:
        return format
    if not isinstance(format, str):
        raise ArgumentTypeError.for_value(
            format,
            argument="format",
            expected="the name of a format",
            fix=f"Pass {where} one of " + ", ".join(map(repr, FORMATS)) + ".",
        )
    folded = format.strip().lower()
    meant = SUFFIXES.get("." + folded.lstrip("."))
    suggestion = f" did you mean {meant!r}? Or" if meant else ""
    raise error(
        source,
        f"unknown file format {format!r};{suggestion} use one of {', '.join(map(repr, FORMATS))}.",
    )


def format_for(path: Path) -> Format:
    """The format a file's suffix names."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise error(
            str(path),
            f"cannot tell the format from the suffix {path.suffix!r}; name the file .toml, "
            ".yaml, .yml or .json, or pass format=.",
        )
    return fmt


def check_source(source: object, *, where: str) -> str:
    """The name a file goes by in messages: text."""
    if isinstance(source, str):
        return source
    raise ArgumentTypeError.for_value(
        source,
        argument="source",
        expected="text",
        fix=f"Pass {where} the name to use for the file in messages, e.g. source='deal.toml'.",
    )


def check_text(text: object, *, where: str) -> str:
    """The text of a contract file: a ``str``."""
    if isinstance(text, str):
        return text
    fix = (
        f"Decode the bytes first ({where} takes data.decode('utf-8')), or use "
        "clausekit.io.load(path)."
        if isinstance(text, bytes | bytearray)
        else f"Pass {where} the file's content as a str, or use clausekit.io.load(path)."
    )
    raise ArgumentTypeError.for_value(
        text, argument="text", expected="the file's text (a str)", fix=fix
    )


def check_evidence(evidence: object, *, where: str) -> None:
    """``evidence`` is None or an evidence base."""
    if evidence is None:
        return
    from clausekit.evidence import EvidenceBase  # loaded only when one is passed

    if not isinstance(evidence, EvidenceBase):
        raise ArgumentTypeError.for_value(
            evidence,
            argument="evidence",
            expected="a clausekit.evidence.EvidenceBase or None",
            fix=f"Pass {where} clausekit.evidence.evidence_base(), one you built, or leave it out.",
        )


def describe_mode(mode: int) -> str:
    """What a file that is not a regular file is, in words: ``a directory``, ``a named pipe``."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"
