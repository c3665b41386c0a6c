"""The clause map: which clause was in force when, as a value, SVG, Mermaid and Markdown."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import clausekit as ck
from clausekit import testing as ckst
from clausekit.render import ClauseMap

SVG = "{http://www.w3.org/2000/svg}"
SRC = ck.OutsideSource(
    url="https://example.org/m",
    title="Map fixture",
    published="2020-01-01",
    gloss="a clause of the map fixture",
)


@pytest.fixture(scope="module")
def deal() -> ck.Agreement:
    return ck.models.openai_microsoft()


def excl(clause_id: str, **kw: object) -> ck.Exclusivity:
    return ck.Exclusivity(
        id=clause_id,
        title=f"Clause {clause_id}",
        evidence=[SRC],
        bound="Acme",
        beneficiary="Beta",
        verb="appoint-distributor",
        scope=[clause_id],
        **kw,
    )


def crowded() -> ck.Agreement:
    """20 clauses and 10 amendments, four of them within a month: the legibility case."""
    days = [
        "2020-01-01",
        "2020-01-10",
        "2020-01-20",
        "2020-02-01",
        "2021-06-01",
        "2022-03-01",
        "2022-03-15",
        "2023-01-01",
        "2024-07-01",
        "2024-07-02",
    ]
    amendments = []
    for n, day in enumerate(days):
        adds = [excl(f"clause-number-{2 * n:02d}"), excl(f"clause-{2 * n + 1:02d}")]
        ends: list[str] = []
        replaces: list[ck.Replacement] = []
        if n >= 5:
            ends = [f"clause-{2 * (n - 5) + 1:02d}"]
            replaces = [
                ck.Replacement(
                    f"clause-number-{2 * (n - 5):02d}", excl(f"replacement-of-{2 * (n - 5):02d}")
                )
            ]
        amendments.append(
            ck.Amendment(
                id=f"amendment-{n}",
                title=f"Amendment {n}",
                effective=day,
                evidence=[SRC],
                adds=adds,
                ends=ends,
                replaces=replaces,
            )
        )
    return ck.Agreement(
        id="crowded",
        title="Crowded",
        amendments=amendments,
        parties=[ck.Party("Acme"), ck.Party("Beta")],
    )


def text_boxes(svg: str) -> list[tuple[str, float, float, float, float]]:
    """(text, x0, y0, x1, y1) of every text element, from its position, anchor and font size.

    Widths use 6 px per character at 11 px, a little above the average of the sans-serif
    fonts the picture asks for; the browser test measures the real boxes.
    """
    boxes = []
    for node in ET.fromstring(svg).iter(f"{SVG}text"):
        text = "".join(node.itertext())
        size = float(node.get("font-size", "11"))
        width = len(text) * 6.0 * size / 11
        x, y = float(node.get("x", "0")), float(node.get("y", "0"))
        anchor = node.get("text-anchor", "start")
        x0 = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        boxes.append((text, x0, y - 0.8 * size, x0 + width, y + 0.2 * size))
    return boxes


def overlaps(svg: str) -> list[tuple[str, str]]:
    hits = []
    for a, b in itertools.combinations(text_boxes(svg), 2):
        if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]:
            hits.append((a[0], b[0]))
    return hits


class TestLives:
    """The map reads the agreement's clauses in force; it never computes lives of its own."""

    def test_rows_match_in_force(self, deal: ck.Agreement) -> None:
        """On every day drawn, the clauses with a bar are exactly the clauses in force."""
        m = deal.clause_map(start="2019-01-01", end="2027-01-01")
        for day in [pendulum.Date(2019, 1, 1), *deal.change_days[:-3], pendulum.Date(2026, 12, 31)]:
            drawn = {
                life.clause.id
                for life in m.lives
                if life.start <= day and (life.end is None or day < life.end)
            }
            assert drawn == {i.clause.id for i in deal.in_force(on=day)}, day

    def test_headline_amendments(self, deal: ck.Agreement) -> None:
        """2025-01-21 replaces the exclusivity by a right of first refusal; 2025-10-28 ends it."""
        m = deal.clause_map(start="2019-01-01", end="2027-01-01")
        lives = {life.clause.id: life for life in m.lives}
        assert (lives["compute-exclusivity"].ended, lives["compute-exclusivity"].replaced_by) == (
            "replaced",
            "compute-rofr",
        )
        rofr = lives["compute-rofr"]
        assert (rofr.added, rofr.replaced, str(rofr.start)) == (
            "replaced",
            "compute-exclusivity",
            "2025-01-21",
        )
        assert (rofr.ended, rofr.ended_by and rofr.ended_by.id, str(rofr.end)) == (
            "ended",
            "definitive-agreement-2025",
            "2025-10-28",
        )
        assert lives["aws-compute-deal"].end is None
        assert [mk.amendment.id for mk in m.markers][:4] == [
            "investment-2019",
            "extension-2023",
            "oracle-exception-2024",
            "stargate-2025",
        ]

    def test_clipped_and_expired(self) -> None:
        """A clause in force before the map starts says so; one whose term ends 'expired'."""
        deal = ck.Agreement(
            id="d",
            title="D",
            parties=[ck.Party("Acme"), ck.Party("Beta")],
            amendments=[
                ck.Amendment(
                    id="a",
                    title="A",
                    effective="2020-01-01",
                    evidence=[SRC],
                    adds=[excl("x", until="2022-01-01")],
                )
            ],
        )
        (life,) = deal.clause_map(start="2021-01-01", end="2023-01-01").lives
        assert (life.added, str(life.start), life.ended, str(life.end)) == (
            "before",
            "2021-01-01",
            "expired",
            "2022-01-01",
        )

    def test_as_known_on(self, deal: ck.Agreement) -> None:
        """A map of the agreement as known on a day shows only the amendments public by then."""
        m = deal.as_known_on("2025-06-01").clause_map(start="2019-01-01", end="2027-01-01")
        assert "aws-deal-2025" not in {mk.amendment.id for mk in m.markers}
        assert "aws-compute-deal" not in m.clause_ids

    def test_is_an_immutable_value(self, deal: ck.Agreement) -> None:
        """Two maps of the same question are equal; a map cannot be changed."""
        a = deal.clause_map(start="2019-01-01", end="2027-01-01", today="2025-11-15")
        assert a == deal.clause_map(start="2019-01-01", end="2027-01-01", today="2025-11-15")
        assert isinstance(a, ClauseMap)
        assert isinstance(a.lives, tuple)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            a.today = None  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("start", "end", "error"),
        [
            ("2025-01-01", "2025-01-01", ck.errors.InvalidPeriodError),
            ("2026-01-01", "2025-01-01", ck.errors.InvalidPeriodError),
            ("2025-02-30", "2026-01-01", ck.errors.InvalidDateError),
        ],
    )
    def test_bad_periods(self, deal: ck.Agreement, start: str, end: str, error: type) -> None:
        """An empty or inverted period or an impossible day raises a typed error."""
        with pytest.raises(error):
            deal.clause_map(start=start, end=end)

    def test_defaults(self, deal: ck.Agreement) -> None:
        """By default the map runs from the agreement's start to the New Year after its last amendment."""
        m = deal.clause_map()
        assert (str(m.start), str(m.end), m.today) == ("2019-07-22", "2027-01-01", None)


