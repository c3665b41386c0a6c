"""Documents: the sources of the evidence base, seed articles and outside public sources.

A document says when the public could first read it: :attr:`Document.published`
is a day, or a :class:`~clausekit.time.DateRange` when the text only implies
it, and :attr:`Document.published_earliest` is the earliest possible day,
which is the day "as known on" questions go by.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs
import pendulum

from clausekit.errors import EvidenceError
from clausekit.evidence._validators import non_blank, optional_text
from clausekit.evidence.claims import Claim
from clausekit.time import DateRange

__all__ = ["Document", "DocumentKind"]

DocumentKind: TypeAlias = Literal["seed", "outside"]

KINDS: tuple[DocumentKind, ...] = ("seed", "outside")


def _published(
    instance: object, attribute: attrs.Attribute[pendulum.Date | DateRange], value: object
) -> None:
    if isinstance(value, DateRange):
        return
    if type(value) is not pendulum.Date:
        raise EvidenceError(
            f"Document.published={value!r} must be a pendulum.Date or a clausekit.time.DateRange.",
            value=value,
            field="Document.published",
        )


def _claims_tuple(instance: object, attribute: attrs.Attribute[object], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(c, Claim) for c in value):
        raise EvidenceError(
            f"Document.claims must be a tuple of Claim values, got {value!r}.",
            value=value,
            field="Document.claims",
        )


@attrs.frozen
class Document:
    """A source: a seed article or an outside public source, with its claims.

    Attributes:
        id: the seed's file stem (``"001_7f6e26588299af66"``) or the outside
            source's id (``"bloomberg-2019-07-22"``).
        kind: ``"seed"`` or ``"outside"``.
        language: the language of the text (``"de"``, ``"it"``, ``"en"``).
        outlet: the publication, when recognisable.
        published: the publication day, or a :class:`~clausekit.time.DateRange`
            when the text only implies it.
        published_reasoning: how the date was found or inferred.
        url: the address (outside sources).
        title: the headline or a descriptive title.
        claims: what the document says.
        outlet_reasoning: why the outlet is named (or why it is not).

    Examples:
        >>> import pendulum
        >>> from clausekit.time import DateRange
        >>> d = Document(
        ...     id="003_a1f5f37c4354f31f",
        ...     kind="seed",
        ...     language="it",
        ...     outlet=None,
        ...     published=DateRange("2025-11-03", "2025-11-09"),
        ...     published_reasoning="the renegotiation of 28 October was 'la scorsa settimana'",
        ...     url=None,
        ...     title=None,
        ...     claims=(),
        ... )
        >>> d.published_earliest
        Date(2025, 11, 3)
        >>> d.published_by(pendulum.Date(2025, 11, 2)), d.published_by(pendulum.Date(2025, 11, 3))
        (False, True)
    """

    id: str = attrs.field(validator=non_blank)
    kind: DocumentKind = attrs.field(validator=attrs.validators.in_(KINDS))
    language: str | None = attrs.field(validator=optional_text)
    outlet: str | None = attrs.field(validator=optional_text)
    published: pendulum.Date | DateRange = attrs.field(validator=_published)
    published_reasoning: str | None = attrs.field(validator=optional_text)
    url: str | None = attrs.field(validator=optional_text)
    title: str | None = attrs.field(validator=optional_text)
    claims: tuple[Claim, ...] = attrs.field(validator=_claims_tuple)
    outlet_reasoning: str | None = attrs.field(default=None, validator=optional_text)

    @property
    def published_earliest(self) -> pendulum.Date:
        """The earliest day the public could read it: for a date range, its first day."""
        if isinstance(self.published, DateRange):
            return self.published.earliest
        return self.published

    def published_by(self, day: pendulum.Date) -> bool:
        """True when the public could read the document on ``day``: published on or before it.

        A document dated by a range counts from the range's first day, the
        earliest day anyone could have read it.
        """
        return self.published_earliest <= day
