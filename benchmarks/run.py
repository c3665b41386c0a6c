"""clausekit's benchmark: medians and ratios from one run, printed as a table.

    python3 dev.py bench          # prepares .venv-bench (clausekit + OpenFisca-core), runs this

What it measures, on the bundled model (OpenAI buying training compute from
Amazon Web Services) unless said otherwise:

- ``ask(on=)`` with the full explanation (``.explain()``) against the same
  regime written as OpenFisca-core time-varying parameters and looked up at
  the same day, in the same process; ratio clausekit / OpenFisca;
- ``timeline`` 2019-2027 against a naive loop asking every day; ratio;
- ``ask(during=)``, ``compare``, ``as_known_on``;
- ``evaluate_many`` over generated portfolios of 1k, 10k and 100k agreements
  (each size in a fresh process): time, throughput, memory, and the scaling
  exponent (slope of log time against log N);
- ``clausekit.loads`` of the distribution example (examples/distribution_agreement.toml)
  as JSON and as TOML, against ``json.loads`` and ``tomllib.loads`` of the same text;
  ratios;
- contract files on disk (``benchmarks/files.py``): ``evaluate_many`` over
  10,000 paths in-process and on ``ProcessPoolExecutor(2)`` (each worker loads
  its own files), and ``evaluate_to`` streaming a generator of 10,000 paths on a
  Dask ``LocalCluster``, with the peak memory of each worker;
- memory: the generated portfolios' resident memory, and the loaded example
  contract's (``tracemalloc``, ``benchmarks/files.py memory``);
- ``import clausekit`` in a fresh interpreter, minus the interpreter's start;
- the scale limits (``benchmarks/limits.py``): the largest agreement, scenario
  and period promised, each question timed in a fresh process with a time limit.

Timings are wall-clock medians of several samples (``time.perf_counter``);
the portfolio also reports CPU time. The targets (see docs/performance.md)
are checked and printed, never asserted: this is a benchmark, not a test.
Results also go to benchmarks/results/latest.txt.
"""

from __future__ import annotations

import datetime
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import limits
import peer_openfisca
import pendulum

import clausekit as ck
import clausekit.models

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "latest.txt"
AWS = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)
DAY = "2025-01-15"
PORTFOLIO_SIZES = {1_000: 15, 10_000: 7, 100_000: 3}  # N -> timed runs
POOL_SIZE = 10_000
STREAM_SIZE = 10_000  # python benchmarks/files.py stream 1000000 for the full run (see docs)
SAMPLES = 9


def per_call(fn: Callable[[], object], *, budget: float = 0.05) -> float:
    """How many calls of ``fn`` fill about ``budget`` seconds (at least one)."""
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            fn()
        elapsed = time.perf_counter() - start
        if elapsed >= budget or number >= 1 << 20:
            return number / elapsed if elapsed else float(number)
        number *= 2


def medians(fns: dict[str, Callable[[], object]], *, samples: int = SAMPLES) -> dict[str, float]:
    """Median seconds per call of each function, sampled in turn so all share the same load."""
    numbers = {name: max(1, int(per_call(fn) * 0.05)) for name, fn in fns.items()}
    taken: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(samples):
        for name, fn in fns.items():
            number = numbers[name]
            start = time.perf_counter()
            for _ in range(number):
                fn()
            taken[name].append((time.perf_counter() - start) / number)
    return {name: statistics.median(values) for name, values in taken.items()}


def regime(verdict: ck.Verdict) -> str | None:
    """The regime a clausekit verdict stands for, in the peer's words."""
    if not verdict.rulings:
        return None  # before any clause: the peer has no value yet either
    kinds = {r.clause.kind for r in verdict.rulings if r.effect is ck.Outcome.CONDITIONAL}
    if "exclusivity" in kinds:
        return "exclusive"
    if "right-of-first-refusal" in kinds:
        return "right-of-first-refusal"
    return "free"


def check_same_regime(deal: ck.Agreement, root: object) -> None:
    """Both sides must answer alike on every day from 2019 to 2027 before they are timed."""
    day = pendulum.Date(2019, 1, 1)
    end = pendulum.Date(2027, 1, 1)
    while day < end:
        ours = regime(deal.ask(AWS, on=day))
        theirs = peer_openfisca.regime_on(root, day)  # type: ignore[arg-type]
        if ours is not None and ours != theirs:
            raise SystemExit(
                f"benchmark: on {day} clausekit says {ours!r} but the OpenFisca parameters say "
                f"{theirs!r}; update benchmarks/peer_openfisca.py to the bundled model."
            )
        day = day.add(days=1)


