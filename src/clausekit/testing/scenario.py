"""Strategies for facts (every registered fact kind) and consistent scenarios."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pendulum
from hypothesis import strategies as st

from clausekit.errors import InvalidFactError
from clausekit.registry import FACT_KINDS
from clausekit.scenario import (
    AGIDeclared,
    AssumedRate,
    CannotMeetRequirements,
    ConsentGiven,
    ConsentRefused,
    ConsentRequested,
    Disputed,
    Fact,
    OfferAccepted,
    OfferDeclined,
    OfferMade,
    Scenario,
)
from clausekit.testing.amounts import rates
from clausekit.testing.base import MAX_DAY, MIN_DAY, PARTY_NAMES, memo
from clausekit.testing.dates import days
from clausekit.testing.kinds import Pool, drawable, kind_strategy, register_kind_strategy

__all__ = ["facts", "scenarios", "timed_scenarios"]

_CLAUSE_IDS: tuple[str, ...] = tuple(f"c{i}" for i in range(10))


@st.composite
def _agi_declarations(draw: st.DrawFn) -> AGIDeclared:
    # Verified on the day of the declaration or later: a constraint between two fields.
    on = draw(days())
    verified = draw(st.none() | st.booleans())
    verified_on = draw(st.none() | days(on, MAX_DAY)) if verified is not None else None
    return AGIDeclared(on=on, verified=verified, verified_on=verified_on)


register_kind_strategy(AGIDeclared, lambda pool: _agi_declarations())


def _kinds(kinds: Sequence[type | str] | None) -> tuple[type[Fact], ...]:
    if kinds is None:
        return tuple(cls for cls in FACT_KINDS.classes() if drawable(cls))
    chosen = []
    for kind in kinds:
        cls = FACT_KINDS.get(kind) if isinstance(kind, str) else kind
        if not (drawable(cls) and issubclass(cls, Fact)):
            break
        chosen.append(cls)
    else:
        if chosen:
            return tuple(chosen)
    raise InvalidFactError(
        f"facts(kinds={kinds!r}) names no fact kind or a non-fact; pick among "
        f"{', '.join(FACT_KINDS.kinds())} (classes or kind tags)."
    )


@memo
@st.composite
def facts(
    draw: st.DrawFn,
    names: Sequence[str] = PARTY_NAMES,
    *,
    kinds: Sequence[type | str] | None = None,
    clause_ids: Sequence[str] = _CLAUSE_IDS,
) -> Any:
    """One fact of any registered kind (or of one of ``kinds``), about the parties ``names``.

    Every kind in :data:`clausekit.registry.FACT_KINDS` (read when drawing:
    bundled kinds and yours alike), built from its attrs fields as
    :func:`clauses` builds clauses: party fields from ``names``, a field
    ``clause`` from ``clause_ids``, the day ``on`` undated or dated. An AGI
    declaration is verified on its day or later, if at all.

    Raises:
        InvalidFactError: when ``kinds`` names something that is not a fact kind.
    """
    cls = draw(st.sampled_from(_kinds(kinds)))
    return draw(kind_strategy(cls, Pool(tuple(names), tuple(clause_ids))))


@memo
@st.composite
def scenarios(
    draw: st.DrawFn, names: Sequence[str] = PARTY_NAMES, clause_ids: Sequence[str] = ()
) -> Scenario:
    """Consistent scenarios over the parties ``names``: no fact together with its opposite.

    Facts of the bundled kinds questions turn on (consents, answers to
    offers, an AGI declaration, an assumed rate), undated. A rate is assumed
    only for one of ``clause_ids`` (an agreement refuses an assumed rate for a
    clause it does not have), so give the agreement's ids.
    """
    found: list[Fact] = []
    for name in draw(st.lists(st.sampled_from(tuple(names)), unique=True, max_size=3)):
        consent = draw(st.sampled_from((None, ConsentGiven, ConsentRefused)))
        if consent is not None:
            found.append(consent(by=name))
        offer = draw(st.sampled_from((None, OfferDeclined, OfferAccepted, CannotMeetRequirements)))
        if offer is not None:
            found.append(offer(by=name))
    if draw(st.booleans()):
        declared = draw(days())
        found.append(AGIDeclared(on=declared, verified=draw(st.none() | st.booleans())))
    assume_rate = draw(st.booleans())
    if assume_rate and len(clause_ids) > 0:
        found.append(AssumedRate(draw(st.sampled_from(tuple(clause_ids))), draw(rates())))
    return Scenario(*found)


@memo
@st.composite
def timed_scenarios(
    draw: st.DrawFn,
    names: Sequence[str] = PARTY_NAMES,
    *,
    min_day: pendulum.Date = MIN_DAY,
    max_day: pendulum.Date = MAX_DAY,
) -> Scenario:
    """Consistent scenarios of dated facts between ``min_day`` and ``max_day``, sometimes disputed.

    Per party: consents given or refused and offers declined or accepted on
    different days (a later one overrides an earlier one), a dated offer or
    request for consent (starting a response window), and sometimes a
    :class:`~clausekit.scenario.Disputed` answer on a day of its own.
    """
    found: list[Fact | Disputed] = []
    when = days(min_day, max_day)
    for name in draw(st.lists(st.sampled_from(tuple(names)), unique=True, max_size=2)):
        used = draw(st.lists(when, unique=True, max_size=5))
        for day in used[:2]:
            found.append(draw(st.sampled_from((ConsentGiven, ConsentRefused)))(by=name, on=day))
        for day in used[2:4]:
            found.append(draw(st.sampled_from((OfferDeclined, OfferAccepted)))(by=name, on=day))
        if draw(st.booleans()):
            found.append(OfferMade(to=name, on=draw(when)))
        if draw(st.booleans()):
            found.append(ConsentRequested(of=name, on=draw(when)))
        disputed = draw(when)
        if len(used) == 5 and disputed not in used:
            found.append(
                Disputed(OfferAccepted(by=name, on=disputed), OfferDeclined(by=name, on=disputed))
            )
    return Scenario(*found)
