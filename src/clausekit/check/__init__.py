"""The consistency checker: what an agreement says that cannot all be true, or looks mistaken.

Construction already refuses what can never make sense (a clause ended
twice, an unknown party, a clause ending before it starts). :func:`check`
looks for what construction cannot catch, because each piece is fine on its
own: two exclusivities in force together for different beneficiaries, a
purchase recorded while an exclusivity forbids it, a waiver with nothing to
waive, an amendment announced long after it took effect, an excerpt that is
not in its source. Each :class:`Diagnostic` has a severity, a stable code, the
clause and amendment ids, the days it concerns, and the evidence behind it.

======================================  ========  =====================================================
code                                    severity  what it means
======================================  ========  =====================================================
``contradictory-exclusivity``           error     two exclusivities bind one party, same verb and scope,
                                                  to different beneficiaries, at the same time
``purchase-under-exclusivity``          error/    a compute deal or spend commitment with a provider an
                                        warning   exclusivity (or flat prohibition) in force excludes
``purchase-under-first-refusal``        info      a purchase from a third party while a right of first
                                                  refusal covers it: the holder must have let it go
``competing-first-refusals``            warning   two holders of a right of first refusal over the
                                                  same action at the same time
``licence-overlaps-exclusive``         warning   a licence of IP that another licensee holds
                                                  exclusively, on shared subjects at the same time
``unreachable-carve-out``               warning   a carve-out for subjects its clause's scope never
                                                  covers: no action can reach it
``never-in-force``                      warning   a clause ended on the day it takes effect
``ends-expired-clause``                 warning   an amendment ends a clause whose own term already
                                                  ended it
``agi-clause-out-of-force``             warning   an AGI clause names a clause never in force while the
                                                  AGI clause is
``waiver-waives-nothing``               warning   a waiver with no clause in force needing its consent
``self-consent``                        warning   a clause the bound party can lift by its own consent
``same-party-both-sides``               warning   one party on both sides of a clause
``announced-long-after``                warning   announced more than ``retroactive_days`` after it took
                                                  effect (retroactive amendments are real: a flag)
``announced-long-before``               warning   announced more than ``advance_days`` before it took
                                                  effect
``announced-before-what-it-changes``    warning   an amendment public before the one that added a clause
                                                  it ends: ``as_known_on`` fails in between
``announced-before-a-report``           warning   an amendment public before the day a clause it names
                                                  was first reported: ``as_known_on`` fails in between
``same-day-amendments``                 warning   two amendments on one day touch the same clause: the
                                                  result depends on their order in the list
``uncertain-date-changes-order``        warning   another amendment takes effect inside an uncertain
                                                  effective date: their order is not known
``excerpt-not-in-source``               error     a seed excerpt that does not occur in its article
``source-missing``                      warning   a cited seed article is not in the ``sources`` folder
``unknown-claim``                       warning   evidence names a claim id the evidence base lacks
``evidence-differs-from-claim``         warning   evidence names a claim but quotes something else
``disputed-evidence``                   info      evidence rests on a claim the sources disagree about
======================================  ========  =====================================================

Examples:
    >>> import clausekit as ck
    >>> src = ck.OutsideSource(url="https://example.org/d", title="Deal", published="2020-01-01",
    ...                        gloss="Acme distributes only via Beta, and only via Gamma")
    >>> def only_with(clause_id, beneficiary):
    ...     return ck.Exclusivity(id=clause_id, title=f"Only {beneficiary}", evidence=[src],
    ...                           bound="Acme", beneficiary=beneficiary,
    ...                           verb="appoint-distributor", scope=["DE"])
    >>> deal = ck.Agreement(id="d", title="Deal", parties=[ck.Party(n) for n in ("Acme", "Beta", "Gamma")],
    ...     amendments=[ck.Amendment(id="signed", title="Signed", effective="2020-01-01", evidence=[src],
    ...                              adds=[only_with("excl-beta", "Beta"), only_with("excl-gamma", "Gamma")])])
    >>> report = deal.check()
    >>> report.has_errors
    True
    >>> [(f.severity.value, f.code, f.clauses) for f in report]
    [('error', 'contradictory-exclusivity', ('excl-beta', 'excl-gamma'))]


Clause kinds take part through hooks on :class:`~clausekit.ClauseBase`:
``check(ctx)`` yields a kind's own diagnostics (most codes above come from
the bundled kinds' hooks), ``references()``, ``consent_parties()``,
``verbs()`` and ``subjects()`` tell the shared checks what a clause refers
to, whose consent lifts it and what it speaks of, and
``restricted_parties()`` and ``allowed_counterparty()`` whom it may refuse. The checker itself knows
no clause kind, so a kind defined outside clausekit is checked like a
bundled one. The package holds one module per concern:

======================  ============================================================
module                  holds
======================  ============================================================
``diagnostic``          :class:`Severity`, :class:`Diagnostic`
``report``              :class:`Report`
``lives``               clause lives as the agreement computes them
``index``               the interval index that keeps the run n·log n
``context``             :class:`CheckContext`, what a kind's ``check`` hook consults
``overlaps``            clauses in force together that clash, or rule on a record
``parties``             one party on both sides, self-consent
``references``          clauses naming clauses never in force with them
``dates``               lifetimes, announcements, same-day amendments
``evidence``            excerpts, sources and claims
``run``                 :func:`check`, the entry point
======================  ============================================================
"""

from __future__ import annotations

from clausekit.check.context import CheckContext
from clausekit.check.diagnostic import Diagnostic, Severity
from clausekit.check.lives import Life
from clausekit.check.report import Report
from clausekit.check.run import check

__all__ = ["CheckContext", "Diagnostic", "Life", "Report", "Severity", "check"]
