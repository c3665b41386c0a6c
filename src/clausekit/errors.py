"""Every error clausekit raises, rooted at :class:`ClauseKitError`.

Each leaf also subclasses the built-in exception a caller would expect
(``ValueError`` for a bad value, ``TypeError`` for a value of the wrong type,
``LookupError`` for a name that is not known), so ``except ValueError`` keeps
working. Messages are built in small factory class methods and always say
what was wrong, the offending value, and how to fix it.

Examples:
    >>> from clausekit.errors import ClauseKitError, InvalidDateError
    >>> err = InvalidDateError.for_value("2025-02-30", field="on", why="day is out of range for month")
    >>> isinstance(err, ClauseKitError) and isinstance(err, ValueError)
    True
    >>> print(err)
    on='2025-02-30' is not a calendar day: day is out of range for month. Pass an ISO date such as '2025-01-15'.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple, Self

__all__ = [
    "AgreementError",
    "AmbiguityError",
    "ArgumentTypeError",
    "ClauseKitError",
    "ContractFileError",
    "ContradictoryFactsError",
    "CurrencyMismatchError",
    "EvidenceError",
    "ExtensionError",
    "FileProblem",
    "InvalidActionError",
    "InvalidAmountError",
    "InvalidDateError",
    "InvalidFactError",
    "InvalidPeriodError",
    "InvalidRateError",
    "KindError",
    "NotADayError",
    "Place",
    "PortfolioError",
    "QuestionError",
    "RenderFormatError",
    "UnknownClauseError",
    "UnknownKindError",
    "UnknownPartyError",
    "UnknownTermError",
    "closest",
    "did_you_mean",
    "shown",
]


def closest(name: str, known: Iterable[str], *, n: int = 3) -> list[str]:
    """Return up to ``n`` known names that look like ``name``, best first.

    Matching ignores case, so ``"csi"`` suggests ``"CSI"``.

    Examples:
        >>> closest("Contsoo", ["Contoso", "Fabrikam", "Northwind"])
        ['Contoso']
    """
    import difflib  # only when a suggestion is wanted: not part of `import clausekit`

    by_folded: dict[str, str] = {}
    for candidate in known:
        by_folded.setdefault(candidate.casefold(), candidate)
    folded = name.casefold().strip()
    hits = difflib.get_close_matches(folded, list(by_folded), n=n, cutoff=0.5)
    # A name that starts another ("Amazon" for "Amazon Web Services") is a good guess too.
    prefixed = [k for k in sorted(by_folded) if folded and k.startswith(folded) and k not in hits]
    return [by_folded[hit] for hit in [*hits, *prefixed][:n]]


def did_you_mean(suggestions: Sequence[str]) -> str:
    """`` Did you mean 'a' or 'b'?``, or nothing when there is no suggestion.

    Examples:
        >>> did_you_mean(["Contoso"])
        " Did you mean 'Contoso'?"
    """
    if not suggestions:
        return ""
    return " Did you mean " + " or ".join(repr(s) for s in suggestions) + "?"


def shown(value: object, *, limit: int = 60) -> str:
    """``repr(value)`` for a message, shortened in the middle when long; never fails.

    Examples:
        >>> shown(10**5000)
        '10000000000000000000000000...00000000000000000000 (5001 digits)'
    """
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**limit:
        import decimal

        text = f"{decimal.Decimal(value):f}"  # str(int) refuses over 4300 digits
        return f"{text[: limit // 2 - 4]}...{text[-20:]} ({len(text.lstrip('-'))} digits)"
    try:
        text = repr(value)
    except ValueError:  # a container of a number too long to print
        return f"<{type(value).__name__} holding a number too long to print>"
    return text if len(text) <= limit else f"{text[: limit // 2]}...{text[-20:]}"


class Place(NamedTuple):
    """Where in an agreement an error is: an amendment, a clause in it, a field, by id and name.

    Attributes:
        amendment: the id of the amendment, or None.
        clause: the id of the clause (added or named by the amendment), or None.
        field: the field of the clause (or, without a clause, of the amendment), or None.
        item: the entry of a list field the error is about (a clause id in ``ends``), or None.
    """

    amendment: str | None = None
    clause: str | None = None
    field: str | None = None
    item: str | None = None


class ClauseKitError(Exception):
    """The root of every error clausekit raises on purpose.

    Attributes:
        place: where in the agreement the error is (a :class:`Place`), when the
            engine knows it; contract files turn it into a field path and a line.
    """

    place: Place | None = None

    def at(
        self,
        *,
        amendment: str | None = None,
        clause: str | None = None,
        field: str | None = None,
        item: str | None = None,
    ) -> Self:
        """This error, marked with where it is (see :class:`Place`); returns itself for ``raise``.

        Examples:
            >>> AgreementError("Two amendments share the id 'a'.").at(amendment="a", field="id").place
            Place(amendment='a', clause=None, field='id', item=None)
        """
        self.place = Place(amendment, clause, field, item)
        return self


class _Valued(Exception):
    """Carries the offending value and where it was given, as attributes.

    Attributes:
        value: the value as the caller gave it.
        field: the argument or field it was given as (``"on"``, ``"Money.amount"``).
    """

    def __init__(self, message: str, *, value: object = None, field: str = "") -> None:
        super().__init__(message)
        self.value = value
        self.field = field


class InvalidDateError(_Valued, ClauseKitError, ValueError):
    """A value that should name a calendar day does not name one."""

    @classmethod
    def for_value(cls, value: object, *, field: str, why: str | None = None) -> InvalidDateError:
        reason = f": {why}" if why else ""
        return cls(
            f"{field}={shown(value)} is not a calendar day{reason}. "
            "Pass an ISO date such as '2025-01-15'.",
            value=value,
            field=field,
        )


class NotADayError(_Valued, ClauseKitError, TypeError):
    """A timestamp, or a value of another type, was given where a calendar day is needed."""

    @classmethod
    def for_datetime(cls, value: object, *, field: str) -> NotADayError:
        return cls(
            f"{field}={shown(value)} is a date and time, but clausekit answers per calendar day. "
            f"Pass a calendar day instead, e.g. {field}={str(value)[:10]!r}.",
            value=value,
            field=field,
        )

    @classmethod
    def for_type(cls, value: object, *, field: str) -> NotADayError:
        return cls(
            f"Expected a calendar day for {field} (a pendulum.Date, a datetime.date or an ISO "
            f"string like '2025-01-15') but got {type(value).__name__} {field}={shown(value)}.",
            value=value,
            field=field,
        )


class InvalidPeriodError(_Valued, ClauseKitError, ValueError):
    """A period is empty, inverted, or written in a form clausekit does not read."""

    @classmethod
    def inverted(cls, start: object, end: object, *, where: str = "period") -> InvalidPeriodError:
        return cls(
            f"{where} ends on {end} but starts on {start}: a period is half-open [start, end) and "
            "must end after it starts. Swap the dates, or leave end out for an open-ended period.",
            value=end,
            field=where,
        )

    @classmethod
    def past_last_day(cls, text: str, first: object, *, field: str) -> InvalidPeriodError:
        flag = field.startswith("--")  # the command line: suggest its options
        on = "--on 9999-12-31" if flag else "on='9999-12-31'"
        during = f"--during {first}/9999-12-31" if flag else f"during='{first}/9999-12-31'"
        before = "" if str(first) == "9999-12-31" else f", or {during} before it"
        return cls(
            f"{field}={text!r} reaches 9999-12-31, the last day clausekit can name; a period "
            f"ends on the day after its last day, and there is none. Ask {on} about "
            f"that day{before}.",
            value=text,
            field=field,
        )

    @classmethod
    def unreadable(cls, value: object, *, field: str) -> InvalidPeriodError:
        return cls(
            f"{field}={shown(value)} does not name a period. Use a year ('2025'), a month ('2025-01'), "
            "a day ('2025-01-15'), an ISO interval ('2025-01-01/2025-03-01', end excluded, "
            "or '2025-01-01/..' for open-ended) or a clausekit.Period.",
            value=value,
            field=field,
        )


class AmbiguityError(ClauseKitError, ValueError):
    """The answer would depend on a guess clausekit refuses to make."""


class UnknownPartyError(ClauseKitError, LookupError):
    """A party name or alias that the agreement does not know."""

    def __init__(self, message: str, *, name: str = "", suggestions: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.name = name
        self.suggestions = tuple(suggestions)

    def __str__(self) -> str:
        # LookupError would otherwise repr() the message like KeyError does.
        return str(self.args[0])

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


class UnknownClauseError(ClauseKitError, LookupError):
    """A clause id that is not part of the agreement.

    Attributes:
        clause_id: the id as given.
        suggestions: known ids that look like it, best first.
        where: what named it (an amendment, a clause, a fact).
    """

    def __init__(
        self, message: str, *, clause_id: str = "", suggestions: Sequence[str] = (), where: str = ""
    ) -> None:
        super().__init__(message)
        self.clause_id = clause_id
        self.suggestions = tuple(suggestions)
        self.where = where

    def __str__(self) -> str:
        return str(self.args[0])

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


class UnknownKindError(ClauseKitError, LookupError):
    """A clause or fact kind that no registered class has.

    Attributes:
        kind: the kind as given.
        family: ``"clause"`` or ``"fact"``.
        suggestions: registered kinds that look like it, best first.
    """

    def __init__(
        self, message: str, *, kind: str = "", family: str = "", suggestions: Sequence[str] = ()
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.family = family
        self.suggestions = tuple(suggestions)

    def __str__(self) -> str:
        return str(self.args[0])

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


class UnknownTermError(ClauseKitError, LookupError):
    """A verb or subject that looks like a misspelling of one the agreement's clauses speak of.

    Attributes:
        term: the verb or subject as given.
        role: ``"verb"`` or ``"subject"``.
        suggestions: the known terms it resembles, best first.
    """

    def __init__(
        self, message: str, *, term: str = "", role: str = "", suggestions: Sequence[str] = ()
    ) -> None:
        super().__init__(message)
        self.term = term
        self.role = role
        self.suggestions = tuple(suggestions)

    def __str__(self) -> str:
        return str(self.args[0])

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


class AgreementError(ClauseKitError, ValueError):
    """An agreement or amendment that cannot be built as given."""


class ArgumentTypeError(ClauseKitError, TypeError):
    """An argument of the wrong type.

    Attributes:
        argument: the argument's name as the caller wrote it (``"aliases"``).
        value: the value given.
        expected: what it should have been, in words.
        fix: how to call it instead.

    Examples:
        >>> err = ArgumentTypeError.for_value(None, argument="aliases",
        ...     expected="a tuple of names", fix="Pass aliases=() for none.")
        >>> print(err)
        Expected a tuple of names for aliases but got NoneType aliases=None. Pass aliases=() for none.
        >>> err.argument, err.value
        ('aliases', None)
    """

    def __init__(
        self,
        message: str,
        *,
        argument: str = "",
        value: object = None,
        expected: str = "",
        fix: str = "",
    ) -> None:
        super().__init__(message)
        self.argument = argument
        self.value = value
        self.expected = expected
        self.fix = fix

    @classmethod
    def for_value(
        cls, value: object, *, argument: str, expected: str, fix: str
    ) -> ArgumentTypeError:
        return cls(
            f"Expected {expected} for {argument} but got {type(value).__name__} "
            f"{argument}={shown(value)}. {fix}",
            argument=argument,
            value=value,
            expected=expected,
            fix=fix,
        )


class PortfolioError(ClauseKitError, ValueError):
    """Some agreements of a portfolio could not answer the question.

    Attributes:
        failures: every :class:`clausekit.portfolio.Failure`, in the order of the agreements.
    """

    def __init__(self, message: str, failures: Sequence[object] = ()) -> None:
        super().__init__(message)
        self.failures = tuple(failures)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (str(self), self.failures))

    @classmethod
    def for_failures(cls, failures: Sequence[object], total: int) -> PortfolioError:
        listed = "\n".join(f"  {f}" for f in failures[:10])
        more = f"\n  ... and {len(failures) - 10} more" if len(failures) > 10 else ""
        return cls(
            f"{len(failures)} of {total} agreements could not answer:\n{listed}{more}\n"
            "Fix those agreements or the question, or use the answers of the others "
            "(iterate over the results; each failure stands in its agreement's place).",
            failures,
        )


class QuestionError(ClauseKitError, TypeError):
    """A question asked with the wrong combination of arguments."""

    @classmethod
    def on_or_during(cls, on: object, during: object) -> QuestionError:
        if on is None and during is None:
            return cls(
                "ask() needs exactly one of on= (a calendar day) or during= (a period); "
                "got neither. Example: deal.ask(action, on='2025-01-15') or "
                "deal.ask(action, during='2025-01')."
            )
        return cls(
            f"ask() needs exactly one of on= or during=, got both (on={on!r}, during={during!r}). "
            "Drop one of them."
        )


class CurrencyMismatchError(ClauseKitError, ValueError):
    """Two amounts in different currencies were combined.

    Attributes:
        amounts: the two amounts (or their text).
        where: what combined them (``"clause 'rs' cap"``).
    """

    def __init__(self, message: str, *, amounts: Sequence[object] = (), where: str = "") -> None:
        super().__init__(message)
        self.amounts = tuple(amounts)
        self.where = where

    @classmethod
    def between(cls, a: object, b: object, *, where: str) -> CurrencyMismatchError:
        return cls(
            f"{where}: cannot combine {a} with {b}, their currencies differ. "
            "Convert one amount first; clausekit never assumes an exchange rate.",
            amounts=(a, b),
            where=where,
        )


class InvalidAmountError(_Valued, ClauseKitError, ValueError):
    """A money amount that is not exact, negative where that makes no sense, or unreadable."""

    @classmethod
    def negative(cls, value: object, *, field: str) -> InvalidAmountError:
        return cls(
            f"{field}={value} is negative; it must be zero or more.", value=value, field=field
        )

    @classmethod
    def inexact(cls, value: object, *, field: str, currency: object = "USD") -> InvalidAmountError:
        example = f"Money('{value}', '{currency}')"
        if not field.startswith("Money."):
            example = f"{field}={example}"
        return cls(
            f"{field}={shown(value)} is a float; money must be exact. "
            f"Pass a string or Decimal instead, e.g. {example}.",
            value=value,
            field=field,
        )

    @classmethod
    def unreadable(cls, value: object, *, field: str) -> InvalidAmountError:
        return cls(
            f"Expected money for {field} (a clausekit.Money, or amount and currency such as "
            f"('38000000000', 'USD')) but got {type(value).__name__} {field}={shown(value)}.",
            value=value,
            field=field,
        )

    @classmethod
    def not_finite(cls, value: object, *, field: str) -> InvalidAmountError:
        return cls(
            f"{field}={shown(value)} is not a finite number; money is an exact, finite amount. "
            f"Write the amount in digits, e.g. {field.rpartition('.')[2]}='38000000000'.",
            value=value,
            field=field,
        )

    @classmethod
    def too_long(cls, value: object, *, field: str, digits: int, limit: int) -> InvalidAmountError:
        return cls(
            f"{field}={shown(value)} has {digits} digits written out; clausekit handles amounts of at "
            f"most {limit} digits. Write the amount in a larger unit, or with fewer digits.",
            value=value,
            field=field,
        )

    @classmethod
    def currency(cls, value: object, *, field: str) -> InvalidAmountError:
        return cls(
            f"{field} has currency {shown(value)}, which is not an ISO 4217 code; use one such as "
            "'USD', 'EUR' or 'GBP'.",
            value=value,
            field=field,
        )


class InvalidRateError(_Valued, ClauseKitError, ValueError):
    """A rate outside [0, 1], or not an exact decimal."""

    @classmethod
    def for_value(cls, value: object, *, field: str) -> InvalidRateError:
        return cls(
            f"{field}={shown(value)} is not a rate: a rate is an exact decimal between 0 and 1 "
            f"(20 % is Decimal('0.20') or '0.20').",
            value=value,
            field=field,
        )

    @classmethod
    def too_long(cls, value: object, *, field: str, digits: int, limit: int) -> InvalidRateError:
        return cls(
            f"{field}={shown(value)} has {digits} digits written out; clausekit handles rates of at "
            f"most {limit} digits. Round the rate to the precision the contract states.",
            value=value,
            field=field,
        )


class ContradictoryFactsError(ClauseKitError, ValueError):
    """A scenario states a fact and its opposite."""

    @classmethod
    def between(cls, a: object, b: object) -> ContradictoryFactsError:
        return cls(
            f"The scenario states both {a!r} and {b!r}, which contradict each other. "
            "Keep one of them, ask twice (once with each), or, where the parties disagree about which holds, state both as Disputed(fact_a, fact_b)."
        )


class InvalidFactError(ClauseKitError, TypeError, ValueError):
    """Something that is not a fact was put in a scenario (a TypeError), or a fact is malformed
    (a ValueError): both ``except`` clauses catch it."""


class InvalidActionError(ClauseKitError, ValueError):
    """An action built with a missing or malformed part.

    Attributes:
        field: the action's field that is wrong.
        value: the value given.
    """

    def __init__(self, message: str, *, field: str = "", value: object = None) -> None:
        super().__init__(message)
        self.field = field
        self.value = value


class EvidenceError(ClauseKitError, ValueError):
    """Evidence that is missing, malformed, or does not match its source.

    Attributes:
        value: the offending value (an unknown claim id, a malformed field), when there is one.
        field: where it was given (``"Claim.topics"``, ``"conflicts.toml: conflicts[2].claims"``).
        ids: the ids of the claims, documents or conflicts involved.
        suggestions: known ids that look like ``value``, best first.
        problems: for an evidence base folder, one line per problem found, each with its file.
    """

    def __init__(
        self,
        message: str,
        *,
        value: object = None,
        field: str = "",
        ids: Sequence[str] = (),
        suggestions: Sequence[str] = (),
        problems: Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        self.value = value
        self.field = field
        self.ids = tuple(ids)
        self.suggestions = tuple(suggestions)
        self.problems = tuple(problems)


class FileProblem:
    """One problem found in a contract file: where it is and what is wrong."""

    __slots__ = ("line", "message", "path")

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line

    def __repr__(self) -> str:
        return f"FileProblem(path={self.path!r}, message={self.message!r}, line={self.line!r})"

    def render(self, file: str) -> str:
        where = file if self.line is None else f"{file}:{self.line}"
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {self.message}"


class ContractFileError(ClauseKitError, ValueError):
    """A contract file that cannot be loaded; lists every problem found, not only the first."""

    def __init__(self, file: str, problems: Sequence[FileProblem]) -> None:
        self.file = file
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{file}: {count} problem{'s' if count != 1 else ''} found"
        body = "\n".join("  " + p.render(file) for p in self.problems)
        super().__init__(f"{head}\n{body}" if body else head)


class RenderFormatError(ClauseKitError, ValueError):
    """A rendering asked for in a format clausekit does not write (or too narrow a width).

    Attributes:
        value: the format (or width) asked for.
        choices: the formats there are (empty for a width).
    """

    def __init__(self, message: str, *, value: object = None, choices: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.value = value
        self.choices = tuple(choices)

    @classmethod
    def for_value(cls, value: object, *, choices: Sequence[str], where: str) -> RenderFormatError:
        suggestions = closest(value, choices) if isinstance(value, str) else []
        return cls(
            f"{where}: format={shown(value)} is not a format clausekit writes; use one of "
            + ", ".join(repr(c) for c in choices)
            + "."
            + did_you_mean(suggestions),
            value=value,
            choices=choices,
        )

    @classmethod
    def for_width(cls, value: int, *, minimum: int, where: str) -> RenderFormatError:
        return cls(
            f"{where}: width={shown(value)} is too narrow to write an explanation in; "
            f"pass a width of {minimum} or more (the default is 88).",
            value=value,
        )


class ExtensionError(ClauseKitError, LookupError):
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

    def __str__(self) -> str:
        return str(self.args[0])

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
