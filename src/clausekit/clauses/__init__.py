"""The bundled clause kinds, one module each.

Every kind registers itself in :data:`clausekit.registry.CLAUSE_KINDS` by its
``kind=`` class keyword; user-defined kinds join the same registry.

Each kind decides which actions it governs and how it rules on them:

============================  =========================================================
kind (file tag)               class
============================  =========================================================
``exclusivity``               :class:`Exclusivity`
``right-of-first-refusal``    :class:`RightOfFirstRefusal`
``consent-requirement``       :class:`ConsentRequirement`
``waiver``                    :class:`Waiver`
``agi``                       :class:`AGIClause`
``ip-license``                :class:`IPLicense`
``permission``                :class:`Permission`
``revenue-share``             :class:`RevenueShare`
``spend-commitment``          :class:`SpendCommitment`
``compute-deal``              :class:`ComputeDeal`
============================  =========================================================
"""

from __future__ import annotations

from typing import TypeAlias

from clausekit.clauses.agi import AGIClause, AGITrigger
from clausekit.clauses.base import ClauseBase, Context, Resolved
from clausekit.clauses.carve_out import CarveOut
from clausekit.clauses.commitments import ComputeDeal, SpendCommitment
from clausekit.clauses.consent import ConsentRequirement
from clausekit.clauses.exclusivity import Exclusivity
from clausekit.clauses.ip_license import IPLicense
from clausekit.clauses.payment import Payment
from clausekit.clauses.permission import Permission
from clausekit.clauses.revenue_share import RevenueShare
from clausekit.clauses.rofr import RightOfFirstRefusal, RofrTrigger
from clausekit.clauses.trigger import Trigger
from clausekit.clauses.waiver import Waiver
from clausekit.registry import CLAUSE_KINDS

__all__ = [
    "CLAUSE_KINDS",
    "AGIClause",
    "AGITrigger",
    "CarveOut",
    "Clause",
    "ClauseBase",
    "ComputeDeal",
    "ConsentRequirement",
    "Context",
    "Exclusivity",
    "IPLicense",
    "Payment",
    "Permission",
    "Resolved",
    "RevenueShare",
    "RightOfFirstRefusal",
    "RofrTrigger",
    "SpendCommitment",
    "Trigger",
    "Waiver",
]

Clause: TypeAlias = ClauseBase
"""Any clause, of a bundled kind or a user-defined one."""
