"""Parties and the registry that resolves names and aliases.

A :class:`Party` is a legal person with a canonical name and any number of
aliases (a brand, a ticker, a product that stands for the company in a
contract). A :class:`PartyRegistry` resolves a name or an alias, ignoring
case, and raises :class:`~clausekit.errors.UnknownPartyError` with the
closest known names for anything else.

Examples:
    >>> from clausekit.parties import Party, PartyRegistry
    >>> reg = PartyRegistry((Party("Acme GmbH", aliases=("Acme",)), Party("Beta SpA")))
    >>> reg.resolve("acme").name
    'Acme GmbH'
    >>> reg.resolve("Betta")
    Traceback (most recent call last):
    ...
    clausekit.errors.UnknownPartyError: Unknown party 'Betta'. Did you mean 'Beta SpA'? Known parties and aliases: Acme, Acme GmbH, Beta SpA.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

import attrs

from clausekit._checks import check_type, instance_of
from clausekit._shared import frozen
from clausekit.errors import AgreementError, ArgumentTypeError, UnknownPartyError

__all__ = ["Party", "PartyRegistry", "to_parties"]


def _name(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise AgreementError(
            f"Party.{attribute.name}={value!r} must be non-empty text without surrounding spaces."
        )


def _aliases(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise AgreementError(
            f"Party aliases={value!r} is a single string; pass a tuple such as ({value!r},)."
        )
    if not isinstance(value, Iterable):
        raise ArgumentTypeError.for_value(
            value,
            argument="Party.aliases",
            expected="a tuple of names",
            fix="Pass aliases=('ACME',) for one alias, or leave it out for none.",
        )
    return tuple(value)


def _check_aliases(
    instance: Party, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    for alias in value:
        if not isinstance(alias, str) or not alias.strip() or alias != alias.strip():
            raise AgreementError(
                f"Party {instance.name!r} has alias {alias!r}; aliases must be non-empty text "
                "without surrounding spaces."
            )


@attrs.frozen
class Party:
    """A legal person named in an agreement.

    Attributes:
        name: the canonical name, used in explanations.
        aliases: other names that mean this party (a brand, a ticker, a product name).
        description: a short note on who the party is, for readers.
        outsider: True for a company the agreement names in its terms (a cloud
            a waiver lets one party buy from) without being a party to it. Its
            names resolve like any party's, clauses may name it, and every
            answer about an action it takes part in says it is not a party.
            A ``Party`` the agreement does not list at all is an outsider too.

    Examples:
        >>> Party("Delta KG", aliases=("Delta",), outsider=True).outsider
        True
    """

    name: str = attrs.field(validator=_name)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases, validator=_check_aliases)
    description: str = attrs.field(
        default="",
        validator=instance_of(str, expected="text", fix="Pass description='a short note'."),
    )
    outsider: bool = attrs.field(
        default=False,
        validator=instance_of(bool, expected="true or false", fix="Pass outsider=True or False."),
    )

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


def to_parties(value: Iterable[Party]) -> tuple[Party, ...]:
    """The parties in ``value`` as a tuple, each checked to be a :class:`Party`.

    Raises:
        ArgumentTypeError: for something other than an iterable of parties.
    """
    fix = "Pass a list of parties, e.g. parties=[Party('Acme'), Party('Beta')]."
    if isinstance(value, (str, Party)) or not isinstance(value, Iterable):
        raise ArgumentTypeError.for_value(
            value, argument="parties", expected="a list of clausekit.Party", fix=fix
        )
    parties = tuple(value)
    for index, party in enumerate(parties):
        check_type(
            party, Party, argument=f"parties[{index}]", expected="a clausekit.Party", fix=fix
        )
    return parties


@attrs.frozen
class PartyRegistry:
    """Resolves names and aliases to parties, ignoring case.

    Raises:
        AgreementError: at construction, when two parties share a name or alias.
    """

    parties: tuple[Party, ...] = attrs.field(converter=to_parties)
    # Every name and alias folded (sys.intern(name.casefold())) and exactly as written ->
    # its party: one table for both look-ups. Most look-ups spell a name the way the
    # agreement does and skip the case folding. No exact spelling can stand for another
    # party's folded name: the two would fold alike, which construction refuses.
    _index: Mapping[str, Party] = attrs.field(init=False, repr=False, eq=False)
    outsiders: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    """The canonical names of the listed parties that are not parties to the agreement."""

    def __attrs_post_init__(self) -> None:
        index: dict[str, Party] = {}
        for party in self.parties:
            for name in party.names:
                # Interned: the same folded names recur across a portfolio's agreements.
                key = sys.intern(name.casefold())
                if key in index and index[key] is not party:
                    raise AgreementError(
                        f"The name {name!r} is used by both {index[key].name!r} and "
                        f"{party.name!r}; every party name and alias must be unique."
                    ).at(field="parties")
                index[key] = party
        for party in self.parties:
            for name in party.names:
                index[name] = party
        # A read-only view: nothing reached through a built registry can change it.
        object.__setattr__(self, "_index", MappingProxyType(index))
        object.__setattr__(self, "outsiders", frozen(p.name for p in self.parties if p.outsider))

    def __reduce__(self) -> tuple[type[PartyRegistry], tuple[tuple[Party, ...]]]:
        # Rebuilt from its parties: the read-only look-up tables do not pickle.
        return (PartyRegistry, (self.parties,))

    def __iter__(self) -> Iterator[Party]:
        return iter(self.parties)

    def __len__(self) -> int:
        return len(self.parties)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.casefold() in self._index

    def known_names(self) -> tuple[str, ...]:
        """Every canonical name and alias, sorted."""
        return tuple(sorted(n for p in self.parties for n in p.names))

    def resolve(self, name: str, *, where: str = "") -> Party:
        """Return the party called ``name`` (a name or an alias, any case).

        Args:
            name: the name or alias to look up.
            where: what is being resolved, for the error message
                (``"ProcureCompute.provider"``).

        Raises:
            UnknownPartyError: with the closest known names.
        """
        if isinstance(name, Party):
            name = name.name
        if not isinstance(name, str):
            raise UnknownPartyError.for_name(repr(name), self.known_names(), where=where)
        try:
            return self._index[name.strip().casefold()]
        except KeyError:
            raise UnknownPartyError.for_name(name, self.known_names(), where=where) from None

    def spelled(self, name: object) -> str | None:
        """The canonical name of ``name`` spelled exactly as a name or alias; else None.

        The look-up without case folding or an error: :meth:`canonical` says why a
        name that is not found is refused.
        """
        party = self._index.get(name) if type(name) is str else None
        if party is not None and (name == party.name or name in party.aliases):
            return party.name
        return None

    def canonical(self, name: str, *, where: str = "") -> str:
        """The canonical name of the party called ``name``."""
        party = self._index.get(name) if type(name) is str else None
        if party is not None and (name == party.name or name in party.aliases):
            return party.name
        return self.resolve(name, where=where).name
