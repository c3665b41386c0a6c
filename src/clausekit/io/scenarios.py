"""Scenario files: the facts of a scenario as TOML, YAML or JSON, tagged by their registered kind.

A scenario file is ``format = "clausekit/1"`` and a list of facts, each a
mapping with the fact's ``kind`` first and its fields (a fact kind of your
own included, read from the registry when the file is read)::

    format = "clausekit/1"
    [[facts]]
    kind = "offer-declined"
    by = "Beta"
    on = "2025-03-01"

Problems are reported like a contract file's: every one, each with its
line, field path and fix.

Examples:
    >>> import clausekit as ck
    >>> s = ck.Scenario(ck.OfferDeclined(by="Beta", on="2025-03-01"),
    ...                 ck.Revenue(amount="1000 USD", period="2025"))
    >>> print(dumps_scenario(s, format="toml"))
    format = "clausekit/1"
    <BLANKLINE>
    [[facts]]
    kind = "offer-declined"
    by = "Beta"
    on = "2025-03-01"
    <BLANKLINE>
    [[facts]]
    kind = "revenue"
    period = "2025-01-01/2026-01-01"
    <BLANKLINE>
    [facts.amount]
    amount = "1000"
    currency = "USD"
    <BLANKLINE>
    >>> loads_scenario(dumps_scenario(s, format="json"), format="json") == s
    True
    >>> loads_scenario('{"format": "clausekit/1", "facts": [{"kind": "offer-declind", "by": "A"}]}',
    ...                format="json", source="s.json")
    Traceback (most recent call last):
    ...
    clausekit.errors.ContractFileError: s.json: 1 problem found
      s.json:1: facts[0].kind: Unknown fact kind 'offer-declind'. Did you mean 'offer-declined' ...? Registered fact kinds: ...
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from cattrs.errors import BaseValidationError

from clausekit.errors import (
    ArgumentTypeError,
    ClauseKitError,
    ContractFileError,
    InvalidFactError,
)
from clausekit.io.arguments import check_format, check_path, check_source, check_text, format_for
from clausekit.io.converter import Claims, structure, unstructure
from clausekit.io.formats import FORMAT, Format, check_depth
from clausekit.io.lines import LineFinder, no_lines
from clausekit.io.problems import leaves
from clausekit.io.reading import detailed_converter, parse_text, read_file, with_lines
from clausekit.io.validation import Checker
from clausekit.io.writing import encode, render_text, write_atomically
from clausekit.scenario import Fact, Scenario

__all__ = [
    "dump_scenario",
    "dumps_scenario",
    "load_scenario",
    "loads_scenario",
    "scenario_from_dict",
    "scenario_to_dict",
]


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """The scenario as plain data: ``format`` and its facts, each with its ``kind`` first.

    Raises:
        ArgumentTypeError: for anything but a :class:`~clausekit.Scenario`.
    """
    _check_scenario(scenario, where="scenario_to_dict()")
    if scenario.disputes:  # never drop a dispute silently
        raise InvalidFactError(
            f"Scenario files cannot hold disputes yet, and this scenario has "
            f"{len(scenario.disputes)} ({scenario.disputes[0].describe()}). Write the "
            "undisputed facts to the file and give each reading in Python (ck.Disputed) or "
            "on the command line (--disputed 'FACT|FACT')."
        )
    return {"format": FORMAT, "facts": [unstructure(fact, Fact) for fact in scenario.facts]}


def dumps_scenario(scenario: Scenario, *, format: Format) -> str:
    """The scenario as the text of a scenario file in ``format``."""
    fmt = check_format(format, where="dumps_scenario()")
    return render_text(scenario_to_dict(scenario), fmt)


def dump_scenario(
    scenario: Scenario, path: str | os.PathLike[str], *, format: Format | None = None
) -> None:
    """Write the scenario to a file (atomically); the format follows the suffix unless given."""
    _check_scenario(scenario, where="dump_scenario()")
    target = check_path(path, where="dump_scenario()")
    fmt = (
        check_format(format, where="dump_scenario()") if format is not None else format_for(target)
    )
    write_atomically(target, encode(dumps_scenario(scenario, format=fmt), str(path)))


def load_scenario(path: str | os.PathLike[str], *, format: Format | None = None) -> Scenario:
    """Read a scenario file (a regular file only); the format follows the suffix unless given.

    Raises:
        ArgumentTypeError: for an argument of the wrong type.
        ContractFileError: listing every problem in the file.
    """
    text, fmt, name = read_file(path, format, where="load_scenario()")
    data, lines = parse_text(text, fmt, name)
    return _build(data, source=name, lines=lines)


def loads_scenario(text: str, *, format: Format, source: str = "<string>") -> Scenario:
    """Read the text of a scenario file in ``format``.

    Raises:
        ArgumentTypeError: for an argument of the wrong type.
        ContractFileError: listing every problem found.
    """
    source = check_source(source, where="loads_scenario()")
    fmt = check_format(format, where="loads_scenario()", source=source)
    text = check_text(text, where="loads_scenario()")
    data, lines = parse_text(text, fmt, source)
    return _build(data, source=source, lines=lines)


def scenario_from_dict(data: Any, *, source: str = "<dict>") -> Scenario:
    """Build a scenario from plain data shaped like a scenario file (the inverse of :func:`scenario_to_dict`)."""
    source = check_source(source, where="scenario_from_dict()")
    if not isinstance(data, Mapping):
        raise ArgumentTypeError.for_value(
            data,
            argument="data",
            expected="a mapping shaped like a scenario file",
            fix="Pass scenario_from_dict() a dict such as scenario_to_dict(scenario) returns.",
        )
    return _build(data, source=source, lines=no_lines)


def _build(data: Any, *, source: str, lines: LineFinder) -> Scenario:
    facts = data.get("facts") if type(data) is dict and data.get("format") == FORMAT else None
    if isinstance(facts, list) and data.keys() <= {"format", "$schema", "facts"}:
        try:  # the fast path, as for contract files
            return Scenario(*(structure(fact, Fact) for fact in facts))
        except Exception:  # reported below, with every other problem
            pass
    deep = check_depth(data)  # before anything walks what the fast path refused
    if deep:
        raise ContractFileError(source, deep)
    checker = Checker(Claims(None))
    checked = checker.scenario(data)
    if checker.problems:
        raise ContractFileError(source, with_lines(checker.problems, lines)) from checker.cause
    assert checked is not None
    try:
        built = detailed_converter().structure(checked, tuple[Fact, ...])
        return Scenario(*built)
    except BaseValidationError as exc:
        found = [
            ((("facts", *path)), message, cause)
            for path, message, cause in leaves(exc, (), checked)
        ]
    except ClauseKitError as exc:  # facts that contradict each other
        found = [(("facts",), str(exc), exc)]
    causes = [cause for _, _, cause in found if isinstance(cause, ClauseKitError)]
    problems = with_lines([(path, message) for path, message, _ in found], lines)
    raise ContractFileError(source, problems) from (causes[0] if causes else None)


def _check_scenario(scenario: object, *, where: str) -> None:
    if not isinstance(scenario, Scenario):
        raise ArgumentTypeError.for_value(
            scenario,
            argument="scenario",
            expected="a clausekit.Scenario",
            fix=f"Pass {where} a scenario: clausekit.Scenario(fact, ...).",
        )
