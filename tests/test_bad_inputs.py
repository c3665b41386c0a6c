"""One table of bad inputs, through the Python API, contract files and the command line.

Each row is an input, what it must raise (an error class, or for the command
line an exit code with one line on stderr), and two fragments the message
must contain: the offending value as the user wrote it, and the fix. Rows
marked ``xfail`` document messages that fall short today (reported, not
worked around); they start passing, and must then lose the mark, once the
message is fixed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import clausekit as ck
from clausekit import cli
from clausekit import io as contract_io
from clausekit.errors import ArgumentTypeError, QuestionTooLargeError, RenderFormatError

SRC = ck.OutsideSource(
    url="https://example.org/bad-inputs", title="Fixture", published="2020-01-01", gloss="g"
)


def exclusivity(**fields: Any) -> ck.Exclusivity:
    """Acme may procure compute only from Beta, unless Beta consents (fields override)."""
    values: dict[str, Any] = {
        "id": "excl",
        "title": "Exclusive cloud",
        "evidence": [SRC],
        "bound": "Acme",
        "beneficiary": "Beta",
        "consent_by": "Beta",
    }
    return ck.Exclusivity(**{**values, **fields})


def revenue_share(**fields: Any) -> ck.RevenueShare:
    """Acme pays Beta a share of its revenue, capped at USD 100 (fields override)."""
    values: dict[str, Any] = {
        "id": "rs",
        "title": "Revenue share",
        "evidence": [SRC],
        "payer": "Acme",
        "payee": "Beta",
        "cap": ("100", "USD"),
    }
    return ck.RevenueShare(**{**values, **fields})


def amendment(**fields: Any) -> ck.Amendment:
    """The original agreement: the exclusivity and the revenue share (fields override)."""
    values: dict[str, Any] = {
        "id": "signed",
        "title": "Signed",
        "effective": "2020-01-01",
        "evidence": [SRC],
        "adds": [exclusivity(), revenue_share()],
    }
    return ck.Amendment(**{**values, **fields})


PARTIES = [ck.Party("Acme", aliases=("ACME Corp",)), ck.Party("Beta")]


def agreement(*later: ck.Amendment, parties: list[ck.Party] = PARTIES) -> ck.Agreement:
    """Acme and Beta's agreement, with any later amendments."""
    return ck.Agreement(id="deal", title="Deal", parties=parties, amendments=[amendment(), *later])


DEAL = agreement()
TRAINING = ck.ProcureCompute(buyer="Acme", provider="Beta", workload="training")


def renewals(count: int) -> ck.Agreement:
    """``count`` renewals a day apart, each adding an exclusivity over territory T0."""
    amendments = [
        ck.Amendment(
            id=f"r{i}",
            title=f"Renewal {i}",
            effective=dt.date(2020, 1, 1) + dt.timedelta(days=i),
            evidence=[SRC],
            adds=[
                exclusivity(id=f"t{i}", verb="appoint-distributor", scope=["T0"], consent_by=None)
            ],
        )
        for i in range(count)
    ]
    return ck.Agreement(id="renewals", title="Renewals", parties=PARTIES, amendments=amendments)


T0 = ck.AppointDistributor(principal="Acme", distributor="Beta", territory="T0")


def ask(**kwargs: Any) -> Callable[[], object]:
    """A question to the fixture agreement about procuring training compute from Beta."""
    return lambda: DEAL.ask(TRAINING, **kwargs)


def load_fifo() -> object:
    """ck.load() on a named pipe no one writes to (it once waited forever)."""
    os.mkfifo("pipe.toml")
    return contract_io.load("pipe.toml")


def scenario(*facts: Any) -> Callable[[], object]:
    """Asking on 2025-01-15 under a scenario of ``facts``."""
    return lambda: DEAL.ask(TRAINING, on="2025-01-15", scenario=ck.Scenario(*facts))


CONTRACT = """\
format = "clausekit/1"
id = "deal"
title = "Deal"
[[parties]]
name = "Acme"
[[parties]]
name = "Beta"
[[amendments]]
id = "signed"
title = "Signed"
effective = "2020-01-01"
evidence = [ { url = "https://example.org/x", title = "X", published = "2020-01-01", gloss = "g" } ]
[[amendments.adds]]
kind = "revenue-share"
id = "rs"
title = "RS"
payer = "Acme"
payee = "Beta"
rate = "0.20"
evidence = [ { url = "https://example.org/x", title = "X", published = "2020-01-01", gloss = "g" } ]
"""


def contract(old: str, new: str, *, fmt: contract_io.Format = "toml") -> Callable[[], object]:
    """Loading :data:`CONTRACT` with ``old`` replaced by ``new``."""
    assert old in CONTRACT
    return lambda: contract_io.loads(CONTRACT.replace(old, new), format=fmt, source="deal.toml")


def text(content: str, fmt: contract_io.Format) -> Callable[[], object]:
    """Loading ``content`` as a file in ``fmt``."""
    return lambda: contract_io.loads(content, format=fmt, source=f"deal.{fmt}")


YAML_CONTRACT = contract_io.dumps(contract_io.loads(CONTRACT, format="toml"), format="yaml")
JSON_CONTRACT = contract_io.dumps(contract_io.loads(CONTRACT, format="toml"), format="json")


@attrs.frozen
class Row:
    """One bad input: what it is, what it must raise or exit with, and two message fragments.

    ``run`` is a callable (API and files) or a command line (a list of words,
    run in a folder holding ``deal.toml``). ``expect`` is an error class, or
    the command line's exit code.
    """

    id: str
    run: Callable[[], object] | list[str]
    expect: type[ck.ClauseKitError] | int
    value: str
    fix: str
    shortfall: str = ""


