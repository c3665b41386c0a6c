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

from clausekit.errors.base import ClauseKitError, Place, closest, did_you_mean, shown
from clausekit.errors.files import ContractFileError, EvidenceError, FileProblem
from clausekit.errors.lookups import (
    ExtensionError,
    KindError,
    UnknownClauseError,
    UnknownFieldError,
    UnknownKindError,
    UnknownPartyError,
    UnknownTermError,
)
from clausekit.errors.questions import (
    AgreementError,
    AmbiguityError,
    ArgumentTypeError,
    ContradictoryFactsError,
    InvalidActionError,
    InvalidFactError,
    PortfolioError,
    QuestionError,
    QuestionTooLargeError,
    RenderFormatError,
)
from clausekit.errors.values import (
    CurrencyMismatchError,
    InvalidAmountError,
    InvalidDateError,
    InvalidPeriodError,
    InvalidRateError,
    NotADayError,
)

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
    "QuestionTooLargeError",
    "RenderFormatError",
    "UnknownClauseError",
    "UnknownFieldError",
    "UnknownKindError",
    "UnknownPartyError",
    "UnknownTermError",
    "closest",
    "did_you_mean",
    "shown",
]

# Every class is shown, pickled and documented as clausekit.errors.<Name>, the one place
# errors are reached from, whichever module of the package defines it.
for _name in __all__:
    _value = globals()[_name]
    if isinstance(_value, type):
        _value.__module__ = __name__
