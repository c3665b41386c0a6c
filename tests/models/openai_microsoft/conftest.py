"""The bundled Microsoft–OpenAI model, loaded once for every test of the package."""

from __future__ import annotations

import pytest

import clausekit as ck
from clausekit import models


@pytest.fixture(scope="module")
def deal() -> ck.Agreement:
    """The bundled model (cached by clausekit.models)."""
    return models.openai_microsoft()
