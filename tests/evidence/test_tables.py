"""Tests for :mod:`clausekit.evidence.tables`: every malformed table is reported with its fix."""

from __future__ import annotations

import pytest

from clausekit.errors import EvidenceError
from clausekit.evidence.loading import load_evidence_base
from tests.evidence.helpers import WriteBase

DUPLICATE_CLAIM = """
[[claims]]
id = "s002.beta"
excerpt = "more beta"
gloss = "beta again"
topics = ["beta"]
status = "reported"
"""

MALFORMED = [
    pytest.param(
        {"001_abc123.toml": ('kind = "seed"', 'kind = "seed"\ncolour = "red"')},
        ("001_abc123.toml", "colour", "unknown key"),
        id="unknown-key",
    ),
    pytest.param(
        {"002_def456.toml": ('gloss = "beta"\n', "")},
        ("002_def456.toml", "gloss", "missing"),
        id="missing-gloss",
    ),
    pytest.param(
        {"002_def456.toml": ('status = "analysis"\n', 'status = "analysis"\n' + DUPLICATE_CLAIM)},
        ("002_def456.toml", "s002.beta", "duplicate claim id"),
        id="duplicate-id",
    ),
    pytest.param(
        {"conflicts.toml": ('"s002.beta"', '"s002.betta"')},
        ("conflicts.toml", "claims", "'s002.betta'", "Did you mean 's002.beta'"),
        id="conflict-with-unknown-claim",
    ),
    pytest.param(
        {"001_abc123.toml": ('published = "2025-01-22"', 'published = "2025-02-30"')},
        ("001_abc123.toml", "published", "'2025-02-30'", "not a calendar day"),
        id="impossible-date",
    ),
    pytest.param(
        {"001_abc123.toml": ('about = "2025-01-21"', 'about = "2025-13-01"')},
        ("001_abc123.toml", "about", "'2025-13-01'"),
        id="impossible-about-date",
    ),
    pytest.param(
        {"002_def456.toml": ('earliest = "2025-11-03"', 'earliest = "2025-11-30"')},
        ("002_def456.toml", "published", "Swap earliest and latest"),
        id="inverted-date-range",
    ),
    pytest.param(
        {"outside.toml": ('gloss = "gamma"', 'excerpt = "gamma"\ngloss = "gamma"')},
        ("outside.toml", "excerpt", "outside sources carry no excerpt"),
        id="excerpt-in-outside-source",
    ),
    pytest.param(
        {"002_def456.toml": ('status = "analysis"', 'status = "rumour"')},
        ("002_def456.toml", "status", "'rumour'"),
        id="unknown-status",
    ),
    pytest.param(
        {"001_abc123.toml": ('id = "s001.alpha"', 'id = "s002.alpha"')},
        ("001_abc123.toml", "id", "s001.<kebab-topic>"),
        id="claim-id-of-another-document",
    ),
    pytest.param(
        {"001_abc123.toml": ('document = "001_abc123"', 'document = "001_abc999"')},
        ("001_abc123.toml", "document", "does not match the file name"),
        id="document-id-not-the-file-name",
    ),
    pytest.param(
        {"conflicts.toml": ('"s001.alpha", [', "[")},
        ("conflicts.toml", "claims", "fewer than two sides"),
        id="conflict-with-one-side",
    ),
    pytest.param(
        {"conflicts.toml": ('"s002.beta",', '"s001.alpha",')},
        ("conflicts.toml", "claims", "'s001.alpha' is named twice"),
        id="claim-on-two-sides",
    ),
    pytest.param(
        {"conflicts.toml": ('["s002.beta", "o.example-2025-01-21.gamma"]', "[]")},
        ("conflicts.toml", "claims", "neither a claim id nor a non-empty list"),
        id="empty-side",
    ),
    pytest.param(
        {"conflicts.toml": ('["s002.beta", "o.example-2025-01-21.gamma"]', "[3]")},
        ("conflicts.toml", "claims", "neither a claim id nor a non-empty list"),
        id="side-of-numbers",
    ),
    pytest.param(
        {"conflicts.toml": ('claims = ["s001.alpha", [', 'claims = "s001.alpha" #')},
        ("conflicts.toml", "claims", "must be a list of claim ids"),
        id="claims-not-a-list",
    ),
    pytest.param(
        {"001_abc123.toml": ('topics = ["alpha"]', 'topics = ["Alpha Topic"]')},
        ("001_abc123.toml", "topics", "kebab-case"),
        id="topic-not-kebab-case",
    ),
    pytest.param(
        {"001_abc123.toml": ('excerpt = "alpha words"', f'excerpt = "{"word " * 31}"')},
        ("001_abc123.toml", "excerpt", "31 words"),
        id="excerpt-too-long",
    ),
    pytest.param(
        {"outside.toml": ('url = "https://example.org/news"', 'url = "example.org/news"')},
        ("outside.toml", "url", "https://"),
        id="url-without-scheme",
    ),
    pytest.param(
        {"conflicts.toml": ("[[conflicts]]", "[[conflict]]")},
        ("conflicts.toml", "conflict", "unknown key"),
        id="misspelt-table",
    ),
    pytest.param(
        {
            "001_abc123.toml": ('kind = "seed"', 'kind = "seed'),
        },
        ("001_abc123.toml", "not valid TOML"),
        id="invalid-toml",
    ),
]


@pytest.mark.parametrize(("edits", "fragments"), MALFORMED)
def test_malformed_table_raises_naming_file_and_field(
    write_base: WriteBase, edits: dict[str, tuple[str, str]], fragments: tuple[str, ...]
) -> None:
    """A malformed table raises EvidenceError naming the file, the field and the problem."""
    with pytest.raises(EvidenceError) as caught:
        load_evidence_base(write_base(edits))
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message