A = ["--buyer", "Acme", "--provider", "Beta", "--workload", "training"]

ROWS: list[Row] = [
    # ---------------------------------------------------------------- dates
    Row(
        "date/impossible",
        ask(on="2025-02-30"),
        ck.InvalidDateError,
        "on='2025-02-30'",
        "Pass an ISO date such as '2025-01-15'",
    ),
    Row("date/format", ask(on="15/01/2025"), ck.InvalidDateError, "'15/01/2025'", "YYYY-MM-DD"),
    Row(
        "date/datetime",
        ask(on=dt.datetime(2025, 1, 15, 9, 30)),
        ck.NotADayError,
        "datetime.datetime(2025, 1, 15, 9, 30)",
        "on='2025-01-15'",
    ),
    Row(
        "date/int",
        ask(on=20250115),
        ck.NotADayError,
        "on=20250115",
        "an ISO string like '2025-01-15'",
    ),
    Row(
        "date/compare",
        lambda: DEAL.compare(TRAINING, "2025-01-01", "tomorrow"),
        ck.InvalidDateError,
        "second='tomorrow'",
        "YYYY-MM-DD",
    ),
    Row(
        "date/as-known-on-too-early",
        lambda: DEAL.as_known_on("2010-01-01"),
        ck.AgreementError,
        "2010-01-01",
        "Ask as known on a later day",
    ),
    Row(
        "date/range-inverted",
        lambda: ck.DateRange("2025-01-10", "2025-01-01"),
        ck.InvalidPeriodError,
        "latest=2025-01-01",
        "in that order",
    ),
    Row(
        "date/amendment",
        lambda: amendment(effective="2020-13-01"),
        ck.InvalidDateError,
        "effective='2020-13-01'",
        "Pass an ISO date",
    ),
    Row(
        "date/until-before-start",
        lambda: agreement(
            amendment(
                id="late", effective="2021-01-01", adds=[exclusivity(id="e2", until="2020-06-01")]
            )
        ),
        ck.InvalidPeriodError,
        "2020-06-01",
        "fix 'until' or the amendment's date",
    ),
    # ---------------------------------------------------------------- periods
    Row(
        "period/words",
        ask(during="last year"),
        ck.InvalidPeriodError,
        "during='last year'",
        "a month ('2025-01')",
    ),
    Row(
        "period/month-13",
        ask(during="2025-13"),
        ck.InvalidDateError,
        "during='2025-13'",
        "month must be 01 to 12",
    ),
    Row(
        "period/inverted",
        lambda: ck.Period("2025-03-01", "2025-01-01"),
        ck.InvalidPeriodError,
        "ends on 2025-01-01",
        "Swap the dates",
    ),
    Row(
        "period/open-timeline",
        ask(during="2025-01-01/.."),
        ck.InvalidPeriodError,
        "during=2025-01-01/..",
        "Give an end day",
    ),
    Row(
        "period/timeline-inverted",
        lambda: DEAL.timeline(TRAINING, start="2025-01-01", end="2024-01-01"),
        ck.InvalidPeriodError,
        "2024-01-01",
        "Swap the dates",
    ),
    Row(
        "period/empty",
        lambda: ck.Period("2025-01-01", "2025-01-01"),
        ck.InvalidPeriodError,
        "2025-01-01",
        "must end after it starts",
    ),
    Row(
        "period/revenue-open",
        lambda: DEAL.revenue_share("Acme", revenue="100 USD", during="2025-01-01/.."),
        ck.InvalidPeriodError,
        "during=2025-01-01/..",
        "e.g. during=",
    ),
    Row(
        "period/outside-timeline",
        lambda: DEAL.timeline(TRAINING, start="2025-01-01", end="2025-02-01").at("2026-01-01"),
        ck.InvalidPeriodError,
        "day=2026-01-01",
        "ask about a day inside it",
    ),
    # ---------------------------------------------------------------- parties and actions
    Row(
        "party/unknown",
        lambda: DEAL.ask(
            ck.ProcureCompute(buyer="Acme", provider="Betta", workload="training"), on="2025-01-01"
        ),
        ck.UnknownPartyError,
        "'Betta'",
        "Did you mean 'Beta'?",
    ),
    Row(
        "party/unknown-in-scenario",
        scenario(ck.ConsentGiven(by="Gamma")),
        ck.UnknownPartyError,
        "'Gamma'",
        "Known parties and aliases: ACME Corp, Acme, Beta",
    ),
    Row(
        "party/unknown-in-clause",
        lambda: agreement(
            amendment(id="x", effective="2021-01-01", adds=[exclusivity(id="e2", bound="Acmee")])
        ),
        ck.UnknownPartyError,
        "'Acmee'",
        "Did you mean 'Acme'",
    ),
    Row(
        "party/spaces",
        lambda: ck.Party(" Acme"),
        ck.AgreementError,
        "' Acme'",
        "without surrounding spaces",
    ),
    Row(
        "party/alias-string",
        lambda: ck.Party("Acme", aliases="ACME"),
        ck.AgreementError,
        "'ACME'",
        "pass a tuple such as ('ACME',)",
    ),
    Row(
        "party/duplicate",
        lambda: agreement(parties=[ck.Party("Acme"), ck.Party("acme"), ck.Party("Beta")]),
        ck.AgreementError,
        "'acme'",
        "must be unique",
    ),
    Row(
        "action/blank-buyer",
        lambda: ck.ProcureCompute(buyer="", provider="Beta", workload="training"),
        ck.InvalidActionError,
        "buyer=''",
        "must name a party",
    ),
    Row(
        "action/workload",
        lambda: ck.ProcureCompute(buyer="Acme", provider="Beta", workload="gaming"),
        ck.InvalidActionError,
        "'gaming'",
        "use one of training, research, inference, api",
    ),
    # ---------------------------------------------------------------- money and currencies
    Row(
        "money/float",
        lambda: ck.Revenue(amount=(1.5, "USD"), period="2025"),
        ck.InvalidAmountError,
        "1.5",
        "Pass a string or Decimal",
    ),
    Row(
        "money/currency",
        lambda: ck.Revenue(amount="10 XYZ", period="2025"),
        ck.InvalidAmountError,
        "'XYZ'",
        "use one such as 'USD'",
    ),
    Row(
        "money/words",
        lambda: ck.Revenue(amount="ten USD", period="2025"),
        ck.InvalidAmountError,
        "'ten'",
        "('38000000000', 'USD')",
    ),
    Row(
        "money/negative",
        lambda: ck.Revenue(amount="-10 USD", period="2025"),
        ck.InvalidAmountError,
        "USD -10",
        "zero or more",
    ),
    Row(
        "money/cap-currency",
        lambda: DEAL.revenue_share(
            "Acme",
            revenue="100 EUR",
            during="2021",
            scenario=ck.Scenario(ck.AssumedRate("rs", "0.2")),
        ),
        ck.CurrencyMismatchError,
        "EUR 20",
        "Convert one amount first",
    ),
    Row(
        "money/profit-currency",
        lambda: ck.AGIClause(
            id="agi", title="AGI", evidence=[SRC], declared_by="Acme", profit_threshold=("1", "USD")
        ).profit_test(ck.Money("1", "EUR")),
        ck.CurrencyMismatchError,
        "AGI clause 'agi'",
        "clausekit never assumes an exchange rate",
    ),
    # ---------------------------------------------------------------- rates
    Row(
        "rate/float",
        lambda: ck.AssumedRate("rs", 0.2),
        ck.InvalidRateError,
        "rate=0.2",
        "Decimal('0.20') or '0.20'",
    ),
    Row(
        "rate/above-one",
        lambda: ck.AssumedRate("rs", "1.5"),
        ck.InvalidRateError,
        "'1.5'",
        "between 0 and 1",
    ),
    Row(
        "rate/percent", lambda: ck.AssumedRate("rs", "20%"), ck.InvalidRateError, "'20%'", "'0.20'"
    ),
    Row(
        "rate/negative",
        lambda: revenue_share(rate="-0.1"),
        ck.InvalidRateError,
        "rate='-0.1'",
        "between 0 and 1",
    ),
    # ---------------------------------------------------------------- facts
    Row(
        "fact/not-a-fact",
        lambda: ck.Scenario("consent"),
        ck.InvalidFactError,
        "'consent'",
        "Fact kinds: agi-declared",
    ),
    Row(
        "fact/contradiction",
        lambda: ck.Scenario(ck.ConsentGiven(by="Beta"), ck.ConsentRefused(by="Beta")),
        ck.ContradictoryFactsError,
        "ConsentRefused(by='Beta')",
        "Keep one of them",
    ),
    Row(
        "fact/alias-contradiction",
        scenario(ck.ConsentGiven(by="Acme"), ck.ConsentRefused(by="ACME Corp")),
        ck.ContradictoryFactsError,
        "'ACME Corp'",
        "Keep one of them",
    ),
    Row(
        "fact/blank-party",
        lambda: ck.OfferDeclined(by=""),
        ck.InvalidFactError,
        "by=''",
        "e.g. OfferDeclined(by=",
    ),
    Row(
        "fact/verified-type",
        lambda: ck.AGIDeclared(on="2030-01-01", verified="yes"),
        ck.InvalidFactError,
        "'yes'",
        "True, False or None",
    ),
    Row(
        "fact/verified-before-declared",
        lambda: ck.AGIDeclared(on="2030-01-01", verified=True, verified_on="2029-01-01"),
        ck.InvalidFactError,
        "2029-01-01",
        "on or after the day it is made",
    ),
    Row(
        "fact/two-agi-declarations",
        lambda: ck.Scenario(ck.AGIDeclared(on="2030-01-01"), ck.AGIDeclared(on="2031-01-01")),
        ck.ContradictoryFactsError,
        "2031",
        "Keep one of them",
    ),
    Row(
        "fact/scenario-list",
        lambda: DEAL.ask(TRAINING, on="2025-01-01", scenario=[ck.ConsentGiven(by="Beta")]),
        ck.QuestionError,
        "scenario=[ConsentGiven(by='Beta')]",
        "Scenario(fact, ...)",
    ),
    # ---------------------------------------------------------------- questions and agreements
    Row(
        "question/neither",
        ask(),
        ck.QuestionError,
        "got neither",
        "deal.ask(action, on='2025-01-15')",
    ),
    Row(
        "question/action-none",
        lambda: DEAL.ask(None, on="2025-01-15"),  # type: ignore[arg-type]
        ck.QuestionError,
        "action=None is not a clausekit action",
        "ask about one such as ck.ProcureCompute(...)",
    ),
    Row(
        "question/action-text",
        lambda: DEAL.ask("x", on="2025-01-15"),  # type: ignore[arg-type]
        ck.QuestionError,
        "action='x' is not a clausekit action",
        "ask about one such as ck.ProcureCompute(...)",
    ),
    Row(
        "question/explain-width-zero",
        lambda: DEAL.ask(TRAINING, on="2025-01-15").explain(width=0),
        RenderFormatError,
        "width=0 is too narrow",
        "pass a width of 40 or more",
    ),
    Row(
        "question/both",
        ask(on="2025-01-01", during="2025"),
        ck.QuestionError,
        "during='2025'",
        "Drop one of them",
    ),
    Row(
        "question/no-revenue",
        lambda: DEAL.revenue_share("Acme"),
        ck.QuestionError,
        "found 0",
        "pass revenue= and during=",
    ),
    Row(
        "question/unknown-clause",
        lambda: DEAL.clause("exlc"),
        ck.UnknownClauseError,
        "'exlc'",
        "Did you mean 'excl'?",
    ),
    Row(
        "question/too-large",
        lambda: renewals(500).timeline(T0, start="2020-01-01", end="2022-01-01"),
        QuestionTooLargeError,
        "would take 125,250 rulings",
        "Ask about a shorter period, or a narrower action",
    ),
    Row(
        "agreement/ends-string",
        lambda: amendment(ends="excl"),
        ck.AgreementError,
        "ends='excl'",
        "pass a list such as ['excl']",
    ),
    Row(
        "agreement/ends-unknown",
        lambda: agreement(amendment(id="x", effective="2021-01-01", adds=[], ends=["exlc"])),
        ck.UnknownClauseError,
        "'exlc'",
        "Did you mean 'excl'?",
    ),
    Row(
        "agreement/unordered",
        lambda: agreement(amendment(id="x", effective="2019-01-01", adds=[])),
        ck.AgreementError,
        "2019-01-01",
        "List amendments in order of their effective dates",
    ),
    Row(
        "agreement/scope-string",
        lambda: exclusivity(scope="api"),
        ck.AgreementError,
        "scope='api'",
        "pass a list such as ['api']",
    ),
    Row(
        "agreement/clause-id",
        lambda: exclusivity(id="my clause"),
        ck.AgreementError,
        "'my clause'",
        "without spaces",
    ),
    Row(
        "agreement/trigger",
        lambda: ck.RightOfFirstRefusal(
            id="r", title="R", evidence=[SRC], grantor="Acme", holder="Beta", triggers=["refused"]
        ),
        ck.AgreementError,
        "'refused'",
        "declined, cannot-meet",
    ),
    Row(
        "evidence/url",
        lambda: ck.OutsideSource(url="example.org", title="X", published="2020-01-01", gloss="g"),
        ck.EvidenceError,
        "'example.org'",
        "starting with 'https://'",
    ),
    Row(
        "evidence/none",
        lambda: exclusivity(evidence=[]),
        ck.EvidenceError,
        "'excl'",
        "cite at least one",
    ),
    # ---------------------------------------------------------------- contract files
    Row(
        "file/float-rate",
        contract('rate = "0.20"', "rate = 0.2"),
        ck.ContractFileError,
        "0.2",
        "Write it as a string",
    ),
    Row(
        "file/impossible-date",
        contract('effective = "2020-01-01"', 'effective = "2020-02-30"'),
        ck.ContractFileError,
        "'2020-02-30'",
        "Pass an ISO date",
    ),
    Row(
        "file/datetime",
        contract('effective = "2020-01-01"', "effective = 2020-01-01T10:00:00"),
        ck.ContractFileError,
        "datetime.datetime(2020, 1, 1, 10, 0)",
        "Pass a calendar day instead",
    ),
    Row(
        "file/unknown-kind",
        contract('kind = "revenue-share"', 'kind = "revenue-shares"'),
        ck.ContractFileError,
        "'revenue-shares'",
        "Did you mean 'revenue-share'?",
    ),
    Row(
        "file/unknown-key",
        contract('rate = "0.20"', 'rat = "0.20"'),
        ck.ContractFileError,
        "'rat'",
        "Did you mean 'rate'?",
    ),
    Row(
        "file/float-money",
        contract('rate = "0.20"', 'cap = { amount = 1.5, currency = "USD" }'),
        ck.ContractFileError,
        "1.5",
        'amount = "1.5"',
    ),
    Row(
        "file/currency",
        contract('rate = "0.20"', 'cap = { amount = "1", currency = "XYZ" }'),
        ck.ContractFileError,
        "'XYZ'",
        'such as "USD"',
    ),
    Row(
        "file/unknown-party",
        contract('payee = "Beta"', 'payee = "Betta"'),
        ck.ContractFileError,
        "'Betta'",
        "Did you mean 'Beta'?",
    ),
    Row(
        "file/format-version",
        contract('"clausekit/1"', '"clausekit/2"'),
        ck.ContractFileError,
        "'clausekit/2'",
        "Upgrade clausekit",
    ),
    Row(
        "file/unknown-claim",
        contract(
            'evidence = [ { url = "https://example.org/x", title = "X", published = "2020-01-01", gloss = "g" } ]\n[[amendments.adds]]',
            'evidence = [ { claim = "s001.rofr-triger" } ]\n[[amendments.adds]]',
        ),
        ck.ContractFileError,
        "'s001.rofr-triger'",
        "Did you mean 's001.rofr-trigger'",
    ),
    Row(
        "file/yaml-python-tag",
        text("format: clausekit/1\nid: !!python/object/apply:os.system ['true']\n", "yaml"),
        ck.ContractFileError,
        "python/object/apply:os.system",
        "remove the tag",
    ),
    Row(
        "file/yaml-duplicate-key",
        text("format: clausekit/1\nid: a\nid: b\n", "yaml"),
        ck.ContractFileError,
        "'id'",
        "keep one",
    ),
    Row(
        "file/json-list",
        text("[]", "json"),
        ck.ContractFileError,
        "found a list",
        "expected a mapping",
    ),
    Row(
        "file/format-name",
        lambda: contract_io.loads(CONTRACT, format="xml"),
        ck.ContractFileError,
        "'xml'",
        "use one of 'toml', 'yaml', 'json'",
    ),  # type: ignore[arg-type]
    Row(
        "file/suffix",
        lambda: contract_io.load("deal.txt"),
        ck.ContractFileError,
        "'.txt'",
        "or pass format=",
    ),
    # ---------------------------------------------------------------- reading and writing files
    Row(
        "file/load-none",
        lambda: contract_io.load(None),  # type: ignore[arg-type]
        ArgumentTypeError,
        "path=None",
        "Pass load() the path of a .toml, .yaml or .json file",
    ),
    Row(
        "file/loads-bytes",
        lambda: contract_io.loads(b"format = 1", format="toml"),  # type: ignore[arg-type]
        ArgumentTypeError,
        "text=b'format = 1'",
        "Decode the bytes first",
    ),
    Row(
        "file/format-type",
        lambda: contract_io.loads(CONTRACT, format=None),  # type: ignore[arg-type]
        ArgumentTypeError,
        "format=None",
        "one of 'toml', 'yaml', 'json'",
    ),
    Row(
        "file/from-dict-list",
        lambda: contract_io.from_dict([("format", "clausekit/1")]),  # type: ignore[arg-type]
        ArgumentTypeError,
        "data=[('format', 'clausekit/1')]",
        "Pass from_dict() a dict",
    ),
    Row(
        "file/dump-not-an-agreement",
        lambda: contract_io.dump("deal", "out.toml"),  # type: ignore[arg-type]
        ArgumentTypeError,
        "agreement='deal'",
        "Pass dump() an agreement",
    ),
    Row(
        "file/dump-no-directory",
        lambda: contract_io.dump(DEAL, "nodir/x.toml"),
        ck.ContractFileError,
        "'nodir'",
        "Create it first",
    ),
    Row(
        "file/dump-over-a-directory",
        lambda: contract_io.dump(DEAL, ".", format="toml"),
        ck.ContractFileError,
        "'.' exists and is a directory",
        "cannot write the file",
    ),
    Row(
        "file/load-directory",
        lambda: contract_io.load(".", format="toml"),
        ck.ContractFileError,
        "'.'",
        "Pass the path of a .toml, .yaml or .json file",
    ),
    Row(
        "file/load-device",
        lambda: contract_io.load(os.devnull, format="toml"),
        ck.ContractFileError,
        f"{os.devnull!r}: it is a device",
        "Pass the path of a .toml, .yaml or .json file",
    ),
    Row(
        "file/load-fifo",
        load_fifo,
        ck.ContractFileError,
        "'pipe.toml': it is a named pipe (FIFO)",
        "read its text and pass it to clausekit.io.loads()",
    ),
    Row(
        "file/json-unterminated-escapes",
        text('"' + '\\"' * 20000, "json"),
        ck.ContractFileError,
        "Unterminated string",
        "invalid JSON",
    ),
    Row(
        "file/toml-unterminated-escapes",
        text('a = "' + '\\"' * 20000, "toml"),
        ck.ContractFileError,
        "Unterminated string",
        "invalid TOML",
    ),
    Row(
        "file/yaml-impossible-date",
        text(YAML_CONTRACT.replace("'2020-01-01'", "2025-02-30", 1), "yaml"),
        ck.ContractFileError,
        "'2025-02-30'",
        "Pass an ISO date such as '2025-01-15'",
    ),
    Row(
        "file/json-long-number",
        text('{"format": "clausekit/1", "id": ' + "9" * 5000 + "}", "json"),
        ck.ContractFileError,
        "a number of 5,000 digits",
        "put it in quotes",
    ),
    Row(
        "file/toml-long-number",
        contract('id = "deal"', "id = " + "9" * 5000),
        ck.ContractFileError,
        "a number of 5,000 digits",
        "put it in quotes",
    ),
    Row(
        "file/yaml-long-number",
        text(YAML_CONTRACT.replace("id: deal", "id: " + "9" * 5000, 1), "yaml"),
        ck.ContractFileError,
        "a number of 5,000 characters",
        "put it in quotes",
    ),
    Row(
        "file/lone-surrogate",
        contract('title = "Deal"', 'title = "De\ud800al"'),
        ck.ContractFileError,
        "lone surrogate (U+D800)",
        "Decode the file as UTF-8, or remove the character",
    ),
    Row(
        "file/json-escaped-surrogate",
        text(JSON_CONTRACT.replace('"Deal"', '"De\\udc00al"', 1), "json"),
        ck.ContractFileError,
        "'De\\udc00al'",
        "write the full character",
    ),
    Row(
        "file/nan-amount",
        contract('rate = "0.20"', 'rate = "0.20"\ncap = { amount = nan, currency = "USD" }'),
        ck.ContractFileError,
        "found the float nan",
        'amount = "38000000000"',
    ),
    Row(
        "file/yaml-flat-list",
        text("- 1\n" * 600_000, "yaml"),
        ck.ContractFileError,
        "more than 500,000 values",
        "split the agreement",
    ),
    Row(
        "file/unknown-kind-suggests",
        contract('kind = "revenue-share"', 'kind = "revenue-shares"'),
        ck.ContractFileError,
        "'revenue-shares'",
        "Did you mean 'revenue-share'?",
    ),
    Row(
        "file/yaml-on-key",
        lambda: contract_io.loads_scenario(
            "format: clausekit/1\nfacts:\n- kind: offer-declined\n  by: Beta\n  on: 2025-03-01\n",
            format="yaml",
        ),
        ck.ContractFileError,
        "facts[0].on",
        "quote it: 'on'",
    ),
    Row(
        "cli/yaml-impossible-date",
        ["check", "bad-date.yaml"],
        cli.EXIT_INVALID_FILE,
        "bad-date.yaml:",
        "Pass an ISO date such as '2025-01-15'",
    ),
    # ---------------------------------------------------------------- the command line
    Row(
        "cli/impossible-day",
        ["ask", "deal.toml", *A, "--on", "2025-02-30"],
        cli.EXIT_USAGE,
        "'2025-02-30'",
        "Pass an ISO date",
    ),
    Row(
        "cli/datetime",
        ["in-force", "deal.toml", "--on", "2025-01-01T10:00"],
        cli.EXIT_USAGE,
        "'2025-01-01T10:00'",
        "--on='2025-01-01'",
    ),
    Row(
        "cli/period",
        ["ask", "deal.toml", *A, "--during", "lastyear"],
        cli.EXIT_USAGE,
        "'lastyear'",
        "a month ('2025-01')",
    ),
    Row(
        "cli/unknown-party",
        [
            "ask",
            "deal.toml",
            "--buyer",
            "Acme",
            "--provider",
            "Betta",
            "--workload",
            "training",
            "--on",
            "2025-01-01",
        ],
        cli.EXIT_USAGE,
        "'Betta'",
        "Did you mean 'Beta'?",
    ),
    Row(
        "cli/workload",
        [
            "ask",
            "deal.toml",
            "--buyer",
            "Acme",
            "--provider",
            "Beta",
            "--workload",
            "gaming",
            "--on",
            "2025-01-01",
        ],
        cli.EXIT_USAGE,
        "'gaming'",
        "choose from 'training'",
    ),
    Row(
        "cli/fact-kind",
        ["ask", "deal.toml", *A, "--on", "2025-01-01", "--fact", "declined:Beta"],
        cli.EXIT_USAGE,
        "'declined:Beta'",
        "Did you mean 'offer-declined'",
    ),
    Row(
        "cli/fact-rate",
        ["ask", "deal.toml", *A, "--on", "2025-01-01", "--fact", "assumed-rate:rs=20%"],
        cli.EXIT_USAGE,
        "'20%'",
        "'0.20'",
    ),
    Row(
        "cli/missing-file",
        ["ask", "nope.toml", *A, "--on", "2025-01-01"],
        cli.EXIT_USAGE,
        "'nope.toml'",
        "give the path of a .toml",
    ),
    Row(
        "cli/unknown-model",
        ["ask", "openai_microsft", *A, "--on", "2025-01-01"],
        cli.EXIT_USAGE,
        "'openai_microsft'",
        "Did you mean 'openai-microsoft'?",
    ),
    Row(
        "cli/invalid-file",
        ["check", "bad.toml"],
        cli.EXIT_INVALID_FILE,
        "'2025-02-30'",
        "Pass an ISO date",
    ),
    Row(
        "cli/revenue-float",
        ["revenue-share", "deal.toml", "--payer", "Acme", "--revenue", "1.5", "--during", "2025"],
        cli.EXIT_USAGE,
        "'1.5'",
        "'10000000000 USD'",
    ),
    Row(
        "cli/range-inverted",
        ["timeline", "deal.toml", *A, "--from", "2025-01-01", "--to", "2024-01-01"],
        cli.EXIT_USAGE,
        "2024-01-01",
        "--from",
    ),
    Row(
        "cli/command",
        ["frobnicate", "deal.toml"],
        cli.EXIT_USAGE,
        "'frobnicate'",
        "choose from 'ask'",
    ),
    Row("cli/no-day", ["ask", "deal.toml", *A], cli.EXIT_USAGE, "--on --during", "is required"),
    Row(
        "cli/workload-and-verb",
        ["ask", "deal.toml", *A, "--verb", "transfer-shares", "--on", "2025-01-01"],
        cli.EXIT_USAGE,
        "'transfer-shares'",
        "give the subject with --subject",
    ),
    Row(
        "cli/as-known-on",
        ["ask", "deal.toml", *A, "--on", "2025-01-01", "--as-known-on", "2010-01-01"],
        cli.EXIT_USAGE,
        "2010-01-01",
        "Ask as known on a later day",
    ),
    Row(
        "cli/output-is-input",
        ["render", "deal.toml", *A, "--during", "2025", "--output", "./deal.toml"],
        cli.EXIT_USAGE,
        "'./deal.toml' is the contract file this command reads",
        "write the answer to another file",
    ),
    Row(
        "cli/output-folder",
        ["render", "deal.toml", *A, "--during", "2025", "--output", "."],
        cli.EXIT_USAGE,
        "--output '.' is a folder",
        "give the path of a file in it",
    ),
    Row(
        "cli/import-missing",
        ["--import", "no_such_kinds", "ask", "deal.toml", *A, "--on", "2025-01-01"],
        cli.EXIT_USAGE,
        "'no_such_kinds'",
        "e.g. --import my_kinds",
    ),
    Row(
        "cli/fact-own-kind",
        ["ask", "deal.toml", *A, "--on", "2025-01-01", "--fact", "media-deal-signed:Beta"],
        cli.EXIT_USAGE,
        "'media-deal-signed'",
        "A kind of your own needs --import MODULE",
    ),
    Row(
        "cli/fact-field",
        ["ask", "deal.toml", *A, "--on", "2025-01-01", "--fact", "consent-given:bye=Beta"],
        cli.EXIT_USAGE,
        "'bye'",
        "Did you mean 'by'?",
    ),
    Row(
        "cli/fact-day",
        ["ask", "deal.toml", *A, "--on", "2025-01-01", "--fact", "consent-given:Beta@2025-02-30"],
        cli.EXIT_USAGE,
        "'2025-02-30'",
        "Pass an ISO date",
    ),
    Row(
        "cli/empty-name",
        [
            "ask",
            "deal.toml",
            "--buyer",
            " ",
            "--provider",
            "Beta",
            "--workload",
            "training",
            "--on",
            "2025-01-01",
        ],
        cli.EXIT_USAGE,
        "--actor=' ' is empty",
        "e.g. --actor Acme",
    ),
    Row(
        "cli/control-characters",
        ["ask", "deal.toml", *A, "--verb", "use\x1bip", "--on", "2025-01-01"],
        cli.EXIT_USAGE,
        "'use\\x1bip'",
        "e.g. --verb transfer-shares",
    ),
    Row(
        "cli/model-folder",
        ["ask", "sub/", *A, "--on", "2025-01-01"],
        cli.EXIT_USAGE,
        "'sub/' (is not a regular file)",
        "give the path of a .toml",
    ),
]


