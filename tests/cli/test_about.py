"""clausekit.cli.about: ``models``, ``describe`` (text and JSON) and ``completion``."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import clausekit as ck
from clausekit import cli, render
from clausekit.cli import about
from cli.helpers import run, run_json

DESCRIPTION_KEYS = [
    "kind", "agreement", "starts_on", "known_on", "parties", "amendments", "vocabulary", "on",
    "in_force",
]  # fmt: skip
MODEL_KEYS = ["name", "id", "title", "parties", "amendments", "starts_on"]


class TestModels:
    def test_text_names_every_bundled_model(self, capsys: pytest.CaptureFixture[str]) -> None:
        """One line per bundled model: the name MODEL takes, then its title and parties."""
        code, out, err = run(capsys, "models")
        assert (code, err) == (0, "")
        lines = out.splitlines()
        assert [line.split()[0] for line in lines] == list(ck.models.available())
        deal = ck.models.openai_microsoft()
        assert deal.title in lines[0]
        assert f"{len(deal.amendments)} amendments from {deal.starts_on}" in lines[0]

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--json: {"kind": "models", "models": [...]}, each with the documented keys."""
        data = run_json(capsys, "models")
        assert list(data) == ["kind", "models"]
        assert data["kind"] == "models"
        assert [m["name"] for m in data["models"]] == list(ck.models.available())
        for model in data["models"]:
            assert list(model) == MODEL_KEYS
            deal = ck.models.load_model(model["name"])
            assert model["parties"] == [p.name for p in deal.parties]
            assert model["amendments"] == len(deal.amendments)


class TestDescribe:
    def test_json_equals_the_api(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """describe --json lists parties, amendments, vocabulary and the clauses in force."""
        deal = deals["cloud.toml"]
        data = run_json(capsys, "describe", "cloud.toml", "--on", "2025-02-15")
        assert list(data) == DESCRIPTION_KEYS
        assert data["agreement"] == {"id": deal.id, "title": deal.title}
        assert data["parties"] == [
            {"name": "Acme", "aliases": []},
            {"name": "CloudCo", "aliases": ["CC"]},
            {"name": "OtherCloud", "aliases": ["OC"]},
        ]
        assert [a["id"] for a in data["amendments"]] == ["signed", "rofr-2025", "definitive"]
        assert data["amendments"][1]["ends"] == ["excl"]
        assert [c["id"] for c in data["amendments"][1]["adds"]] == ["rofr"]
        assert data["vocabulary"] == {
            "verbs": ["procure-compute"],
            "subjects": ["api", "inference", "research", "training"],
            "qualifiers": [],
        }
        day = ck.Period("2025-02-15", "2025-02-16").start
        expected = render.in_force_to_dict(deal.in_force(on=day), on=day, agreement=deal.title)
        assert data["in_force"] == json.loads(json.dumps(expected["clauses"]))
        assert data["on"] == "2025-02-15"

    def test_without_a_day_no_clauses_in_force(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --on there is no day to ask about: "on" and "in_force" are null."""
        data = run_json(capsys, "describe", "cloud.toml")
        assert (data["on"], data["in_force"]) == (None, None)

    def test_text(self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]) -> None:
        """The text names the parties with aliases, each amendment, the vocabulary, the clauses."""
        code, out, err = run(capsys, "describe", "cloud.toml", "--on", "2025-02-15")
        assert (code, err) == (0, "")
        assert out.splitlines()[0] == "Acme–CloudCo cloud agreement (acme-cloudco), from 2019-07-22"
        assert "  - CloudCo (also CC)\n" in out
        assert "  - 2025-01-21 rofr-2025: Exclusivity becomes a right of first refusal\n" in out
        assert "      ends excl\n      adds rofr (right-of-first-refusal)\n" in out
        assert "  verbs: procure-compute\n  subjects: api, inference, research, training\n" in out
        assert "clauses in force on 2025-02-15:\n" in out
        assert "  - rofr (right-of-first-refusal): " in out

    def test_as_known_on(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--as-known-on describes the agreement as the public could know it then."""
        data = run_json(capsys, "describe", "cloud.toml", "--as-known-on", "2020-01-01")
        assert data["known_on"] == "2020-01-01"
        assert [a["id"] for a in data["amendments"]] == ["signed"]

    def test_vocabulary_is_the_agreements(self) -> None:
        """The vocabulary is Agreement.vocabulary(), each part sorted."""
        deal = ck.models.openai_microsoft()
        words = about.vocabulary(deal)
        found = deal.vocabulary()
        assert words == {
            "verbs": sorted(found.verbs),
            "subjects": sorted(found.subjects),
            "qualifiers": sorted(found.qualifiers),
        }


class TestCompletion:
    @pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh"])
    def test_a_script_for_each_shell(self, capsys: pytest.CaptureFixture[str], shell: str) -> None:
        """completion SHELL prints shtab's script, which knows every command."""
        pytest.importorskip("shtab")
        code, out, err = run(capsys, "completion", shell)
        assert (code, err) == (0, "")
        for command in ("ask", "describe", "models", "revenue-share"):
            assert command in out

    def test_bash_accepts_the_script(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """bash reads the script without a syntax error and defines the completion."""
        pytest.importorskip("shtab")
        bash = shutil.which("bash")
        if bash is None:
            pytest.skip("no bash on this machine")
        code, out, _ = run(capsys, "completion", "bash")
        assert code == 0
        (tmp_path / "c.bash").write_text(out, encoding="utf-8")
        done = subprocess.run(
            [bash, "-c", f"source {tmp_path / 'c.bash'} && complete -p clausekit"],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "clausekit" in done.stdout

    def test_without_shtab_a_clear_line(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Where shtab is not installed: exit 2 and one line saying what to install."""
        import sys

        monkeypatch.setitem(sys.modules, "shtab", None)  # import shtab now raises ImportError
        code, out, err = run(capsys, "completion", "bash")
        assert (code, out) == (2, "")
        assert "pip install 'clausekit[completion]'" in err
        assert len(err.splitlines()) == 1


def test_keys_are_documented() -> None:
    """Every key of describe --json and models --json is in the module docstring and the docs."""
    snippet = (Path(__file__).parents[2] / "docs" / "_snippets" / "cli.md").read_text(
        encoding="utf-8"
    )
    for key in {
        *DESCRIPTION_KEYS,
        *MODEL_KEYS,
        "adds",
        "ends",
        "verbs",
        "subjects",
        "qualifiers",
        "aliases",
    }:
        assert f'"{key}"' in (cli.__doc__ or ""), key
        assert f'`"{key}"`' in snippet, key
