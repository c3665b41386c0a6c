"""The ``--fact`` syntax: a scenario fact in one word, for every registered fact kind.

``--fact KIND:ARG`` names a fact kind and fills its one party field, or its one
required field (``offer-declined:Beta``); ``--fact KIND:FIELD=VALUE,FIELD=VALUE``
fills fields by name; a suffix ``@DAY`` gives the day the fact happened
(``offer-declined:Beta@2025-03-01``). Kinds registered outside clausekit
(``--import MODULE``, or an installed extension) read the same way. A few kinds
keep their own shorter forms (:data:`FACT_HELP`).

Examples:
    >>> parse_fact("offer-declined:Beta")
    OfferDeclined(by='Beta')
    >>> parse_fact("consent-given:by=Beta")
    ConsentGiven(by='Beta')
    >>> parse_fact("agi-declared:2030-01-01:verified")
    AGIDeclared(on=Date(2030, 1, 1), verified=True, verified_on=None)
    >>> parse_fact("offer-declined:Beta@2025-03-01")
    OfferDeclined(by='Beta', on='2025-03-01')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs

from clausekit.errors import ClauseKitError, InvalidFactError, closest
from clausekit.registry import FACT_KINDS
from clausekit.scenario import (
    Disputed,
    Fact,
)
from clausekit.time import to_day

__all__ = ["FACT_HELP", "fact_kinds", "parse_disputed", "parse_fact"]

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
  KIND:VALUE                     any fact kind (also one from --import MODULE): VALUE fills
                                 its one party (or one required) field
  KIND:FIELD=VALUE,FIELD=VALUE   ... or name its fields
  ...@DAY                        the day the fact happened: offer-declined:PARTY@2025-03-01
"""
"""The ``--fact`` forms, as ``--help`` lists them."""

_AGI_STATES: dict[str, bool | None] = {"verified": True, "unverified": False, "unknown": None}
_BOOLEANS: dict[str, bool | None] = {
    "true": True,
    "yes": True,
    "false": False,
    "no": False,
    "none": None,
    "unknown": None,
    **_AGI_STATES,
}
_DAY_SUFFIX = re.compile(r"@\s*(?P<day>\d[^@]*)$")


def fact_kinds() -> Mapping[str, type[Fact]]:
    """Every registered fact kind (:data:`clausekit.registry.FACT_KINDS`), by its tag."""
    return {kind: FACT_KINDS[kind] for kind in FACT_KINDS.kinds()}


def _error(text: str, why: str) -> InvalidFactError:
    return InvalidFactError(f"--fact {text!r} {why}. See 'clausekit ask --help' for the forms.")


def _lookup(text: str, kind: str) -> type[Fact]:
    kinds = fact_kinds()
    if kind not in kinds:
        from clausekit.extensions import load_extensions

        load_extensions()  # an installed extension may define it
        kinds = fact_kinds()
    if kind not in kinds:
        names = list(kinds)
        suggestions = closest(kind, names)
        hint = f" Did you mean {' or '.join(map(repr, suggestions))}?" if suggestions else ""
        raise InvalidFactError(
            f"--fact {text!r} has an unknown kind {kind!r}.{hint} Kinds: {', '.join(names)}."
            " A kind of your own needs --import MODULE."
        )
    return kinds[kind]


def parse_fact(text: str) -> Fact:
    """Read one ``--fact`` string (``KIND:ARGUMENTS[@DAY]``) into a scenario fact.

    The forms are listed in :data:`FACT_HELP`; :func:`clausekit.render.format_fact`
    writes a fact back in the same form.

    Raises:
        InvalidFactError: for an unknown kind (with suggestions), an unknown
            field, or a malformed argument.
        InvalidDateError: for a day that is not a calendar day.
        InvalidRateError: for a rate that is not an exact decimal in [0, 1].
        InvalidAmountError: for an unreadable amount or currency.
        InvalidPeriodError: for an unreadable period.

    Examples:
        >>> parse_fact("revenue:10000000000 USD:2025")
        Revenue(amount=Money('10000000000', 'USD'), period=Period(start=Date(2025, 1, 1), end=Date(2026, 1, 1)), earned_by=None)
        >>> parse_fact("assumed-rate:rs=0.20")
        AssumedRate(clause='rs', rate=Decimal('0.20'))
    """
    if not isinstance(text, str):
        raise InvalidFactError(f"--fact {text!r} is not text; write it as KIND:ARGUMENTS.")
    head, sep, rest = text.partition(":")
    kind = head.strip().lower()
    cls = _lookup(text, kind)
    rest = rest.strip()
    day: str | None = None
    suffix = _DAY_SUFFIX.search(rest)
    if suffix is not None and not cls.timeless:  # a timeless fact's day is part of its form
        day, rest = suffix["day"].strip(), rest[: suffix.start()].strip()
    if not sep or not rest:
        raise _error(text, f"has nothing after '{kind}:'")
    fact = None if _named_fields(cls, rest) else cls.from_short(rest, lambda why: _error(text, why))
    if fact is None:
        fact = _generic(text, kind, cls, rest)
    if day is not None:
        fact = _with_day(text, kind, fact, day)
    return fact


