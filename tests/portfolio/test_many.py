"""Portfolio questions: evaluate_many / timeline_many in-process, on a process pool and on Dask."""

from __future__ import annotations

import gc
import pickle
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

import pendulum
import pytest

import clausekit as ck
from clausekit.errors import ArgumentTypeError
from clausekit.portfolio import Failure, PortfolioError, Results

SOURCE = ck.OutsideSource(
    url="https://example.org/contracts/portfolio",
    title="Generated cloud agreements (test fixture)",
    published="2019-01-01",
    gloss="The lab buys compute only from its cloud, then offers it a right of first refusal.",
)
TRAINING_ELSEWHERE = ck.ProcureCompute(buyer="Lab", provider="OtherCloud", workload="training")


def cloud_agreement(n: int) -> ck.Agreement:
    """Agreement ``n``: exclusive cloud, then a right of first refusal, then free; dates vary."""
    signed = pendulum.Date(2019, 1, 1).add(days=37 * n)
    rofr = signed.add(days=400 + 53 * n)
    free = rofr.add(days=200 + 29 * n)
    return ck.Agreement(
        id=f"cloud-{n}",
        title=f"Cloud agreement {n}",
        parties=[ck.Party("Lab"), ck.Party(f"Cloud {n}"), ck.Party("OtherCloud")],
        amendments=[
            ck.Amendment(
                id="signed",
                title="Signed",
                effective=signed,
                evidence=[SOURCE],
                adds=[
                    ck.Exclusivity(
                        id="exclusive",
                        title="Exclusive cloud",
                        evidence=[SOURCE],
                        bound="Lab",
                        beneficiary=f"Cloud {n}",
                        consent_by=f"Cloud {n}",
                    )
                ],
            ),
            ck.Amendment(
                id="rofr",
                title="Right of first refusal",
                effective=rofr,
                evidence=[SOURCE],
                replaces=[
                    ck.Replacement(
                        "exclusive",
                        ck.RightOfFirstRefusal(
                            id="rofr",
                            title="Right of first refusal",
                            evidence=[SOURCE],
                            grantor="Lab",
                            holder=f"Cloud {n}",
                        ),
                    )
                ],
            ),
            ck.Amendment(id="free", title="Free", effective=free, evidence=[SOURCE], ends=["rofr"]),
        ],
    )


def stranger_agreement() -> ck.Agreement:
    """An agreement that does not know 'OtherCloud': asking it about OtherCloud fails."""
    return ck.Agreement(
        id="stranger",
        title="Agreement without OtherCloud",
        parties=[ck.Party("Lab"), ck.Party("Cloud X")],
        amendments=[
            ck.Amendment(
                id="signed",
                title="Signed",
                effective="2019-01-01",
                evidence=[SOURCE],
                adds=[
                    ck.Exclusivity(
                        id="exclusive",
                        title="Exclusive cloud",
                        evidence=[SOURCE],
                        bound="Lab",
                        beneficiary="Cloud X",
                    )
                ],
            )
        ],
    )


PORTFOLIO = [cloud_agreement(n) for n in range(12)]
WITH_STRANGERS = [*PORTFOLIO[:4], stranger_agreement(), *PORTFOLIO[4:9], stranger_agreement()]
STRANGER_INDICES = [4, 10]
DAY = "2021-03-01"


def expected_verdicts(agreements: list[ck.Agreement]) -> list[ck.Verdict | None]:
    """What asking each agreement on its own gives (None where it raises)."""
    out: list[ck.Verdict | None] = []
    for agreement in agreements:
        try:
            out.append(agreement.ask(TRAINING_ELSEWHERE, on=DAY))
        except ck.UnknownPartyError:
            out.append(None)
    return out


def check_results(results: Results[Any], agreements: list[ck.Agreement]) -> None:
    """The checks every executor must pass: order, equality, failures in place."""
    assert len(results) == len(agreements)
    assert list(results.verdicts) == expected_verdicts(agreements)
    failures = results.failures
    assert [f.index for f in failures] == [
        i for i, a in enumerate(agreements) if a.id == "stranger"
    ]
    for failure in failures:
        assert results[failure.index] is failure
        assert failure.agreement_id == "stranger"
        assert failure.kind == "UnknownPartyError"
        assert "OtherCloud" in failure.message
        assert isinstance(failure.error, ck.UnknownPartyError)


