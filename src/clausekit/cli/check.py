"""``check``: load a contract file, report every problem in it, then run the consistency checker."""

from __future__ import annotations

import argparse
from typing import IO

from clausekit.cli.exits import EXIT_INVALID_FILE, EXIT_OK, InvalidFile
from clausekit.cli.loading import load
from clausekit.cli.output import write, write_json
from clausekit.errors import ContractFileError

__all__ = ["check"]


def check(args: argparse.Namespace, out: IO[str]) -> int:
    """Exit 1 for an invalid file or findings of severity error; exit 0 otherwise."""
    try:
        deal = load(args.model)
    except InvalidFile as invalid:
        if args.json:
            error = invalid.error
            problems = (
                [{"path": p.path, "line": p.line, "message": p.message} for p in error.problems]
                if isinstance(error, ContractFileError)
                else [{"path": "", "line": None, "message": invalid.lines()[0]}]
            )
            write_json(
                out,
                {
                    "kind": "check",
                    "file": args.model,
                    "valid": False,
                    "agreement": None,
                    "problems": problems,
                    "findings": [],
                },
            )
        raise
    report = deal.check()
    if args.json:
        write_json(
            out,
            {
                "kind": "check",
                "file": args.model,
                "valid": True,
                "agreement": {"id": deal.id, "title": deal.title},
                "problems": [],
                "findings": [f.to_dict() for f in report],
            },
        )
    else:
        clauses = sum(len(a.added()) for a in deal.amendments)
        head = (
            f"{args.model}: a valid contract file — {len(deal.parties)} parties, "
            f"{len(deal.amendments)} amendments, {clauses} clauses"
        )
        write(out, "\n".join([head, report.render(citations=False)]))
    return EXIT_INVALID_FILE if report.has_errors else EXIT_OK
