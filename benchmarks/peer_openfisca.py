"""The peer: the same cloud regime as OpenFisca time-varying parameters.

OpenFisca-core models legislation as parameters whose value changes on given
days. The regime clausekit derives from the bundled model for "OpenAI buys
training compute from another cloud" (exclusive, then a right of first
refusal, then free) is written here the way an OpenFisca country package
writes a parameter file, with a reference per value, and looked up at a day.

The lookup gives a bare value: no reasons, no clauses, no citations. That is
the bar clausekit's ``ask(on=...).explain()`` is measured against.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from openfisca_core import periods
from openfisca_core.parameters import ParameterNode

# What an OpenFisca parameter file (YAML) would hold, as the dict it parses to. Each value
# names the amendment of the bundled model it mirrors; run.py checks, day by day from 2019
# to 2027, that this regime is the one clausekit derives before timing either.
PARAMETERS: dict[str, Any] = {
    "third_party_training_compute": {
        "description": "Whether OpenAI may buy training compute from a cloud other than Azure",
        "regime": {
            "description": "exclusive, right-of-first-refusal or free",
            "values": {
                "2019-07-22": {
                    "value": "exclusive",
                    "metadata": {"amendment": "investment-2019"},
                },
                "2025-01-21": {
                    "value": "right-of-first-refusal",
                    "metadata": {"amendment": "stargate-2025"},
                },
                "2025-10-28": {
                    "value": "free",
                    "metadata": {"amendment": "definitive-agreement-2025"},
                },
            },
        },
    }
}


def build() -> ParameterNode:
    """The parameter tree (``openai_microsoft.third_party_training_compute.regime``)."""
    return ParameterNode("openai_microsoft", data=PARAMETERS)


def lookups(root: ParameterNode) -> dict[str, Callable[[Any], object]]:
    """The two ways OpenFisca code reads a parameter at a day, by name.

    ``node(day).x.y``: the tree at an instant, then attribute access (what
    formulas do with ``parameters(period)``); ``node.x.y(day)``: one parameter
    called with the day.
    """
    regime = root.third_party_training_compute.regime
    return {
        "parameters(day).….regime": lambda day: root(day).third_party_training_compute.regime,
        "parameters.….regime(day)": lambda day: regime(day),
    }


def regime_on(root: ParameterNode, day: datetime.date) -> str | None:
    """The regime in force on ``day`` (None before the first value)."""
    value = root.third_party_training_compute.regime(periods.instant(day))
    return None if value is None else str(value)
