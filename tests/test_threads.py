"""One agreement asked from many threads answers exactly as when asked from one.

Every verdict, timeline and comparison is a frozen value, and an agreement
remembers answers it has given; 16 threads asking one fresh copy of the
bundled model, each in its own order and all at once, must get the same
answers, explanations and errors as one thread asking a second fresh copy.
"""

from __future__ import annotations

import itertools
import sys
import threading
from collections.abc import Callable

import clausekit as ck

THREADS = 16
OPENAI_AND_MICROSOFT = ck.Scenario(ck.OfferDeclined(by="Microsoft"))
RATE = ck.Scenario(ck.AssumedRate("revenue-share-openai-to-microsoft", "0.123"))


def questions(deal: ck.Agreement) -> list[tuple[str, Callable[[], object]]]:
    """Varied questions to ``deal``: each named, each giving a text that captures its answer."""
    providers = ("AWS", "Microsoft", "Oracle", "Google Cloud", "CoreWeav")  # the last: a typo
    workloads = tuple(ck.Workload)
    days = ("2019-01-01", "2023-06-01", "2025-01-15", "2025-02-15", "2025-11-15", "2026-06-01")
    out: list[tuple[str, Callable[[], object]]] = []
    for provider, workload, day in itertools.product(providers, workloads, days):
        action = ck.ProcureCompute(buyer="OpenAI", provider=provider, workload=workload)
        out.append(
            (f"ask {provider} {workload.value} {day}", lambda a=action, d=day: deal.ask(a, on=d))
        )
    for provider, scenario in itertools.product(providers[:3], (None, OPENAI_AND_MICROSOFT)):
        action = ck.ProcureCompute(buyer="OpenAI", provider=provider, workload="training")
        out += [
            (
                f"during {provider} {scenario}",
                lambda a=action, s=scenario: deal.ask(a, during="2025", scenario=s),
            ),
            (
                f"timeline {provider} {scenario}",
                lambda a=action, s=scenario: deal.timeline(
                    a, start="2019-01-01", end="2027-01-01", scenario=s
                ),
            ),
            (
                f"compare {provider} {scenario}",
                lambda a=action, s=scenario: deal.compare(
                    a, "2025-01-15", "2025-11-15", scenario=s
                ),
            ),
        ]
    ip = ck.UseIP(user="Microsoft", owner="OpenAI")
    for day, width in itertools.product(("2024-01-01", "2025-11-15", "2032-01-01"), (60, 88, 120)):
        out.append(
            (
                f"explain ip {day} {width}",
                lambda d=day, w=width: deal.ask(ip, on=d).explain(width=w),
            )
        )
    out += [
        ("in force", lambda: deal.in_force(on="2025-02-15")),
        ("known", lambda: deal.as_known_on("2025-06-01").ask(ip, on="2025-11-15")),
        (
            "revenue",
            lambda: deal.revenue_share(
                "OpenAI", revenue=ck.Money("10000000000", "USD"), during="2025", scenario=RATE
            ),
        ),
    ]
    return out


def answer(question: Callable[[], object]) -> str:
    """The answer as text (its repr, and its explanation if it has one), or the error raised."""
    try:
        result = question()
    except ck.ClauseKitError as exc:
        return f"{type(exc).__name__}: {exc}"
    explain = getattr(result, "explain", None)
    return repr(result) + ("\n" + explain() if callable(explain) else "")


def fresh() -> ck.Agreement:
    """A copy of the bundled model that has answered nothing yet."""
    return ck.loads(ck.dumps(ck.models.openai_microsoft(), format="json"), format="json")


def test_sixteen_threads_match_one() -> None:
    """16 threads asking one agreement, in different orders, match a single-threaded run."""
    alone = {name: answer(q) for name, q in questions(fresh())}

    shared = questions(fresh())
    start = threading.Barrier(THREADS)
    results: list[dict[str, str]] = [{} for _ in range(THREADS)]
    errors: list[BaseException] = []

    def work(index: int) -> None:
        order = shared[index * 7 % len(shared) :] + shared[: index * 7 % len(shared)]
        if index % 2:
            order.reverse()
        try:
            start.wait()
            for name, question in order:
                results[index][name] = answer(question)
        except BaseException as exc:  # reported below, with the thread that raised it
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, to meet any race
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)

    assert errors == []
    assert len(alone) == len(shared) > 100
    for index, got in enumerate(results):
        mismatched = [name for name in alone if got.get(name) != alone[name]]
        assert mismatched == [], f"thread {index} differs on {mismatched[:5]}"
