"""clausekit.testing.kinds: any attrs kind drawn field by field, and the per-kind hook."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any, ClassVar

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import testing as ckst
from clausekit.errors import KindError
from clausekit.testing.kinds import Pool, drawable, kind_strategy, register_kind_strategy

POOL = Pool(("Ann", "Bob"), ("c1", "c2"))


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@attrs.frozen(kw_only=True)
class Terms:
    """A plain attrs class with one field of each kind of type the rules cover.

    Not a registered kind (so the suite's registries stay as they are), but
    drawn by the same rules.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("holder", "backup", "others")

    holder: str
    backup: str | None
    others: frozenset[str]
    verb: str
    scope: frozenset[str]
    names_clauses: frozenset[str]
    clause: str
    flag: bool
    count: int
    colour: Colour
    colours: frozenset[Colour]
    text: str
    amount: ck.Money | None
    rate: Decimal
    day: pendulum.Date | None
    period: ck.Period
    kept: tuple[str, ...] = ("default",)


class TestFieldRules:
    @given(value=kind_strategy(Terms, POOL))
    def test_each_field_is_drawn_by_its_type_and_name(self, value: Terms) -> None:
        """Parties from the pool, verbs and subjects from the vocabulary, clause ids, and so on."""
        assert value.holder in POOL.names
        assert value.backup is None or value.backup in POOL.names
        assert value.others <= set(POOL.names)
        assert len(value.others) <= 2
        assert value.verb in ckst.VERBS
        assert value.scope <= set(ckst.SUBJECTS)
        assert value.names_clauses == frozenset()
        assert value.clause in POOL.clause_ids
        assert isinstance(value.flag, bool)
        assert isinstance(value.count, int)
        assert isinstance(value.colour, Colour)
        assert value.colours
        assert all(isinstance(c, Colour) for c in value.colours)
        assert value.text == "" or value.text.strip()
        assert value.amount is None or value.amount.amount >= 0
        assert Decimal(0) <= value.rate <= Decimal(1)
        assert value.day is None or ckst.MIN_DAY <= value.day <= ckst.MAX_DAY
        assert value.period.end is not None
        assert value.kept == ("default",)

    def test_only_own_attrs_classes_are_drawable(self) -> None:
        """A subclass attrs never decorated has no fields of its own: not drawable."""

        class Undecorated(Terms):
            pass

        assert drawable(Terms)
        assert not drawable(Undecorated)
        assert not drawable("Terms")


class TestRegisterKindStrategy:
    def test_a_field_strategy_replaces_the_rule(self) -> None:
        """A strategy, or a function of the pool, for one field; the others keep their rules."""

        @attrs.frozen
        class Pick:
            party_fields: ClassVar[tuple[str, ...]] = ("who",)
            who: str
            what: str

        register_kind_strategy(
            Pick, what=st.just("fixed"), who=lambda pool: st.just(pool.names[-1])
        )

        @given(value=kind_strategy(Pick, POOL))
        def drawn(value: Pick) -> None:
            assert (value.who, value.what) == ("Bob", "fixed")

        drawn()

    def test_a_whole_strategy_for_constraints_between_fields(self) -> None:
        """A function of the pool giving whole values, for fields that constrain each other."""

        @attrs.frozen
        class Span:
            first: int
            last: int

        register_kind_strategy(
            Span, lambda pool: st.integers(0, 9).map(lambda n: Span(first=n, last=n + 1))
        )

        @given(value=kind_strategy(Span, POOL))
        def drawn(value: Span) -> None:
            assert value.last == value.first + 1

        drawn()

    @pytest.mark.parametrize(
        ("kind", "fields", "needle"),
        [
            (int, {}, "not an attrs class"),
            (ck.IPLicense, {"nonsense": st.just(1)}, "IPLicense has no field 'nonsense'"),
        ],
    )
    def test_mistakes_raise_kind_error(
        self, kind: type, fields: dict[str, object], needle: str
    ) -> None:
        """Not an attrs class, or a field it lacks: KindError naming the fix."""
        with pytest.raises(KindError, match=needle):
            register_kind_strategy(kind, **fields)  # type: ignore[arg-type]

    def test_an_undrawable_field_says_to_register(self) -> None:
        """A field no rule covers, without a default, asks for register_kind_strategy."""

        @attrs.frozen
        class Holder:
            thing: Any

        with pytest.raises(
            KindError, match=r"register_kind_strategy\(Holder, thing=<a strategy>\)"
        ):
            kind_strategy(Holder, POOL)
