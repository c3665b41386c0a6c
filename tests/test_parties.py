"""Parties, aliases, and lookups that suggest the closest known name."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit.errors import ArgumentTypeError
from clausekit.parties import PartyRegistry
from clausekit.testing import parties


@pytest.fixture
def registry() -> ck.PartyRegistry:
    return ck.PartyRegistry(
        (
            ck.Party("Acme GmbH", aliases=("Acme",)),
            ck.Party("Cloud Services Inc", aliases=("CSI", "Cloud")),
            ck.Party("Beta SpA"),
        )
    )


class TestResolve:
    @pytest.mark.parametrize("name", ["Acme GmbH", "acme gmbh", "Acme", "ACME", " Acme "])
    def test_names_and_aliases_in_any_case(self, registry: ck.PartyRegistry, name: str) -> None:
        """A canonical name or an alias, in any case and with stray spaces, resolves."""
        assert registry.resolve(name).name == "Acme GmbH"

    @pytest.mark.parametrize(
        ("name", "suggestion"),
        [("Acne", "Acme"), ("Beta", "Beta SpA"), ("cloud serv", "Cloud Services Inc")],
    )
    def test_unknown_name_suggests(
        self, registry: ck.PartyRegistry, name: str, suggestion: str
    ) -> None:
        """An unknown name raises with the closest known names, typos and prefixes alike."""
        with pytest.raises(ck.UnknownPartyError) as info:
            registry.resolve(name)
        assert suggestion in info.value.suggestions
        assert f"Did you mean {suggestion!r}" in str(info.value) or suggestion in str(info.value)
        assert isinstance(info.value, LookupError)

    def test_message_lists_known_names(self, registry: ck.PartyRegistry) -> None:
        """The message names the offending value and every known name."""
        with pytest.raises(ck.UnknownPartyError, match=r"Unknown party 'Zeta'.*Known parties"):
            registry.resolve("Zeta")


class TestConstruction:
    def test_shared_alias_is_refused(self) -> None:
        """Two parties may not share a name or an alias."""
        with pytest.raises(ck.AgreementError, match="'Acme' is used by both"):
            ck.PartyRegistry((ck.Party("Acme"), ck.Party("Acme Corp", aliases=("Acme",))))

    def test_alias_as_string_is_refused(self) -> None:
        """A lone string for aliases would split into letters; it is refused."""
        with pytest.raises(ck.AgreementError, match="single string"):
            ck.Party("Acme", aliases="ACM")  # type: ignore[arg-type]

    @pytest.mark.parametrize("name", ["", "  ", " Acme"])
    def test_blank_or_padded_names_are_refused(self, name: str) -> None:
        """A party needs a real name without surrounding spaces."""
        with pytest.raises(ck.AgreementError, match="non-empty text"):
            ck.Party(name)


class TestTypedArguments:
    @pytest.mark.parametrize(
        ("call", "fragment", "fix"),
        [
            (lambda: ck.Party("A", aliases=None), "Party.aliases=None", "aliases=('ACME',)"),
            (lambda: ck.Party("A", aliases=3), "Party.aliases=3", "leave it out for none"),
            (lambda: ck.Party("A", description=3), "Party.description=3", "description='"),
            (lambda: ck.PartyRegistry(None), "parties=None", "parties=[Party('Acme')"),
            (lambda: ck.PartyRegistry(["Acme"]), "parties[0]='Acme'", "parties=[Party('Acme')"),
            (
                lambda: ck.PartyRegistry(ck.Party("A")),
                "parties=Party(",
                "a list of clausekit.Party",
            ),
        ],
    )
    def test_wrong_types_name_argument_value_and_fix(
        self, call: Callable[[], object], fragment: str, fix: str
    ) -> None:
        """The wrong type raises ArgumentTypeError (a TypeError) with the value and the fix."""
        with pytest.raises(ArgumentTypeError) as info:
            call()
        assert isinstance(info.value, TypeError)
        assert fragment in str(info.value)
        assert fix in str(info.value)

    def test_any_iterable_of_aliases(self) -> None:
        """Aliases may come as any iterable of names; they are kept as a tuple."""
        assert ck.Party("A", aliases=["B"]).aliases == ("B",)
        assert ck.Party("A", aliases=(n for n in ["B", "C"])).aliases == ("B", "C")


class TestOutsider:
    def test_listed_outsiders_are_known_to_the_registry(self) -> None:
        """PartyRegistry.outsiders holds the canonical names of the parties marked outsider."""
        registry = PartyRegistry(
            [ck.Party("Acme"), ck.Party("Delta KG", aliases=("Delta",), outsider=True)]
        )
        assert registry.outsiders == frozenset({"Delta KG"})
        assert registry.canonical("delta") == "Delta KG"

    def test_outsider_is_a_boolean(self) -> None:
        """A value other than True or False is refused with the fix."""
        with pytest.raises(ArgumentTypeError, match="outsider"):
            ck.Party("Delta KG", outsider="yes")  # type: ignore[arg-type]


class TestImmutable:
    def test_party_cannot_change(self) -> None:
        """A party is a frozen value: no attribute can be set."""
        party = ck.Party("Acme", aliases=("ACME",))
        for field in ("name", "aliases", "description"):
            with pytest.raises(AttributeError):
                setattr(party, field, "x")
        assert party == ck.Party("Acme", aliases=("ACME",))

    def test_registry_cannot_change(self) -> None:
        """A registry's look-up tables are read-only: no name can be added behind its back."""
        registry = ck.PartyRegistry([ck.Party("Acme")])
        with pytest.raises(AttributeError):
            registry.parties = ()  # type: ignore[misc]
        with pytest.raises(TypeError):
            registry._index["mallory"] = ck.Party("Mallory")  # type: ignore[index]
        assert "mallory" not in registry

    def test_registry_pickles_and_copies(self) -> None:
        """A registry survives pickling and deep copies (portfolios send agreements to workers)."""
        registry = ck.PartyRegistry([ck.Party("Acme", aliases=("ACME",)), ck.Party("Beta")])
        for twin in (pickle.loads(pickle.dumps(registry)), copy.deepcopy(registry)):
            assert twin == registry
            assert twin.resolve("acme").name == "Acme"


class TestOneTableForBothLookUps:
    """The registry keeps names as written and folded in one table: the exact look-up
    (spelled, canonical) must never answer for a name spelled otherwise."""

    @given(listed=parties(), data=st.data())
    def test_spelled_and_canonical_agree_with_their_definitions(
        self, listed: tuple[ck.Party, ...], data: st.DataObject
    ) -> None:
        """spelled: only an exact name or alias; canonical and resolve: any case, any party."""
        registry = ck.PartyRegistry(listed)
        names = [n for p in listed for n in p.names]
        name = data.draw(
            st.sampled_from(names).flatmap(
                lambda n: st.sampled_from([n, n.casefold(), n.upper(), n.swapcase()])
            )
        )
        owner = next(p for p in listed if name.casefold() in {n.casefold() for n in p.names})
        assert registry.spelled(name) == (owner.name if name in owner.names else None)
        assert registry.canonical(name) == owner.name == registry.resolve(name).name
        assert name in registry
