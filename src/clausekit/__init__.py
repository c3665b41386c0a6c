"""clausekit: contract clauses as typed, immutable values, answered with cited verdicts.

The names here are the library's public surface; everything else is an
implementation detail.

Examples:
    >>> import clausekit as ck
    >>> ck.Outcome.CONDITIONAL.value
    'conditional'
"""

import importlib
from typing import TYPE_CHECKING, Any

from clausekit.actions import (
    Act,
    Action,
    ActionBase,
    AppointDistributor,
    ProcureCompute,
    TransferShares,
    UseIP,
    Verb,
    Workload,
)
from clausekit.agreement import (
    Agreement,
    Amendment,
    InForce,
    Owed,
    Replacement,
    Share,
    Vocabulary,
)
from clausekit.clauses import (
    AGIClause,
    CarveOut,
    Clause,
    ClauseBase,
    ComputeDeal,
    ConsentRequirement,
    Context,
    Exclusivity,
    IPLicense,
    Payment,
    Permission,
    Resolved,
    RevenueShare,
    RightOfFirstRefusal,
    RofrTrigger,
    SpendCommitment,
    Trigger,
    Waiver,
)
from clausekit.errors import (
    AgreementError,
    AmbiguityError,
    ArgumentTypeError,
    ClauseKitError,
    ContractFileError,
    ContradictoryFactsError,
    CurrencyMismatchError,
    EvidenceError,
    ExtensionError,
    InvalidActionError,
    InvalidAmountError,
    InvalidDateError,
    InvalidFactError,
    InvalidPeriodError,
    InvalidRateError,
    KindError,
    NotADayError,
    PortfolioError,
    QuestionError,
    QuestionTooLargeError,
    RenderFormatError,
    UnknownClauseError,
    UnknownFieldError,
    UnknownKindError,
    UnknownPartyError,
    UnknownTermError,
)
from clausekit.evidence import Evidence, OutsideSource, SeedExcerpt
from clausekit.money import Money
from clausekit.parties import Party, PartyRegistry
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
    Revenue,
    Scenario,
)
from clausekit.time import DateRange, Period
from clausekit.timeline import Change, Comparison, Segment, Timeline
from clausekit.verdict import Condition, Finding, Outcome, Reading, Ruling, Verdict

if TYPE_CHECKING:
    from clausekit import models
    from clausekit.check import CheckContext, Diagnostic, Report, Severity
    from clausekit.io import dump, dumps, load, loads
    from clausekit.portfolio import evaluate_many, timeline_many

__version__ = "0.1.0"

# Contract files need cattrs, PyYAML and tomli-w: clausekit.io is imported on first use of
# these names, so `import clausekit` stays fast for code that builds agreements in Python.
_LAZY = {
    "dump": "clausekit.io",
    "dumps": "clausekit.io",
    "load": "clausekit.io",
    "loads": "clausekit.io",
    # What Agreement.check() returns; the checker loads the evidence base's code.
    "CheckContext": "clausekit.check",
    "Diagnostic": "clausekit.check",
    "Report": "clausekit.check",
    "Severity": "clausekit.check",
    # Portfolio questions: loaded on first use, like the rest, to keep the import short.
    "evaluate_many": "clausekit.portfolio",
    "timeline_many": "clausekit.portfolio",
}
# Bundled models: a subpackage, imported on first use of ck.models.
_LAZY_MODULES = {"models": "clausekit.models"}


def __getattr__(name: str) -> Any:
    if name in _LAZY_MODULES:
        value = importlib.import_module(_LAZY_MODULES[name])
        globals()[name] = value
        return value
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'clausekit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_LAZY_MODULES})


__all__ = [
    "AGIClause",
    "AGIDeclared",
    "Act",
    "Action",
    "ActionBase",
    "Agreement",
    "AgreementError",
    "AmbiguityError",
    "Amendment",
    "AppointDistributor",
    "ArgumentTypeError",
    "AssumedRate",
    "CannotMeetRequirements",
    "CarveOut",
    "Change",
    "CheckContext",
    "Clause",
    "ClauseBase",
    "ClauseKitError",
    "Comparison",
    "ComputeDeal",
    "Condition",
    "ConsentGiven",
    "ConsentRefused",
    "ConsentRequested",
    "ConsentRequirement",
    "Context",
    "ContractFileError",
    "ContradictoryFactsError",
    "CurrencyMismatchError",
    "DateRange",
    "Diagnostic",
    "Disputed",
    "Evidence",
    "EvidenceError",
    "Exclusivity",
    "ExtensionError",
    "Fact",
    "Finding",
    "IPLicense",
    "InForce",
    "InvalidActionError",
    "InvalidAmountError",
    "InvalidDateError",
    "InvalidFactError",
    "InvalidPeriodError",
    "InvalidRateError",
    "KindError",
    "Money",
    "NotADayError",
    "OfferAccepted",
    "OfferDeclined",
    "OfferMade",
    "Outcome",
    "OutsideSource",
    "Owed",
    "Party",
    "PartyRegistry",
    "Payment",
    "Period",
    "Permission",
    "PortfolioError",
    "ProcureCompute",
    "QuestionError",
    "QuestionTooLargeError",
    "Reading",
    "RenderFormatError",
    "Replacement",
    "Report",
    "Resolved",
    "Revenue",
    "RevenueShare",
    "RightOfFirstRefusal",
    "RofrTrigger",
    "Ruling",
    "Scenario",
    "SeedExcerpt",
    "Segment",
    "Severity",
    "Share",
    "SpendCommitment",
    "Timeline",
    "TransferShares",
    "Trigger",
    "UnknownClauseError",
    "UnknownFieldError",
    "UnknownKindError",
    "UnknownPartyError",
    "UnknownTermError",
    "UseIP",
    "Verb",
    "Verdict",
    "Vocabulary",
    "Waiver",
    "Workload",
    "__version__",
    "dump",
    "dumps",
    "evaluate_many",
    "load",
    "loads",
    "models",
    "timeline_many",
]
