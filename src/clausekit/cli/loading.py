"""How the command line finds its agreement: a contract file, or a bundled model by name.

Examples:
    >>> load_agreement("openai-microsoft").id
    'openai-microsoft'
    >>> load_agreement("openai-microsfot")
    Traceback (most recent call last):
    ...
    clausekit.cli.exits.UsageError: unknown model 'openai-microsfot'. Did you mean 'openai-microsoft'? Bundled models: openai-microsoft; or give the path of a contract file (.toml, .yaml, .yml, .json).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from clausekit.agreement import Agreement
from clausekit.cli.exits import InvalidFile, UsageError
from clausekit.errors import ExtensionError, closest

__all__ = ["CONTRACT_SUFFIXES", "agreement", "is_path", "load", "load_agreement"]

CONTRACT_SUFFIXES = (".toml", ".yaml", ".yml", ".json")
"""File name endings that make ``MODEL`` a contract file rather than a bundled model name."""


def is_path(model: str) -> bool:
    """Whether ``MODEL`` names a file (by its suffix, a folder in it, or an existing file)."""
    return (
        model.lower().endswith(CONTRACT_SUFFIXES)
        or os.sep in model
        or "/" in model
        or Path(model).is_file()
    )


def load_agreement(model: str) -> Agreement:
    """The agreement ``MODEL`` names: a contract file path, or a bundled model's name.

    This is the command line's only way to an agreement; every command calls it.
    Installed extensions (the entry point group ``clausekit.extensions``) are
    loaded first, so their clause and fact kinds can be read.

    Args:
        model: a path ending in ``.toml``, ``.yaml``, ``.yml`` or ``.json`` (or any
            existing file), else the name of a bundled model.

    Raises:
        ContractFileError: for a file that is not a valid contract (from
            :func:`clausekit.io.load`).
        UsageError: for a file that does not exist, or an unknown model name.
    """
    from clausekit.extensions import load_extensions
    from clausekit.models import available, load_model

    load_extensions()
    if is_path(model):
        path = Path(model)
        if not path.is_file():
            found = "is not a regular file" if path.exists() else f"not found in {Path.cwd()}"
            raise UsageError(
                f"no contract file {model!r} ({found}); give the path of a "
                f".toml, .yaml, .yml or .json contract file, or a bundled model name."
            )
        from clausekit.io import load as load_file

        return load_file(path)
    names = sorted(available())
    if model not in names:
        suggestions = closest(model, names)
        hint = f" Did you mean {' or '.join(map(repr, suggestions))}?" if suggestions else ""
        raise UsageError(
            f"unknown model {model!r}.{hint} Bundled models: {', '.join(names) or '(none)'}; "
            "or give the path of a contract file (.toml, .yaml, .yml, .json)."
        )
    return load_model(model)


def load(model: str) -> Agreement:
    """:func:`load_agreement`, with every failure to load marked as an invalid file (exit 1)."""
    try:
        return load_agreement(model)
    except (UsageError, ExtensionError):  # not the file's fault: exit 2
        raise
    except Exception as exc:  # anything that stops the file loading makes it invalid (exit 1)
        raise InvalidFile(model, exc) from exc


def agreement(args: argparse.Namespace) -> Agreement:
    """The agreement of ``args.model``, as known on ``args.known_on`` when given."""
    deal = load(args.model)
    if getattr(args, "known_on", None) is not None:
        deal = deal.as_known_on(args.known_on)
    return deal
