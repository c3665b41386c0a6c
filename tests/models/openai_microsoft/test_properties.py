"""Invariants of the model over every day, provider and workload."""

from __future__ import annotations

import pendulum
from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import models
from clausekit.evidence import evidence_base
from tests.models.openai_microsoft.helpers import (
    assert_cited,
)

DAYS = st.dates(min_value=pendulum.Date(2019, 1, 1), max_value=pendulum.Date(2033, 12, 31))
PROVIDERS = st.sampled_from(["Microsoft", "AWS", "Oracle", "Google", "Stargate", "OpenAI"])
KNOWN = st.dates(min_value=pendulum.Date(2019, 7, 22), max_value=pendulum.Date(2026, 6, 1))
SUBJECTS = st.sampled_from(["models", "research", "products", "infrastructure", "agi-technology"])
AGI = st.sampled_from(
    [
        None,
        ck.Scenario(ck.AGIDeclared(on="2024-06-01")),
        ck.Scenario(ck.AGIDeclared(on="2026-01-15", verified=True)),
    ]
)


def later_claims(text: str, known: pendulum.Date) -> list[str]:
    """The claim ids an explanation names (cited or in a conflict note) published after ``known``."""
    base = evidence_base()
    return [
        claim.id
        for claim in base.claims
        if claim.id in text
        and (day := base.published_earliest(base.evidence(claim.id))) is not None
        and day > known
    ]


class TestProperties:
    """Invariants of the model over every day, provider and workload."""

    @given(day=DAYS, provider=PROVIDERS, workload=st.sampled_from(list(ck.Workload)))
    def test_every_answer_is_cited(self, day: object, provider: str, workload: ck.Workload) -> None:
        """Every ruling on any day carries evidence, and no question without facts is UNKNOWN."""
        deal = models.openai_microsoft()
        action = ck.ProcureCompute(buyer="OpenAI", provider=provider, workload=workload)
        verdict = deal.ask(action, on=day)
        assert verdict.outcome is not ck.Outcome.UNKNOWN
        assert_cited(verdict)

    @given(day=DAYS, workload=st.sampled_from(list(ck.Workload)))
    def test_azure_is_never_refused(self, day: object, workload: ck.Workload) -> None:
        """Buying compute from Microsoft itself is permitted on every day, for every workload."""
        action = ck.ProcureCompute(buyer="OpenAI", provider="Azure", workload=workload)
        assert models.openai_microsoft().ask(action, on=day).outcome is ck.Outcome.PERMITTED

    @given(day=st.dates(min_value=pendulum.Date(2019, 7, 22), max_value=pendulum.Date(2027, 1, 1)))
    def test_known_later_never_loses_amendments(self, day: object) -> None:
        """As known on a later day, the agreement holds every amendment known earlier."""
        deal = models.openai_microsoft()
        earlier = {a.id for a in deal.as_known_on(day).amendments}
        later = {a.id for a in deal.as_known_on("2027-01-01").amendments}
        assert earlier <= later

    @given(known=KNOWN, day=DAYS, subject=SUBJECTS, scenario=AGI)
    def test_as_known_never_names_a_later_source(
        self, known: object, day: object, subject: str, scenario: ck.Scenario | None
    ) -> None:
        """As known on D, an answer about Microsoft's use of OpenAI's IP names no claim
        published after D: not as a citation, and not on the other side of a conflict."""
        view = models.openai_microsoft().as_known_on(known)
        action = ck.UseIP(user="Microsoft", owner="OpenAI", subject=subject)
        text = view.ask(action, on=day, scenario=scenario).explain(width=100_000)
        assert later_claims(text, pendulum.Date.fromisoformat(str(known))) == []
