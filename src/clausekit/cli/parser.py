"""The ``clausekit`` argument parser: one sub-command per question, each with a worked example.

Examples:
    >>> args = build_parser().parse_args(["in-force", "openai-microsoft", "--on", "2025-02-15"])
    >>> args.command, args.model, args.on
    ('in-force', 'openai-microsoft', Date(2025, 2, 15))
"""

from __future__ import annotations

import argparse
import textwrap
from typing import Any, NoReturn

from clausekit.actions import Workload
from clausekit.cli.argtypes import arg_type, day_type, money_type, name_type, period_type
from clausekit.cli.exits import PROG, UsageError
from clausekit.cli.facts import FACT_HELP, parse_disputed, parse_fact
from clausekit.registry import FACT_KINDS

__all__ = ["COMMANDS", "EXAMPLES", "SHELLS", "build_parser", "short_usage"]

EXAMPLES: dict[str, str] = {
    "ask": (
        "clausekit ask distribution.toml --actor Acme --counterparty Gamma \\\n"
        "    --verb appoint-distributor --subject DE --on 2021-05-01 --fact consent-given:Beta\n"
        "clausekit ask cloud.toml --buyer Acme --provider OtherCloud --workload training \\\n"
        "    --during 2025-01 --fact offer-declined:CloudCo --json"
    ),
    "timeline": (
        "clausekit timeline cloud.toml --buyer Acme --provider OtherCloud --workload training \\\n"
        "    --from 2019-01-01 --to 2027-01-01"
    ),
    "compare": (
        "clausekit compare cloud.toml --buyer Acme --provider OtherCloud --workload training \\\n"
        "    2025-01-15 2025-11-15"
    ),
    "in-force": "clausekit in-force cloud.toml --on 2025-02-15 --as-known-on 2025-06-01",
    "check": "clausekit check shareholders.toml",
    "render": (
        "clausekit render shareholders.toml --actor Ann --counterparty 'Rival Corp' \\\n"
        "    --verb transfer-shares --from 2018-01-01 --to 2020-01-01 --format mermaid \\\n"
        "    --output sale.mmd\n"
        "clausekit render openai-microsoft --map --from 2019-01-01 --to 2027-01-01 \\\n"
        "    --today 2025-11-15 --format svg --output clause-map.svg"
    ),
    "revenue-share": (
        "clausekit revenue-share cloud.toml --payer Acme --revenue '10000000000 USD' \\\n"
        "    --during 2025 --fact assumed-rate:rs=0.20"
    ),
    "models": "clausekit models --json",
    "describe": "clausekit describe cloud.toml --on 2025-02-15",
    "completion": "clausekit completion bash > clausekit-completion.bash",
}
"""One worked example per command, shown at the end of its ``--help``."""

_HELP = {
    "ask": "may this be done on a day (--on), or during a period (--during)?",
    "timeline": "the answers from one day to another, one line per change",
    "compare": "the answers on two days and the amendments that changed it",
    "in-force": "the clauses in force on a day",
    "revenue-share": "the revenue share a party owes on a revenue",
    "render": "a timeline (or, with --map, the clause map) as Markdown, Mermaid, SVG or JSON",
    "describe": "an agreement's parties, amendments, vocabulary and clauses in force",
    "models": "the bundled models",
    "check": "validate a contract file and run the consistency checker",
    "completion": "a shell completion script for bash, zsh or tcsh (needs shtab)",
}

COMMANDS = tuple(_HELP)
"""The sub-commands, in the order ``clausekit`` lists them."""

SHELLS = ("bash", "zsh", "tcsh")
"""The shells ``clausekit completion`` writes a script for."""

MODEL_HELP = "a bundled model name, or the path of a contract file (.toml, .yaml, .yml or .json)"

_FILE_COMPLETION = {"bash": "_shtab_compgen_files", "zsh": "_files", "tcsh": "f"}
"""What shtab completes a file argument with (``shtab.FILE``, without importing shtab)."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports errors as one line, through :func:`clausekit.cli.main`."""

    def error(self, message: str) -> NoReturn:
        hint = "" if "--help" in message else f" (see '{self.prog} --help')"
        raise UsageError(f"{message}{hint}", prog=self.prog)


def short_usage() -> str:
    """What ``clausekit`` with no arguments prints: the usage line and the commands."""
    width = max(map(len, COMMANDS))
    lines = [
        f"usage: {PROG} [--version] [--import MODULE] COMMAND [ARGUMENTS]",
        "",
        "commands:",
        *(f"  {name:<{width}}  {_HELP[name]}" for name in COMMANDS),
        "",
        f"'{PROG} COMMAND --help' shows a command's arguments and a worked example.",
    ]
    return "\n".join(lines)


