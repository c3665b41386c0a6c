"""Portfolios from contract files and larger than memory: paths, stream() and evaluate_to()."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import clausekit as ck
from clausekit.portfolio import Failure, evaluate_to, stream
from clausekit.render.dicts import verdict_to_dict
from tests.portfolio.test_many import (
    DAY,
    PORTFOLIO,
    STRANGER_INDICES,
    TRAINING_ELSEWHERE,
    WITH_STRANGERS,
    cloud_agreement,
)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """WITH_STRANGERS as contract files, in TOML, YAML and JSON in turn."""
    folder = tmp_path_factory.mktemp("contracts")
    paths = []
    for index, agreement in enumerate(WITH_STRANGERS):
        path = folder / f"{index:02d}-{agreement.id}.{('toml', 'yaml', 'json')[index % 3]}"
        ck.dump(agreement, path)
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def fifty(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Fifty generated agreements as JSON files."""
    folder = tmp_path_factory.mktemp("fifty")
    paths = []
    for n in range(50):
        path = folder / f"cloud-{n:02d}.json"
        ck.dump(cloud_agreement(n % 12), path)
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def process_pool() -> Iterator[ProcessPoolExecutor]:
    with ProcessPoolExecutor(max_workers=2) as pool:
        yield pool


class Recording(Executor):
    """A thread pool that records what each submit sends and the most chunks out at once."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=2)
        self.sent: list[tuple[object, ...]] = []
        self.out = 0
        self.most_out = 0
        self.lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self.lock:
            self.sent.append(args)
            self.out += 1
            self.most_out = max(self.most_out, self.out)
        future = self.pool.submit(fn, *args, **kwargs)
        future.add_done_callback(lambda _: self._done())
        return future

    def _done(self) -> None:
        with self.lock:
            self.out -= 1

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=cancel_futures)


class TestContractFiles:
    """evaluate_many over paths: each file is loaded where it is answered, failures in place."""

    def test_same_answers_as_the_agreements(self, files: list[Path]) -> None:
        """Paths (str or Path) answer exactly as the agreements they hold, in order."""
        expected = ck.evaluate_many(WITH_STRANGERS, TRAINING_ELSEWHERE, on=DAY)
        from_paths = ck.evaluate_many(files, TRAINING_ELSEWHERE, on=DAY)
        from_text = ck.evaluate_many([str(p) for p in files], TRAINING_ELSEWHERE, on=DAY)
        assert from_paths.verdicts == from_text.verdicts == expected.verdicts
        assert [f.index for f in from_paths.failures] == STRANGER_INDICES
        for failure in from_paths.failures:
            assert failure.agreement_id == "stranger"
            assert failure.path == str(files[failure.index])
            assert str(files[failure.index]) in str(failure)

    def test_on_a_process_pool_only_paths_travel(
        self, files: list[Path], process_pool: ProcessPoolExecutor
    ) -> None:
        """On a pool the answers are the same; what is sent is the paths, never an agreement."""
        results = ck.evaluate_many(
            files, TRAINING_ELSEWHERE, on=DAY, executor=process_pool, chunksize=3
        )
        assert results == ck.evaluate_many(files, TRAINING_ELSEWHERE, on=DAY)
        recording = Recording()
        with recording:
            ck.evaluate_many(files, TRAINING_ELSEWHERE, on=DAY, executor=recording, chunksize=4)
        chunks = [args[2] for args in recording.sent]
        assert [len(c) for c in chunks] == [4, 4, 3]  # type: ignore[arg-type]
        assert all(isinstance(item, str) for c in chunks for item in c)  # type: ignore[attr-defined]

    def test_unreadable_files_fail_in_their_place(self, files: list[Path], tmp_path: Path) -> None:
        """A missing or invalid file is a Failure with its index and path; the rest answer."""
        bad = tmp_path / "bad.toml"
        bad.write_text('format = "clausekit/1"\nid = "x"\n', encoding="utf-8")
        portfolio = [files[0], tmp_path / "missing.json", PORTFOLIO[1], bad]
        results = ck.evaluate_many(portfolio, TRAINING_ELSEWHERE, on=DAY)
        assert [f.index for f in results.failures] == [1, 3]
        missing, invalid = results.failures
        assert (missing.kind, missing.agreement_id, missing.path) == (
            "ContractFileError",
            "",
            str(tmp_path / "missing.json"),
        )
        assert invalid.path == str(bad)
        assert f"agreement #1 ({tmp_path / 'missing.json'}): ContractFileError" in str(missing)
        assert results.verdicts[0] == PORTFOLIO[0].ask(TRAINING_ELSEWHERE, on=DAY)
        assert results.verdicts[2] == PORTFOLIO[1].ask(TRAINING_ELSEWHERE, on=DAY)

    def test_timeline_many_over_paths(self, files: list[Path]) -> None:
        """timeline_many takes paths too."""
        kwargs: dict[str, Any] = {"start": "2019-01-01", "end": "2024-01-01"}
        from_files = ck.timeline_many(files, TRAINING_ELSEWHERE, **kwargs)
        expected = ck.timeline_many(WITH_STRANGERS, TRAINING_ELSEWHERE, **kwargs)
        assert from_files.verdicts == expected.verdicts
        assert [f.index for f in from_files.failures] == STRANGER_INDICES


class TestStream:
    """stream() yields evaluate_many's entries in order, reading the portfolio lazily."""

    def test_fifty_files_on_a_pool_equal_in_process(
        self, fifty: list[Path], process_pool: ProcessPoolExecutor
    ) -> None:
        """A generator of 50 paths on two processes: exactly the in-process answers, in order."""
        expected = ck.evaluate_many([ck.load(p) for p in fifty], TRAINING_ELSEWHERE, on=DAY)
        streamed = stream(
            (p for p in fifty),
            TRAINING_ELSEWHERE,
            on=DAY,
            executor=process_pool,
            chunksize=4,
            in_flight=2,
        )
        assert tuple(streamed) == expected.entries
        assert tuple(stream(iter(fifty), TRAINING_ELSEWHERE, on=DAY)) == expected.entries

    def test_in_flight_work_is_bounded(self, fifty: list[Path]) -> None:
        """At most in_flight chunks are out at once, and the input is read only that far ahead."""
        pulled = 0

        def paths() -> Iterator[Path]:
            nonlocal pulled
            for path in fifty:
                pulled += 1
                yield path

        recording = Recording()
        with recording:
            entries = stream(
                paths(), TRAINING_ELSEWHERE, on=DAY, executor=recording, chunksize=5, in_flight=2
            )
            for taken, _ in enumerate(entries, start=1):
                assert pulled - taken < 5 * 3  # the chunk being yielded and two more at most
        assert taken == 50
        assert recording.most_out <= 2
        assert len(recording.sent) == 10

    def test_failures_and_timelines(self, files: list[Path]) -> None:
        """Failures stand in place; during= streams timelines."""
        entries = list(stream(files, TRAINING_ELSEWHERE, on=DAY, chunksize=2))
        assert [i for i, e in enumerate(entries) if isinstance(e, Failure)] == STRANGER_INDICES
        timelines = list(stream(PORTFOLIO, TRAINING_ELSEWHERE, during="2021", chunksize=5))
        assert timelines == [a.ask(TRAINING_ELSEWHERE, during="2021") for a in PORTFOLIO]

    def test_stopping_early_cancels_the_rest(self, fifty: list[Path]) -> None:
        """Closing the iterator cancels the chunks not yet started."""
        recording = Recording()
        with recording:
            entries = stream(
                fifty, TRAINING_ELSEWHERE, on=DAY, executor=recording, chunksize=5, in_flight=3
            )
            next(entries)
            entries.close()  # type: ignore[attr-defined]
        assert len(recording.sent) <= 4

    @pytest.mark.parametrize(
        ("kwargs", "match"),
        [
            ({"on": DAY, "in_flight": 0}, r"in_flight=0"),
            ({"on": DAY, "chunksize": 0}, r"chunksize=0"),
            ({}, r"on="),
        ],
    )
    def test_bad_arguments_are_refused_at_once(self, kwargs: dict[str, Any], match: str) -> None:
        """The question is checked when stream() is called, before anything is read."""
        with pytest.raises(ck.QuestionError, match=match):
            stream(PORTFOLIO, TRAINING_ELSEWHERE, **kwargs)

    def test_a_bad_item_is_refused_while_reading(self) -> None:
        """An item that is neither an agreement nor a path is named by its index."""
        with pytest.raises(ck.QuestionError, match=r"agreements\[2\]=None is neither"):
            list(stream([*PORTFOLIO[:2], None], TRAINING_ELSEWHERE, on=DAY))


