"""Reading contract files: from a path, from text, from plain data.

Valid data takes the fast path: the strict converter builds the agreement
directly. Anything it refuses is handed to the checker
(:mod:`clausekit.io.validation`), which reports every problem at once, each
with its line, field path, what was expected, what was found, and the fix.

Examples:
    >>> deal = loads('{"format": "clausekit/1"}', format="json", source="d.json")
    Traceback (most recent call last):
    ...
    clausekit.errors.ContractFileError: d.json: 4 problems found
      d.json:1: id: missing required key 'id' (text).
      d.json:1: title: missing required key 'title' (text).
      d.json:1: parties: missing required key 'parties' (a list of parties).
      d.json:1: amendments: missing required key 'amendments' (a list of amendments).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from cattrs.errors import BaseValidationError

from clausekit.agreement import Agreement
from clausekit.errors import ArgumentTypeError, ClauseKitError, ContractFileError, FileProblem
from clausekit.io.arguments import (
    check_evidence,
    check_format,
    check_path,
    check_source,
    check_text,
    describe_mode,
    format_for,
)
from clausekit.io.converter import Claims, make_converter, structure, using
from clausekit.io.formats import FORMAT, MAX_BYTES, Format, check_depth, error, parse
from clausekit.io.lines import LineFinder, no_lines
from clausekit.io.problems import leaves, locate
from clausekit.io.shapes import FieldPath, render_path
from clausekit.io.validation import Checker

if TYPE_CHECKING:
    import cattrs

    from clausekit.evidence import EvidenceBase

__all__ = [
    "detailed_converter",
    "from_dict",
    "load",
    "loads",
    "parse_text",
    "read_file",
    "with_lines",
]


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    evidence: EvidenceBase | None = None,
) -> Agreement:
    """Read a contract file; the format follows the suffix (``.toml``, ``.yaml``/``.yml``, ``.json``).

    Only regular files are read: a directory, a named pipe or a device is
    refused at once (reading one could block forever or never end).

    Args:
        path: the file.
        format: the format, when the suffix does not say it.
        evidence: the evidence base ``{claim = "id"}`` references are resolved
            in; the bundled one by default.

    Raises:
        ArgumentTypeError: for an argument of the wrong type.
        ContractFileError: listing every problem in the file (or why it cannot
            be read at all: missing, not a regular file, too large, not UTF-8,
            unknown suffix).
        ExtensionError: an installed extension (entry point group
            ``clausekit.extensions``) fails to load.
    """
    from clausekit.extensions import load_extensions

    check_path(path, where="load()")
    check_evidence(evidence, where="load()")
    load_extensions()  # installed packages' kinds, imported once, before the first file is read
    text, fmt, name = read_file(path, format, where="load()")
    data, lines = parse_text(text, fmt, name)
    return _build(data, source=name, evidence=evidence, lines=lines)


def loads(
    text: str,
    *,
    format: Format,
    source: str = "<string>",
    evidence: EvidenceBase | None = None,
) -> Agreement:
    """Read the text of a contract file in ``format`` (``"toml"``, ``"yaml"`` or ``"json"``).

    Args:
        text: the file's content.
        format: its format.
        source: the name used for the file in error messages.
        evidence: the evidence base ``{claim = "id"}`` references are resolved
            in; the bundled one by default.

    Raises:
        ArgumentTypeError: for an argument of the wrong type.
        ContractFileError: listing every problem found.
    """
    source = check_source(source, where="loads()")
    fmt = check_format(format, where="loads()", source=source)
    text = check_text(text, where="loads()")
    check_evidence(evidence, where="loads()")
    data, lines = parse_text(text, fmt, source)
    return _build(data, source=source, evidence=evidence, lines=lines)


_SURROGATE = re.compile("[\ud800-\udfff]")


def read_file(path: object, format: object, *, where: str) -> tuple[str, Format, str]:
    """The text of a regular file, its format (given, or from its suffix) and its name.

    Raises:
        ArgumentTypeError: for a path or format of the wrong type.
        ContractFileError: for a file that cannot be read as text.
    """
    source = check_path(path, where=where)
    name = str(path)
    fmt = check_format(format, where=where, source=name) if format is not None else None
    fmt = fmt if fmt is not None else format_for(source)
    try:
        # Non-blocking, so opening a pipe with no writer returns at once; then only a
        # regular file is read.
        fd = os.open(
            source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        )
    except OSError as exc:
        raise error(name, f"cannot read the file: {exc.strerror or exc}.") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise error(
                name,
                f"cannot read {name!r}: it is {describe_mode(mode)}, not a contract file. Pass "
                "the path of a .toml, .yaml or .json file"
                + (
                    " (to read a pipe, read its text and pass it to clausekit.io.loads())."
                    if stat.S_ISFIFO(mode)
                    else "."
                ),
            )
        raw = _read(fd, MAX_BYTES + 1)
    except OSError as exc:
        raise error(name, f"cannot read the file: {exc.strerror or exc}.") from None
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        raise error(name, _too_large(max(len(raw), os.stat(source).st_size)))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise error(
            name, f"the file is not UTF-8 text (byte {raw[exc.start]:#04x}).", line=line
        ) from None
    return text, fmt, name


def parse_text(text: str, fmt: Format, source: str) -> tuple[Any, LineFinder]:
    """The data in a file's text, after the size and surrogate checks, and its line finder."""
    if len(text) * 4 > MAX_BYTES and len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise error(source, _too_large(len(text.encode("utf-8", "surrogatepass"))))
    if not text.isascii() and not _encodes(text) and (lone := _SURROGATE.search(text)):
        raise error(
            source,
            f"the text holds a lone surrogate (U+{ord(lone.group()):04X}) at character "
            f"{lone.start() - text.rfind(chr(10), 0, lone.start())}, which is not a character of "
            "Unicode text (was it decoded with errors='surrogateescape'?). Decode the file as "
            "UTF-8, or remove the character.",
            line=text.count("\n", 0, lone.start()) + 1,
        )
    return parse(text.removeprefix("\ufeff"), fmt, source)


