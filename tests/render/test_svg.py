"""clausekit.render.svg: timelines as SVG pictures (and Mermaid charts); verdicts and timelines in Jupyter."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import testing as ckst
from clausekit.render import OUTCOME_COLOURS, svg, timeline_to_mermaid, timeline_to_svg
from tests.contracts import distribution_agreement, shareholders_agreement

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    """Parse an SVG document, failing the test if it is not well-formed XML."""
    return ET.fromstring(svg)


def segment_rects(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{SVG}rect") if "segment" in r.get("class", "").split()]


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.fixture
def distribution() -> ck.Agreement:
    return distribution_agreement()


@pytest.fixture
def gamma_at() -> ck.AppointDistributor:
    return ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="AT")


@pytest.fixture
def timeline(distribution: ck.Agreement, gamma_at: ck.AppointDistributor) -> ck.Timeline:
    # 2019: nothing; 2020-01-01: exclusivity (conditional on Beta); 2023-07-01: Austria freed.
    return distribution.timeline(gamma_at, start="2019-01-01", end="2025-01-01")


class TestWellFormed:
    def test_to_svg_is_the_renderer(self, timeline: ck.Timeline) -> None:
        """Timeline.to_svg() passes its options on to clausekit.render.timeline_to_svg."""
        assert timeline.to_svg(title="T", width=500) == timeline_to_svg(
            timeline, title="T", width=500
        )

    def test_is_an_svg_document(self, timeline: ck.Timeline) -> None:
        """The output parses as XML with an <svg> root in the SVG namespace and a size."""
        root = parse(timeline.to_svg())
        assert root.tag == f"{SVG}svg"
        assert float(root.get("width", "0")) > 0
        assert float(root.get("height", "0")) > 0
        assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"

    def test_has_a_title_for_screen_readers(self, timeline: ck.Timeline) -> None:
        """The first child is a <title> naming the action, and aria-label says the same."""
        root = parse(timeline.to_svg())
        first = root[0]
        assert first.tag == f"{SVG}title"
        assert first.text == "Acme GmbH appointing Gamma Handel as distributor in AT"
        assert root.get("aria-label") == first.text

    def test_fetches_nothing(self, timeline: ck.Timeline) -> None:
        """No link, image, style sheet, script or font is referenced: the picture stands alone."""
        svg = timeline.to_svg()
        for needle in ("href", "@import", "url(", "<script", "<image", "<style"):
            assert needle not in svg


class TestSegments:
    def test_one_rect_per_segment_with_the_outcome_colour(self, timeline: ck.Timeline) -> None:
        """Each segment is one rect, in order, filled with its outcome's colour."""
        rects = segment_rects(parse(timeline.to_svg()))
        assert len(rects) == len(timeline.segments) == 3
        for rect, segment in zip(rects, timeline.segments, strict=True):
            assert rect.get("fill") == OUTCOME_COLOURS[segment.outcome]
            assert f"outcome-{segment.outcome.value}" in rect.get("class", "")
        assert [s.outcome for s in timeline.segments] == [
            ck.Outcome.PERMITTED,
            ck.Outcome.CONDITIONAL,
            ck.Outcome.PERMITTED,
        ]

    def test_widths_are_proportional_to_days(self, timeline: ck.Timeline) -> None:
        """Segment widths follow the number of days, and the segments tile the bar."""
        rects = segment_rects(parse(timeline.to_svg(width=1000)))
        widths = [float(r.get("width", "0")) for r in rects]
        days = [s.period.days for s in timeline.segments]
        for width, count in zip(widths, days, strict=True):
            assert width == pytest.approx(sum(widths) * count / sum(days), abs=0.05)
        xs = [float(r.get("x", "0")) for r in rects]
        for x, w, next_x in zip(xs, widths, xs[1:], strict=False):
            assert x + w == pytest.approx(next_x, abs=0.02)

    def test_every_outcome_has_its_own_colour(self) -> None:
        """Four outcomes, four different colours."""
        assert set(OUTCOME_COLOURS) == set(ck.Outcome)
        assert len(set(OUTCOME_COLOURS.values())) == 4

    def test_tooltips_give_the_period_and_the_answer(self, timeline: ck.Timeline) -> None:
        """Each segment's <title> says its days and its headline."""
        rects = segment_rects(parse(timeline.to_svg()))
        tip = rects[1].find(f"{SVG}title")
        assert tip is not None
        assert tip.text == (
            "2020-01-01 to 2023-07-01 (excluded): "
            "CONDITIONAL — permitted only if Beta Vertrieb consents"
        )