def _fact_help() -> str:
    """The --fact forms, then every fact kind registered now (``--import`` ones included)."""
    kinds = textwrap.fill(
        ", ".join(FACT_KINDS.kinds()),
        width=88,
        initial_indent="  kinds registered now: ",
        subsequent_indent=" " * 25,
    )
    return f"{FACT_HELP}{kinds}\n"


def _epilog(command: str, *extra: str) -> str:
    example = "\n".join("  " + line for line in EXAMPLES[command].splitlines())
    return "\n".join([*extra, f"example:\n{example}"])


def _add_import(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--import",
        dest="imports",
        action="append",
        default=[] if top else argparse.SUPPRESS,
        type=name_type("--import", "my_kinds"),
        metavar="MODULE",
        help="import MODULE first, so the clause and fact kinds it defines can be read "
        "(repeatable)",
    )


def _add_model(parser: argparse.ArgumentParser, metavar: str = "MODEL") -> None:
    action = parser.add_argument("model", metavar=metavar, help=MODEL_HELP)
    action.complete = _FILE_COMPLETION  # type: ignore[attr-defined]


def _add_action(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    group = parser.add_argument_group(
        "the action",
        "who does what with whom; --workload for procuring compute, --verb/--subject otherwise",
    )
    group.add_argument(
        "--actor",
        "--buyer",
        dest="actor",
        required=required,
        type=name_type("--actor", "Acme"),
        metavar="NAME",
        help="who acts",
    )
    group.add_argument(
        "--counterparty",
        "--provider",
        dest="counterparty",
        type=name_type("--counterparty", "Beta"),
        metavar="NAME",
        help="with whom (the compute provider, the buyer of shares, the distributor ...)",
    )
    group.add_argument(
        "--outsider",
        type=name_type("--outsider", "CoreWeave"),
        metavar="NAME",
        help="with whom, when that party is not a party to the agreement (asked about on "
        "purpose; a --counterparty name must be one of the agreement's)",
    )
    group.add_argument(
        "--qualifier",
        dest="qualifiers",
        action="append",
        default=[],
        type=name_type("--qualifier", "open-weight"),
        metavar="WORD",
        help="a word that may bring the action under a clause's carve-out (repeatable), "
        "e.g. --qualifier open-weight",
    )
    group.add_argument(
        "--default",
        choices=["permitted", "prohibited"],
        help="for a --verb of your own: what holds where no clause speaks (prohibited for "
        "using what belongs to someone else); permitted by default",
    )
    group.add_argument(
        "--workload",
        choices=[w.value for w in Workload],
        help="what compute is procured for (the action is then procure-compute)",
    )
    group.add_argument(
        "--verb",
        type=name_type("--verb", "transfer-shares"),
        metavar="VERB",
        help="the action's verb: procure-compute (default), transfer-shares, "
        "appoint-distributor, use-ip, or any other kebab-case verb",
    )
    group.add_argument(
        "--subject",
        type=name_type("--subject", "DE"),
        metavar="SUBJECT",
        help="what the action is about: a territory, a class of shares, a body of IP",
    )


def _add_facts(parser: argparse.ArgumentParser, *, facts: bool = True) -> None:
    group = parser.add_argument_group("facts and knowledge")
    if facts:
        group.add_argument(
            "--fact",
            dest="facts",
            action="append",
            default=[],
            type=arg_type(parse_fact),
            metavar="KIND:ARGS",
            help="a fact of the scenario (repeatable); forms listed below",
        )
        group.add_argument(
            "--disputed",
            dest="disputed",
            action="append",
            default=[],
            type=arg_type(parse_disputed),
            metavar="FACT|FACT",
            help="facts the parties disagree about, one reading per --fact form (repeatable): "
            "each reading is asked, and an answer that depends on it is unknown",
        )
    group.add_argument(
        "--as-known-on",
        dest="known_on",
        type=day_type("--as-known-on"),
        metavar="DAY",
        help="answer with only the amendments the public could know on DAY",
    )


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object (its shape is documented in the clausekit.cli module)",
    )


def _add_range(parser: argparse.ArgumentParser, *, required: bool) -> None:
    for flag, dest, what in (("--from", "start", "first day (included)"),
                             ("--to", "end", "last day (excluded)")):  # fmt: skip
        parser.add_argument(
            flag,
            dest=dest,
            type=day_type(flag),
            metavar="DAY",
            required=required,
            help=f"the {what}",
        )