# ------------------------------------------------------------------------ values: money, the
# calendar's edges, parties and portfolios (issue 14). A section of its own, to ease merges.


def _shut_down() -> Any:
    """A thread pool that has been shut down."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=1)
    pool.shutdown()
    return pool


ROWS += [
    Row(
        "money/float-sum",
        lambda: ck.Money(0.1 + 0.2, "USD"),
        ck.InvalidAmountError,
        "0.30000000000000004",
        "Pass a string or Decimal instead",
    ),
    Row(
        "money/nan",
        lambda: ck.Money("NaN", "USD"),
        ck.InvalidAmountError,
        "'NaN'",
        "amount='38000000000'",
    ),
    Row(
        "money/infinity",
        lambda: ck.Revenue(amount=("Infinity", "USD"), period="2025"),
        ck.InvalidAmountError,
        "'Infinity'",
        "Write the amount in digits",
    ),
    Row(
        "money/too-many-digits",
        lambda: ck.Money("1E+5000", "USD"),
        ck.InvalidAmountError,
        "5001 digits",
        "Write the amount in a larger unit",
    ),
    Row(
        "money/currency-type",
        lambda: ck.Money("1", 840),
        ck.InvalidAmountError,
        "currency 840",
        "use one such as 'USD'",
    ),
    Row(
        "money/mixed-sum",
        lambda: ck.Money("1", "USD") + ck.Money("1", "EUR"),
        ck.CurrencyMismatchError,
        "EUR 1",
        "Convert one amount first",
    ),
    Row(
        "money/compare-currencies",
        lambda: ck.Money("1", "USD") < ck.Money("2", "EUR"),
        ck.CurrencyMismatchError,
        "USD 1",
        "clausekit never assumes an exchange rate",
    ),
    Row(
        "money/total-item",
        lambda: ck.Money.total([ck.Money("1", "USD"), "2 USD"], "USD"),
        ArgumentTypeError,
        "amounts[1]='2 USD'",
        "Build one with Money('38000000000', 'USD')",
    ),
    Row(
        "rate/nan-file",
        contract('rate = "0.20"', "rate = nan"),
        ck.ContractFileError,
        "found the float nan",
        "Write it as a string such as '0.2'",
    ),
    Row(
        "money/nan-file",
        contract('rate = "0.20"', 'rate = "0.20"\ncap = { amount = nan, currency = "USD" }'),
        ck.ContractFileError,
        "found the float nan",
        'amount = "38000000000"',
    ),
    Row(
        "rate/too-many-digits",
        lambda: ck.AssumedRate("rs", "0." + "1" * 1200),
        ck.InvalidRateError,
        "1201 digits",
        "Round the rate to the precision the contract states",
    ),
    Row(
        "date/compare-last-day",
        lambda: DEAL.compare(TRAINING, "2025-01-01", "10000-01-01"),
        ck.InvalidDateError,
        "second='10000-01-01'",
        "YYYY-MM-DD",
    ),
    Row(
        "period/year-9999",
        ask(during="9999"),
        ck.InvalidPeriodError,
        "during='9999'",
        "during='9999-01-01/9999-12-31'",
    ),
    Row(
        "period/last-day",
        ask(during="9999-12-31"),
        ck.InvalidPeriodError,
        "during='9999-12-31'",
        "Ask on='9999-12-31'",
    ),
    Row(
        "period/last-month",
        lambda: ck.Period.parse("9999-12"),
        ck.InvalidPeriodError,
        "period='9999-12'",
        "during='9999-12-01/9999-12-31'",
    ),
    Row(
        "period/year-zero",
        ask(during="0000"),
        ck.InvalidDateError,
        "during='0000'",
        "year must be 0001 to 9999",
    ),
    Row(
        "period/year-zero-day",
        ask(on="0000-12-31"),
        ck.InvalidDateError,
        "on='0000-12-31'",
        "Pass an ISO date such as '2025-01-15'",
    ),
    Row(
        "period/intersection-type",
        lambda: ck.Period("2025-01-01").intersection("2025"),  # type: ignore[arg-type]
        ArgumentTypeError,
        "other='2025'",
        "Period.parse('2025-01')",
    ),
    Row(
        "date/range-day-type",
        lambda: ck.DateRange("2025-01-01", "2025-01-05").is_before_or_on(20250103),  # type: ignore[arg-type]
        ck.NotADayError,
        "day=20250103",
        "an ISO string like '2025-01-15'",
    ),
    Row(
        "party/aliases-none",
        lambda: ck.Party("A", aliases=None),  # type: ignore[arg-type]
        ArgumentTypeError,
        "aliases=None",
        "Pass aliases=('ACME',) for one alias, or leave it out for none.",
    ),
    Row(
        "party/description-type",
        lambda: ck.Party("A", description=["x"]),  # type: ignore[arg-type]
        ArgumentTypeError,
        "description=['x']",
        "Pass description='a short note'.",
    ),
    Row(
        "party/agreement-parties-none",
        lambda: ck.Agreement(id="d", title="D", parties=None, amendments=[amendment()]),  # type: ignore[arg-type]
        ArgumentTypeError,
        "parties=None",
        "parties=[Party('Acme'), Party('Beta')]",
    ),
    Row(
        "party/agreement-party-as-text",
        lambda: ck.Agreement(id="d", title="D", parties=["Acme", "Beta"], amendments=[amendment()]),  # type: ignore[list-item]
        ArgumentTypeError,
        "parties[0]='Acme'",
        "Pass a list of parties",
    ),
    Row(
        "party/registry-item",
        lambda: ck.PartyRegistry(["Acme"]),  # type: ignore[list-item]
        ArgumentTypeError,
        "parties[0]='Acme'",
        "parties=[Party('Acme'), Party('Beta')]",
    ),
    Row(
        "portfolio/none",
        lambda: ck.evaluate_many(None, TRAINING, on="2025-01-15"),  # type: ignore[arg-type]
        ArgumentTypeError,
        "agreements=None",
        "Pass a list of agreements",
    ),
    Row(
        "portfolio/action",
        lambda: ck.evaluate_many([DEAL], "training", on="2025-01-15"),  # type: ignore[arg-type]
        ArgumentTypeError,
        "action='training'",
        "ProcureCompute(buyer=..., provider=..., workload=...)",
    ),
    Row(
        "cli/during-past-last-day",
        ["ask", "deal.toml", *A, "--during", "9999"],
        cli.EXIT_USAGE,
        "--during='9999'",
        "--during 9999-01-01/9999-12-31",
    ),
    Row(
        "cli/during-year-zero",
        ["ask", "deal.toml", *A, "--during", "0000"],
        cli.EXIT_USAGE,
        "--during='0000'",
        "year must be 0001 to 9999",
    ),
    Row(
        "portfolio/shut-down-executor",
        lambda: ck.evaluate_many([DEAL], TRAINING, on="2025-01-15", executor=_shut_down()),
        ck.QuestionError,
        "ThreadPoolExecutor",
        "Pass an executor that is still running, or executor=None",
    ),
]


def params() -> list[Any]:
    """The rows as pytest parameters; rows with a shortfall are strict expected failures."""
    out = []
    for row in ROWS:
        marks = [pytest.mark.xfail(strict=True, reason=row.shortfall)] if row.shortfall else []
        out.append(pytest.param(row, id=row.id, marks=marks))
    return out


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with a valid deal.toml and an invalid bad.toml."""
    monkeypatch.chdir(tmp_path)
    contract_io.dump(DEAL, tmp_path / "deal.toml")
    (tmp_path / "sub").mkdir()
    (tmp_path / "bad.toml").write_text(
        CONTRACT.replace('effective = "2020-01-01"', 'effective = "2025-02-30"'), encoding="utf-8"
    )
    (tmp_path / "bad-date.yaml").write_text(
        YAML_CONTRACT.replace("effective: '2020-01-01'", "effective: 2025-02-30"), encoding="utf-8"
    )
    return tmp_path


