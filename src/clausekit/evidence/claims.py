"""Claims: one thing a source says, as the evidence base records it.

Examples:
    >>> c = Claim(
    ...     id="s009.rofr-trigger",
    ...     document="009_example",
    ...     excerpt="sofern die Beta nicht selbst als Anbieterin zum Zuge kommen möchte",
    ...     gloss="provided Beta does not itself want to win the business as provider",
    ...     topics=("rofr", "rofr-trigger"),
    ...     status="reported",
    ... )
    >>> c.is_seed, "rofr" in c.topics
    (True, True)
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs
import pendulum

from clausekit.evidence._validators import non_blank, optional_day, optional_text
from clausekit.evidence._validators import topics as topic_tags

__all__ = ["MAX_EXCERPT_WORDS", "Claim", "ClaimStatus"]

ClaimStatus: TypeAlias = Literal["reported", "official-statement", "analysis"]

#: The longest excerpt accepted, in words. Excerpts should stay at about 25.
MAX_EXCERPT_WORDS = 30

STATUSES: tuple[ClaimStatus, ...] = ("reported", "official-statement", "analysis")


@attrs.frozen
class Claim:
    """One thing a source says, as the evidence base records it.

    Attributes:
        id: unique across the base: ``s<NNN>.<topic>`` for a seed article,
            ``o.<source-id>.<topic>`` for an outside source.
        document: the id of the document that makes the claim.
        excerpt: the verbatim words (seed articles only; None for outside
            sources, whose text is not in hand).
        gloss: what the claim says, in English.
        topics: kebab-case tags; the same tag marks the same subject across
            documents.
        status: ``"reported"`` (press report), ``"official-statement"`` (a
            company's own words) or ``"analysis"`` (the writer's reading).
        about: the day of the event the claim is about, when known.

    Examples:
        >>> c = Claim(
        ...     id="s003.amazon-share-rise",
        ...     document="003_a1f5f37c4354f31f",
        ...     excerpt="le azioni di Amazon sono aumentate di circa il 5%",
        ...     gloss="Amazon's shares rose by about 5 %",
        ...     topics=("amazon-share-rise",),
        ...     status="reported",
        ... )
        >>> c.is_seed, c.about is None
        (True, True)
    """

    id: str = attrs.field(validator=non_blank)
    document: str = attrs.field(validator=non_blank)
    excerpt: str | None = attrs.field(validator=optional_text)
    gloss: str = attrs.field(validator=non_blank)
    topics: tuple[str, ...] = attrs.field(validator=topic_tags)
    status: ClaimStatus = attrs.field(validator=attrs.validators.in_(STATUSES))
    about: pendulum.Date | None = attrs.field(default=None, validator=optional_day)

    @property
    def is_seed(self) -> bool:
        """True for a claim with a verbatim excerpt from a seed article."""
        return self.excerpt is not None
