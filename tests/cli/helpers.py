"""What the command-line tests share: test contracts, and ways to run the command line.

Exit codes, stderr and ``--help`` are checked through a real subprocess
(``python -m clausekit``); everything else calls :func:`clausekit.cli.main`
in-process, and every JSON answer is compared with what the Python API
returns for the same question.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import clausekit as ck
from clausekit import cli
from contracts import distribution_agreement, shareholders_agreement

SRC = ck.OutsideSource(
    url="https://example.org/contracts/cloud",
    title="Acme–CloudCo cloud agreement (test fixture)",
    published="2019-07-22",
    gloss="Acme buys compute only from CloudCo and shares revenue with it.",
)


def cloud_agreement() -> ck.Agreement:
    """Acme buys compute only from CloudCo; from 2025-01-21 CloudCo has a ROFR; it ends 2025-10-28."""
    return ck.Agreement(
        id="acme-cloudco",
        title="Acme–CloudCo cloud agreement",
        parties=[
            ck.Party("Acme"),
            ck.Party("CloudCo", aliases=("CC",)),
            ck.Party("OtherCloud", aliases=("OC",)),
        ],
        amendments=[
            ck.Amendment(
                id="signed",
                title="Investment",
                effective="2019-07-22",
                evidence=[SRC],
                adds=[
                    ck.Exclusivity(
                        id="excl",
                        title="Exclusive cloud",
                        evidence=[SRC],
                        bound="Acme",
                        beneficiary="CloudCo",
                        consent_by="CloudCo",
                    ),
                    ck.Exclusivity(
                        id="api-excl",
                        title="API only on CloudCo",
                        evidence=[SRC],
                        bound="Acme",
                        beneficiary="CloudCo",
                        scope=["api"],
                    ),
                    ck.AGIClause(
                        id="agi", title="AGI", evidence=[SRC], declared_by="Acme", ends=["api-excl"]
                    ),
                    ck.RevenueShare(
                        id="rs",
                        title="Revenue share",
                        evidence=[SRC],
                        payer="Acme",
                        payee="CloudCo",
                        reported_rate="0.20",
                    ),
                ],
            ),
            ck.Amendment(
                id="rofr-2025",
                title="Exclusivity becomes a right of first refusal",
                effective="2025-01-21",
                evidence=[SRC],
                replaces=[
                    ck.Replacement(
                        "excl",
                        ck.RightOfFirstRefusal(
                            id="rofr",
                            title="Right of first refusal on compute",
                            evidence=[SRC],
                            grantor="Acme",
                            holder="CloudCo",
                            scope=["training", "research", "inference"],
                            triggers=["declined", "cannot-meet"],
                        ),
                    )
                ],
            ),
            ck.Amendment(
                id="definitive",
                title="Definitive agreement",
                effective="2025-10-28",
                announced="2025-10-28",
                evidence=[SRC],
                ends=["rofr"],
            ),
        ],
    )


AGREEMENTS: dict[str, Callable[[], ck.Agreement]] = {
    "cloud.toml": cloud_agreement,
    "distribution.toml": distribution_agreement,
    "shareholders.toml": shareholders_agreement,
}

TRAINING = ["--buyer", "Acme", "--provider", "OtherCloud", "--workload", "training"]
AWS_LIKE = ck.ProcureCompute(buyer="Acme", provider="OtherCloud", workload=ck.Workload.TRAINING)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Call main(argv) in-process; return the exit code, stdout and stderr."""
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    """Call main(argv) with --json; it must exit 0 and print one JSON document."""
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, ""), err
    return json.loads(out)


def as_json(data: object) -> Any:
    """What a dict looks like after a JSON round trip (tuples become lists, and so on)."""
    return json.loads(json.dumps(data))


def subprocess_run(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m clausekit argv`` in a real process."""
    return subprocess.run(
        [sys.executable, "-m", "clausekit", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
        check=False,
    )


BAD_TOML = """\
format = "clausekit/1"
id = "bad"
title = "Bad"
[[parties]]
name = "Acme"
alias = ["A"]
[[amendments]]
id = "a"
title = "A"
effective = "2025-02-30"
evidence = [{ url = "https://example.org/x", title = "X", published = "2020-01-01", gloss = "g" }]
"""
