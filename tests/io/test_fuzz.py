"""Fuzzing the loaders: whatever the input, an agreement or a ClauseKitError, nothing else.

Three kinds of input reach every format: arbitrary bytes (through a file
and ``load``), arbitrary text, and text made of each format's own
punctuation (to get past the first character of the parsers). A fourth
fuzzer takes the example contract's plain data, changes one field (a
random value, a deleted key, a stray key), and reads it back through
``from_dict`` and through the text of every format. An input that loads
must be one the detailed checker finds nothing wrong with (the fast path
accepts nothing the checker refuses), and must write and read back equal.

The number of examples follows the hypothesis profile (``tests/conftest.py``):
``dev`` locally, ``ci`` in CI (derandomized: a fixed seed, the same
examples every run). For a long run by hand, use the ``nightly`` profile,
about fifty times the examples with a fresh seed each run::

    HYPOTHESIS_PROFILE=nightly python -m pytest tests/io/test_fuzz.py

A failure prints the input that caused it (and in CI a blob to reproduce it
with ``@reproduce_failure``).
"""

from __future__ import annotations

import contextlib
import copy
import json
import math
import tempfile
from pathlib import Path
from typing import Any

import tomli_w
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import clausekit as ck
from clausekit import io as ckio
from clausekit.errors import ClauseKitError
from clausekit.io.converter import Claims
from clausekit.io.problems import MISMATCH
from clausekit.io.validation import Checker

FORMATS: tuple[ckio.Format, ...] = ("toml", "yaml", "json")
EXAMPLE = Path(__file__).parents[2] / "examples" / "distribution_agreement.toml"
DEAL = ck.load(EXAMPLE)
DATA = ckio.to_dict(DEAL)
FOLDER = Path(tempfile.mkdtemp(prefix="clausekit-fuzz-"))


def scaled(fraction: float, least: int = 10) -> int:
    """A fraction of the profile's example count, at least ``least``."""
    return max(least, int(settings.default.max_examples * fraction))


def load_or_refuse(call: Any) -> ck.Agreement | None:
    """The agreement ``call()`` returns, or None when it raised a ClauseKitError."""
    try:
        result = call()
    except ck.ContractFileError as error:
        assert not any(MISMATCH in p.message for p in error.problems), str(error)  # noqa: PT017
        return None
    except ClauseKitError:
        return None
    assert isinstance(result, ck.Agreement)
    return result


def assert_sound(agreement: ck.Agreement, data: Any) -> None:
    """What loaded passes the detailed checker, and writes and reads back equal."""
    checker = Checker(Claims(None))
    checker.document(data)
    assert checker.problems == [], checker.problems
    for fmt in FORMATS:
        assert ck.loads(ck.dumps(agreement, format=fmt), format=fmt) == agreement


PUNCTUATION = {
    "toml": "[]{}\"'=,.#\n \t\\abcdeftrunil0123456789-:T+_",
    "yaml": "[]{}\"'-:,#&*!|>?%@`\n \t\\abcdeftrunil0123456789.<",
    "json": "[]{}\"',:\n \t\\abcdeftrunil0123456789-+.eE",
}


class TestText:
    @settings(max_examples=scaled(0.4), suppress_health_check=[HealthCheck.too_slow])
    @given(fmt=st.sampled_from(FORMATS), text=st.text(max_size=300))
    @example(fmt="json", text='"' + '\\"' * 2000)
    @example(fmt="toml", text='a = """' + '\\"' * 2000)
    @example(fmt="yaml", text="effective: 2025-02-30")
    @example(fmt="json", text='{"a": "\\udc00"}')
    @example(fmt="yaml", text="a: " + "9" * 5000)
    @example(fmt="json", text="[" * 100 + "]" * 100)
    @example(fmt="yaml", text="- &a [*a]")
    def test_any_text(self, fmt: ckio.Format, text: str) -> None:
        """Arbitrary text loads or is refused with a ClauseKitError."""
        load_or_refuse(lambda: ck.loads(text, format=fmt))

    @settings(max_examples=scaled(0.6), suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data(), fmt=st.sampled_from(FORMATS))
    def test_text_of_the_formats_own_punctuation(
        self, data: st.DataObject, fmt: ckio.Format
    ) -> None:
        """Text built from brackets, quotes, colons and keywords reaches deeper into each parser."""
        text = data.draw(st.text(alphabet=PUNCTUATION[fmt], max_size=200), label="text")
        load_or_refuse(lambda: ck.loads(text, format=fmt))

    @settings(max_examples=scaled(0.3), suppress_health_check=[HealthCheck.too_slow])
    @given(fmt=st.sampled_from(FORMATS), raw=st.binary(max_size=300))
    @example(fmt="toml", raw=b"\xff\xfe")
    @example(fmt="json", raw=b"\xef\xbb\xbf{}")
    @example(fmt="yaml", raw=b"\xed\xa0\x80")
    def test_any_bytes_in_a_file(self, fmt: ckio.Format, raw: bytes) -> None:
        """Arbitrary bytes in a file load or are refused with a ClauseKitError."""
        path = FOLDER / f"fuzz.{fmt}"
        path.write_bytes(raw)
        load_or_refuse(lambda: ck.load(path))