class TestLabels:
    def test_change_days_are_labelled_with_their_amendment(self, timeline: ck.Timeline) -> None:
        """Every change day carries a label with its day and the amendment that opened it."""
        labels = texts(parse(timeline.to_svg()))
        assert "2020-01-01 signed" in labels
        assert "2023-07-01 renewal" in labels

    def test_a_change_without_amendment_names_its_cause(self, distribution: ck.Agreement) -> None:
        """A clause reaching its own end is labelled with that cause."""
        gamma_de = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
        timeline = distribution.timeline(gamma_de, start="2023-01-01", end="2027-01-01")
        assert timeline.segments[-1].opened_by is None
        labels = texts(parse(timeline.to_svg()))
        assert "2026-01-01 clause 'territory-de' reaches its end" in labels

    def test_amendments_that_change_nothing_can_be_marked(self, distribution: ck.Agreement) -> None:
        """Extra amendments are marked, dashed, only where no segment starts already."""
        sale = ck.TransferShares(seller="Acme", buyer="Gamma")  # no clause governs it
        timeline = distribution.timeline(sale, start="2019-01-01", end="2025-01-01")
        assert len(timeline.segments) == 1
        assert not [t for t in texts(parse(timeline.to_svg())) if "signed" in t]
        root = parse(timeline.to_svg(amendments=distribution.amendments))
        labels = texts(root)
        for amendment in distribution.amendments:
            assert labels.count(f"{amendment.effective.isoformat()} {amendment.id}") == 1
        dashed = [ln for ln in root.iter(f"{SVG}line") if ln.get("class") == "amendment"]
        assert len(dashed) == len(distribution.amendments) == 2
        assert all(ln.get("stroke-dasharray") for ln in dashed)

    def test_an_amendment_that_changes_the_answer_is_marked_once(
        self, distribution: ck.Agreement, gamma_at: ck.AppointDistributor
    ) -> None:
        """Passing the amendments again does not mark a change day twice."""
        timeline = distribution.timeline(gamma_at, start="2019-01-01", end="2025-01-01")
        root = parse(timeline.to_svg(amendments=distribution.amendments))
        assert texts(root).count("2020-01-01 signed") == 1
        assert not [ln for ln in root.iter(f"{SVG}line") if ln.get("class") == "amendment"]
        assert len([ln for ln in root.iter(f"{SVG}line") if ln.get("class") == "change"]) == 2

    def test_amendments_outside_the_period_are_not_marked(
        self, distribution: ck.Agreement, gamma_at: ck.AppointDistributor
    ) -> None:
        """An amendment before or after the period gets no mark."""
        timeline = distribution.timeline(gamma_at, start="2021-01-01", end="2022-01-01")
        root = parse(timeline.to_svg(amendments=distribution.amendments))
        assert not [t for t in texts(root) if "signed" in t or "renewal" in t]

    def test_axis_shows_years_on_a_long_timeline(self, timeline: ck.Timeline) -> None:
        """A six-year timeline gets a tick for each new year inside it."""
        labels = texts(parse(timeline.to_svg()))
        for year in range(2019, 2025):
            assert str(year) in labels

    def test_axis_shows_months_on_a_short_timeline(
        self, distribution: ck.Agreement, gamma_at: ck.AppointDistributor
    ) -> None:
        """A half-year timeline gets month ticks."""
        timeline = distribution.timeline(gamma_at, start="2023-03-01", end="2023-09-01")
        labels = texts(parse(timeline.to_svg()))
        assert {"2023-03", "2023-07", "2023-08"} <= set(labels)

    def test_legend_names_every_outcome(self, timeline: ck.Timeline) -> None:
        """The legend has a swatch and a name for each of the four outcomes."""
        root = parse(timeline.to_svg())
        swatches = [r.get("fill") for r in root.iter(f"{SVG}rect") if r.get("class") == "legend"]
        assert swatches == [
            OUTCOME_COLOURS[ck.Outcome.PERMITTED],
            OUTCOME_COLOURS[ck.Outcome.CONDITIONAL],
            OUTCOME_COLOURS[ck.Outcome.UNKNOWN],
            OUTCOME_COLOURS[ck.Outcome.PROHIBITED],
        ]
        assert {o.value for o in ck.Outcome} <= set(texts(root))

    def test_labels_near_each_other_do_not_share_a_row(self) -> None:
        """Change days a few days apart get their labels on different rows."""
        src = ck.OutsideSource(
            url="https://example.org/x", title="X", published="2020-01-01", gloss="g"
        )
        excl = ck.Exclusivity(
            id="e",
            title="E",
            evidence=[src],
            bound="A",
            beneficiary="B",
            verb="appoint-distributor",
            scope=["DE"],
        )
        deal = ck.Agreement(
            id="x",
            title="X",
            parties=[ck.Party("A"), ck.Party("B"), ck.Party("C")],
            amendments=[
                ck.Amendment(
                    id="first-amendment",
                    title="1",
                    effective="2020-01-01",
                    evidence=[src],
                    adds=[excl],
                ),
                ck.Amendment(
                    id="second-amendment",
                    title="2",
                    effective="2020-01-05",
                    evidence=[src],
                    ends=["e"],
                ),
            ],
        )
        action = ck.AppointDistributor(principal="A", distributor="C", territory="DE")
        root = parse(deal.timeline(action, start="2015-01-01", end="2025-01-01").to_svg())
        marks = [t for t in root.iter(f"{SVG}text") if t.get("class") == "mark-label"]
        assert len(marks) == 2
        assert marks[0].get("y") != marks[1].get("y")


