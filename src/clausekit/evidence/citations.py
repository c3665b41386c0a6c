"""Citations: the evidence a clause or an amendment rests on.

Every clause and every amendment carries at least one piece of evidence,
either a :class:`SeedExcerpt` (a short verbatim excerpt of a source article,
its document id and an English gloss) or an :class:`OutsideSource` (a public
source with URL, title and publication date). The evidence base that holds
the documents and their claims is :class:`~clausekit.evidence.base.EvidenceBase`;
:meth:`~clausekit.evidence.base.EvidenceBase.evidence` turns one of its claims
into a citation.

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

from collections.abc import Iterable
from typing import TypeAlias

import attrs
import pendulum

from clausekit._shared import SharedTable
from clausekit.errors import EvidenceError
from clausekit.evidence._validators import non_blank
from clausekit.time import to_day

__all__ = ["Evidence", "OutsideSource", "SeedExcerpt", "cite", "evidence_tuple", "require_evidence"]


def _url(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        raise EvidenceError(
            f"OutsideSource.url={value!r} is not a web address; give the full URL starting "
            "with 'https://'.",
            value=value,
            field="OutsideSource.url",
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

    When a seed article became public is known to the evidence base, not to
    the excerpt: ask
    :meth:`EvidenceBase.published_by <clausekit.evidence.base.EvidenceBase.published_by>`.
    """

    document: str = attrs.field(validator=non_blank)
    excerpt: str = attrs.field(validator=non_blank)
    gloss: str = attrs.field(validator=non_blank)
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

    Examples:
        >>> src = OutsideSource(url="https://example.org/deal", title="Deal", published="2020-01-01",
        ...                     gloss="Acme sells only via Beta")
        >>> src.published_by("2019-12-31"), src.published_by("2020-01-01")
        (False, True)
    """

    url: str = attrs.field(validator=_url)
    title: str = attrs.field(validator=non_blank)
    published: pendulum.Date = attrs.field(converter=_published)
    gloss: str = attrs.field(validator=non_blank)
    claim: str | None = None

    @property
    def published_earliest(self) -> pendulum.Date:
        """The earliest day the public could read the source: its publication day."""
        return self.published

    def published_by(self, day: object) -> bool:
        """True when the source was published on or before ``day``.

        Raises:
            InvalidDateError: when ``day`` is not a calendar day.
        """
        return self.published <= to_day(day, field="day")


Evidence: TypeAlias = SeedExcerpt | OutsideSource

_KINDS = frozenset({SeedExcerpt, OutsideSource})


def cite(evidence: Evidence) -> str:
    """Render one piece of evidence as a single citation line."""
    claim = f" [{evidence.claim}]" if evidence.claim else ""
    if isinstance(evidence, SeedExcerpt):
        return f'seed {evidence.document}{claim}: "{evidence.excerpt}" ({evidence.gloss})'
    return (
        f"{evidence.title}, {evidence.published.isoformat()}{claim}, {evidence.url}: "
        f"{evidence.gloss}"
    )


_SHARED_MAX = 4096
"""The most evidence tuples kept for sharing (then the table starts afresh)."""

_SHARED: SharedTable[tuple[Evidence, ...]] = SharedTable(_SHARED_MAX)


def evidence_tuple(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """``tuple(value)``, the same tuple as one made before from the same evidence objects.

    Most clauses and amendments of an agreement, and of a portfolio, cite one source: their
    tuples of it are one object. Keyed by the items' ids, which stay valid while the kept
    tuple holds the items; only tuples of evidence are kept (anything else is refused by
    :func:`require_evidence`, unshared).
    """
    made = value if type(value) is tuple else tuple(value)
    if not made or not all(type(item) in _KINDS for item in made):
        return made
    return _SHARED.keep(tuple(map(id, made)), made)


def require_evidence(owner: str, evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """Check that ``evidence`` is a non-empty tuple of evidence values and return it.

    Raises:
        EvidenceError: when it is empty or holds something else.
    """
    if not evidence:
        raise EvidenceError(
            f"{owner} has no evidence. Every clause and amendment must cite at least one "
            "SeedExcerpt or OutsideSource.",
            value=evidence,
            field="evidence",
        )
    for item in evidence:
        if not isinstance(item, (SeedExcerpt, OutsideSource)):
            raise EvidenceError(
                f"{owner} cites {item!r}, which is not evidence; use SeedExcerpt or OutsideSource.",
                value=item,
                field="evidence",
            )
    return evidence
