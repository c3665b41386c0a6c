"""Nothing lost, nothing executed: failures leave no partial state, files never run code.

- A failing load or question leaves every module-level cache, the agreement
  and its remembered answers as they were.
- YAML tags that would build Python objects are refused, and nothing runs.
- The package never unpickles, evaluates or executes anything it reads.
- The command line writes nothing but the one path it is given.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import datetime as dt
import io
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import cli, sources
from clausekit import io as contract_io
from clausekit import testing as ckst
from clausekit.time import to_day

PACKAGE = Path(ck.__file__).resolve().parent
SRC = ck.OutsideSource(
    url="https://example.org/safety", title="S", published="2020-01-01", gloss="g"
)

Question = tuple[ck.Agreement, ck.Action, ck.Scenario, pendulum.Date]


def clausekit_modules() -> Iterator[ModuleType]:
    """Every clausekit module imported so far."""
    for name, module in sorted(sys.modules.items()):
        if (name == "clausekit" or name.startswith("clausekit.")) and module is not None:
            yield module


def module_state() -> dict[str, str]:
    """A snapshot of every mutable module-level value (dicts, lists, sets) in clausekit."""
    state = {}
    for module in clausekit_modules():
        for name, value in vars(module).items():
            if isinstance(value, (dict, list, set)) and not name.startswith("__"):
                state[f"{module.__name__}.{name}"] = repr(sorted(map(repr, value)))
    return state


def memo(agreement: ck.Agreement) -> str:
    """What the agreement remembers of questions already asked (empty if it keeps nothing)."""
    compiled = getattr(agreement, "_compiled", None)
    if compiled is None or not attrs.has(type(compiled)):
        return ""
    kept = {
        field.name: getattr(compiled, field.name)
        for field in attrs.fields(type(compiled))
        if isinstance(getattr(compiled, field.name), dict)
    }
    return repr(sorted((k, sorted(map(repr, v))) for k, v in kept.items()))


BAD_FILES: list[tuple[str, contract_io.Format]] = [
    ('format = "clausekit/1"\nid = "x"\n', "toml"),
    ("format: clausekit/1\nid: !!python/object/apply:os.getcwd []\n", "yaml"),
    ('{"format": "clausekit/1", "id": "x", "parties": [{"name": "A"}], "amendments": []}', "json"),
    (
        'format = "clausekit/1"\nid = "x"\ntitle = "X"\nparties = [{ name = "A" }]\n'
        '[[amendments]]\nid = "a"\ntitle = "A"\neffective = "2020-01-01"\n'
        'evidence = [ { claim = "s001.no-such-claim" } ]\n',
        "toml",
    ),
]


class TestFailuresLeaveNoState:
    @pytest.mark.parametrize(("text", "fmt"), BAD_FILES)
    def test_failing_load_changes_no_module_state(self, text: str, fmt: contract_io.Format) -> None:
        """A file that will not load leaves every module-level dict, list and set as it was."""
        contract_io.loads(
            contract_io.dumps(ck.models.openai_microsoft(), format="toml"), format="toml"
        )  # warm every cache first
        before = module_state()
        with pytest.raises(ck.ContractFileError):
            contract_io.loads(text, format=fmt)
        assert module_state() == before

    def test_failing_load_leaves_no_evidence_base_behind(self) -> None:
        """A load that failed does not leave its evidence base in force for the next load."""
        with pytest.raises(ck.ContractFileError):
            contract_io.loads(BAD_FILES[3][0], format="toml")
        # A load with no evidence= argument still uses the bundled base.
        good = BAD_FILES[3][0].replace("s001.no-such-claim", "s001.rofr-trigger")
        loaded = contract_io.loads(good, format="toml")
        assert loaded.amendments[0].evidence[0] == sources.evidence_base().evidence(
            "s001.rofr-trigger"
        )

    def test_failing_parse_is_not_cached(self) -> None:
        """A day or period that fails to parse is never remembered as valid."""
        for bad in ("2025-02-30", "2025-13", "soon", "2025-01-01/2024-01-01"):
            before = module_state()
            with pytest.raises(ck.ClauseKitError):
                ck.Period.parse(bad)
            with pytest.raises(ck.ClauseKitError):
                to_day(bad)
            assert module_state() == before

    def test_failing_evidence_folder_keeps_the_bundled_base(self, tmp_path: Path) -> None:
        """Loading a broken evidence folder fails and leaves the bundled base untouched."""
        bundled = sources.evidence_base()
        (tmp_path / "broken.toml").write_text("this is = = not toml", encoding="utf-8")
        with pytest.raises(ck.EvidenceError):
            sources.load_evidence_base(tmp_path)
        assert sources.evidence_base() is bundled

    @given(question=ckst.questions(), failure=st.integers(0, 5))
    def test_failing_question_leaves_the_agreement_as_it_was(
        self, question: Question, failure: int
    ) -> None:
        """After any failing question the agreement is equal, remembers nothing new, answers alike.

        The next question gets exactly the answer a freshly built agreement gives.
        """
        agreement, action, scenario, day = question
        fresh = attrs.evolve(agreement)
        agreement.ask(action, on=day, scenario=scenario)  # something remembered already
        snapshot = copy.copy(agreement)
        remembered = memo(agreement)
        failing: list[Callable[[], object]] = [
            lambda: agreement.ask(
                action, on=day, scenario=scenario.with_facts(ck.ConsentGiven(by="Nobody"))
            ),
            lambda: agreement.ask(attrs.evolve(action, **counterparty("Nobody", action)), on=day),
            lambda: agreement.ask(action, on=dt.datetime(2025, 1, 1, 12), scenario=scenario),
            lambda: agreement.ask(action, during="2025-01-01/..", scenario=scenario),
            lambda: agreement.as_known_on("1900-01-01"),
            lambda: agreement.ask(action, on=day, scenario=[*scenario]),  # type: ignore[call-overload]
        ]
        with pytest.raises(ck.ClauseKitError):
            failing[failure]()
        assert agreement == snapshot
        assert memo(agreement) == remembered
        first = agreement.ask(action, on=day, scenario=scenario)
        assert first == fresh.ask(action, on=day, scenario=scenario)
        assert first.explain() == fresh.ask(action, on=day, scenario=scenario).explain()

    def test_failed_write_keeps_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """dump() that fails halfway leaves the previous file whole and no temporary file behind."""
        target = tmp_path / "deal.toml"
        contract_io.dump(ck.models.openai_microsoft(), target)
        before = target.read_bytes()

        def broken(source: object, target: object) -> None:
            raise OSError(28, "disk full")

        monkeypatch.setattr("clausekit.io.writing.os.replace", broken)
        other = ck.Agreement(
            id="other",
            title="Other",
            parties=[ck.Party("A")],
            amendments=[ck.Amendment(id="a", title="A", effective="2020-01-01", evidence=[SRC])],
        )
        with pytest.raises(ck.ContractFileError, match="disk full"):
            contract_io.dump(other, target)
        assert target.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["deal.toml"]


def counterparty(name: str, action: ck.Action) -> dict[str, str]:
    """The attrs field change that makes ``action`` name ``name`` as its counterparty."""
    return {"provider": name} if isinstance(action, ck.ProcureCompute) else {"counterparty": name}


# --------------------------------------------------------------------------- nothing executed

EXECUTING_YAML = [
    "!!python/object/apply:os.system ['touch {marker}']\n",
    "format: clausekit/1\nid: !!python/object/apply:os.system ['touch {marker}']\n",
    "format: clausekit/1\nid: !!python/object/apply:subprocess.call [['touch', '{marker}']]\n",
    "format: clausekit/1\nid: !!python/object/new:os.system ['touch {marker}']\n",
    "format: clausekit/1\nid: !!python/name:os.system\n",
    "format: clausekit/1\nid: !!python/module:os\n",
    'format: clausekit/1\nparties:\n  - name: !!python/object/apply:builtins.eval [\'open("{marker}", "w")\']\n',
]


class TestNothingExecuted:
    @pytest.mark.parametrize("template", EXECUTING_YAML)
    def test_python_tags_are_refused_and_run_nothing(self, template: str, tmp_path: Path) -> None:
        """A YAML tag that builds a Python object is a ContractFileError; its command never runs."""
        marker = tmp_path / "marker"
        text = template.format(marker=marker)
        with pytest.raises(ck.ContractFileError, match=r"remove the tag|not allowed"):
            contract_io.loads(text, format="yaml")
        path = tmp_path / "evil.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ck.ContractFileError):
            contract_io.load(path)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            assert cli.main(["check", str(path)]) == cli.EXIT_INVALID_FILE
        assert not marker.exists()

    def test_no_dangerous_calls_in_the_package(self) -> None:
        """No eval, exec, compile, unsafe YAML loading, marshal or shelve anywhere in clausekit.

        Pickle is used in exactly one place: the portfolio module checks that an
        error it caught survives pickling (``pickle.loads(pickle.dumps(error))``)
        before sending it across processes. It only unpickles bytes it has just
        pickled itself; no file or input is ever unpickled.
        """
        found: list[str] = []
        pickles: list[str] = []
        for path in sorted(PACKAGE.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            where = path.relative_to(PACKAGE).as_posix()
            for node in ast.walk(tree):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    names = [a.name for a in node.names]
                    module = node.module if isinstance(node, ast.ImportFrom) else None
                    for name in [module or "", *names]:
                        root = name.split(".")[0]
                        if root in {"marshal", "shelve", "dill", "cloudpickle", "jsonpickle"}:
                            found.append(f"{where}:{node.lineno}: imports {name}")
                        if root == "pickle":
                            pickles.append(f"{where}: import")
                if isinstance(node, ast.Call):
                    func = node.func
                    name = (
                        func.id
                        if isinstance(func, ast.Name)
                        else f"{ast.unparse(func.value)}.{func.attr}"
                        if isinstance(func, ast.Attribute)
                        else ""
                    )
                    if name in {"eval", "exec", "compile", "__import__", "os.system", "os.popen"}:
                        found.append(f"{where}:{node.lineno}: calls {name}")
                    if name in {"yaml.load", "yaml.unsafe_load", "yaml.full_load", "yaml.load_all"}:
                        found.append(f"{where}:{node.lineno}: calls {name}")
                    if name.startswith("pickle."):
                        pickles.append(f"{where}: {ast.unparse(node)}")
                unsafe = {"UnsafeLoader", "FullLoader", "Loader", "UnsafeConstructor"}
                if (
                    isinstance(node, ast.Attribute)
                    and node.attr in unsafe
                    and ast.unparse(node.value) == "yaml"
                ):
                    found.append(f"{where}:{node.lineno}: uses yaml.{node.attr}")
        assert found == []
        assert set(pickles) <= {
            "portfolio/work.py: import",
            "portfolio/work.py: pickle.loads(pickle.dumps(failed.error))",
            "portfolio/work.py: pickle.dumps(failed.error)",
        }, pickles

    def test_yaml_is_read_with_a_safe_loader(self) -> None:
        """The YAML loader clausekit uses is a SafeLoader: it builds plain data only."""
        import yaml

        loaders = [
            value
            for value in vars(contract_io.formats).values()
            if isinstance(value, type) and issubclass(value, yaml.constructor.BaseConstructor)
        ]
        assert loaders
        for loader in loaders:
            assert issubclass(loader, yaml.constructor.SafeConstructor)
            assert not issubclass(loader, yaml.constructor.FullConstructor)


# --------------------------------------------------------------------------- the command line


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its content."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class TestCommandLineWrites:
    @pytest.fixture
    def places(self, tmp_path: Path) -> dict[str, Path]:
        """A working folder with a contract file, and empty home and temporary folders."""
        places = {name: tmp_path / name for name in ("work", "home", "tmp")}
        for place in places.values():
            place.mkdir()
        contract_io.dump(ck.models.openai_microsoft(), places["work"] / "deal.yaml")
        return places

    def run(self, places: dict[str, Path], *argv: str) -> subprocess.CompletedProcess[str]:
        """``python -m clausekit ARGV`` with the working, home and temporary folders set."""
        env = {
            **os.environ,
            "HOME": str(places["home"]),
            "TMPDIR": str(places["tmp"]),
            "XDG_CACHE_HOME": str(places["home"] / ".cache"),
            "PYTHONDONTWRITEBYTECODE": "1",
            "HYPOTHESIS_NO_PLUGINS": "1",
        }
        return subprocess.run(
            [sys.executable, "-m", "clausekit", *argv],
            cwd=places["work"],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
            check=False,
        )

    def test_only_the_output_path_is_written(self, places: dict[str, Path]) -> None:
        """Every command leaves the folders unchanged; render --output adds exactly that file."""
        aws = ["--buyer", "OpenAI", "--provider", "AWS", "--workload", "training"]
        before = {name: tree(path) for name, path in places.items()}
        commands = [
            ["ask", "deal.yaml", *aws, "--on", "2025-01-15"],
            ["ask", "deal.yaml", *aws, "--during", "2025-01", "--json"],
            ["timeline", "deal.yaml", *aws, "--from", "2019-01-01", "--to", "2027-01-01"],
            ["compare", "deal.yaml", *aws, "2025-01-15", "2025-11-15", "--json"],
            ["in-force", "deal.yaml", "--on", "2025-02-15", "--as-known-on", "2025-06-01"],
            ["check", "deal.yaml", "--json"],
            [
                "revenue-share",
                "deal.yaml",
                "--payer",
                "OpenAI",
                "--revenue",
                "1000 USD",
                "--during",
                "2025",
            ],
            ["ask", "deal.yaml", *aws, "--on", "2025-02-30"],
            ["ask", "missing.yaml", *aws, "--on", "2025-01-15"],
        ]
        for argv in commands:
            done = self.run(places, *argv)
            assert done.returncode in (0, 2), (argv, done.stderr)
            assert {name: tree(path) for name, path in places.items()} == before, argv
        done = self.run(
            places, "render", "deal.yaml", *aws, "--during", "2025", "--output", "out/t.md"
        )
        assert done.returncode == cli.EXIT_USAGE  # the folder out/ does not exist: nothing made
        assert {name: tree(path) for name, path in places.items()} == before
        done = self.run(places, "render", "deal.yaml", *aws, "--during", "2025", "--output", "t.md")
        assert done.returncode == cli.EXIT_OK, done.stderr
        after = {name: tree(path) for name, path in places.items()}
        assert after["home"] == before["home"] == {}
        assert after["tmp"] == before["tmp"] == {}
        assert set(after["work"]) == {*before["work"], "t.md"}
        assert {k: v for k, v in after["work"].items() if k != "t.md"} == before["work"]
        assert b"| From " in after["work"]["t.md"]
