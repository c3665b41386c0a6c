"""Writing contract files: an agreement as plain data, as text, and as a file written atomically.

Examples:
    >>> import clausekit as ck
    >>> src = ck.OutsideSource(url="https://example.org/p", title="P", published="2020-01-01",
    ...                        gloss="Acme alone")
    >>> deal = ck.Agreement(id="p", title="P", parties=[ck.Party("Acme")], amendments=[
    ...     ck.Amendment(id="a", title="A", effective="2020-01-01", evidence=[src])])
    >>> print(dumps(deal, format="toml"))
    format = "clausekit/1"
    id = "p"
    title = "P"
    parties = [
        { name = "Acme" },
    ]
    <BLANKLINE>
    [[amendments]]
    id = "a"
    title = "A"
    effective = "2020-01-01"
    evidence = [
        { url = "https://example.org/p", title = "P", published = "2020-01-01", gloss = "Acme alone" },
    ]
    <BLANKLINE>
"""

from __future__ import annotations

import json
import os
import secrets
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w
import yaml

from clausekit.agreement import Agreement
from clausekit.errors import ArgumentTypeError
from clausekit.io.arguments import (
    check_evidence,
    check_format,
    check_path,
    describe_mode,
    format_for,
)
from clausekit.io.converter import Claims, unstructure, using
from clausekit.io.formats import FORMAT, Format, error

if TYPE_CHECKING:
    from clausekit.evidence import EvidenceBase

__all__ = ["dump", "dumps", "encode", "render_text", "to_dict", "write_atomically"]


def to_dict(agreement: Agreement, *, evidence: EvidenceBase | None = None) -> dict[str, Any]:
    """The agreement as plain data: the contract file's content, ``format`` first.

    Evidence that is exactly what the evidence base gives for its claim id is
    written as ``{"claim": id}``; any other evidence is written in full.

    Args:
        agreement: the agreement to write.
        evidence: the evidence base claim references point into; the bundled
            one by default (loaded only when some evidence names a claim).

    Raises:
        ArgumentTypeError: for an argument of the wrong type.

    Examples:
        >>> import clausekit as ck
        >>> src = ck.OutsideSource(url="https://example.org/p", title="P", published="2020-01-01",
        ...                        gloss="Acme and Beta")
        >>> deal = ck.Agreement(id="p", title="P", parties=[ck.Party("Acme")], amendments=[
        ...     ck.Amendment(id="a", title="A", effective="2020-01-01", evidence=[src])])
        >>> to_dict(deal)["amendments"]
        [{'id': 'a', 'title': 'A', 'effective': '2020-01-01', 'evidence': [{'url': 'https://example.org/p', 'title': 'P', 'published': '2020-01-01', 'gloss': 'Acme and Beta'}]}]
    """
    _check_agreement(agreement, where="to_dict()")
    check_evidence(evidence, where="to_dict()")
    with using(Claims(evidence)):
        body: dict[str, Any] = unstructure(agreement, Agreement)
    return {"format": FORMAT, **body}


def dumps(agreement: Agreement, *, format: Format, evidence: EvidenceBase | None = None) -> str:
    """The agreement as the text of a contract file in ``format`` (``"toml"``, ``"yaml"``, ``"json"``).

    Raises:
        ArgumentTypeError: for an argument of the wrong type.
        ContractFileError: for a format clausekit does not write.
    """
    fmt = check_format(format, where="dumps()")
    return render_text(to_dict(agreement, evidence=evidence), fmt)


def render_text(data: dict[str, Any], fmt: Format) -> str:
    """Plain data as the text of a file in ``fmt``."""
    if fmt == "toml":
        return tomli_w.dumps(data)
    if fmt == "yaml":
        return yaml.dump(data, Dumper=_YamlDumper, sort_keys=False, allow_unicode=True, width=100)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


if TYPE_CHECKING:
    _SafeDumper = yaml.SafeDumper
else:  # libyaml's emitter when PyYAML was built with it (much faster)
    _SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _YamlDumper(_SafeDumper):
    """The safe dumper, with text holding Unicode line breaks double-quoted (hence escaped).

    With ``allow_unicode`` PyYAML writes NEL, LINE SEPARATOR and PARAGRAPH
    SEPARATOR raw in plain and single-quoted text, and reads them back as line
    breaks; in double quotes it escapes them, so the text survives.
    """

    def represent_str(self, data: str) -> yaml.ScalarNode:
        if any(c in data for c in "\x85\u2028\u2029\ufeff"):
            return self.represent_scalar("tag:yaml.org,2002:str", data, style='"')
        return super().represent_str(data)


_YamlDumper.add_representer(str, _YamlDumper.represent_str)


def dump(
    agreement: Agreement,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    evidence: EvidenceBase | None = None,
) -> None:
    """Write the agreement to a contract file; the format follows the suffix unless given.

    The file is written whole or not at all: into a temporary file in the
    same directory, then renamed over the target. An existing file is
    replaced (atomically); a directory, pipe or device is not.

    Raises:
        ArgumentTypeError: for an argument of the wrong type.
        ContractFileError: for a suffix that names no format and no ``format=``,
            or a file that cannot be written (no such directory, no permission,
            disk full); the target is then as it was.
    """
    _check_agreement(agreement, where="dump()")
    target = check_path(path, where="dump()")
    fmt = check_format(format, where="dump()") if format is not None else format_for(target)
    write_atomically(target, encode(dumps(agreement, format=fmt, evidence=evidence), str(path)))


def encode(text: str, name: str) -> bytes:
    """A file's text as UTF-8; a lone surrogate (which UTF-8 cannot hold) is a file problem."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise error(
            name,
            f"the text holds a lone surrogate (U+{ord(text[exc.start]):04X}), which UTF-8 "
            "cannot write. Fix the text (a str built from bad bytes?).",
        ) from None


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` whole or not at all (temporary file beside it, then rename).

    Raises:
        ContractFileError: when the file cannot be written; ``target`` is unchanged.
    """
    name = str(target)
    directory = target.parent
    if not directory.is_dir():
        raise error(
            name,
            f"cannot write the file: the directory {str(directory)!r} does not exist. "
            "Create it first, or write somewhere else.",
        )
    try:
        mode = target.stat().st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise error(name, f"cannot write the file: {name!r} exists and is {describe_mode(mode)}.")
    temporary, fd = _temporary_beside(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, stat.S_IMODE(mode))
        os.replace(temporary, target)
    except OSError as exc:
        raise error(name, f"cannot write the file: {exc.strerror or exc}.") from None
    finally:
        temporary.unlink(missing_ok=True)


def _temporary_beside(target: Path) -> tuple[Path, int]:
    """A new file beside ``target`` (created with the usual permissions), and its descriptor."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return temporary, os.open(temporary, flags, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise error(str(target), f"cannot write the file: {exc.strerror or exc}.") from None
    raise error(str(target), "cannot write the file: no free temporary name beside it.")


def _check_agreement(agreement: object, *, where: str) -> None:
    if not isinstance(agreement, Agreement):
        raise ArgumentTypeError.for_value(
            agreement,
            argument="agreement",
            expected="a clausekit.Agreement",
            fix=f"Pass {where} an agreement: build one with clausekit.Agreement(...) or read one "
            "with clausekit.load(path).",
        )
