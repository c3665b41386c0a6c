"""Set up clausekit and run its example or its whole test suite.

    python3 dev.py example   # create .venv, install, run the main example
    python3 dev.py test      # create .venv, install, run every check
    python3 dev.py bench     # create .venv-bench (clausekit + OpenFisca-core), run the benchmark

Only the Python standard library is used here, so it runs on a fresh machine
with Python 3.11+ and access to the package registries.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
STAMP = VENV / ".clausekit-installed"
MAIN_EXAMPLE = ROOT / "examples" / "could_openai_use_aws.py"
# The benchmark compares clausekit with OpenFisca-core, installed only in its own venv.
BENCH_VENV = ROOT / ".venv-bench"
BENCH_PY = BENCH_VENV / ("Scripts" if os.name == "nt" else "bin") / "python"
BENCH_STAMP = BENCH_VENV / ".clausekit-bench-installed"
OPENFISCA = "openfisca-core==46.0.1"  # the newest release; installs on Python 3.11
BENCH_EXTRAS = ".[dask]"  # the streamed portfolio runs on a Dask LocalCluster


def run(*args: str | Path, **env: str) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env={**os.environ, **env})


def install_fingerprint() -> str:
    text = (ROOT / "pyproject.toml").read_bytes() + sys.version.encode()
    return hashlib.sha256(text).hexdigest()


def ensure_env() -> None:
    """Create .venv and install clausekit with its dev extras, once per pyproject change."""
    if not PY.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    fingerprint = install_fingerprint()
    if STAMP.exists() and STAMP.read_text() == fingerprint:
        return
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    STAMP.write_text(fingerprint)


def example() -> None:
    ensure_env()
    run(PY, MAIN_EXAMPLE)


def ensure_browser() -> None:
    """In CI, install Debian's Chromium for the docs' browser check (tests/test_docs_browser.py).

    Elsewhere nothing is installed: that test skips and says how to install it.
    """
    if not os.environ.get("CI") or Path("/usr/bin/chromium").exists():
        return
    apt = {"DEBIAN_FRONTEND": "noninteractive"}
    sudo = [] if not hasattr(os, "geteuid") or os.geteuid() == 0 else ["sudo"]
    run(*sudo, "apt-get", "update", **apt)
    run(*sudo, "apt-get", "install", "-y", "chromium", "chromium-driver", **apt)


def test() -> None:
    ensure_env()
    ensure_browser()
    env = {"PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0"), "TZ": "UTC"}
    run(BIN / "ruff", "check", "src", "tests", "examples", "benchmarks", "dev.py")
    run(BIN / "ruff", "format", "--check", "src", "tests", "examples", "benchmarks", "dev.py")
    run(PY, "-m", "mypy")
    run(PY, "-m", "pytest", **env)
    if (ROOT / "mkdocs.yml").exists():
        # NO_MKDOCS_2_WARNING: the banner Material prints about MkDocs 2 and its own end of
        # life names this variable to silence it; mkdocs<2 stays pinned in pyproject.toml.
        run(
            PY, "-m", "mkdocs", "build", "--strict", "--site-dir", str(ROOT / "site"),
            NO_MKDOCS_2_WARNING="1",
        )  # fmt: skip


def ensure_bench_env() -> None:
    """Create .venv-bench with clausekit (editable, with Dask) and OpenFisca-core, once per change."""
    if not BENCH_PY.exists():
        print(f"creating {BENCH_VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(BENCH_VENV)
    pins = (OPENFISCA + BENCH_EXTRAS).encode()
    fingerprint = hashlib.sha256(install_fingerprint().encode() + pins).hexdigest()
    if BENCH_STAMP.exists() and BENCH_STAMP.read_text() == fingerprint:
        return
    run(BENCH_PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(BENCH_PY, "-m", "pip", "install", "--quiet", "-e", BENCH_EXTRAS, OPENFISCA)
    BENCH_STAMP.write_text(fingerprint)


def bench() -> None:
    ensure_bench_env()
    run(BENCH_PY, ROOT / "benchmarks" / "run.py", PYTHONHASHSEED="0", TZ="UTC")


def main(argv: list[str]) -> int:
    commands = {"example": example, "test": test, "setup": ensure_env, "bench": bench}
    if len(argv) != 1 or argv[0] not in commands:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        commands[argv[0]]()
    except subprocess.CalledProcessError as exc:
        print(f"dev.py: step failed with exit code {exc.returncode}", file=sys.stderr)
        return exc.returncode or 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
