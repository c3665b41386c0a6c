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


# --------------------------------------------------------------------------- facts in time
#
# Two contracts from public reporting that need dated facts, a dispute and an
# uncertain date (issue 12).

NBA_OFFER = ck.OutsideSource(
    url="https://www.nexttv.com/news/nba-files-motion-to-dismiss-wbds-lawsuit-claims-it-tried-to-rewrite-amazons-offer",
    title="NBA files motion to dismiss WBD's lawsuit (Next TV)",
    published="2024-08-25",
    gloss=(
        "The NBA says TBS (Warner Bros. Discovery) did not match Amazon's offer but rewrote it; "
        "WBD says it matched. The league's filing says the offer went to TBS on July 17, TBS "
        "answered on July 22, and the NBA rejected the answer on July 24, 2024."
    ),
)
NBA_MATCH = ck.OutsideSource(
    url="https://www.newscaststudio.com/2024/07/26/wbd-tnt-nba-rights-lawsuit-preview/",
    title="WBD prepares NBA rights lawsuit (NewscastStudio)",
    published="2024-07-26",
    gloss=(
        "Turner had the right to match third-party offers for NBA rights after the 2024-25 "
        "season; WBD submitted paperwork matching Amazon's reported USD 1.8 bn a year offer."
    ),
)


def nba_matching_right() -> ck.Agreement:
    """The NBA must let Turner (WBD) match a third party's offer for a rights package.

    Turner had five days to match (reported as the gap between the offer of
    2024-07-17 and the answer of 2024-07-22). Silence within the window lets
    the league deal with the third party. Whether Turner's answer was a match
    is the dispute.
    """
    return ck.Agreement(
        id="nba-turner",
        title="NBA–Turner media rights (matching right)",
        parties=[
            ck.Party("NBA"),
            ck.Party("Turner", aliases=("TBS", "Warner Bros. Discovery", "WBD")),
            ck.Party("Amazon"),
        ],
        amendments=[
            ck.Amendment(
                id="rights-2014",
                title="Media rights agreement with a matching right",
                effective="2014-10-06",
                announced="2024-07-26",  # the matching right became public with the dispute
                evidence=[NBA_MATCH],
                adds=[
                    ck.RightOfFirstRefusal(
                        id="matching-right",
                        title="Turner may match a third party's offer",
                        evidence=[NBA_MATCH, NBA_OFFER],
                        grantor="NBA",
                        holder="Turner",
                        verb="license-media-rights",
                        respond_within_days=5,
                        silence="declined",
                    )
                ],
            )
        ],
    )


NBA_FACTS = ck.Scenario(
    ck.OfferMade(to="Turner", on="2024-07-17"),
    ck.Disputed(
        ck.OfferAccepted(by="Turner", on="2024-07-22"),
        ck.OfferDeclined(by="Turner", on="2024-07-22"),
        note="WBD says its answer matched Amazon's offer; the NBA says it rewrote it (no match).",
        evidence=[NBA_OFFER],
    ),
)
"""Offer to Turner on 2024-07-17; its answer of 2024-07-22 a match (WBD) or not (NBA)."""

SEARCH_SHARE = ck.OutsideSource(
    url="https://www.bloomberg.com/news/articles/2023-11-13/apple-gets-36-of-google-revenue-from-search-deal-witness-says",
    title="Apple gets 36% of Google revenue from search deal, witness says (Bloomberg)",
    published="2023-11-13",
    gloss="Google pays Apple 36 % of the search advertising revenue from Safari.",
)
SEARCH_JUDGMENT = ck.OutsideSource(
    url="https://mailinvest.blog/index.php/2026/01/21/google-files-appeal-challenging-six-year-search-remedies",
    title="Google files appeal challenging six-year search remedies (republished from PPC Land)",
    published="2026-01-21",
    gloss=(
        "The final judgment entered on 2025-12-05 bars exclusive distribution deals; the "
        "remedies become effective 180 days after entry (2026-06-03)."
    ),
)
SEARCH_JUDGMENT_YEAR = ck.OutsideSource(
    url="https://usaherald.com/judge-issues-google-search-final-antitrust-mandates-greenlights-sweeping-overhaul-of-search-market/3",
    title="Judge issues Google search final antitrust mandates (USA Herald)",
    published="2025-12-06",
    gloss=(
        "Six years of injunction: one year for implementation and five for enforcement "
        "(read as: the restrictions bind a year after entry, 2026-12-05). Publication day "
        "inferred from 'Friday's ruling' (the judgment of Friday 2025-12-05)."
    ),
)


def search_default_deal() -> ck.Agreement:
    """Google pays Apple a share of search revenue for the default; a judgment bars exclusivity.

    The share (36 %) is reported, not contract text, and was first public in
    court on 2023-11-13. The judgment's bar takes effect 180 days after entry
    by one report, a year after by another: an uncertain date.
    """
    return ck.Agreement(
        id="search-default",
        title="Google–Apple search default",
        parties=[ck.Party("Google"), ck.Party("Apple"), ck.Party("Microsoft")],
        amendments=[
            ck.Amendment(
                id="isa",
                title="Information services agreement: Google is Safari's default search",
                effective="2016-01-01",
                announced="2016-01-01",
                evidence=[SEARCH_SHARE],
                adds=[
                    ck.RevenueShare(
                        id="search-share",
                        title="Google shares search revenue from Safari with Apple",
                        evidence=[SEARCH_SHARE],
                        payer="Google",
                        payee="Apple",
                        reported_rate="0.36",
                        reported_rate_first_reported="2023-11-13",
                    )
                ],
            ),
            ck.Amendment(
                id="judgment",
                title="Final judgment: no exclusive default-search contracts",
                effective=ck.DateRange("2026-06-03", "2026-12-05"),
                announced="2025-12-06",
                evidence=[SEARCH_JUDGMENT_YEAR, SEARCH_JUDGMENT],
                adds=[
                    ck.ConsentRequirement(
                        id="no-exclusive-default",
                        title="Google may not make exclusive default-search contracts",
                        evidence=[SEARCH_JUDGMENT_YEAR, SEARCH_JUDGMENT],
                        bound="Google",
                        verb="make-exclusive-default-deal",
                    )
                ],
            ),
        ],
    )
