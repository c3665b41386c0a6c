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
from typing import TypeAlias

import attrs

from clausekit.errors import InvalidActionError

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
            f"{type(instance).__name__}.{attribute.name}={value!r} must be a non-empty name."
        )


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
class ProcureCompute:
    """``buyer`` procures compute from ``provider`` for a ``workload``.

    ``provider`` may name the buyer itself (capacity it builds on its own).
    """

    buyer: str = attrs.field(validator=_text)
    provider: str = attrs.field(validator=_text)
    workload: Workload = attrs.field(converter=_workload)

    verb = Verb.PROCURE_COMPUTE.value

    @property
    def actor(self) -> str:
        return self.buyer

    @property
    def counterparty(self) -> str:
        return self.provider

    @property
    def subject(self) -> str:
        return self.workload.value

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        return (
            f"{actor or self.buyer} procuring compute for {self.workload.value} "
            f"from {counterparty or self.provider}"
        )


@attrs.frozen
class UseIP:
    """``user`` uses intellectual property owned by ``owner`` (``subject``: which body of IP)."""

    user: str = attrs.field(validator=_text)
    owner: str = attrs.field(validator=_text)
    subject: str = attrs.field(default="models", validator=_text)

    verb = Verb.USE_IP.value

    @property
    def actor(self) -> str:
        return self.user

    @property
    def counterparty(self) -> str:
        return self.owner

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        return f"{actor or self.user} using {counterparty or self.owner}'s IP ({self.subject})"


@attrs.frozen
class TransferShares:
    """``seller`` transfers shares (of class ``shares``) to ``buyer``."""

    seller: str = attrs.field(validator=_text)
    buyer: str = attrs.field(validator=_text)
    shares: str = attrs.field(default="shares", validator=_text)

    verb = Verb.TRANSFER_SHARES.value

    @property
    def actor(self) -> str:
        return self.seller

    @property
    def counterparty(self) -> str:
        return self.buyer

    @property
    def subject(self) -> str:
        return self.shares

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        return f"{actor or self.seller} transferring {self.shares} to {counterparty or self.buyer}"


@attrs.frozen
class AppointDistributor:
    """``principal`` appoints ``distributor`` to sell in ``territory``."""

    principal: str = attrs.field(validator=_text)
    distributor: str = attrs.field(validator=_text)
    territory: str = attrs.field(validator=_text)

    verb = Verb.APPOINT_DISTRIBUTOR.value

    @property
    def actor(self) -> str:
        return self.principal

    @property
    def counterparty(self) -> str:
        return self.distributor

    @property
    def subject(self) -> str:
        return self.territory

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        return (
            f"{actor or self.principal} appointing {counterparty or self.distributor} "
            f"as distributor in {self.territory}"
        )


@attrs.frozen
class Act:
    """Any other action: ``actor`` does ``verb`` (with ``counterparty``) over ``subject``."""

    actor: str = attrs.field(validator=_text)
    verb: str = attrs.field(validator=_text)
    counterparty: str | None = None
    subject: str = ""

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        text = f"{actor or self.actor}: {verb_phrase(self.verb)}"
        if self.subject:
            text += f" ({self.subject})"
        other = counterparty or self.counterparty
        return f"{text} with {other}" if other else text


Action: TypeAlias = ProcureCompute | UseIP | TransferShares | AppointDistributor | Act
"""Every action clausekit can ask about."""