def _add_during(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument("--during", type=period_type("--during"), metavar="PERIOD", help=help)


def _subparser(
    subparsers: Any, name: str, *extra: str, facts: bool = True
) -> argparse.ArgumentParser:
    epilog = _epilog(name, *((_fact_help(),) if facts else ()), *extra)
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help=_HELP[name],
        description=_HELP[name][:1].upper() + _HELP[name][1:] + ".",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    _add_import(parser, top=False)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The ``clausekit`` argument parser, with one sub-command per question."""
    from clausekit import __version__

    parser = _Parser(
        prog=PROG,
        description=(
            "Ask a contract model questions: may this be done, when, and why?\n"
            f"MODEL is {MODEL_HELP}."
        ),
        epilog=(
            "exit codes: 0 answered; 1 invalid contract file (check: errors found); "
            "2 usage error;\n3 internal error (a bug); 130 interrupted (Ctrl-C).\n"
            "JSON output (--json) is documented in the clausekit.cli module docstring and in "
            "docs/_snippets/cli.md.\n\n" + _epilog("ask")
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _add_import(parser, top=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ask = _subparser(subparsers, "ask")
    _add_model(ask)
    _add_action(ask)
    when = ask.add_mutually_exclusive_group(required=True)
    when.add_argument("--on", type=day_type("--on"), metavar="DAY", help="a calendar day")
    when.add_argument(
        "--during",
        type=period_type("--during"),
        metavar="PERIOD",
        help="a period: 2025, 2025-01, or 2025-01-01/2025-03-01 (end excluded)",
    )
    _add_facts(ask)
    _add_json(ask)

    timeline = _subparser(subparsers, "timeline")
    _add_model(timeline)
    _add_action(timeline)
    _add_range(timeline, required=True)
    _add_facts(timeline)
    _add_json(timeline)

    compare = _subparser(subparsers, "compare")
    _add_model(compare)
    _add_action(compare)
    compare.add_argument("first", type=day_type("first day"), metavar="DAY", help="one day")
    compare.add_argument("second", type=day_type("second day"), metavar="DAY", help="another")
    _add_facts(compare)
    _add_json(compare)

    in_force = _subparser(subparsers, "in-force")
    _add_model(in_force)
    in_force.add_argument(
        "--on", type=day_type("--on"), metavar="DAY", required=True, help="a calendar day"
    )
    _add_facts(in_force)
    _add_json(in_force)

    revenue = _subparser(subparsers, "revenue-share")
    _add_model(revenue)
    revenue.add_argument(
        "--payer",
        required=True,
        type=name_type("--payer", "Acme"),
        metavar="NAME",
        help="who pays the share",
    )
    revenue.add_argument(
        "--revenue",
        type=money_type("--revenue"),
        metavar="'AMOUNT CUR'",
        help="the revenue, e.g. '10000000000 USD' (or give a revenue:... fact)",
    )
    _add_during(
        revenue, "the period the revenue was earned in: 2025, 2025-01, 2025-01-01/2025-07-01"
    )
    _add_facts(revenue)
    _add_json(revenue)

    render = _subparser(subparsers, "render")
    _add_model(render)
    _add_action(render, required=False)
    _add_range(render, required=False)
    _add_during(render, "instead of --from/--to: a period such as 2025 or 2025-01")
    clause_map = render.add_argument_group(
        "the clause map", "which clause was in force when, instead of an action's timeline"
    )
    clause_map.add_argument(
        "--map",
        action="store_true",
        help="draw the clause map: a row per clause, the amendments that added, replaced or "
        "ended each (no action; --from/--to default to the agreement's whole life)",
    )
    clause_map.add_argument(
        "--today",
        type=day_type("--today"),
        metavar="DAY",
        help="mark DAY with a line on the clause map (there is no hidden clock)",
    )
    render.add_argument(
        "--format",
        choices=("markdown", "mermaid", "svg", "json"),
        default="markdown",
        help="markdown (a table, the default), mermaid (a gantt chart), svg (a picture) or "
        "json (timelines only)",
    )
    output = render.add_argument(
        "--output",
        metavar="PATH",
        type=name_type("--output", "timeline.md"),
        help="write to PATH (UTF-8, whole or not at all) instead of printing; never the "
        "contract file read",
    )
    output.complete = _FILE_COMPLETION  # type: ignore[attr-defined]
    _add_facts(render)

    describe = _subparser(subparsers, "describe", facts=False)
    _add_model(describe)
    describe.add_argument(
        "--on",
        type=day_type("--on"),
        metavar="DAY",
        help="also list the clauses in force on DAY",
    )
    _add_facts(describe, facts=False)
    _add_json(describe)

    models = _subparser(subparsers, "models", facts=False)
    _add_json(models)

    checker = _subparser(
        subparsers,
        "check",
        "Loads the file and reports every problem it has (exit 1); then runs the agreement's\n"
        "consistency checker, Agreement.check() (exit 1 only on findings of severity error).\n",
        facts=False,
    )
    _add_model(checker, metavar="FILE")
    _add_json(checker)

    completion = _subparser(
        subparsers,
        "completion",
        "Prints a script that makes the shell complete clausekit's commands, options and\n"
        "file names. It needs shtab: pip install 'clausekit[completion]'.\n",
        facts=False,
    )
    completion.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    return parser