class TestEscaping:
    @pytest.mark.parametrize("title", ["<b>bold</b> & co", "a < b > c & d", "\"quoted\" 'x'"])
    def test_titles_are_escaped(self, timeline: ck.Timeline, title: str) -> None:
        """A title with markup characters stays text: the SVG parses and shows it verbatim."""
        root = parse(timeline.to_svg(title=title))
        assert root[0].text == title
        assert root.get("aria-label") == title
        assert title in texts(root)
        assert "<b>" not in timeline.to_svg(title=title)

    def test_party_names_with_markup_characters(self) -> None:
        """Names with & < > in the action text are escaped in titles, tooltips and labels."""
        src = ck.OutsideSource(
            url="https://example.org/x", title="X", published="2020-01-01", gloss="g"
        )
        deal = ck.Agreement(
            id="x",
            title="X",
            parties=[ck.Party("Smith & <Sons>"), ck.Party("B"), ck.Party("C")],
            amendments=[
                ck.Amendment(
                    id="a",
                    title="A",
                    effective="2020-01-01",
                    evidence=[src],
                    adds=[
                        ck.Exclusivity(
                            id="e",
                            title="E",
                            evidence=[src],
                            bound="Smith & <Sons>",
                            beneficiary="B",
                            verb="appoint-distributor",
                            scope=["DE"],
                            consent_by="B",
                        )
                    ],
                ),
            ],
        )
        action = ck.AppointDistributor(principal="Smith & <Sons>", distributor="C", territory="DE")
        timeline = deal.timeline(action, start="2019-01-01", end="2021-01-01")
        svg = timeline.to_svg()
        root = parse(svg)
        assert root[0].text == "Smith & <Sons> appointing C as distributor in DE"
        assert "Smith &amp; &lt;Sons&gt;" in svg
        html = timeline._repr_html_()
        assert "<Sons>" not in html
        assert "&lt;Sons&gt;" in html