def day_by_day(deal: ck.Agreement, start: pendulum.Date, end: pendulum.Date) -> list[ck.Verdict]:
    """The naive way: ask about every day."""
    out = []
    day = start
    while day < end:
        out.append(deal.ask(AWS, on=day))
        day = day.add(days=1)
    return out


def first_asks(count: int) -> float:
    """Median seconds of ask(on=)+explain() on agreements never asked before (nothing remembered)."""
    deal = ck.models.openai_microsoft()
    fresh = [
        ck.Agreement(
            id=deal.id,
            title=deal.title,
            parties=deal.parties,
            amendments=deal.amendments,
            start=deal.start,
            description=deal.description,
        )
        for _ in range(count)
    ]
    times = []
    for agreement in fresh:
        start = time.perf_counter()
        agreement.ask(AWS, on=DAY).explain()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def engine_rows() -> tuple[list[tuple[str, str, str]], dict[str, float]]:
    deal = ck.models.openai_microsoft()
    root = peer_openfisca.build()
    check_same_regime(deal, root)
    lookups = peer_openfisca.lookups(root)
    day = pendulum.Date(2025, 1, 15)
    date = datetime.date(2025, 1, 15)
    start, end = pendulum.Date(2019, 1, 1), pendulum.Date(2027, 1, 1)
    first = first_asks(200)
    ask = medians(
        {
            "ck str": lambda: deal.ask(AWS, on=DAY).explain(),
            "ck date": lambda: deal.ask(AWS, on=day).explain(),
            "ck datetime.date": lambda: deal.ask(AWS, on=date).explain(),
            "ck verdict": lambda: deal.ask(AWS, on=DAY),
            **{f"of str {name}": (lambda f=f: f(DAY)) for name, f in lookups.items()},
            **{f"of date {name}": (lambda f=f: f(date)) for name, f in lookups.items()},
        }
    )
    of_str = min(v for k, v in ask.items() if k.startswith("of str"))
    of_date = min(v for k, v in ask.items() if k.startswith("of date"))
    spans = medians(
        {
            "timeline": lambda: deal.timeline(AWS, start=start, end=end),
            "day by day": lambda: day_by_day(deal, start, end),
        },
        samples=5,
    )
    others = medians(
        {
            "during": lambda: deal.ask(AWS, during="2025-01"),
            "compare": lambda: deal.compare(AWS, "2025-01-15", "2025-11-15"),
            "as_known_on": lambda: deal.as_known_on("2025-06-01"),
            "as_known_on ask": lambda: deal.as_known_on("2025-06-01").ask(AWS, on="2025-11-15"),
        }
    )
    rows = [
        ("ask(on='2025-01-15') + explain()", us(ask["ck str"]), ""),
        (
            "  OpenFisca, same day as text",
            us(of_str),
            f"ratio ck/OpenFisca {ask['ck str'] / of_str:.2f}",
        ),
        ("ask(on=Date) + explain()", us(ask["ck date"]), ""),
        (
            "  OpenFisca, same day as a date",
            us(of_date),
            f"ratio ck/OpenFisca {ask['ck date'] / of_date:.2f}",
        ),
        ("ask(on=datetime.date) + explain()", us(ask["ck datetime.date"]), ""),
        (
            "  OpenFisca, the same datetime.date",
            us(of_date),
            f"ratio ck/OpenFisca {ask['ck datetime.date'] / of_date:.2f}",
        ),
        ("ask(on=) verdict only", us(ask["ck verdict"]), ""),
        ("ask(on=) + explain(), first time", us(first), "nothing remembered yet"),
        *[
            (
                f"  OpenFisca {name}",
                us(ask[f"of str {name}"]),
                f"with a date: {us(ask[f'of date {name}'])}",
            )
            for name in lookups
        ],
        ("timeline 2019-2027", us(spans["timeline"]), ""),
        (
            "  naive loop: ask() every day",
            us(spans["day by day"]),
            f"timeline {spans['day by day'] / spans['timeline']:.0f}x faster",
        ),
        ("ask(during='2025-01')", us(others["during"]), ""),
        ("compare(2025-01-15, 2025-11-15)", us(others["compare"]), ""),
        ("as_known_on('2025-06-01')", us(others["as_known_on"]), ""),
        ("as_known_on(...).ask(on=...)", us(others["as_known_on ask"]), ""),
    ]
    figures = {
        "ask_ratio": ask["ck str"] / of_str,
        "ask_ratio_date": ask["ck date"] / of_date,
        "ask_ratio_datetime": ask["ck datetime.date"] / of_date,
        "first_explain_us": first * 1e6,
        "timeline_ratio": spans["day by day"] / spans["timeline"],
    }
    return rows, figures


