"""Explanations as memos: each source once, with the claims it supports under it."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given, settings

import clausekit as ck
from clausekit import testing as ckst
from clausekit.errors import ArgumentTypeError, RenderFormatError
from clausekit.render import group_sources, source_groups_to_dict, verdict_to_dict

BLOOMBERG = "https://www.bloomberg.com/news/articles/2019-07-22/move-over-elon-musk-microsoft-to-invest-1-billion-in-openai"
AWS = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)


@pytest.fixture(scope="module")
def deal() -> ck.Agreement:
    return ck.models.openai_microsoft()


@pytest.fixture(scope="module")
def january(deal: ck.Agreement) -> ck.Verdict:
    return deal.ask(AWS, on="2025-01-15")


def shared_source_deal() -> ck.Agreement:
    """Two clauses and their amendment citing one outside source with three claims."""
    one = ck.OutsideSource(
        url="https://example.org/deal", title="Deal", published="2020-01-01", gloss="claim one"
    )
    two = ck.OutsideSource(
        url="https://example.org/deal", title="Deal", published="2020-01-01", gloss="claim two"
    )
    three = ck.OutsideSource(
        url="https://example.org/deal", title="Deal", published="2020-01-01", gloss="claim three"
    )
    seed = ck.SeedExcerpt(document="009_abc", excerpt="nur mit Beta", gloss="only with Beta")
    return ck.Agreement(
        id="d",
        title="Deal",
        parties=[ck.Party("Acme"), ck.Party("Beta"), ck.Party("Gamma")],
        amendments=[
            ck.Amendment(
                id="signed",
                title="Signed",
                effective="2020-01-01",
                evidence=[three],
                adds=[
                    ck.Exclusivity(
                        id="excl",
                        title="Exclusive",
                        evidence=[one, seed],
                        bound="Acme",
                        beneficiary="Beta",
                        verb="appoint-distributor",
                        scope=["DE"],
                        consent_by="Beta",
                    ),
                    ck.Exclusivity(
                        id="excl-2",
                        title="Also exclusive",
                        evidence=[two, one],
                        bound="Acme",
                        beneficiary="Beta",
                        verb="appoint-distributor",
                        scope=["DE"],
                        consent_by="Beta",
                    ),
                ],
            )
        ],
    )


class TestEachSourceOnce:
    """A source cited by several claims, clauses or amendments appears once, its claims under it."""

    def test_shared_source_is_listed_once(self) -> None:
        """The example.org page backs both clauses and the amendment: one entry, three claims."""
        verdict = shared_source_deal().ask(
            ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE"),
            on="2021-01-01",
        )
        text = verdict.explain(width=200)
        assert text.count("https://example.org/deal") == 1
        groups, numbers = group_sources(verdict.rulings)
        assert [g.source.url for g in groups if isinstance(g.source, ck.OutsideSource)] == [
            "https://example.org/deal"
        ]
        page = groups[0]
        assert [c.gloss for c in page.claims] == ["claim one", "claim three", "claim two"]
        assert page.clauses == ("excl", "excl-2")
        assert page.amendments == ("signed",)
        assert numbers == ((1, 2), (1,))
        # Each claim sits under its source, in the order of first use.
        block = text[text.index("[1] Deal") : text.index("[2] ")]
        assert [line.strip() for line in block.strip().splitlines()[1:]] == [
            "- claim one",
            "- claim three",
            "- claim two",
        ]

    def test_headline_question_cites_bloomberg_once(self, january: ck.Verdict) -> None:
        """The issue's case: Bloomberg's 2019 article backed three claims and was cited three times."""
        text = january.explain(width=10_000)
        assert text.count(BLOOMBERG) == 1
        assert text.count("Bloomberg: Microsoft to invest $1 billion in OpenAI") == 1
        for claim in ("exclusive-cloud", "approval-required", "investment-1bn"):
            assert f"claim o.bloomberg-2019-07-22.{claim}" in text

    def test_every_source_of_every_ruling_is_shown(self, january: ck.Verdict) -> None:
        """Nothing is dropped by the grouping: every piece of evidence is in some group."""
        groups, _ = group_sources(january.rulings)
        grouped = [claim for g in groups for claim in g.claims]
        for ruling in january.rulings:
            for evidence in (*ruling.evidence, *ruling.amendment.evidence):
                assert evidence in grouped
        assert len(grouped) == len(set(grouped))

    def test_seed_excerpts_keep_document_id_and_gloss(self, january: ck.Verdict) -> None:
        """A seed is named by its document id; each excerpt is followed by its English gloss."""
        text = january.explain(width=10_000)
        assert "  [2] seed 003_a1f5f37c4354f31f\n" in text
        assert (
            '"Il contratto stabiliva che OpenAI potesse stipulare contratti con altri fornitori '
            'solo previa approvazione di Microsoft." (The contract provided that OpenAI could '
            "contract with other providers only with Microsoft's prior approval.)"
        ) in text

    def test_rulings_point_at_their_sources(self, january: ck.Verdict) -> None:
        """Each ruling ends with the numbers of the sources it rests on, and every number exists."""
        text = january.explain(width=10_000)
        cited = re.findall(r"Sources: ((?:\[\d+\](?:, )?)+)", text)
        assert cited == ["[1], [2], [3], [4], [5]"]
        assert all(f"  [{n}] " in text for n in range(1, 6))

    @settings(max_examples=40, deadline=None)
    @given(ckst.questions())
    def test_grouping_is_a_partition(self, question: tuple) -> None:  # type: ignore[type-arg]
        """For any question: each source key once, every piece of evidence in exactly one group."""
        agreement, action, scenario, day = question
        try:
            verdict = agreement.ask(action, on=day, scenario=scenario)
        except ck.ClauseKitError:
            return
        groups, numbers = group_sources(verdict.rulings)
        keys = [
            (type(g.source).__name__, getattr(g.source, "document", getattr(g.source, "url", "")))
            for g in groups
        ]
        assert len(keys) == len(set(keys))
        assert [g.number for g in groups] == list(range(1, len(groups) + 1))
        assert len(numbers) == len(verdict.rulings)
        for ruling, cited in zip(verdict.rulings, numbers, strict=True):
            for evidence in (*ruling.evidence, *ruling.amendment.evidence):
                holding = [g.number for g in groups if evidence in g.claims]
                assert len(holding) == 1
                assert holding[0] in cited


class TestFormats:
    """Plain text wraps to a width; Markdown is one line per item; anything else is refused."""

    def test_width_is_respected(self, january: ck.Verdict) -> None:
        """No line is longer than the width, except a web address that cannot be broken."""
        for width in (60, 72, 100):
            for line in january.explain(width=width).splitlines():
                if line.startswith(("Question:", "Answer:")):
                    continue  # the question and answer are one line each, whatever the width
                assert len(line) <= width or "https://" in line, line

    def test_markdown(self, january: ck.Verdict) -> None:
        """Markdown: labels in bold, sources as a numbered list with linked titles, claims nested."""
        md = january.explain(format="markdown")
        assert md.startswith("**Question:** is OpenAI procuring compute")
        assert "\n\n**Answer:** CONDITIONAL — permitted only if Microsoft consents\n" in md
        assert (
            f"1. [Bloomberg: Microsoft to invest $1 billion in OpenAI]({BLOOMBERG}), 2019-07-22"
            in md
        )
        assert "    - Condition: Microsoft consents." in md
        assert "2. seed `003_a1f5f37c4354f31f`\n    - “Il contratto" in md
        assert md.count(BLOOMBERG) == 1

    def test_markdown_escapes_markup(self) -> None:
        """Asterisks and brackets in titles show as written instead of turning into markup."""
        src = ck.OutsideSource(
            url="https://example.org/x",
            title="A *bold* [deal]",
            published="2020-01-01",
            gloss="a_b",
        )
        deal = ck.Agreement(
            id="d",
            title="D",
            parties=[ck.Party("Acme"), ck.Party("Beta"), ck.Party("Gamma")],
            amendments=[
                ck.Amendment(
                    id="s",
                    title="S",
                    effective="2020-01-01",
                    evidence=[src],
                    adds=[
                        ck.Exclusivity(
                            id="e",
                            title="E",
                            evidence=[src],
                            bound="Acme",
                            beneficiary="Beta",
                            verb="appoint-distributor",
                            scope=["DE"],
                        )
                    ],
                )
            ],
        )
        md = deal.ask(
            ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE"),
            on="2021-01-01",
        ).explain(format="markdown")
        assert r"[A \*bold\* \[deal\]](https://example.org/x)" in md
        assert r"- a\_b" in md

    @pytest.mark.parametrize("bad", ["html", "Markdown ", "", 3])
    def test_unknown_format_is_refused(self, january: ck.Verdict, bad: object) -> None:
        """A format other than text or markdown raises RenderFormatError naming the choices."""
        with pytest.raises(RenderFormatError, match="'text', 'markdown'") as info:
            january.explain(format=bad)  # type: ignore[arg-type]
        assert info.value.value == bad
        assert info.value.choices == ("text", "markdown")
        assert isinstance(info.value, ValueError)

    @pytest.mark.parametrize(
        ("width", "error"),
        [
            (39, RenderFormatError),
            (0, RenderFormatError),
            (-5, RenderFormatError),
            (88.0, ArgumentTypeError),
            ("88", ArgumentTypeError),
            (True, ArgumentTypeError),
        ],
    )
    def test_bad_width_is_refused(self, january: ck.Verdict, width: object, error: type) -> None:
        """A width that is no whole number, or too narrow to indent the memo in, is refused."""
        with pytest.raises(error, match="width"):
            january.explain(width=width)  # type: ignore[arg-type]

    def test_narrowest_width(self, january: ck.Verdict) -> None:
        """At the narrowest width every line fits, but one holding a single unbreakable word."""
        for line in january.explain(width=40).splitlines()[2:]:
            assert len(line) <= 40 or len(line.split()) == 1, line

    def test_no_ruling(self, deal: ck.Agreement) -> None:
        """With no clause speaking there is no Sources section, in either format."""
        verdict = deal.ask(AWS, on="2019-05-01")
        assert "Sources" not in verdict.explain()
        assert "Sources" not in verdict.explain(format="markdown")
        assert verdict.explain().endswith("governs this action.")


class TestJson:
    """verdict_to_dict (the --json of a verdict) carries the same grouping as the text."""

    def test_sources_match_the_text(self, january: ck.Verdict) -> None:
        """One entry per source, numbered as in explain(), claims with id, gloss and excerpt."""
        data = verdict_to_dict(january)
        sources = data["sources"]
        assert sources == source_groups_to_dict(group_sources(january.rulings)[0])
        assert [s["number"] for s in sources] == [1, 2, 3, 4, 5]
        assert sources[0]["source"] == {
            "type": "outside",
            "url": BLOOMBERG,
            "title": "Bloomberg: Microsoft to invest $1 billion in OpenAI",
            "published": "2019-07-22",
            "citation": f"Bloomberg: Microsoft to invest $1 billion in OpenAI, 2019-07-22, {BLOOMBERG}",
        }
        assert [c["claim"] for c in sources[0]["claims"]] == [
            "o.bloomberg-2019-07-22.exclusive-cloud",
            "o.bloomberg-2019-07-22.approval-required",
            "o.bloomberg-2019-07-22.investment-1bn",
        ]
        seed = sources[1]
        assert seed["source"] == {
            "type": "seed",
            "document": "003_a1f5f37c4354f31f",
            "citation": "seed 003_a1f5f37c4354f31f",
        }
        assert seed["claims"][0]["excerpt"].startswith("Il contratto stabiliva")
        assert seed["claims"][0]["gloss"].startswith("The contract provided")
        assert seed["clauses"] == ["compute-exclusivity"]
        assert data["rulings"][0]["sources"] == [1, 2, 3, 4, 5]
        text = january.explain(width=10_000)
        for entry in sources:
            assert f"[{entry['number']}] {entry['source']['citation']}" in text
            for claim in entry["claims"]:
                assert claim["text"] in text


def test_explanations_at_many_widths_keep_a_bounded_cache() -> None:
    """Asking explain() at a hundred widths keeps a handful of texts, not one per width."""
    import clausekit as ck

    deal = ck.models.openai_microsoft()
    verdict = deal.ask(
        ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING),
        on="2025-01-15",
    )
    first = verdict.explain(width=60)
    for width in range(40, 140):
        verdict.explain(width=width)
    assert len(verdict._texts) <= 4
    assert verdict.explain(width=60) == first


class TestConflicts:
    def test_a_disputed_claim_is_marked_with_the_other_side(self) -> None:
        """A cited claim that a recorded conflict involves is marked, naming the other side."""
        from clausekit.render import verdict_to_dict

        deal = ck.models.openai_microsoft()
        aws = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)
        verdict = deal.ask(aws, on="2025-11-15")
        text = verdict.explain(width=200)
        assert "! disputed (c.compute-commitments-total): s003.deals-worth-1-4" in text
        disputed = [
            e["disputed"]
            for r in verdict_to_dict(verdict)["rulings"]
            for e in r["evidence"]
            if e["disputed"]
        ]
        assert {
            "conflict": "c.compute-commitments-total",
            "other_side": ["s003.deals-worth-1-4"],
        } in [d for ds in disputed for d in ds]


def test_a_text_holding_the_day_mark_is_written_as_it_is(january: ck.Verdict) -> None:
    """The memo kept for every day of an answer marks where the day goes with a NUL; a
    verdict whose own text holds one is written afresh each time, the NUL where it was."""
    odd = attrs.evolve(january, agreement="Deal\x00one")
    for _ in range(2):
        text = odd.explain()
        assert text.startswith("Question: is OpenAI procuring compute for training from Amazon")
        assert "permitted on 2025-01-15 under Deal\x00one?" in text
    markdown = odd.explain(format="markdown")
    assert "permitted on 2025-01-15 under Deal\x00one?" in markdown
