"""What the strategies' tests share: running a script in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import settings

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent


def scaled(fraction: float, *, least: int = 5) -> int:
    """A fraction of the profile's example count (60 locally, 300 in CI), at least ``least``."""
    return max(least, int(settings.default.max_examples * fraction))


def run(script: str, *, cwd: Path = TESTS) -> str:
    """Run ``script`` in a fresh interpreter with hypothesis's plugins on; its stdout.

    Kinds a script registers stay in its own process, not in the suite's.
    """
    env = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_NO_PLUGINS"}
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
