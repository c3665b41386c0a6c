"""The ``clausekit`` command line: ask an agreement questions from a shell.

``MODEL`` is the name of a bundled model or the path of a contract file
(``.toml``, ``.yaml``, ``.yml`` or ``.json``). Every command prints readable
text (the engine's ``explain()`` texts); ``--json`` prints one JSON object
instead. Errors go to stderr, one line each, never a traceback.

Commands::

    clausekit ask MODEL ACTION (--on DAY | --during PERIOD) [--fact F ...] [--as-known-on DAY]
    clausekit timeline MODEL ACTION --from DAY --to DAY [--fact F ...]
    clausekit compare MODEL ACTION DAY DAY [--fact F ...]
    clausekit in-force MODEL --on DAY [--fact F ...] [--as-known-on DAY]
    clausekit check FILE                 (also: runs the consistency checker)
    clausekit render MODEL ACTION (--from DAY --to DAY | --during PERIOD)
                     [--format markdown|mermaid|json] [--output PATH]
    clausekit revenue-share MODEL --payer NAME [--revenue "AMOUNT CUR" --during PERIOD]

ACTION is ``--actor NAME`` (alias ``--buyer``), ``--counterparty NAME``
(alias ``--provider``) and either ``--workload training|research|inference|api``
(procuring compute) or ``--verb VERB --subject SUBJECT`` for any other action
(``transfer-shares``, ``appoint-distributor``, ``use-ip``, or any kebab-case verb).

Facts (``--fact``, repeatable; a fact not given is unknown, never false):

==================================================  ============================================
``offer-declined:PARTY``                            the ROFR holder was offered the deal, declined
``offer-accepted:PARTY``                            ... and accepted it
``cannot-meet:PARTY``                               the holder cannot meet the requirement
``consent-given:PARTY`` / ``consent-refused:PARTY`` consent given or refused
``agi-declared:DAY[:verified|:unverified|:unknown   AGI declared on DAY (verification outcome;
[:VERIFIED_ON]]``                                   the day it was verified)
``assumed-rate:CLAUSE=RATE``                        assume RATE (``0.20``) for an undisclosed rate
``revenue:AMOUNT CUR:PERIOD[:PARTY]``               revenue earned in PERIOD (``2025``, ``2025-01``,
                                                    ``2025-01-01/2025-07-01``), by PARTY
==================================================  ============================================

Exit codes: ``0`` answered (``check``: no errors); ``1`` the contract file is
invalid (``check``: it has problems, or the consistency checker found errors);
``2`` usage error (bad arguments, unknown model or party, a bad day or fact:
any clausekit error raised by the question); ``3`` an internal error (a bug:
please report it).

JSON output (``--json``; ``render --format json``) is stable: keys are only
ever added, never renamed or removed. Days are ISO strings (``"2025-01-15"``),
periods ``{"start": DAY, "end": DAY or null}`` (end excluded, null when
open-ended), money ``{"amount": "2000000000.00", "currency": "USD"}`` (the
exact decimal as a string), outcomes lower-case (``"permitted"``,
``"prohibited"``, ``"conditional"``, ``"unknown"``), facts in the ``--fact``
syntax above. Shared shapes:

- amendment: ``{"id", "title", "effective": DAY, "announced": DAY or {"earliest": DAY, "latest": DAY}}``
- clause: ``{"id", "kind", "title", "summary"}`` (``kind`` is the contract-file tag)
- action: ``{"actor", "verb", "counterparty": str or null, "subject", "text"}``
- evidence: ``{"type": "seed", "document", "excerpt", "gloss", "claim", "citation"}`` or
  ``{"type": "outside", "url", "title", "published": DAY, "gloss", "claim", "citation"}``
- ruling: ``{"clause", "amendment", "effect": OUTCOME, "reason", "conditions": [str],
  "missing": [str], "evidence": [evidence]}``
- verdict (``ask --on``): ``{"kind": "verdict", "agreement", "action", "on": DAY,
  "known_on": DAY or null, "outcome", "headline", "reason", "conditions": [str],
  "missing": [str], "assumptions": [str], "facts": [str], "rulings": [ruling],
  "explanation"}``
- timeline (``ask --during``, ``timeline``, ``render --format json``): ``{"kind": "timeline",
  "action", "period", "segments": [{"period", "outcome", "headline", "opened_by": amendment
  or null, "cause", "verdict": verdict}]}``
- comparison (``compare``): ``{"kind": "comparison", "action", "first": verdict,
  "second": verdict, "same": bool, "changes": [{"day", "amendment": amendment or null,
  "cause", "before": OUTCOME, "after": OUTCOME}]}``
- in force (``in-force``): ``{"kind": "in-force", "agreement", "on", "known_on",
  "clauses": [clause + {"amendment": amendment}]}``
- revenue share (``revenue-share``): ``{"kind": "revenue-share", "payer", "revenue": money,
  "period", "outcome", "amount": money or null, "missing": [str], "shares": [{"clause",
  "amendment", "payee", "rate": str or null, "rate_source", "amount": money or null,
  "capped": bool}], "explanation"}``
- check (``check``): ``{"kind": "check", "file", "valid": bool, "agreement": {"id", "title"}
  or null, "problems": [{"path", "line": int or null, "message"}], "findings": [{"severity",
  "code", "message", "clauses": [str], "amendments": [str], "period": period or null,
  "citations": [str]}]}`` (the findings of :meth:`clausekit.Agreement.check`)

Examples:
    >>> from clausekit.cli import parse_fact
    >>> parse_fact("offer-declined:Beta")
    OfferDeclined(by='Beta')
    >>> parse_fact("assumed-rate:rs=0.20")
    AssumedRate(clause='rs', rate=Decimal('0.20'))
    >>> parse_fact("declined:Beta")
    Traceback (most recent call last):
    ...
    clausekit.errors.InvalidFactError: --fact 'declined:Beta' has an unknown kind 'declined'. Did you mean 'offer-declined' or 'agi-declared'? Kinds: offer-declined, offer-accepted, cannot-meet, consent-given, consent-refused, agi-declared, assumed-rate, revenue.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, NoReturn

import pendulum

from clausekit.actions import (
    Act,
    Action,
    AppointDistributor,
    ProcureCompute,
    TransferShares,
    UseIP,
    Verb,
    Workload,
)
from clausekit.agreement import Agreement
from clausekit.errors import ClauseKitError, ContractFileError, InvalidAmountError, closest
from clausekit.io import load
from clausekit.models import available, load_model
from clausekit.money import Money, to_money
from clausekit.render import (
    FACT_KINDS,
    comparison_to_dict,
    in_force_to_dict,
    owed_to_dict,
    timeline_to_dict,
    timeline_to_markdown,
    timeline_to_mermaid,
    verdict_to_dict,
)
from clausekit.scenario import (
    AGIDeclared,
    AssumedRate,
    CannotMeetRequirements,
    ConsentGiven,
    ConsentRefused,
    Fact,
    InvalidFactError,
    OfferAccepted,
    OfferDeclined,
    Revenue,
    Scenario,
)
from clausekit.time import Period, to_day, to_period
from clausekit.timeline import Timeline

__all__ = [
    "CONTRACT_SUFFIXES",
    "EXIT_INTERNAL",
    "EXIT_INVALID_FILE",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "load_agreement",
    "main",
    "parse_fact",
]

EXIT_OK = 0
"""The question was answered (``check``: the file is valid and has no errors)."""
EXIT_INVALID_FILE = 1
"""The contract file is invalid, or ``check`` found errors."""
EXIT_USAGE = 2
"""Bad arguments, an unknown model or party, a bad day or fact."""
EXIT_INTERNAL = 3
"""An unexpected error inside clausekit: a bug."""

CONTRACT_SUFFIXES = (".toml", ".yaml", ".yml", ".json")
"""File name endings that make ``MODEL`` a contract file rather than a bundled model name."""

PROG = "clausekit"


# --------------------------------------------------------------------------- errors


class _UsageError(Exception):
    """A problem with the command line itself; never escapes :func:`main` (exit 2)."""

    def __init__(self, message: str, *, prog: str = PROG) -> None:
        super().__init__(message)
        self.prog = prog


class _InvalidFile(Exception):
    """The agreement named by MODEL could not be loaded; never escapes :func:`main` (exit 1)."""

    def __init__(self, model: str, error: BaseException) -> None:
        super().__init__(model, error)
        self.model = model
        self.error = error

    def lines(self) -> list[str]:
        """The problems, one line each."""
        if isinstance(self.error, ContractFileError):
            head = str(self.error).splitlines()[0]  # "FILE: N problems found"
            return [head, *(p.render(self.error.file) for p in self.error.problems)]
        if isinstance(self.error, ClauseKitError):
            return [f"{self.model}: {self.error}"]
        if isinstance(self.error, OSError):
            return [f"{self.model}: cannot read the file: {self.error.strerror or self.error}"]
        return [
            f"{self.model}: could not be loaded: {type(self.error).__name__}: {self.error}",
        ]


# --------------------------------------------------------------------------- loading


def _is_path(model: str) -> bool:
    return (
        model.lower().endswith(CONTRACT_SUFFIXES)
        or os.sep in model
        or "/" in model
        or Path(model).is_file()
    )


def load_agreement(model: str) -> Agreement:
    """The agreement ``MODEL`` names: a contract file path, or a bundled model's name.

    This is the command line's only way to an agreement; every command calls it.

    Args:
        model: a path ending in ``.toml``, ``.yaml``, ``.yml`` or ``.json`` (or any
            existing file), else the name of a bundled model.

    Raises:
        ContractFileError: for a file that is not a valid contract (from
            :func:`clausekit.io.load`).
    """
    if _is_path(model):
        path = Path(model)
        if not path.is_file():
            raise _UsageError(
                f"no contract file {model!r} (looked in {Path.cwd()}); give the path of a "
                f".toml, .yaml, .yml or .json contract file, or a bundled model name."
            )
        return load(path)
    names = sorted(available())
    if model not in names:
        suggestions = closest(model, names)
        hint = f" Did you mean {' or '.join(map(repr, suggestions))}?" if suggestions else ""
        raise _UsageError(
            f"unknown model {model!r}.{hint} Bundled models: {', '.join(names) or '(none)'}; "
            "or give the path of a contract file (.toml, .yaml, .yml, .json)."
        )
    return load_model(model)


def _load(model: str) -> Agreement:
    """:func:`load_agreement`, with every failure to load marked as an invalid file."""
    try:
        return load_agreement(model)
    except _UsageError:
        raise
    except Exception as exc:  # anything that stops the file loading makes it invalid (exit 1)
        raise _InvalidFile(model, exc) from exc


# --------------------------------------------------------------------------- facts

_PARTY_FACTS: dict[str, Callable[..., Fact]] = {
    "offer-declined": OfferDeclined,
    "offer-accepted": OfferAccepted,
    "cannot-meet": CannotMeetRequirements,
    "consent-given": ConsentGiven,
    "consent-refused": ConsentRefused,
}
_KINDS = tuple(FACT_KINDS.values())
_AGI_STATES: dict[str, bool | None] = {"verified": True, "unverified": False, "unknown": None}

FACT_HELP = """\
facts (--fact, repeatable; a fact not given is unknown, never false):
  offer-declined:PARTY           PARTY (holding a right of first refusal) declined the offer
  offer-accepted:PARTY           PARTY accepted the offer
  cannot-meet:PARTY              PARTY cannot meet the requirements
  consent-given:PARTY            PARTY consents to the action
  consent-refused:PARTY          PARTY refuses consent
  agi-declared:DAY[:STATE[:VERIFIED_ON]]
                                 AGI declared on DAY; STATE is verified, unverified or
                                 unknown (the default); VERIFIED_ON the day it was verified
  assumed-rate:CLAUSE=RATE       assume RATE (an exact decimal, 0.20 for 20 %) for the
                                 clause CLAUSE whose rate is undisclosed
  revenue:AMOUNT CUR:PERIOD[:PARTY]
                                 revenue earned in PERIOD (2025, 2025-01 or
                                 2025-01-01/2025-07-01, end excluded), by PARTY; quote it:
                                 --fact "revenue:10000000000 USD:2025"