class TestInProcess:
    """Without an executor the portfolio is answered here, in input order."""

    def test_verdicts_equal_asking_each_agreement(self) -> None:
        """Each verdict is exactly the one agreement.ask gives, in the same order."""
        results = ck.evaluate_many(PORTFOLIO, TRAINING_ELSEWHERE, on=DAY)
        assert results.ok
        assert list(results) == expected_verdicts(PORTFOLIO)
        assert {v.outcome for v in results} == {
            ck.Outcome.CONDITIONAL,
            ck.Outcome.PERMITTED,
        }, "the fixture should cover several answers"

    def test_failures_stand_in_their_agreements_place(self) -> None:
        """An agreement that raises is reported with its index and id; the others still answer."""
        results = ck.evaluate_many(WITH_STRANGERS, TRAINING_ELSEWHERE, on=DAY)
        check_results(results, WITH_STRANGERS)
        assert not results.ok
        assert [i for i, v in enumerate(results.verdicts) if v is None] == STRANGER_INDICES

    def test_raise_if_failed_lists_every_failure(self) -> None:
        """raise_if_failed raises one PortfolioError naming every failed agreement."""
        results = ck.evaluate_many(WITH_STRANGERS, TRAINING_ELSEWHERE, on=DAY)
        with pytest.raises(PortfolioError, match=r"2 of 11 agreements") as info:
            results.raise_if_failed()
        assert [f.index for f in info.value.failures] == STRANGER_INDICES
        assert "agreement #4 ('stranger')" in str(info.value)
        assert isinstance(info.value, ck.ClauseKitError)

    def test_raise_if_failed_returns_results_when_all_answer(self) -> None:
        """With no failure, raise_if_failed returns the results for chaining."""
        results = ck.evaluate_many(PORTFOLIO, TRAINING_ELSEWHERE, on=DAY)
        assert results.raise_if_failed() is results

    def test_during_gives_timelines(self) -> None:
        """With during=, each entry is the agreement's timeline for the period."""
        results = ck.evaluate_many(PORTFOLIO, TRAINING_ELSEWHERE, during="2021")
        assert list(results) == [a.ask(TRAINING_ELSEWHERE, during="2021") for a in PORTFOLIO]

    def test_timeline_many_equals_each_timeline(self) -> None:
        """timeline_many gives each agreement's own timeline, failures in place."""
        results = ck.timeline_many(
            WITH_STRANGERS, TRAINING_ELSEWHERE, start="2019-01-01", end="2024-01-01"
        )
        for index, (agreement, entry) in enumerate(zip(WITH_STRANGERS, results, strict=True)):
            if index in STRANGER_INDICES:
                assert isinstance(entry, Failure)
            else:
                assert entry == agreement.timeline(
                    TRAINING_ELSEWHERE, start="2019-01-01", end="2024-01-01"
                )

    def test_scenario_applies_to_every_agreement(self) -> None:
        """A scenario is resolved by each agreement with its own party names."""
        scenario = ck.Scenario(ck.ConsentGiven(by="Cloud 3"))
        results = ck.evaluate_many(PORTFOLIO[3:5], TRAINING_ELSEWHERE, on=DAY, scenario=scenario)
        third = results.verdicts[0]
        assert third is not None
        assert third == PORTFOLIO[3].ask(TRAINING_ELSEWHERE, on=DAY, scenario=scenario)
        assert isinstance(results[1], Failure), "Cloud 3 is unknown to agreement 4"

    def test_empty_portfolio(self) -> None:
        """No agreements, no entries."""
        assert len(ck.evaluate_many([], TRAINING_ELSEWHERE, on=DAY)) == 0


