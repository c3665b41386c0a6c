"""Contract files: round trips through TOML, YAML and JSON, clear errors, and the JSON Schema."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pendulum
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import clausekit as ck
from clausekit import io as ckio
from clausekit.errors import ContractFileError
from clausekit.evidence import evidence_base
from clausekit.schema import SCHEMA_FILE

FORMATS: tuple[ckio.Format, ...] = ("toml", "yaml", "json")
BASE = evidence_base()
CLAIM = BASE.claims[0].id


# --------------------------------------------------------------------------- strategies
#
# Local on purpose: small builders of valid agreements, covering every clause kind,
# amendments that add, end and replace, uncertain announcement dates, and money in
# several currencies.

PARTY_NAMES = ("Acme", "Beta GmbH", "Gamma SpA", "Δelta “D” Ltd", "Eta")
CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CHF")

ids = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
texts = st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=40).filter(
    lambda t: t.strip() != ""
)
optional_text = st.one_of(st.just(""), texts)
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)).map(
    lambda d: pendulum.Date(d.year, d.month, d.day)
)
day_forms = days.flatmap(
    lambda d: st.sampled_from([d, dt.date(d.year, d.month, d.day), d.isoformat()])
)


@st.composite
def decimals_with_places(draw: st.DrawFn, *, high: int) -> Decimal:
    places = draw(st.integers(0, 4))
    units = draw(st.integers(0, high * 10**places))
    return Decimal(units).scaleb(-places)


@st.composite
def money(draw: st.DrawFn) -> ck.Money:
    return ck.Money(draw(decimals_with_places(high=10**12)), draw(st.sampled_from(CURRENCIES)))


@st.composite
def evidence(draw: st.DrawFn) -> ck.Evidence:
    choice = draw(st.integers(0, 2))
    claim = draw(st.one_of(st.none(), ids.map(lambda i: "x." + i)))
    if choice == 0:
        return ck.SeedExcerpt(
            document=draw(ids), excerpt=draw(texts), gloss=draw(texts), claim=claim
        )
    if choice == 1:
        return ck.OutsideSource(
            url="https://example.org/" + draw(ids),
            title=draw(texts),
            published=draw(day_forms),
            gloss=draw(texts),
            claim=claim,
        )
    return BASE.evidence(draw(st.sampled_from([c.id for c in BASE.claims[:20]])))


evidence_lists = st.lists(evidence(), min_size=1, max_size=2)


@st.composite
def clause(
    draw: st.DrawFn, clause_id: str, names: list[str], effective: pendulum.Date, known: list[str]
) -> ck.Clause:
    """One clause of any kind, naming parties from ``names`` and clause ids from ``known``."""
    party = st.sampled_from(names)
    subjects = st.frozensets(st.sampled_from(["training", "api", "DE", "models", "β"]), max_size=3)
    common: dict[str, Any] = {
        "id": clause_id,
        "title": draw(texts),
        "evidence": draw(evidence_lists),
        "note": draw(optional_text),
    }
    if draw(st.booleans()):
        common["until"] = effective.add(days=draw(st.integers(1, 4000)))
    kind = draw(st.sampled_from(sorted(ck.clauses.CLAUSE_KINDS)))
    refs = st.frozensets(st.sampled_from(known), max_size=2) if known else st.just(frozenset())
    if kind == "exclusivity":
        return ck.Exclusivity(
            **common,
            bound=draw(party),
            beneficiary=draw(party),
            verb=draw(st.sampled_from(["procure-compute", "appoint-distributor"])),
            scope=draw(subjects),
            consent_by=draw(st.one_of(st.none(), party)),
        )
    if kind == "right-of-first-refusal":
        return ck.RightOfFirstRefusal(
            **common,
            grantor=draw(party),
            holder=draw(party),
            scope=draw(subjects),
            triggers=draw(st.frozensets(st.sampled_from(list(ck.RofrTrigger)), min_size=1)),
        )
    if kind == "consent-requirement":
        return ck.ConsentRequirement(
            **common,
            bound=draw(party),
            consent_by=draw(st.one_of(st.none(), party)),
            verb="transfer-shares",
            scope=draw(subjects),
            counterparties=draw(st.frozensets(party, max_size=2)),
        )
    if kind == "waiver":
        return ck.Waiver(
            **common,
            granted_by=draw(party),
            grantee=draw(party),
            counterparties=draw(st.frozensets(party, max_size=2)),
            waives=draw(refs),
            one_off=draw(st.booleans()),
        )
    if kind == "agi":
        return ck.AGIClause(
            **common,
            declared_by=draw(party),
            verification_required=draw(st.booleans()),
            verifier=draw(optional_text),
            profit_threshold=draw(st.one_of(st.none(), money())),
            ends=draw(refs),
        )
    if kind == "ip-license":
        return ck.IPLicense(
            **common,
            licensor=draw(party),
            licensee=draw(party),
            scope=draw(subjects),
            excludes=draw(subjects),
            exclusive=draw(st.booleans()),
        )
    if kind == "revenue-share":
        return ck.RevenueShare(
            **common,
            payer=draw(party),
            payee=draw(party),
            rate=draw(st.one_of(st.none(), decimals_with_places(high=1).filter(lambda r: r <= 1))),
            reported_rate=draw(st.one_of(st.none(), st.just(Decimal("0.20")))),
            cap=draw(st.one_of(st.none(), money())),
        )
    if kind == "spend-commitment":
        return ck.SpendCommitment(
            **common,
            committer=draw(party),
            recipient=draw(party),
            amount=draw(st.one_of(st.none(), money())),
            scope=draw(subjects),
        )
    return ck.ComputeDeal(
        **common,
        buyer=draw(party),
        provider=draw(party),
        amount=draw(st.one_of(st.none(), money())),
        scope=draw(subjects),
        capacity_by=draw(st.one_of(st.none(), days)),
        hardware=draw(optional_text),
    )


@st.composite
def agreements(draw: st.DrawFn) -> ck.Agreement:
    """A valid agreement: parties, then amendments in date order that add, end and replace."""
    chosen = draw(st.lists(st.sampled_from(PARTY_NAMES), min_size=1, max_size=4, unique=True))
    parties = [
        ck.Party(
            name,
            aliases=(f"{name} Group",) if draw(st.booleans()) else (),
            description=draw(optional_text),
        )
        for name in chosen
    ]
    names = [n for p in parties for n in p.names]
    day = draw(days.filter(lambda d: d.year < 2060))
    counter = iter(range(1000))
    alive: list[str] = []
    amendments = []
    for number in range(draw(st.integers(1, 4))):
        if number:
            day = day.add(days=draw(st.integers(0, 900)))
        adds = [
            draw(clause(f"c{next(counter)}", names, day, alive))
            for _ in range(draw(st.integers(0 if number else 1, 3)))
        ]
        ends: list[str] = []
        replaces = []
        if number and alive:
            for old in draw(st.lists(st.sampled_from(alive), max_size=2, unique=True)):
                alive.remove(old)
                if draw(st.booleans()):
                    ends.append(old)
                else:
                    new = draw(clause(f"c{next(counter)}", names, day, alive))
                    replaces.append(ck.Replacement(old, new))
        announced: object = day
        pick = draw(st.integers(0, 2))
        if pick == 1:
            announced = day.add(days=draw(st.integers(0, 30)))
        elif pick == 2:
            earliest = day.subtract(days=draw(st.integers(0, 10)))
            announced = ck.DateRange(earliest, earliest.add(days=draw(st.integers(0, 20))))
        amendments.append(
            ck.Amendment(
                id=f"a{number}",
                title=draw(texts),
                effective=draw(st.sampled_from([day, day.isoformat()])),
                announced=announced,
                adds=adds,
                ends=ends,
                replaces=replaces,
                evidence=draw(evidence_lists),
                note=draw(optional_text),
            )
        )
        alive += [c.id for c in adds] + [r.new.id for r in replaces]
    first = amendments[0].effective
    return ck.Agreement(
        id=draw(ids),
        title=draw(texts),
        parties=parties,
        amendments=amendments,
        start=draw(st.one_of(st.none(), st.just(first.subtract(days=draw(st.integers(0, 99)))))),
        description=draw(optional_text),
        known_on=draw(st.one_of(st.none(), days)),
    )


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


# --------------------------------------------------------------------------- round trips


class TestRoundTrip:
    @settings(max_examples=40)
    @given(agreement=agreements(), fmt=st.sampled_from(FORMATS))
    def test_every_format_gives_back_an_equal_agreement(
        self, agreement: ck.Agreement, fmt: ckio.Format
    ) -> None:
        """agreement → file text → agreement is ==, with exact types and money kept."""
        text = ck.dumps(agreement, format=fmt)
        back = ck.loads(text, format=fmt)
        assert back == agreement
        assert_exact_types(back)
        assert_same_money(agreement, back)
        assert [a.id for a in back.amendments] == [a.id for a in agreement.amendments]
        for mine, theirs in zip(back.amendments, agreement.amendments, strict=True):
            assert [c.id for c in mine.adds] == [c.id for c in theirs.adds]

    @settings(max_examples=25)
    @given(agreement=agreements(), fmt=st.sampled_from(FORMATS))
    def test_text_is_stable(self, agreement: ck.Agreement, fmt: ckio.Format) -> None:
        """Writing what was read gives the same text again."""
        text = ck.dumps(agreement, format=fmt)
        assert ck.dumps(ck.loads(text, format=fmt), format=fmt) == text

    @settings(max_examples=25)
    @given(agreement=agreements())
    def test_dict_round_trip_and_input_untouched(self, agreement: ck.Agreement) -> None:
        """from_dict(to_dict(a)) == a, and from_dict does not modify its argument."""
        data = ckio.to_dict(agreement)
        kept = copy.deepcopy(data)
        assert ckio.from_dict(data) == agreement
        assert data == kept
        assert next(iter(data)) == "format"

    def test_files_on_disk(self, tmp_path: Path) -> None:
        """dump() picks the format by suffix and load() reads it back, for every suffix."""
        agreement = ck.load(write(tmp_path, "base.toml", BASE_TOML))
        for suffix in (".toml", ".yaml", ".yml", ".json"):
            path = tmp_path / f"deal{suffix}"
            ck.dump(agreement, path)
            assert ck.load(path) == agreement
        assert not list(tmp_path.glob(".*.tmp"))

    def test_native_dates_are_read_as_pendulum_dates(self) -> None:
        """TOML and YAML dates (datetime.date once parsed) become pendulum.Date, never date."""
        toml_deal = ck.loads(
            BASE_TOML.replace('effective = "2020-01-01"', "effective = 2020-01-01"), format="toml"
        )
        yaml_text = ck.dumps(toml_deal, format="yaml").replace("'2020-01-01'", "2020-01-01")
        for deal in (toml_deal, ck.loads(yaml_text, format="yaml")):
            day = deal.amendments[0].effective
            assert type(day) is pendulum.Date
            assert day == pendulum.Date(2020, 1, 1)

    def test_money_and_rates_are_strings_in_files(self) -> None:
        """Money is {amount, currency} with the amount as a string; a rate is a string."""
        data = ckio.to_dict(ck.loads(BASE_TOML, format="toml"))
        rs = data["amendments"][0]["adds"][1]
        assert rs["cap"] == {"amount": "1000000.50", "currency": "EUR"}
        assert rs["rate"] == "0.20"
        agi = data["amendments"][1]["adds"][0]
        assert agi["profit_threshold"] == {"amount": "100000000000", "currency": "USD"}

    def test_defaults_are_left_out_and_kind_comes_first(self) -> None:
        """Optional fields equal to their default are not written; each clause starts with kind."""
        data = ckio.to_dict(ck.loads(BASE_TOML, format="toml"))
        first = data["amendments"][0]
        assert "announced" not in first  # equal to effective
        assert "ends" not in first
        assert "replaces" not in first
        assert "note" not in first
        assert next(iter(first["adds"][0])) == "kind"
        assert "until" not in first["adds"][0]
        second = data["amendments"][1]
        assert second["announced"] == {"earliest": "2021-05-01", "latest": "2021-05-31"}

    def test_sets_are_sorted_lists_and_enums_values(self) -> None:
        """A frozenset is written as a sorted list; an enum by its value."""
        deal = ck.loads(BASE_TOML, format="toml")
        rofr = ck.RightOfFirstRefusal(
            id="r",
            title="R",
            evidence=[BASE.evidence(CLAIM)],
            grantor="Acme",
            holder="Beta",
            scope=["training", "api", "research"],
            triggers=["declined", "cannot-meet"],
        )
        later = ck.Amendment(
            id="late",
            title="L",
            effective="2030-01-01",
            evidence=[BASE.evidence(CLAIM)],
            adds=[rofr],
        )
        data = ckio.to_dict(attrs.evolve(deal, amendments=(*deal.amendments, later)))
        written = data["amendments"][-1]["adds"][0]
        assert written["scope"] == ["api", "research", "training"]
        assert written["triggers"] == ["cannot-meet", "declined"]

    def test_claim_references(self) -> None:
        """Evidence equal to the base's for its claim is written {claim}; anything else inline."""
        exact = BASE.evidence(CLAIM)
        changed = attrs.evolve(exact, gloss=exact.gloss + " (edited)")
        deal = ck.loads(BASE_TOML, format="toml")
        amendment = attrs.evolve(deal.amendments[0], evidence=(exact, changed))
        data = ckio.to_dict(attrs.evolve(deal, amendments=(amendment, *deal.amendments[1:])))
        written = data["amendments"][0]["evidence"]
        assert written[0] == {"claim": CLAIM}
        assert written[1]["gloss"].endswith("(edited)")
        assert written[1]["claim"] == CLAIM
        assert ckio.from_dict(data).amendments[0].evidence == (exact, changed)

    def test_consent_requirement_without_consenter(self) -> None:
        """consent_by=None (a flat prohibition) is left out of the file and read back as None."""
        flat = ck.ConsentRequirement(
            id="no-sale",
            title="No sale",
            evidence=[BASE.evidence(CLAIM)],
            bound="Acme",
            consent_by=None,
            verb="transfer-shares",
        )
        deal = ck.loads(BASE_TOML, format="toml")
        later = ck.Amendment(
            id="late",
            title="L",
            effective="2030-01-01",
            evidence=[BASE.evidence(CLAIM)],
            adds=[flat],
        )
        deal = attrs.evolve(deal, amendments=(*deal.amendments, later))
        for fmt in FORMATS:
            text = ck.dumps(deal, format=fmt)
            assert "consent_by" not in json.dumps(ckio.to_dict(deal)["amendments"][-1])
            read = ck.loads(text, format=fmt).amendments[-1].adds[0]
            assert isinstance(read, ck.ConsentRequirement)
            assert read.consent_by is None

    def test_bundled_model_round_trips(self) -> None:
        """The bundled contract file reads, and survives every format unchanged."""
        model = Path(ck.__file__).parent / "models" / "openai_microsoft.toml"
        deal = ck.load(model)
        for fmt in FORMATS:
            assert ck.loads(ck.dumps(deal, format=fmt), format=fmt) == deal


