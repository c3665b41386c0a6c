"""Sample contract files and helpers shared by the tests of clausekit.io.

``BASE_TOML`` is a small agreement that uses every kind of value a file
holds (claim references, seed excerpts, outside sources, money, rates, a
date range, ends); ``BAD_FILES`` is the table of malformed variants of it,
each with the problem the loader must report.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import attrs
import pendulum
import pytest

import clausekit as ck
from clausekit import io as ckio
from clausekit.errors import ContractFileError
from clausekit.evidence import evidence_base

FORMATS: tuple[ckio.Format, ...] = ("toml", "yaml", "json")
BASE = evidence_base()
CLAIM = BASE.claims[0].id


def assert_exact_types(value: object, where: str = "agreement") -> None:
    """Every day is a pendulum.Date (not a datetime.date or DateTime), money keeps Decimal."""
    if isinstance(value, dt.date):
        assert type(value) is pendulum.Date, f"{where} is {type(value).__name__}"
    elif isinstance(value, ck.Money):
        assert type(value.amount) is Decimal, where
    elif isinstance(value, Decimal):
        pass
    elif isinstance(value, tuple | frozenset | list):
        for index, item in enumerate(value):
            assert_exact_types(item, f"{where}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            if field.init:
                assert_exact_types(getattr(value, field.name), f"{where}.{field.name}")


def assert_same_money(a: object, b: object) -> None:
    """Money values match in amount (digit for digit) and currency."""
    if isinstance(a, ck.Money):
        assert isinstance(b, ck.Money)
        assert a.amount == b.amount
        assert a.currency == b.currency
    elif isinstance(a, tuple):
        assert isinstance(b, tuple)
        for x, y in zip(a, b, strict=True):
            assert_same_money(x, y)
    elif attrs.has(type(a)):
        for field in attrs.fields(type(a)):  # type: ignore[arg-type]
            if field.init:
                assert_same_money(getattr(a, field.name), getattr(b, field.name))


BASE_TOML = """\
format = "clausekit/1"
id = "acme-beta"
title = "Acme–Beta distribution"

[[parties]]
name = "Acme"

[[parties]]
name = "Beta"
aliases = ["Beta GmbH"]

[[amendments]]
id = "original"
title = "Signed"
effective = "2020-01-01"
evidence = [{ url = "https://example.org/d", title = "Deal", published = "2020-01-01", gloss = "Acme sells only via Beta" }]

[[amendments.adds]]
kind = "exclusivity"
id = "excl-de"
title = "Exclusive distributor in DE"
bound = "Acme"
beneficiary = "Beta"
verb = "appoint-distributor"
scope = ["DE"]
consent_by = "Beta"
evidence = [{ claim = "CLAIM" }]

[[amendments.adds]]
kind = "revenue-share"
id = "rs"
title = "Revenue share"
payer = "Acme"
payee = "Beta"
rate = "0.20"
cap = { amount = "1000000.50", currency = "EUR" }
evidence = [{ document = "001_x", excerpt = "zwanzig Prozent", gloss = "twenty per cent" }]

[[amendments]]
id = "second"
title = "Loosened"
effective = "2021-06-01"
announced = { earliest = "2021-05-01", latest = "2021-05-31" }
ends = ["excl-de"]
evidence = [{ url = "https://example.org/e", title = "End", published = "2021-06-01", gloss = "exclusivity ends" }]