class TestMalformedQuestions:
    """A malformed question is refused at once, before any agreement is asked."""

    @pytest.mark.parametrize(
        ("kwargs", "match"),
        [
            ({}, r"on="),
            ({"on": DAY, "during": "2021"}, r"on="),
            ({"on": DAY, "executor": object()}, r"not a concurrent\.futures\.Executor"),
            ({"on": DAY, "scenario": [ck.ConsentGiven(by="Lab")]}, r"not a clausekit\.Scenario"),
        ],
    )
    def test_refused(self, kwargs: dict[str, Any], match: str) -> None:
        """Neither/both of on and during, a non-executor, a non-scenario: QuestionError."""
        with pytest.raises(ck.QuestionError, match=match):
            ck.evaluate_many(PORTFOLIO[:2], TRAINING_ELSEWHERE, **kwargs)

    def test_not_an_agreement_names_its_index(self) -> None:
        """An item that is neither an Agreement nor a path is named by its index."""
        with pytest.raises(ck.QuestionError, match=r"agreements\[1\]=42 is neither"):
            ck.evaluate_many([PORTFOLIO[0], 42], TRAINING_ELSEWHERE, on=DAY)  # type: ignore[list-item]

    def test_one_agreement_is_not_a_portfolio(self) -> None:
        """Passing one agreement instead of a list says so."""
        with pytest.raises(ck.QuestionError, match=r"one Agreement"):
            ck.evaluate_many(PORTFOLIO[0], TRAINING_ELSEWHERE, on=DAY)  # type: ignore[arg-type]

    @pytest.mark.parametrize("chunksize", [0, -3, 2.5, True])
    def test_bad_chunksize(self, chunksize: object) -> None:
        """chunksize must be a positive whole number."""
        with (
            ProcessPoolExecutor(max_workers=1) as pool,
            pytest.raises(ck.QuestionError, match=r"chunksize="),
        ):
            ck.evaluate_many(
                PORTFOLIO[:2],
                TRAINING_ELSEWHERE,
                on=DAY,
                executor=pool,
                chunksize=chunksize,  # type: ignore[arg-type]
            )

    def test_bad_day(self) -> None:
        """A day that is not a calendar day is refused as by ask()."""
        with pytest.raises(ck.InvalidDateError):
            ck.evaluate_many(PORTFOLIO[:2], TRAINING_ELSEWHERE, on="2021-02-30")

    @pytest.mark.parametrize(
        ("agreements", "action", "fragment"),
        [
            (None, TRAINING_ELSEWHERE, "agreements=None"),
            (42, TRAINING_ELSEWHERE, "agreements=42"),
            ("cloud-1", TRAINING_ELSEWHERE, "agreements='cloud-1'"),
            (PORTFOLIO[:1], None, "action=None"),
            (PORTFOLIO[:1], "train", "action='train'"),
        ],
    )
    def test_wrong_types_name_the_argument(
        self, agreements: Any, action: Any, fragment: str
    ) -> None:
        """evaluate_many(None, ...) and a non-action: ArgumentTypeError with value and fix."""
        for call in (
            lambda: ck.evaluate_many(agreements, action, on=DAY),
            lambda: ck.timeline_many(agreements, action, start="2020-01-01", end="2021-01-01"),
        ):
            with pytest.raises(ArgumentTypeError) as info:
                call()
            assert fragment in str(info.value)
            assert "Pass " in str(info.value)

    def test_shut_down_executor(self) -> None:
        """An executor already shut down is refused with a QuestionError that says what to pass."""
        pool = ThreadPoolExecutor(max_workers=1)
        pool.shutdown()
        for call in (
            lambda: ck.evaluate_many(PORTFOLIO[:3], TRAINING_ELSEWHERE, on=DAY, executor=pool),
            lambda: ck.timeline_many(
                PORTFOLIO[:3],
                TRAINING_ELSEWHERE,
                start="2020-01-01",
                end="2021-01-01",
                executor=pool,
            ),
        ):
            with pytest.raises(ck.QuestionError, match="has been shut down") as info:
                call()
            assert "executor=None" in str(info.value)


class TestPickling:
    """Agreements and verdicts travel to workers and back by pickle."""

    def test_agreement_round_trip_answers_the_same(self) -> None:
        """An unpickled agreement is equal and gives equal verdicts and explanations."""
        agreement = PORTFOLIO[5]
        asked = agreement.ask(TRAINING_ELSEWHERE, on=DAY)
        copy = pickle.loads(pickle.dumps(agreement))
        assert copy == agreement
        again = copy.ask(TRAINING_ELSEWHERE, on=DAY)
        assert again == asked
        assert again.explain() == asked.explain()

    def test_bundled_model_round_trip(self) -> None:
        """The bundled model survives pickling, AGI clauses and all."""
        deal = ck.models.openai_microsoft()
        copy = pickle.loads(pickle.dumps(deal))
        aws = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload="training")
        assert copy == deal
        assert copy.timeline(aws, start="2019-01-01", end="2027-01-01") == deal.timeline(
            aws, start="2019-01-01", end="2027-01-01"
        )

    def test_verdict_and_failure_round_trip(self) -> None:
        """Verdicts and failures (with their error) pickle."""
        results = ck.evaluate_many(WITH_STRANGERS[3:5], TRAINING_ELSEWHERE, on=DAY)
        copy = pickle.loads(pickle.dumps(results))
        assert copy == results
        failure = copy[1]
        assert isinstance(failure, Failure)
        assert isinstance(failure.error, ck.UnknownPartyError)


class _BrokenExecutor(Executor):
    """An executor whose every task fails, as when a worker dies."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_exception(RuntimeError("worker lost"))
        return future


class TestExecutorFailures:
    """A chunk that fails as a whole marks each of its agreements, never drops them."""

    def test_every_agreement_of_a_failed_chunk_is_reported(self) -> None:
        """Each agreement of the lost chunks is a failure naming the worker's error."""
        results = ck.evaluate_many(
            PORTFOLIO[:5], TRAINING_ELSEWHERE, on=DAY, executor=_BrokenExecutor(), chunksize=2
        )
        assert [f.index for f in results.failures] == [0, 1, 2, 3, 4]
        assert [f.agreement_id for f in results.failures] == [a.id for a in PORTFOLIO[:5]]
        assert (
            "agreements #2 to #3 failed: RuntimeError: worker lost" in results.failures[2].message
        )