"""


def _fact_error(text: str, why: str) -> InvalidFactError:
    return InvalidFactError(f"--fact {text!r} {why}. See 'clausekit ask --help' for the forms.")


def parse_fact(text: str) -> Fact:
    """Read one ``--fact`` string (``KIND:ARGUMENTS``) into a scenario fact.

    The forms are listed in :data:`FACT_HELP`; :func:`clausekit.render.format_fact`
    writes a fact back in the same form.

    Raises:
        InvalidFactError: for an unknown kind or a malformed argument.
        InvalidDateError: for a day that is not a calendar day.
        InvalidRateError: for a rate that is not an exact decimal in [0, 1].
        InvalidAmountError: for an unreadable amount or currency.
        InvalidPeriodError: for an unreadable period.

    Examples:
        >>> parse_fact("agi-declared:2030-01-01:verified")
        AGIDeclared(on=Date(2030, 1, 1), verified=True, verified_on=None)
        >>> parse_fact("revenue:10000000000 USD:2025")
        Revenue(amount=Money('10000000000', 'USD'), period=Period(start=Date(2025, 1, 1), end=Date(2026, 1, 1)), earned_by=None)
    """
    kind, sep, rest = text.partition(":")
    kind = kind.strip().lower()
    if kind not in _KINDS:
        suggestions = closest(kind, _KINDS)
        hint = f" Did you mean {' or '.join(map(repr, suggestions))}?" if suggestions else ""
        raise InvalidFactError(
            f"--fact {text!r} has an unknown kind {kind!r}.{hint} Kinds: {', '.join(_KINDS)}."
        )
    rest = rest.strip()
    if not sep or not rest:
        raise _fact_error(text, f"has nothing after '{kind}:'")
    if kind in _PARTY_FACTS:
        return _PARTY_FACTS[kind](by=rest)
    if kind == "agi-declared":
        return _parse_agi(text, rest)
    if kind == "assumed-rate":
        clause, eq, rate = rest.partition("=")
        if not eq or not clause.strip() or not rate.strip():
            raise _fact_error(text, "must read assumed-rate:CLAUSE=RATE, e.g. assumed-rate:rs=0.20")
        return AssumedRate(clause.strip(), rate.strip())
    return _parse_revenue(text, rest)


def _parse_agi(text: str, rest: str) -> AGIDeclared:
    parts = [p.strip() for p in rest.split(":")]
    if len(parts) > 3:
        raise _fact_error(text, "must read agi-declared:DAY[:verified|:unverified|:unknown[:DAY]]")
    on = to_day(parts[0], field="agi-declared")
    state = parts[1].lower() if len(parts) > 1 else "unknown"
    if state not in _AGI_STATES:
        raise _fact_error(
            text, f"has verification state {parts[1]!r}; use verified, unverified or unknown"
        )
    verified_on = to_day(parts[2], field="agi-declared verified on") if len(parts) > 2 else None
    return AGIDeclared(on=on, verified=_AGI_STATES[state], verified_on=verified_on)


def _parse_revenue(text: str, rest: str) -> Revenue:
    parts = [p.strip() for p in rest.split(":")]
    if len(parts) not in (2, 3) or not all(parts):
        raise _fact_error(
            text, "must read revenue:AMOUNT CUR:PERIOD[:PARTY], e.g. 'revenue:10000000000 USD:2025'"
        )
    amount = to_money(parts[0], field="revenue")
    period = to_period(parts[1], field="revenue period")
    return Revenue(amount, period, earned_by=parts[2] if len(parts) == 3 else None)


# --------------------------------------------------------------------------- argument types


def _arg_type(convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse ``type=`` that turns clausekit errors into argparse errors (exit 2)."""

    def parse(text: str) -> Any:
        try:
            return convert(text)
        except ClauseKitError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = getattr(convert, "__name__", "value")
    return parse


