"""clausekit.testing.hook: st.from_type for clausekit's types and every registered kind."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import clausekit as ck
from clausekit.registry import CLAUSE_KINDS, FACT_KINDS
from testing.helpers import ROOT, run

REGISTERED: list[type] = [
    ck.Money,
    ck.Period,
    ck.DateRange,
    ck.Party,
    ck.SeedExcerpt,
    ck.OutsideSource,
    ck.Scenario,
    ck.ProcureCompute,
    ck.Act,
    ck.Agreement,
    ck.Amendment,
    *(k for k in FACT_KINDS.classes() if k.__module__.startswith("clausekit.")),
    *(k for k in CLAUSE_KINDS.classes() if k.__module__.startswith("clausekit.")),
]


class TestFromType:
    @pytest.mark.parametrize("cls", REGISTERED, ids=lambda cls: cls.__name__)
    def test_from_type_builds_every_registered_type(self, cls: type) -> None:
        """st.from_type works for every clausekit type and every bundled kind."""

        @settings(max_examples=5, database=None)
        @given(value=st.from_type(cls))
        def builds(value: object) -> None:
            assert type(value) is cls

        builds()

    @pytest.mark.parametrize(
        "first",
        ["import clausekit.testing", "import hypothesis", "import clausekit"],
    )
    def test_registration_whatever_is_imported_first(self, first: str) -> None:
        """The entry point registers the strategies whichever module a process imports first.

        ``import clausekit.testing`` first makes hypothesis look the hook up on a
        half-imported package: the hook must be defined before the package
        imports hypothesis.
        """
        script = (
            f"{first}\n"
            "from hypothesis import strategies as st\n"
            "import clausekit as ck\n"
            "print(type(st.from_type(ck.Period).example()).__name__)\n"
        )
        assert run(script, cwd=ROOT).strip() == "Period"

    def test_a_kind_registered_after_hypothesis(self) -> None:
        """A kind defined after hypothesis was imported is drawn by st.from_type too."""
        script = (
            "import hypothesis\n"
            "from hypothesis import given, settings, strategies as st\n"
            "import user_kinds\n"
            "@settings(max_examples=10, database=None)\n"
            "@given(st.from_type(user_kinds.NonCompete), st.from_type(user_kinds.ReleaseGranted))\n"
            "def t(clause, fact):\n"
            "    assert type(clause) is user_kinds.NonCompete\n"
            "    assert type(fact) is user_kinds.ReleaseGranted\n"
            "t()\n"
            "print('ok')\n"
        )
        assert run(script).strip() == "ok"
