"""Invariants of the model over every day, provider and workload."""

from __future__ import annotations

import pendulum
from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import models
from tests.models.openai_microsoft.helpers import (
    assert_cited,
)

DAYS = st.dates(min_value=pendulum.Date(2019, 1, 1), max_value=pendulum.Date(2033, 12, 31))
PROVIDERS = st.sampled_from(["Microsoft", "AWS", "Oracle", "Google", "Stargate", "OpenAI"])


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