def from_dict(
    data: Mapping[str, Any], *, source: str = "<dict>", evidence: EvidenceBase | None = None
) -> Agreement:
    """Build an agreement from plain data shaped like a contract file (the inverse of :func:`to_dict`).

    ``data`` is not modified.

    Raises:
        ArgumentTypeError: for an argument of the wrong type.
        ContractFileError: listing every problem found.
    """
    source = check_source(source, where="from_dict()")
    if not isinstance(data, Mapping):
        raise ArgumentTypeError.for_value(
            data,
            argument="data",
            expected="a mapping shaped like a contract file",
            fix="Pass from_dict() a dict such as clausekit.io.to_dict(agreement) returns.",
        )
    check_evidence(evidence, where="from_dict()")
    return _build(data, source=source, evidence=evidence, lines=no_lines)


def _encodes(text: str) -> bool:
    """True when ``text`` is valid Unicode (no lone surrogate): encoding is faster than a search."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _read(fd: int, limit: int) -> bytes:
    """Up to ``limit`` bytes from ``fd``, to its end."""
    chunks = []
    while limit > 0:
        chunk = os.read(fd, min(limit, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        limit -= len(chunk)
    return b"".join(chunks)


def _too_large(size: int) -> str:
    return (
        f"the file is {size:,} bytes, over the limit of {MAX_BYTES:,} bytes (5 MiB). "
        "Contract files are small; split the data or check that this is the right file."
    )


def _build(
    data: Any, *, source: str, evidence: EvidenceBase | None, lines: LineFinder
) -> Agreement:
    claims = Claims(evidence)
    if type(data) is dict and data.get("format") == FORMAT:
        # The fast path: valid data builds at once; whatever it refuses, the checker explains.
        body = {k: v for k, v in data.items() if k != "format" and k != "$schema"}
        if isinstance(data.get("$schema", ""), str):
            try:
                with using(claims):
                    agreement: Agreement = structure(body, Agreement)
                return agreement
            except Exception:  # reported below, with every other problem
                pass
    deep = check_depth(data)  # before anything walks what the fast path refused
    if deep:
        raise ContractFileError(source, deep)
    checker = Checker(claims)
    checked = checker.document(data)
    if checker.problems:
        raise ContractFileError(source, with_lines(checker.problems, lines)) from checker.cause
    assert checked is not None
    try:
        with using(claims):
            built: Agreement = detailed_converter().structure(checked, Agreement)
            return built
    except BaseValidationError as exc:
        found = list(leaves(exc, (), checked))
    except ClauseKitError as exc:
        found = [(locate(exc, (), checked), str(exc), exc)]
    causes = [cause for _, _, cause in found if isinstance(cause, ClauseKitError)]
    problems = with_lines([(path, message) for path, message, _ in found], lines)
    raise ContractFileError(source, problems) from (causes[0] if causes else None)


_DETAILED: list[cattrs.Converter] = []


def detailed_converter() -> cattrs.Converter:
    """The converter that collects every error with its path; built on first use."""
    if not _DETAILED:
        _DETAILED.append(make_converter(detailed=True))
    return _DETAILED[0]


def with_lines(problems: list[tuple[FieldPath, str]], lines: LineFinder) -> list[FileProblem]:
    return [FileProblem(render_path(path), message, lines(path)) for path, message in problems]