def parse_disputed(text: str) -> Disputed:
    """Read one ``--disputed`` string: two or more ``--fact`` forms joined by ``|``.

    Examples:
        >>> parse_disputed("offer-accepted:WBD@2024-07-22|offer-declined:WBD@2024-07-22")
        Disputed(readings=((OfferAccepted(by='WBD', on='2024-07-22'),), (OfferDeclined(by='WBD', on='2024-07-22'),)), note='', evidence=())

    Raises:
        InvalidFactError: for fewer than two readings, or a reading ``--fact`` refuses.
    """
    if not isinstance(text, str) or "|" not in text:
        raise InvalidFactError(
            f"--disputed {text!r} needs two readings or more joined by '|', e.g. "
            "--disputed 'offer-accepted:WBD|offer-declined:WBD'."
        )
    return Disputed(*(parse_fact(part.strip()) for part in text.split("|")))


def _fields(cls: type) -> dict[str, Any]:
    return {f.name: f for f in attrs.fields(cls) if f.init} if attrs.has(cls) else {}


def _named_fields(cls: type, rest: str) -> bool:
    """Whether ``rest`` reads FIELD=VALUE with FIELD one of the fact's fields."""
    name, eq, _ = rest.partition("=")
    return bool(eq) and name.strip().replace("-", "_") in _fields(cls)


def _generic(text: str, kind: str, cls: type, rest: str) -> Fact:
    fields = _fields(cls)
    values: dict[str, Any] = {}
    if "=" in rest:
        for pair in rest.split(","):
            name, eq, value = pair.partition("=")
            name = name.strip().replace("-", "_")
            if not eq or not name:
                raise _error(text, f"has {pair.strip()!r} where FIELD=VALUE belongs")
            if name not in fields:
                hint = closest(name, fields)
                did = f" Did you mean {' or '.join(map(repr, hint))}?" if hint else ""
                raise _error(
                    text,
                    f"names a field {name!r} that {kind} facts do not have.{did} Fields: "
                    + ", ".join(fields),
                )
            values[name] = _value(fields[name], value.strip())
    else:
        target = _single_field(cls, fields)
        if target is None:
            raise _error(
                text,
                f"must name the fields of a {kind} fact: {kind}:"
                + ",".join(f"{name}=..." for name in fields),
            )
        values[target] = _value(fields[target], rest)
    missing = [n for n, f in fields.items() if f.default is attrs.NOTHING and n not in values]
    if missing:
        raise _error(
            text,
            f"lacks {', '.join(missing)}: write {kind}:"
            + ",".join(f"{name}=..." for name in [*values, *missing]),
        )
    try:
        return cls(**values)  # type: ignore[no-any-return]
    except ClauseKitError:
        raise
    except (TypeError, ValueError) as exc:  # a missing field, a value the kind refuses
        raise _error(text, f"is not a {kind} fact ({exc})") from None


def _single_field(cls: type, fields: Mapping[str, Any]) -> str | None:
    """The one field a bare VALUE fills: the only required field, else the only party field."""
    required = [n for n, f in fields.items() if f.default is attrs.NOTHING and n != "on"]
    if len(required) == 1:
        return required[0]
    parties = [n for n in getattr(cls, "party_fields", ()) if n in fields]
    return parties[0] if len(parties) == 1 and not required else None


def _value(field: Any, text: str) -> Any:
    kind = str(field.type)
    if "bool" in kind and text.lower() in _BOOLEANS:
        return _BOOLEANS[text.lower()]
    return text


def _with_day(text: str, kind: str, fact: Fact, day: str) -> Fact:
    if "on" not in _fields(type(fact)):
        raise InvalidFactError(
            f"--fact {text!r} gives a day (@{day}), but {kind} facts carry no day; "
            f"leave out '@{day}'."
        )
    on = to_day(day, field=f"--fact {kind} @DAY")
    changed: Fact = attrs.evolve(fact, on=on)
    return changed