class TestDeterministic:
    def test_same_timeline_same_bytes(self, distribution: ck.Agreement) -> None:
        """Two builds of the same agreement draw byte-identical pictures."""
        action = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
        first = distribution.timeline(action, start="2019-01-01", end="2027-01-01").to_svg()
        again = (
            distribution_agreement()
            .timeline(action, start="2019-01-01", end="2027-01-01")
            .to_svg(amendments=())
        )
        assert first == again

    @given(
        agreement=ckst.agreements(),
        action=ckst.actions(),
        start=ckst.days(),
        length=st.integers(min_value=1, max_value=20 * 366),
        width=st.integers(min_value=200, max_value=2000),
    )
    def test_any_timeline_draws_a_well_formed_picture(
        self,
        agreement: ck.Agreement,
        action: ck.Action,
        start: pendulum.Date,
        length: int,
        width: int,
    ) -> None:
        """For any agreement and action: valid XML, one coloured rect per segment, repeatable."""
        names = {p.name for p in agreement.parties}
        if action.actor not in names or (action.counterparty or action.actor) not in names:
            action = ck.Act(
                actor=agreement.parties[0].name,
                verb="procure-compute",
                counterparty=agreement.parties[1].name,
                subject="training",
            )
        timeline = agreement.timeline(action, start=start, end=start.add(days=length))
        svg = timeline.to_svg(width=width, amendments=agreement.amendments)
        rects = segment_rects(parse(svg))
        assert [r.get("fill") for r in rects] == [OUTCOME_COLOURS[s.outcome] for s in timeline]
        xs = [float(r.get("x", "0")) for r in rects]
        assert xs == sorted(xs)
        assert all(0 <= x <= width for x in xs)
        assert svg == timeline.to_svg(width=width, amendments=agreement.amendments)


class TestMermaid:
    def test_to_mermaid_is_the_renderer(self, timeline: ck.Timeline) -> None:
        """Timeline.to_mermaid() is clausekit.render.timeline_to_mermaid, one bar per segment."""
        text = timeline.to_mermaid()
        assert text == timeline_to_mermaid(timeline)
        assert text.startswith("gantt\n")
        bars = [
            line
            for line in text.splitlines()
            if line.strip().startswith(("PERMITTED", "CONDITIONAL"))
        ]
        assert len(bars) == len(timeline.segments)


class TestJupyter:
    def test_timeline_svg_repr_is_its_picture(self, timeline: ck.Timeline) -> None:
        """_repr_svg_ returns the same picture as to_svg()."""
        assert timeline._repr_svg_() == timeline.to_svg()

    def test_timeline_html_repr_has_picture_and_table(self, timeline: ck.Timeline) -> None:
        """_repr_html_ holds the SVG and one table row per segment."""
        html = timeline._repr_html_()
        assert timeline.to_svg() in html
        assert html.count("<tr><td>") == len(timeline.segments)

    def test_verdict_html_repr(self) -> None:
        """A verdict shows its outcome, its condition and its explanation, escaped."""
        deal = shareholders_agreement()
        sale = ck.TransferShares(seller="Ann", buyer="Rival Corp", shares="common")
        verdict = deal.ask(sale, on="2020-01-01")
        html = verdict._repr_html_()
        assert verdict.outcome.value.upper() in html
        for condition in verdict.conditions:
            assert condition.text in html
        assert "<details>" in html
        root = ET.fromstring(html)  # the fragment is well-formed too
        assert root.get("class") == "clausekit-verdict"


def first_fit(items: list[tuple[float, str]], right: float) -> list[tuple[float, str, int, bool]]:
    """Label rows as first placed: each label tried against every row in turn."""
    rows_end: list[float] = []
    placed = []
    for x, text in items:
        width = svg._text_width(text) + 6
        at_end = x + width > right
        left, stop = (x - width, x) if at_end else (x, x + width)
        for row, taken in enumerate(rows_end):
            if left > taken:
                rows_end[row] = stop
                break
        else:
            row = len(rows_end)
            rows_end.append(stop)
        placed.append((x, text, row, at_end))
    return placed


class TestLabelRows:
    """Labels take the first row they fit in, found through a tree of the rows' ends."""

    @given(
        st.lists(
            st.tuples(st.floats(0, 960, allow_nan=False), st.text("abc 2025-01-01", max_size=30)),
            max_size=60,
        ),
        st.floats(100, 960, allow_nan=False),
    )
    def test_same_rows_as_trying_every_row(
        self, items: list[tuple[float, str]], right: float
    ) -> None:
        """Any labels, in any order, get the rows trying every row in turn gives them."""
        assert svg._place_rows(items, right) == first_fit(items, right)

    def test_crowded_labels_stack(self) -> None:
        """Labels at one spot each take a new row; one far to the right reuses the first."""
        items = [(10.0, "2025-01-01 a"), (10.0, "2025-01-01 b"), (500.0, "2026-01-01 c")]
        assert [row for _, _, row, _ in svg._place_rows(items, 960)] == [0, 1, 0]
