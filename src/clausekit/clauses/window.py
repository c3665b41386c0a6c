"""Response windows: an offer (or a request for consent) that must be answered within days.

A right of first refusal or a consent requirement may give the party asked a
window to answer (``respond_within_days``) and say what its silence means.
The window runs from the day of the :class:`~clausekit.facts.OfferMade`
(or :class:`~clausekit.facts.ConsentRequested`) fact: the deadline is that
day plus the window. An answer dated on or before the deadline counts (an
undated answer always does); with none, the silence counts as the deemed
answer from the day after the deadline, and a timeline splits there. An
answer dated after the deadline comes too late and does not count; where the
parties disagree about when the answer came, state both days as a
:class:`~clausekit.scenario.Disputed`.

Examples:
    >>> from clausekit.scenario import OfferDeclined, OfferMade, Scenario
    >>> from clausekit.time import to_day
    >>> facts = Scenario(OfferMade(to="Bob", on="2025-03-01"), OfferDeclined(by="Bob", on="2025-04-15"))
    >>> w = read_window(facts, to_day("2025-05-01"), party="Bob", asked=OfferMade,
    ...                 answers=(OfferDeclined,), days=30)
    >>> w.status, w.deadline, w.late
    ('deemed', Date(2025, 3, 31), (OfferDeclined(by='Bob', on='2025-04-15'),))
"""

from __future__ import annotations

from typing import Literal

import attrs
import pendulum

from clausekit.errors import AgreementError
from clausekit.scenario import Fact, Scenario

__all__ = ["Window", "deadlines", "read_window", "window_days"]

Status = Literal["none", "open", "answered", "deemed"]


def window_days(value: object) -> int | None:
    """attrs converter for ``respond_within_days``: None, or a positive whole number of days."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise AgreementError(
            f"respond_within_days={value!r} must be a whole number of days, at least 1 "
            "(e.g. 30), or None for no window."
        )
    return value


@attrs.frozen
class Window:
    """Where a response window stands on a day.

    Attributes:
        status: ``"none"`` (no dated request: the window does not apply),
            ``"open"`` (asked, no answer yet, deadline not passed),
            ``"answered"`` (answered in time), ``"deemed"`` (deadline passed in silence).
        asked: the request (offer) that started the window.
        deadline: the last day to answer.
        answer: for ``"answered"``, the answer that counts.
        late: answers dated after the deadline, up to the day asked; they do not count.
    """

    status: Status
    asked: Fact | None = None
    deadline: pendulum.Date | None = None
    answer: Fact | None = None
    late: tuple[Fact, ...] = ()

    def late_text(self, party: str) -> str:
        """A sentence on the late answers, or ``""`` when there are none."""
        if not self.late:
            return ""
        days = ", ".join(str(f.on) for f in self.late)
        return (
            f" {party}'s answer of {days} came after the deadline of {self.deadline} and does not "
            "count."
        )


def _party(fact: Fact) -> object:
    return getattr(fact, fact.party_fields[0]) if fact.party_fields else None


def _requests(facts: Scenario, party: str, asked: type[Fact]) -> list[Fact]:
    return [f for f in facts if isinstance(f, asked) and f.on is not None and _party(f) == party]


def read_window(
    facts: Scenario,
    day: pendulum.Date,
    *,
    party: str,
    asked: type[Fact],
    answers: tuple[type[Fact], ...],
    days: int,
) -> Window:
    """Where ``party``'s window to answer stands on ``day``, given every dated fact.

    The latest request on or before ``day`` starts the window (a new offer
    starts a new one). Of the answers that count, the latest on or before
    ``day`` wins.
    """
    requests = [f for f in _requests(facts, party, asked) if f.on is not None and f.on <= day]
    if not requests:
        return Window("none")
    request = max(requests, key=lambda f: f.on or day)
    assert request.on is not None
    deadline = request.on.add(days=days)
    given = [f for f in facts if isinstance(f, answers) and _party(f) == party]
    timely = [f for f in given if f.on is None or f.on <= min(day, deadline)]
    late = tuple(
        sorted(
            (f for f in given if f.on is not None and deadline < f.on <= day),
            key=lambda f: f.on or day,
        )
    )
    if timely:
        answer = max(timely, key=lambda f: f.on or pendulum.Date(1, 1, 1))
        return Window("answered", request, deadline, answer, late)
    if day <= deadline:
        return Window("open", request, deadline)
    return Window("deemed", request, deadline, None, late)


def deadlines(
    facts: Scenario, *, party: str, asked: type[Fact], days: int
) -> tuple[pendulum.Date, ...]:
    """The days after each request's deadline: the deemed answer takes effect there."""
    return tuple(
        f.on.add(days=days + 1) for f in _requests(facts, party, asked) if f.on is not None
    )
