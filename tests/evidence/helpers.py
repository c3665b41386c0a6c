"""Shared constants of the evidence tests: the repository's seeds and a small valid base."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: The repository's seed folder: evidence files and the five seed articles beside them.
SEEDS = REPO / "seeds"
SEED_STEMS = (
    "000_c70b5a730124ae5b",
    "001_7f6e26588299af66",
    "002_5c3c73b25faf4d89",
    "003_a1f5f37c4354f31f",
    "004_28a42af719fe1a02",
)

SEED_001 = """\
document = "001_abc123"
kind = "seed"
language = "de"
published = "2025-01-22"
published_reasoning = "stated in the text"

[[claims]]
id = "s001.alpha"
excerpt = "alpha words"
gloss = "alpha"
topics = ["alpha"]
status = "reported"
about = "2025-01-21"
"""

SEED_002 = """\
document = "002_def456"
kind = "seed"
language = "it"
published = { earliest = "2025-11-03", latest = "2025-11-09" }
published_reasoning = "the week after the event"

[[claims]]
id = "s002.beta"
excerpt = "beta words"
gloss = "beta"
topics = ["beta"]
status = "analysis"
"""

OUTSIDE = """\
[[documents]]
id = "example-2025-01-21"
kind = "outside"
url = "https://example.org/news"
title = "Example: news"
published = "2025-01-21"
outlet = "Example"

[[documents.claims]]
id = "o.example-2025-01-21.gamma"
gloss = "gamma"
topics = ["gamma"]
status = "official-statement"
"""

CONFLICTS = """\
[[conflicts]]
id = "c.alpha-beta"
topic = "alpha"
claims = ["s001.alpha", ["s002.beta", "o.example-2025-01-21.gamma"]]
note = "they disagree"
"""

FILES = {
    "001_abc123.toml": SEED_001,
    "002_def456.toml": SEED_002,
    "outside.toml": OUTSIDE,
    "conflicts.toml": CONFLICTS,
}

WriteBase = Callable[..., Path]
