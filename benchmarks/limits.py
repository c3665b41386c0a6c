"""Scale limits: the largest agreement, scenario and period clausekit promises to answer.

    python benchmarks/limits.py               # every measurement, a table on stdout
    python benchmarks/limits.py --json        # one JSON line per measurement
    python benchmarks/limits.py one NAME N    # one measurement in this process (used by the above)

The promise (issue 14, "scale limits are stated and tested"):

- an agreement of :data:`AMENDMENTS` amendments, each adding a clause;
- a scenario of :data:`FACTS` dated facts;
- any period within the calendar, up to 0001-01-01/9999-12-31 (the whole of it);

and each question about them answered well within a second (:data:`TARGET`).
Every measurement runs in a fresh process with a time limit, so a size the
library cannot handle shows as "did not finish" instead of hanging the
benchmark. Timings are printed, never asserted: this is a benchmark, not a
test. Smaller sizes run too, to show how the time grows.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pendulum

import clausekit as ck
from clausekit import Period
from clausekit.errors import QuestionTooLargeError

HERE = Path(__file__).resolve().parent
AMENDMENTS = 10_000
"""The most amendments (each adding a clause) an agreement may have, as promised."""
FACTS = 10_000
"""The most facts a scenario may hold, as promised."""
WHOLE = ("0001-01-01", "9999-12-31")
"""The longest period: the whole calendar (the end day excluded, as always)."""
TARGET = 1.0
"""Seconds within which each question must be answered."""
LIMIT = 60.0
"""Seconds after which a measurement is stopped and reported as not finished."""
SIZES = (1_000, 2_000, AMENDMENTS)

SOURCE = ck.OutsideSource(
    url="https://example.org/benchmarks/limits",
    title="Generated agreements at the scale limits (benchmark)",
    published="2000-01-01",
    gloss="Acme appoints one distributor per territory, one amendment at a time.",
)
FIRST = pendulum.Date(2000, 1, 1)
SHARE = ck.RevenueShare(
    id="share",
    title="Revenue share",
    evidence=[SOURCE],
    payer="Acme",
    payee="Beta",
    rate="0.02",
)


def large_agreement(n: int) -> ck.Agreement:
    """Acme and Beta: the original grant, then ``n - 1`` amendments each adding a clause.

    Amendment ``i`` (one a day from 2000-01-01) makes Beta the exclusive
    distributor in territory ``T{i}``; territory ``T0``'s exclusivity needs
    Beta's consent to lift. The first also makes Acme pay Beta 2 % of its revenue.
    """
    amendments = [
        ck.Amendment(
            id=f"a{i}",
            title=f"Territory T{i}",
            effective=FIRST.add(days=i),
            evidence=[SOURCE],
            adds=[
                ck.Exclusivity(
                    id=f"t{i}",
                    title=f"Exclusive distributor in T{i}",
                    evidence=[SOURCE],
                    bound="Acme",
                    beneficiary="Beta",
                    verb="appoint-distributor",
                    scope=[f"T{i}"],
                    consent_by="Beta",
                ),
                *([SHARE] if i == 0 else []),
            ],
        )
        for i in range(n)
    ]
    return ck.Agreement(
        id="large",
        title="Large agreement",
        parties=[ck.Party("Acme"), ck.Party("Beta"), ck.Party("Gamma")],
        amendments=amendments,
    )


def daily_agreement(n: int) -> ck.Agreement:
    """``n`` amendments a day apart, each adding a one-day exclusivity over territory ``T0``,
    for Beta and for Gamma in turn: the answer about T0 changes at every amendment."""
    return _territory_agreement(n, lasts_a_day=True)


def crowded_agreement(n: int) -> ck.Agreement:
    """``n`` amendments a day apart, each adding an open-ended exclusivity over ``T0``: every
    clause speaks to the question about T0, so each day's answer lists every one so far."""
    return _territory_agreement(n, lasts_a_day=False)


def _territory_agreement(n: int, *, lasts_a_day: bool) -> ck.Agreement:
    amendments = []
    for i in range(n):
        day = FIRST.add(days=i)
        clause = ck.Exclusivity(
            id=f"t{i}",
            title="Exclusive distributor in T0",
            evidence=[SOURCE],
            bound="Acme",
            beneficiary="Beta" if i % 2 else "Delta",
            verb="appoint-distributor",
            scope=["T0"],
            until=day.add(days=1) if lasts_a_day else None,
        )
        amendments.append(
            ck.Amendment(
                id=f"a{i}", title=f"T0, day {i}", effective=day, evidence=[SOURCE], adds=[clause]
            )
        )
    return ck.Agreement(
        id="territory",
        title="One territory",
        parties=[ck.Party(name) for name in ("Acme", "Beta", "Gamma", "Delta")],
        amendments=amendments,
    )


def refused(fn: Callable[[], object]) -> Callable[[], object]:
    """``fn``, which must raise QuestionTooLargeError (timed all the same)."""

    def run() -> object:
        try:
            fn()
        except QuestionTooLargeError:
            return None
        raise AssertionError("the question was answered, not refused")

    return run