def portfolio_rows() -> tuple[list[tuple[str, str, str]], dict[str, float]]:
    measured = []
    for n, runs in PORTFOLIO_SIZES.items():
        out = subprocess.run(
            [sys.executable, str(HERE / "portfolio.py"), str(n), str(runs)],
            check=True,
            capture_output=True,
            text=True,
        )
        measured.append(json.loads(out.stdout))
    rows = []
    for m in measured:
        n = m["n"]
        rows.append(
            (
                f"evaluate_many, {n:,} agreements",
                f"{m['seconds']:.3f} s",
                f"{n / m['seconds']:,.0f}/s; CPU {m['cpu_seconds']:.3f} s; "
                f"memory: agreements {mib(m['portfolio_bytes'])}, "
                f"verdicts +{mib(m['answers_bytes'])}",
            )
        )
    files = run_json(HERE / "files.py", "pool", str(POOL_SIZE))
    rows.append(
        (
            f"  {POOL_SIZE:,} contract files, loaded and asked, in-process",
            f"{files['in_process_seconds']:.2f} s",
            f"CPU {files['in_process_cpu_seconds']:.2f} s",
        )
    )
    rows.append(
        (
            "  the same files on ProcessPoolExecutor(2)",
            f"{files['pool_seconds']:.2f} s",
            f"{files['speedup']:.2f}x in-process (wall); {files['cpu_speedup']:.2f}x by CPU time "
            "(in-process CPU / the busiest process's CPU)",
        )
    )
    stream = run_json(HERE / "files.py", "stream", str(STREAM_SIZE))
    rows.append(
        (
            f"  evaluate_to, {STREAM_SIZE:,} files streamed on Dask (2 workers)",
            f"{stream['seconds']:.1f} s",
            f"{stream['per_second']:,.0f}/s; peak RSS per worker "
            + ", ".join(mib(b) for b in stream["worker_peak_rss"])
            + f"; driver {mib(stream['driver_peak_rss'])}",
        )
    )
    xs = [math.log(m["n"]) for m in measured]
    slope = fit_slope(xs, [math.log(m["seconds"]) for m in measured])
    cpu_slope = fit_slope(xs, [math.log(m["cpu_seconds"]) for m in measured])
    rows.append(
        ("  scaling exponent (log t vs log N)", f"{slope:.2f}", f"CPU time: {cpu_slope:.2f}")
    )
    largest = measured[-1]
    figures = {
        "portfolio_mib": largest["portfolio_bytes"] / 2**20,
        "files_speedup": files["speedup"],
        "files_cpu_speedup": files["cpu_speedup"],
        "worker_peak_mib": max(stream["worker_peak_rss"]) / 2**20,
        "portfolio_seconds": largest["seconds"],
        "portfolio_cpu_seconds": largest["cpu_seconds"],
        "portfolio_n": largest["n"],
        "scaling": slope,
    }
    return rows, figures


EXAMPLE = HERE.parent / "examples" / "distribution_agreement.toml"


def loading_rows() -> tuple[list[tuple[str, str, str]], dict[str, float]]:
    """ck.loads of the distribution example as JSON and TOML, against the bare parsers."""
    import tomllib

    deal = ck.load(EXAMPLE)
    as_json = ck.dumps(deal, format="json")
    as_toml = ck.dumps(deal, format="toml")
    assert ck.loads(as_json, format="json") == ck.loads(as_toml, format="toml") == deal
    took = medians(
        {
            "json.loads": lambda: json.loads(as_json),
            "ck json": lambda: ck.loads(as_json, format="json"),
            "tomllib.loads": lambda: tomllib.loads(as_toml),
            "ck toml": lambda: ck.loads(as_toml, format="toml"),
        }
    )
    json_ratio = took["ck json"] / took["json.loads"]
    toml_ratio = took["ck toml"] / took["tomllib.loads"]
    size = f"{len(as_json.encode()):,} B JSON, {len(as_toml.encode()):,} B TOML"
    rows = [
        (
            "loads(example), JSON",
            us(took["ck json"]),
            f"ratio ck/json.loads {json_ratio:.1f} ({size})",
        ),
        ("json.loads(example)", us(took["json.loads"]), "the parser alone"),
        ("loads(example), TOML", us(took["ck toml"]), f"ratio ck/tomllib.loads {toml_ratio:.2f}"),
        ("tomllib.loads(example)", us(took["tomllib.loads"]), "the parser alone"),
    ]
    return rows, {"load_json_ratio": json_ratio, "load_toml_ratio": toml_ratio}


