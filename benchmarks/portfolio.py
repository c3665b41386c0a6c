"""A generated portfolio of N cloud agreements, and one question asked of all of them.

    python benchmarks/portfolio.py 10000 5    # N agreements, 5 timed runs; prints one JSON line
    python benchmarks/portfolio.py pool 10000 2   # the same on a 2-process pool, once

Run by run.py once per N, each in a fresh process, so that the timings, the
garbage collector and the memory high-water mark of one size do not leak
into the next. Every agreement is built separately (its own parties, clauses
and dates); the question is "may Acme buy training compute from OtherCloud
on 2025-01-15?".
"""

from __future__ import annotations

import gc
import json
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import pendulum

import clausekit as ck

SOURCE = ck.OutsideSource(
    url="https://example.org/benchmarks/portfolio",
    title="Generated cloud agreements (benchmark)",
    published="2019-01-01",
    gloss="Acme buys compute from one cloud, first exclusively, then with a right of first refusal.",
)
QUESTION = ck.ProcureCompute(buyer="Acme", provider="OtherCloud", workload="training")
DAY = pendulum.Date(2025, 1, 15)
SCOPES = (["training", "research", "inference"], ["training"], [])


def agreement(n: int) -> ck.Agreement:
    """Agreement ``n``: exclusive cloud, then a right of first refusal, then free.

    The dates, the scopes and whether consent can lift the exclusivity vary
    with ``n``, so the portfolio holds every answer (prohibited, conditional,
    permitted). They vary with ``n % 1000`` only, so every thousand agreements
    hold the same mix and portfolios of different sizes are alike but for size.
    """
    cloud = f"Cloud {n}"
    k = n % 1000
    signed = pendulum.Date(2018, 1, 1).add(days=(k * 7) % 1460)
    rofr = signed.add(days=600 + (k * 11) % 1400)
    free = rofr.add(days=300 + (k * 13) % 1200)
    scope = SCOPES[k % 3]
    return ck.Agreement(
        id=f"cloud-{n}",
        title=f"Cloud agreement {n}",
        parties=[
            ck.Party("Acme Labs", aliases=("Acme",)),
            ck.Party(cloud, aliases=(f"C{n}",)),
            ck.Party("OtherCloud"),
        ],
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
                        bound="Acme",
                        beneficiary=cloud,
                        scope=scope,
                        consent_by=None if k % 5 == 0 else cloud,
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
                            grantor="Acme",
                            holder=cloud,
                            scope=scope,
                            triggers=["declined", "cannot-meet"],
                        ),
                    )
                ],
            ),
            ck.Amendment(id="free", title="Free", effective=free, evidence=[SOURCE], ends=["rofr"]),
        ],
    )


def _peak_rss_bytes() -> int:
    """The most memory the process has held so far (resident set)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def _rss_bytes() -> int:
    """The memory the process holds now (resident set), or the peak where /proc is missing."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize()
    except OSError:
        return _peak_rss_bytes()


def measure(n: int, repeat: int) -> dict[str, object]:
    """Build ``n`` agreements, then time evaluate_many over them in-process, ``repeat`` times.

    evaluate_many remembers nothing between runs (each agreement is asked once per
    run), so every run works every answer out. The first run also gives the memory
    figures; times are medians over the runs.
    """
    base_rss = _rss_bytes()
    start = time.perf_counter()
    agreements = [agreement(i) for i in range(n)]
    built = time.perf_counter() - start
    gc.collect()
    held_rss = _rss_bytes()
    walls, cpus = [], []
    for run in range(repeat):
        if run:
            gc.collect()
        cpu = time.process_time()
        start = time.perf_counter()
        results = ck.evaluate_many(agreements, QUESTION, on=DAY)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        if not run:
            answered_rss = _rss_bytes()
            results.raise_if_failed()
    outcomes: dict[str, int] = {}
    for verdict in results:
        assert isinstance(verdict, ck.Verdict)
        outcomes[verdict.outcome.value] = outcomes.get(verdict.outcome.value, 0) + 1
    return {
        "n": n,
        "runs": repeat,
        "build_seconds": built,
        "seconds": statistics.median(walls),
        "cpu_seconds": statistics.median(cpus),
        "portfolio_bytes": held_rss - base_rss,
        "answers_bytes": answered_rss - held_rss,
        "outcomes": outcomes,
    }


def measure_pool(n: int, workers: int) -> dict[str, object]:
    """Time evaluate_many over ``n`` agreements on a process pool (started beforehand)."""
    agreements = [agreement(i) for i in range(n)]
    gc.collect()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(abs, range(workers)))  # the workers are up before the clock starts
        start = time.perf_counter()
        results = ck.evaluate_many(agreements, QUESTION, on=DAY, executor=pool)
        seconds = time.perf_counter() - start
    results.raise_if_failed()
    return {"n": n, "workers": workers, "seconds": seconds}


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "pool":
        print(json.dumps(measure_pool(int(sys.argv[2]), int(sys.argv[3]))))
    else:
        print(json.dumps(measure(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1)))
