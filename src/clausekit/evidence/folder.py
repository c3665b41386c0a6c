"""Where the bundled evidence base lives, and the names of its files.

The base is a folder: the repository's top-level ``seeds/``, shipped inside
the wheel as ``clausekit/_seeds``. It holds one TOML file per seed article,
``outside.toml`` and ``conflicts.toml``, and beside them the seed articles
themselves as ``<document id>.txt``, so that every excerpt can be checked
against its article wherever clausekit is installed.

Examples:
    >>> sorted(p.name for p in bundled_folder().glob("001_*"))
    ['001_7f6e26588299af66.toml', '001_7f6e26588299af66.txt']
"""

from __future__ import annotations

from pathlib import Path

from clausekit.errors import EvidenceError

__all__ = ["CONFLICTS_FILE", "OUTSIDE_FILE", "bundled_folder"]

#: The file of outside public sources.
OUTSIDE_FILE = "outside.toml"
#: The file of conflicts among claims.
CONFLICTS_FILE = "conflicts.toml"

_PACKAGE = Path(__file__).resolve().parents[1]  # .../clausekit


def bundled_folder() -> Path:
    """The bundled evidence base folder.

    Returns:
        ``clausekit/_seeds`` in an installed package, or the repository's
        top-level ``seeds/`` folder in a source checkout.

    Raises:
        EvidenceError: when neither exists (a broken installation).
    """
    packaged = _PACKAGE / "_seeds"
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE.parents[1] / "seeds"
    if checkout.is_dir():
        return checkout
    raise EvidenceError(
        f"No evidence base found: neither {packaged} (installed package) nor {checkout} "
        "(source checkout) exists. Reinstall clausekit, or pass the folder to "
        "load_evidence_base(path)."
    )