[[amendments.adds]]
kind = "agi"
id = "agi"
title = "AGI"
declared_by = "Acme"
profit_threshold = { amount = "100000000000", currency = "USD" }
ends = ["rs"]
evidence = [{ url = "https://example.org/a", title = "AGI", published = "2021-06-01", gloss = "AGI ends the share" }]
""".replace("CLAIM", CLAIM)

BASE_DEAL = ck.loads(BASE_TOML, format="toml")
BASE_YAML = ck.dumps(BASE_DEAL, format="yaml")
BASE_JSON = ck.dumps(BASE_DEAL, format="json")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def edit(base: str, old: str, new: str) -> str:
    assert base.count(old) == 1, f"{old!r} occurs {base.count(old)} times"
    return base.replace(old, new)


def line_of(text: str, marker: str | tuple[str, int]) -> int:
    """The number of the first line holding ``marker`` (or of its n-th occurrence)."""
    wanted, nth = (marker, 1) if isinstance(marker, str) else marker
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if wanted in line:
            seen += 1
            if seen == nth:
                return number
    raise AssertionError(f"{marker!r} not in the text")


Marker = str | tuple[str, int] | None
"""Where the problem is: the first line holding a text, or its n-th occurrence; None: no line."""

# (case id, format, text, engine error behind it or None, message fragment, field path, line)
BAD_FILES: list[tuple[str, str, str, type[Exception] | None, str, str, Marker]] = [
    (
        "wrong-kind",
        "toml",
        edit(BASE_TOML, 'kind = "exclusivity"', 'kind = "exclusivty"'),
        None,
        "Unknown clause kind 'exclusivty'. Did you mean 'exclusivity'?",
        "amendments[0].adds[0].kind",
        'kind = "exclusivty"',
    ),
    (
        "impossible-date",
        "toml",
        edit(BASE_TOML, 'effective = "2021-06-01"', 'effective = "2025-02-30"'),
        ck.InvalidDateError,
        "'2025-02-30' is not a calendar day: day is out of range for month",
        "amendments[1].effective",
        'effective = "2025-02-30"',
    ),
    (
        "impossible-native-date",
        "toml",
        edit(BASE_TOML, 'effective = "2021-06-01"', "effective = 2025-02-30"),
        None,
        "invalid TOML",
        "",
        "effective = 2025-02-30",
    ),
    (
        "float-money",
        "toml",
        edit(BASE_TOML, 'amount = "100000000000"', "amount = 1e11"),
        None,
        "found the float 100000000000.0; money must be exact",
        "amendments[1].adds[0].profit_threshold.amount",
        "amount = 1e11",
    ),
    (
        "unknown-key",
        "toml",
        edit(BASE_TOML, 'beneficiary = "Beta"', 'beneficary = "Beta"'),
        None,
        "unknown key 'beneficary' for an exclusivity clause. Did you mean 'beneficiary'? It is required",
        "amendments[0].adds[0].beneficary",
        "beneficary",
    ),
    (
        "missing-evidence",
        "toml",
        edit(
            BASE_TOML,
            'evidence = [{ url = "https://example.org/e", title = "End", published = "2021-06-01", gloss = "exclusivity ends" }]\n',
            "",
        ),
        None,
        "missing required key 'evidence'",
        "amendments[1].evidence",
        ("[[amendments]]", 2),
    ),
    (
        "empty-evidence",
        "yaml",
        edit(BASE_YAML, "    evidence:\n    - claim: " + CLAIM, "    evidence: []"),
        None,
        "expected at least one piece of evidence",
        "amendments[0].adds[0].evidence",
        "evidence: []",
    ),
    (
        "negative-amount",
        "toml",
        edit(BASE_TOML, 'amount = "1000000.50"', 'amount = "-5"'),
        ck.InvalidAmountError,
        "is negative; it must be zero or more",
        "amendments[0].adds[1].cap.amount",
        'amount = "-5"',
    ),
    (
        "inverted-date-range",
        "toml",
        edit(BASE_TOML, 'latest = "2021-05-31"', 'latest = "2021-04-30"'),
        ck.InvalidPeriodError,
        "latest=2021-04-30 is before earliest=2021-05-01",
        "amendments[1].announced.latest",
        'latest = "2021-04-30"',
    ),
    (
        "until-before-effective",
        "toml",
        edit(BASE_TOML, 'consent_by = "Beta"', 'consent_by = "Beta"\nuntil = "2019-12-31"'),
        ck.InvalidPeriodError,
        "clause 'excl-de' ends on 2019-12-31 (until), on or before the day it takes effect",
        "amendments[0].adds[0].until",
        'until = "2019-12-31"',
    ),
    (
        "unknown-party",
        "toml",
        edit(BASE_TOML, 'beneficiary = "Beta"', 'beneficiary = "Betta"'),
        ck.UnknownPartyError,
        "Unknown party 'Betta' in clause 'excl-de'. Did you mean 'Beta'",
        "amendments[0].adds[0].beneficiary",
        'beneficiary = "Betta"',
    ),
    (
        "end-unknown-clause",
        "toml",
        edit(BASE_TOML, 'ends = ["excl-de"]', 'ends = ["excl-fr"]'),
        ck.UnknownClauseError,
        "names clause 'excl-fr', which no earlier amendment added. Did you mean 'excl-de'?",
        "amendments[1].ends[0]",
        'ends = ["excl-fr"]',
    ),
    (
        "duplicate-clause-id",
        "toml",
        edit(BASE_TOML, 'kind = "agi"\nid = "agi"', 'kind = "agi"\nid = "rs"'),
        ck.AgreementError,
        "already added a clause with that id",
        "amendments[1].adds[0].id",
        ('id = "rs"', 2),
    ),
    (
        "duplicate-amendment-id",
        "json",
        edit(BASE_JSON, '"id": "second"', '"id": "original"'),
        ck.AgreementError,
        "Two amendments share the id 'original'",
        "amendments[1].id",
        None,
    ),
    (
        "amendments-out-of-order",
        "yaml",
        edit(BASE_YAML, "effective: '2021-06-01'", "effective: '2019-06-01'"),
        ck.AgreementError,
        "in the list but takes effect earlier. List amendments in order",
        "amendments[1].effective",
        "effective: '2019-06-01'",
    ),
    (
        "toml-syntax",
        "toml",
        edit(BASE_TOML, 'title = "Signed"', 'title = "Signed'),
        None,
        "invalid TOML",
        "",
        'title = "Signed',
    ),
    (
        "yaml-syntax",
        "yaml",
        edit(BASE_YAML, "  title: Signed", "  title: [Signed"),
        None,
        "invalid YAML",
        "",
        None,
    ),
    (
        "json-syntax",
        "json",
        edit(BASE_JSON, '"title": "Signed",', '"title": "Signed"'),
        None,
        "invalid JSON: Expecting ',' delimiter",
        "",
        '"effective": "2020-01-01"',
    ),
    (
        "too-deep-json",
        "json",
        '{"format": "clausekit/1", "id": ' + "[" * 100 + "]" * 100 + "}",
        None,
        "nested more than 64 levels deep",
        "",
        None,
    ),
    (
        "too-deep-yaml",
        "yaml",
        "format: clausekit/1\nid: " + "[" * 100 + "]" * 100 + "\n",
        None,
        "nested more than 64 levels deep",
        "",
        None,
    ),
    (
        "too-deep-toml",
        "toml",
        'format = "clausekit/1"\nid = ' + "[" * 100 + "]" * 100 + "\n",
        None,
        "nested more than 64 levels deep",
        "",
        None,
    ),
    (
        "missing-format",
        "toml",
        edit(BASE_TOML, 'format = "clausekit/1"\n', ""),
        None,
        "missing required key 'format'; start the file with format = 'clausekit/1'",
        "format",
        None,
    ),
    (
        "unknown-version",
        "json",
        edit(BASE_JSON, '"format": "clausekit/1"', '"format": "clausekit/9"'),
        None,
        "unknown format 'clausekit/9'; this version of clausekit reads 'clausekit/1'",
        "format",
        '"format": "clausekit/9"',
    ),
    (
        "yaml-python-tag",
        "yaml",
        edit(BASE_YAML, "  title: Signed", "  title: !!python/object/apply:os.system ['echo hi']"),
        None,
        "YAML tag not allowed",
        "",
        "!!python/object",
    ),
    (
        "unknown-claim",
        "toml",
        edit(BASE_TOML, f'claim = "{CLAIM}"', f'claim = "{CLAIM}x"'),
        ck.EvidenceError,
        f"No claim '{CLAIM}x' in the evidence base. Did you mean '{CLAIM}'",
        "amendments[0].adds[0].evidence[0].claim",
        f'claim = "{CLAIM}x"',
    ),
    (
        "float-rate",
        "yaml",
        edit(BASE_YAML, "rate: '0.20'", "rate: 0.2"),
        None,
        "found the float 0.2; rates must be exact. Write it as a string",
        "amendments[0].adds[1].rate",
        "rate: 0.2",
    ),
    (
        "rate-out-of-range",
        "json",
        edit(BASE_JSON, '"rate": "0.20"', '"rate": "1.5"'),
        ck.InvalidRateError,
        "rate=Decimal('1.5') is not a rate: a rate is an exact decimal between 0 and 1",
        "amendments[0].adds[1].rate",
        '"rate": "1.5"',
    ),
    (
        "lone-string-for-list",
        "toml",
        edit(BASE_TOML, 'scope = ["DE"]', 'scope = "DE"'),
        None,
        "expected a list of text items, found the text 'DE'. Write a list such as ['DE']",
        "amendments[0].adds[0].scope",
        'scope = "DE"',
    ),
    (
        "unknown-currency",
        "toml",
        edit(BASE_TOML, 'currency = "EUR"', 'currency = "EUX"'),
        None,
        "'EUX' is not an ISO 4217 currency code",
        "amendments[0].adds[1].cap.currency",
        'currency = "EUX"',
    ),
    (
        "datetime-not-day",
        "yaml",
        edit(BASE_YAML, "effective: '2021-06-01'", "effective: 2021-06-01 10:30:00"),
        ck.NotADayError,
        "is a date and time, but clausekit answers per calendar day",
        "amendments[1].effective",
        "effective: 2021-06-01 10:30:00",
    ),
    (
        "duplicate-json-key",
        "json",
        edit(BASE_JSON, '"title": "Signed",', '"title": "Signed",\n      "title": "Again",'),
        None,
        "the key 'title' is given twice",
        "amendments[0].title",
        '"title": "Again"',
    ),
    (
        "duplicate-yaml-key",
        "yaml",
        edit(BASE_YAML, "  title: Signed", "  title: Signed\n  title: Again"),
        None,
        "the key 'title' is given twice",
        "amendments[0].title",
        "title: Again",
    ),
    (
        "enum-typo",
        "toml",
        edit(
            BASE_TOML,
            'kind = "agi"\nid = "agi"\ntitle = "AGI"\ndeclared_by = "Acme"\n'
            'profit_threshold = { amount = "100000000000", currency = "USD" }\nends = ["rs"]',
            'kind = "right-of-first-refusal"\nid = "rofr"\ntitle = "ROFR"\ngrantor = "Acme"\n'
            'holder = "Beta"\ntriggers = ["decline"]',
        ),
        None,
        "found the text 'decline'. Did you mean 'declined'?",
        "amendments[1].adds[0].triggers[0]",
        'triggers = ["decline"]',
    ),
    (
        "not-a-mapping",
        "json",
        "[1, 2, 3]\n",
        None,
        "expected a mapping of the agreement's fields, found a list",
        "",
        None,
    ),
    (
        "id-with-space",
        "toml",
        edit(BASE_TOML, 'id = "excl-de"', 'id = "excl de"'),
        ck.AgreementError,
        "'excl de' must be a non-empty id without spaces",
        "amendments[0].adds[0].id",
        'id = "excl de"',
    ),
    (
        "empty-yaml",
        "yaml",
        "# nothing here\n",
        None,
        "the file is empty",
        "",
        None,
    ),
    (
        "unknown-money-key",
        "toml",
        edit(BASE_TOML, 'currency = "USD"', 'currency = "USD", cents = "0"'),
        None,
        "unknown key 'cents' for money",
        "amendments[1].adds[0].profit_threshold.cents",
        'cents = "0"',
    ),
    (
        "format-typo",
        "yaml",
        edit(BASE_YAML, "format: clausekit/1", "formt: clausekit/1"),
        None,
        "unknown key 'formt'. Did you mean 'format'? It is required and missing",
        "formt",
        "formt: clausekit/1",
    ),
    (
        "yaml-word-that-is-not-text",
        "yaml",
        edit(BASE_YAML, "- name: Acme", "- name: yes"),
        None,
        "expected text, found true (a boolean). Put it in quotes to make it text.",
        "parties[0].name",
        "- name: yes",
    ),
    (
        "no-amendments",
        "json",
        '{"format": "clausekit/1", "id": "x", "title": "X", "parties": [],\n "amendments": []}',
        ck.AgreementError,
        "has no amendments",
        "amendments",
        '"amendments": []',
    ),
    (
        "null-value",
        "json",
        edit(BASE_JSON, '"rate": "0.20"', '"rate": null'),
        None,
        "found nothing (null); leave the key out instead",
        "amendments[0].adds[1].rate",
        '"rate": null',
    ),
]


def raised(text: str, fmt: str, source: str = "deal") -> ContractFileError:
    with pytest.raises(ContractFileError) as info:
        ck.loads(text, format=fmt, source=source)  # type: ignore[arg-type]
    return info.value
