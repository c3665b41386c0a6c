"""The JSON Schema of contract files, for editors and outside validators.

``contract.schema.json`` beside this file is generated from the types by
:func:`clausekit.io.json_schema`; a test keeps it equal to the generated
value. Regenerate it after changing a clause kind or a field::

    python -m clausekit.schema          # rewrite the file
    python -m clausekit.schema --check  # exit 1 if it is stale

Examples:
    >>> import json
    >>> from clausekit.schema import SCHEMA_FILE
    >>> json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["title"]
    'clausekit contract file'
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["SCHEMA_FILE"]

SCHEMA_FILE = Path(__file__).with_name("contract.schema.json")
"""Where the shipped schema lives."""
