"""clausekit.cli.main: exit codes, one-line errors, UTF-8 output, --version, no arguments, Ctrl-C, --import."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import clausekit as ck
from clausekit import cli, render
from cli.helpers import (
    AWS_LIKE,
    BAD_TOML,
    TRAINING,
    as_json,
    run,
    subprocess_run,
)

# --------------------------------------------------------------------------- processes


class TestExitCodesInAProcess:
    @pytest.mark.parametrize(
        ("argv", "needle"),
        [
            (["ask", "x.toml", "--actor", "A", "--workload", "api", "--on", "2025-02-30"], "--on"),
            (["ask", "x.toml", "--actor", "A", "--on", "2025-01-01", "--during", "2025"], "--on"),
            (
                ["ask", "x.toml", "--actor", "A", "--fact", "declined:Bob", "--on", "2025-01-01"],
                "declined",
            ),
            (
                [
                    "ask",
                    "x.toml",
                    "--actor",
                    "A",
                    "--fact",
                    "assumed-rate:rs=0.2x",
                    "--on",
                    "2025-01-01",
                ],
                "0.2x",
            ),
            (
                ["timeline", "x.toml", "--actor", "A", "--workload", "api", "--from", "2025-01-01"],
                "--to",
            ),
            (
                ["compare", "x.toml", "--actor", "A", "2025-01-01", "2025-01-01T10:00"],
                "calendar day",
            ),
            (["render", "x.toml", "--actor", "A", "--format", "pdf"], "pdf"),
            (["nonsense"], "nonsense"),
            (["--import", "json"], "COMMAND"),
            (
                [
                    "ask",
                    "no-such-file.toml",
                    "--buyer",
                    "A",
                    "--provider",
                    "B",
                    "--workload",
                    "api",
                    "--on",
                    "2025-01-01",
                ],
                "no-such-file.toml",
            ),
        ],
    )
    def test_usage_errors_exit_2_with_one_line(self, argv: list[str], needle: str) -> None:
        """Bad arguments exit 2 with exactly one line on stderr naming the problem, no traceback."""
        done = subprocess_run(*argv)
        assert done.returncode == 2
        assert done.stdout == ""
        lines = done.stderr.splitlines()
        assert len(lines) == 1, done.stderr
        assert "error:" in lines[0]
        assert needle in lines[0]
        assert "Traceback" not in done.stderr

    def test_an_answer_exits_0(self, deals: dict[str, ck.Agreement], tmp_path: Path) -> None:
        """A question about a contract file is answered on stdout with exit 0 and no stderr."""
        done = subprocess_run("ask", "cloud.toml", *TRAINING, "--on", "2025-01-15", cwd=tmp_path)
        assert (done.returncode, done.stderr) == (0, "")
        expected = deals["cloud.toml"].ask(AWS_LIKE, on="2025-01-15").explain()
        assert done.stdout == expected + "\n"

    def test_a_bundled_model_by_name(self) -> None:
        """MODEL may name a bundled model; the JSON answer equals the Python API's."""
        model = ck.models.available()[0]
        deal = ck.models.load_model(model)
        day = deal.amendments[-1].effective
        done = subprocess_run("in-force", model, "--on", day.isoformat(), "--json")
        assert done.returncode == 0, done.stderr
        expected = render.in_force_to_dict(deal.in_force(on=day), on=day, agreement=deal.title)
        assert json.loads(done.stdout) == as_json(expected)

    def test_an_invalid_file_exits_1_one_line_per_problem(
        self, deals: dict[str, ck.Agreement], tmp_path: Path
    ) -> None:
        """An invalid contract file exits 1 and puts each problem on its own stderr line."""
        (tmp_path / "bad.toml").write_text(BAD_TOML, encoding="utf-8")
        done = subprocess_run("check", "bad.toml", cwd=tmp_path)
        assert (done.returncode, done.stdout) == (1, "")
        lines = done.stderr.splitlines()
        assert lines[0] == "clausekit: error: bad.toml: 2 problems found"
        assert lines[1].startswith("clausekit: error: bad.toml:6: parties[0].alias: ")
        assert lines[2].startswith("clausekit: error: bad.toml:10: amendments[0].effective: ")
        assert len(lines) == 3
        assert "Traceback" not in done.stderr

    def test_an_unknown_party_exits_2(self, deals: dict[str, ck.Agreement], tmp_path: Path) -> None:
        """A party the contract does not know is a usage error with a suggestion."""
        done = subprocess_run("ask", "cloud.toml", "--buyer", "Acme", "--provider", "Othercloud ",
                              "--workload", "api", "--on", "2025-01-15", cwd=tmp_path)  # fmt: skip
        assert done.returncode == 0  # names are matched ignoring case and surrounding spaces
        done = subprocess_run("ask", "cloud.toml", "--buyer", "Acme", "--provider", "Amazon",
                              "--workload", "api", "--on", "2025-01-15", cwd=tmp_path)  # fmt: skip
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr.count("\n") == 1
        assert done.stderr.startswith("clausekit: error: Unknown party 'Amazon'")

    def test_output_is_utf8_whatever_the_locale(
        self, deals: dict[str, ck.Agreement], tmp_path: Path
    ) -> None:
        """With an ASCII-only stdout encoding the answer is still written, as UTF-8."""
        done = subprocess.run(
            [sys.executable, "-m", "clausekit", "timeline", "cloud.toml", *TRAINING,
             "--from", "2019-01-01", "--to", "2027-01-01"],
            capture_output=True,
            cwd=tmp_path,
            env={**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"},
            timeout=120,
            check=False,
        )  # fmt: skip
        assert (done.returncode, done.stderr) == (0, b"")
        expected = deals["cloud.toml"].timeline(AWS_LIKE, start="2019-01-01", end="2027-01-01")
        assert done.stdout.decode("utf-8") == expected.explain() + "\n"
        assert "—".encode() in done.stdout


# --------------------------------------------------------------------------- conventions

TESTS = Path(__file__).parent.parent
"""The tests folder, where the user's module of kinds (user_kinds.py) lives."""


class TestConventions:
    def test_no_arguments_prints_usage_and_commands(self) -> None:
        """``clausekit`` alone prints the usage line and every command to stderr, exit 2."""
        done = subprocess_run()
        assert (done.returncode, done.stdout) == (2, "")
        lines = done.stderr.splitlines()
        assert lines[0].startswith("usage: clausekit ")
        for command in cli.COMMANDS:
            assert any(line.split()[:1] == [command] for line in lines), command
        assert "--help" in lines[-1]
        assert "Traceback" not in done.stderr

    def test_version_agrees_with_the_package_metadata(self) -> None:
        """--version prints the version that ck.__version__ and the installed metadata give."""
        from importlib import metadata

        done = subprocess_run("--version")
        assert (done.returncode, done.stderr) == (0, "")
        assert done.stdout == f"clausekit {ck.__version__}\n"
        assert metadata.version("clausekit") == ck.__version__

    def test_ctrl_c_exits_130_with_one_line(
        self, deals: dict[str, ck.Agreement], tmp_path: Path
    ) -> None:
        """SIGINT while a command runs: exit 130 and one line on stderr, no traceback.

        The child process imports a module (``--import``) that signals it is
        running and then waits, so the signal arrives mid-command.
        """
        (tmp_path / "slow_kinds.py").write_text(
            "import pathlib, time\npathlib.Path('started').write_text('yes')\ntime.sleep(60)\n",
            encoding="utf-8",
        )
        child = subprocess.Popen(
            [sys.executable, "-m", "clausekit", "--import", "slow_kinds", "in-force", "cloud.toml",
             "--on", "2025-01-01"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )  # fmt: skip
        try:
            for _ in range(600):
                if (tmp_path / "started").exists() or child.poll() is not None:
                    break
                time.sleep(0.1)
            child.send_signal(signal.SIGINT)
            out, err = child.communicate(timeout=60)
        finally:
            child.kill()
        assert (child.returncode, out) == (130, ""), err
        assert err == "clausekit: interrupted\n"

    def test_keyboard_interrupt_inside_main(
        self,
        deals: dict[str, ck.Agreement],
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """A KeyboardInterrupt anywhere in a command returns 130 with one line, in-process too."""

        def interrupted(*args: object, **kwargs: object) -> object:
            raise KeyboardInterrupt

        monkeypatch.setattr(ck.Agreement, "in_force", interrupted)
        code, out, err = run(capsys, "in-force", "cloud.toml", "--on", "2025-01-01")
        assert (code, out, err) == (cli.EXIT_INTERRUPTED, "", "clausekit: interrupted\n")


MEDIA_TOML = """\
format = "clausekit/1"
id = "media-rights"
title = "League media rights"

[[parties]]
name = "League"

[[parties]]
name = "Incumbent"
aliases = [
    "INC",
]

[[parties]]
name = "Rival"

[[amendments]]
id = "signed-2014"
title = "Media rights deal"
effective = "2014-10-06"

[[amendments.evidence]]
url = "https://example.org/media-rights"
title = "League media rights (test fixture)"
published = "2024-07-24"
gloss = "The incumbent broadcaster may match any third party's offer."

[[amendments.adds]]
kind = "matching-right"
id = "match"
title = "Matching right"
grantor = "League"
holder = "Incumbent"
scope = [
    "tv",
]

[[amendments.adds.evidence]]
url = "https://example.org/media-rights"
title = "League media rights (test fixture)"
published = "2024-07-24"
gloss = "The incumbent broadcaster may match any third party's offer."
"""
"""user_kinds.media_rights() as a contract file (written out, so that reading it needs --import)."""


class TestImport:
    """``--import MODULE`` loads a user's clause and fact kinds before anything is read."""

    @pytest.fixture
    def media(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
        """The media-rights contract of tests/user_kinds.py as a file, run from tests/."""
        monkeypatch.chdir(TESTS)
        path = tmp_path / "media.toml"
        path.write_text(MEDIA_TOML, encoding="utf-8")
        return path

    QUESTION = ("--actor", "League", "--counterparty", "Rival", "--verb",
                "license-media-rights", "--subject", "tv", "--on", "2025-01-01")  # fmt: skip

    def test_a_user_kind_answers_through_import(self, media: Path) -> None:
        """With --import the contract's own clause kind loads and the user's fact kind reads."""
        done = subprocess_run("ask", str(media), *self.QUESTION, "--import", "user_kinds",
                              "--fact", "offer-matched:INC", "--json", cwd=TESTS)  # fmt: skip
        assert done.returncode == 0, done.stderr
        answer = json.loads(done.stdout)
        assert answer["outcome"] == "prohibited"
        assert answer["facts"] == ["offer-matched:Incumbent"]
        assert [r["clause"]["kind"] for r in answer["rulings"]] == ["matching-right"]

    def test_import_before_the_command_and_dated_facts(self, media: Path) -> None:
        """--import may come before the command; a user fact takes @DAY like a bundled one."""
        done = subprocess_run("--import", "user_kinds", "ask", str(media), *self.QUESTION,
                              "--fact", "offer-matched:by=Incumbent@2024-12-01", "--json",
                              cwd=TESTS)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["facts"] == ["offer-matched:Incumbent@2024-12-01"]

    def test_without_import_the_kind_is_unknown(self, media: Path) -> None:
        """Without --import the file is invalid (exit 1) and names the unknown kind."""
        done = subprocess_run("ask", str(media), *self.QUESTION, cwd=TESTS)
        assert done.returncode == 1
        assert "'matching-right'" in done.stderr

    def test_a_module_that_does_not_import(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An --import that fails is one line naming the module and the fix, exit 2."""
        code, out, err = run(capsys, "--import", "no_such_kinds", "models")
        assert (code, out) == (2, "")
        assert err.startswith("clausekit: error: --import 'no_such_kinds' failed: ")
        assert "ModuleNotFoundError" in err
        assert len(err.splitlines()) == 1

    def test_the_file_is_the_users_agreement(self, media: Path) -> None:
        """The contract file above is user_kinds.media_rights(), read back.

        In a fresh process, so that the user's kinds do not stay registered for
        the rest of the suite (kind lists in messages would change).
        """
        script = (
            "import sys, user_kinds, clausekit as ck\n"
            "assert ck.load(sys.argv[1]) == user_kinds.media_rights()\n"
        )
        done = subprocess.run([sys.executable, "-c", script, str(media)], cwd=TESTS,
                              capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
        assert done.returncode == 0, done.stderr

    def test_describe_speaks_the_users_vocabulary(self, media: Path) -> None:
        """describe lists a user kind's verbs and subjects with the bundled kinds'."""
        done = subprocess_run("describe", str(media), "--import", "user_kinds", "--json",
                              cwd=TESTS)  # fmt: skip
        assert done.returncode == 0, done.stderr
        data = json.loads(done.stdout)
        assert data["vocabulary"] == {
            "verbs": ["license-media-rights"],
            "subjects": ["tv"],
            "qualifiers": [],
        }