@pytest.fixture(scope="module")
def process_pool() -> Iterator[ProcessPoolExecutor]:
    """Two local worker processes, shut down after the class."""
    with ProcessPoolExecutor(max_workers=2) as pool:
        yield pool


class TestProcessPool:
    """On a ProcessPoolExecutor the results equal the in-process ones, in order."""

    def test_same_results_as_in_process(self, process_pool: ProcessPoolExecutor) -> None:
        """Chunks of 3 over two workers: same verdicts, same failures, same order."""
        results = ck.evaluate_many(
            WITH_STRANGERS, TRAINING_ELSEWHERE, on=DAY, executor=process_pool, chunksize=3
        )
        check_results(results, WITH_STRANGERS)
        local = ck.evaluate_many(WITH_STRANGERS, TRAINING_ELSEWHERE, on=DAY)
        assert results == local

    def test_timelines(self, process_pool: ProcessPoolExecutor) -> None:
        """timeline_many on the pool equals timeline_many here."""
        kwargs: dict[str, Any] = {"start": "2019-01-01", "end": "2024-01-01"}
        remote = ck.timeline_many(
            WITH_STRANGERS, TRAINING_ELSEWHERE, executor=process_pool, **kwargs
        )
        assert remote == ck.timeline_many(WITH_STRANGERS, TRAINING_ELSEWHERE, **kwargs)


@pytest.fixture(scope="module")
def dask_executor() -> Iterator[Executor]:
    """A two-process Dask LocalCluster's executor; the cluster is closed afterwards."""
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client.get_executor()


class TestDask:
    """On a Dask cluster (client.get_executor()) the results equal the in-process ones."""

    def test_same_results_as_in_process(self, dask_executor: Executor) -> None:
        """Chunks of 4 over two Dask workers: same verdicts, same failures, same order."""
        results = ck.evaluate_many(
            WITH_STRANGERS, TRAINING_ELSEWHERE, on=DAY, executor=dask_executor, chunksize=4
        )
        check_results(results, WITH_STRANGERS)
        assert results == ck.evaluate_many(WITH_STRANGERS, TRAINING_ELSEWHERE, on=DAY)

    def test_timelines(self, dask_executor: Executor) -> None:
        """timeline_many on Dask equals timeline_many here."""
        kwargs: dict[str, Any] = {"start": "2019-01-01", "end": "2024-01-01"}
        remote = ck.timeline_many(PORTFOLIO, TRAINING_ELSEWHERE, executor=dask_executor, **kwargs)
        assert remote == ck.timeline_many(PORTFOLIO, TRAINING_ELSEWHERE, **kwargs)


class TestCollector:
    """evaluate_many pauses the cyclic garbage collector only while it answers."""

    def test_restored_when_enabled(self) -> None:
        """An enabled collector is enabled again afterwards, even after failures."""
        assert gc.isenabled()
        ck.evaluate_many(WITH_STRANGERS, TRAINING_ELSEWHERE, on=DAY)
        assert gc.isenabled()

    def test_left_disabled_when_disabled(self) -> None:
        """A collector the caller disabled stays disabled."""
        gc.disable()
        try:
            ck.evaluate_many(PORTFOLIO[:2], TRAINING_ELSEWHERE, on=DAY)
            assert not gc.isenabled()
        finally:
            gc.enable()


class TestSharedAnswers:
    """Days of one stretch share one worked-out answer, yet each verdict is its own day's."""

    def test_explanations_differ_only_by_day(self) -> None:
        """Two days between the same change days: same rulings, each heading names its day."""
        deal = ck.models.openai_microsoft()
        aws = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload="training")
        first = deal.ask(aws, on="2025-01-10")
        second = deal.ask(aws, on="2025-01-15")
        assert first.rulings == second.rulings
        assert first.explain().replace("2025-01-10", "2025-01-15") == second.explain()
        assert "permitted on 2025-01-15" in second.explain()

    def test_same_as_a_fresh_agreement(self) -> None:
        """Asking after many other questions gives what a never-asked copy gives."""
        deal = cloud_agreement(7)
        for day in ("2019-06-01", "2021-03-01", "2023-01-01", "2030-01-01"):
            deal.ask(TRAINING_ELSEWHERE, on=day).explain()
        fresh = pickle.loads(pickle.dumps(deal))
        for day in ("2019-06-02", "2021-03-02", "2023-01-02", "2030-01-02"):
            ours, theirs = (
                deal.ask(TRAINING_ELSEWHERE, on=day),
                fresh.ask(TRAINING_ELSEWHERE, on=day),
            )
            assert ours == theirs
            assert ours.explain() == theirs.explain()
