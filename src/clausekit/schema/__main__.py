"""Regenerate (or, with ``--check``, verify) the shipped contract-file schema."""

from __future__ import annotations

import argparse
import sys

from clausekit.io import schema_text
from clausekit.schema import SCHEMA_FILE


def main(argv: list[str] | None = None) -> int:
    """Write ``contract.schema.json``, or check that it is up to date."""
    parser = argparse.ArgumentParser(prog="python -m clausekit.schema", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = schema_text()
    current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
    if args.check:
        if current != text:
            print(f"{SCHEMA_FILE} is stale; run: python -m clausekit.schema", file=sys.stderr)
            return 1
        print(f"{SCHEMA_FILE} is up to date.")
        return 0
    if current != text:
        SCHEMA_FILE.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {SCHEMA_FILE}")
    else:
        print(f"{SCHEMA_FILE} is already up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
