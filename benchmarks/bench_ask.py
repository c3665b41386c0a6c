"""Quick benchmark of the engine's hot paths: medians per call, from one run.

    .venv/bin/python benchmarks/bench_ask.py

Measures ask(on=) with the full explanation built, ask(during=), timeline()
against a naive day-by-day loop over ask(on=), compare() and as_known_on(),
on the bundled Microsoft–OpenAI model. Prints a table; asserts nothing.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import pendulum

import clausekit as ck


def median_seconds(
    fn: Callable[[], object], *, repeat: int = 7, number: int | None = None
) -> float:
    """Median seconds per call over ``repeat`` runs of ``number`` calls (auto-sized to ~0.2 s)."""
    if number is None:
        number = 1
        while True:
            start = time.perf_counter()
            for _ in range(number):
                fn()
            if time.perf_counter() - start > 0.2:
                break
            number *= 2
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - start) / number)
    return statistics.median(samples)


def day_by_day(deal: ck.Agreement, action: ck.Action, start: str, end: str) -> list[ck.Verdict]:
    day, stop = pendulum.Date.fromisoformat(start), pendulum.Date.fromisoformat(end)
    out = []
    while day < stop:
        out.append(deal.ask(action, on=day))
        day = day.add(days=1)
    return out


def main() -> None:
    deal = ck.models.openai_microsoft()
    aws = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)
    rows: list[tuple[str, float]] = []
    rows.append(("ask(on=) verdict only", median_seconds(lambda: deal.ask(aws, on="2025-01-15"))))
    rows.append(
        (
            "ask(on=) + explain()",
            median_seconds(lambda: deal.ask(aws, on="2025-01-15").explain()),
        )
    )
    rows.append(("ask(during='2025-01')", median_seconds(lambda: deal.ask(aws, during="2025-01"))))
    timeline = median_seconds(lambda: deal.timeline(aws, start="2019-01-01", end="2027-01-01"))
    rows.append(("timeline 2019-2027", timeline))
    naive = median_seconds(
        lambda: day_by_day(deal, aws, "2019-01-01", "2027-01-01"), repeat=3, number=1
    )
    rows.append(("day-by-day ask 2019-2027", naive))
    rows.append(
        (
            "compare(2025-01-15, 2025-11-15)",
            median_seconds(lambda: deal.compare(aws, "2025-01-15", "2025-11-15")),
        )
    )
    rows.append(("as_known_on(2025-06-01)", median_seconds(lambda: deal.as_known_on("2025-06-01"))))
    width = max(len(name) for name, _ in rows)
    print(f"{'operation':<{width}}  median per call")
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds * 1e6:12.1f} µs")
    print(f"\ntimeline vs day-by-day: {naive / timeline:.0f}x faster")


if __name__ == "__main__":
    main()
