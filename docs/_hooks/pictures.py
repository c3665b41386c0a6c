"""Pictures and notebook displays the library draws while the site builds.

Every picture is added to the site as a generated file (never committed); the
notebook how-to shows the HTML that ``examples/tour.ipynb`` displays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.exceptions import PluginError

import clausekit as ck

TIMELINE_SVG = "img/openai-aws-training-2019-2026.svg"
"""Where the generated picture of the headline timeline lands in the site."""

AWS_TRAINING = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)
AWS_API = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.API)


def deal() -> ck.Agreement:
    return ck.models.openai_microsoft()


def headline_timeline() -> ck.Timeline:
    return deal().timeline(AWS_TRAINING, start="2019-01-01", end="2027-01-01")


def headline_svg() -> str:
    return headline_timeline().to_svg(
        title="Could OpenAI buy training compute from AWS? 2019–2026",
        amendments=deal().amendments,
        width=760,
    )


def api_svg() -> str:
    timeline = deal().timeline(AWS_API, start="2019-01-01", end="2027-01-01")
    return timeline.to_svg(title="Could OpenAI serve its API from AWS? 2019–2026", width=760)


CLAUSE_MAP_SVG = "img/openai-microsoft-clause-map.svg"
"""Where the clause map of the bundled model lands in the site (case study, notebook how-to)."""


def clause_map_svg() -> str:
    """The clause map, as examples/tour.ipynb draws it (today: the second headline day)."""
    return (
        deal()
        .clause_map(start="2019-01-01", end="2027-01-01", today="2025-11-15")
        .to_svg(title="Microsoft–OpenAI partnership: which clause was in force when")
    )


def notebook_timeline_svg() -> str:
    """The timeline examples/tour.ipynb shows (Jupyter's picture of a Timeline)."""
    return deal().timeline(AWS_TRAINING, start="2019-01-01", end="2027-01-01")._repr_svg_()


def notebook_display(arg: str) -> str:
    """What examples/tour.ipynb shows for a value, as the HTML Jupyter renders."""
    scenario = ck.Scenario(ck.AssumedRate("revenue-share-openai-to-microsoft", "0.20"))
    values: dict[str, Callable[[], Any]] = {
        "agreement": deal,
        "january": lambda: deal().ask(AWS_TRAINING, on="2025-01-15"),
        "compare": lambda: deal().compare(AWS_TRAINING, "2025-01-15", "2025-11-15"),
        "owed": lambda: deal().revenue_share(
            "OpenAI", revenue=ck.Money("10000000000", "USD"), during="2024", scenario=scenario
        ),
    }
    try:
        value = values[arg]()
    except KeyError:
        raise PluginError(
            f"<!-- clausekit:notebook {arg} -->: known values are {', '.join(values)}."
        ) from None
    return f'<div class="ck-notebook-output">{value._repr_html_()}</div>'


PICTURES: dict[str, Callable[[], str]] = {
    TIMELINE_SVG: headline_svg,
    "img/openai-aws-api-2019-2026.svg": api_svg,
    CLAUSE_MAP_SVG: clause_map_svg,
    "img/notebook-timeline.svg": notebook_timeline_svg,
}
"""Pictures drawn by the library during the build, by their path in the site."""
