"""A clause kind defined outside clausekit (tests/user_kinds.py) is checked through its own hook.

Each test runs in a fresh interpreter, so the kinds it registers do not stay
registered for the rest of the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def run(script: str) -> str:
    """Run ``script`` from the tests folder (where ``import user_kinds`` works); its stdout."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=TESTS,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


class TestUserKindInTheChecker:
    def test_its_check_hook_reports(self) -> None:
        """NonCompete's own check() yields a warning; no code in clausekit.check names it."""
        out = run(
            "import json, user_kinds\n"
            "report = user_kinds.talent_deal().check()\n"
            "print(json.dumps(report.to_dict()))\n"
        )
        data = json.loads(out)
        assert [f["code"] for f in data["findings"]] == ["non-compete-without-end"]
        finding = data["findings"][0]
        assert finding["severity"] == "warning"
        assert finding["clauses"] == ["no-compete"]
        assert finding["amendments"] == ["exit-2024"]
        assert finding["period"] == {"start": "2024-07-01", "end": None}

    def test_a_term_settles_it(self) -> None:
        """With an end day the warning goes: the hook decides, the checker only asks."""
        out = run("import user_kinds\nprint(user_kinds.talent_deal(until='2026-07-01').check())\n")
        assert out.strip() == "Presenter's exit (talent): no findings."

    def test_shared_checks_see_it(self) -> None:
        """A waiver of the beneficiary's consent waives the non-compete; one for another field, nothing.

        The kind's rule honours consents given in advance (``ctx.consent``), and
        the checker's waiver check asks the rule.
        """
        out = run(
            "import clausekit as ck, user_kinds\n"
            "deal = user_kinds.talent_deal(until='2026-07-01')\n"
            "waiver = ck.Waiver(id='w', title='Released for one show', evidence=[user_kinds.SOURCE],\n"
            "                   granted_by='Broadcaster', grantee='Presenter', verb='compete',\n"
            "                   scope=['sports'])\n"
            "pointless = ck.Waiver(id='w2', title='Wrong field', evidence=[user_kinds.SOURCE],\n"
            "                      granted_by='Broadcaster', grantee='Presenter', verb='compete',\n"
            "                      scope=['news'])\n"
            "deal = ck.Agreement(id=deal.id, title=deal.title, parties=deal.parties,\n"
            "    amendments=[*deal.amendments, ck.Amendment(id='release', title='Release',\n"
            "        effective='2025-01-01', evidence=[user_kinds.SOURCE], adds=[waiver, pointless])])\n"
            "print([(f.code, f.clauses) for f in deal.check()])\n"
        )
        assert out.strip() == "[('waiver-waives-nothing', ('w2',))]"