# --------------------------------------------------------------------------- malformed files

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
        "unknown clause kind 'exclusivty'. Did you mean 'exclusivity'?",
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


class TestBadFiles:
    @pytest.mark.parametrize(
        ("fmt", "text", "cause", "fragment", "path", "marker"),
        [pytest.param(*case[1:], id=case[0]) for case in BAD_FILES],
    )
    def test_each_problem_is_reported_clearly(
        self,
        fmt: str,
        text: str,
        cause: type[Exception] | None,
        fragment: str,
        path: str,
        marker: Marker,
    ) -> None:
        """The error names the file, the field path, the line, and says what is wrong."""
        error = raised(text, fmt, source=f"deal.{fmt}")
        messages = [p.message for p in error.problems]
        assert any(fragment in m for m in messages), messages
        problem = next(p for p in error.problems if fragment in p.message)
        assert problem.path == path
        if marker is not None:
            assert problem.line == line_of(text, marker), str(error)
        assert str(error).startswith(f"deal.{fmt}: ")
        if cause is not None:
            assert isinstance(error.__cause__, cause), repr(error.__cause__)
        assert isinstance(error, ck.ClauseKitError)
        assert isinstance(error, ValueError)

    def test_the_table_is_long_enough(self) -> None:
        """At least twenty kinds of malformed files are covered."""
        assert len(BAD_FILES) >= 20

    def test_syntax_errors_carry_their_line(self) -> None:
        """Parser errors in each format name the line the parser stopped at."""
        toml_error = raised(edit(BASE_TOML, 'title = "Signed"', 'title = "Signed'), "toml")
        assert toml_error.problems[0].line == line_of(BASE_TOML, 'title = "Signed"')
        yaml_text = edit(BASE_YAML, "  title: Signed", "  title: [Signed")
        assert raised(yaml_text, "yaml").problems[0].line is not None
        json_text = edit(BASE_JSON, '"title": "Signed",', '"title": "Signed"')
        assert raised(json_text, "json").problems[0].line == line_of(json_text, '"effective"')

    def test_all_problems_at_once(self) -> None:
        """A file with three mistakes lists all three, each at its own line."""
        text = edit(BASE_TOML, 'beneficiary = "Beta"', 'beneficary = "Beta"')
        text = edit(text, 'effective = "2021-06-01"', 'effective = "2021-06-31"')
        text = edit(text, 'amount = "100000000000"', "amount = 1.5")
        error = raised(text, "toml", source="three.toml")
        unknown = [p for p in error.problems if "beneficary" in p.path]
        dates = [p for p in error.problems if p.path == "amendments[1].effective"]
        floats = [p for p in error.problems if p.path.endswith("profit_threshold.amount")]
        assert len(unknown) == len(dates) == len(floats) == 1
        assert str(error).startswith("three.toml: 3 problems found")
        assert "It is required and missing" in unknown[0].message
        assert {p.line for p in error.problems} >= {
            line_of(text, "beneficary"),
            line_of(text, "2021-06-31"),
            line_of(text, "amount = 1.5"),
        }

    def test_unknown_parties_are_all_reported(self) -> None:
        """Every unknown party name is reported, not only the first."""
        text = edit(BASE_TOML, 'beneficiary = "Beta"', 'beneficiary = "Betta"')
        text = edit(text, 'payer = "Acme"', 'payer = "Acme Inc"')
        error = raised(text, "toml")
        assert [p.path for p in error.problems] == [
            "amendments[0].adds[0].beneficiary",
            "amendments[0].adds[1].payer",
        ]

    def test_oversized_file_is_refused_before_parsing(self, tmp_path: Path) -> None:
        """A file over 5 MiB is refused by size, whatever it holds."""
        path = write(tmp_path, "big.toml", BASE_TOML + "# " + "x" * ckio.MAX_BYTES + "\n")
        with pytest.raises(ContractFileError, match="over the limit of 5,242,880 bytes"):
            ck.load(path)
        with pytest.raises(ContractFileError, match="over the limit"):
            ck.loads(path.read_text(encoding="utf-8"), format="toml")

    def test_yaml_alias_bomb_is_refused(self) -> None:
        """Aliases that expand to millions of values are refused, not expanded."""
        lines = ["format: clausekit/1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 8)]
        with pytest.raises(ContractFileError, match="aliases expand to"):
            ck.loads("\n".join(lines) + "\n", format="yaml")

    def test_file_problems(self, tmp_path: Path) -> None:
        """A missing file, an unknown suffix and non-UTF-8 bytes are ContractFileErrors."""
        with pytest.raises(ContractFileError, match="cannot read the file"):
            ck.load(tmp_path / "missing.toml")
        with pytest.raises(
            ContractFileError, match=r"cannot tell the format from the suffix '\.txt'"
        ):
            ck.load(write(tmp_path, "deal.txt", BASE_TOML))
        bad = tmp_path / "latin1.toml"
        bad.write_bytes(BASE_TOML.encode() + b'note = "caf\xe9"\n')
        with pytest.raises(ContractFileError, match="not UTF-8") as info:
            ck.load(bad)
        assert info.value.problems[0].line == BASE_TOML.count("\n") + 1
        with pytest.raises(ContractFileError, match="unknown file format 'xml'"):
            ck.loads(BASE_TOML, format="xml")  # type: ignore[arg-type]

    def test_failed_load_changes_nothing(self) -> None:
        """A failed load leaves no trace: the next load of a good file works the same."""
        before = ckio.to_dict(BASE_DEAL)
        for case in BAD_FILES:
            with pytest.raises(ContractFileError):
                ck.loads(case[2], format=case[1])  # type: ignore[arg-type]
        assert ck.loads(BASE_TOML, format="toml") == BASE_DEAL
        assert ckio.to_dict(BASE_DEAL) == before

    def test_byte_order_mark_is_ignored(self) -> None:
        """Text starting with a byte order mark reads like text without one."""
        for fmt, text in (("toml", BASE_TOML), ("yaml", BASE_YAML), ("json", BASE_JSON)):
            assert ck.loads("\ufeff" + text, format=fmt) == BASE_DEAL  # type: ignore[arg-type]

    def test_json_schema_key_is_allowed(self) -> None:
        """A top-level $schema key (for editors) is accepted and ignored."""
        data = {"$schema": "./contract.schema.json", **ckio.to_dict(BASE_DEAL)}
        assert ck.loads(json.dumps(data), format="json") == BASE_DEAL


# --------------------------------------------------------------------------- JSON Schema


SCHEMA_CATCHES = {
    "wrong-kind",
    "float-money",
    "unknown-key",
    "missing-evidence",
    "empty-evidence",
    "negative-amount",
    "missing-format",
    "unknown-version",
    "float-rate",
    "lone-string-for-list",
    "unknown-money-key",
    "enum-typo",
    "not-a-mapping",
    "null-value",
    "format-typo",
    "yaml-word-that-is-not-text",
}


class TestSchema:
    def test_shipped_file_is_current(self) -> None:
        """The shipped schema equals json_schema(); run `python -m clausekit.schema` if not."""
        shipped = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
        assert shipped == ckio.json_schema(), "stale: run python -m clausekit.schema"
        assert SCHEMA_FILE.read_text(encoding="utf-8") == ckio.schema_text()

    def test_is_a_valid_draft_2020_12_schema(self) -> None:
        """The schema itself passes the draft 2020-12 meta-schema."""
        schema = ckio.json_schema()
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)

    def test_one_of_per_clause_kind(self) -> None:
        """Clauses are a oneOf with one entry per kind, each with a kind const."""
        schema = ckio.json_schema()
        refs = [r["$ref"].rsplit("/", 1)[1] for r in schema["$defs"]["Clause"]["oneOf"]]
        kinds = {schema["$defs"][name]["properties"]["kind"]["const"] for name in refs}
        assert kinds == set(ck.clauses.CLAUSE_KINDS)
        for name in refs:
            assert schema["$defs"][name]["additionalProperties"] is False

    def test_formats_and_patterns(self) -> None:
        """Days have format date; money amounts a digits pattern; currencies three letters."""
        defs = ckio.json_schema()["$defs"]
        assert defs["Day"]["format"] == "date"
        amount = defs["Money"]["properties"]["amount"]["pattern"]
        assert re.match(amount, "38000000000")
        assert re.match(amount, "12.50")
        assert not re.match(amount, "1e9")
        assert not re.match(amount, "-5")

    @settings(max_examples=30)
    @given(agreement=agreements())
    def test_written_files_are_valid(self, agreement: ck.Agreement) -> None:
        """Everything dump writes validates against the schema."""
        validator = validator_for_schema()
        assert list(validator.iter_errors(json.loads(ck.dumps(agreement, format="json")))) == []

    def test_sample_files_validate(self) -> None:
        """The sample files and the bundled model validate as parsed from TOML, YAML and JSON."""
        validator = validator_for_schema()
        for text, parse in ((BASE_YAML, yaml.safe_load), (BASE_JSON, json.loads)):
            assert list(validator.iter_errors(parse(text))) == []
        assert list(validator.iter_errors(tomllib.loads(BASE_TOML))) == []
        model = Path(ck.__file__).parent / "models" / "openai_microsoft.toml"
        assert list(validator.iter_errors(tomllib.loads(model.read_text(encoding="utf-8")))) == []

    @pytest.mark.parametrize(
        "case", [c for c in BAD_FILES if c[0] in SCHEMA_CATCHES], ids=lambda c: c[0]
    )
    def test_schema_rejects_what_the_loader_rejects(self, case: tuple[Any, ...]) -> None:
        """Shape errors the loader reports are schema violations too."""
        _, fmt, text, *_ = case
        parse: dict[str, Any] = {"toml": tomllib.loads, "yaml": yaml.safe_load, "json": json.loads}
        data = json.loads(json.dumps(parse[fmt](text), default=str))
        assert list(validator_for_schema().iter_errors(data))


def validator_for_schema() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        ckio.json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
