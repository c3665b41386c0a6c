"""Your own contract: write it as a TOML file, load it, and ask it questions.

Run from the repository root::

    python examples/your_own_contract.py

The contract is ``examples/distribution_agreement.toml``, a made-up
distribution agreement in the same format as the bundled Microsoft–OpenAI
model: parties, then dated amendments that add, end or replace clauses, each
with its evidence. Edit the file and run this again; everything printed
comes from clausekit.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import clausekit as ck

WIDTH = 88
CONTRACT = Path(__file__).with_name("distribution_agreement.toml")


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


def main() -> None:
    deal = ck.load(CONTRACT)

    heading(f"{deal.title}, loaded from {CONTRACT.name}")
    say(deal.description)
    print()
    print(deal.describe())

    gamma_de = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
    gamma_at = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="AT")
    gamma_ch = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="CH")

    heading("May Acme appoint Gamma in Germany?")
    for day in ("2021-05-01", "2024-05-01", "2026-02-01"):
        say(f"On {day}: {deal.ask(gamma_de, on=day).headline()}", hang="    ")
    print()
    print(deal.ask(gamma_de, on="2024-05-01").explain(width=WIDTH))

    heading("The same question, every answer from 2019 to 2027")
    print(deal.timeline(gamma_de, start="2019-01-01", end="2027-01-01").explain())

    heading("Austria, where Beta once consented to Gamma")
    print(deal.ask(gamma_at, on="2021-05-01").explain(width=WIDTH))

    heading("Switzerland: Beta must be offered it first")
    say(deal.ask(gamma_ch, on="2022-01-01").headline())
    for fact in (ck.OfferDeclined(by="Beta"), ck.OfferAccepted(by="Beta")):
        verdict = deal.ask(gamma_ch, on="2022-01-01", scenario=ck.Scenario(fact))
        say(f"if {fact!r}: {verdict.headline()}", indent="    ")

    heading("What the renewal changed, and what could be known before it took effect")
    comparison = deal.compare(gamma_de, "2021-05-01", "2024-05-01")
    print(comparison.explain())
    for day in ("2023-06-01", "2023-06-20"):
        known = deal.as_known_on(day)
        say(
            f"As known on {day}, Gamma in Germany on 2024-05-01 is "
            f"{known.ask(gamma_de, on='2024-05-01').headline()}",
            hang="    ",
        )

    heading("Acme's commission to Beta on EUR 1,000,000 of sales in 2024")
    print(deal.revenue_share("Acme", revenue=ck.Money("1000000", "EUR"), during="2024").explain())

    heading("Questions clausekit refuses, with the reason")
    for ask in (
        lambda: deal.ask(
            ck.AppointDistributor(principal="Acme", distributor="Delta", territory="DE"),
            on="2024-05-01",
        ),
        lambda: deal.ask(gamma_de, on="2024-02-30"),
    ):
        try:
            ask()
        except ck.ClauseKitError as exc:
            say(f"{type(exc).__name__}: {exc}", hang="    ")


if __name__ == "__main__":
    main()