def run_json(script: Path, *args: str) -> dict[str, Any]:
    """Run a benchmark script in a fresh process; its last line of output is JSON."""
    out = subprocess.run(
        [sys.executable, str(script), *args], check=True, capture_output=True, text=True
    )
    return cast("dict[str, Any]", json.loads(out.stdout.strip().splitlines()[-1]))


def memory_rows() -> tuple[list[tuple[str, str, str]], dict[str, float]]:
    """What the loaded example contract holds (tracemalloc), in a fresh process."""
    held = run_json(HERE / "files.py", "memory", "0")
    rows = [
        (
            "memory: the example contract, loaded",
            f"{held['first_kib']:.1f} KiB",
            f"each further load of it {held['again_kib']:.1f} KiB (short texts shared)",
        )
    ]
    return rows, {"example_kib": held["first_kib"]}


def limits_rows() -> tuple[list[tuple[str, str, str]], dict[str, float]]:
    """The scale limits (benchmarks/limits.py), each size in a fresh process with a time limit."""
    rows = limits.rows([limits.run_one(name, n) for name, n in limits.plan()])
    missed = sum(1 for row in rows if "MISSED" in row[2])
    return rows, {"limits_missed": missed}


def fit_slope(xs: list[float], ys: list[float]) -> float:
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def import_rows() -> tuple[list[tuple[str, str, str]], dict[str, float]]:
    # Bytecode must be written and read: any non-empty PYTHONDONTWRITEBYTECODE (even "0")
    # stops Python writing it, and every start would then compile clausekit anew.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def run(code: str) -> tuple[float, float]:
        """Wall and CPU seconds of a fresh interpreter running ``code``."""
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (after.ru_utime - used.ru_utime) + (after.ru_stime - used.ru_stime)

    run("import clausekit")  # warm the bytecode cache
    bare, full = [], []
    for _ in range(max(SAMPLES, 10)):
        bare.append(run("pass"))
        full.append(run("import clausekit"))
    cost = statistics.median(w for w, _ in full) - statistics.median(w for w, _ in bare)
    cpu = statistics.median(c for _, c in full) - statistics.median(c for _, c in bare)
    shares = import_shares()
    note = (
        f"CPU {cpu * 1e3:.0f} ms; "
        + ", ".join(f"{name} {ms:.0f}" for name, ms in shares)
        + " ms (-X importtime, cumulative)"
    )
    return [("import clausekit", f"{cost * 1e3:.0f} ms", note)], {
        "import_ms": cost * 1e3,
        "import_cpu_ms": cpu * 1e3,
    }


