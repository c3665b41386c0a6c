"""How much revenue share does OpenAI owe Microsoft, and what do we actually know?

Run from the repository root::

    python examples/revenue_share.py

The contract's rate is not public. clausekit says so (UNKNOWN, naming the
missing term) unless you assume a rate; the 20 % the press reports is kept
apart from contract text. Money is exact (``Decimal``), never a float. The
revenue figures below are illustrations, not reported numbers; every answer
printed comes from clausekit and the bundled model.
"""

from __future__ import annotations

import textwrap

import clausekit as ck
from clausekit.money import format_money

WIDTH = 88
REVENUE = ck.Money("10000000000", "USD")  # an illustration: USD 10 bn of revenue


def heading(text: str) -> None:
    print()
    print(text)
    print("=" * len(text))


def say(text: str, indent: str = "", *, hang: str = "") -> None:
    """Print ``text`` wrapped, never breaking a word, an id or a web address."""
    print(
        textwrap.fill(
            text,
            width=WIDTH,
            initial_indent=indent,
            subsequent_indent=indent + hang,
            break_long_words=False,
            break_on_hyphens=False,
        )
    )


def reported_rates(owed: ck.Owed) -> ck.Scenario:
    """A scenario assuming, for each clause behind ``owed``, the rate the press reports."""
    return ck.Scenario(
        *(
            ck.AssumedRate(share.clause.id, share.clause.reported_rate)
            for share in owed.shares
            if share.clause.reported_rate is not None
        )
    )


def main() -> None:
    deal = ck.models.openai_microsoft()

    heading("1. OpenAI's revenue share to Microsoft in 2025, from the contract alone")
    owed = deal.revenue_share("OpenAI", revenue=REVENUE, during="2025")
    print(owed.explain())
    for share in owed.shares:
        say(f"Clause {share.clause.id!r}: {share.clause.summary()}", hang="    ")
        say(share.clause.note, indent="    ")

    heading("2. The same, assuming the rate the press reports")
    scenario = reported_rates(owed)
    say(f"Assumed: {scenario.describe()}")
    print(deal.revenue_share("OpenAI", revenue=REVENUE, during="2025", scenario=scenario).explain())

    heading("3. Microsoft's revenue share to OpenAI in 2025")
    print(deal.revenue_share("Microsoft", revenue=REVENUE, during="2025").explain())

    heading("4. 2026: the terms change during the year")
    try:
        deal.revenue_share("OpenAI", revenue=REVENUE, during="2026")
    except ck.AmbiguityError as exc:
        say(f"clausekit refuses to guess: {exc}")
    # Split the year where the terms change, with illustrative revenue for each part.
    change = next(a for a in deal.changes("2026-01-01", "2026-12-31") if a.ended())
    parts = [
        (ck.Period("2026-01-01", change.effective), ck.Money("3000000000", "USD")),
        (ck.Period(change.effective, "2027-01-01"), ck.Money("7000000000", "USD")),
    ]
    say(f"Split at {change.effective} ({change.id!r}: {change.title}):")
    seen = {share.clause.id for share in owed.shares}
    for period, revenue in parts:
        rates = reported_rates(deal.revenue_share("OpenAI", revenue=revenue, during=period))
        owed_part = deal.revenue_share("OpenAI", revenue=revenue, during=period, scenario=rates)
        print(textwrap.indent(owed_part.explain(), "    "))
        for share in owed_part.shares:
            if share.clause.id not in seen:
                seen.add(share.clause.id)
                say(f"Clause {share.clause.id!r}: {share.clause.note}", indent="      ")
    for period, revenue in parts:
        print(
            textwrap.indent(
                deal.revenue_share("Microsoft", revenue=revenue, during=period).explain(), "    "
            )
        )

    heading("5. The reported AGI profit test")
    for day in ("2025-06-01", "2026-06-01"):
        profits = ck.Money("120000000000", "USD")
        result = deal.agi_profit_test(profits, on=day)
        if result is None:
            say(f"On {day}: no AGI clause in force records a profit definition.")
        else:
            clause = next(
                i.clause for i in deal.in_force(on=day) if isinstance(i.clause, ck.AGIClause)
            )
            meets = "meet" if result else "do not meet"
            say(
                f"On {day}: profits of {format_money(profits)} {meets} the reported definition of clause "
                f"{clause.id!r} ({clause.summary()})",
                hang="    ",
            )


if __name__ == "__main__":
    main()
