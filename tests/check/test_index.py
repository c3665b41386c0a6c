"""clausekit.check.index: the interval index finds exactly the overlapping items, however many."""

from __future__ import annotations

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from clausekit import testing as ckst
from clausekit.check.index import IntervalIndex

Row = tuple[int, pendulum.Date, pendulum.Date | None, str]


@st.composite
def rows(draw: st.DrawFn) -> list[Row]:
    """Items with periods (some empty, some open-ended) and one of three tags."""
    out: list[Row] = []
    for i in range(draw(st.integers(0, 40))):
        start = draw(ckst.days())
        end = draw(st.none() | ckst.days())
        out.append((i, start, end, draw(st.sampled_from("xyz"))))
    return out


def overlaps(start: pendulum.Date, end: pendulum.Date | None, row: Row) -> bool:
    """The oracle: half-open periods share a day (an empty period shares none)."""
    _, first, last, _ = row
    if last is not None and last <= first:
        return False
    if end is not None and end <= start:
        return False
    return (end is None or first < end) and (last is None or start < last)


class TestOverlapping:
    @given(items=rows(), start=ckst.days(), end=st.none() | ckst.days())
    def test_finds_exactly_the_overlapping_items(
        self, items: list[Row], start: pendulum.Date, end: pendulum.Date | None
    ) -> None:
        """Every item sharing a day with [start, end), and no other, comes back once."""
        found = list(IntervalIndex(items).overlapping(start, end))
        assert sorted(found) == [row[0] for row in items if overlaps(start, end, row)]

    @given(items=rows(), start=ckst.days(), end=st.none() | ckst.days(), tag=st.sampled_from("xyz"))
    def test_unlike_leaves_out_one_tag(
        self, items: list[Row], start: pendulum.Date, end: pendulum.Date | None, tag: str
    ) -> None:
        """With unlike=tag, the items of that tag are left out and no other."""
        found = list(IntervalIndex(items).overlapping(start, end, unlike=tag))
        expected = [row[0] for row in items if row[3] != tag and overlaps(start, end, row)]
        assert sorted(found) == expected

    def test_empty_periods_are_left_out(self) -> None:
        """An item whose end is not after its start is never in force, so never found."""
        day = pendulum.Date(2020, 1, 1)
        index = IntervalIndex([("a", day, day, None)])
        assert len(index) == 0
        assert list(index.overlapping(day, None)) == []
