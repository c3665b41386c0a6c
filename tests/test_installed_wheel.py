"""The built package works on its own: wheel and sdist built, the wheel installed in a fresh venv.

The wheel is built from the sdist (``python -m build``), so both are checked:
the sdist must hold everything the wheel needs. The fresh virtual environment
has no editable install and no access to this checkout (the commands run
elsewhere, without ``PYTHONPATH``); the bundled model and the evidence base
must load from the installed package. Dependencies come from the package
index as for any user (pip's cache makes that quick after the first run).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "could_openai_use_aws.py"
ASK = ("ask", "openai-microsoft", "--buyer", "OpenAI", "--provider", "AWS",
       "--workload", "training", "--on", "2025-01-15")  # fmt: skip

pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, f"{args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel, built from this checkout without network (no isolation)."""
    pytest.importorskip("build", reason="the build package is in the dev extras")
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT, cwd=ROOT)
    return out


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A fresh venv holding the wheel and its dependencies; and an environment that hides the checkout."""
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False, clear=True).create(home)
    python = home / ("Scripts" if os.name == "nt" else "bin") / "python"
    (wheel,) = dist.glob("clausekit-*.whl")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", wheel,
        cwd=home, env=env)  # fmt: skip
    return python, env


class TestDistributions:
    def test_wheel_contents(self, dist: Path) -> None:
        """The wheel holds the model, the schema, py.typed and the evidence base as clausekit/_seeds."""
        (wheel,) = dist.glob("clausekit-*.whl")
        names = set(zipfile.ZipFile(wheel).namelist())
        for name in (
            "clausekit/__init__.py",
            "clausekit/py.typed",
            "clausekit/models/openai_microsoft.toml",
            "clausekit/schema/contract.schema.json",
            "clausekit/_seeds/outside.toml",
        ):
            assert name in names, name
        assert any(n.startswith("clausekit/_seeds/000_") for n in names)
        assert not any(n.startswith(("tests/", "docs/", "seeds/")) for n in names)

    def test_sdist_contents(self, dist: Path) -> None:
        """The sdist holds the sources, the seeds, the tests, the docs and the project files."""
        (sdist,) = dist.glob("clausekit-*.tar.gz")
        with tarfile.open(sdist) as archive:
            names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
        for name in ("pyproject.toml", "README.md", "LICENSE", "src/clausekit/__init__.py",
                     "seeds/outside.toml", "examples/tour.ipynb", "mkdocs.yml"):  # fmt: skip
            assert name in names, name


class TestInstalled:
    def test_imports_from_the_venv(
        self, installed: tuple[Path, dict[str, str]], tmp_path: Path
    ) -> None:
        """clausekit, its model and its evidence base all come from the installed package."""
        python, env = installed
        probe = (
            "import clausekit as ck\n"
            "from clausekit.evidence import evidence_base\n"
            "from clausekit.evidence.folder import bundled_folder\n"
            "print(ck.__file__)\n"
            "print(bundled_folder())\n"
            "deal = ck.models.openai_microsoft()\n"
            "print(len(evidence_base().documents))\n"
        )
        lines = run(python, "-c", probe, cwd=tmp_path, env=env).splitlines()
        prefix = str(python.parent.parent.resolve())
        assert lines[0].startswith(prefix), lines
        assert lines[1].startswith(prefix), lines
        assert lines[1].endswith("clausekit/_seeds"), lines
        assert int(lines[2]) >= 5

    def test_main_example(self, installed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
        """The main example prints the same from the installed wheel as from the checkout."""
        python, env = installed
        there = run(python, EXAMPLE, cwd=tmp_path, env=env)
        here = run(sys.executable, EXAMPLE, cwd=ROOT)
        assert there == here
        assert "CONDITIONAL" in there

    def test_command_line(self, installed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
        """The installed `clausekit` script answers the headline question, citing the seeds."""
        python, env = installed
        out = run(python.parent / "clausekit", *ASK, cwd=tmp_path, env=env)
        assert "CONDITIONAL — permitted only if Microsoft consents" in out
        assert "seed 003_a1f5f37c4354f31f" in out

    def test_version_agrees_with_metadata(
        self, installed: tuple[Path, dict[str, str]], tmp_path: Path
    ) -> None:
        """`clausekit --version` prints the version the installed distribution's metadata has."""
        python, env = installed
        printed = run(python.parent / "clausekit", "--version", cwd=tmp_path, env=env).split()
        probe = "import importlib.metadata as m, clausekit; print(m.version('clausekit'), clausekit.__version__)"
        metadata, module = run(python, "-c", probe, cwd=tmp_path, env=env).split()
        assert printed == ["clausekit", metadata]
        assert module == metadata