@pytest.mark.parametrize("row", params())
def test_bad_input(row: Row, folder: Path) -> None:
    """The input is refused with the right error (or exit code), naming the value and the fix."""
    if isinstance(row.run, list):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(row.run)
        assert code == row.expect, err.getvalue()
        assert out.getvalue() == ""
        message = err.getvalue()
        assert message.startswith("clausekit")
        assert "Traceback" not in message
    else:
        assert isinstance(row.expect, type)
        with pytest.raises(row.expect) as info:
            row.run()
        assert isinstance(info.value, ck.ClauseKitError)
        assert isinstance(info.value, (ValueError, TypeError, LookupError))
        message = str(info.value)
    assert row.value in message
    assert row.fix in message


class TestTheTable:
    def test_covers_every_area_with_enough_rows(self) -> None:
        """At least 30 rows, and rows for every kind of input the issue names."""
        assert len(ROWS) >= 30
        areas = {row.id.split("/")[0] for row in ROWS}
        assert {"date", "period", "party", "money", "rate", "fact", "file", "cli"} <= areas
        assert len({row.id for row in ROWS}) == len(ROWS)

    def test_messages_do_not_depend_on_the_locale(self) -> None:
        """The same bad input gives the same message under any locale setting.

        Money in messages once went through py-moneyed's ``str()``, which follows
        ``LC_ALL``/``LANG`` ('-$ 10.00' in one locale, '-10,00 $' in another).
        """
        script = (
            "import clausekit as ck\n"
            "try:\n    ck.Revenue(amount='-1234.5 EUR', period='2025')\n"
            "except ck.ClauseKitError as e:\n    print(e)\n"
        )

        def message(locale: str) -> str:
            env = {**os.environ, "LC_ALL": locale, "LANG": locale, "HYPOTHESIS_NO_PLUGINS": "1"}
            done = subprocess.run(
                [sys.executable, "-c", script],
                capture_output=True,
                text=True,
                encoding="utf-8",
                env=env,
                check=True,
                timeout=120,
            )
            return done.stdout

        assert message("C.UTF-8") == message("de_DE.UTF-8")