def question(territory: int) -> ck.AppointDistributor:
    """May Acme appoint Gamma as its distributor in territory ``T{territory}``?"""
    return ck.AppointDistributor(principal="Acme", distributor="Gamma", territory=f"T{territory}")


def facts(n: int) -> list[ck.ConsentGiven]:
    """``n`` dated facts: Beta consents on each of ``n`` days from 2000-01-01."""
    return [ck.ConsentGiven(by="Beta", on=FIRST.add(days=i)) for i in range(n)]


def alternating_facts(n: int) -> list[ck.ConsentGiven | ck.ConsentRefused]:
    """``n`` dated facts: Beta consents one day and refuses the next, ``n`` days from 2000-01-01."""
    return [
        (ck.ConsentGiven if i % 2 else ck.ConsentRefused)(by="Beta", on=FIRST.add(days=i))
        for i in range(n)
    ]


def timed(fn: Callable[[], object]) -> float:
    """Seconds ``fn`` takes; in a measurement process, also printed at once as a JSON line
    (``{"step": index, "seconds": ...}``) so a step that never ends leaves the others."""
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    if STREAM:
        print(json.dumps({"seconds": seconds}), flush=True)
    return seconds


STREAM = False


def warm_up() -> None:
    """Pay the one-off costs (lazy imports, the bundled evidence) before anything is timed."""
    large_agreement(2).ask(question(0), on=FIRST, scenario=ck.Scenario(*facts(2))).explain()
    ck.models.openai_microsoft().ask(
        ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload="training"), on="2025-01-15"
    ).explain()


def fresh(deal: ck.Agreement) -> ck.Agreement:
    """A copy of ``deal`` that has answered nothing yet (so no answer is remembered)."""
    return ck.Agreement(
        id=deal.id,
        title=deal.title,
        parties=deal.parties,
        amendments=deal.amendments,
        start=deal.start,
        description=deal.description,
    )


# ------------------------------------------------------------------ one measurement each


def agreement_questions(n: int) -> dict[str, float]:
    """Build an agreement of ``n`` amendments, then ask it each kind of question once."""
    out: dict[str, float] = {}
    built: list[ck.Agreement] = []
    out["build"] = timed(lambda: built.append(large_agreement(n)))
    deal = built[0]
    last = FIRST.add(days=n - 1)
    end = last.add(days=365)
    middle = question(n // 2)
    out["ask(on=) + explain()"] = timed(lambda: deal.ask(middle, on=last).explain())
    out["ask(on=), another question"] = timed(lambda: deal.ask(question(0), on=last))
    out["in_force(on=last)"] = timed(lambda: deal.in_force(on=last))
    # compare first: its timeline (first to last) would otherwise reuse the longer one's answers
    out["compare(first, last)"] = timed(lambda: deal.compare(middle, FIRST, last))
    out["timeline over every amendment"] = timed(
        lambda: deal.timeline(middle, start=FIRST, end=end)
    )
    out["revenue_share over every amendment"] = timed(
        lambda: deal.revenue_share("Acme", revenue=("1000000", "USD"), during=Period(FIRST, end))
    )
    out["clause_map() + to_svg()"] = timed(lambda: deal.clause_map().to_svg())
    out["as_known_on(last)"] = timed(lambda: deal.as_known_on(last))
    out["check()"] = timed(deal.check)
    daily, crowded = daily_agreement(n), crowded_agreement(n)
    out["timeline, answer changing at every amendment"] = timed(
        lambda: daily.timeline(question(0), start=FIRST, end=end)
    )
    out["timeline, every clause speaking: refused"] = timed(
        refused(lambda: crowded.timeline(question(0), start=FIRST, end=end))
    )
    return out


def scenario_questions(n: int) -> dict[str, float]:
    """Build a scenario of ``n`` dated facts, then ask a small agreement under it."""
    out: dict[str, float] = {}
    given = facts(n)
    built: list[ck.Scenario] = []
    out["build"] = timed(lambda: built.append(ck.Scenario(*given)))
    scenario = built[0]
    deal = large_agreement(1)
    day = FIRST.add(days=n - 1)
    out["ask(on=) + explain()"] = timed(
        lambda: deal.ask(question(0), on=day, scenario=scenario).explain()
    )
    out["timeline over every fact"] = timed(
        lambda: deal.timeline(question(0), start=FIRST, end=day.add(days=1), scenario=scenario)
    )
    changing = ck.Scenario(*alternating_facts(n))
    out["timeline, answer changing on every fact"] = timed(
        lambda: deal.timeline(question(0), start=FIRST, end=day.add(days=1), scenario=changing)
    )
    return out


def period_questions(_: int) -> dict[str, float]:
    """The bundled model asked about the whole calendar."""
    model = ck.models.openai_microsoft()
    aws = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)
    start, end = WHOLE
    deals = [fresh(model) for _ in range(4)]  # one per question: nothing remembered between
    return {
        "timeline 0001-01-01/9999-12-31": timed(
            lambda: deals[0].timeline(aws, start=start, end=end)
        ),
        "ask(during=the whole calendar)": timed(
            lambda: deals[1].ask(aws, during=f"{start}/{end}").explain()
        ),
        "compare(0001-01-01, 9999-12-31)": timed(lambda: deals[2].compare(aws, start, end)),
        "ask(on=9999-12-31) + explain()": timed(lambda: deals[3].ask(aws, on=end).explain()),
    }