def import_shares() -> list[tuple[str, float]]:
    """The heaviest parts of ``import clausekit`` as ``-X importtime`` sees them (one run)."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import clausekit"],
        check=True,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    )
    cumulative: dict[str, float] = {}
    for line in out.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            cumulative[parts[2].strip()] = int(parts[1]) / 1000
    names = ("pendulum", "attrs", "clausekit.evidence", "clausekit.clauses", "clausekit")
    return [(name, cumulative[name]) for name in names if name in cumulative]


def us(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f} µs" if seconds < 0.01 else f"{seconds * 1e3:,.1f} ms"


def mib(count: float) -> str:
    return f"{count / 2**20:.1f} MiB" if count < 10 * 2**20 else f"{count / 2**20:.0f} MiB"


def verdicts(figures: dict[str, float]) -> list[str]:
    def line(ok: bool, text: str) -> str:
        return f"  [{'met' if ok else 'MISSED'}] {text}"

    return [
        "Targets:",
        line(
            figures["ask_ratio"] <= 1.0,
            f"ask(on=) + explain() at or below OpenFisca's lookup: ratio {figures['ask_ratio']:.2f} "
            f"(day as text; {figures['ask_ratio_date']:.2f} with a date object)",
        ),
        line(
            figures["timeline_ratio"] >= 50,
            f"timeline >= 50x faster than day by day: {figures['timeline_ratio']:.0f}x",
        ),
        line(
            figures["portfolio_cpu_seconds"] <= 1.0,
            f"{figures['portfolio_n']:,.0f} agreements x one question <= 1 s on one core: "
            f"{figures['portfolio_cpu_seconds']:.2f} s CPU ({figures['portfolio_seconds']:.2f} s wall)",
        ),
        line(
            0.9 <= figures["scaling"] <= 1.1,
            f"scaling linearly: exponent {figures['scaling']:.2f}",
        ),
        line(
            figures["limits_missed"] == 0,
            f"scale limits ({limits.AMENDMENTS:,} amendments, {limits.FACTS:,} facts, the whole "
            f"calendar) answer each question within {limits.TARGET:.0f} s: "
            f"{figures['limits_missed']:.0f} missed",
        ),
        line(
            figures["load_json_ratio"] <= 5.0,
            f"loads of the example as JSON <= 5x json.loads: {figures['load_json_ratio']:.1f}x",
        ),
        line(
            figures["load_toml_ratio"] <= 1.5,
            f"loads of the example as TOML <= 1.5x tomllib.loads: {figures['load_toml_ratio']:.2f}x",
        ),
        line(
            figures["import_ms"] <= 100,
            f"import clausekit <= 100 ms: {figures['import_ms']:.0f} ms "
            f"(CPU {figures['import_cpu_ms']:.0f} ms)",
        ),
        line(
            figures["first_explain_us"] <= 150,
            f"first ask + explain() on a fresh agreement <= 150 µs: "
            f"{figures['first_explain_us']:.0f} µs",
        ),
        line(
            figures["ask_ratio_datetime"] <= 1.0,
            "ask(on=datetime.date) + explain() <= OpenFisca's lookup with a datetime.date: "
            f"ratio {figures['ask_ratio_datetime']:.2f}",
        ),
        line(
            figures["portfolio_mib"] <= 300,
            f"{figures['portfolio_n']:,.0f} generated agreements <= 300 MiB: "
            f"{figures['portfolio_mib']:.0f} MiB",
        ),
        line(
            figures["example_kib"] <= 8,
            f"the loaded example contract <= 8 KiB: {figures['example_kib']:.1f} KiB",
        ),
        line(
            figures["files_speedup"] >= 1.6,
            f"contract files on ProcessPoolExecutor(2) >= 1.6x in-process: "
            f"{figures['files_speedup']:.2f}x wall, {figures['files_cpu_speedup']:.2f}x by CPU time",
        ),
        line(
            figures["worker_peak_mib"] <= 1024,
            f"streamed on Dask, peak RSS per worker <= 1 GiB: {figures['worker_peak_mib']:.0f} MiB",
        ),
    ]


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE
    ).stdout.strip()
    return (
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {load:.1f} at the start; clausekit {ck.__version__} "
        f"(commit {commit or 'unknown'}); openfisca-core {openfisca_version()}"
    )


def openfisca_version() -> str:
    from importlib.metadata import version

    return version("openfisca-core")


def table(rows: list[tuple[str, str, str]]) -> list[str]:
    width = max(len(r[0]) for r in rows)
    value = max(len(r[1]) for r in rows)
    lines = [f"{'operation':<{width}}  {'median':>{value}}  notes", "-" * (width + value + 30)]
    lines += [f"{a:<{width}}  {b:>{value}}  {c}".rstrip() for a, b, c in rows]
    return lines


def main() -> int:
    header = machine()
    print(header, flush=True)
    rows: list[tuple[str, str, str]] = []
    figures: dict[str, float] = {}
    for part in (engine_rows, loading_rows, portfolio_rows, memory_rows, import_rows, limits_rows):
        print(f"  measuring {part.__name__.removesuffix('_rows')} ...", flush=True)
        more, found = part()
        rows += more
        figures |= found
    lines = [header, "", *table(rows), "", *verdicts(figures)]
    text = "\n".join(lines) + "\n"
    print()
    print(text, end="")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    print(f"\nwritten to {RESULTS.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