# --------------------------------------------------------------------------- mutated contracts


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into ``value`` (keys and indexes), the value itself first."""
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out += paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out += paths(child, (*prefix, index))
    return out


PATHS = paths(DATA)[1:]
BIG = {"<4400-digit number>": 10**4400, "<negative 4302-digit number>": -(10**4301)}


def materialize(value: Any) -> Any:
    """``value`` with the stand-ins for numbers past 4,300 digits replaced by the numbers."""
    if isinstance(value, str):
        return BIG.get(value, value)
    if isinstance(value, list):
        return [materialize(v) for v in value]
    if isinstance(value, dict):
        return {k: materialize(v) for k, v in value.items()}
    return value


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(sorted(BIG)),  # stand-ins: hypothesis cannot print such numbers
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(
        [
            "",
            " ",
            "2025-02-30",
            "2025-01-01",
            "0.20",
            "-1",
            "1e9",
            "USD",
            "NaN",
            "Acme",
            "exclusivity",
        ]
    ),
    st.dates().map(lambda d: d),
)
json_ish = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


class Mutated:
    """Mutated data, shown by what changed (a repr of a 4,400-digit number would fail)."""

    def __init__(self, data: dict[str, Any], change: str) -> None:
        self.data = data
        self.change = change

    def __repr__(self) -> str:
        return self.change


@st.composite
def mutated(draw: st.DrawFn) -> Mutated:
    """The example's data with one field replaced, deleted, or joined by a stray key."""
    data = copy.deepcopy(DATA)
    path = draw(st.sampled_from(PATHS))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    action = draw(st.sampled_from(["replace", "replace", "delete", "stray"]))
    last = path[-1]
    if action == "delete":
        del parent[last]
        return Mutated(data, f"delete {path}")
    value = draw(json_ish)
    shown = repr(value)[:200]
    value = materialize(value)
    if action == "stray" and isinstance(parent[last], dict):
        key = draw(st.text(max_size=10))
        parent[last][key] = value
        return Mutated(data, f"add {key!r} = {shown} at {path}")
    parent[last] = value
    return Mutated(data, f"set {path} = {shown}")


def as_text(data: dict[str, Any], fmt: ckio.Format) -> str | None:
    """``data`` written in ``fmt`` by the plain libraries, or None when the format cannot hold it."""
    try:
        if fmt == "json":
            return json.dumps(data, default=str)
        if fmt == "yaml":
            return yaml.safe_dump(data, allow_unicode=True)
        return tomli_w.dumps(data)
    except (TypeError, ValueError, yaml.YAMLError):
        return None


SCENARIO_DATA = ckio.scenario_to_dict(
    ck.Scenario(
        ck.OfferDeclined(by="Acme", on="2025-03-01"),
        ck.AGIDeclared(on="2030-01-01", verified=True, verified_on="2030-02-01"),
        ck.Revenue(amount="1000.50 USD", period="2025-01", earned_by="Acme"),
        ck.AssumedRate(clause="rs", rate="0.20"),
    )
)
SCENARIO_PATHS = paths(SCENARIO_DATA)[1:]


class TestScenarioFiles:
    @settings(max_examples=scaled(0.3), suppress_health_check=[HealthCheck.too_slow])
    @given(fmt=st.sampled_from(FORMATS), text=st.text(max_size=200))
    @example(fmt="yaml", text="format: clausekit/1\nfacts:\n- kind: revenue\n  period: 2025-13\n")
    def test_any_text(self, fmt: ckio.Format, text: str) -> None:
        """Arbitrary text read as a scenario file: a scenario or a ClauseKitError."""
        with contextlib.suppress(ClauseKitError):
            assert isinstance(ckio.loads_scenario(text, format=fmt), ck.Scenario)

    @settings(max_examples=scaled(0.4), suppress_health_check=[HealthCheck.too_slow])
    @given(path=st.sampled_from(SCENARIO_PATHS), value=json_ish)
    def test_one_changed_field(self, path: tuple[Any, ...], value: Any) -> None:
        """The facts with one field changed: a scenario that writes back equal, or a clausekit error."""
        data = copy.deepcopy(SCENARIO_DATA)
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = materialize(value)
        try:
            scenario = ckio.scenario_from_dict(data)
        except ck.ContractFileError as error:
            assert not any(MISMATCH in p.message for p in error.problems), str(error)  # noqa: PT017
            return
        for fmt in FORMATS:
            text = ckio.dumps_scenario(scenario, format=fmt)
            assert ckio.loads_scenario(text, format=fmt) == scenario


class TestMutatedContracts:
    @settings(
        max_examples=scaled(0.6),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(mutation=mutated())
    def test_one_changed_field(self, mutation: Mutated) -> None:
        """from_dict, and loads in every format, build an agreement or raise a ClauseKitError."""
        data = mutation.data
        loaded = load_or_refuse(lambda: ckio.from_dict(data))
        if loaded is not None:
            assert_sound(loaded, data)
        for fmt in FORMATS:
            text = as_text(data, fmt)
            if text is not None:
                load_or_refuse(lambda: ck.loads(text, format=fmt))  # noqa: B023 - called at once

    def test_the_example_itself_loads(self) -> None:
        """The unchanged data loads (so the fuzzer starts from a valid contract)."""
        assert ckio.from_dict(DATA) == DEAL
        assert all(not (isinstance(v, float) and math.isnan(v)) for v in DATA.values())
