"""The examples run as a user runs them, and print what the library answers.

Each example is started in a subprocess (``python examples/NAME.py`` from the
repository root); the test checks the exit code and a few phrases that only
the library's own output contains: outcome words with their conditions,
amendment and clause ids, seed document ids.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run(script: Path, *args: str, cwd: Path = ROOT) -> str:
    """Run an example and return its standard output; fail with its output if it fails."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, str(script), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"{script.name} failed:\n{done.stdout}\n{done.stderr}"
    assert done.stderr == "", done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def output() -> str:
    """The headline example's output, run once."""
    return run(EXAMPLES / "could_openai_use_aws.py")


def says(output: str, *phrases: str) -> None:
    """Every phrase occurs in the output, however the example wrapped its lines."""
    flat = " ".join(output.split())
    for phrase in phrases:
        assert " ".join(phrase.split()) in flat, f"{phrase!r} not in:\n{output}"


def test_every_example_is_tested() -> None:
    """A new example needs a test here."""
    assert sorted(p.name for p in EXAMPLES.glob("*.py")) == [
        "agi_trigger.py",
        "as_known_on.py",
        "could_openai_use_aws.py",
        "revenue_share.py",
        "your_own_contract.py",
    ]


class TestCouldOpenAIUseAWS:
    """The headline example: January 2025 against November 2025."""

    def test_both_answers(self, output: str) -> None:
        """Mid-January needs Microsoft's consent; mid-November is permitted."""
        says(
            output,
            "Answer: CONDITIONAL — permitted only if Microsoft consents",
            "Answer: PERMITTED",
        )

    def test_january_split(self, output: str) -> None:
        """January has two answers, split on 2025-01-21 by the Stargate amendment."""
        says(
            output,
            "2025-01-01 to 2025-01-20: CONDITIONAL — permitted only if Microsoft consents",
            "2025-01-21 to 2025-01-31: CONDITIONAL — permitted only if Microsoft declines",
            "amendment 'stargate-2025' takes effect",
        )

    def test_comparison_names_the_amendments(self, output: str) -> None:
        """The comparison names both amendments that changed the answer, with their sources."""
        says(
            output,
            "Amendment 'stargate-2025'",
            "Amendment 'definitive-agreement-2025'",
            "[o.openai-2025-10-28.rofr-removed]",
        )

    def test_citations(self, output: str) -> None:
        """The answers cite the seed articles by document id, each claim under its article."""
        says(
            output,
            "seed 003_a1f5f37c4354f31f",
            "claim s003.approval-required",
            "seed 000_c70b5a730124ae5b",
            "claim s000.aws-deal-value",
            "seed 001_7f6e26588299af66",
            "seed 003_a1f5f37c4354f31f [s003.rofr-removed]",
        )

    def test_november_cites_the_removal(self, output: str) -> None:
        """The permitted answer names the term that permits it: the end of the ROFR."""
        says(
            output,
            "PERMITTED by clause 'compute-any-cloud'",
            "claim o.openai-2025-10-28.rofr-removed",
        )

    def test_api_prohibited(self, output: str) -> None:
        """Serving the API from AWS is prohibited by the API exclusivity."""
        says(output, "PROHIBITED", "clause 'api-exclusivity-until-agi'")


class TestAGITrigger:
    """What a verified AGI changes, on the default day and on a day the user gives."""

    def test_default_day(self) -> None:
        """In 2027 the research-IP licence ends; the API may be served from any cloud anyway."""
        says(
            run(EXAMPLES / "agi_trigger.py"),
            "AGI declared by OpenAI and verified on 2027-03-01",
            "ENDS ip-license-research-non-exclusive",
            "[clause 'api-any-cloud']",
            "[clause 'microsoft-loses-research-ip']",
            "UNKNOWN — missing: whether the AGI declaration of 2027-03-01 was verified",
        )

    def test_day_before_the_2026_amendment(self) -> None:
        """Verified in January 2026, AGI also ends the API exclusivity and the revenue share."""
        says(
            run(EXAMPLES / "agi_trigger.py", "2026-01-15"),
            "ENDS api-exclusivity-until-agi",
            "ENDS revenue-share-openai-to-microsoft:",
            "ENDS ip-license-models:",
            "starts ip-license-models-post-agi:",
            "non-exclusive licence to OpenAI's IP (agi-technology, infrastructure, models and products)",
        )


class TestRevenueShare:
    """Undisclosed rates are UNKNOWN until a rate is assumed; money is exact."""

    def test_output(self) -> None:
        """Unknown, then USD 2 bn at the reported 20 %, and the 2026 split refused then done."""
        says(
            run(EXAMPLES / "revenue_share.py"),
            "UNKNOWN — missing: the rate of clause 'revenue-share-openai-to-microsoft'",
            "USD 10,000,000,000 (2025-01-01/2026-01-01): USD 2,000,000,000",
            "clausekit refuses to guess",
            "at most USD 1,400,000,000 (cap undisclosed) at 20 % (assumed in the scenario)",
            "No revenue-share clause binds Microsoft",
            "no AGI clause in force records a profit definition",
        )


class TestAsKnownOn:
    """What the public could know on each day."""

    def test_output(self) -> None:
        """Before anything was announced there is nothing to ask; June 2025 looked conditional."""
        says(
            run(EXAMPLES / "as_known_on.py"),
            "Nothing of 'Microsoft–OpenAI partnership' had been announced by 2019-01-01",
            "as the public could know it on 2025-06-01",
            "from 2025-01-21 (after 'stargate-2025'): CONDITIONAL",
            "from 2024-06-12 (after 'oracle-exception-2024'): PERMITTED",
        )


class TestYourOwnContract:
    """A contract written as a TOML file by hand, loaded and asked."""

    def test_output(self) -> None:
        """The distribution agreement's answers, commission and refusals."""
        says(
            run(EXAMPLES / "your_own_contract.py"),
            "Acme–Beta distribution agreement, loaded from distribution_agreement.toml",
            "On 2021-05-01: CONDITIONAL — permitted only if Beta Vertrieb consents",
            "On 2024-05-01: PROHIBITED",
            "[clause 'territory-de' reaches its end]",
            "EUR 120,000 at 12 % (contract)",
            "UnknownPartyError: Unknown party 'Delta'",
        )

    def test_answers_come_from_the_file(self, tmp_path: Path) -> None:
        """Edit the contract file and the example's answers change with it."""
        shutil.copy(EXAMPLES / "your_own_contract.py", tmp_path)
        text = (EXAMPLES / "distribution_agreement.toml").read_text(encoding="utf-8")
        assert text.count('rate = "0.12"') == 1
        edited = text.replace('rate = "0.12"', 'rate = "0.15"')
        (tmp_path / "distribution_agreement.toml").write_text(edited, encoding="utf-8")
        output = run(tmp_path / "your_own_contract.py", cwd=tmp_path)
        says(output, "EUR 150,000 at 15 % (contract)")
        assert "EUR 120,000" not in output
