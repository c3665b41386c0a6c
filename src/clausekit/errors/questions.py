"""Agreements, questions, facts, actions and renderings that cannot be built or answered as given."""

from __future__ import annotations

from collections.abc import Sequence

from clausekit.errors.base import ClauseKitError, closest, did_you_mean, shown


class AmbiguityError(ClauseKitError, ValueError):
    """The answer would depend on a guess clausekit refuses to make."""


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


class QuestionTooLargeError(ClauseKitError, ValueError):
    """A question over a period whose answer is too large to work out within the limit.

    Each stretch between change points lists every ruling of the clauses in
    force that speak to the action, so a period crossing thousands of changes,
    each with thousands of such clauses, has an answer of millions of rulings.
    clausekit refuses it up front rather than run for minutes.

    Attributes:
        question: what was asked (``"timeline"``, ``"compare"``).
        size: the rulings the answer would take (clauses speaking to the
            action, counted once per stretch of the period).
        limit: the most clausekit works out for one question.
        clauses: the clauses that speak to the action.
        stretches: the stretches between change points in the period.
    """

    def __init__(
        self,
        message: str,
        *,
        question: str = "",
        size: int = 0,
        limit: int = 0,
        clauses: int = 0,
        stretches: int = 0,
    ) -> None:
        super().__init__(message)
        self.question = question
        self.size = size
        self.limit = limit
        self.clauses = clauses
        self.stretches = stretches

    @classmethod
    def for_question(
        cls,
        question: str,
        *,
        action: str,
        period: object,
        size: int,
        limit: int,
        clauses: int,
        stretches: int,
    ) -> QuestionTooLargeError:
        return cls(
            f"{question}() of {action!r} over {period} would take {size:,} rulings "
            f"({clauses:,} clauses that speak to the action, in force across {stretches:,} "
            f"stretches between changes), more than the {limit:,} clausekit works out for one "
            "question. Ask about a shorter period, or a narrower action (a subject, a "
            "counterparty) that fewer clauses speak to; ask(on=day) answers any single day.",
            question=question,
            size=size,
            limit=limit,
            clauses=clauses,
            stretches=stretches,
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