def _day_type(field: str) -> Callable[[str], Any]:
    return _arg_type(lambda text: to_day(text, field=field))


def _period_type(field: str) -> Callable[[str], Any]:
    return _arg_type(lambda text: to_period(text, field=field))


def _money_type(field: str) -> Callable[[str], Any]:
    def convert(text: str) -> Money:
        if len(text.split()) != 2:
            raise InvalidAmountError(
                f"{field}={text!r} is not an amount with its currency; write it as "
                "'AMOUNT CUR' in quotes, e.g. '10000000000 USD'."
            )
        return to_money(text, field=field)

    return _arg_type(convert)


def _check_range(args: argparse.Namespace) -> None:
    if args.start is not None and args.end is not None and args.end <= args.start:
        raise _UsageError(
            f"--to {args.end} is not after --from {args.start}; the days run from --from "
            "(included) to --to (excluded): swap them, or give a later --to."
        )


# --------------------------------------------------------------------------- the parser


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports errors as one line, through :func:`main`."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')", prog=self.prog)


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
        "    --output sale.mmd"
    ),
    "revenue-share": (
        "clausekit revenue-share cloud.toml --payer Acme --revenue '10000000000 USD' \\\n"
        "    --during 2025 --fact assumed-rate:rs=0.20"
    ),
}
"""One worked example per command, shown at the end of its ``--help``."""

