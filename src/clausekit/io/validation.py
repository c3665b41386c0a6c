"""Checking raw data against the agreement's types, collecting every problem.

The checker walks the plain data of a contract file (after parsing, before
anything is built) and records each problem with its field path: what was
expected, what was found, and the closest valid key or kind for a typo. It
runs only when the fast path (:mod:`clausekit.io.converter`) refused the
data, so it may take its time to say everything.

Examples:
    >>> from clausekit.io.shapes import render_path
    >>> checker = Checker(Claims(None))
    >>> _ = checker.document({"format": "clausekit/1", "id": "x", "title": 3})
    >>> for path, message in checker.problems:
    ...     print(render_path(path), "|", message)
    title | expected text, found the whole number 3. Put it in quotes to make it text.
    parties | missing required key 'parties' (a list of parties).
    amendments | missing required key 'amendments' (a list of amendments).
"""

from __future__ import annotations

import enum
import math
import typing
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from moneyed import CurrencyDoesNotExist, get_currency

from clausekit.agreement import Agreement
from clausekit.errors import ClauseKitError, UnknownKindError, closest, shown
from clausekit.evidence import Evidence
from clausekit.io.converter import AMOUNT, DECIMAL, Claims, _Refused, evidence_class
from clausekit.io.formats import FORMAT
from clausekit.io.kinds import CLAUSES, FACTS, Family
from clausekit.io.shapes import (
    REPORTS,
    FieldPath,
    describe_class,
    expected,
    fields_of,
    found,
    scalar,
    shape_of,
)
from clausekit.money import Money, to_money
from clausekit.parties import Party, PartyRegistry
from clausekit.scenario import Fact
from clausekit.time import DateRange, Period, day_from_iso, to_day, to_period

__all__ = ["Checker"]


