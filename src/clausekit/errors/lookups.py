"""Names that are not known: parties, clauses, kinds, terms, extensions; and kinds that cannot register."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from clausekit.errors.base import ClauseKitError, closest, did_you_mean, shown


class _NotKnown(ClauseKitError, LookupError):
    """A name that is not known, with the known ones it looks like (``suggestions``)."""

    def __init__(self, message: str, *, suggestions: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.suggestions = tuple(suggestions)

    def __str__(self) -> str:
        # LookupError would otherwise repr() the message like KeyError does.
        return str(self.args[0])


class UnknownPartyError(_NotKnown):
    """A party name or alias that the agreement does not know."""

    def __init__(self, message: str, *, name: str = "", suggestions: Sequence[str] = ()) -> None:
        super().__init__(message, suggestions=suggestions)
        self.name = name

    @classmethod
    def for_name(cls, name: str, known: Iterable[str], *, where: str = "") -> UnknownPartyError:
        known = sorted(set(known))
        suggestions = closest(name, known)
        place = f" in {where}" if where else ""
        return cls(
            f"Unknown party {name!r}{place}.{did_you_mean(suggestions)} "
            f"Known parties and aliases: {', '.join(known)}.",
            name=name,
            suggestions=suggestions,
        )


class UnknownClauseError(_NotKnown):
    """A clause id that is not part of the agreement.

    Attributes:
        clause_id: the id as given.
        suggestions: known ids that look like it, best first.
        where: what named it (an amendment, a clause, a fact).
    """

    def __init__(
        self, message: str, *, clause_id: str = "", suggestions: Sequence[str] = (), where: str = ""
    ) -> None:
        super().__init__(message, suggestions=suggestions)
        self.clause_id = clause_id
        self.where = where

    @classmethod
    def for_id(cls, clause_id: str, known: Iterable[str], *, where: str) -> UnknownClauseError:
        known = sorted(set(known))
        suggestions = closest(clause_id, known)
        return cls(
            f"{where} names clause {clause_id!r}, which no earlier amendment added."
            f"{did_you_mean(suggestions)} "
            f"Clause ids known at that point: {', '.join(known) or '(none)'}.",
            clause_id=clause_id,
            suggestions=suggestions,
            where=where,
        )


class UnknownFieldError(_NotKnown):
    """A field of a clause that a term reference names but the clause's kind does not have
    (or has without a default to fall back on).

    Attributes:
        field: the field as given.
        clause_id: the clause it was looked up on.
        kind: the clause's kind.
        suggestions: fields of the kind that look like it, best first.
        where: what named it (an amendment's ``reported``).
    """

    def __init__(
        self,
        message: str,
        *,
        field: str = "",
        clause_id: str = "",
        kind: str = "",
        suggestions: Sequence[str] = (),
        where: str = "",
    ) -> None:
        super().__init__(message, suggestions=suggestions)
        self.field = field
        self.clause_id = clause_id
        self.kind = kind
        self.where = where

    @classmethod
    def for_field(
        cls,
        field: str,
        known: Iterable[str],
        *,
        clause_id: str,
        kind: str,
        where: str,
        required: bool = False,
    ) -> UnknownFieldError:
        known = sorted(set(known))
        suggestions = [] if required else closest(field, known)
        why = (
            "is required, so it has no default to stand for it undisclosed; report the whole "
            f"clause {clause_id!r} instead."
            if required
            else f"is not a field of a {kind} clause.{did_you_mean(suggestions)}"
        )
        return cls(
            f"{where} names {clause_id + '.' + field!r}, but {field!r} {why} Fields that may be "
            f"reported later: {', '.join(known) or '(none)'}.",
            field=field,
            clause_id=clause_id,
            kind=kind,
            suggestions=suggestions,
            where=where,
        )


class UnknownKindError(_NotKnown):
    """A clause or fact kind that no registered class has.

    Attributes:
        kind: the kind as given.
        family: ``"clause"`` or ``"fact"``.
        suggestions: registered kinds that look like it, best first.
    """

    def __init__(
        self, message: str, *, kind: str = "", family: str = "", suggestions: Sequence[str] = ()
    ) -> None:
        super().__init__(message, suggestions=suggestions)
        self.kind = kind
        self.family = family

    @classmethod
    def for_kind(
        cls, kind: object, known: Iterable[str], *, family: str, where: str = ""
    ) -> UnknownKindError:
        known = sorted(set(known))
        text = kind if isinstance(kind, str) else shown(kind)
        suggestions = closest(text, known) if isinstance(kind, str) else []
        place = f" in {where}" if where else ""
        return cls(
            f"Unknown {family} kind {shown(kind)}{place}.{did_you_mean(suggestions)} "
            f"Registered {family} kinds: {', '.join(known) or '(none)'}. A kind of your own "
            "registers itself when its module is imported (clausekit --import MODULE on the "
            "command line).",
            kind=text,
            family=family,
            suggestions=suggestions,
        )


class KindError(ClauseKitError, TypeError):
    """A class that cannot be registered as a clause or fact kind as written.

    Attributes:
        kind: the kind asked for.
        cls: the class being registered.
        other: the class already registered under that kind, if any.
    """

    def __init__(
        self, message: str, *, kind: str = "", cls: object = None, other: object = None
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.cls = cls
        self.other = other


class UnknownTermError(_NotKnown):
    """A verb or subject that looks like a misspelling of one the agreement's clauses speak of.

    Attributes:
        term: the verb or subject as given.
        role: ``"verb"`` or ``"subject"``.
        suggestions: the known terms it resembles, best first.
    """

    def __init__(
        self, message: str, *, term: str = "", role: str = "", suggestions: Sequence[str] = ()
    ) -> None:
        super().__init__(message, suggestions=suggestions)
        self.term = term
        self.role = role

    @classmethod
    def for_term(
        cls, term: str, suggestions: Sequence[str], *, role: str, agreement: str
    ) -> UnknownTermError:
        return cls(
            f"No clause of {agreement!r} speaks of the {role} {term!r}.{did_you_mean(suggestions)} "
            f"Ask with a {role} from the agreement's vocabulary (Agreement.vocabulary()); a "
            f"{role} unlike every known one is answered by the action's default.",
            term=term,
            role=role,
            suggestions=suggestions,
        )


class ExtensionError(_NotKnown):
    """A module of user kinds (``--import MODULE``) or an installed extension that fails to load.

    Attributes:
        module: the module that was to be imported (``"my_kinds"``).
        entry_point: the entry point's name in the group ``clausekit.extensions``,
            or ``""`` for a module named with ``--import``.
        cause: what importing it raised, in words (``"ModuleNotFoundError: ..."``).
    """

    def __init__(
        self, message: str, *, module: str, entry_point: str = "", cause: str = ""
    ) -> None:
        super().__init__(message)
        self.module = module
        self.entry_point = entry_point
        self.cause = cause

    @classmethod
    def for_module(cls, module: str, cause: BaseException) -> ExtensionError:
        """``--import MODULE`` could not import ``module``."""
        why = f"{type(cause).__name__}: {cause}"
        return cls(
            f"--import {module!r} failed: {why}. Give the dotted name of a module Python can "
            "import (on sys.path or in the current folder), e.g. --import my_kinds.",
            module=module,
            cause=why,
        )

    @classmethod
    def for_entry_point(cls, name: str, value: str, cause: BaseException) -> ExtensionError:
        """The installed extension ``name = value`` could not be loaded."""
        why = f"{type(cause).__name__}: {cause}"
        return cls(
            f"the clausekit extension {name!r} ({value}, entry point group "
            f"'clausekit.extensions') failed to load: {why}. Fix or uninstall the package "
            "that provides it.",
            module=value.partition(":")[0],
            entry_point=name,
            cause=why,
        )