_HELP = {
    "ask": "may this be done on a day (--on), or during a period (--during)?",
    "timeline": "the answers from one day to another, one line per change",
    "compare": "the answers on two days and the amendments that changed it",
    "in-force": "the clauses in force on a day",
    "check": "validate a contract file and run the consistency checker",
    "render": "a timeline as a Markdown table, a Mermaid gantt chart, or JSON",
    "revenue-share": "the revenue share a party owes on a revenue",
}

MODEL_HELP = "a bundled model name, or the path of a contract file (.toml, .yaml, .yml or .json)"


def _epilog(command: str, *extra: str) -> str:
    example = "\n".join("  " + line for line in EXAMPLES[command].splitlines())
    return "\n".join([*extra, f"example:\n{example}"])


def _add_model(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", metavar="MODEL", help=MODEL_HELP)


def _add_action(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "the action",
        "who does what with whom; --workload for procuring compute, --verb/--subject otherwise",
    )
    group.add_argument(
        "--actor", "--buyer", dest="actor", required=True, metavar="NAME", help="who acts"
    )
    group.add_argument(
        "--counterparty",
        "--provider",
        dest="counterparty",
        metavar="NAME",
        help="with whom (the compute provider, the buyer of shares, the distributor ...)",
    )
    group.add_argument(
        "--workload",
        choices=[w.value for w in Workload],
        help="what compute is procured for (the action is then procure-compute)",
    )
    group.add_argument(
        "--verb",
        metavar="VERB",
        help="the action's verb: procure-compute (default), transfer-shares, "
        "appoint-distributor, use-ip, or any other kebab-case verb",
    )
    group.add_argument(
        "--subject",
        metavar="SUBJECT",
        help="what the action is about: a territory, a class of shares, a body of IP",
    )


def _add_facts(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("facts and knowledge")
    group.add_argument(
        "--fact",
        dest="facts",
        action="append",
        default=[],
        type=_arg_type(parse_fact),
        metavar="KIND:ARGS",
        help="a fact of the scenario (repeatable); forms listed below",
    )
    group.add_argument(
        "--as-known-on",
        dest="known_on",
        type=_day_type("--as-known-on"),
        metavar="DAY",
        help="answer with only the amendments the public could know on DAY",
    )


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object (its shape is documented in the clausekit.cli module)",
    )


def _subparser(
    subparsers: Any, name: str, *extra: str, facts: bool = True
) -> argparse.ArgumentParser:
    epilog = _epilog(name, *((FACT_HELP,) if facts else ()), *extra)
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help=_HELP[name],
        description=_HELP[name][:1].upper() + _HELP[name][1:] + ".",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The ``clausekit`` argument parser, with one sub-command per question."""
    parser = _Parser(
        prog=PROG,
        description=(
            "Ask a contract model questions: may this be done, when, and why?\n"
            f"MODEL is {MODEL_HELP}."
        ),
        epilog=(
            "exit codes: 0 answered; 1 invalid contract file (check: errors found); "
            "2 usage error;\n3 internal error (a bug).\n"
            "JSON output (--json) is documented in the clausekit.cli module docstring and in "
            "docs/_snippets/cli.md.\n\n" + _epilog("ask")
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ask = _subparser(subparsers, "ask")
    _add_model(ask)
    _add_action(ask)
    when = ask.add_mutually_exclusive_group(required=True)
    when.add_argument("--on", type=_day_type("--on"), metavar="DAY", help="a calendar day")
    when.add_argument(
        "--during",
        type=_period_type("--during"),
        metavar="PERIOD",
        help="a period: 2025, 2025-01, or 2025-01-01/2025-03-01 (end excluded)",
    )
    _add_facts(ask)
    _add_json(ask)
    ask.set_defaults(handler=_cmd_ask)

    timeline = _subparser(subparsers, "timeline")
    _add_model(timeline)
    _add_action(timeline)
    _add_range(timeline, required=True)
    _add_facts(timeline)
    _add_json(timeline)
    timeline.set_defaults(handler=_cmd_timeline)

    compare = _subparser(subparsers, "compare")
    _add_model(compare)
    _add_action(compare)
    compare.add_argument("first", type=_day_type("first day"), metavar="DAY", help="one day")
    compare.add_argument("second", type=_day_type("second day"), metavar="DAY", help="another")
    _add_facts(compare)
    _add_json(compare)
    compare.set_defaults(handler=_cmd_compare)

    in_force = _subparser(subparsers, "in-force")
    _add_model(in_force)
    in_force.add_argument(
        "--on", type=_day_type("--on"), metavar="DAY", required=True, help="a calendar day"
    )
    _add_facts(in_force)
    _add_json(in_force)
    in_force.set_defaults(handler=_cmd_in_force)

    check = _subparser(
        subparsers,
        "check",
        "Loads the file and reports every problem it has (exit 1); then runs the agreement's\n"
        "consistency checker, Agreement.check() (exit 1 only on findings of severity error).\n",
        facts=False,
    )
    check.add_argument("model", metavar="FILE", help="a contract file (or a bundled model name)")
    _add_json(check)
    check.set_defaults(handler=_cmd_check)

    render = _subparser(subparsers, "render")
    _add_model(render)
    _add_action(render)
    _add_range(render, required=False)
    render.add_argument(
        "--during",
        type=_period_type("--during"),
        metavar="PERIOD",
        help="instead of --from/--to: a period such as 2025 or 2025-01",
    )
    render.add_argument(
        "--format",
        choices=("markdown", "mermaid", "json"),
        default="markdown",
        help="markdown (a table, the default), mermaid (a gantt chart) or json",
    )
    render.add_argument(
        "--output",
        metavar="PATH",
        help="write to PATH (UTF-8) instead of printing; the only file clausekit ever writes",
    )
    _add_facts(render)
    render.set_defaults(handler=_cmd_render)

    revenue = _subparser(subparsers, "revenue-share")
    _add_model(revenue)
    revenue.add_argument("--payer", required=True, metavar="NAME", help="who pays the share")
    revenue.add_argument(
        "--revenue",
        type=_money_type("--revenue"),
        metavar="'AMOUNT CUR'",
        help="the revenue, e.g. '10000000000 USD' (or give a revenue:... fact)",
    )
    revenue.add_argument(
        "--during",
        type=_period_type("--during"),
        metavar="PERIOD",
        help="the period the revenue was earned in: 2025, 2025-01, 2025-01-01/2025-07-01",
    )
    _add_facts(revenue)
    _add_json(revenue)
    revenue.set_defaults(handler=_cmd_revenue_share)
    return parser


def _add_range(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--from",
        dest="start",
        type=_day_type("--from"),
        metavar="DAY",
        required=required,
        help="the first day (included)",
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=_day_type("--to"),
        metavar="DAY",
        required=required,
        help="the last day (excluded)",
    )


# --------------------------------------------------------------------------- commands


def _action(args: argparse.Namespace) -> Action:
    """The action the arguments describe; named action classes for the known verbs."""
    actor: str = args.actor
    other: str | None = args.counterparty
    verb: str = args.verb or Verb.PROCURE_COMPUTE.value
    subject: str | None = args.subject
    if args.workload is not None and verb != Verb.PROCURE_COMPUTE.value:
        raise _UsageError(
            f"--workload is for procuring compute, but --verb is {verb!r}; "
            "give the subject with --subject instead."
        )
    needs_other = {
        Verb.PROCURE_COMPUTE.value: "--provider (or --counterparty)",
        Verb.TRANSFER_SHARES.value: "--counterparty (the buyer of the shares)",
        Verb.APPOINT_DISTRIBUTOR.value: "--counterparty (the distributor)",
        Verb.USE_IP.value: "--counterparty (the owner of the IP)",
    }
    if verb in needs_other and other is None:
        raise _UsageError(f"{verb} needs {needs_other[verb]}.")
    if verb == Verb.PROCURE_COMPUTE.value:
        workload = args.workload or subject
        if workload is None:
            raise _UsageError(
                "procuring compute needs --workload (training, research, inference or api); "
                "for another action give --verb and --subject."
            )
        return ProcureCompute(buyer=actor, provider=str(other), workload=workload)
    if verb == Verb.TRANSFER_SHARES.value:
        return TransferShares(seller=actor, buyer=str(other), **_subject("shares", subject))
    if verb == Verb.USE_IP.value:
        return UseIP(user=actor, owner=str(other), **_subject("subject", subject))
    if verb == Verb.APPOINT_DISTRIBUTOR.value:
        if subject is None:
            raise _UsageError("appoint-distributor needs --subject (the territory, e.g. DE).")
        return AppointDistributor(principal=actor, distributor=str(other), territory=subject)
    return Act(actor=actor, verb=verb, counterparty=other, subject=subject or "")


def _subject(field: str, subject: str | None) -> dict[str, str]:
    return {} if subject is None else {field: subject}


def _scenario(args: argparse.Namespace) -> Scenario | None:
    facts: list[Fact] = args.facts
    return Scenario(*facts) if facts else None


def _agreement(args: argparse.Namespace) -> Agreement:
    deal = _load(args.model)
    if getattr(args, "known_on", None) is not None:
        deal = deal.as_known_on(args.known_on)
    return deal


def _write(out: IO[str], text: str) -> None:
    out.write(text if text.endswith("\n") else text + "\n")


def _write_json(out: IO[str], data: object) -> None:
    _write(out, json.dumps(data, indent=2, ensure_ascii=False))


def _timeline_text(timeline: Timeline, *, details: bool) -> str:
    text = timeline.explain()
    if details:
        for segment in timeline.segments:
            text += f"\n\n== {segment.period} ==\n{segment.verdict.explain()}"
    return text


def _cmd_ask(args: argparse.Namespace, out: IO[str]) -> int:
    deal = _agreement(args)
    action = _action(args)
    scenario = _scenario(args)
    if args.on is not None:
        verdict = deal.ask(action, on=args.on, scenario=scenario)
        if args.json:
            _write_json(out, verdict_to_dict(verdict))
        else:
            _write(out, verdict.explain())
        return EXIT_OK
    timeline = deal.ask(action, during=args.during, scenario=scenario)
    if args.json:
        _write_json(out, timeline_to_dict(timeline))
    else:
        _write(out, _timeline_text(timeline, details=True))
    return EXIT_OK


def _cmd_timeline(args: argparse.Namespace, out: IO[str]) -> int:
    _check_range(args)
    deal = _agreement(args)
    timeline = deal.timeline(
        _action(args), start=args.start, end=args.end, scenario=_scenario(args)
    )
    if args.json:
        _write_json(out, timeline_to_dict(timeline))
    else:
        _write(out, _timeline_text(timeline, details=False))
    return EXIT_OK


def _cmd_compare(args: argparse.Namespace, out: IO[str]) -> int:
    deal = _agreement(args)
    comparison = deal.compare(_action(args), args.first, args.second, scenario=_scenario(args))
    if args.json:
        _write_json(out, comparison_to_dict(comparison))
    else:
        _write(
            out,
            "\n\n".join(
                [comparison.explain(), comparison.first.explain(), comparison.second.explain()]
            ),
        )
    return EXIT_OK


def _cmd_in_force(args: argparse.Namespace, out: IO[str]) -> int:
    deal = _agreement(args)
    day: pendulum.Date = args.on
    items = deal.in_force(on=day, scenario=_scenario(args))
    if args.json:
        _write_json(
            out, in_force_to_dict(items, on=day, agreement=deal.title, known_on=deal.known_on)
        )
        return EXIT_OK
    known = f" (as the public could know it on {deal.known_on})" if deal.known_on else ""
    if not items:
        _write(out, f"No clause of {deal.title} is in force on {day}{known}.")
        return EXIT_OK
    lines = [f"Clauses of {deal.title} in force on {day}{known}:"]
    for item in items:
        a = item.amendment
        lines.append(f"  - {item.clause.id} ({item.clause.kind}): {item.clause.summary()}")
        lines.append(f"      in force since {a.effective} through amendment {a.id!r} ({a.title})")
    _write(out, "\n".join(lines))
    return EXIT_OK


def _cmd_render(args: argparse.Namespace, out: IO[str]) -> int:
    if args.during is not None and (args.start is not None or args.end is not None):
        raise _UsageError("give either --during or --from and --to, not both.")
    if args.during is None and (args.start is None or args.end is None):
        raise _UsageError("render needs --from DAY and --to DAY (or --during PERIOD).")
    _check_range(args)
    deal = _agreement(args)
    period: Period = args.during or Period(args.start, args.end)
    timeline = deal.ask(_action(args), during=period, scenario=_scenario(args))
    if args.format == "markdown":
        text = timeline_to_markdown(timeline)
    elif args.format == "mermaid":
        text = timeline_to_mermaid(timeline)
    else:
        text = json.dumps(timeline_to_dict(timeline), indent=2, ensure_ascii=False)
    if args.output is None:
        _write(out, text)
        return EXIT_OK
    try:
        with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
            _write(handle, text)
    except OSError as exc:
        raise _UsageError(f"cannot write --output {args.output!r}: {exc.strerror or exc}") from None
    return EXIT_OK


def _cmd_revenue_share(args: argparse.Namespace, out: IO[str]) -> int:
    deal = _agreement(args)
    revenue: Money | None = args.revenue
    owed = deal.revenue_share(
        args.payer, revenue=revenue, during=args.during, scenario=_scenario(args)
    )
    if args.json:
        _write_json(out, owed_to_dict(owed))
        return EXIT_OK
    hints = [
        f"  (to assume a rate: --fact assumed-rate:{share.clause.id}=RATE, e.g. 0.20)"
        for share in owed.shares
        if share.rate is None
    ]
    _write(out, "\n".join([owed.explain(), *hints]))
    return EXIT_OK


def _cmd_check(args: argparse.Namespace, out: IO[str]) -> int:
    try:
        deal = _load(args.model)
    except _InvalidFile as invalid:
        if args.json:
            error = invalid.error
            problems = (
                [{"path": p.path, "line": p.line, "message": p.message} for p in error.problems]
                if isinstance(error, ContractFileError)
                else [{"path": "", "line": None, "message": invalid.lines()[0]}]
            )
            _write_json(
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
        _write_json(
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
        _write(out, "\n".join([head, report.render(citations=False)]))
    return EXIT_INVALID_FILE if report.has_errors else EXIT_OK


# --------------------------------------------------------------------------- main


def _utf8(stream: IO[str]) -> None:
    """Write UTF-8 whatever the locale says (explanations contain '—' and '→')."""
    reconfigure = getattr(stream, "reconfigure", None)
    encoding = str(getattr(stream, "encoding", "utf-8") or "utf-8")
    if callable(reconfigure) and encoding.replace("-", "").lower() != "utf8":
        reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    Prints the answer to stdout and every error to stderr, one line each;
    never raises (a ``--help`` returns 0).
    """
    stdout, stderr = sys.stdout, sys.stderr
    _utf8(stdout)
    _utf8(stderr)
    try:
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
        try:
            code: int = args.handler(args, stdout)
        except _UsageError as exc:
            exc.prog = f"{PROG} {args.command}"
            raise
        stdout.flush()
        return code
    except SystemExit as exc:  # --help and --version print and exit through argparse
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except _UsageError as exc:
        print(f"{exc.prog}: error: {exc}", file=stderr)
        return EXIT_USAGE
    except _InvalidFile as exc:
        for line in exc.lines():
            print(f"{PROG}: error: {line}", file=stderr)
        return EXIT_INVALID_FILE
    except ClauseKitError as exc:
        for line in str(exc).splitlines() or [type(exc).__name__]:
            print(f"{PROG}: error: {line.strip()}", file=stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (``clausekit ... | head``); stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a bug: one clear line, never a traceback
        print(
            f"{PROG}: internal error: {type(exc).__name__}: {exc}. This is a bug in clausekit; "
            "please report it with the command you ran.",
            file=stderr,
        )
        return EXIT_INTERNAL
