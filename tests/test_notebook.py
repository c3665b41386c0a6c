"""examples/tour.ipynb runs top to bottom in a Jupyter kernel, and is stored without outputs.

The kernel is this very interpreter: the test writes a kernel spec naming
``sys.executable`` into a temporary Jupyter data folder and points
``JUPYTER_PATH`` at it, so the notebook runs against the clausekit under test
whatever kernels the machine has installed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbclient is in the dev extras")
nbclient = pytest.importorskip("nbclient", reason="nbclient is in the dev extras")

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "tour.ipynb"
KERNEL = "clausekit-under-test"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The notebook after running every cell, its outputs by cell id."""
    jupyter = tmp_path_factory.mktemp("jupyter")
    spec = jupyter / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "clausekit under test",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    patch = pytest.MonkeyPatch()
    patch.setenv("JUPYTER_PATH", str(jupyter))
    patch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    patch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    try:
        notebook = nbformat.read(NOTEBOOK, as_version=4)
        client = nbclient.NotebookClient(
            notebook,
            kernel_name=KERNEL,
            timeout=120,
            resources={"metadata": {"path": str(tmp_path_factory.mktemp("cwd"))}},
        )
        client.execute()
    finally:
        patch.undo()
    return {cell.id: cell for cell in notebook.cells}


def data(cell: Any, mime: str) -> str:
    """The first output of ``cell`` in ``mime`` (the text of a print for ``text/plain``)."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream" and mime == "text/plain":
            return str(output["text"])
        if mime in output.get("data", {}):
            return str(output["data"][mime])
    raise AssertionError(f"cell {cell.id!r} shows no {mime}: {cell.get('outputs')}")


class TestStored:
    def test_no_outputs_in_git(self) -> None:
        """The stored notebook carries code only: no outputs, no execution counts."""
        notebook = nbformat.read(NOTEBOOK, as_version=4)
        nbformat.validate(notebook)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [], cell.id
                assert cell.execution_count is None, cell.id

    def test_asks_what_the_tour_promises(self) -> None:
        """The headline question, a comparison, a timeline, the clause map and a revenue share."""
        source = "\n".join(c.source for c in nbformat.read(NOTEBOOK, as_version=4).cells)
        for call in ("deal.ask(aws", "deal.compare(", "deal.timeline(", "deal.clause_map(",
                     "deal.revenue_share("):  # fmt: skip
            assert call in source


class TestRun:
    def test_answers(self, executed: dict[str, Any]) -> None:
        """January 2025 is conditional on Microsoft's consent; November 2025 is permitted."""
        assert "CONDITIONAL" in data(executed["january"], "text/html")
        assert "Microsoft consents" in data(executed["january"], "text/html")
        assert "PERMITTED" in data(executed["november"], "text/html")
        memo = data(executed["explain"], "text/plain")
        assert memo.startswith("Question: is OpenAI procuring compute")
        assert "Sources:\n  [1] " in memo
        assert "**Sources:**" in data(executed["markdown"], "text/markdown")

    def test_rich_displays(self, executed: dict[str, Any]) -> None:
        """Agreement, comparison and revenue share as HTML; timeline and clause map as pictures."""
        assert 'class="clausekit-agreement"' in data(executed["load"], "text/html")
        assert 'class="clausekit-comparison"' in data(executed["compare"], "text/html")
        assert "<svg" in data(executed["timeline"], "image/svg+xml")
        picture = data(executed["clause-map"], "image/svg+xml")
        assert picture.count('class="row-label"') == 27
        assert "today 2025-11-15" in picture
        assert data(executed["clause-map-mermaid"], "text/plain").startswith("gantt")
        assert "UNKNOWN" in data(executed["owed-unknown"], "text/html")
        assert "USD 2,000,000,000" in data(executed["owed"], "text/html")
