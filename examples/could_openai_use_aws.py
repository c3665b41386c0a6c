"""Could OpenAI use AWS to train its models, in January 2025 versus November 2025?

Run from the repository root::

    python examples/could_openai_use_aws.py

Everything printed comes from clausekit and the bundled model of the
Microsoft–OpenAI partnership (``clausekit.models.openai_microsoft()``): the
answers, the reasons, the clauses and amendments behind them, and the sources
they cite. Nothing here is hard-coded except the questions.
"""

from __future__ import annotations

import textwrap

import clausekit as ck
from clausekit.evidence import cite

WIDTH = 88


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


def days(period: ck.Period) -> str:
    """A period in words, with its last day (periods include the start, exclude the end)."""
    return f"{period.start} to {period.last_day}" if period.end else f"from {period.start} on"


def describe_amendment(amendment: ck.Amendment) -> None:
    say(
        f"Amendment {amendment.id!r}: {amendment.title}. In force from {amendment.effective}, "
        f"public from {amendment.announced}.",
        indent="    ",
    )
    if amendment.note:
        say(amendment.note, indent="      ")
    print("      Sources:")
    for evidence in amendment.evidence:
        say("- " + cite(evidence), indent="        ", hang="  ")


def main() -> None:
    deal = ck.models.openai_microsoft()
    aws = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)

    heading("Could OpenAI use AWS to train its models?")
    say(deal.description)
    say(
        "clausekit answers PERMITTED, PROHIBITED, CONDITIONAL (permitted only if the named "
        "facts hold) or UNKNOWN (a fact or term the answer needs is missing)."
    )

    for number, day in enumerate(("2025-01-15", "2025-11-15"), start=1):
        heading(f"{number}. On {day}")
        print(deal.ask(aws, on=day).explain(width=WIDTH))

    heading("3. January 2025 has two answers")
    january = deal.ask(aws, during="2025-01")
    for segment in january.segments:
        say(f"{days(segment.period)}: {segment.verdict.headline()}", hang="    ")
        if segment.opened_by is not None:
            say(f"what changed: {segment.cause}", indent="    ")

    heading("4. What changed between 2025-01-15 and 2025-11-15")
    comparison = deal.compare(aws, "2025-01-15", "2025-11-15")
    say(f"On {comparison.first.on}: {comparison.first.headline()}")
    say(f"On {comparison.second.on}: {comparison.second.headline()}")
    for change in comparison.changes:
        print()
        say(f"On {change.day} the answer changed: {change.cause}.")
        say(f"before: {change.before.headline()}", indent="    ", hang="        ")
        say(f"after:  {change.after.headline()}", indent="    ", hang="        ")
        if change.amendment is not None:
            describe_amendment(change.amendment)
            for ruling in change.after.rulings:
                if ruling.amendment.id != change.amendment.id:
                    continue
                say(f"Clause {ruling.clause_id!r}: {ruling.clause.title}. Sources:", "      ")
                for evidence in ruling.evidence:
                    say("- " + cite(evidence), indent="        ", hang="  ")

    heading("5. And serving OpenAI's API from AWS on 2025-11-15?")
    api = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.API)
    verdict = deal.ask(api, on="2025-11-15")
    say(verdict.headline())
    for ruling in verdict.rulings:
        say(f"{ruling.reason} (clause {ruling.clause_id!r}, {ruling.clause.title})", "    ")

    heading("6. From 2019 to 2027, at a glance")
    timeline = deal.timeline(aws, start="2019-01-01", end="2027-01-01")
    for segment in timeline.segments:
        opened = f"  [{segment.opened_by.id}]" if segment.opened_by else ""
        say(f"{days(segment.period)}: {segment.verdict.headline()}{opened}", hang="    ")


if __name__ == "__main__":
    main()
