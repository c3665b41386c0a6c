"""Shared test configuration: hypothesis profiles, selected by the CI environment variable."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from clausekit.registry import ACTION_KINDS, CLAUSE_KINDS, FACT_KINDS

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    # 200 fixed-seed examples keep `.ci/run` well under ten minutes on a 2-core machine
    # (about 9.5 min with 300); the nightly profile below runs the long fuzz by hand.
    max_examples=200,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# Run by hand for a long fuzz: HYPOTHESIS_PROFILE=nightly (fresh seeds, 75x the CI examples).
settings.register_profile(
    "nightly",
    max_examples=15_000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(autouse=True)
def _kinds_registered_by_a_test_go_with_it() -> Iterator[None]:
    """A kind a test registers (defining a class, running --import in-process) leaves with it.

    Otherwise it would stay for the rest of the run and change what other tests see: the kinds
    drawn, the schema's branches, the kind lists in messages.
    """
    with CLAUSE_KINDS.restored(), FACT_KINDS.restored(), ACTION_KINDS.restored():
        yield
