"""What there is to ask about: ``models``, ``describe`` and ``completion``.

``describe`` lists an agreement's parties, its amendments, its vocabulary (the
verbs and subjects its clauses speak of, the words ``--verb`` and
``--subject`` are checked against) and, with ``--on``, the clauses in force
on that day.
"""

from __future__ import annotations

import argparse
from typing import IO, Any

from clausekit.agreement import Agreement
from clausekit.cli.exits import EXIT_OK, UsageError
from clausekit.cli.loading import agreement, load_agreement
from clausekit.cli.output import write, write_json
from clausekit.render import amendment_to_dict, clause_to_dict, in_force_to_dict

__all__ = ["completion", "describe", "describe_to_dict", "models", "vocabulary"]


def vocabulary(deal: Agreement) -> dict[str, list[str]]:
    """The verbs, subjects and qualifiers the agreement's clauses speak of, each sorted.

    This is :meth:`clausekit.Agreement.vocabulary`, as ``describe`` prints it.

    Examples:
        >>> import clausekit as ck
        >>> words = vocabulary(ck.models.openai_microsoft())
        >>> "procure-compute" in words["verbs"], "training" in words["subjects"]
        (True, True)
    """
    found = deal.vocabulary()
    return {
        "verbs": sorted(found.verbs),
        "subjects": sorted(found.subjects),
        "qualifiers": sorted(found.qualifiers),
    }


def describe_to_dict(deal: Agreement, *, on: Any = None) -> dict[str, Any]:
    """The ``describe --json`` object (its keys are documented in :mod:`clausekit.cli`)."""
    in_force = None
    if on is not None:
        in_force = in_force_to_dict(deal.in_force(on=on), on=on, agreement=deal.title)["clauses"]
    return {
        "kind": "description",
        "agreement": {"id": deal.id, "title": deal.title},
        "starts_on": deal.starts_on.isoformat(),
        "known_on": None if deal.known_on is None else deal.known_on.isoformat(),
        "parties": [{"name": p.name, "aliases": sorted(p.aliases)} for p in deal.parties],
        "amendments": [
            {
                **amendment_to_dict(a),
                "adds": [clause_to_dict(c) for c in a.added()],
                "ends": list(a.ended()),
            }
            for a in deal.amendments
        ],
        "vocabulary": vocabulary(deal),
        "on": None if on is None else on.isoformat(),
        "in_force": in_force,
    }


def _describe_text(data: dict[str, Any]) -> str:
    head = data["agreement"]
    lines = [f"{head['title']} ({head['id']}), from {data['starts_on']}"]
    if data["known_on"]:
        lines[0] += f", as known on {data['known_on']}"
    lines.append("parties:")
    for party in data["parties"]:
        also = f" (also {', '.join(party['aliases'])})" if party["aliases"] else ""
        lines.append(f"  - {party['name']}{also}")
    lines.append("amendments:")
    for a in data["amendments"]:
        lines.append(f"  - {a['effective']} {a['id']}: {a['title']}")
        lines.extend(f"      ends {old}" for old in a["ends"])
        lines.extend(f"      adds {c['id']} ({c['kind']})" for c in a["adds"])
    words = data["vocabulary"]
    lines.append("vocabulary (what --verb and --subject may name):")
    lines.append(f"  verbs: {', '.join(words['verbs']) or '(none)'}")
    lines.append(f"  subjects: {', '.join(words['subjects']) or '(none)'}")
    if words["qualifiers"]:
        lines.append(f"  qualifiers (carve-outs): {', '.join(words['qualifiers'])}")
    if data["in_force"] is not None:
        if not data["in_force"]:
            lines.append(f"no clause in force on {data['on']}")
        else:
            lines.append(f"clauses in force on {data['on']}:")
            for clause in data["in_force"]:
                lines.append(f"  - {clause['id']} ({clause['kind']}): {clause['summary']}")
    return "\n".join(lines)


def describe(args: argparse.Namespace, out: IO[str]) -> int:
    """``describe``: parties, amendments, vocabulary, and the clauses in force on ``--on``."""
    deal = agreement(args)
    data = describe_to_dict(deal, on=args.on)
    if args.json:
        write_json(out, data)
    else:
        write(out, _describe_text(data))
    return EXIT_OK


def models(args: argparse.Namespace, out: IO[str]) -> int:
    """``models``: the bundled models, by the name ``MODEL`` takes, with their titles."""
    from clausekit.models import available

    rows: list[dict[str, Any]] = []
    for name in available():
        deal = load_agreement(name)
        rows.append(
            {
                "name": name,
                "id": deal.id,
                "title": deal.title,
                "parties": [p.name for p in deal.parties],
                "amendments": len(deal.amendments),
                "starts_on": deal.starts_on.isoformat(),
            }
        )
    if args.json:
        write_json(out, {"kind": "models", "models": rows})
        return EXIT_OK
    width = max((len(row["name"]) for row in rows), default=0)
    lines = [
        f"{row['name']:<{width}}  {row['title']} — {', '.join(row['parties'])}; "
        f"{row['amendments']} amendments from {row['starts_on']}"
        for row in rows
    ]
    write(out, "\n".join(lines) or "(no bundled models)")
    return EXIT_OK


def completion(args: argparse.Namespace, out: IO[str]) -> int:
    """``completion SHELL``: a completion script for the shell, made by shtab."""
    try:
        import shtab
    except ImportError:
        raise UsageError(
            "shell completion needs the shtab package, which is not installed; "
            "install it with: pip install 'clausekit[completion]'."
        ) from None
    from clausekit.cli.parser import build_parser

    write(out, shtab.complete(build_parser(), shell=args.shell))
    return EXIT_OK
