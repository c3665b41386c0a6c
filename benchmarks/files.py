"""Portfolios on disk: contract files answered in-process, on a process pool, and streamed on Dask.

    python benchmarks/files.py pool 10000        # N files: in-process, then ProcessPoolExecutor(2)
    python benchmarks/files.py stream 100000     # N files streamed on a Dask LocalCluster (2 workers)
    python benchmarks/files.py stream 1000000 --folder /big/disk/contracts --workers 2
    python benchmarks/files.py memory 0          # KiB the loaded example contract holds

Each prints one JSON line. The files are benchmarks/portfolio.py's generated
agreements written as JSON (``cloud-<n>.json``, about 3 KB each), in
``--folder`` (default: a folder under the system's temporary directory), and
kept there for the next run: writing them is not timed. Run by run.py (the
pool at 10,000 files, the stream at 10,000); the larger streamed runs are run by
hand, as docs/performance.md shows.

``pool`` times ``evaluate_many(paths)`` in this process, then on a
``ProcessPoolExecutor(2)`` whose workers are started, and have loaded one file
each, before the clock starts: the workers load their own files, so only paths
travel out and verdicts back.

``stream`` runs ``clausekit.portfolio.evaluate_to`` over a *generator* of the
paths on a Dask ``LocalCluster`` (one thread per worker process), writing JSON
lines, and reports the wall time, the throughput, and the peak resident memory
of this process and of each worker: memory is bounded by ``chunksize ×
in_flight``, not by N.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import clausekit as ck
import portfolio
from clausekit.portfolio import evaluate_to

DEFAULT_FOLDER = Path(tempfile.gettempdir()) / "clausekit-bench-contracts"


def write(n: int, folder: Path) -> Path:
    """Agreements 0..n-1 as JSON contract files in ``folder``; files already there are kept."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / ".written"
    done = int(marker.read_text()) if marker.exists() else 0
    for i in range(done, n):
        ck.dump(portfolio.agreement(i), folder / f"cloud-{i}.json")
        if i % 10_000 == 9_999:
            marker.write_text(str(i + 1))
    marker.write_text(str(max(n, done)))
    return folder


def paths(n: int, folder: Path) -> Iterator[str]:
    """The paths of the first ``n`` files, one at a time (nothing listed up front)."""
    for i in range(n):
        yield str(folder / f"cloud-{i}.json")


def _warm(path: str) -> int:
    """Load one file in a worker (imports clausekit.io there); returns the worker's pid."""
    ck.load(path)
    return os.getpid()


def _cpu(_: int) -> tuple[int, float]:
    """This worker's pid and the CPU seconds it has used so far."""
    time.sleep(0.01)  # so that every worker takes some of the calls
    return os.getpid(), time.process_time()


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def measure_pool(n: int, folder: Path, workers: int) -> dict[str, object]:
    files = list(paths(n, folder))
    _warm(files[0])
    cpu = time.process_time()
    start = time.perf_counter()
    here = ck.evaluate_many(files, portfolio.QUESTION, on=portfolio.DAY)
    in_process = time.perf_counter() - start
    in_process_cpu = time.process_time() - cpu
    here.raise_if_failed()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_warm, files[: workers * 4]))  # every worker up, clausekit.io imported
        before = list(pool.map(_cpu, range(workers * 8)))
        cpu = time.process_time()
        start = time.perf_counter()
        there = ck.evaluate_many(files, portfolio.QUESTION, on=portfolio.DAY, executor=pool)
        pooled = time.perf_counter() - start
        driver_cpu = time.process_time() - cpu
        after = list(pool.map(_cpu, range(workers * 8)))
    # CPU seconds each worker spent on the portfolio (its CPU clock after minus before).
    used = {
        pid: max(s for p, s in after if p == pid) - min(s for p, s in before if p == pid)
        for pid in {p for p, _ in before} & {p for p, _ in after}
    }
    if there != here:
        raise SystemExit("benchmark: the pool's answers differ from the in-process ones")
    return {
        "n": n,
        "workers": workers,
        "in_process_seconds": in_process,
        "in_process_cpu_seconds": in_process_cpu,
        "pool_seconds": pooled,
        "speedup": in_process / pooled,
        "pool_driver_cpu_seconds": driver_cpu,
        "pool_worker_cpu_seconds": sorted(used.values()),
        # On cores of their own the pool takes as long as its busiest process.
        "cpu_speedup": in_process_cpu / max(driver_cpu, *used.values()),
    }


def measure_stream(
    n: int, folder: Path, workers: int, chunksize: int, in_flight: int, out: Path
) -> dict[str, object]:
    from dask.distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=workers,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            memory_limit="1GiB",
        ) as cluster,
        Client(cluster) as client,
    ):
        first = str(folder / "cloud-0.json")
        client.run(_warm, first)
        start = time.perf_counter()
        written = evaluate_to(
            out,
            paths(n, folder),
            portfolio.QUESTION,
            on=portfolio.DAY,
            executor=client.get_executor(pure=False),
            chunksize=chunksize,
            in_flight=in_flight,
        )
        seconds = time.perf_counter() - start
        worker_rss = sorted(client.run(_peak_rss).values())
    return {
        "n": n,
        "workers": workers,
        "chunksize": chunksize,
        "in_flight": in_flight,
        "seconds": seconds,
        "per_second": n / seconds,
        "entries": written.entries,
        "failures": written.failures,
        "outcomes": dict(written.outcomes),
        "driver_peak_rss": _peak_rss(),
        "worker_peak_rss": worker_rss,
        "output_bytes": out.stat().st_size,
    }


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "distribution_agreement.toml"


def measure_memory() -> dict[str, float]:
    """KiB the example contract holds once loaded (as JSON), by tracemalloc.

    ``first``: loaded once, in a process that has loaded another contract (the
    bundled model) so the loader's own caches are warm; ``again``: each of 20
    further loads of the same text, which share its short texts.
    """
    import gc
    import tracemalloc

    text = ck.dumps(ck.load(EXAMPLE), format="json")
    gc.collect()
    ck.models.openai_microsoft()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    first = ck.loads(text, format="json")
    gc.collect()
    middle = tracemalloc.get_traced_memory()[0]
    again = [ck.loads(text, format="json") for _ in range(20)]
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert first == again[0]
    return {"first_kib": (middle - before) / 1024, "again_kib": (after - middle) / 20 / 1024}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["pool", "stream", "memory"])
    parser.add_argument("n", type=int)
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunksize", type=int, default=1000)
    parser.add_argument("--in-flight", type=int, default=4)
    parser.add_argument("--out", type=Path, default=None, help="the JSON-lines file (stream)")
    args = parser.parse_args(argv)
    if args.mode == "memory":
        print(json.dumps(measure_memory()))
        return 0
    start = time.perf_counter()
    folder = write(args.n, args.folder)
    print(f"files ready in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    if args.mode == "pool":
        result = measure_pool(args.n, folder, args.workers)
    else:
        out = args.out or folder.parent / f"{folder.name}-answers.jsonl"
        result = measure_stream(args.n, folder, args.workers, args.chunksize, args.in_flight, out)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
