"""Conflicts: claims that disagree, kept side by side.

Sources disagree (an investment of "13" or "almost 14" billion dollars;
one seed says the partnership was "terminated"). A :class:`Conflict` keeps
every claim involved, grouped into sides: the claims on one side agree with
each other and disagree with every other side. Nothing is silently picked;
the note says which reading is better supported, and why.

Examples:
    >>> from clausekit.evidence.claims import Claim
    >>> def claim(id: str, document: str, gloss: str) -> Claim:
    ...     return Claim(id=id, document=document, excerpt=None, gloss=gloss,
    ...                  topics=("investment",), status="reported")
    >>> thirteen = claim("o.a.investment", "a", "USD 13 bn")
    >>> fourteen = claim("o.b.investment", "b", "almost USD 14 bn")
    >>> also_fourteen = claim("o.c.investment", "c", "USD 14 bn")
    >>> conflict = Conflict(
    ...     id="c.investment", topic="investment",
    ...     sides=((thirteen,), (fourteen, also_fourteen)),
    ...     note="13 is reported more often",
    ... )
    >>> conflict.claims
    ('o.a.investment', 'o.b.investment', 'o.c.investment')
    >>> [c.gloss for c in conflict.other_side("o.a.investment")]
    ['almost USD 14 bn', 'USD 14 bn']
    >>> [c.gloss for c in conflict.other_side("o.c.investment")]
    ['USD 13 bn']
"""

from __future__ import annotations

import attrs

from clausekit.errors import EvidenceError, closest, did_you_mean
from clausekit.evidence._validators import non_blank
from clausekit.evidence.claims import Claim

__all__ = ["Conflict"]


def _sides(instance: Conflict, attribute: attrs.Attribute[object], value: object) -> None:
    if (
        not isinstance(value, tuple)
        or not all(isinstance(side, tuple) and side for side in value)
        or not all(isinstance(c, Claim) for side in value for c in side)
    ):
        raise EvidenceError(
            f"Conflict {instance.id!r}: sides={value!r} must be a tuple of non-empty tuples of "
            "Claim values, one tuple per side.",
            value=value,
            field="Conflict.sides",
            ids=(instance.id,),
        )
    ids = [c.id for side in value for c in side]
    if len(value) < 2 or len(set(ids)) < 2:
        raise EvidenceError(
            f"Conflict {instance.id!r} names {tuple(ids)!r}; a conflict needs at least two "
            "sides and two different claims.",
            value=value,
            field="Conflict.sides",
            ids=(instance.id, *ids),
        )
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise EvidenceError(
            f"Conflict {instance.id!r} names {', '.join(map(repr, repeated))} more than once; "
            "a claim stands on one side only.",
            value=value,
            field="Conflict.sides",
            ids=(instance.id, *repeated),
        )


@attrs.frozen
class Conflict:
    """Claims that disagree, grouped into sides, with a note on which is better supported.

    Attributes:
        id: ``c.<kebab-topic>``.
        topic: the subject they disagree on (a kebab-case tag).
        sides: the claims involved, one tuple per side: the claims of a side
            agree with each other and disagree with every other side. At
            least two sides and two different claims; a claim stands on one
            side only.
        note: what disagrees and which reading is better supported, and why.
    """

    id: str = attrs.field(validator=non_blank)
    topic: str = attrs.field(validator=non_blank)
    sides: tuple[tuple[Claim, ...], ...] = attrs.field(validator=_sides)
    note: str = attrs.field(validator=non_blank)
    _others: dict[str, tuple[Claim, ...]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        others = {
            claim.id: tuple(c for other in self.sides if other is not side for c in other)
            for side in self.sides
            for claim in side
        }
        object.__setattr__(self, "_others", others)

    @property
    def claims(self) -> tuple[str, ...]:
        """The ids of every claim involved, side by side, in order."""
        return tuple(self._others)

    def involves(self, claim_id: str) -> bool:
        """True when the conflict names the claim ``claim_id``."""
        return claim_id in self._others

    def side_of(self, claim_id: str) -> tuple[Claim, ...]:
        """The claims on the side of ``claim_id``, that claim included.

        Raises:
            EvidenceError: when the conflict does not name ``claim_id``.
        """
        self._check(claim_id)
        return next(side for side in self.sides if any(c.id == claim_id for c in side))

    def other_side(self, claim_id: str) -> tuple[Claim, ...]:
        """The claims that disagree with ``claim_id``: every claim on another side, in order.

        Raises:
            EvidenceError: when the conflict does not name ``claim_id``.
        """
        self._check(claim_id)
        return self._others[claim_id]

    def _check(self, claim_id: str) -> None:
        if claim_id not in self._others:
            suggestions = closest(claim_id, self._others)
            raise EvidenceError(
                f"Conflict {self.id!r} does not name claim {claim_id!r}."
                f"{did_you_mean(suggestions)} It names {', '.join(self._others)}.",
                value=claim_id,
                ids=(self.id,),
                suggestions=suggestions,
            )
