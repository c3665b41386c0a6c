"""clausekit.testing.participants: parties with distinct names, some with aliases."""

from __future__ import annotations

from hypothesis import given

import clausekit as ck
from clausekit import testing as ckst


@given(found=ckst.parties(["A", "B", "C"]))
def test_parties_have_distinct_names(found: tuple[ck.Party, ...]) -> None:
    """Two or more parties, names from the list, distinct; aliases are '<name> Ltd'."""
    names = [p.name for p in found]
    assert len(found) >= 2
    assert len(set(names)) == len(names)
    assert set(names) <= {"A", "B", "C"}
    for party in found:
        assert party.aliases in ((), (f"{party.name} Ltd",))


@given(one=ckst.party(["Solo"]))
def test_one_party(one: ck.Party) -> None:
    """One party named from the list."""
    assert one.name == "Solo"
