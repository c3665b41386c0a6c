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
from clausekit.registry import ACTION_KINDS, register_subclass
from clausekit.verdict import Outcome

__all__ = [
    "Act",
    "Action",
    "ActionBase",
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


def verb_phrase(verb: str) -> str:
    """A verb token in words: ``'procure-compute'`` → ``'procure compute'``.

    Examples:
        >>> verb_phrase("procure-compute"), verb_phrase("grant-sublicence")
        ('procure compute', 'grant sublicence')
    """
    cls = ACTION_KINDS.get(verb)  # a registered kind's words (its ``phrase=`` class keyword)
    phrase = getattr(cls, "phrase", "") if cls is not None else ""
    return phrase or verb.replace("-", " ")


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


class ActionBase:
    """What every action kind shares: its verb, its words, its default and its qualifiers.

    A typed action is a frozen attrs class registered by its verb, with the
    words for it::

        @attrs.frozen
        class UseBrand(ck.ActionBase, verb="use-brand", phrase="use the brand"):
            licensee: str
            owner: str
            roles = ("licensee", "owner", None)   # actor, counterparty, subject fields
            default = ck.Outcome.PROHIBITED       # where no clause speaks
            def describe(self, actor=None, counterparty=None): ...

    The hooks (each has a working default): ``roles`` (which fields are the
    actor, the counterparty and the subject; the properties ``actor``,
    ``counterparty`` and ``subject`` read them), ``default`` and
    ``default_for(actor, counterparty)`` (what holds where no clause speaks:
    doing your own business is ``PERMITTED``; using what belongs to someone
    else is ``PROHIBITED`` until a clause grants it), ``describe(actor,
    counterparty)`` (the action in words), ``counterparty_words`` and
    ``subject_words`` (what the command line asks for when they are missing),
    and ``from_parts(...)`` (how the command line builds one from ``--actor``,
    ``--counterparty`` and ``--subject``).
    """

    __slots__ = ()

    verb: str
    """The action's verb (for a typed action, set by the ``verb=`` class keyword)."""
    default: ClassVar[Outcome] = Outcome.PERMITTED
    qualifiers: frozenset[str]
    roles: ClassVar[tuple[str, str | None, str | None]] = ("actor", "counterparty", "subject")
    """The fields holding the actor, the counterparty (or None) and the subject (or None)."""
    phrase: ClassVar[str] = ""
    """The verb in words ("use the brand"), set by the ``phrase=`` class keyword."""
    counterparty_words: ClassVar[str] = "the other party"
    subject_words: ClassVar[str] = "what it concerns"

    def __init_subclass__(
        cls, verb: str | None = None, phrase: str | None = None, **kwargs: Any
    ) -> None:
        super().__init_subclass__(**kwargs)
        register_subclass(ACTION_KINDS, cls, verb, attribute="verb")
        if phrase is not None:
            cls.phrase = phrase

    @property
    def actor(self) -> str | Party:
        """Who acts."""
        return getattr(self, self.roles[0])  # type: ignore[no-any-return]

    @property
    def counterparty(self) -> str | Party | None:
        """With whom, or None."""
        role = self.roles[1]
        return None if role is None else getattr(self, role)

    @property
    def subject(self) -> str:
        """Over which subject ("" for none)."""
        role = self.roles[2]
        return "" if role is None else str(getattr(self, role))

    def default_for(self, actor: str, counterparty: str | None) -> Outcome:
        """The default for this action between these (canonical) parties."""
        return self.default

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        text = f"{actor or party_name(self.actor)}: {verb_phrase(self.verb)}"
        if self.subject:
            text += f" ({self.subject})"
        other = counterparty or self.counterparty
        return f"{text} with {other}" if other else text

    @classmethod
    def from_parts(
        cls,
        actor: str | Party,
        counterparty: str | Party | None,
        subject: str | None,
        *,
        qualifiers: Iterable[str] = frozenset(),
    ) -> ActionBase:
        """The action from its parts, as the command line gives them (``--actor``,
        ``--counterparty``, ``--subject``); a part the kind has no field for is left out."""
        role_actor, role_other, role_subject = cls.roles
        fields: dict[str, object] = {role_actor: actor, "qualifiers": frozenset(qualifiers)}
        if role_other is not None and counterparty is not None:
            fields[role_other] = counterparty
        if role_subject is not None and subject is not None:
            fields[role_subject] = subject
        return cls(**fields)


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
class ProcureCompute(ActionBase, verb=Verb.PROCURE_COMPUTE.value, phrase="procure compute"):
    """``buyer`` procures compute from ``provider`` for a ``workload``.

    ``provider`` may name the buyer itself (capacity it builds on its own).
    """

    buyer: str | Party = attrs.field(validator=_party)
    provider: str | Party = attrs.field(validator=_party)
    workload: Workload = attrs.field(converter=_workload)

    qualifiers: frozenset[str] = attrs.field(factory=frozenset, converter=_qualifiers, kw_only=True)
    roles: ClassVar[tuple[str, str | None, str | None]] = ("buyer", "provider", "workload")
    counterparty_words: ClassVar[str] = "the provider"
    subject_words: ClassVar[str] = "the workload: training, research, inference or api"

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        return (
            f"{actor or party_name(self.buyer)} procuring compute for {self.workload.value} "
            f"from {counterparty or party_name(self.provider)}"
        )


@attrs.frozen
class UseIP(ActionBase, verb=Verb.USE_IP.value, phrase="use IP"):
    """``user`` uses intellectual property owned by ``owner`` (``subject``: which body of IP)."""

    user: str | Party = attrs.field(validator=_party)
    owner: str | Party = attrs.field(validator=_party)
    subject: str = attrs.field(default="models", validator=_text)

    qualifiers: frozenset[str] = attrs.field(factory=frozenset, converter=_qualifiers, kw_only=True)
    roles: ClassVar[tuple[str, str | None, str | None]] = ("user", "owner", "subject")
    counterparty_words: ClassVar[str] = "the owner of the IP"
    default: ClassVar[Outcome] = Outcome.PROHIBITED

    def default_for(self, actor: str, counterparty: str | None) -> Outcome:
        """Using another's IP is prohibited until a licence grants it; one's own is not."""
        return Outcome.PERMITTED if actor == counterparty else Outcome.PROHIBITED

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        return f"{actor or party_name(self.user)} using {counterparty or party_name(self.owner)}'s IP ({self.subject})"


@attrs.frozen
class TransferShares(ActionBase, verb=Verb.TRANSFER_SHARES.value, phrase="transfer shares"):
    """``seller`` transfers shares (of class ``shares``) to ``buyer``."""

    seller: str | Party = attrs.field(validator=_party)
    buyer: str | Party = attrs.field(validator=_party)
    shares: str = attrs.field(default="shares", validator=_text)

    qualifiers: frozenset[str] = attrs.field(factory=frozenset, converter=_qualifiers, kw_only=True)
    roles: ClassVar[tuple[str, str | None, str | None]] = ("seller", "buyer", "shares")
    counterparty_words: ClassVar[str] = "the buyer of the shares"

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        return f"{actor or party_name(self.seller)} transferring {self.shares} to {counterparty or party_name(self.buyer)}"


@attrs.frozen
class AppointDistributor(
    ActionBase, verb=Verb.APPOINT_DISTRIBUTOR.value, phrase="appoint a distributor"
):
    """``principal`` appoints ``distributor`` to sell in ``territory``."""

    principal: str | Party = attrs.field(validator=_party)
    distributor: str | Party = attrs.field(validator=_party)
    territory: str = attrs.field(validator=_text)

    qualifiers: frozenset[str] = attrs.field(factory=frozenset, converter=_qualifiers, kw_only=True)
    roles: ClassVar[tuple[str, str | None, str | None]] = ("principal", "distributor", "territory")
    counterparty_words: ClassVar[str] = "the distributor"
    subject_words: ClassVar[str] = "the territory, e.g. DE"

    def describe(self, actor: str | None = None, counterparty: str | None = None) -> str:
        """The action in words, optionally with resolved party names."""
        return (
            f"{actor or party_name(self.principal)} appointing {counterparty or party_name(self.distributor)} "
            f"as distributor in {self.territory}"
        )


@attrs.frozen
class Act(ActionBase):
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


Action: TypeAlias = ActionBase
"""Every action clausekit can ask about: a bundled one, :class:`Act`, or a kind of your own."""