class TestPicture:
    """The SVG: a row per clause, bars by kind, markers, a today line, no overlapping text."""

    def test_rows_bars_and_markers(self, deal: ck.Agreement) -> None:
        svg = deal.clause_map(start="2019-01-01", end="2027-01-01", today="2025-11-15").to_svg()
        root = ET.fromstring(svg)
        rows = [t for t in root.iter(f"{SVG}text") if t.get("class") == "row-label"]
        assert len(rows) == 27
        bars = [r for r in root.iter(f"{SVG}rect") if "clause-bar" in r.get("class", "")]
        assert {b.get("fill") for b in bars if "kind-exclusivity" in b.get("class", "")} == {
            "#f28e2b"
        }
        classes = [e.get("class") for e in root.iter()]
        assert classes.count("amendment") == 8
        assert classes.count("today") == 1
        assert {"mark-added", "mark-replaced", "mark-ended"} <= set(classes)
        assert (
            svg
            == deal.clause_map(
                start="2019-01-01", end="2027-01-01", today="2025-11-15"
            )._repr_svg_()
        )

    def test_twenty_clauses_ten_amendments_do_not_overlap(self) -> None:
        """The legibility case: every label has room, whatever the crowding of amendments."""
        m = crowded().clause_map(start="2019-06-01", end="2025-06-01", today="2022-03-10")
        assert (len(m.clause_ids), len(m.markers)) == (25, 10)
        for width in (640, 960):
            svg = m.to_svg(width=width)
            assert overlaps(svg) == []
            root = ET.fromstring(svg)
            assert float(root.get("height", "0")) > 25 * 22

    @settings(max_examples=25, deadline=None)
    @given(ckst.agreements(max_amendments=6))
    def test_no_overlap_for_any_agreement(self, agreement: ck.Agreement) -> None:
        """Any agreement the strategies build draws without overlapping text."""
        svg = agreement.clause_map(today=agreement.starts_on.add(days=400)).to_svg()
        assert overlaps(svg) == []

    def test_text_is_escaped(self) -> None:
        deal = ck.Agreement(
            id="d",
            title="A <b> & C",
            parties=[ck.Party("Acme"), ck.Party("Beta")],
            amendments=[
                ck.Amendment(
                    id="a", title="A", effective="2020-01-01", evidence=[SRC], adds=[excl("x")]
                )
            ],
        )
        svg = deal.clause_map().to_svg()
        assert "A &lt;b&gt; &amp; C" in svg
        assert "<b>" not in svg
        ET.fromstring(svg)


