"""clausekit.cli.parser: every command's --help, and the worked example it ends with."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

import clausekit as ck
from clausekit import cli, render
from cli.helpers import (
    subprocess_run,
)


class TestHelp:
    @pytest.mark.parametrize("command", cli.COMMANDS)
    def test_every_help_example_runs(
        self, deals: dict[str, ck.Agreement], tmp_path: Path, command: str
    ) -> None:
        """The worked examples in --help are real: run against the test contracts, they exit 0."""
        for example in cli.EXAMPLES[command].split("\nclausekit "):
            argv = shlex.split(example.replace("\\\n", " "))
            if argv[0] == "clausekit":
                argv = argv[1:]
            redirect = argv[argv.index(">") + 1] if ">" in argv else None
            if redirect is not None:
                argv = argv[: argv.index(">")]
            done = subprocess_run(*argv, cwd=tmp_path)
            assert done.returncode == 0, (argv, done.stderr)
            assert done.stdout or redirect is None
        if command == "render":
            assert (tmp_path / "sale.mmd").read_text(encoding="utf-8").startswith("gantt\n")

    @pytest.mark.parametrize("command", cli.COMMANDS)
    def test_help_shows_a_worked_example(self, command: str) -> None:
        """Every command's --help exits 0 and ends with its worked example, verbatim."""
        done = subprocess_run(command, "--help")
        assert done.returncode == 0, done.stderr
        assert "example:" in done.stdout
        for line in cli.EXAMPLES[command].splitlines():
            assert line in done.stdout
        assert done.stdout.rstrip().endswith(cli.EXAMPLES[command].splitlines()[-1])

    def test_help_of_the_questions_lists_the_fact_forms(self) -> None:
        """ask --help documents every --fact kind."""
        done = subprocess_run("ask", "--help")
        for kind in render.FACT_KINDS.values():
            assert f"{kind}:" in done.stdout

    def test_top_level_help_names_every_command(self) -> None:
        """clausekit --help lists the commands and the exit codes."""
        done = subprocess_run("--help")
        assert done.returncode == 0
        for command in cli.COMMANDS:
            assert command in done.stdout
        assert "exit codes" in done.stdout

    def test_help_lists_the_kinds_an_import_registers(self, tmp_path: Path) -> None:
        """ask --help with --import lists the fact kinds the module registers."""
        (tmp_path / "help_kinds.py").write_text(
            "import attrs, clausekit as ck\n"
            "@attrs.frozen(kw_only=True)\n"
            "class Waived(ck.Fact, kind='fee-waived'):\n"
            "    by: str\n",
            encoding="utf-8",
        )
        done = subprocess_run("--import", "help_kinds", "ask", "--help", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "fee-waived" in done.stdout.split("kinds registered now:")[1]
