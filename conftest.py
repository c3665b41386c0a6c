"""Run the code in the README and the Markdown docs as part of the test suite (Sybil)."""

from __future__ import annotations

import doctest

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

pytest_collect_file = Sybil(
    # ELLIPSIS: a long message may end in "..." where its tail lists what varies (kinds).
    parsers=[PythonCodeBlockParser(doctest_optionflags=doctest.ELLIPSIS), SkipParser()],
    # PurePath.match: "docs/**/*.md" reaches one folder down only; the API pages are two down.
    patterns=["README.md", "docs/*.md", "docs/**/*.md", "docs/*/*/*.md"],
    excludes=["docs/_snippets/*.md"],
).pytest()
