"""What the per-kind clause tests share: a source, a day, a resolved action, a context."""

from __future__ import annotations

import pendulum

import clausekit as ck
from clausekit.clauses import Context, Resolved

SRC = ck.OutsideSource(url="https://example.org/c", title="C", published="2020-01-01", gloss="g")
DAY = pendulum.Date(2021, 1, 1)


def act(actor: str, verb: str, counterparty: str | None, subject: str = "") -> Resolved:
    return Resolved(actor, verb, counterparty, subject, f"{actor} {verb} {counterparty}")


def ctx(*in_force: ck.Clause, scenario: ck.Scenario | None = None) -> Context:
    return Context(on=DAY, scenario=scenario or ck.Scenario(), in_force=in_force)
