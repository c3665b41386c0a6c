"""``python -m clausekit``: the command line (see :mod:`clausekit.cli`)."""

from __future__ import annotations

from clausekit.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
