"""Run the code in the README and the Markdown docs as part of the test suite (Sybil)."""

from __future__ import annotations

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser
from sybil.parsers.markdown import SkipParser

pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser(), SkipParser()],
    # PurePath.match: "docs/**/*.md" reaches one folder down only; the API pages are two down.
    patterns=["README.md", "docs/*.md", "docs/**/*.md", "docs/*/*/*.md"],
    excludes=["docs/_snippets/*.md"],
).pytest()
