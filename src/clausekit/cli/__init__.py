"""The ``clausekit`` command line: ask an agreement questions from a shell.

``MODEL`` is the name of a bundled model or the path of a contract file
(``.toml``, ``.yaml``, ``.yml`` or ``.json``). Every command prints readable
text (the engine's ``explain()`` texts); ``--json`` prints one JSON object
instead. Errors go to stderr, one line each, never a traceback.

Commands::

    clausekit                            (no arguments: the usage line and the commands, exit 2)
    clausekit --version
    clausekit ask MODEL ACTION (--on DAY | --during PERIOD) [--fact F ...] [--as-known-on DAY]
    clausekit timeline MODEL ACTION --from DAY --to DAY [--fact F ...]
    clausekit compare MODEL ACTION DAY DAY [--fact F ...]
    clausekit in-force MODEL --on DAY [--fact F ...] [--as-known-on DAY]
    clausekit check FILE                 (also: runs the consistency checker)
    clausekit render MODEL ACTION (--from DAY --to DAY | --during PERIOD)
                     [--format markdown|mermaid|svg|json] [--output PATH]
    clausekit render MODEL --map [--from DAY] [--to DAY] [--today DAY]
                     [--format markdown|mermaid|svg] [--output PATH]
    clausekit revenue-share MODEL --payer NAME [--revenue "AMOUNT CUR" --during PERIOD]
    clausekit describe MODEL [--on DAY] [--as-known-on DAY]
    clausekit models
    clausekit completion bash|zsh|tcsh   (needs shtab: pip install 'clausekit[completion]')

Every command accepts ``--import MODULE`` (repeatable, before or after the
command): the module is imported first, from the current folder or
``sys.path``, so the clause and fact kinds it defines can be read from contract
files and ``--fact``. Installed packages declare theirs in the entry point
group ``clausekit.extensions`` (:mod:`clausekit.extensions`).

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
``KIND:VALUE``                                      any fact kind: VALUE fills its one party field
``KIND:FIELD=VALUE,FIELD=VALUE``                    ... or its fields by name
``...@DAY``                                         the day the fact happened
==================================================  ============================================

A misspelt kind is refused with the closest kinds. Every file the command line
writes (``render --output``) is written whole or not at all (a temporary file
beside it, then renamed), and never over the contract file it reads.

Exit codes: ``0`` answered (``check``: no errors); ``1`` the contract file is
invalid (``check``: it has problems, or the consistency checker found errors);
``2`` usage error (bad arguments, unknown model or party, a bad day or fact:
any clausekit error raised by the question; ``clausekit`` with no arguments);
``3`` an internal error (a bug: please report it); ``130`` interrupted (Ctrl-C),
with one line on stderr.

JSON output (``--json``; ``render --format json``) is stable: keys are only
ever added, never renamed or removed. Days are ISO strings (``"2025-01-15"``),
periods ``{"start": DAY, "end": DAY or null}`` (end excluded, null when
open-ended), money ``{"amount": "2000000000.00", "currency": "USD"}`` (the
exact decimal as a string), outcomes lower-case (``"permitted"``,
``"prohibited"``, ``"conditional"``, ``"unknown"``), facts in the ``--fact``
syntax above. Shared shapes:

- amendment: ``{"id", "title", "effective": DAY or range, "announced": DAY or range}``
  (a range is ``{"earliest": DAY, "latest": DAY}``)
- clause: ``{"id", "kind", "title", "summary"}`` (``kind`` is the contract-file tag)
- action: ``{"actor", "verb", "counterparty": str or null, "subject", "qualifiers": [str], "text"}``
- evidence: ``{"type": "seed", "document", "excerpt", "gloss", "claim", "citation",
  "disputed"}`` or ``{"type": "outside", "url", "title", "published": DAY, "gloss", "claim",
  "citation", "disputed"}``; ``"disputed"``: ``[{"conflict", "other_side": [claim id]}]``
- ruling: ``{"clause", "amendment", "effect": OUTCOME, "reason", "conditions": [str],
  "missing": [str], "evidence": [evidence], "sources": [int]}`` (``sources``: the numbers
  of the verdict's sources it cites)
- source (each source of an answer once, as ``explain()`` lists it): ``{"number": int,
  "source": {"type": "seed", "document", "citation"} or {"type": "outside", "url", "title",
  "published": DAY, "citation"}, "claims": [{"claim", "gloss", "excerpt" (seeds only),
  "text"}], "clauses": [str], "amendments": [str]}``
- verdict (``ask --on``): ``{"kind": "verdict", "agreement", "action", "on": DAY,
  "known_on": DAY or null, "outcome", "headline", "reason", "conditions": [str],
  "missing": [str], "default": OUTCOME, "by_default": bool, "notes": [str],
  "assumptions": [str], "facts": [str], "rulings": [ruling],
  "sources": [source], "readings": [{"reading", "outcome", "headline"}],
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
- description (``describe``): ``{"kind": "description", "agreement": {"id", "title"},
  "starts_on": DAY, "known_on": DAY or null, "parties": [{"name", "aliases": [str]}],
  "amendments": [amendment + {"adds": [clause], "ends": [str]}], "vocabulary": {"verbs":
  [str], "subjects": [str], "qualifiers": [str]}, "on": DAY or null, "in_force": [clause + {"amendment":
  amendment}] or null}``
- models (``models``): ``{"kind": "models", "models": [{"name", "id", "title", "parties":
  [str], "amendments": int, "starts_on": DAY}]}``

Examples:
    >>> from clausekit.cli import parse_fact
    >>> parse_fact("offer-declined:Beta")
    OfferDeclined(by='Beta')
    >>> parse_fact("assumed-rate:rs=0.20")
    AssumedRate(clause='rs', rate=Decimal('0.20'))
    >>> parse_fact("declined:Beta")
    Traceback (most recent call last):
    ...
    clausekit.errors.InvalidFactError: --fact 'declined:Beta' has an unknown kind 'declined'. Did you mean 'offer-declined' or 'agi-declared'? Kinds: agi-declared, assumed-rate, ... A kind of your own needs --import MODULE.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import IO

from clausekit.cli import about, check, questions
from clausekit.cli.exits import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID_FILE,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    InvalidFile,
    UsageError,
)
from clausekit.cli.facts import FACT_HELP, parse_fact
from clausekit.cli.loading import CONTRACT_SUFFIXES, load_agreement
from clausekit.cli.output import utf8
from clausekit.cli.parser import COMMANDS, EXAMPLES, build_parser, short_usage
from clausekit.errors import ClauseKitError

__all__ = [
    "COMMANDS",
    "CONTRACT_SUFFIXES",
    "EXAMPLES",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID_FILE",
    "EXIT_OK",
    "EXIT_USAGE",
    "FACT_HELP",
    "build_parser",
    "load_agreement",
    "main",
    "parse_fact",
]

_HANDLERS: dict[str, Callable[..., int]] = {
    "ask": questions.ask,
    "timeline": questions.timeline,
    "compare": questions.compare,
    "in-force": questions.in_force,
    "revenue-share": questions.revenue_share,
    "render": questions.render,
    "describe": about.describe,
    "models": about.models,
    "check": check.check,
    "completion": about.completion,
}
"""The function that runs each command: ``handler(args, stdout) -> exit code``."""


def _imports(words: Sequence[str]) -> list[str]:
    """The modules ``--import`` names, wherever they stand (read before the arguments are)."""
    found: list[str] = []
    i = 0
    while i < len(words) and words[i] != "--":
        word = words[i]
        if word == "--import" and i + 1 < len(words):
            found.append(words[i + 1])
            i += 1
        elif word.startswith("--import="):
            found.append(word.partition("=")[2])
        i += 1
    return found


@contextlib.contextmanager
def _current_folder_importable() -> Iterator[None]:
    """Let ``--import`` find modules in the current folder, as ``python -m`` would."""
    here = os.getcwd()
    added = here not in sys.path and "" not in sys.path
    if added:
        sys.path.insert(0, here)
    try:
        yield
    finally:
        if added:
            sys.path.remove(here)


def _run(words: list[str], stdout: IO[str]) -> int:
    from clausekit.extensions import import_module

    modules = _imports(words)
    if modules:
        with _current_folder_importable():
            for module in modules:
                import_module(module)
    args = build_parser().parse_args(words)
    try:
        code = _HANDLERS[args.command](args, stdout)
    except UsageError as exc:
        exc.prog = f"{PROG} {args.command}"
        raise
    stdout.flush()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    Prints the answer to stdout and every error to stderr, one line each;
    never raises (a ``--help`` or ``--version`` returns 0). With no arguments
    it prints the usage line and the commands to stderr and returns 2.
    """
    stdout, stderr = sys.stdout, sys.stderr
    utf8(stdout)
    utf8(stderr)
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        if not words:
            print(short_usage(), file=stderr)
            return EXIT_USAGE
        return _run(words, stdout)
    except SystemExit as exc:  # --help and --version print and exit through argparse
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=stderr)
        return EXIT_INTERRUPTED
    except UsageError as exc:
        print(f"{exc.prog}: error: {exc}", file=stderr)
        return EXIT_USAGE
    except InvalidFile as exc:
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