STEPS: dict[str, tuple[str, ...]] = {
    "agreement": (
        "build",
        "ask(on=) + explain()",
        "ask(on=), another question",
        "in_force(on=last)",
        "compare(first, last)",
        "timeline over every amendment",
        "revenue_share over every amendment",
        "clause_map() + to_svg()",
        "as_known_on(last)",
        "check()",
        "timeline, answer changing at every amendment",
        "timeline, every clause speaking: refused",
    ),
    "scenario": (
        "build",
        "ask(on=) + explain()",
        "timeline over every fact",
        "timeline, answer changing on every fact",
    ),
    "period": (
        "timeline 0001-01-01/9999-12-31",
        "ask(during=the whole calendar)",
        "compare(0001-01-01, 9999-12-31)",
        "ask(on=9999-12-31) + explain()",
    ),
}
"""The steps of each measurement, in the order they are timed."""

MEASUREMENTS: dict[str, Callable[[int], dict[str, float]]] = {
    "agreement": agreement_questions,
    "scenario": scenario_questions,
    "period": period_questions,
}


def plan() -> list[tuple[str, int]]:
    """Every (measurement, size) pair, smallest first."""
    return [
        *[("agreement", n) for n in SIZES],
        *[("scenario", n) for n in (1_000, 2_000, FACTS)],
        ("period", 0),
    ]


def run_one(name: str, n: int, *, limit: float = LIMIT) -> dict[str, object]:
    """Run one measurement in a fresh process; report its timings or that it did not finish.

    A measurement stopped at ``limit`` keeps the steps it finished, and names the
    one it was in (``"error"``).
    """
    with subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "one", name, str(n)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            out, err = child.communicate(timeout=limit)
            stopped = False
        except subprocess.TimeoutExpired:
            child.kill()
            out, err = child.communicate()
            stopped = True
    lines = [json.loads(line) for line in out.splitlines() if line.strip()]
    done = next((line["done"] for line in lines if "done" in line), None)
    if done is not None:
        return {"name": name, "n": n, "seconds": done}
    steps = list(STEPS[name])
    taken = [line["seconds"] for line in lines if "seconds" in line]
    partial = dict(zip(steps, taken, strict=False))
    stuck = steps[len(taken)] if len(taken) < len(steps) else "?"
    if stopped:
        why = f"{stuck}: did not finish within {limit:.0f} s"
    else:
        why = f"{stuck}: failed: " + ((err.strip().splitlines() or ["(no message)"])[-1])
    return {"name": name, "n": n, "seconds": partial, "error": why}


def rows(results: list[dict[str, object]]) -> list[tuple[str, str, str]]:
    """Table rows: operation, time, and whether it is within the target at the promised size."""
    out: list[tuple[str, str, str]] = []
    for result in results:
        name, n = str(result["name"]), int(result["n"])  # type: ignore[call-overload]
        size = {"agreement": f"{n:,} amendments", "scenario": f"{n:,} facts"}.get(name, "")
        promised = (name, n) in {("agreement", AMENDMENTS), ("scenario", FACTS), ("period", 0)}
        label = f"limits: {name}" + (f", {size}" if size else "")
        seconds: dict[str, float] = result["seconds"]  # type: ignore[assignment]
        for operation, taken in seconds.items():
            mark = ""
            if promised:
                mark = " [met]" if taken <= TARGET else f" [MISSED: over {TARGET:.0f} s]"
            out.append((f"{label}: {operation}", seconds_text(taken), mark.strip()))
        if "error" in result:
            out.append((label, "-", f"{result['error']}" + (" [MISSED]" if promised else "")))
    return out


def seconds_text(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms" if seconds < 1 else f"{seconds:,.2f} s"


def main(argv: list[str]) -> int:
    if argv[:1] == ["one"]:
        global STREAM
        name, n = argv[1], int(argv[2])
        warm_up()
        STREAM = True
        print(json.dumps({"done": MEASUREMENTS[name](n)}), flush=True)
        return 0
    results = []
    for name, n in plan():
        print(f"  measuring limits: {name} {n or ''} ...", file=sys.stderr, flush=True)
        results.append(run_one(name, n))
    if "--json" in argv:
        for result in results:
            print(json.dumps(result))
        return 0
    table = rows(results)
    width = max(len(r[0]) for r in table)
    for label, taken, note in table:
        print(f"{label:<{width}}  {taken:>10}  {note}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
