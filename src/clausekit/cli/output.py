"""What the command line prints and writes: text, JSON, and files written whole or not at all.

Every file the command line writes goes through :func:`write_file`: the text
lands in a temporary file beside the target, which then replaces the target
in one step (``os.replace``). A write that fails (a full disk, a file size
limit) leaves an existing file as it was, and the target is never the
contract file the command read.

Examples:
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_file(folder / "out.md", "| a |", reads=[])
    >>> (folder / "out.md").read_text(encoding="utf-8")
    '| a |\\n'
    >>> sorted(p.name for p in folder.iterdir())
    ['out.md']
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from clausekit.cli.exits import UsageError

__all__ = ["refuse_overwrite", "to_json", "utf8", "write", "write_file", "write_json"]


def write(out: IO[str], text: str) -> None:
    """Write ``text`` and end it with a newline."""
    out.write(text if text.endswith("\n") else text + "\n")


def to_json(data: object) -> str:
    """``data`` as indented JSON, non-ASCII characters kept as they are."""
    return json.dumps(data, indent=2, ensure_ascii=False)


def write_json(out: IO[str], data: object) -> None:
    """Write ``data`` as one indented JSON document."""
    write(out, to_json(data))


def utf8(stream: IO[str]) -> None:
    """Write UTF-8 whatever the locale says (explanations contain '—' and '→')."""
    reconfigure = getattr(stream, "reconfigure", None)
    encoding = str(getattr(stream, "encoding", "utf-8") or "utf-8")
    if callable(reconfigure) and encoding.replace("-", "").lower() != "utf8":
        reconfigure(encoding="utf-8")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def refuse_overwrite(path: str | os.PathLike[str], *, reads: Iterable[str]) -> None:
    """Refuse ``--output`` naming a file the command reads, or a folder.

    Raises:
        UsageError: ``path`` is (resolves to) one of ``reads``, or is a folder.
    """
    target = Path(path)
    for source in reads:
        if _same_file(target, Path(source)):
            raise UsageError(
                f"--output {str(path)!r} is the contract file this command reads; "
                "write the answer to another file."
            )
    if target.is_dir():
        raise UsageError(f"--output {str(path)!r} is a folder; give the path of a file in it.")


def write_file(path: str | os.PathLike[str], text: str, *, reads: Iterable[str]) -> None:
    """Write ``text`` (UTF-8, ending in a newline) to ``path``, whole or not at all.

    Args:
        path: the file to write (``--output``).
        text: what to write.
        reads: the paths of the files the command read; ``path`` may be none of them.

    Raises:
        UsageError: ``path`` is a file the command read, a folder, or cannot be
            written (its folder is missing, the disk is full, a size limit):
            the file that was there, if any, is left unchanged.
    """
    target = Path(path)
    refuse_overwrite(path, reads=reads)
    data = (text if text.endswith("\n") else text + "\n").encode("utf-8")
    folder = target.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise UsageError(f"cannot write --output {str(path)!r}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as exc:
        raise UsageError(
            f"cannot write --output {str(path)!r}: {exc.strerror or exc}; "
            "any file already there is unchanged."
        ) from None
    finally:
        Path(temporary).unlink(missing_ok=True)
