"""Typed checks of the command line's arguments: each bad value is one clear line, exit 2.

argparse calls these as ``type=`` converters; a clausekit error becomes
argparse's ``argument --on: ...`` line, never a traceback.

Examples:
    >>> day_type("--on")("2025-01-15")
    Date(2025, 1, 15)
    >>> day_type("--on")("2025-02-30")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: --on='2025-02-30' is not a calendar day: day is out of range for month. Pass an ISO date such as '2025-01-15'.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from clausekit.cli.exits import UsageError
from clausekit.errors import ClauseKitError, InvalidAmountError
from clausekit.money import Money, to_money
from clausekit.time import to_day, to_period

__all__ = ["arg_type", "check_range", "day_type", "money_type", "name_type", "period_type"]


def arg_type(convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse ``type=`` that turns clausekit errors into argparse errors (exit 2)."""

    def parse(text: str) -> Any:
        try:
            return convert(text)
        except ClauseKitError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = getattr(convert, "__name__", "value")
    return parse


def day_type(field: str) -> Callable[[str], Any]:
    """A calendar day (``2025-01-15``)."""
    return arg_type(lambda text: to_day(text, field=field))


def period_type(field: str) -> Callable[[str], Any]:
    """A period: ``2025``, ``2025-01``, a day, or ``2025-01-01/2025-03-01``."""
    return arg_type(lambda text: to_period(text, field=field))


def money_type(field: str) -> Callable[[str], Any]:
    """An amount with its currency, ``'10000000000 USD'``."""

    def convert(text: str) -> Money:
        if len(text.split()) != 2:
            raise InvalidAmountError(
                f"{field}={text!r} is not an amount with its currency; write it as "
                "'AMOUNT CUR' in quotes, e.g. '10000000000 USD'."
            )
        return to_money(text, field=field)

    return arg_type(convert)


def name_type(field: str, example: str) -> Callable[[str], str]:
    """A name (a party, a verb, a module): not empty, one line, no control characters."""

    def parse(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(
                f"{field}={text!r} is empty; give a name, e.g. {field} {example}."
            )
        if any(not ch.isprintable() for ch in text) or _surrogate(text):
            raise argparse.ArgumentTypeError(
                f"{field}={text!r} contains control or unencodable characters; "
                f"give a name, e.g. {field} {example}."
            )
        return text

    parse.__name__ = "name"
    return parse


def _surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def check_range(args: argparse.Namespace) -> None:
    """``--to`` must come after ``--from``."""
    if args.start is not None and args.end is not None and args.end <= args.start:
        raise UsageError(
            f"--to {args.end} is not after --from {args.start}; the days run from --from "
            "(included) to --to (excluded): swap them, or give a later --to."
        )
