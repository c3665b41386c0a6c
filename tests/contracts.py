"""Two small contracts that have nothing to do with the bundled model, built in Python.

They prove the engine is general: a distribution agreement with a territorial
exclusivity, and a shareholders' agreement with a right of first refusal on
share transfers and a consent requirement.
"""

from __future__ import annotations

import clausekit as ck

DIST_SOURCE = ck.OutsideSource(
    url="https://example.org/contracts/acme-beta-distribution",
    title="Acme–Beta distribution agreement (test fixture)",
    published="2020-01-01",
    gloss="Acme appoints Beta as exclusive distributor for Germany and Austria.",
)
DIST_RENEWAL = ck.OutsideSource(
    url="https://example.org/contracts/acme-beta-renewal",
    title="Acme–Beta renewal (test fixture)",
    published="2023-06-15",
    gloss="Austria is carved out; Germany stays exclusive until 2026.",
)


def distribution_agreement() -> ck.Agreement:
    """Acme appoints Beta exclusive distributor in DE and AT; Austria is freed in 2023."""
    return ck.Agreement(
        id="acme-beta",
        title="Acme–Beta distribution",
        parties=[
            ck.Party("Acme GmbH", aliases=("Acme",)),
            ck.Party("Beta Vertrieb", aliases=("Beta",)),
            ck.Party("Gamma Handel", aliases=("Gamma",)),
        ],
        amendments=[
            ck.Amendment(
                id="signed",
                title="Distribution agreement signed",
                effective="2020-01-01",
                announced="2020-01-01",
                evidence=[DIST_SOURCE],
                adds=[
                    ck.Exclusivity(
                        id="territory",
                        title="Exclusive distributor for DE and AT",
                        evidence=[DIST_SOURCE],
                        bound="Acme",
                        beneficiary="Beta",
                        verb="appoint-distributor",
                        scope=["DE", "AT"],
                        consent_by="Beta",
                    )
                ],
            ),
            ck.Amendment(
                id="renewal",
                title="Renewal: Austria carved out",
                effective="2023-07-01",
                announced="2023-06-15",
                evidence=[DIST_RENEWAL],
                replaces=[
                    ck.Replacement(
                        "territory",
                        ck.Exclusivity(
                            id="territory-de",
                            title="Exclusive distributor for DE",
                            evidence=[DIST_RENEWAL],
                            bound="Acme",
                            beneficiary="Beta",
                            verb="appoint-distributor",
                            scope=["DE"],
                            until="2026-01-01",
                        ),
                    )
                ],
            ),
        ],
    )


SHA_SOURCE = ck.OutsideSource(
    url="https://example.org/contracts/sha",
    title="Shareholders' agreement of Nordlicht AG (test fixture)",
    published="2018-03-01",
    gloss="Shares offered to the other shareholder first; transfers to competitors need board consent.",
)


def shareholders_agreement() -> ck.Agreement:
    """Ann must offer shares to Bob first; sales to a competitor also need the board's consent."""
    return ck.Agreement(
        id="nordlicht-sha",
        title="Nordlicht shareholders' agreement",
        parties=[
            ck.Party("Ann"),
            ck.Party("Bob"),
            ck.Party("Board", aliases=("Supervisory Board",)),
            ck.Party("Rival Corp"),
            ck.Party("Friendly Fund"),
        ],
        amendments=[
            ck.Amendment(
                id="sha",
                title="Shareholders' agreement",
                effective="2018-03-01",
                evidence=[SHA_SOURCE],
                adds=[
                    ck.RightOfFirstRefusal(
                        id="rofr-shares",
                        title="Right of first refusal on shares",
                        evidence=[SHA_SOURCE],
                        grantor="Ann",
                        holder="Bob",
                        verb="transfer-shares",
                        triggers=["declined"],
                    ),
                    ck.ConsentRequirement(
                        id="competitor-consent",
                        title="Board consent for sales to competitors",
                        evidence=[SHA_SOURCE],
                        bound="Ann",
                        consent_by="Board",
                        verb="transfer-shares",
                        counterparties=["Rival Corp"],
                    ),
                ],
            )
        ],
    )
