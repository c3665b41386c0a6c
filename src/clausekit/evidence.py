"""Evidence: what a clause or an amendment rests on.

Every clause and every amendment carries at least one piece of evidence,
either a :class:`SeedExcerpt` (a short verbatim excerpt of a source article,
its document id and an English gloss) or an :class:`OutsideSource` (a public
source with URL, title and publication date). The evidence base that holds
the documents and their claims lives in :mod:`clausekit.sources`.

Examples:
    >>> from clausekit.evidence import OutsideSource, SeedExcerpt, cite
    >>> e = SeedExcerpt(
    ...     document="004_28a42af719fe1a02",
    ...     excerpt="wenn der Anbieter seine Anforderungen jedoch nicht erfüllen kann",
    ...     gloss="but if the provider cannot meet its requirements",
    ...     claim="s004.rofr-trigger",
    ... )
    >>> print(cite(e))
    seed 004_28a42af719fe1a02 [s004.rofr-trigger]: "wenn der Anbieter seine Anforderungen jedoch nicht erfüllen kann" (but if the provider cannot meet its requirements)
"""

from __future__ import annotations

from typing import TypeAlias

import attrs
import pendulum

from clausekit.errors import EvidenceError
from clausekit.time import to_day

__all__ = ["Evidence", "OutsideSource", "SeedExcerpt", "cite", "require_evidence"]


def _non_blank(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise EvidenceError(
            f"{type(instance).__name__}.{attribute.name}={value!r} must be non-empty text."
        )


def _url(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        raise EvidenceError(
            f"OutsideSource.url={value!r} is not a web address; give the full URL starting "
            "with 'https://'."
        )


@attrs.frozen
class SeedExcerpt:
    """A short verbatim excerpt of a seed article, with an English gloss.

    Attributes:
        document: the seed's file stem, e.g. ``"001_7f6e26588299af66"``.
        excerpt: the words as they stand in the source (at most about 25),
            damaged characters included.
        gloss: what the excerpt says, in English.
        claim: the id of the claim in the evidence base, when it has one.
    """

    document: str = attrs.field(validator=_non_blank)
    excerpt: str = attrs.field(validator=_non_blank)
    gloss: str = attrs.field(validator=_non_blank)
    claim: str | None = None


def _published(value: object) -> pendulum.Date:
    return to_day(value, field="published")


@attrs.frozen
class OutsideSource:
    """A public source outside the seeds: URL, title, publication date, and what it says.

    Attributes:
        url: the full address.
        title: the page title or a short description of the publication.
        published: the day it was published.
        gloss: what the source says that the model relies on, in English.
        claim: the id of the claim in the evidence base, when it has one.
    """

    url: str = attrs.field(validator=_url)
    title: str = attrs.field(validator=_non_blank)
    published: pendulum.Date = attrs.field(converter=_published)
    gloss: str = attrs.field(validator=_non_blank)
    claim: str | None = None


Evidence: TypeAlias = SeedExcerpt | OutsideSource


def cite(evidence: Evidence) -> str:
    """Render one piece of evidence as a single citation line."""
    claim = f" [{evidence.claim}]" if evidence.claim else ""
    if isinstance(evidence, SeedExcerpt):
        return f'seed {evidence.document}{claim}: "{evidence.excerpt}" ({evidence.gloss})'
    return (
        f"{evidence.title}, {evidence.published.isoformat()}{claim}, {evidence.url}: "
        f"{evidence.gloss}"
    )


def require_evidence(owner: str, evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """Check that ``evidence`` is a non-empty tuple of evidence values and return it.

    Raises:
        EvidenceError: when it is empty or holds something else.
    """
    if not evidence:
        raise EvidenceError(
            f"{owner} has no evidence. Every clause and amendment must cite at least one "
            "SeedExcerpt or OutsideSource."
        )
    for item in evidence:
        if not isinstance(item, (SeedExcerpt, OutsideSource)):
            raise EvidenceError(
                f"{owner} cites {item!r}, which is not evidence; use SeedExcerpt or OutsideSource."
            )
    return evidence