class TestText:
    """Mermaid and Markdown say the same as the picture."""

    def test_mermaid(self, deal: ck.Agreement) -> None:
        chart = deal.clause_map(
            start="2019-01-01", end="2027-01-01", today="2025-11-15"
        ).to_mermaid()
        lines = chart.splitlines()
        assert lines[0] == "gantt"
        assert "    axisFormat %Y" in lines
        assert "    compute-rofr :c9, 2025-01-21, 2025-10-28" in lines
        assert "    aws-compute-deal :c20, 2025-11-03, 2027-01-01" in lines
        assert "    stargate-2025 :milestone, m4, 2025-01-21, 0d" in lines
        assert lines[-1] == "    today :milestone, crit, t1, 2025-11-15, 0d"

    def test_markdown(self, deal: ck.Agreement) -> None:
        md = deal.clause_map(start="2019-01-01", end="2027-01-01").to_markdown()
        assert (
            "| compute-rofr — Microsoft's right of first refusal on OpenAI's new compute capacity "
            "| right-of-first-refusal | 2025-01-21 | 2025-10-28 | stargate-2025 (replacing "
            "compute-exclusivity) | definitive-agreement-2025 |"
        ) in md
        assert str(deal.clause_map()) == deal.clause_map().to_markdown()


def reference_lives(
    agreement: ck.Agreement, first: pendulum.Date, last: pendulum.Date
) -> list[tuple[object, ...]]:
    """The map's lives as first worked out: in_force() asked on every change day."""
    days = [first, *(d for d in agreement.change_days if first < d < last)]
    order = {c.id: n for n, a in reversed(list(enumerate(agreement.amendments))) for c in a.added()}
    rows: list[list[object]] = []
    open_: dict[str, list[object]] = {}
    for day in days:
        present = {item.clause.id: item for item in agreement.in_force(on=day)}
        for clause_id in [c for c in open_ if c not in present]:
            row = open_.pop(clause_id)
            how, by = "expired", None
            for amendment in agreement.amendments:
                if amendment.effective != day:
                    continue
                if any(r.old == clause_id for r in amendment.replaces):
                    how, by = "replaced", amendment.id
                    break
                if clause_id in amendment.ends:
                    how, by = "ended", amendment.id
                    break
            rows.append([*row[:3], day, how, by])
        for clause_id, item in present.items():
            if clause_id not in open_:
                open_[clause_id] = [clause_id, item.amendment.id, day]
    rows.extend([*row, None, None, None] for row in open_.values())
    rows.sort(key=lambda row: (row[2], order.get(str(row[0]), len(agreement.amendments))))
    return [tuple(row) for row in rows]


class TestSweep:
    """The map sweeps the change days once; it draws what asking every day would."""

    @given(
        agreement=ckst.agreements(max_amendments=8),
        start=ckst.days(),
        length=st.integers(1, 20_000),
    )
    def test_same_lives_as_asking_every_change_day(
        self, agreement: ck.Agreement, start: pendulum.Date, length: int
    ) -> None:
        """Each clause's stretch, how it ends and by which amendment, in the same order."""
        end = start.add(days=length)
        found = [
            (
                life.clause.id,
                life.amendment.id,
                life.start,
                life.end,
                life.ended,
                life.ended_by and life.ended_by.id,
            )
            for life in agreement.clause_map(start=start, end=end).lives
        ]
        assert found == reference_lives(agreement, start, end)
