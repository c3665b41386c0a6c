"""Actions: what a party wants to do, in general terms.

Every action has four parts the clauses look at: who acts (``actor``), what
it does (``verb``), with whom (``counterparty``) and over which subject
(``subject``: a workload, a territory, a class of shares, a body of IP). The
named action classes read naturally at the call site; :class:`Act` is the
general form for anything else.

Examples:
    >>> from clausekit.actions import Act, ProcureCompute, Workload
    >>> a = ProcureCompute(buyer="Acme", provider="CloudCo", workload=Workload.TRAINING)
    >>> a.actor, a.verb, a.counterparty, a.subject
    ('Acme', 'procure-compute', 'CloudCo', 'training')
    >>> a.describe()
    'Acme procuring compute for training from CloudCo'
    >>> Act(actor="Acme", verb="sell", counterparty="Shop", subject="DE").describe()
    'Acme: sell (DE) with Shop'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, ClassVar, TypeAlias

import attrs

from clausekit.errors import InvalidActionError
from clausekit.parties import Party
from clausekit.verdict import Outcome

__all__ = [
    "Act",
    "Action",
    "AppointDistributor",
    "InvalidActionError",
    "ProcureCompute",
    "TransferShares",
    "UseIP",
    "Verb",
    "Workload",
    "party_name",
    "verb_phrase",
]


class Workload(enum.StrEnum):
    """What compute is procured for: a kind of subject of :class:`ProcureCompute`."""

    TRAINING = "training"
    """Training models."""
    RESEARCH = "research"
    """Research workloads."""
    INFERENCE = "inference"
    """Running products (inference for the party's own products)."""
    API = "api"
    """Serving the party's API to customers."""


class Verb(enum.StrEnum):
    """The verbs of the named actions; :class:`Act` accepts any other kebab-case verb."""

    PROCURE_COMPUTE = "procure-compute"
    USE_IP = "use-ip"
    TRANSFER_SHARES = "transfer-shares"
    APPOINT_DISTRIBUTOR = "appoint-distributor"


_VERB_PHRASES = {
    Verb.PROCURE_COMPUTE.value: "procure compute",
    Verb.USE_IP.value: "use IP",
    Verb.TRANSFER_SHARES.value: "transfer shares",
    Verb.APPOINT_DISTRIBUTOR.value: "appoint a distributor",
}


def verb_phrase(verb: str) -> str:
    """A verb token in words: ``'procure-compute'`` → ``'procure compute'``.

    Examples:
        >>> verb_phrase("procure-compute"), verb_phrase("grant-sublicence")
        ('procure compute', 'grant sublicence')
    """
    return _VERB_PHRASES.get(verb, verb.replace("-", " "))


def _text(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidActionError(
            f"{type(instance).__name__}.{attribute.name}={value!r} must be a non-empty name.",
            field=attribute.name,
            value=value,
        )


def _party(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A party field: a name the agreement must know, or a :class:`Party` (maybe an outsider)."""
    if isinstance(value, Party):
        return
    if not isinstance(value, str) or not value.strip():
        raise InvalidActionError(
            f"{type(instance).__name__}.{attribute.name}={value!r} must name a party: the "
            "agreement's name for it (text), or clausekit.Party('Name') for a party outside "
            "the agreement.",
            field=attribute.name,
            value=value,
        )


def _qualifiers(value: Iterable[str] | str) -> frozenset[str]:
    if isinstance(value, str):
        raise InvalidActionError(
            f"qualifiers={value!r} is a single string; pass a list such as [{value!r}].",
            field="qualifiers",
            value=value,
        )
    out = frozenset(value)
    for item in out:
        if not isinstance(item, str) or not item.strip():
            raise InvalidActionError(
                f"qualifiers contains {item!r}; each qualifier is a non-empty word such as "
                "'open-weight'.",
                field="qualifiers",
                value=item,
            )
    return out


def party_name(value: str | Party) -> str:
    """The name a party field holds, whether it was given as text or as a Party."""
    return value.name if isinstance(value, Party) else value


class _ActionBase:
    """What every action kind shares: its default and its qualifiers.

    ``default`` is what holds where no clause speaks: doing your own business
    is ``PERMITTED``; using what belongs to someone else is ``PROHIBITED``
    until a clause grants it.
    """

    __slots__ = ()

    default: ClassVar[Outcome] = Outcome.PERMITTED
    qualifiers: frozenset[str]

    def default_for(self, actor: str, counterparty: str | None) -> Outcome:
        """The default for this action between these (canonical) parties."""
        return self.default


def _workload(value: object) -> Workload:
    try:
        return Workload(str(value).lower())
    except ValueError:
        choices = ", ".join(w.value for w in Workload)
        raise InvalidActionError(
            f"ProcureCompute.workload={value!r} is not a workload; use one of {choices} "
            "(clausekit.Workload.TRAINING, ...)."
        ) from None


@attrs.frozen
class ProcureCompute(_ActionBase):
    """``buyer`` procures compute from ``provider`` for a ``workload``.

    ``provider`` may name the buyer itself (capacity it builds on its own).
    """

    buyer: str | Party = attrs.field(validator=_party)
    provider: str | Party = attrs.field(validator=_party)
    workload: Workload = attrs.field(converter=_workload)

    qualifiers: frozenset[str] = attrs.field(factory=frozenset, converter=_qualifiers, kw_only=True)
    verb = Verb.PROCURE_COMPUTE.value

    @property
    def actor(self) -> str | Party:
        return self.buyer

    @property
    def counterparty(self) -> str | Party:
        return self.provider

    @property
    def subject(self) -> str:
        return self.workload.value

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        return (
            f"{actor or party_name(self.buyer)} procuring compute for {self.workload.value} "
            f"from {counterparty or party_name(self.provider)}"
        )


@attrs.frozen
class UseIP(_ActionBase):
    """``user`` uses intellectual property owned by ``owner`` (``subject``: which body of IP)."""

    user: str | Party = attrs.field(validator=_party)
    owner: str | Party = attrs.field(validator=_party)
    subject: str = attrs.field(default="models", validator=_text)

    qualifiers: frozenset[str] = attrs.field(factory=frozenset, converter=_qualifiers, kw_only=True)
    verb = Verb.USE_IP.value
    default: ClassVar[Outcome] = Outcome.PROHIBITED

    def default_for(self, actor: str, counterparty: str | None) -> Outcome:
        """Using another's IP is prohibited until a licence grants it; one's own is not."""
        return Outcome.PERMITTED if actor == counterparty else Outcome.PROHIBITED

    @property
    def actor(self) -> str | Party:
        return self.user

    @property
    def counterparty(self) -> str | Party:
        return self.owner

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        return f"{actor or party_name(self.user)} using {counterparty or party_name(self.owner)}'s IP ({self.subject})"


@attrs.frozen
class TransferShares(_ActionBase):
    """``seller`` transfers shares (of class ``shares``) to ``buyer``."""

    seller: str | Party = attrs.field(validator=_party)
    buyer: str | Party = attrs.field(validator=_party)
    shares: str = attrs.field(default="shares", validator=_text)

    qualifiers: frozenset[str] = attrs.field(factory=frozenset, converter=_qualifiers, kw_only=True)
    verb = Verb.TRANSFER_SHARES.value

    @property
    def actor(self) -> str | Party:
        return self.seller

    @property
    def counterparty(self) -> str | Party:
        return self.buyer

    @property
    def subject(self) -> str:
        return self.shares

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        return f"{actor or party_name(self.seller)} transferring {self.shares} to {counterparty or party_name(self.buyer)}"


@attrs.frozen
class AppointDistributor(_ActionBase):
    """``principal`` appoints ``distributor`` to sell in ``territory``."""

    principal: str | Party = attrs.field(validator=_party)
    distributor: str | Party = attrs.field(validator=_party)
    territory: str = attrs.field(validator=_text)

    qualifiers: frozenset[str] = attrs.field(factory=frozenset, converter=_qualifiers, kw_only=True)
    verb = Verb.APPOINT_DISTRIBUTOR.value

    @property
    def actor(self) -> str | Party:
        return self.principal

    @property
    def counterparty(self) -> str | Party:
        return self.distributor

    @property
    def subject(self) -> str:
        return self.territory

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        return (
            f"{actor or party_name(self.principal)} appointing {counterparty or party_name(self.distributor)} "
            f"as distributor in {self.territory}"
        )


@attrs.frozen
class Act(_ActionBase):
    """Any other action: ``actor`` does ``verb`` (with ``counterparty``) over ``subject``.

    ``default`` is what holds where no clause speaks: ``PERMITTED`` for doing
    one's own business, ``PROHIBITED`` for using what belongs to someone else
    (their data, their brand) until a clause grants it.
    """

    actor: str | Party = attrs.field(validator=_party)
    verb: str = attrs.field(validator=_text)
    counterparty: str | Party | None = attrs.field(default=None)
    subject: str = ""
    qualifiers: frozenset[str] = attrs.field(factory=frozenset, converter=_qualifiers, kw_only=True)
    default: Outcome = attrs.field(default=Outcome.PERMITTED, kw_only=True)  # type: ignore[misc]

    @counterparty.validator
    def _check_counterparty(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            _party(self, attribute, value)

    @default.validator
    def _check_default(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in (Outcome.PERMITTED, Outcome.PROHIBITED):
            raise InvalidActionError(
                f"Act.default={value!r} must be Outcome.PERMITTED (doing one's own business) "
                "or Outcome.PROHIBITED (using what belongs to someone else).",
                field="default",
                value=value,
            )

    def default_for(self, actor: str, counterparty: str | None) -> Outcome:
        return self.default

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        text = f"{actor or party_name(self.actor)}: {verb_phrase(self.verb)}"
        if self.subject:
            text += f" ({self.subject})"
        other = counterparty or self.counterparty
        return f"{text} with {other}" if other else text


Action: TypeAlias = ProcureCompute | UseIP | TransferShares | AppointDistributor | Act
"""Every action clausekit can ask about."""