class Checker:
    """Checks raw data against the agreement's types, collecting every problem."""

    def __init__(self, claims: Claims) -> None:
        self.claims = claims
        self.problems: list[tuple[FieldPath, str]] = []
        self.cause: ClauseKitError | None = None  # the first engine error behind a problem

    def add(self, path: FieldPath, message: str, cause: ClauseKitError | None = None) -> None:
        self.problems.append((path, message))
        if self.cause is None:
            self.cause = cause

    def document(self, data: Any) -> dict[str, Any] | None:
        """Check the whole file; returns the agreement's fields (without ``format``)."""
        body = self.versioned(
            data, "the agreement's fields", {f.name for f in fields_of(Agreement)}
        )
        if body is None:
            return None
        self.check_class(body, Agreement, ())
        if not self.problems:
            self.check_parties(body)
        return body

    def scenario(self, data: Any) -> list[Any] | None:
        """Check a scenario file; returns its facts (plain data)."""
        body = self.versioned(data, "a scenario's facts", {"facts"})
        if body is None:
            return None
        for key in body:
            if key != "facts":
                hint = " Did you mean 'facts'?" if closest(_text(key), ["facts"]) else ""
                self.add(
                    (_text(key),),
                    f"unknown key {shown(key)} for a scenario.{hint} Valid keys: facts.",
                )
        if "facts" not in body:
            self.add(("facts",), "missing required key 'facts' (a list of facts).")
            return None
        self.check(body["facts"], tuple[Fact, ...], ("facts",))
        facts = body["facts"]
        return facts if isinstance(facts, list) else None

    def versioned(self, data: Any, what: str, fields: set[str]) -> dict[str, Any] | None:
        """The mapping without ``format`` and ``$schema``, with their problems recorded."""
        if not isinstance(data, Mapping):
            self.add((), f"expected a mapping of {what}, found {found(data)}.")
            return None
        body = dict(data)
        version = body.pop("format", None)
        body.pop("$schema", None)
        if version is None:
            strays = [k for k in body if isinstance(k, str) and k not in fields]
            typo = closest("format", strays, n=1)
            if typo:  # 'formt = ...': one typo, one problem
                body.pop(typo[0])
                self.add(
                    (typo[0],),
                    f"unknown key {typo[0]!r}. Did you mean 'format'? It is required and "
                    f"missing; start the file with format = {FORMAT!r}.",
                )
            else:
                self.add(
                    ("format",),
                    f"missing required key 'format'; start the file with format = {FORMAT!r}.",
                )
        elif version != FORMAT:
            self.add(
                ("format",),
                f"unknown format {shown(version)}; this version of clausekit reads {FORMAT!r}. "
                "Upgrade clausekit, or check the file.",
            )
            return None
        if "$schema" in data and not isinstance(data["$schema"], str):
            self.add(
                ("$schema",),
                f"expected text (the schema's address), found {found(data['$schema'])}.",
            )
        return body

    # --- by type

    def check(self, value: Any, tp: Any, path: FieldPath) -> None:
        if value is None:
            self.add(
                path, f"expected {expected(tp)}, found nothing (null); leave the key out instead."
            )
            return
        shape, tp = shape_of(tp)
        if shape == "str":
            if not isinstance(value, str):
                quote = " Put it in quotes to make it text." if scalar(value) else ""
                self.add(path, f"expected text, found {found(value)}.{quote}")
        elif shape == "bool":
            self.expect(isinstance(value, bool), value, tp, path)
        elif shape == "int":
            self.expect(isinstance(value, int) and not isinstance(value, bool), value, tp, path)
        elif shape == "other":
            pass  # a type of a user's kind: cattrs builds it, the kind's validators judge it
        elif shape == "list":
            self.check_list(value, tp, path)
        elif shape == "class":
            self.check_class(value, tp, path)
        elif shape == "clause":
            self.check_member(value, CLAUSES, path)
        elif shape == "fact":
            self.check_member(value, FACTS, path)
        elif shape == "period":
            self.check_period(value, path)
        elif shape == "evidence":
            self.check_evidence(value, path)
        elif shape == "day":
            self.check_day(value, path)
        elif shape == "announced":
            if isinstance(value, Mapping):
                self.check_class(value, DateRange, path)
            else:
                self.check_day(value, path)
        elif shape == "reported":
            self.check_reported(value, path)
        elif shape == "decimal":
            self.check_decimal(value, path)
        elif shape == "money":
            self.check_money(value, path)
        else:
            self.check_enum(value, tp, path)

    def expect(self, ok: bool, value: Any, tp: Any, path: FieldPath) -> bool:
        if not ok:
            self.add(path, f"expected {expected(tp)}, found {found(value)}.")
        return ok

    def check_class(
        self, value: Any, cls: type, path: FieldPath, *, skip: str | None = None
    ) -> None:
        if not self.expect(isinstance(value, Mapping), value, cls, path):
            return
        specs = fields_of(cls)
        names = [f.name for f in specs]
        what = describe_class(cls)
        missing = [f.name for f in specs if f.required and f.name not in value]
        for key in value:
            if (skip is not None and key == skip) or (isinstance(key, str) and key in names):
                continue
            hint = closest(_text(key), missing) or closest(_text(key), names)
            suggestion = ""
            booleans = _YAML_BOOLEANS[key] if isinstance(key, bool) else ()
            words = [n for n in names if n.lower() in booleans]
            if words:  # YAML 1.1 reads an unquoted on/off/yes/no key as a boolean
                if words[0] in missing:
                    missing.remove(words[0])
                self.add(
                    (*path, words[0]),
                    f"the key {words[0]} was read as {str(key).lower()} (YAML reads an unquoted "
                    f"{words[0]} as a boolean); quote it: '{words[0]}': ...",
                )
                continue
            if hint and hint[0] in missing:
                # One typo, one problem: the misspelt key stands for the missing one.
                missing.remove(hint[0])
                suggestion = f" Did you mean {hint[0]!r}? It is required and missing."
            elif hint:
                suggestion = f" Did you mean {hint[0]!r}?"
            self.add(
                (*path, _text(key)),
                f"unknown key {shown(key)} for {what}.{suggestion} Valid keys: {', '.join(names)}.",
            )
        for spec in specs:
            if spec.name in value:
                self.check(value[spec.name], spec.type, (*path, spec.name))
            elif spec.name in missing:
                self.add(
                    (*path, spec.name),
                    f"missing required key {spec.name!r} ({expected(spec.type)}).",
                )

    def check_member(self, value: Any, family: Family, path: FieldPath) -> None:
        """A clause or a fact: a mapping whose registered ``kind`` says which class checks it."""
        if not isinstance(value, Mapping):
            self.add(path, f"expected a {family.name} with a kind, found {found(value)}.")
            return
        kinds = family.kinds()
        kind = value.get("kind")
        if kind is None:
            self.add(
                (*path, "kind"),
                f"missing required key 'kind' (the {family.name} kind: one of {', '.join(kinds)}).",
            )
            return
        cls = family.get(kind)
        if cls is None:
            error = UnknownKindError.for_kind(kind, kinds, family=family.name)
            self.add((*path, "kind"), str(error), error)
            return
        self.check_class(value, cls, path, skip="kind")

    def check_reported(self, value: Any, path: FieldPath) -> None:
        """A table from a term (a clause id or ``clause-id.field``) to the day it was first reported."""
        if not self.expect(isinstance(value, Mapping), value, REPORTS, path):
            return
        for term, day in value.items():
            if not isinstance(term, str):
                self.add((*path, _text(term)), f"expected a term as text, found {found(term)}.")
                continue
            self.check_day(day, (*path, term))

    def check_period(self, value: Any, path: FieldPath) -> None:
        if not isinstance(value, str):
            self.add(path, f"expected {expected(Period)}, found {found(value)}.")
            return
        try:
            to_period(value, field=str(path[-1]) if path else "period")
        except ClauseKitError as exc:
            self.add(path, str(exc), exc)

    def check_evidence(self, value: Any, path: FieldPath) -> None:
        if not self.expect(isinstance(value, Mapping), value, Evidence, path):
            return
        try:
            cls = evidence_class(value)
        except _Refused:
            keys = ", ".join(sorted(map(_text, value))) or "(none)"
            self.add(
                path,
                'evidence must be { claim = "id" } (a claim in the evidence base), a seed excerpt '
                "{ document, excerpt, gloss } or an outside source { url, title, published, gloss }; "
                f"found the keys {keys}.",
            )
            return
        if cls is not None:
            self.check_class(value, cls, path)
            return
        claim = value["claim"]
        if not self.expect(isinstance(claim, str), claim, str, (*path, "claim")):
            return
        try:
            self.claims.resolve(claim)
        except ClauseKitError as exc:
            self.add((*path, "claim"), str(exc), exc)

    def check_list(self, value: Any, tp: Any, path: FieldPath) -> None:
        if not isinstance(value, list):
            hint = f" Write a list such as [{shown(value)}]." if isinstance(value, str) else ""
            self.add(path, f"expected {expected(tp)}, found {found(value)}.{hint}")
            return
        item_type = typing.get_args(tp)[0]
        if item_type == Evidence and not value:
            self.add(
                path,
                "expected at least one piece of evidence, found an empty list. Every clause and "
                'amendment cites a source: { claim = "id" }, a seed excerpt or an outside source.',
            )
        for index, item in enumerate(value):
            self.check(item, item_type, (*path, index))
        if typing.get_origin(tp) is frozenset:
            seen: set[Any] = set()
            for index, item in enumerate(value):
                if isinstance(item, str | int) and item in seen:
                    self.add(
                        (*path, index), f"{shown(item)} is listed twice; list each value once."
                    )
                elif isinstance(item, str | int):
                    seen.add(item)

    def check_day(self, value: Any, path: FieldPath) -> None:
        field = str(path[-1]) if path else "date"
        if isinstance(value, str) and value != value.strip():
            self.add(path, f"{field}={shown(value)} has spaces around the day; remove them.")
            return
        try:
            if isinstance(value, str):
                day_from_iso(value, field=field)
            else:
                to_day(value, field=field)
        except ClauseKitError as exc:
            self.add(path, str(exc), exc)

    def check_decimal(self, value: Any, path: FieldPath) -> None:
        if isinstance(value, float):
            self.add(
                path,
                f"found the float {shown(value)}; rates must be exact. {_as_text(value, '0.2')}",
            )
        elif not isinstance(value, str) or not DECIMAL.match(value):
            self.add(path, f"expected {expected(Decimal)}, found {found(value)}.")

    def check_money(self, value: Any, path: FieldPath) -> None:
        if not self.expect(isinstance(value, Mapping), value, Money, path):
            return
        for key in value:
            if key not in ("amount", "currency"):
                hint = closest(_text(key), ["amount", "currency"])
                suggestion = f" Did you mean {hint[0]!r}?" if hint else ""
                self.add(
                    (*path, _text(key)),
                    f"unknown key {shown(key)} for money.{suggestion} Valid keys: amount, currency.",
                )
        ok = True
        amount = value.get("amount")
        if "amount" not in value:
            self.add(
                (*path, "amount"),
                "missing required key 'amount' (a string such as \"38000000000\").",
            )
            ok = False
        elif isinstance(amount, float):
            self.add(
                (*path, "amount"),
                f"found the float {shown(amount)}; money must be exact. "
                + _as_text(amount, "38000000000", key="amount"),
            )
            ok = False
        elif not isinstance(amount, str) or not AMOUNT.match(amount):
            self.add(
                (*path, "amount"),
                f'expected the amount as a string of digits such as "38000000000" or "12.50", '
                f"found {found(amount)}.",
            )
            ok = False
        currency = value.get("currency")
        if "currency" not in value:
            self.add(
                (*path, "currency"),
                "missing required key 'currency' (an ISO 4217 code such as \"USD\").",
            )
            ok = False
        elif not isinstance(currency, str):
            self.add(
                (*path, "currency"),
                f'expected an ISO 4217 code such as "USD", found {found(currency)}.',
            )
            ok = False
        else:
            try:
                get_currency(currency)
            except CurrencyDoesNotExist:
                self.add(
                    (*path, "currency"),
                    f'{shown(currency)} is not an ISO 4217 currency code; use one such as "USD", '
                    '"EUR" or "GBP" (upper case).',
                )
                ok = False
        if ok:
            field = str(path[-1]) if path else "amount"
            try:
                to_money({"amount": amount, "currency": currency}, field=field)
            except ClauseKitError as exc:
                self.add((*path, "amount"), str(exc), exc)

    def check_enum(self, value: Any, tp: type[enum.Enum], path: FieldPath) -> None:
        values = [str(m.value) for m in tp]
        if isinstance(value, str) and value in values:
            return
        hint = closest(_text(value), values)
        suggestion = f" Did you mean {hint[0]!r}?" if hint else ""
        self.add(path, f"expected {expected(tp)}, found {found(value)}.{suggestion}")

    # --- across fields

    def check_parties(self, body: Mapping[str, Any]) -> None:
        """Every party a clause names must be a party (or alias) of the agreement."""
        try:
            registry = PartyRegistry(
                Party(p["name"], aliases=p.get("aliases", ())) for p in body["parties"]
            )
        except ClauseKitError as exc:
            self.add(("parties",), str(exc), exc)
            return
        for a_index, amendment in enumerate(body["amendments"]):
            clauses: list[tuple[FieldPath, Mapping[str, Any]]] = [
                (("amendments", a_index, "adds", i), c)
                for i, c in enumerate(amendment.get("adds", ()))
            ]
            clauses += [
                (("amendments", a_index, "replaces", i, "new"), r["new"])
                for i, r in enumerate(amendment.get("replaces", ()))
            ]
            for path, clause in clauses:
                cls = CLAUSES.get(clause["kind"])
                assert cls is not None  # checked above
                for field in cls.party_fields:
                    value = clause.get(field)
                    pairs: list[tuple[FieldPath, str]] = (
                        [((field,), value)]
                        if isinstance(value, str)
                        else [((field, i), v) for i, v in enumerate(value or ())]
                    )
                    for sub, name in pairs:
                        try:
                            registry.resolve(name, where=f"clause {clause['id']!r}")
                        except ClauseKitError as exc:
                            self.add((*path, *sub), str(exc), exc)


def _as_text(value: float, example: str, *, key: str = "") -> str:
    """How to write a float found in a file as exact text that the loader accepts.

    A NaN or an infinity has no exact value: the example stands in for it.
    """
    finite = math.isfinite(value)
    text = format(Decimal(repr(value)), "f") if finite else example
    note = "" if finite else f" ({shown(value)} is not a number clausekit can use)"
    if key:
        return f'Write the amount as a string, {key} = "{text}"{note}.'
    return f"Write it as a string such as '{text}'{note}."


_YAML_BOOLEANS = {True: ("on", "yes", "y", "true"), False: ("off", "no", "n", "false")}


def _text(value: object) -> str:
    """A key or tag as text for a path or a suggestion: itself when text, else its short repr."""
    return value if isinstance(value, str) else shown(value)
