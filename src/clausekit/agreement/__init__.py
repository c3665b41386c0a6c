"""Amendments, agreements, and the questions an agreement answers.

An :class:`Agreement` is its parties plus an ordered list of
:class:`Amendment` s; the first one is the original agreement. The clauses in
force on a day are derived from the amendments (never stored twice): the
agreement compiles, once, the days on which the set of clauses in force
changes, and answers each question by bisection over those days.

Examples:
    >>> import clausekit as ck
    >>> src = ck.OutsideSource(url="https://example.org/d", title="Distribution agreement",
    ...                        published="2020-01-01", gloss="Acme distributes only via Beta in DE")
    >>> deal = ck.Agreement(
    ...     id="acme-beta", title="Acme–Beta distribution",
    ...     parties=[ck.Party("Acme"), ck.Party("Beta"), ck.Party("Gamma")],
    ...     amendments=[ck.Amendment(
    ...         id="original", title="Signed", effective="2020-01-01", evidence=[src],
    ...         adds=[ck.Exclusivity(id="excl-de", title="Exclusive distributor in DE",
    ...                              evidence=[src], bound="Acme", beneficiary="Beta",
    ...                              verb="appoint-distributor", scope=["DE"],
    ...                              consent_by="Beta")])])
    >>> gamma_de = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
    >>> deal.ask(gamma_de, on="2021-05-01").outcome
    <Outcome.CONDITIONAL: 'conditional'>
    >>> deal.ask(gamma_de, on="2019-05-01").outcome   # before the agreement: nothing restricts
    <Outcome.PERMITTED: 'permitted'>
"""

from __future__ import annotations

from clausekit.agreement.amendment import Amendment, InForce, Replacement
from clausekit.agreement.core import Agreement
from clausekit.agreement.owed import Owed, Share
from clausekit.agreement.vocabulary import Vocabulary

__all__ = [
    "Agreement",
    "Amendment",
    "InForce",
    "Owed",
    "Replacement",
    "Share",
    "Vocabulary",
]
