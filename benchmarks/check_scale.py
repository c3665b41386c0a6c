"""How Agreement.check() scales with the number of clauses: a benchmark, not a test.

    PYTHONPATH=src python benchmarks/check_scale.py

Two shapes of generated agreement, each at 1k, 2k, 5k and 10k clauses of
five kinds (exclusivity, compute deal, waiver, right of first refusal,
consent requirement), ten clauses per amendment:

- ``terms``: 200 parties, each clause with a term of one to three years,
  an amendment every nine days (each clause overlaps those near it in time);
- ``open``: 50 parties, every clause open-ended (every clause is in force
  with every other naming the same party; once the checker's worst case, at
  n^1.9: 4.5 s for 10,000 clauses, now about linear).

Prints the median of three runs of ``check()`` per size and the scaling
exponent (slope of log time against log size); the target is 10,000
clauses of either shape well under a second.
"""

from __future__ import annotations

import math
import statistics
import sys
import time

import clausekit as ck

SIZES = (1_000, 2_000, 5_000, 10_000)
START = ck.Period("1990-01-01", None).start
SRC = ck.OutsideSource(
    url="https://example.org/bench", title="Bench", published="2000-01-01", gloss="generated"
)


def clause(i: int, names: list[str], *, term: bool) -> ck.Clause:
    """Clause ``i``: one of five kinds between two of ``names``."""
    a, b = names[i % len(names)], names[(i * 7 + 1) % len(names)]
    common: dict[str, object] = {"id": f"c{i}", "title": f"Clause {i}", "evidence": [SRC]}
    kind = i % 5
    if kind == 0:
        made: ck.Clause = ck.Exclusivity(**common, bound=a, beneficiary=b, scope=["training"])
    elif kind == 1:
        made = ck.ComputeDeal(**common, buyer=a, provider=b, scope=["api"])
    elif kind == 2:
        made = ck.Waiver(**common, granted_by=a, grantee=b)
    elif kind == 3:
        made = ck.RightOfFirstRefusal(**common, grantor=a, holder=b, scope=["inference"])
    else:
        made = ck.ConsentRequirement(**common, bound=a, consent_by=b, verb="transfer-shares")
    return made


def agreement(size: int, shape: str) -> ck.Agreement:
    """A generated agreement of ``size`` clauses in ``shape`` (``"terms"`` or ``"open"``)."""
    term = shape == "terms"
    names = [f"P{i}" for i in range(200 if term else 50)]
    amendments = []
    for j in range(size // 10):
        day = START.add(days=j * 9)
        adds = []
        for i in range(j * 10, j * 10 + 10):
            made = clause(i, names, term=term)
            if term:
                made = made.__class__(**{**_fields(made), "until": day.add(days=365 * (1 + i % 3))})
            adds.append(made)
        amendments.append(
            ck.Amendment(id=f"a{j}", title=f"A{j}", effective=day, evidence=[SRC], adds=adds)
        )
    return ck.Agreement(
        id="bench", title="Bench", parties=[ck.Party(n) for n in names], amendments=amendments
    )


def _fields(value: ck.Clause) -> dict[str, object]:
    import attrs

    return attrs.asdict(value, recurse=False)


def main() -> None:
    """Time check() per shape and size; print the table and the scaling exponents."""
    for shape in ("terms", "open"):
        times = []
        for size in SIZES:
            deal = agreement(size, shape)
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                report = deal.check()
                runs.append(time.perf_counter() - start)
            median = statistics.median(runs)
            times.append(median)
            print(
                f"{shape:>5} {size:>6} clauses: check() {median * 1000:8.1f} ms, {len(report)} findings"
            )
        slope = (math.log(times[-1]) - math.log(times[0])) / (
            math.log(SIZES[-1]) - math.log(SIZES[0])
        )
        print(f"{shape:>5} scaling exponent {slope:.2f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
