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


# --------------------------------------------------------------------------- issue 11 contracts
# Two contracts that need defaults by action, carve-outs and outsiders.

PATENT_SOURCE = ck.OutsideSource(
    url="https://www.autm.net/AUTMMain/media/Resources/Documents/Nine-Points-Document.pdf",
    title="In the Public Interest: Nine Points to Consider in Licensing University Technology (2007)",
    published="2007-03-06",
    gloss=(
        "Universities that license exclusively reserve the right to practise the licensed "
        "invention, and to let other non-profit institutions practise it, for research "
        "(point 1); exclusive licences are often limited to a field of use (point 2)."
    ),
)


def patent_licence() -> ck.Agreement:
    """A university licenses a patent exclusively to a company, in one field of use,
    keeping research use for itself and other universities (modelled on AUTM's Nine Points).

    Nothing in it lets anyone else use the patent: their use falls to the default.
    """
    return ck.Agreement(
        id="uni-medco-patent",
        title="University–MedCo patent licence",
        parties=[
            ck.Party("State University", aliases=("University",)),
            ck.Party("MedCo Inc.", aliases=("MedCo",)),
        ],
        amendments=[
            ck.Amendment(
                id="licence-2020",
                title="Exclusive licence in the diagnostics field",
                effective="2020-03-01",
                evidence=[PATENT_SOURCE],
                adds=[
                    ck.IPLicense(
                        id="diagnostics-licence",
                        title="Exclusive licence of the patent for diagnostics",
                        evidence=[PATENT_SOURCE],
                        licensor="University",
                        licensee="MedCo",
                        scope=["patent/diagnostics"],
                        exclusive=True,
                        until="2030-03-01",
                        carve_outs=[
                            ck.CarveOut(
                                id="research-use",
                                title="Research use reserved",
                                qualifiers=["research-use"],
                                evidence=[PATENT_SOURCE],
                            )
                        ],
                    )
                ],
            )
        ],
    )


VBER_SOURCE = ck.OutsideSource(
    url="https://eur-lex.europa.eu/eli/reg/2022/720/oj",
    title="Commission Regulation (EU) 2022/720 (Vertical Block Exemption Regulation)",
    published="2022-05-10",
    gloss=(
        "An exclusive distribution system may restrict active sales into a territory "
        "reserved to another distributor, but not passive sales, including online sales "
        "(Article 4(b)); a ban on selling online is a hardcore restriction (Article 4(e))."
    ),
)
SUPPLIERS_SOURCE = ck.OutsideSource(
    url="https://www.ftc.gov/business-guidance/resources/franchise-rule-compliance-guide",
    title="FTC Franchise Rule Compliance Guide",
    published="2008-05-01",
    gloss=(
        "Franchise disclosure must state restrictions on sources of products: franchisees "
        "may be required to buy from the franchisor or approved suppliers (Item 8)."
    ),
)


def franchise_agreement() -> ck.Agreement:
    """A franchisor grants one franchisee Bavaria exclusively (online sales excepted, as EU law
    requires) and lets it buy supplies without consent only from two approved suppliers."""
    return ck.Agreement(
        id="bakery-franchise",
        title="Bakery franchise, Bavaria",
        parties=[
            ck.Party("Brot & Co Franchise GmbH", aliases=("Franchisor",)),
            ck.Party("Müller Backwaren", aliases=("Müller",)),
            ck.Party("Mehlwerk AG", aliases=("Mehlwerk",)),
            ck.Party("Hefe Nord GmbH", aliases=("Hefe Nord",)),
        ],
        amendments=[
            ck.Amendment(
                id="franchise-2023",
                title="Franchise agreement signed",
                effective="2023-01-01",
                evidence=[VBER_SOURCE, SUPPLIERS_SOURCE],
                adds=[
                    ck.Exclusivity(
                        id="bavaria",
                        title="Müller is the only franchisee for Bavaria",
                        evidence=[VBER_SOURCE],
                        bound="Franchisor",
                        beneficiary="Müller",
                        verb="appoint-distributor",
                        scope=["DE-BY"],
                        carve_outs=[
                            ck.CarveOut(
                                id="online-sales",
                                title="Online sales stay open to every franchisee",
                                qualifiers=["online"],
                                evidence=[VBER_SOURCE],
                            )
                        ],
                    ),
                    ck.ConsentRequirement(
                        id="approved-suppliers",
                        title="Supplies only from approved suppliers",
                        evidence=[SUPPLIERS_SOURCE],
                        bound="Müller",
                        verb="buy-supplies",
                        consent_by="Franchisor",
                        carve_outs=[
                            ck.CarveOut(
                                id="named-suppliers",
                                title="The two approved suppliers",
                                counterparties=["Mehlwerk", "Hefe Nord"],
                                evidence=[SUPPLIERS_SOURCE],
                            )
                        ],
                    ),
                ],
            )
        ],
    )