class TestEvaluateTo:
    """evaluate_to writes one JSON line per item, in order, as the answers come."""

    def test_compact_lines(self, files: list[Path], tmp_path: Path) -> None:
        """Each line has the index, id, path and the answer's outcome, or the error."""
        out = tmp_path / "answers.jsonl"
        written = evaluate_to(out, files, TRAINING_ELSEWHERE, on=DAY, chunksize=3)
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        expected = ck.evaluate_many(WITH_STRANGERS, TRAINING_ELSEWHERE, on=DAY)
        assert [line["index"] for line in lines] == list(range(len(files)))
        assert written.entries == len(files)
        assert written.failures == len(STRANGER_INDICES)
        for line, entry, path in zip(lines, expected, files, strict=True):
            assert line["path"] == str(path)
            if isinstance(entry, Failure):
                assert line["agreement"] == "stranger"
                assert line["error"]["kind"] == "UnknownPartyError"
                continue
            assert line["outcome"] == entry.outcome.value
            assert line["on"] == DAY
            assert line["conditions"] == [c.text for c in entry.conditions]
            assert line["clauses"] == [r.clause_id for r in entry.rulings]
        outcomes: dict[str, int] = {}
        for entry in expected.verdicts:
            if entry is not None:
                outcomes[entry.outcome.value] = outcomes.get(entry.outcome.value, 0) + 1
        assert written.outcomes == outcomes

    def test_full_lines_on_a_pool(
        self, fifty: list[Path], process_pool: ProcessPoolExecutor, tmp_path: Path
    ) -> None:
        """detail='full' writes each verdict as the command line's --json prints it."""
        out = tmp_path / "full.jsonl"
        evaluate_to(
            out, fifty[:10], TRAINING_ELSEWHERE, on=DAY, executor=process_pool, detail="full"
        )
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        for line, path in zip(lines, fifty[:10], strict=True):
            assert line["answer"] == verdict_to_dict(ck.load(path).ask(TRAINING_ELSEWHERE, on=DAY))

    def test_timelines(self, tmp_path: Path) -> None:
        """A period gives each timeline's segments."""
        out = tmp_path / "t.jsonl"
        written = evaluate_to(
            out, PORTFOLIO[:3], TRAINING_ELSEWHERE, during="2019-01-01/2024-01-01"
        )
        assert written.outcomes == {}
        first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
        timeline = PORTFOLIO[0].ask(TRAINING_ELSEWHERE, during="2019-01-01/2024-01-01")
        assert [s["outcome"] for s in first["segments"]] == [
            s.outcome.value for s in timeline.segments
        ]

    def test_bad_detail_and_path(self, tmp_path: Path) -> None:
        """detail must be compact or full; the target must be a path."""
        with pytest.raises(ck.QuestionError, match="detail='short'"):
            evaluate_to(tmp_path / "x", PORTFOLIO, TRAINING_ELSEWHERE, on=DAY, detail="short")  # type: ignore[arg-type]
        with pytest.raises(ck.errors.ArgumentTypeError, match="path=3"):
            evaluate_to(3, PORTFOLIO, TRAINING_ELSEWHERE, on=DAY)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def dask_executor() -> Iterator[Executor]:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client.get_executor(pure=False)


def test_evaluate_to_on_dask(fifty: list[Path], dask_executor: Executor, tmp_path: Path) -> None:
    """On a Dask LocalCluster the lines are those written in-process, in the same order."""
    here, there = tmp_path / "here.jsonl", tmp_path / "there.jsonl"
    evaluate_to(here, fifty, TRAINING_ELSEWHERE, on=DAY)
    evaluate_to(
        there, iter(fifty), TRAINING_ELSEWHERE, on=DAY, executor=dask_executor, chunksize=7,
        in_flight=2,
    )  # fmt: skip
    assert there.read_text(encoding="utf-8") == here.read_text(encoding="utf-8")
